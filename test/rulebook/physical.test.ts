import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { answersFrom } from '../support/build.js';
import { sampleProfileYaml } from '../support/sample-profile.js';
import { chapterTemplates, stubSection, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, findSection, numbered, sectionOf, sectionsIn, tableRows } from '../support/model.js';

/**
 * 物理的対策（3 章）: the real templates of templates/rulebook/3-physical inside a small template
 * set (the chapter refers to no other section), so these tests depend only on this chapter. The
 * answers are organization profiles (kitei: 2): the sample's own facts, or an organization that
 * states only what a test is about.
 */

const PHYSICAL = chapterTemplates('3-physical');

const TEMPLATES = templateSet({
  組織的対策: { '01.md': stubSection('情報セキュリティのための組織', 'org-organization') },
  人的対策: { '01.md': stubSection('雇用条件', 'hr-employment') },
  物理的対策: PHYSICAL,
});

/** A company that states nothing but its name. */
const COMPANY = `
kitei: 2
organization: { name: テスト工業株式会社, type: company, size: medium }
document: { effectiveDate: 2026-04-01 }
`;
const ASSOCIATION = `
kitei: 2
organization: { name: 一般社団法人テスト協会, type: association, size: medium }
document: { effectiveDate: 2026-04-01 }
`;
/** The IPA sample's own facts. */
const SAMPLE = sampleProfileYaml();

/** One area of each level, stating only what has no default wording (the rooms and the measures). */
const AREAS = `
areas:
  - { level: 1, rooms: [受付, 応接室], locking: 最終退室者による施錠, devices: なし, records: null, intrusionDetection: null, fireProtection: 消火器 }
  - { level: 2, rooms: [執務室], locking: 常時施錠, devices: パソコン, records: 記録簿, intrusionDetection: センサー, fireProtection: 消火器 }
  - { level: 3, rooms: [サーバーラック], locking: 常時施錠, devices: サーバー, records: 記録簿, intrusionDetection: センサー, fireProtection: 消火器 }
`;

const run = (yaml: string): GenerateResult => generate(answersFrom(yaml), TEMPLATES);
const rulebookOf = (yaml: string): Document => run(yaml).documents[0]!;

const physical = (doc: Document): Chapter => chapterTitled(doc, '物理的対策');
const section = (doc: Document, id: string): Section => sectionOf(physical(doc), id);
const textOf = (blocks: readonly Block[]): string => blocksText(blocks);
const chapterText = (doc: Document): string => textOf(physical(doc).children);
const sectionText = (doc: Document, id: string): string => textOf([section(doc, id)]);
const tablesOf = (doc: Document, id: string): Table[] => section(doc, id).children.filter((b): b is Table => b.type === 'table');
const rowsOf = (table: Table): string[][] => tableRows(table);
const topLevel = (doc: Document) => sectionsIn(physical(doc).children).map(numbered);
const gapsOf = (result: GenerateResult) => result.unfilled.map((u) => `${u.key} ${u.question}`);

