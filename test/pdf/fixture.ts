import type { Block, Chapter, Document, Inline, Section, Table } from '../../src/model/types.js';
import { box, cell, list, para, part, row, section, text as t } from '../support/builders.js';

/**
 * A hand-made document model for the PDF writer: every node type, and enough of each to cross page
 * boundaries (dense text, a long table with lists and merged cells, a row taller than a page, the
 * checklist form, the chart, notes, line breaks, draft gaps, Latin words and a URL).
 */

/** Rule-like sentences of the IPA sample, for dense text. */
export const SENTENCES = [
  '情報セキュリティ対策を推進するための組織として、情報セキュリティ委員会を設置する。',
  '情報セキュリティ委員会は以下の構成とし、情報セキュリティ対策状況の把握、情報セキュリティ対策に関する指針を定め・見直し、情報セキュリティ対策に関する情報の共有を実施する。',
  '情報セキュリティ責任者は、平時および有事の情報セキュリティ対策推進に必要な関係者の連絡先リストを定める。',
  '重要度が2以上の情報資産を社外に持ち出す場合は、情報セキュリティ部門責任者の許可を得る（持ち出し先、期間、目的を申請書に記載する）。',
  'USBメモリ、HDD等の電子媒体に保存して持ち出す場合は、不要データは全て完全消去専用ツールで消去し、持ち出すデータを暗号化する。',
  '「情報資産管理台帳」の重要度が1以上である情報資産を取り扱う業務を外部に委託する場合は、委託先評価基準に基づいて評価する。',
  'パスワードは英大文字、英小文字、数字及び記号を組み合わせた12文字以上とし、推測されやすいものは使用しない。',
  'インシデントが発生した場合、発見者は速やかにインシデント対応責任者へ報告する。報告を受けた責任者は、影響範囲を特定し、必要な措置を講じる。',
];

const dense = (from: number, count: number) => para(...Array.from({ length: count }, (_, i) => SENTENCES[(from + i) % SENTENCES.length]!));

const rolesTable: Table = {
  type: 'table',
  columns: [{ width: 3 }, { width: 7 }],
  headerRows: 1,
  headerColumn: true,
  variant: 'default',
  children: [
    row(cell('役職名'), cell('役割と責任')),
    row(cell('情報セキュリティ責任者'), cell('全社の情報セキュリティ方針・体制を統括し、情報セキュリティ対策を決定する。全社の情報セキュリティ対策に対して全責任を負う。')),
    row(cell('システム管理者'), cell('社内の情報システムに必要な情報セキュリティ対策の検討・導入を行う。情報システムのセキュリティリスクの最小化に努める責任を負う。')),
    row(cell('教育責任者'), cell('情報セキュリティ対策を推進するために従業員への教育を企画・実施する。')),
  ],
};

/** 30 assets with lists inside cells, a row-spanning category and a wide merged note row. */
const assetTable: Table = {
  type: 'table',
  columns: [{ width: 2 }, { width: 1 }, { width: 4 }, { width: 3 }],
  headerRows: 1,
  headerColumn: false,
  variant: 'default',
  children: [
    row(cell('分類'), cell('番号'), cell('情報資産'), cell('保管場所')),
    ...Array.from({ length: 30 }, (_, i) => {
      const cells = [
        cell(String(i + 1)),
        cell([para(`資産台帳の項目${i + 1}：${SENTENCES[i % SENTENCES.length]!.slice(0, 20 + (i % 5) * 6).replace(/[（「]$/u, '')}`)]),
        cell(i % 4 === 0 ? [list(false, ['事務所の施錠できる書庫', '基幹サーバー（バックアップはクラウド）'])] : `保管場所${i + 1}`),
      ];
      // Every fifth row opens a category spanning five rows.
      return i % 5 === 0 ? row(cell(`カテゴリー${i / 5 + 1}`, 5), ...cells) : row(...cells);
    }),
    row(cell('※台帳は年1回以上見直し、変更があった場合は速やかに更新する。', 1, 4)),
  ],
};

