import { describe, expect, it } from 'vitest';
import { documentText, inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { generateYaml, MINIMAL_COMPANY, rulebook } from '../support/build.js';
import { sampleProfileYaml } from '../support/sample-profile.js';

/**
 * 技術的対策 1〜3（アクセス制御の標準・IT機器利用・IT基盤運用管理）on the organization profile:
 * tables made from the inventory, rules and their gaps, the parts that follow what the organization
 * has, vocabulary of an association, literal values, numbering and cross-references.
 */

const build = (yaml = '', base = MINIMAL_COMPANY) => fromYaml(`${base}\n${yaml}`);

function fromYaml(yaml: string) {
  const result = generateYaml(yaml);
  const doc = rulebook(result);
  return { result, doc, text: documentText(doc), tech: chapter(doc, 'tech') };
}

/** The IPA sample's own facts (test/fixtures/answers/ipa-sample.yaml). */
const SAMPLE = sampleProfileYaml();

const ASSOCIATION = `
kitei: 2
organization: { name: テスト協会, type: association, size: medium }
`;

function chapter(doc: Document, id: string): Chapter {
  const found = doc.children.find((b): b is Chapter => b.type === 'chapter' && b.id === id);
  if (!found) throw new Error(`章 ${id} がありません`);
  return found;
}

function allSections(blocks: readonly Block[]): Section[] {
  return blocks.flatMap((b) => (b.type === 'section' || b.type === 'chapter' ? [...(b.type === 'section' ? [b] : []), ...allSections(b.children)] : []));
}

const section = (doc: Document, id: string): Section | undefined => allSections(doc.children).find((s) => s.id === id);
const numberOf = (doc: Document, id: string) => section(doc, id)?.number;

/** Text of one section (its title and everything under it). */
const sectionText = (doc: Document, id: string): string => {
  const found = section(doc, id);
  if (!found) throw new Error(`節 ${id} がありません`);
  return documentText({ ...doc, meta: { ...doc.meta, title: '' }, children: [found] });
};

/** Every table of a section (looking into list items), in order. */
function tablesOf(doc: Document, id: string): Table[] {
  const found = section(doc, id);
  const tables: Table[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'table') tables.push(b);
      if (b.type === 'list') b.children.forEach((item) => visit(item.children));
    }
  };
  visit(found?.children ?? []);
  return tables;
}

/** Rows of the first table of a section, each row as its cells' text. */
function tableRows(doc: Document, id: string, index = 0): string[][] {
  const table = tablesOf(doc, id)[index];
  if (!table) throw new Error(`節 ${id} に表 ${index} がありません`);
  return table.children.map((row) => row.children.map((cell) => blocksText(cell.children)));
}

/** Plain text of blocks: paragraphs joined by line breaks, lists item by item. */
function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.type === 'paragraph' ? inlineText(b.children) : b.type === 'list' ? b.children.map((i) => blocksText(i.children)).join('\n') : ''))
    .join('\n');
}

