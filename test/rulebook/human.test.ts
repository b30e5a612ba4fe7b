import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { answersFrom, generateYaml, MINIMAL_COMPANY } from '../support/build.js';
import { sampleProfileYaml } from '../support/sample-profile.js';
import { chapterTemplates, stubSection, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, findSection, numbered, sectionOf, sectionsIn, tableRows, tablesIn } from '../support/model.js';

/**
 * 人的対策（2 章）: the real templates of templates/rulebook/2-human inside a small template set
 * whose 組織的対策 chapter is a stand-in holding the section 2 refers to (5.1 情報資産の特定と機密性の評価),
 * so these tests depend only on this chapter's templates. The answers are organization profiles
 * (kitei: 2): the sample's own facts (test/fixtures/answers/ipa-sample.yaml), or a company that
 * states only what a test is about.
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

/** A company that states nothing but its name: every fact of the chapter is still to be written. */
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

/** A telework setup with the given devices (the configurations and networks are not what these tests are about). */
const telework = (devices: string, networks = '[wiredHub, wirelessRouter]') => `
telework:
  configurations: [cloud]
  networks: ${networks}
  devices:
${devices}`;
const PC = '    - { device: パソコン, lent: [会社貸与のノートPCを利用], private: prohibited }\n';

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
const gapsOf = (result: GenerateResult) => result.unfilled.map((u) => `${u.key} ${u.question}`);

describe('人的対策: IPA サンプルの事実（株式会社・テレワークと私有機器あり）', () => {
  const doc = rulebookOf(SAMPLE);

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
      '※当社が営業秘密として管理する情報とは、「1.組織的対策」の「5.1 情報資産の特定と機密性の評価」に示す「情報資産管理台帳」の機密性評価値が2以上（社外秘又は極秘）のものをいう。',
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

  it('テレワークで使うシステムと標準アプリは、inventory の telework・app を書いた項目から作る', () => {
    expect(rowsOf(tableOf(doc, 'hr-telework-systems')).map((r) => r[0])).toEqual([
      '情報システム・サービス',
      '会計・給与計算ソフト\n給与計算ソフトA',
      '電子メールソフト\nメールソフトA',
      'クラウド型グループウェア\nグループウェアA',
      'クラウド型ビジネスチャット\nチャットA',
      'オンライン会議システム\n会議システムA',
      'CRMシステム\nCRM-A',
    ]);
    expect(rowsOf(tableOf(doc, 'hr-telework-apps'))).toEqual([
      ['セキュリティソフト', 'ウイルス対策ソフトB'],
      ['ビジネスチャットメール', 'チャットA'],
      ['社内通話・打ち合わせ', '会議システムA'],
      ['メール・スケジュール管理システムへのアクセス', 'メールアプリA'],
    ]);
    expect(sectionText(doc, 'hr-telework-private-devices')).toContain('・業務を行うときは以下の社内標準アプリを公式マーケットから入手して利用する。');
  });

  it('6.6 の問合せ先・緊急連絡先はシステム管理者を務める人の電話（緊急時は携帯）とメール', () => {
    const text = sectionText(doc, 'hr-telework-contacts');
    expect(text).toContain('＜問合せ先＞\nシステム管理者（管理部長）TEL：03-0000-0001\nMail：admin@sample.example');
    expect(text).toContain('＜緊急連絡先＞※夜間休日を問いません\nシステム管理者（管理部長）TEL：090-0000-0001\nMail：admin@sample.example');
  });
});