/** One row taller than a page: its cells continue on the next page. */
const tallRowTable: Table = {
  type: 'table',
  columns: [{ width: 1 }, { width: 4 }],
  headerRows: 1,
  headerColumn: false,
  variant: 'default',
  children: [
    row(cell('項目'), cell('手順')),
    row(cell('復旧手順'), cell([list(true, Array.from({ length: 42 }, (_, i) => `手順${i + 1}：${SENTENCES[i % SENTENCES.length]!}`))])),
  ],
};

const checklist: Table = {
  type: 'table',
  columns: [{ width: 2 }, { width: 0.8 }, { width: 6 }, { width: 1.6 }],
  headerRows: 1,
  headerColumn: false,
  variant: 'checklist',
  children: [
    row(cell('区分'), cell('No'), cell('確認項目'), cell([para('実施状況\n（○、×）')])),
    ...[
      ['ガバナンスの整備', 3],
      ['取引先管理', 3],
      ['リスクの特定', 4],
      ['攻撃等の防御', 6],
      ['攻撃等の検知', 2],
      ['インシデントへの対応', 3],
    ].flatMap(([category, count], g, all) => {
      const before = all.slice(0, g).reduce((s, [, c]) => s + (c as number), 0);
      return Array.from({ length: count as number }, (_, k) => {
        const n = before + k + 1;
        const item = cell(`${SENTENCES[n % SENTENCES.length]!.replace(/。$/u, '')}ていますか？`);
        return k === 0 ? row(cell(category as string, count as number), cell(String(n)), item, cell('')) : row(cell(String(n)), item, cell(''));
      });
    }),
  ],
};

export const CHART = {
  type: 'chart',
  title: '情報セキュリティ委員会体制図',
  root: box(
    ['情報セキュリティ責任者', '（代表取締役）'],
    [
      box(['監査・点検責任者', '（内部監査室長）']),
      box(['システム管理者', '（管理部長）']),
      box(['教育責任者', '（人事部長）']),
      box(['インシデント対応責任者', '（管理部長）']),
      box(['個人情報保護管理者', '（管理部長）']),
      box(['情報セキュリティ部門責任者', '（営業部長）', '（技術部長）', '（経理部長）', '（製造部長）']),
    ],
  ),
} as const satisfies Block;

const chapter = (id: string, number: string, title: string, scope: string, children: Block[]): Chapter => ({
  type: 'chapter',
  id,
  numbering: 'decimal',
  number,
  title,
  revised: '2026年4月1日',
  scope: [t(scope)],
  children,
});