describe('技術的対策 1〜3: IPA サンプルの事実（株式会社）', () => {
  const { doc, text } = fromYaml(SAMPLE);

  it('節の番号がサンプルどおり', () => {
    expect(numberOf(doc, 'tech-access-standards')).toBe('1');
    expect(numberOf(doc, 'tech-device-auth')).toBe('1.3');
    expect(numberOf(doc, 'tech-antivirus-scan')).toBe('2.1.4.1');
    expect(numberOf(doc, 'tech-external-devices')).toBe('2.1.4.4');
    expect(numberOf(doc, 'tech-antivirus-awareness')).toBe('2.1.5');
    expect(numberOf(doc, 'tech-private-devices-end')).toBe('2.3.5');
    expect(numberOf(doc, 'tech-antivirus-update-methods')).toBe('2.4.3');
    expect(numberOf(doc, 'tech-server-requirements')).toBe('3.2.1');
    expect(numberOf(doc, 'tech-network-requirements')).toBe('3.2.3');
    expect(numberOf(doc, 'tech-cloud-requirements')).toBe('3.5.2');
    expect(numberOf(doc, 'tech-log-procedure-review')).toBe('3.8.7');
  });

  it('章内の参照は現在の番号で、他の章への参照は章名付きで出る', () => {
    expect(text).toContain('標準ソフトウェアは「2.4.1 標準ソフトウェア」を参照のこと。');
    expect(text).toContain('定義ファイルの更新方法は「2.4.3 ウイルス対策ソフトウェアの定義ファイルの更新方法」を参照のこと。');
    expect(text).toContain('サーバー機器の情報セキュリティ要件は、「3.5.1 機器・ソフトウェアの情報セキュリティ要件及び標準」を参照のこと。');
    expect(text).toContain('標準ソフトウェアは、「3.5.1 機器・ソフトウェアの情報セキュリティ要件及び標準」を参照のこと。');
    expect(text).toContain('サービスプロバイダの情報セキュリティ対策の評価基準は、「3.5.2 クラウドサービスの情報セキュリティ要件」を参照のこと。');
    expect(text).toContain('※取得範囲やログ取得・保管・分析に関する詳細は、「3.8 ログの管理」を参考のこと。');
    expect(text).toMatch(/※パスワード設定に関する詳細は、「1\.組織的対策」の「\d+\.[^」]+」参照のこと。/u);
    expect(text).toMatch(/※インシデント対応に関する詳細は、「1\.組織的対策」の「\d+\.[^」]+」参照のこと。/u);
  });

  it('表は inventory の項目から作り、同じ種別・機器の欄は縦に結合する', () => {
    expect(tableRows(doc, 'tech-access-systems').map((r) => r[0])).toEqual([
      '情報システム・サービス',
      'ファイルサーバー',
      '給与計算システム',
      '業務システム',
      'メールサーバー（ホスティングサービス）',
      'Webサーバー（ホスティングサービス）',
      'ルーター',
    ]);
    expect(tableRows(doc, 'tech-standard-software').slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['パソコンOS', 'Windows'],
      ['オフィス系ソフト', 'Office'],
      ['電子メール', 'Outlook'],
      ['パソコン用ウイルス対策', 'ウイルス対策ソフトA'],
      ['スマートフォン用ウイルス対策', 'ウイルス対策ソフトB'],
      ['ブラウザ', 'ブラウザA'],
      ['業務用ソフト', 'Adobe Reader'],
    ]);
    const updates = tableRows(doc, 'tech-update-methods');
    expect(updates[2]).toEqual(['業務用ソフト', 'Office', 'Microsoft', 'Windows Updateの自動更新機能が有効化されている']);
    expect(updates[3]).toEqual(['Outlook', 'Microsoft', 'Windows Updateの自動更新機能が有効化されている']);
    expect(updates[4]).toEqual(['Adobe Reader', 'Adobe', '自動アップデートを有効にする。']);
    expect(tableRows(doc, 'tech-antivirus-update-methods').slice(1)).toEqual([
      ['パソコン用ウイルス対策', 'ウイルス対策ソフトA', 'ベンダーA', '定義ファイル更新方法を自動に設定する'],
      ['スマートフォン用ウイルス対策', 'ウイルス対策ソフトB', 'ベンダーB', '定義ファイル更新方法を自動に設定する'],
    ]);
    const servers = tableRows(doc, 'tech-device-standards', 0);
    expect(servers[1]).toEqual(['ファイルサーバー', '利用者認証機能', 'Windows Active Directory']);
    expect(servers[6]).toEqual(['NASサーバー', '利用者認証機能', '']);
    expect(tableRows(doc, 'tech-device-standards', 1)[1]).toEqual(['ＯＳ', 'Windows Server', 'Microsoft', '2022以降']);
    expect(tableRows(doc, 'tech-log-collection')[1]).toEqual(['ファイアウォール', '3年間', '日時、送信元IP アドレス及び送信先IP アドレス']);
  });

  it('既定の選択肢: 社内周知・リモート接続禁止・持ち込みは許可制・社内LAN接続禁止・両方のリスト', () => {
    expect(text).toContain('有害ウェブサイトは社内周知により、従業員の閲覧を制限する。');
    expect(text).toContain('業務に不要なウェブサイト閲覧を社内周知により制限する。');
    expect(text).toContain('社内LANへのリモート接続は禁止する。');
    expect(text).not.toContain('リモートで接続する場合は以下を遵守する。');
    expect(text).toContain('社内に持ち込む場合は、システム管理者の許可を得る。社内で利用する場合は以下を実行する。');
    expect(text).toContain('社内LANへの接続は禁止する。');
    expect(text).toContain('ソフトウェアのホワイトリスト/ブラックリストを策定する。');
  });

  it('頻度・期間は rules に書いた値', () => {
    expect(text).toContain('週次でフルスキャンを実行する。');
    expect(text).toContain('ログ分析手順書は、少なくとも年1回、または重大なインシデント発生時に見直しを行い');
    expect(text).toContain('その他のログ（ファイアウォール、プロキシサーバー）：システム管理者の判断に基づき、適宜実施');
  });
});

