import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { answersFrom } from '../support/build.js';
import { chapterTemplates, stubSection, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, numbered, sectionOf, sectionsIn, tableRows, tablesIn } from '../support/model.js';

/**
 * 人的対策（2 章）: the real templates of templates/rulebook/2-human inside a small template set
 * whose 組織的対策 chapter is a stand-in holding the section 2 refers to (5.1 情報資産の特定と機密性の評価),
 * so these tests depend only on this chapter's templates.
 */

const HUMAN = chapterTemplates('2-human');

const TEMPLATES = templateSet({
  組織的対策: {
    '01.md': stubSection('情報セキュリティのための組織', 'org-organization'),
    '02.md': stubSection('情報セキュリティ取組みの監査・点検', 'org-audit'),
    '03.md': stubSection('情報セキュリティに関する情報共有', 'org-information-sharing'),
    '04.md': stubSection('情報セキュリティ基本方針', 'org-basic-policy'),
    '05.md': '# 情報資産管理 {#org-assets}\n\n## 情報資産の特定と機密性の評価 {#org-asset-evaluation}\n\n本文\n',
  },
  人的対策: HUMAN,
});

const COMPANY = `
organization: { name: テスト工業株式会社, type: company }
document: { effectiveDate: 2026-04-01 }
`;
const ASSOCIATION = `
organization: { name: 一般社団法人テスト協会, type: association }
document: { effectiveDate: 2026-04-01 }
`;

const run = (yaml: string): GenerateResult => generate(answersFrom(yaml), TEMPLATES);
const rulebookOf = (yaml: string): Document => run(yaml).documents[0]!;

const human = (doc: Document): Chapter => chapterTitled(doc, '人的対策');
const section = (doc: Document, id: string): Section => sectionOf(human(doc), id);
/** A list item reads as a 「・」 line, as in the sample's cells. */
const textOf = (blocks: readonly Block[]): string => blocksText(blocks, { listMarker: '・' });
const chapterText = (doc: Document): string => textOf(human(doc).children);
const sectionText = (doc: Document, id: string): string => textOf([section(doc, id)]);
const topLevel = (doc: Document) => sectionsIn(human(doc).children).map(numbered);
const subsections = (doc: Document, id: string) => sectionsIn(section(doc, id).children).map(numbered);
const tableOf = (doc: Document, id: string): Table => {
  const [table] = tablesIn(section(doc, id).children);
  if (!table) throw new Error(`${id} に表がありません`);
  return table;
};
const rowsOf = (table: Table): string[][] => tableRows(table, { listMarker: '・' });

