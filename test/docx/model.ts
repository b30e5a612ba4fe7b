import type { Document, Section, Table } from '../../src/model/types.js';
import { box, cell, list, para, part, section, text } from '../support/builders.js';

/** A small hand-made document model with every node type, for the Word writer's unit tests. */

const mergedTable: Table = {
  type: 'table',
  columns: [{ width: 1 }, { width: 3 }, { width: 2 }],
  headerRows: 1,
  headerColumn: true,
  variant: 'default',
  children: [
    { type: 'tableRow', children: [cell('レベル'), cell('影響範囲'), cell('責任者')] },
    {
      type: 'tableRow',
      children: [
        cell('3', 2),
        cell([para('取引先に影響が及ぶとき'), list(false, ['個人情報が漏えいしたとき', [para('業務が停止したとき'), list(true, ['一次対応', '二次対応'])]])]),
        cell('代表取締役'),
      ],
    },
    { type: 'tableRow', children: [cell('上のセルと結合した行'), cell('管理部長')] },
    { type: 'tableRow', children: [cell('2'), cell('二列にまたがるセル', 1, 2)] },
  ],
};

const checklist: Table = {
  type: 'table',
  columns: [{ width: 2 }, { width: 1 }, { width: 6 }, { width: 2 }],
  headerRows: 1,
  headerColumn: false,
  variant: 'checklist',
  children: [
    { type: 'tableRow', children: [cell('区分'), cell('No'), cell('確認項目'), cell('実施状況')] },
    { type: 'tableRow', children: [cell('ガバナンス', 2), cell('1'), cell('責任者を決めていますか？'), cell([])] },
    { type: 'tableRow', children: [cell('2'), cell('規程を周知していますか？'), cell([])] },
  ],
};

export const SAMPLE_MODEL: Document = {
  type: 'document',
  id: 'rulebook',
  meta: {
    title: '情報セキュリティ関連規程',
    organization: 'テスト工業株式会社',
    version: '1.0',
    effectiveDate: '2026-04-01',
    effectiveDateText: '2026年4月1日',
    approver: '代表取締役',
    classification: '社外秘',
    revisions: [
      { version: '1.0', date: '2026-04-01', dateText: '2026年4月1日', description: '制定' },
      { version: '1.1', date: '2026-10-01', dateText: '2026年10月1日', description: 'テレワークの規定を追加\n様式を改訂' },
    ],
    fonts: { body: '游明朝', heading: '游ゴシック' },
    front: 'cover',
    orientation: 'portrait',
  },
  children: [
    {
      type: 'chapter',
      numbering: 'decimal',
      id: 'organizational',
      number: '1',
      title: '組織的対策',
      revised: '2026年4月1日',
      scope: [text('全社・全従業員')],
      children: [
        section('org-organization', 1, '1', '情報セキュリティのための組織', [
          para('情報セキュリティ委員会を設置する。', { type: 'strong', children: [text('重要')] }),
          para('一行目\n二行目'),
          {
            type: 'chart',
            title: '情報セキュリティ委員会体制図',
            root: box(['情報セキュリティ責任者', '（代表取締役）'], [box(['システム管理者', '（管理部長）']), box(['部門責任者'], [box(['（営業部長）']), box(['（技術部長）'])])]),
          },
          list(false, ['従業員名', [para('所属名'), list(false, ['部署', 'チーム'])]]),
        ]),
        section('org-access', 1, '2', 'アクセス制御', [
          section('org-access-policy', 2, '2.1', 'アクセス制御方針', [
            list(true, ['申請する', '承認する', '登録する'], 3),
            para('詳細は', { type: 'xref', target: 'tech-user-auth-method', text: '「2.技術的対策」の「1.1 利用者認証方法」' }, 'を参照。'),
            section('org-access-deep', 3, '2.1.1', '特権アカウント', [section('org-access-deeper', 4, '2.1.1.1', '管理者権限', [para('最小限とする。')])]),
          ]),
          mergedTable,
          { type: 'pageBreak' },
          { type: 'note', children: [para('注記の本文。'), list(false, ['注記の箇条書き'])] },
          para('未記入: ', { type: 'gap', key: 'incident.contacts.0.phone', question: '連絡先の電話番号' }),
          para('参考: ', { type: 'link', url: 'https://www.ipa.go.jp/security/', children: [text('IPA')] }),
        ]),
        section('org-checklist', 1, '2-1', '委託先チェックリスト', [checklist], true),
      ],
    },
    {
      type: 'chapter',
      numbering: 'decimal',
      id: 'technical',
      number: '2',
      title: '技術的対策',
      revised: '2026年4月1日',
      scope: [text('業務で利用する情報機器')],
      children: [section('tech-user-auth', 1, '1', '利用者認証', [section('tech-user-auth-method', 2, '1.1', '利用者認証方法', [para('パスワードを用いる。')])])],
    },
  ],
};

/** An article (第2条) of two clauses, the second with items: what a set of rules is made of. */
export const article = (id: string, number: string, title: string): Section => ({
  type: 'section',
  id,
  level: 1,
  annex: false,
  numbering: 'article',
  number,
  title: [text(title)],
  children: [
    { type: 'clause', number: '', children: [para('乙は、甲の承諾を得なければならない。')] },
    { type: 'clause', number: '２', children: [para('乙は、次の各号に掲げる事項を守る。'), list(true, ['直ちに通知すること', [para('再発防止策を協議すること'), list(true, ['甲も参加する'])]])] },
  ],
});

/** A pack: a statement with a signature, a set of rules in 第1章, and a landscape form with fields as an appendix. */
export const PACK_MODEL: Document = {
  type: 'document',
  id: 'pack',
  meta: { ...SAMPLE_MODEL.meta, title: '情報セキュリティ関連規程（配布用）' },
  children: [
    part('basic-policy', '', '情報セキュリティ基本方針', '公開', 'portrait', [
      para('当社は、情報セキュリティに取り組みます。'),
      { type: 'signature', lines: [[text('2026年4月1日')], [text('テスト工業株式会社')], [text('代表取締役　山田 太郎')]] },
    ]),
    part('my-number-rules', '', '特定個人情報取扱規程', '社外秘', 'portrait', [
      { type: 'chapter', id: 'mnr-general', numbering: 'article', number: '1', title: '総則', revised: '', scope: [], children: [article('mnr-purpose', '1', '目的'), article('mnr-sub', '2', '再委託')] },
      { type: 'chapter', id: 'mnr-supplementary', numbering: 'none', number: '', title: '附則', revised: '', scope: [], children: [para('この規程は、2026年4月1日から施行する。')] },
    ]),
    part('asset-ledger', '付録1', '情報資産管理台帳', '社外秘', 'landscape', [
      { type: 'fields', children: [{ type: 'field', label: [text('部門名')], hint: [], seal: false }, { type: 'field', label: [text('更新日')], hint: [text('年　月　日')], seal: false }] },
      { ...checklist },
    ]),
  ],
};