describe('人的対策: 事実を書いていない組織', () => {
  const result = run(COMPANY);
  const doc = result.documents[0]!;

  it('テレワークの表は回答ファイルのキー付きの要記入の行になり、サンプルの例の行は出ない', () => {
    expect(gapsOf(result)).toEqual(
      expect.arrayContaining([
        'inventory[].telework テレワークで使う情報システム・サービスと用途（inventory の telework）',
        'telework テレワークで使う情報機器（telework.devices）',
        'people[].roles: systemAdmin システム管理者を務める人の役職',
      ]),
    );
    expect(rowsOf(tableOf(doc, 'hr-telework-systems'))).toEqual([
      ['情報システム・サービス', '用途', '導入手順・制限事項'],
      ['【要記入：テレワークで使う情報システム・サービスと用途（inventory の telework）】', '', ''],
    ]);
    expect(rowsOf(tableOf(doc, 'hr-telework-devices'))[1]![0]).toBe('【要記入：テレワークで使う情報機器（telework.devices）】');
    const text = chapterText(doc);
    for (const example of ['全社貸与テレワーク用PC', 'グループウェアA', '管理部長', 'ウイルス対策ソフトB']) expect(text).not.toContain(example);
  });

  it('テレワークの機器を書いていなければ、私有機器の規定（6.2.2）も載せない（私有機器を使ってよい機器が分からない）', () => {
    expect(subsections(doc, 'hr-telework-device-security')).toEqual(['6.2.1 社有機器を利用する場合']);
    expect(chapterText(doc)).not.toContain('私有機器への');
  });

  it('組織が貸与しない種類の機器の対策は 6.2.1 に載せない（USBメモリを貸与しなければ＜USBメモリ＞と「貸与のUSBメモリ」がない）', () => {
    const pcOnly = rulebookOf(`${COMPANY}${telework(`${PC}    - { device: USBメモリ・外付けHDD, lent: none, private: prohibited }\n`)}`);
    const owned = sectionText(pcOnly, 'hr-telework-owned-devices');
    expect(owned).toContain('＜パソコン＞');
    for (const absent of ['＜スマホ・タブレット＞', '＜USBメモリ＞']) expect(owned).not.toContain(absent);
    expect(chapterText(pcOnly)).not.toContain('貸与のUSBメモリ');

    const media = rulebookOf(`${COMPANY}${telework(`${PC}    - { device: 外付けHDD, lent: [暗号化機能付きの製品を貸与], private: measures }\n`)}`);
    expect(sectionText(media, 'hr-telework-owned-devices')).toContain('＜USBメモリ＞');

    const nothingLent = rulebookOf(`${COMPANY}${telework('    - { device: パソコン, lent: none, private: measures }\n')}`);
    expect(subsections(nothingLent, 'hr-telework-device-security')).toEqual(['6.2.1 私有機器を利用する場合']);
  });

  it('標準アプリがなければ 6.2.3 と、それを紹介する箇条がなくなり、6.2 の番号は続く', () => {
    // A private smartphone may be used, so 6.2.2 is there; no app is listed.
    const withDevices = rulebookOf(`${COMPANY}${telework(`${PC}    - { device: スマホ・タブレット, lent: none, private: measures }\n`)}`);
    expect(subsections(withDevices, 'hr-telework-device-security')).toEqual(['6.2.1 社有機器を利用する場合', '6.2.2 私有機器を利用する場合']);
    expect(findSection(human(withDevices).children, 'hr-telework-apps')).toBeUndefined();
    expect(chapterText(withDevices)).not.toContain('標準アプリを公式マーケットから入手');
    expect(chapterText(withDevices)).not.toContain('社内標準アプリは、以下を利用する。');
  });

  it('システム管理者の連絡先が書かれていなければ、その人の項目を指す要記入になる', () => {
    const partial = run(`${COMPANY}
people:
  - { id: admin, title: 管理部長, roles: [systemAdmin], email: admin@example.jp }
`);
    expect(gapsOf(partial)).toEqual(
      expect.arrayContaining(['people.0.phone 管理部長の電話番号', 'people.0.mobile 管理部長の緊急連絡先の電話番号（携帯電話）']),
    );
    const text = sectionText(partial.documents[0]!, 'hr-telework-contacts');
    expect(text).toContain('＜問合せ先＞\nシステム管理者（管理部長）TEL：【要記入：管理部長の電話番号】\nMail：admin@example.jp');
    expect(text).toContain('システム管理者（管理部長）TEL：【要記入：管理部長の緊急連絡先の電話番号（携帯電話）】\nMail：admin@example.jp');
  });

  it('システム管理者の電話・メールを書くと 6.6 に載る（携帯がなければ緊急連絡先も職場の電話）', () => {
    const filled = rulebookOf(`${COMPANY}
people:
  - { id: admin, title: 管理部長, roles: [systemAdmin], phone: 03-1234-5678, email: admin@example.jp }
`);
    const text = sectionText(filled, 'hr-telework-contacts');
    expect(text).toContain('＜問合せ先＞\nシステム管理者（管理部長）TEL：03-1234-5678\nMail：admin@example.jp');
    expect(text).toContain('＜緊急連絡先＞※夜間休日を問いません\nシステム管理者（管理部長）TEL：03-1234-5678\nMail：admin@example.jp');
  });

  it('製品名を { todo } で残したテレワークのシステムは、その項目の product を指す', () => {
    const result = run(`${COMPANY}
inventory:
  - id: groupware
    kind: cloud-service
    label: グループウェア
    product: { todo: グループウェアの製品名 }
    telework: { uses: [社内連絡] }
`);
    expect(gapsOf(result)).toContain('inventory.0.product グループウェアの製品名');
    expect(rowsOf(tableOf(result.documents[0]!, 'hr-telework-systems'))[1]![0]).toBe('グループウェア\n【要記入：グループウェアの製品名】');
  });
});