export const FIXTURE: Document = {
  type: 'document',
  id: 'rulebook',
  meta: {
    title: '情報セキュリティ関連規程',
    organization: 'テスト工業株式会社',
    version: '1.2',
    effectiveDate: '2026-04-01',
    effectiveDateText: '2026年4月1日',
    approver: '代表取締役社長',
    classification: '社外秘',
    revisions: [
      { version: '1.0', date: '2024-04-01', dateText: '2024年4月1日', description: '制定' },
      { version: '1.1', date: '2025-04-01', dateText: '2025年4月1日', description: 'テレワークの規定を追加（「2.人的対策」の「3.テレワーク」）' },
      { version: '1.2', date: '2026-04-01', dateText: '2026年4月1日', description: 'IPA サンプル最新版に合わせて改訂' },
    ],
    fonts: { body: '游明朝', heading: '游ゴシック' },
    front: 'cover',
    orientation: 'portrait',
  },
  children: [
    chapter('org', '1', '組織的対策', '全社・全従業員（取締役、社員、派遣社員、パート・アルバイトを含む）', [
      section('org-organization', 1, '1', '情報セキュリティのための組織', [
        dense(0, 2),
        rolesTable,
        CHART,
        para(SENTENCES[2]!, '\n連絡先リストには、情報セキュリティ関係者（責任者/担当者）に関する以下の内容を含める。'),
        list(false, ['従業員名', '所属名（部署/チーム名など）', '連絡先（電話番号/Eメールアドレスなど）']),
      ]),
      section('org-assets', 1, '2', '情報資産の管理', [
        section('org-assets-classification', 2, '2.1', '情報資産の機密性の評価と分類', [
          dense(3, 6),
          para(
            '評価の方法は',
            { type: 'xref', target: 'hr-telework', text: '「2.人的対策」の「3.テレワーク」' },
            'を参照し、詳細は',
            { type: 'link', url: 'https://www.ipa.go.jp/security/guide/sme/about.html', children: [t('https://www.ipa.go.jp/security/guide/sme/about.html')] },
            'に従う。',
            { type: 'strong', children: [t('極秘の情報資産は持ち出してはならない。')] },
          ),
          list(true, [
            [para('情報資産を洗い出し、台帳に記録する。'), list(false, ['紙の文書', '電子データ（ファイルサーバー、クラウドサービス）'])],
            '機密性・完全性・可用性の評価値を付ける。',
            [para('評価値から重要度を決める。'), list(true, ['機密性が3のとき', '可用性が2以上のとき'])],
          ]),
          section('org-assets-ledger', 3, '2.1.1', '情報資産管理台帳', [
            assetTable,
            section('org-assets-ledger-review', 4, '2.1.1.1', '台帳の見直し', [dense(5, 3)]),
          ]),
        ]),
        section('org-assets-recovery', 2, '2.2', '復旧手順', [tallRowTable, { type: 'note', children: [para('注：この手順は、年1回以上の訓練で確認する。訓練の結果は情報セキュリティ委員会に報告し、必要に応じて手順を見直す。'), list(false, ['訓練の記録は3年間保管する。'])] }]),
      ]),
      section('org-vendor-checklist', 1, '2-1', '委託先情報セキュリティ対策状況確認リスト', [para('注：このサンプルは、委託先の情報セキュリティ対策の実施状況を確認するためのものです。'), checklist], true),
    ]),
    chapter('hr', '2', '人的対策', '全従業員', [
      section('hr-duties', 1, '1', '従業員の責務', [dense(1, 5), dense(4, 7), { type: 'pageBreak' }, dense(2, 4)]),
      section('hr-telework', 1, '2', 'テレワーク', [
        para('テレワークの実施にあたっては、', { type: 'gap', key: 'human.telework.approver', question: 'テレワークを許可する役職' }, 'の許可を得る。'),
        para('利用するVPN製品：Cisco AnyConnect Secure Mobility Client（バージョン4.10以降）。Windows Update は自動更新とし、月1回「適用状況」を確認する。'),
        para('「ぁ」「っ」「ー」のような小書き文字・長音は行頭に来ない。括弧（「」『』（）［］【】）と句読点、。も正しく処理する……'),
      ]),
    ]),
  ],
};

/** Every paragraph of a model as plain text (cells and notes included), in reading order. */
export function paragraphsOf(blocks: readonly Block[], out: string[] = []): string[] {
  const inline = (nodes: readonly Inline[]): string =>
    nodes
      .map((n) => (n.type === 'text' ? n.value : n.type === 'xref' ? n.text : n.type === 'gap' ? `【要記入：${n.question}】` : inline(n.children)))
      .join('');
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'label') out.push(inline(b.children));
    else if (b.type === 'list') b.children.forEach((item) => paragraphsOf(item.children, out));
    else if (b.type === 'table') b.children.forEach((r) => r.children.forEach((c) => paragraphsOf(c.children, out)));
    else if (b.type === 'note' || b.type === 'section' || b.type === 'chapter') paragraphsOf(b.children, out);
  }
  return out;
}

const article = (id: string, number: string, title: string, clauses: Block[][]): Section => ({
  type: 'section',
  id,
  level: 1,
  annex: false,
  numbering: number ? 'article' : 'none',
  number,
  title: [t(title)],
  children: clauses.map((children, i) => ({ type: 'clause', number: i === 0 ? '' : '２３４５'[i - 1]!, children })),
});