describe('技術的対策 1〜3: 事実を書いていない組織', () => {
  const { doc, result, text } = build(`
inventory:
  - { id: windows, kind: pc-os, product: Windows, vendor: Microsoft, update: 自動更新を有効にする。 }
  - { id: router, kind: router, name: ルーター, version: 最新のファームウェア }
`);
  const gaps = result.unfilled.map((u) => `${u.key} ${u.question}`);

  it('皆が書く表（アクセス制御・認証・定義ファイル）は、回答ファイルのキーを指す要記入の行になる', () => {
    for (const [id, key] of [
      ['tech-access-systems', 'inventory[].access'],
      ['tech-user-auth', 'inventory[].auth'],
      ['tech-device-auth', 'inventory[].deviceAuth'],
    ] as const) {
      const rows = tableRows(doc, id);
      expect(rows, id).toHaveLength(2);
      expect(rows[1]![0], id).toMatch(/^【要記入：/u);
      expect(result.unfilled.map((u) => u.key)).toContain(key);
    }
    expect(gaps).toContain('inventory パソコンのウイルス対策ソフト（inventory の pc-antivirus）');
    expect(tableRows(doc, 'tech-antivirus-update-methods')[1]![0]).toBe('パソコン用ウイルス対策');
  });

  it('書いた項目の足りない事実は、その項目のキーを指す', () => {
    expect(gaps).toContain('inventory.0.version パソコンOS「Windows」の標準とするバージョン（例: 最新版、11以降）');
    expect(gaps).toContain('inventory.1.vendor ルーター「ルーター」の開発・販売元');
    expect(tableRows(doc, 'tech-standard-software')[1]).toEqual(['パソコンOS', 'Windows', 'Microsoft', '【要記入：パソコンOS「Windows」の標準とするバージョン（例: 最新版、11以降）】']);
    expect(tableRows(doc, 'tech-update-methods').slice(1)).toEqual([['パソコンOS', 'Windows', 'Microsoft', '自動更新を有効にする。']]);
  });

  it('規則の値は推奨値付きの要記入で、サンプルの値は出ない', () => {
    expect(gaps).toEqual(
      expect.arrayContaining([
        'rules.software.virusScan ウイルス対策ソフトでフルスキャンする頻度（推奨: 週次）',
        'rules.logs.authentication.retention 情報機器・情報システムの認証ログの保存期間（推奨: 3年間）',
        'rules.logs.cloudRetention クラウドサービスのログに求める保存期間（推奨: 3年間）',
        'rules.logs.authenticationReview.frequency 認証ログを確認（レビュー）する頻度（推奨: 月1回以上の頻度）',
        'rules.logs.procedureReview ログ分析の手順書を見直す間隔（推奨: 年1回）',
      ]),
    );
    expect(text).not.toContain('週次でフルスキャン');
    expect(text).not.toMatch(/ファイルサーバー|給与計算システム|Windows Server|プロキシサーバー/u);
    const mine = ['tech-access-standards', 'tech-it-use', 'tech-infrastructure'].map((id) => sectionText(doc, id)).join('\n');
    expect(mine).not.toMatch(/○|●|△/u);
  });

  it('サーバーもサーバー用ソフトもなければ、その要件の節と表がなく、ネットワーク機器の分だけが残る', () => {
    expect(section(doc, 'tech-server-requirements')).toBeUndefined();
    expect(section(doc, 'tech-server-software')).toBeUndefined();
    expect(numberOf(doc, 'tech-network-requirements')).toBe('3.2.1');
    const standards = sectionText(doc, 'tech-device-standards');
    expect(standards).not.toContain('＜機器の情報セキュリティ要件＞');
    expect(standards).not.toContain('＜標準ソフトウェア＞');
    expect(tableRows(doc, 'tech-device-standards', 1)[1]).toEqual(['ルーター', 'ルーター', '【要記入：ルーター「ルーター」の開発・販売元】', '最新のファームウェア']);
    // ネットワーク機器があるのに要件を書いていなければ、要記入の行
    expect(tableRows(doc, 'tech-device-standards', 0)[1]![0]).toMatch(/^【要記入：ネットワーク機器の情報セキュリティ要件/u);
    expect(result.unfilled.map((u) => u.key)).toContain('inventory[].requirements');
  });
});