describe('人的対策: テレワーク・私有機器の有無', () => {
  it('telework: none は 6 を丸ごと除き、ほかの番号は変わらない', () => {
    const doc = rulebookOf(sampleProfileYaml((p) => {
      p.telework = 'none';
    }));
    expect(topLevel(doc)).toEqual(['1 雇用条件', '2 従業員の責務', '3 雇用の終了', '4 情報セキュリティ教育', '5 人材育成']);
    expect(chapterText(doc)).not.toContain('テレワーク');
  });

  it('私有機器の業務利用を禁止すると 6.2.2 を除き、6.2.3 が 6.2.2 に繰り上がり、私有機器の列は禁止の 1 セル', () => {
    const doc = rulebookOf(sampleProfileYaml((p) => {
      (p.rules as { privateDevices?: unknown }).privateDevices = { use: 'prohibited' };
    }));
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

describe('人的対策: 組織のスマートフォン（MDM・OS・公式マーケット）', () => {
  /** The sample's facts with the inventory's mobile OSes and MDM replaced. */
  const withMobile = (items: { id: string; kind: string; product: string }[], privateMobile = true) =>
    rulebookOf(sampleProfileYaml((p) => {
      p.inventory = [...p.inventory.filter((item) => item.kind !== 'mobile-os' && item.kind !== 'mdm'), ...items];
      if (!privateMobile) (p.rules as { privateDevices?: unknown }).privateDevices = { use: 'prohibited' };
    }));
  const owned = (doc: Document) => sectionText(doc, 'hr-telework-owned-devices');
  const stores = (doc: Document) => sectionText(doc, 'hr-telework-apps');
  const IPHONE = { id: 'ios', kind: 'mobile-os', product: 'iOS（会社貸与の iPhone）' };
  const ANDROID = { id: 'android', kind: 'mobile-os', product: 'Android' };

  it('MDM の導入は inventory に MDM があるときだけ（サンプルの事実には MDM がある）', () => {
    expect(owned(rulebookOf(SAMPLE))).toContain('指定されたMDM（モバイル機器管理）エージェントをインストールし');
    expect(owned(withMobile([IPHONE, ANDROID]))).not.toContain('MDM');
  });

  it('iPhone だけの組織: OS の更新は iPhone の行だけ、私有のスマートフォンを認めなければ公式マーケットも App Store だけ', () => {
    const doc = withMobile([IPHONE], false);
    expect(owned(doc)).toContain('iPhoneの場合：デバイスの自動アップデートを有効にする。');
    expect(owned(doc)).not.toContain('Android');
    expect(stores(doc)).toContain('App Store');
    expect(stores(doc)).not.toContain('Google Play');
  });

  it('私有のスマートフォンを認めるなら公式マーケットは両方。Android だけなら OS の行は Android だけ', () => {
    const doc = withMobile([ANDROID], true);
    expect(owned(doc)).toContain('Android端末の場合');
    expect(owned(doc)).not.toContain('iPhoneの場合');
    expect(stores(doc)).toContain('Google Play');
    expect(stores(doc)).toContain('App Store');
  });

  it('OS が分からない（inventory にスマートフォンの OS がない・どちらとも読めない名前）ならサンプルどおり両方', () => {
    for (const items of [[], [{ id: 'phone', kind: 'mobile-os', product: '業務用スマートフォン' }]]) {
      const text = owned(withMobile(items, false));
      expect(text).toContain('Android端末の場合');
      expect(text).toContain('iPhoneの場合');
    }
  });
});

describe('人的対策: 選択肢', () => {
  it('雇用時の守秘義務: pledge（誓約書）/ contract（秘密保持契約）と社外要員の有無', () => {
    const pledge = sectionText(rulebookOf(COMPANY), 'hr-employment');
    expect(pledge).toContain('従業員を雇用する際には守秘義務ルールを説明の上、誓約書を提出させる。');
    expect(pledge).toContain('ただし、社外要員については、当該企業と秘密保持契約を締結する。');
    const contract = sectionText(
      rulebookOf(`${COMPANY}
rules:
  employment: { confidentiality: contract, externalStaff: false }
`),
      'hr-employment',
    );
    expect(contract).toContain('従業員を雇用する際には秘密保持契約を締結する。');
    expect(contract).not.toContain('誓約書');
    expect(contract).not.toContain('ただし');
  });

  it('機器の表: measures / asNeeded / prohibited と貸与の相手・代わりのサービス・貸与しない機器', () => {
    const doc = rulebookOf(`${COMPANY}
${telework(`    - { device: タブレット, lent: [会社貸与品を利用], lentTo: 営業部員, private: measures }
    - { device: プリンタ, lent: [会社貸与品を利用, 複合機を利用], private: measures, privateAlternatives: コンビニのサービス }
    - { device: ヘッドセット, lent: [貸与品を利用], lentTo: 営業部員, private: asNeeded }
    - { device: USBメモリ, lent: [貸与品を利用], lentTo: everyone, private: prohibited }
    - { device: 外付けHDD, lent: none, private: prohibited }
`)}`);
    expect(rowsOf(tableOf(doc, 'hr-telework-devices')).slice(1)).toEqual([
      ['タブレット', '営業部員は会社貸与品を利用', '営業部員以外は「6.2.2 私有機器を利用する場合」の対策を実施して利用'],
      ['プリンタ', '・会社貸与品を利用\n・複合機を利用', '私有機器またはコンビニのサービスを、「6.2.2 私有機器を利用する場合」の対策を実施して利用'],
      ['ヘッドセット', '営業部員は貸与品を利用', '営業部員以外は必要に応じて私有機器を利用'],
      ['USBメモリ', '貸与品を利用', '私有機器の業務利用禁止'],
      ['外付けHDD', '－', '私有機器の業務利用禁止'],
    ]);
  });

  it('システム構成と通信機器は選んだ行だけ。自宅・外出先の結合も選んだ行に合わせる', () => {
    const doc = rulebookOf(`${COMPANY}\n${telework(PC, '[wirelessRouter, publicWifi]')}`);
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
    const doc = rulebookOf(`${COMPANY}\n${telework(PC, '[wiredHub, wirelessRouter, mobileRouter]')}`);
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
    const doc = rulebookOf(`${ASSOCIATION}\n${telework('    - { device: パソコン, lent: [協会のノートPCを利用], private: measures }\n')}`);
    expect(topLevel(doc)[1]).toBe('2 職員の責務');
    const text = chapterText(doc);
    expect(text).toContain('職員は、当協会が機密として管理する情報及びその複製物の一切を許可されていない組織、人に提供してはならない。');
    expect(text).toContain('情報セキュリティ対策基準の説明（採用時、就業時、必要に応じて異動時/役割変更時）');
    expect(text).toContain('また、私有機器への極秘情報及び部外秘情報のダウンロードは原則禁止とする。');
    expect(text).toContain('協会所有機器を利用する場合');
    expect(rowsOf(tableOf(doc, 'hr-telework-devices'))[0]).toEqual(['情報機器', '協会所有機器', '私有機器']);
    expect(text).not.toMatch(/当社|従業員|社外秘|全社|社有/u);
  });

  it('評価値 2/1/0 ではしきい値が 1、非公開レベルが 1 つなら「…情報」も 1 つ', () => {
    // A device that may be a private one, so that the download ban on private devices is there.
    const doc = rulebookOf(`${COMPANY}${telework('    - { device: スマホ・タブレット, lent: none, private: measures }\n')}
confidentiality:
  levels:
    - { label: 秘, value: 1, criteria: [漏えいすると事業に影響がある], takeOutApprover: 部門長 }
    - { label: 公開, value: 0, criteria: [影響はない], takeOutApprover: null }
`);
    expect(sectionText(doc, 'hr-duties')).toContain('機密性評価値が1以上（秘）のものをいう。');
    expect(sectionText(doc, 'hr-telework-devices')).toContain('また、私有機器への秘情報のダウンロードは原則禁止とする。');
  });
});

describe('人的対策: リストの回答', () => {
  it('教育の対象者・頻度・テーマ、推奨資格、標準アプリ、連絡先は回答の値で描かれる', () => {
    const result = run(`${COMPANY}
people:
  - { id: soumu, title: 総務担当, roles: [systemAdmin], mobile: 090-0000-0000 }
  - { id: it, title: 情報システム課長, roles: [systemAdmin], email: it@example.jp }
inventory:
  - { id: av, kind: mobile-antivirus, product: アプリA, app: ウイルス対策 }
rules:
  education:
    audience: 全従業員及び派遣社員
    frequency: 年2回
    topics: [標的型攻撃メールへの対応（随時）]
    qualifications: [情報セキュリティマネジメント試験, 情報処理安全確保支援士試験]
`);
    const doc = result.documents[0]!;
    const plan = sectionText(doc, 'hr-education-plan');
    expect(plan).toContain('対象者：全従業員及び派遣社員\n開催頻度：年2回\nテーマ：以下は必須とする。');
    expect(plan).toContain('標的型攻撃メールへの対応（随時）');
    expect(plan).not.toContain('最新の脅威');
    // 研修記録の項目は、書かなければサンプルの文言
    expect(sectionText(doc, 'hr-education-records')).toContain('研修に関する情報（研修日、研修名、研修内容、研修形式、講師、対象者）');
    const own = sectionText(generateYaml(`${MINIMAL_COMPANY}rules:\n  education:\n    recordItems: [受講日, 受講者の氏名]\n`).documents[0]!, 'hr-education-records');
    expect(own).toContain('受講日');
    expect(own).toContain('受講者の氏名');
    expect(own).not.toContain('研修に関する情報');
    expect(sectionText(doc, 'hr-development')).toContain('情報処理安全確保支援士試験');
    expect(sectionText(doc, 'hr-development')).not.toContain('ITパスポート試験');
    expect(rowsOf(tableOf(doc, 'hr-telework-apps'))).toEqual([['ウイルス対策', 'アプリA']]);
    const contacts = sectionText(doc, 'hr-telework-contacts');
    expect(contacts).toContain('システム管理者（総務担当）TEL：090-0000-0000\nMail：【要記入：総務担当のメールアドレス】');
    expect(contacts).toContain('システム管理者（情報システム課長）TEL：【要記入：情報システム課長の緊急連絡先の電話番号（携帯電話）】\nMail：it@example.jp');
    expect(gapsOf(result)).toEqual(expect.arrayContaining(['people.0.email 総務担当のメールアドレス', 'people.1.mobile 情報システム課長の緊急連絡先の電話番号（携帯電話）']));
  });

  it('教育の頻度を書いていなければ、推奨値付きの要記入になる', () => {
    const result = run(COMPANY);
    expect(gapsOf(result)).toContain('rules.education.frequency 情報セキュリティ教育を行う時期・頻度（推奨: 新規受け入れ時、異動時、役割変更時、年1回以上の頻度）');
    expect(sectionText(result.documents[0]!, 'hr-education-plan')).toContain('対象者：全従業員\n開催頻度：【要記入：');
  });

  it('情報システムの表: 用途・手順が複数なら「・」付き、URL と手順書は下に続く', () => {
    const doc = rulebookOf(`${COMPANY}
inventory:
  - id: gw
    kind: cloud-service
    label: グループウェア
    product: 製品X
    telework:
      uses: [連絡]
      procedures: [直接アクセス, 二要素認証を利用]
      url: https://gw.example.jp/
      manual: 手順書.pdf
  - { id: chat, kind: cloud-service, label: チャット, telework: { uses: [連絡, 会議] } }
`);
    expect(rowsOf(tableOf(doc, 'hr-telework-systems')).slice(1)).toEqual([
      ['グループウェア\n製品X', '連絡', '・直接アクセス\n・二要素認証を利用\nhttps://gw.example.jp/\n手順書.pdf 参照'],
      ['チャット', '・連絡\n・会議', ''],
    ]);
  });

  it('Markdown の記号を含む値は文字どおりに出る', () => {
    const doc = rulebookOf(`${COMPANY}
inventory:
  - { id: x, kind: cloud-service, label: "- 箇条 | 表", product: "1. 番号", telework: { uses: ["> 引用"], procedures: ["^"] } }
rules:
  education:
    qualifications: ["**太字** | # 見出し [リンク](http://x)"]
`);
    expect(sectionText(doc, 'hr-development')).toContain('**太字** | # 見出し [リンク](http://x)');
    const rows = rowsOf(tableOf(doc, 'hr-telework-systems'));
    expect(rows[1]).toEqual(['- 箇条 | 表\n1. 番号', '> 引用', '^']);
  });
});