describe('物理的対策: IPA サンプルの事実（株式会社）', () => {
  const doc = rulebookOf(SAMPLE);

  it('6 節と小節がサンプルの番号で並ぶ', () => {
    expect(topLevel(doc)).toEqual([
      '1 入室権限およびセキュリティ領域',
      '2 関連設備の管理',
      '3 セキュリティ領域内注意事項',
      '4 搬入物の受け渡し',
      '5 クリアデスク・クリアスクリーン',
      '6 廃棄・返却・譲渡',
    ]);
    expect(sectionsIn(section(doc, 'phys-disposal').children).map(numbered)).toEqual([
      '6.1 共通ルール',
      '6.2 媒体の廃棄方法',
      '6.3 媒体の再利用',
    ]);
  });

  it('セキュリティ領域は領域ごとに 1 つの縦型の表（見出し列つき）', () => {
    const tables = tablesOf(doc, 'phys-security-areas');
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      expect(table.headerColumn).toBe(true);
      expect(table.headerRows).toBe(1);
      expect(rowsOf(table).map((r) => r[0])).toEqual([
        expect.stringMatching(/^レベル\d領域$/u),
        '利用者',
        '施錠',
        '設置可能情報機器',
        '制限事項',
        '部外者管理',
        '管理記録',
        '侵入検知',
        '来客用名札',
        '火災対策',
      ]);
    }
    const level1 = rowsOf(tables[0]!);
    expect(level1[0]).toEqual(['レベル1領域', '本社受付・応接スペース・商談室・倉庫']);
    expect(level1[4]).toEqual(['制限事項', '未使用時に社外秘又は極秘の情報資産の放置禁止']);
    expect(level1[6]).toEqual(['管理記録', '－']);
    expect(rowsOf(tables[2]!)[2]).toEqual(['施錠', '常時施錠及び警備会社への通報装置作動、鍵の管理責任者（システム管理者）']);
    expect(sectionText(doc, 'phys-security-areas')).toContain('※上記の入退室記録は、少なくとも1年間保管する');
  });

  it('関連設備は回答の設備に、サーバーがあるときの施錠の規定が加わる', () => {
    expect(sectionText(doc, 'phys-facilities')).toContain('LANケーブルは回線盗聴防止のため床下配線とする。\nサーバーの設置に当たって、サーバーの設置エリアを施錠');
  });

  it('廃棄・再利用の表と機密区分の言い回し', () => {
    expect(sectionText(doc, 'phys-media-disposal')).toContain('社外秘又は極秘の情報資産を廃棄する場合は以下の処分を行う。');
    expect(rowsOf(tablesOf(doc, 'phys-media-disposal')[0]!)).toEqual([
      ['書類・フィルム', '細断/溶解/焼却'],
      ['USBメモリ・HDD・CD・DVD', '破壊/細断/完全消去\n※OSによる削除・クイックフォーマットは不可'],
    ]);
    expect(rowsOf(tablesOf(doc, 'phys-media-reuse')[0]!).map((r) => r[0])).toEqual([
      '書類',
      'USBメモリ・HDD・CD-RWディスク・DVD-RWディスク',
      'CD-R・DVD-R',
    ]);
  });
});

describe('物理的対策: 事実を書いていない組織', () => {
  const result = run(COMPANY);
  const doc = result.documents[0]!;

  it('セキュリティ領域は、areas を指す要記入の 1 つの表になり、サンプルの部屋は出ない', () => {
    const tables = tablesOf(doc, 'phys-security-areas');
    expect(tables).toHaveLength(1);
    expect(rowsOf(tables[0]!)[0]).toEqual(['セキュリティ領域', expect.stringMatching(/^【要記入：セキュリティ領域（レベル1/u)]);
    expect(result.unfilled.map((u) => u.key)).toContain('areas');
    expect(chapterText(doc)).not.toMatch(/本社受付|サーバールーム|警備会社/u);
  });

  it('設備の規定も搬入物の受け渡し場所もなければ、その 2 節がなくなり、番号が詰まる', () => {
    expect(topLevel(doc)).toEqual([
      '1 入室権限およびセキュリティ領域',
      '2 セキュリティ領域内注意事項',
      '3 クリアデスク・クリアスクリーン',
      '4 廃棄・返却・譲渡',
    ]);
    expect(findSection(physical(doc).children, 'phys-facilities')).toBeUndefined();
    expect(findSection(physical(doc).children, 'phys-deliveries')).toBeUndefined();
    expect(chapterText(doc)).not.toContain('以下を介して行う');
    expect(chapterText(doc)).not.toContain('情報機器に関連する設備は以下を設置する。');
  });

  it('保管期間とロック時間は推奨値付きの要記入になり、サンプルの値は出ない', () => {
    expect(gapsOf(result)).toEqual(
      expect.arrayContaining([
        'rules.physical.entryLogRetention 入退室記録の保管期間（推奨: 1年間）',
        'rules.physical.screenLockMinutes スクリーンセーバー・スリープが起動するまでの時間の上限（分）（推奨: 5分）',
      ]),
    );
    expect(sectionText(doc, 'phys-clear-screen')).not.toContain('5分以内');
  });

  it('部門がなければ、撮影・録音の許可は情報セキュリティ責任者が出す', () => {
    expect(sectionText(doc, 'phys-area-rules')).toContain('業務上必要な場合は、情報セキュリティ責任者の許可を得ること。');
  });
});