/** Rules in articles (第1条（目的）, clauses ２, items (1)), without a cover: the title on the first page. */
export const RULES: Document = {
  ...FIXTURE,
  id: 'my-number-rules',
  meta: { ...FIXTURE.meta, title: '特定個人情報取扱規程', front: 'title', revisions: [] },
  children: [
    {
      type: 'chapter',
      id: 'mn-general',
      numbering: 'article',
      number: '1',
      title: '総則',
      revised: '',
      scope: [],
      children: [
        article('mn-purpose', '1', '目的', [[para('この規程は、当社における個人番号及び特定個人情報の適正な取扱いを確保するために必要な事項を定める。')]]),
        article('mn-definitions', '2', '定義', [
          [para('この規程において、次の各号に掲げる用語の意義は、当該各号に定めるところによる。'), list(true, ['個人番号：行政手続における特定の個人を識別するための番号の利用等に関する法律に定める個人番号をいう。', '特定個人情報：個人番号をその内容に含む個人情報をいう。'])],
          [para('前項に定めるもののほか、この規程で用いる用語は、番号法の定めるところによる。')],
        ]),
      ],
    },
    {
      type: 'chapter',
      id: 'mn-handling',
      numbering: 'article',
      number: '2',
      title: '取扱い',
      revised: '',
      scope: [],
      children: [
        article('mn-officer', '3', '事務取扱責任者', [[para(SENTENCES[1]!, SENTENCES[3]!)], [para(SENTENCES[4]!)], [para(SENTENCES[7]!)]]),
        article('mn-supplement', '', '附則', [[para('この規程は、2026年4月1日から施行する。')]]),
      ],
    },
    {
      type: 'fields',
      children: [
        { type: 'field', label: [t('会社名')], hint: [], seal: false },
        { type: 'field', label: [t('確認者（情報セキュリティ責任者の代理として確認する者）')], hint: [], seal: false },
        { type: 'field', label: [t('確認日')], hint: [t('年　　月　　日')], seal: false },
        { type: 'field', label: [t('承認')], hint: [t('印')], seal: true },
      ],
    },
    { type: 'signature', lines: [[t('2026年4月1日')], [t('テスト工業株式会社')], [t('代表取締役社長　山田太郎')]] },
  ],
};

/** A pack: the rulebook and two appendices, one of them a landscape ledger, each with its own label. */
export const PACK: Document = {
  ...FIXTURE,
  id: 'pack',
  meta: { ...FIXTURE.meta, title: '情報セキュリティ規程集' },
  children: [
    part('rulebook', '', '情報セキュリティ関連規程', '社外秘', 'portrait', [FIXTURE.children[1]!]),
    part('asset-ledger', '付録1', '情報資産管理台帳', '社外秘', 'landscape', [
      {
        type: 'table',
        columns: [1, 3, 2, 2, 1, 1, 1, 2, 2].map((width) => ({ width })),
        headerRows: 1,
        headerColumn: false,
        variant: 'default',
        children: [
          row(...['No', '情報資産の名称', '業務分類', '保管場所', '機密性', '完全性', '可用性', '管理責任者', '備考'].map((h) => cell(h))),
          ...Array.from({ length: 24 }, (_, i) =>
            row(cell(String(i + 1)), cell(`顧客台帳${i + 1}`), cell('営業'), cell('ファイルサーバー'), cell('3'), cell('2'), cell('2'), cell('営業部長'), cell(i % 3 === 0 ? 'クラウドにバックアップ' : '')),
          ),
        ],
      },
    ]),
    part('basic-policy', '付録2', '情報セキュリティ基本方針', '公開', 'portrait', [para(SENTENCES[0]!), { type: 'signature', lines: [[t('2026年4月1日')], [t('テスト工業株式会社')]] }]),
  ],
};