describe('私有IT機器の利用（rules.privateDevices）', () => {
  it('禁止にすると 2.3.1 は「利用することを禁止する」となり 2.3.2〜2.3.5 が消え、2.4 以降の番号は変わらない', () => {
    const { doc, text } = build('rules: { privateDevices: { use: prohibited } }');
    expect(text).toContain('CD等の電子媒体を業務で利用することを禁止する。');
    expect(text).not.toContain('システム管理者の許可を得る/');
    for (const id of ['tech-private-devices-start', 'tech-private-devices-use', 'tech-private-devices-in-office', 'tech-private-devices-end']) {
      expect(section(doc, id), id).toBeUndefined();
    }
    expect(sectionText(doc, 'tech-private-devices')).not.toContain('利用開始時');
    expect(numberOf(doc, 'tech-private-devices-permission')).toBe('2.3.1');
    expect(numberOf(doc, 'tech-standards')).toBe('2.4');
    expect(numberOf(doc, 'tech-update-methods')).toBe('2.4.2');
  });

  it('許可制（既定）では 2.3.1 が許可を求め 2.3.2〜2.3.5 がある', () => {
    const { doc, text } = build();
    expect(text).toContain('CD等の電子媒体を業務で利用する場合は、システム管理者の許可を得る。');
    expect(numberOf(doc, 'tech-private-devices-in-office')).toBe('2.3.4');
  });

  it('リモート接続を許可制にすると遵守事項が出る', () => {
    const { doc } = build('rules: { privateDevices: { remoteAccess: permitted } }');
    const use = sectionText(doc, 'tech-private-devices-use');
    expect(use).toContain('社内LANへのリモート接続をする場合はシステム管理者の許可を得る。');
    expect(use).not.toContain('社内LANへのリモート接続は禁止する。');
    for (const line of [
      '社外から社内LANにリモートで接続する場合は以下を遵守する。',
      'システム管理者の許可を受け指定された方法で接続する。',
      '画面の盗み見、不正操作等を防ぐよう、適切な環境で行う。',
      '端末機器から離れる場合は、端末機器を停止するか他者が利用できないようにする。',
      'リモート接続で利用する端末機器を紛失した場合は、直ちにシステム管理者に連絡し指示に従う。',
    ]) {
      expect(use).toContain(line);
    }
    // リモート接続に関係しない利用期間中の規定はどちらでも残る
    expect(use).toContain('会社で契約したサービス以外のWi-Fiサービスの利用を禁止する。');
  });

  it('持ち込みを禁止すると箇条が消え、許可制では社内LAN接続の選択肢が効く', () => {
    const banned = sectionText(build('rules: { privateDevices: { bringIn: prohibited } }').doc, 'tech-private-devices-in-office');
    expect(banned).toContain('利用期間中にIT機器や電子媒体を社内に持ち込むことを禁止する。');
    expect(banned).not.toContain('充電を除き');
    expect(banned).not.toContain('社内LANへの接続');
    const lan = sectionText(build('rules: { privateDevices: { officeLan: permitted } }').doc, 'tech-private-devices-in-office');
    expect(lan).toContain('社内LANへの接続をする場合はシステム管理者の許可を得る。');
    expect(lan).toContain('充電を除き、社内のパソコンやサーバーへの接続は禁止する。');
  });
});