describe('物理的対策: 回答の値とリスト', () => {
  it('領域・保管期間・設備・搬入物・ロック時間は回答の値で描かれる', () => {
    const doc = rulebookOf(`${COMPANY}
areas:
  - level: 2
    rooms: [執務室]
    users: 従業員のみ
    locking: 常時施錠
    devices: パソコン
    restrictions: 持出し禁止
    visitors: エスコート
    records: 記録簿
    intrusionDetection: null
    visitorBadge: 要着用
    fireProtection: スプリンクラー
  - level: 1
    rooms: [受付, 打合せ室]
    users: 誰でも
    locking: 最終退室者
    devices: なし
    restrictions: 放置禁止
    visitors: 許可制
    records: null
    intrusionDetection: センサー
    visitorBadge: 不要
    fireProtection: 消火器
sites:
  - { id: hq, name: 本社, deliveries: [{ item: 郵便物, via: 総務課 }] }
  - { id: branch, name: 倉庫 }
  - { id: osaka, name: 大阪営業所, deliveries: [{ item: 宅配便, via: 営業所受付 }] }
rules:
  physical:
    facilities: [無線LAN装置は、管理者の目の届くところに設置する。]
    entryLogRetention: 3年間
    screenLockMinutes: 10
`);
    // 領域はレベルの順に並び、名前はレベルから、場所は部屋を「・」でつないで作る
    const tables = tablesOf(doc, 'phys-security-areas');
    expect(tables.map((t) => rowsOf(t)[0])).toEqual([
      ['レベル1領域', '受付・打合せ室'],
      ['レベル2領域', '執務室'],
    ]);
    expect(rowsOf(tables[0]!).map((r) => r[1])).toEqual(['受付・打合せ室', '誰でも', '最終退室者', 'なし', '放置禁止', '許可制', '－', 'センサー', '不要', '消火器']);
    expect(rowsOf(tables[1]!)[7]).toEqual(['侵入検知', '－']);
    const areas = sectionText(doc, 'phys-security-areas');
    expect(areas).toContain('※上記の入退室記録は、少なくとも3年間保管する');
    // 入退室記録の項目は、書かなければサンプルの文言（rules.physical.entryLogItems で組織のものにできる）
    expect(areas).toContain('入退場の日付/時刻\n入退場者名の情報');
    const facilities = sectionText(doc, 'phys-facilities');
    expect(facilities).toContain('無線LAN装置は、管理者の目の届くところに設置する。');
    expect(facilities).not.toContain('床下配線');
    expect(facilities).not.toContain('サーバーの設置');
    // 搬入物のない事業所（倉庫）は出ない
    expect(sectionText(doc, 'phys-deliveries')).toContain('＜本社＞\n郵便物：総務課\n＜大阪営業所＞\n宅配便：営業所受付');
    expect(sectionText(doc, 'phys-deliveries')).not.toContain('倉庫');
    const screen = sectionText(doc, 'phys-clear-screen');
    expect(screen).toContain('スクリーンセーバー起動時間を10分以内に設定し、パスワードを設定する。');
    expect(screen).toContain('スリープ起動時間を10分以内に設定し、');
  });

  it('書かなかった利用者・制限事項・部外者管理・名札はレベルごとのサンプルの文言になる', () => {
    const tables = tablesOf(rulebookOf(`${COMPANY}${AREAS}`), 'phys-security-areas');
    const column = (table: Table, label: string) => rowsOf(table).find((r) => r[0] === label)![1];
    expect(tables.map((t) => column(t, '利用者'))).toEqual([
      '従業員、社外関係者、部外者が立ち入り可',
      '従業員以外の入室は従業員の許可又はエスコートが必要',
      'あらかじめ許可された業務上アクセスが必要な者',
    ]);
    expect(tables.map((t) => column(t, '来客用名札'))).toEqual(['着用不要', '要着用', '要着用']);
    expect(column(tables[0]!, '管理記録')).toBe('－');
    expect(column(tables[0]!, '侵入検知')).toBe('－');
  });

  it('サーバーか NAS があれば、設備の規定を書かなくてもサーバーの施錠の規定が 2 節に載る', () => {
    const doc = rulebookOf(`${COMPANY}
inventory:
  - { id: nas, kind: nas, name: NAS }
`);
    expect(topLevel(doc)[1]).toBe('2 関連設備の管理');
    expect(sectionText(doc, 'phys-facilities')).toContain('サーバーの設置に当たって、サーバーの設置エリアを施錠');
    expect(sectionText(doc, 'phys-facilities')).not.toContain('床下配線');
  });

  it('ロック時間は 1〜60 分の整数', () => {
    expect(() => answersFrom(`${COMPANY}\nrules: { physical: { screenLockMinutes: 0 } }\n`)).toThrow(/rules\.physical\.screenLockMinutes/u);
    expect(() => answersFrom(`${COMPANY}\nrules: { physical: { screenLockMinutes: 2.5 } }\n`)).toThrow(/screenLockMinutes/u);
  });

  it('Markdown の記号を含む値は文字どおりに出る', () => {
    const doc = rulebookOf(`${COMPANY}
sites:
  - { id: hq, name: "**本社** | 1", deliveries: [{ item: "# 郵便物", via: "[受付](http://x) <b>" }] }
rules:
  physical:
    disposal: [{ media: "- 書類", method: "^" }]
    reuse: [{ media: "1. 媒体", method: "> 不可" }]
`);
    expect(sectionText(doc, 'phys-deliveries')).toContain('＜**本社** | 1＞\n# 郵便物：[受付](http://x) <b>');
    expect(rowsOf(tablesOf(doc, 'phys-media-disposal')[0]!)).toEqual([['- 書類', '^']]);
    expect(rowsOf(tablesOf(doc, 'phys-media-reuse')[0]!)).toEqual([['1. 媒体', '> 不可']]);
  });
});