describe('人的対策: 既定（株式会社・すべてのオプションあり）', () => {
  const doc = rulebookOf(COMPANY);

  it('6 節と 6 の小節がサンプルの番号で並ぶ', () => {
    expect(topLevel(doc)).toEqual([
      '1 雇用条件',
      '2 従業員の責務',
      '3 雇用の終了',
      '4 情報セキュリティ教育',
      '5 人材育成',
      '6 テレワークにおける対策',
    ]);
    expect(subsections(doc, 'hr-telework-device-security')).toEqual([
      '6.2.1 社有機器を利用する場合',
      '6.2.2 私有機器を利用する場合',
      '6.2.3 社内標準アプリ',
    ]);
  });

  it('営業秘密の注記は組織的対策 5.1 を参照し、しきい値は 3/2/1 のとき 2', () => {
    const text = sectionText(doc, 'hr-duties');
    expect(text).toContain(
      '※当社が営業秘密として管理する情報とは、「1.組織的対策」の「5.1 情報資産の特定と機密性の評価」に示す「情報資産管理台帳」の機密性評価値が2以上のものをいう。',
    );
    expect(text).toContain('違反時の懲戒については、就業規則に準じる。');
    expect(text).not.toMatch(/編集時注意|mhlw/u);
  });

  it('機器の表の私有機器の列は 6.2.2 を参照する', () => {
    const rows = rowsOf(tableOf(doc, 'hr-telework-devices'));
    expect(rows[0]).toEqual(['情報機器', '社有機器', '私有機器']);
    expect(rows[1]).toEqual([
      'パソコン',
      '・全社貸与テレワーク用PCを利用\n・社内PCを持ち出して利用',
      '「6.2.2 私有機器を利用する場合」の対策を実施して利用',
    ]);
    expect(rows.map((r) => r[2])).toContain('私有機器の業務利用禁止');
    expect(rows.map((r) => r[2])).toContain('必要に応じて私有機器を利用');
    expect(sectionText(doc, 'hr-telework-devices')).toContain('また、私有機器への極秘情報及び社外秘情報のダウンロードは原則禁止とする。');
  });

  it('●● の値（製品名・部署・連絡先）は未記入として一覧に出る', () => {
    const keys = run(COMPANY).unfilled.map((u) => u.key);
    expect(keys).toContain('human.telework.systems.0.product');
    expect(keys).toContain('human.telework.systems.1.url');
    expect(keys).toContain('human.telework.devices.1.ownedFor');
    expect(keys).toContain('human.telework.apps.0.product');
    expect(keys).toContain('human.telework.inquiryContacts.0.phone');
    expect(keys).toContain('human.telework.emergencyContacts.0.email');
  });

  it('役割の連絡先を記入すると 6.6 の既定値になる', () => {
    const filled = rulebookOf(`${COMPANY}
roles:
  systemAdmin: { phone: 03-1234-5678, email: admin@example.jp }
`);
    const text = sectionText(filled, 'hr-telework-contacts');
    expect(text).toContain('システム管理者（管理部長）TEL：03-1234-5678\nMail：admin@example.jp');
  });
});

describe('人的対策: オプション', () => {
  it('telework: false は 6 を丸ごと除き、ほかの番号は変わらない', () => {
    const doc = rulebookOf(`${COMPANY}
options: { telework: false }
`);
    expect(topLevel(doc)).toEqual(['1 雇用条件', '2 従業員の責務', '3 雇用の終了', '4 情報セキュリティ教育', '5 人材育成']);
    expect(chapterText(doc)).not.toContain('テレワーク');
  });

  it('privateDevices: prohibited は 6.2.2 を除き、6.2.3 が 6.2.2 に繰り上がり、私有機器の列は禁止の 1 セル', () => {
    const doc = rulebookOf(`${COMPANY}
options: { privateDevices: prohibited }
`);
    expect(subsections(doc, 'hr-telework-device-security')).toEqual(['6.2.1 社有機器を利用する場合', '6.2.2 社内標準アプリ']);
    const table = tableOf(doc, 'hr-telework-devices');
    // 最初の行だけが私有機器のセルを持ち、下の行すべてと結合している
    expect(textOf(table.children[1]!.children[2]!.children)).toBe('私有機器の業務利用禁止');
    expect(table.children[1]!.children[2]!.rowSpan).toBe(table.children.length - 1);
    expect(table.children.slice(2).every((row) => row.children.length === 2)).toBe(true);
    const text = chapterText(doc);
    expect(text).not.toContain('私有機器を利用する場合');
    expect(text).not.toContain('私有機器への');
  });
});