describe('選択肢', () => {
  it.each([
    ['notice', '社内周知により'],
    ['filtering', 'ウェブフィルタリングソフトを使用して'],
    // Both means both (issue 14 point 10), not the sample's 「/」 read as 又は.
    ['both', '社内周知及びウェブフィルタリングソフトの使用により'],
  ])('webRestriction: %s は 2.2 と 3.3 の両方に効く', (value, words) => {
    const { doc } = build(`rules: { software: { webRestriction: ${value} } }`);
    expect(sectionText(doc, 'tech-web')).toContain(`有害ウェブサイトは${words}、従業員の閲覧を制限する。`);
    expect(sectionText(doc, 'tech-infra-operation')).toContain(`業務に不要なウェブサイト閲覧を${words}制限する。`);
  });

  const SERVER_OS = 'inventory: [{ id: os, kind: server-os, product: Windows Server, vendor: Microsoft, version: 2022以降 }]';

  it.each([
    ['both', 'ホワイトリスト/ブラックリストを策定する。', '区分（許可/禁止）'],
    ['whitelist', 'ソフトウェアのホワイトリストを策定する。', '許可の理由や制限条件'],
    ['blacklist', 'ソフトウェアのブラックリストを策定する。', '禁止の理由や制限条件'],
  ])('serverSoftwareLists: %s', (value, sentence, item) => {
    const text = sectionText(build(`${SERVER_OS}\nrules: { software: { serverSoftwareLists: ${value} } }`).doc, 'tech-server-software');
    expect(text).toContain(sentence);
    expect(text).toContain(item);
    if (value === 'whitelist') expect(text).not.toContain('ブラックリスト');
    if (value === 'blacklist') expect(text).not.toContain('ホワイトリスト');
    if (value !== 'both') expect(text).not.toContain('区分（許可/禁止）');
  });

  it('サーバーに導入するソフトウェアがなければ、リストの規定ごと 3.2.2 がない', () => {
    const { doc, text } = build('rules: { software: { serverSoftwareLists: whitelist } }');
    expect(section(doc, 'tech-server-software')).toBeUndefined();
    expect(text).not.toContain('ホワイトリスト');
  });
});

describe('協会の語彙', () => {
  const { doc, text } = build(
    `
rules: { privateDevices: { remoteAccess: permitted } }
inventory:
  - { id: wlan, kind: wifi, name: 協会内無線LAN, product: アクセスポイントA, vendor: ベンダーA, version: 最新版, deviceAuth: 端末のMACアドレスを登録, requirements: [{ requirement: 通信の暗号化, product: WPA3 }] }
  - { id: fw, kind: firewall, name: ファイアウォール, product: FW-A, vendor: ベンダーB, version: 最新版, logs: { retention: 1年間, items: 日時 } }
`,
    ASSOCIATION,
  );

  it('協会・職員・部外秘などで読める', () => {
    expect(text).toContain('当協会の標準ソフトウェア以外のソフトウェアを導入する場合は');
    expect(text).toContain('当協会が管理するパソコン及びサーバー以外の機器を協会内LANに接続することを禁止する。');
    expect(text).toContain('職員個人が所有するパソコン');
    expect(text).toContain('業務用メールアドレスで受信したメールを職員個人のアドレスに転送することを禁止する。');
    expect(text).toContain('部外秘又は極秘の情報資産の保存を禁止する。');
    expect(text).toContain('協会外から協会内LANにリモートで接続する場合は以下を遵守する。');
    expect(text).toContain('協会で契約したサービス以外のWi-Fiサービスの利用を禁止する。');
    expect(text).toContain('それに基づく当協会標準を以下とする。');
    expect(text).toContain('外部公開サーバー及び重要な機密情報を扱うサーバーについて');
    expect(section(doc, 'tech-external-devices')!.title).toEqual([{ type: 'text', value: '外部機器のLAN接続' }]);
    expect(tableRows(doc, 'tech-device-auth')[1]).toEqual(['協会内無線LAN', '端末のMACアドレスを登録']);
    expect(tableRows(doc, 'tech-log-collection')[1]).toEqual(['ファイアウォール', '1年間', '日時']);
    const tech = sectionText(doc, 'tech-infrastructure') + sectionText(doc, 'tech-it-use') + sectionText(doc, 'tech-access-standards');
    expect(tech).not.toMatch(/当社|従業員|社外秘|社内|社用/u);
  });

  it('改名した役割名が使われる', () => {
    const renamed = build('roles: { systemAdmin: { name: 情報システム管理者 } }').doc;
    expect(sectionText(renamed, 'tech-private-devices-start')).toContain('情報システム管理者が指定するウイルス対策ソフトをインストールし');
    expect(tableRows(renamed, 'tech-infra-management')[0]).toEqual(['担当者', '情報システム管理者']);
    expect(sectionText(renamed, 'tech-log-security')).toContain('ログファイルの保存状況について、情報システム管理者が定期的に確認する。');
  });
});