describe('物理的対策: 語彙・機密区分', () => {
  it('協会の語彙（職員・当協会・協会外・部外秘・退勤時）で読める', () => {
    const doc = rulebookOf(`${ASSOCIATION}${AREAS}
sites:
  - { id: office, name: 事務局, deliveries: [{ item: 郵便物, via: 事務局受付 }] }
rules:
  physical: { facilities: [LANケーブルは床下配線とする。] }
`);
    const text = chapterText(doc);
    expect(text).toContain('当協会内で扱う情報資産の重要度に応じて協会内の領域を区分する。');
    expect(text).toContain('職員、協会外関係者、部外者が立ち入り可');
    expect(text).toContain('職員以外の入室は職員の許可又はエスコートが必要');
    expect(text).toContain('未使用時に部外秘又は極秘の情報資産の放置禁止');
    expect(text).toContain('入退場者名の情報（区分（職員・委託先・訪問者など）、所属団体名、所属先、氏名など）');
    expect(text).toContain('職員は、部外秘又は極秘の書類及び電子データを保存した');
    expect(text).toContain('退勤時又は使用しないときには電源を切り');
    expect(text).toContain('＜事務局＞');
    expect(text).not.toMatch(/当社|従業員|社外秘|社長室|本社|退社時|総務部|会社名/u);
  });

  it('非公開レベルが 1 つなら「社外秘又は極秘」はそのラベルだけ', () => {
    const doc = rulebookOf(`${COMPANY}${AREAS}
confidentiality:
  levels:
    - { label: 関係者外秘, value: 2, criteria: [漏えいすると事業に影響がある], takeOutApprover: 部門長 }
    - { label: 公開, value: 1, criteria: [影響はない], takeOutApprover: null }
`);
    const text = chapterText(doc);
    expect(text).toContain('関係者外秘の情報資産を廃棄する場合は以下の処分を行う。');
    expect(text).toContain('関係者外秘の情報資産を保存した媒体を再利用する場合は、');
    expect(text).toContain('従業員は、関係者外秘の書類及び電子データを保存した');
    expect(text).toContain('未使用時に関係者外秘の情報資産の放置禁止');
    expect(text).not.toMatch(/社外秘|極秘/u);
  });

  it('役割を改名すると本文の役割名も変わる（部門責任者は部門があるとき）', () => {
    const doc = rulebookOf(`${COMPANY}
people:
  - { id: sales-head, title: 営業部長 }
departments:
  - { id: sales, name: 営業部, head: sales-head }
roles:
  systemAdmin: { name: 情報システム管理者 }
  departmentOfficer: { name: 情報セキュリティ所属責任者 }
`);
    const text = chapterText(doc);
    expect(text).toContain('情報システム管理者は、IT基盤で利用した機器を返却、廃棄、譲渡を行う場合は');
    expect(text).toContain('情報セキュリティ所属責任者の許可を得ること。');
  });
});