describe('人的対策: 選択肢', () => {
  it('雇用時の守秘義務: pledge（誓約書）/ contract（秘密保持契約）と社外要員の有無', () => {
    const pledge = sectionText(rulebookOf(COMPANY), 'hr-employment');
    expect(pledge).toContain('従業員を雇用する際には守秘義務ルールを説明の上、誓約書を提出させる。');
    expect(pledge).toContain('ただし、社外要員については、当該企業と秘密保持契約を締結する。');
    const contract = sectionText(
      rulebookOf(`${COMPANY}
human:
  employment: { confidentiality: contract, externalStaff: false }
`),
      'hr-employment',
    );
    expect(contract).toContain('従業員を雇用する際には秘密保持契約を締結する。');
    expect(contract).not.toContain('誓約書');
    expect(contract).not.toContain('ただし');
  });

  it('機器の表: measures / asNeeded / prohibited と対象者・代わりのサービス', () => {
    const doc = rulebookOf(`${COMPANY}
human:
  telework:
    devices:
      - { device: タブレット, ownedFor: 営業部員, owned: [会社貸与品を利用], private: measures, privateAlternatives: null }
      - { device: プリンタ, ownedFor: null, owned: [会社貸与品を利用, 複合機を利用], private: measures, privateAlternatives: コンビニのサービス }
      - { device: ヘッドセット, ownedFor: 営業部員, owned: [貸与品を利用], private: asNeeded, privateAlternatives: null }
      - { device: USBメモリ, ownedFor: null, owned: [貸与品を利用], private: prohibited, privateAlternatives: null }
`);
    expect(rowsOf(tableOf(doc, 'hr-telework-devices')).slice(1)).toEqual([
      ['タブレット', '営業部員は会社貸与品を利用', '営業部員以外は「6.2.2 私有機器を利用する場合」の対策を実施して利用'],
      ['プリンタ', '・会社貸与品を利用\n・複合機を利用', '私有機器またはコンビニのサービスを、「6.2.2 私有機器を利用する場合」の対策を実施して利用'],
      ['ヘッドセット', '営業部員は貸与品を利用', '営業部員以外は必要に応じて私有機器を利用'],
      ['USBメモリ', '貸与品を利用', '私有機器の業務利用禁止'],
    ]);
  });

  it('システム構成と通信機器は選んだ行だけ。自宅・外出先の結合も選んだ行に合わせる', () => {
    const doc = rulebookOf(`${COMPANY}
human:
  telework:
    configurations: [cloud]
    networks: [wirelessRouter, publicWifi]
`);
    expect(rowsOf(tableOf(doc, 'hr-telework-configurations')).map((r) => r[0])).toEqual(['方式', 'クラウドサービス方式']);
    const network = rowsOf(tableOf(doc, 'hr-telework-network'));
    expect(network.map((r) => r.slice(0, 2))).toEqual([
      ['利用場所', '通信機器サービス'],
      ['自宅', '無線LANルーター'],
      ['外出先\n※取引先・レンタルオフィス・カフェ・ホテル・ファーストフード・コンビニ・空港・駅・鉄道・バスなど', '公衆Wi-Fiサービス'],
    ]);
    expect(sectionText(doc, 'hr-telework-outside')).toContain('公衆Wi-Fiを利用するときは以下を遵守する。');
  });

  it('公衆Wi-Fiを選ばないと外出時の注意は利用しない旨になる', () => {
    const doc = rulebookOf(`${COMPANY}
human:
  telework:
    networks: [wiredHub, wirelessRouter, mobileRouter]
`);
    const network = tableOf(doc, 'hr-telework-network');
    expect(network.children).toHaveLength(4);
    expect(network.children[1]!.children[0]!.rowSpan).toBe(2);
    const text = sectionText(doc, 'hr-telework-outside');
    expect(text).toContain('公衆Wi-Fiは利用しない。');
    expect(text).not.toContain('公衆Wi-Fiを利用するときは');
  });
});

describe('人的対策: 語彙・機密区分', () => {
  it('協会の語彙（職員・当協会・機密・協会所有・部外秘）で読める', () => {
    const doc = rulebookOf(ASSOCIATION);
    expect(topLevel(doc)[1]).toBe('2 職員の責務');
    const text = chapterText(doc);
    expect(text).toContain('職員は、当協会が機密として管理する情報及びその複製物の一切を許可されていない組織、人に提供してはならない。');
    expect(text).toContain('情報セキュリティ対策基準の説明（採用時、就業時、必要に応じて異動時/役割変更時）');
    expect(text).toContain('また、私有機器への極秘情報及び部外秘情報のダウンロードは原則禁止とする。');
    expect(text).toContain('協会所有機器を利用する場合');
    expect(text).toContain('・協会貸与テレワーク用PCを利用');
    expect(text).not.toMatch(/当社|従業員|社外秘|全社|社有/u);
  });

  it('評価値 2/1/0 ではしきい値が 1、非公開レベルが 1 つなら「…情報」も 1 つ', () => {
    const doc = rulebookOf(`${COMPANY}
confidentiality:
  levels:
    - { label: 秘, value: 1, criteria: [漏えいすると事業に影響がある], takeOutApprover: 部門長 }
    - { label: 公開, value: 0, criteria: [影響はない], takeOutApprover: null }
`);
    expect(sectionText(doc, 'hr-duties')).toContain('機密性評価値が1以上のものをいう。');
    expect(sectionText(doc, 'hr-telework-devices')).toContain('また、私有機器への秘情報のダウンロードは原則禁止とする。');
  });
});