describe('リストの回答', () => {
  it('標準ソフトウェア・アップデート方法・ログ・レビューの行が回答どおりに出る', () => {
    const { doc, result } = build(`
inventory:
  - { id: sales, kind: business-system, name: 販売管理システム, access: SSO }
  - { id: windows, kind: pc-os, product: Windows, vendor: Microsoft, version: 11以降, update: 自動更新を有効にする }
  - { id: edge, kind: browser, product: Edge, vendor: Microsoft, version: 最新版, update: 自動更新 }
  - { id: firefox, kind: browser, product: Firefox, vendor: Mozilla, version: 最新版, update: 自動更新 }
  - { id: utm, kind: utm, name: UTM, product: UTM-A, vendor: ベンダーA, version: 最新版, logs: { retention: 1年間, items: 日時 } }
rules:
  software: { virusScan: 日次 }
  logs:
    cloudRetention: 1年間
    otherReview: { frequency: 週1回, checks: [不審な通信がないか] }
    procedureReview: 半年に1回
`);
    expect(tableRows(doc, 'tech-access-systems')).toEqual([
      ['情報システム・サービス', 'アクセス制御方法'],
      ['販売管理システム', 'SSO'],
    ]);
    expect(tableRows(doc, 'tech-standard-software').slice(1)).toEqual([
      ['パソコンOS', 'Windows', 'Microsoft', '11以降'],
      ['ブラウザ', 'Edge', 'Microsoft', '最新版'],
      ['ブラウザ', 'Firefox', 'Mozilla', '最新版'],
    ]);
    expect(tableRows(doc, 'tech-update-methods').slice(1)).toEqual([
      ['パソコンOS', 'Windows', 'Microsoft', '自動更新を有効にする'],
      ['ブラウザ', 'Edge', 'Microsoft', '自動更新'],
      ['Firefox', 'Mozilla', '自動更新'],
    ]);
    expect(tableRows(doc, 'tech-log-collection')).toEqual([
      ['ログの種類', '保存期間', '取得項目'],
      ['UTM', '1年間', '日時'],
      ['PC等の認証ログ', '【要記入：情報機器・情報システムの認証ログの保存期間（推奨: 3年間）】', '日時、接続元IP アドレス、ユーザーID及び成功/失敗'],
    ]);
    const all = documentText(doc);
    expect(all).toContain('日次でフルスキャンを実行する。');
    expect(all).toContain('上記の保存期間要件（1年間）を満たせるかを確認する。');
    expect(sectionText(doc, 'tech-log-scope')).toContain('UTMのログ\n情報機器および情報システムの認証ログ');
    expect(all).toContain('その他のログ（UTM）：週1回');
    expect(all).toContain('[その他のログ（UTM）]\n不審な通信がないか');
    expect(all).not.toContain('管理外のインターネット接続がないか');
    expect(all).toContain('少なくとも半年に1回、または重大なインシデント発生時');
    expect(result.unfilled.map((u) => u.key)).toContain('rules.logs.authenticationReview.frequency');
  });

  it('ログを取る機器がなければ、その他のログのレビューの行も観点もない', () => {
    const { doc } = build();
    const review = sectionText(doc, 'tech-log-review');
    expect(review).not.toContain('その他のログ');
    expect(review).toContain('[PC等の認証ログ]');
    expect(tableRows(doc, 'tech-log-collection').map((r) => r[0])).toEqual(['ログの種類', 'PC等の認証ログ']);
  });

  it('Markdown の記号を含む値も文字どおりに出る', () => {
    const value = 'A|B *強調* [リンク](x) <b> # 見出し';
    const { doc } = build(`
inventory:
  - id: x
    kind: business-system
    name: "${value}"
    access: "1. 番号\\n- 箇条"
  - id: nas
    kind: nas
    name: "**NAS**"
    requirements:
      - { requirement: "_x_", product: null }
`);
    expect(tableRows(doc, 'tech-access-systems')[1]).toEqual([value, '1. 番号\n- 箇条']);
    expect(tableRows(doc, 'tech-device-standards')[1]).toEqual(['**NAS**', '_x_', '']);
    const markdown = renderMarkdown(doc);
    expect(markdown).toContain('A\\|B \\*強調\\* \\[リンク\\](x) \\<b\\> # 見出し');
  });

  it('知らない種類・選択肢・キーは、回答ファイルのキーを指して止める', () => {
    expect(() => build('inventory: [{ id: x, kind: mainframe }]')).toThrow(/inventory\.0\.kind/u);
    expect(() => build('rules: { software: { webRestriction: proxy } }')).toThrow(/rules\.software\.webRestriction/u);
    expect(() => build('rules: { privateDevices: { remote: permitted } }')).toThrow(/remote/u);
  });
});
