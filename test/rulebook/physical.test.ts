import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { answersFrom } from '../support/build.js';
import { chapterTemplates, stubSection, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, numbered, sectionOf, sectionsIn, tableRows } from '../support/model.js';

/**
 * 物理的対策（3 章）: the real templates of templates/rulebook/3-physical inside a small template
 * set (the chapter refers to no other section), so these tests depend only on this chapter.
 */

const PHYSICAL = chapterTemplates('3-physical');

const TEMPLATES = templateSet({
  組織的対策: { '01.md': stubSection('情報セキュリティのための組織', 'org-organization') },
  人的対策: { '01.md': stubSection('雇用条件', 'hr-employment') },
  物理的対策: PHYSICAL,
});

const COMPANY = `
organization: { name: テスト工業株式会社, type: company }
document: { effectiveDate: 2026-04-01 }
`;
const ASSOCIATION = `
organization: { name: 一般社団法人テスト協会, type: association }
document: { effectiveDate: 2026-04-01 }
`;

const rulebookOf = (yaml: string): Document => generate(answersFrom(yaml), TEMPLATES).documents[0]!;

const physical = (doc: Document): Chapter => chapterTitled(doc, '物理的対策');
const section = (doc: Document, id: string): Section => sectionOf(physical(doc), id);
const textOf = (blocks: readonly Block[]): string => blocksText(blocks);
const chapterText = (doc: Document): string => textOf(physical(doc).children);
const sectionText = (doc: Document, id: string): string => textOf([section(doc, id)]);
const tablesOf = (doc: Document, id: string): Table[] => section(doc, id).children.filter((b): b is Table => b.type === 'table');
const rowsOf = (table: Table): string[][] => tableRows(table);

describe('物理的対策: 既定（株式会社）', () => {
  const doc = rulebookOf(COMPANY);

  it('6 節と小節がサンプルの番号で並ぶ', () => {
    expect(sectionsIn(physical(doc).children).map(numbered)).toEqual([
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

describe('物理的対策: 回答の値とリスト', () => {
  it('領域・保管期間・記録項目・設備・搬入物・ロック時間は回答の値で描かれる', () => {
    const doc = rulebookOf(`${COMPANY}
physical:
  entry:
    areas:
      - name: 一般領域
        places: 受付
        users: 誰でも
        locking: 最終退室者
        devices: なし
        restrictions: 放置禁止
        visitors: 許可制
        records: null
        intrusionDetection: センサー
        visitorBadge: 不要
        fireProtection: 消火器
      - name: 執務領域
        places: 執務室
        users: 従業員のみ
        locking: 常時施錠
        devices: パソコン
        restrictions: 持出し禁止
        visitors: エスコート
        records: 記録簿
        intrusionDetection: null
        visitorBadge: 要着用
        fireProtection: スプリンクラー
    logRetention: 3年間
    logItems: [入退室の日時, 氏名]
  facilities: [無線LAN装置は、管理者の目の届くところに設置する。]
  deliveries:
    - site: 本社
      routes: [{ item: 郵便物, via: 総務課 }]
    - site: 大阪営業所
      routes: [{ item: 宅配便, via: 営業所受付 }]
  clearScreen: { lockMinutes: 10 }
`);
    const tables = tablesOf(doc, 'phys-security-areas');
    expect(tables.map((t) => rowsOf(t)[0])).toEqual([
      ['一般領域', '受付'],
      ['執務領域', '執務室'],
    ]);
    expect(rowsOf(tables[0]!)[6]).toEqual(['管理記録', '－']);
    expect(rowsOf(tables[1]!)[7]).toEqual(['侵入検知', '－']);
    const areas = sectionText(doc, 'phys-security-areas');
    expect(areas).toContain('※上記の入退室記録は、少なくとも3年間保管する');
    expect(areas).toContain('入退室の日時\n氏名');
    expect(areas).not.toContain('入退場手段');
    const facilities = sectionText(doc, 'phys-facilities');
    expect(facilities).toContain('無線LAN装置は、管理者の目の届くところに設置する。');
    expect(facilities).not.toContain('床下配線');
    expect(sectionText(doc, 'phys-deliveries')).toContain('＜本社＞\n郵便物：総務課\n＜大阪営業所＞\n宅配便：営業所受付');
    const screen = sectionText(doc, 'phys-clear-screen');
    expect(screen).toContain('スクリーンセーバー起動時間を10分以内に設定し、パスワードを設定する。');
    expect(screen).toContain('スリープ起動時間を10分以内に設定し、');
  });

  it('ロック時間は 1〜60 分の整数', () => {
    expect(() => answersFrom(`${COMPANY}\nphysical: { clearScreen: { lockMinutes: 0 } }\n`)).toThrow(/physical\.clearScreen\.lockMinutes/u);
    expect(() => answersFrom(`${COMPANY}\nphysical: { clearScreen: { lockMinutes: 2.5 } }\n`)).toThrow(/lockMinutes/u);
  });

  it('Markdown の記号を含む値は文字どおりに出る', () => {
    const doc = rulebookOf(`${COMPANY}
physical:
  deliveries:
    - site: "**本社** | 1"
      routes: [{ item: "# 郵便物", via: "[受付](http://x) <b>" }]
  disposal:
    methods: [{ media: "- 書類", method: "^" }]
    reuse: [{ media: "1. 媒体", method: "> 不可" }]
`);
    expect(sectionText(doc, 'phys-deliveries')).toContain('＜**本社** | 1＞\n# 郵便物：[受付](http://x) <b>');
    expect(rowsOf(tablesOf(doc, 'phys-media-disposal')[0]!)).toEqual([['- 書類', '^']]);
    expect(rowsOf(tablesOf(doc, 'phys-media-reuse')[0]!)).toEqual([['1. 媒体', '> 不可']]);
  });
});

describe('物理的対策: 語彙・機密区分', () => {
  it('協会の語彙（職員・当協会・事務局・理事長室・部外秘）で読める', () => {
    const doc = rulebookOf(ASSOCIATION);
    const text = chapterText(doc);
    expect(text).toContain('当協会内で扱う情報資産の重要度に応じて協会内の領域を区分する。');
    expect(text).toContain('職員、協会外関係者、部外者が立ち入り可');
    expect(text).toContain('事務局執務室・理事長室・書庫');
    expect(text).toContain('未使用時に部外秘又は極秘の情報資産の放置禁止');
    expect(text).toContain('職員は、部外秘又は極秘の書類及び電子データを保存した');
    expect(text).toContain('退勤時又は使用しないときには電源を切り');
    expect(text).toContain('＜事務局＞');
    expect(text).not.toMatch(/当社|従業員|社外秘|社長室|本社|退社時|総務部/u);
  });

  it('非公開レベルが 1 つなら「社外秘又は極秘」はそのラベルだけ', () => {
    const doc = rulebookOf(`${COMPANY}
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

  it('役割を改名すると本文の役割名も変わる', () => {
    const doc = rulebookOf(`${COMPANY}
roles:
  systemAdmin: { name: 情報システム管理者 }
  departmentOfficer: { name: 情報セキュリティ所属責任者 }
`);
    const text = chapterText(doc);
    expect(text).toContain('鍵の管理責任者（情報システム管理者）');
    expect(text).toContain('情報システム管理者は、IT基盤で利用した機器を返却、廃棄、譲渡を行う場合は');
    expect(text).toContain('情報セキュリティ所属責任者の許可を得ること。');
  });
});