describe('人的対策: リストの回答', () => {
  it('教育テーマ・研修記録・推奨資格・標準アプリ・連絡先は回答の行で描かれる', () => {
    const doc = rulebookOf(`${COMPANY}
human:
  education:
    audience: 全従業員及び派遣社員
    frequency: 年2回
    topics: [標的型攻撃メールへの対応（随時）]
    recordItems: [受講日]
  development:
    qualifications: [情報セキュリティマネジメント試験, 情報処理安全確保支援士試験]
  telework:
    apps:
      - { purpose: ウイルス対策, product: アプリA }
    emergencyContacts:
      - { role: 総務担当, title: null, phone: 03-0000-0000, email: null }
      - { role: 情報システム担当, title: 課長, phone: null, email: it@example.jp }
`);
    const plan = sectionText(doc, 'hr-education-plan');
    expect(plan).toContain('対象者：全従業員及び派遣社員\n開催頻度：年2回\nテーマ：以下は必須とする。');
    expect(plan).toContain('標的型攻撃メールへの対応（随時）');
    expect(plan).not.toContain('最新の脅威');
    expect(sectionText(doc, 'hr-education-records')).toContain('受講日');
    expect(sectionText(doc, 'hr-development')).not.toContain('ITパスポート試験');
    expect(rowsOf(tableOf(doc, 'hr-telework-apps'))).toEqual([['ウイルス対策', 'アプリA']]);
    const contacts = sectionText(doc, 'hr-telework-contacts');
    expect(contacts).toContain('総務担当TEL：03-0000-0000');
    expect(contacts).toContain('情報システム担当（課長）\nMail：it@example.jp');
  });

  it('情報システムの表: 用途・手順が複数なら「・」付き、URL と手順書は下に続く', () => {
    const doc = rulebookOf(`${COMPANY}
human:
  telework:
    systems:
      - kind: グループウェア
        product: 製品X
        uses: [連絡]
        procedures: [直接アクセス, 二要素認証を利用]
        url: https://gw.example.jp/
        manual: 手順書.pdf
      - { kind: チャット, product: null, uses: [連絡, 会議], procedures: [], url: null, manual: null }
`);
    expect(rowsOf(tableOf(doc, 'hr-telework-systems')).slice(1)).toEqual([
      ['グループウェア\n製品X', '連絡', '・直接アクセス\n・二要素認証を利用\nhttps://gw.example.jp/\n手順書.pdf 参照'],
      ['チャット', '・連絡\n・会議', ''],
    ]);
  });

  it('Markdown の記号を含む値は文字どおりに出る', () => {
    const doc = rulebookOf(`${COMPANY}
human:
  development:
    qualifications: ["**太字** | # 見出し [リンク](http://x)"]
  telework:
    systems:
      - { kind: "- 箇条 | 表", product: "1. 番号", uses: ["> 引用"], procedures: ["^"], url: null, manual: null }
`);
    expect(sectionText(doc, 'hr-development')).toContain('**太字** | # 見出し [リンク](http://x)');
    const rows = rowsOf(tableOf(doc, 'hr-telework-systems'));
    expect(rows[1]).toEqual(['- 箇条 | 表\n1. 番号', '> 引用', '^']);
  });
});
