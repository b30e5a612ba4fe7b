import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import { documentText, inlineText } from '../../src/model/text.js';
import type { Block, Chapter, ChartBox, Document, List, Section } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { answersFrom, MINIMAL_COMPANY, rulebook, testTemplates } from '../support/build.js';
import { blocksText, chapterTitled, inlineRuns, sectionOf, tableRows, tablesIn } from '../support/model.js';

/**
 * 組織的対策 on the organization profile (issue 13): every title, holder, system and phone number
 * that chapter 1 prints is written once in the profile (people, departments, inventory, vendors,
 * continuity) and followed everywhere; what the organization does not have leaves no trace.
 * The whole template set runs, so "nowhere" means every document of the pack.
 */

const HEADER = `${MINIMAL_COMPANY}document: { effectiveDate: 2026-04-01 }\n`;

/** A company whose people hold every role; the sales department has a head. */
const PEOPLE = `people:
  - { id: ceo, title: 代表取締役, name: 山田 太郎, roles: [head, securityOfficer] }
  - { id: ga, title: 総務課長, roles: [incidentOfficer, systemAdmin, publicRelations], phone: 03-0000-0002, mobile: 090-0000-0002, email: ga@example.jp }
  - { id: audit, title: 内部監査室長, roles: [auditor, educationOfficer, complaintsOfficer, privacyOfficer, myNumberManager, myNumberClerk] }
  - { id: sales-head, title: 営業部長 }
`;
const DEPARTMENTS = `departments:
  - { id: sales, name: 営業部, head: sales-head }
`;
const CRITICAL = `inventory:
  - { id: orders, kind: business-system, name: 受発注システム, critical: { operations: 受注から出荷までの業務, owners: [ga] } }
continuity:
  recovery:
    - { targets: [電源設備, 空調機], owners: [ga], contacts: [ビル管理会社] }
`;
const COMPANY = HEADER + PEOPLE + DEPARTMENTS + CRITICAL;

const build = (yaml: string): GenerateResult => generate(answersFrom(yaml), testTemplates());
const organizational = (doc: Document): Chapter => chapterTitled(doc, '組織的対策');
const section = (doc: Document, id: string): Section => sectionOf(organizational(doc), id);
const sectionText = (doc: Document, id: string): string => blocksText([section(doc, id)]);
const linesOf = (doc: Document, id: string): string[] => inlineRuns([section(doc, id)]).map(inlineText);
const tableOf = (doc: Document, id: string, index = 0): string[][] => tableRows(tablesIn([section(doc, id)])[index]!);

function listItems(doc: Document, id: string): string[] {
  const list = section(doc, id).children.find((b): b is List => b.type === 'list');
  if (!list) throw new Error(`${id} に箇条書きがありません`);
  return list.children.map((item) => blocksText(item.children));
}

/** The boxes of the 情報セキュリティ委員会体制図, each as its lines (role name, then 「（役職）」 lines). */
function chartBoxes(doc: Document): string[][] {
  const chart = section(doc, 'org-organization').children.find((b: Block) => b.type === 'chart');
  if (!chart || chart.type !== 'chart') throw new Error('体制図がありません');
  const out: string[][] = [];
  const walk = (box: ChartBox) => {
    out.push(box.lines.map(inlineText));
    box.children.forEach(walk);
  };
  walk(chart.root);
  return out;
}

/** Everything a reader of the pack sees: every document as Markdown (cover, approver, signatures included). */
const everything = (result: GenerateResult): string => result.documents.map(renderMarkdown).join('\n');

describe('役職名は people に1回だけ書き、変えると体制図と役職を名指す文がすべて変わる', () => {
  const before = build(COMPANY);

  it('変える前: 役職名が体制図と文に出ている（以下の比較の前提）', () => {
    const text = everything(before);
    for (const title of ['代表取締役', '総務課長', '内部監査室長', '営業部長']) expect(text, title).toContain(title);
  });

  it('代表者（head）の役職: 体制図、9.1・9.2 の責任者、9.4・9.8 の文、5.6 の許可者、6.3 の承認者、表紙の承認者、基本方針の署名', () => {
    const result = build(COMPANY.replace('title: 代表取締役', 'title: 取締役社長'));
    const doc = rulebook(result);
    expect(chartBoxes(doc)[0]).toEqual(['情報セキュリティ責任者', '（取締役社長）']);
    expect(tableOf(doc, 'org-incident-structure')[0]).toEqual(['最高責任者', '取締役社長']);
    expect(tableOf(doc, 'org-incident-judgement')[1]![2]).toBe('取締役社長');
    expect(sectionText(doc, 'org-incident-procedure')).toContain('①発見報告：発見者は即座にインシデント対応責任者及び取締役社長に報告する。');
    expect(sectionText(doc, 'org-business-continuity')).toContain('取締役社長は、情報セキュリティインシデントの影響により');
    expect(listItems(doc, 'org-asset-take-out')).toContain('極秘の場合は取締役社長の許可を得る。');
    expect(sectionText(doc, 'org-account-registration')).toContain('取締役社長又は情報セキュリティ責任者の承認に基づき登録する');
    expect(renderMarkdown(doc)).toContain('承認: 取締役社長');
    expect(documentText(result.documents.find((d) => d.id === 'basic-policy')!)).toContain('取締役社長　山田 太郎');
    expect(everything(result)).not.toContain('代表取締役');
  });

  it('役割を兼ねる人の役職: 体制図の各役割、9.3 の連絡網、9.4 の報道発表、9.8 の復旧責任者', () => {
    const result = build(COMPANY.replace('title: 総務課長', 'title: 業務推進室長'));
    const doc = rulebook(result);
    const boxes = chartBoxes(doc);
    expect(boxes).toContainEqual(['システム管理者', '（業務推進室長）']);
    expect(boxes).toContainEqual(['インシデント対応責任者', '（業務推進室長）']);
    expect(tableOf(doc, 'org-incident-reporting').map((row) => row[0])).toContain('インシデント対応責任者・システム管理者（業務推進室長）');
    expect(sectionText(doc, 'org-incident-procedure')).toContain('被害の大きさによっては業務推進室長に報道発表の準備を申請する。');
    expect(tableOf(doc, 'org-business-continuity').slice(1).map((row) => row[1])).toEqual(['業務推進室長', '業務推進室長']);
    expect(everything(result)).not.toContain('総務課長');
  });

  it('部門の長の役職: 体制図の情報セキュリティ部門責任者', () => {
    const result = build(COMPANY.replace('title: 営業部長', 'title: 営業本部長'));
    expect(chartBoxes(rulebook(result))).toContainEqual(['情報セキュリティ部門責任者', '（営業本部長）']);
    expect(everything(result)).not.toContain('営業部長');
  });

  it('委員会の表（1）は役割の名前と責任の表で、役職名を変えても変わらない', () => {
    const after = build(COMPANY.replace('title: 代表取締役', 'title: 取締役社長').replace('title: 総務課長', 'title: 業務推進室長'));
    expect(tableOf(rulebook(after), 'org-organization')).toEqual(tableOf(rulebook(before), 'org-organization'));
    expect(tableOf(rulebook(before), 'org-organization').map((row) => row[0])).toEqual([
      '役職名',
      '情報セキュリティ責任者',
      '情報セキュリティ部門責任者',
      'システム管理者',
      '教育責任者',
      'インシデント対応責任者',
      '個人情報苦情相談対応者',
      '個人情報保護管理者',
      '監査・点検責任者',
    ]);
  });
});

describe('部門のない組織（departments を書かない）', () => {
  const doc = rulebook(build(HEADER + PEOPLE.replace('  - { id: sales-head, title: 営業部長 }\n', '') + CRITICAL));
  const withDepartments = rulebook(build(COMPANY));

  it('委員会の表と体制図に情報セキュリティ部門責任者の行・箱がない', () => {
    expect(tableOf(doc, 'org-organization').map((row) => row[0])).not.toContain('情報セキュリティ部門責任者');
    expect(tableOf(doc, 'org-organization')).toHaveLength(tableOf(withDepartments, 'org-organization').length - 1);
    expect(chartBoxes(doc).map((box) => box[0])).not.toContain('情報セキュリティ部門責任者');
    expect(chartBoxes(withDepartments).map((box) => box[0])).toContain('情報セキュリティ部門責任者');
  });

  it('5.3 の管理責任者・5.6 の社外秘の許可者は情報セキュリティ責任者、5.4 の利用者は部門を言わない', () => {
    expect(sectionText(doc, 'org-asset-owner')).toContain('情報資産の取り扱いに関する情報セキュリティの運用管理責任者は、情報セキュリティ責任者とする。');
    expect(sectionText(withDepartments, 'org-asset-owner')).toContain('当該情報資産を主に利用する部門長とする。');
    expect(sectionText(doc, 'org-asset-users')).toContain('「情報資産管理台帳」の利用者範囲欄に示された従業員とする。');
    expect(sectionText(withDepartments, 'org-asset-users')).toContain('利用者範囲欄に示された部門に従事する従業員とする。');
    expect(listItems(doc, 'org-asset-take-out').slice(0, 2)).toEqual(['社外秘の場合は情報セキュリティ責任者の許可を得る。', '極秘の場合は代表取締役の許可を得る。']);
    expect(listItems(withDepartments, 'org-asset-take-out')[0]).toBe('社外秘の場合は所属部門長の許可を得る。');
  });

  it('部門責任者の務め（8.1 の評価、9.4 の復旧）も情報セキュリティ責任者が負い、1章のどこにも部門長・部門責任者が出ない', () => {
    expect(sectionText(doc, 'org-vendor-criteria')).toContain('情報セキュリティ責任者は「情報資産管理台帳」の重要度が');
    expect(sectionText(doc, 'org-incident-procedure')).toContain('④復旧: システム管理者や情報セキュリティ責任者は特定した原因への対処を行い');
    const chapter = blocksText(organizational(doc).children);
    for (const word of ['部門責任者', '部門長', '部門に従事']) expect(chapter, word).not.toContain(word);
  });

  it('ほかの章でも: 物理的対策 3 の撮影・録音の許可は情報セキュリティ責任者、脆弱性管理の役割は「各部門の関係者」と言わない', () => {
    const areaRules = (d: Document) => blocksText([sectionOf(chapterTitled(d, '物理的対策'), 'phys-area-rules')]);
    const vulnerabilityRoles = (d: Document) => blocksText([sectionOf(chapterTitled(d, '技術的対策'), 'tech-vuln-roles')]);
    expect(areaRules(doc)).toContain('業務上必要な場合は、情報セキュリティ責任者の許可を得ること。');
    expect(areaRules(withDepartments)).toContain('業務上必要な場合は、情報セキュリティ部門責任者の許可を得ること。');
    expect(vulnerabilityRoles(doc)).toContain('システム管理者の指示の下、関係者は適宜対応する。');
    expect(vulnerabilityRoles(withDepartments)).toContain('システム管理者の指示の下、各部門の関係者は適宜対応する。');
  });
});

describe('報道発表（9.4）は publicRelations の役割を持つ人', () => {
  const procedure = (people: string) => {
    const result = build(HEADER + people);
    return { text: sectionText(rulebook(result), 'org-incident-procedure'), keys: result.unfilled.map((u) => u.key) };
  };

  it('役割を持つ人の役職を書き、2人いれば並べる', () => {
    expect(procedure(PEOPLE).text).toContain('被害の大きさによっては総務課長に報道発表の準備を申請する。');
    const two = procedure(`${PEOPLE}  - { id: pr, title: 広報室長, roles: [publicRelations] }\n`);
    expect(two.text).toContain('被害の大きさによっては総務課長・広報室長に報道発表の準備を申請する。');
  });

  it('誰も持たなければ要記入で、kitei check は people[].roles: publicRelations を示す（サンプルの総務部を書かない）', () => {
    const none = procedure(PEOPLE.replace('incidentOfficer, systemAdmin, publicRelations', 'incidentOfficer, systemAdmin'));
    expect(none.text).toContain('被害の大きさによっては【要記入：インシデント時に報道発表を準備する人の役職】に報道発表の準備を申請する。');
    expect(none.text).not.toContain('総務部');
    expect(none.keys).toContain('people[].roles: publicRelations');
  });
});

describe('事業継続（9.8）のシステムの行は inventory の critical と vendors から', () => {
  const INVENTORY = `inventory:
  - id: file-server
    kind: server
    name: ファイルサーバー
    critical: { operations: 図面の共有 }
    backup:
      - { data: 図面データ, method: バックアップソフト, to: c2, every: 毎日, keep: 直近30日分 }
  - { id: m365, kind: cloud-service, name: Microsoft 365, critical: { operations: メールと文書の作成 } }
  - { id: c2, kind: cloud-backup, name: クラウドバックアップ }
  - { id: utm, kind: utm, name: UTM }
  - { id: windows, kind: pc-os, product: Windows 11 Pro }
vendors:
  - { id: server-vendor, name: 株式会社サーバー保守, service: サーバーの保守, supports: [file-server] }
  - { id: pc-vendor, name: 株式会社パソコン販売, supports: [windows] }
  - { id: ms, name: 日本マイクロソフト株式会社, supports: [m365] }
  - { id: backup-vendor, name: 株式会社バックアップ, supports: [c2] }
  - { id: net-vendor, name: 株式会社ネットワーク, service: UTM・回線の保守, supports: [utm] }
`;
  const result = build(HEADER + PEOPLE + DEPARTMENTS + INVENTORY);
  const doc = rulebook(result);

  it('システム名・業務は critical の項目を並べ、被害対象はその種類から、連絡先はそれらを支える事業者（パソコンの販売店は入らない）', () => {
    const text = sectionText(doc, 'org-business-continuity');
    expect(text).toContain('情報セキュリティインシデント：大型地震の発生に伴う設備の倒壊、回線の途絶、停電等によるファイルサーバー、Microsoft 365停止');
    expect(text).toContain('想定理由：当社の事業は、図面の共有、メールと文書の作成をファイルサーバー、Microsoft 365に依存しているため');
    expect(tableOf(doc, 'org-business-continuity')).toEqual([
      ['被害対象', '復旧責任者', '関係者連絡先'],
      [
        '（ファイルサーバー、Microsoft 365）\nハードウェア\nソフトウェア\nネットワーク機器\nクラウドサービス\n回線サービス\nバックアップクラウドサーバー',
        'インシデント対応責任者\nシステム管理者',
        '株式会社サーバー保守（サーバーの保守）\n日本マイクロソフト株式会社\n株式会社バックアップ\n株式会社ネットワーク（UTM・回線の保守）',
      ],
    ]);
  });

  it('continuity.recovery が空ならシステムの行だけで、サンプルの行（電源設備・顧客・従業員人的被害）も要記入も出ない', () => {
    const text = sectionText(doc, 'org-business-continuity');
    for (const word of ['電源設備', '顧客', '人的被害', '総務部長', '営業部長', '要記入']) expect(text, word).not.toContain(word);
    expect(result.unfilled.filter((gap) => gap.key === 'continuity.recovery' || /critical/u.test(`${gap.key} ${gap.question}`))).toEqual([]);
  });

  it('continuity.recovery の行はシステムの行の後に続き、復旧責任者は people の役職、連絡先は vendors の名前か文', () => {
    const more = rulebook(
      build(`${HEADER}${PEOPLE}${DEPARTMENTS}${INVENTORY}continuity:
  recovery:
    - { targets: [電源設備, 空調機], owners: [ga], contacts: [server-vendor, ビル管理会社] }
    - { targets: [顧客], owners: [sales-head, ceo], contacts: [営業部取引先リスト参照] }
`),
    );
    expect(tableOf(more, 'org-business-continuity').slice(2)).toEqual([
      ['電源設備\n空調機', '総務課長', '株式会社サーバー保守（サーバーの保守）\nビル管理会社'],
      ['顧客', '営業部長\n代表取締役', '営業部取引先リスト参照'],
    ]);
  });

  it('critical.owners を書くとシステムの行の復旧責任者はその人の役職', () => {
    const owned = rulebook(build(HEADER + PEOPLE + DEPARTMENTS + INVENTORY.replace('critical: { operations: 図面の共有 }', 'critical: { operations: 図面の共有, owners: [audit, ga] }')));
    // Microsoft 365 (no owners) adds the default roles after them.
    expect(tableOf(owned, 'org-business-continuity')[1]![1]).toBe('内部監査室長\n総務課長\nインシデント対応責任者\nシステム管理者');
  });
});

describe('緊急連絡先（9.3）は people から', () => {
  const rows = (yaml: string) => {
    const result = build(HEADER + yaml);
    return { rows: tableOf(rulebook(result), 'org-incident-reporting').slice(1), keys: result.unfilled.map((u) => u.key) };
  };

  it('書かなければ代表者・インシデント対応責任者・システム管理者の順で、兼ねる人は1行、番号は携帯電話を先に', () => {
    const { rows: table, keys } = rows(`people:
  - { id: ceo, title: 代表取締役, roles: [head, securityOfficer], phone: 03-0000-0001, mobile: 090-0000-0001, email: ceo@example.jp }
  - { id: it, title: 情報システム課長, roles: [systemAdmin], phone: 03-0000-0003, email: it@example.jp }
  - { id: ga, title: 総務課長, roles: [incidentOfficer, systemAdmin], mobile: 090-0000-0002, email: ga@example.jp }
  - { id: staff, title: 営業課長, phone: 03-0000-0009, email: sales@example.jp }
`);
    expect(table).toEqual([
      ['代表取締役', '携帯電話：090-0000-0001\n電子メールアドレス：ceo@example.jp'],
      ['インシデント対応責任者・システム管理者（総務課長）', '携帯電話：090-0000-0002\n電子メールアドレス：ga@example.jp'],
      ['システム管理者（情報システム課長）', '電話：03-0000-0003\n電子メールアドレス：it@example.jp'],
    ]);
    // 9.3 asks for nothing (2 人的対策 still asks the office phone of the administrator without one).
    expect(keys.filter((key) => /^people\.\d+\.(mobile|email)$/u.test(key))).toEqual([]);
  });

  it('電話番号を変えると連絡網も変わる', () => {
    const { rows: table } = rows(`people:
  - { id: ceo, title: 代表取締役, roles: [head, incidentOfficer, systemAdmin], mobile: 080-1111-2222, email: ceo@example.jp }
`);
    expect(table).toEqual([['代表取締役', '携帯電話：080-1111-2222\n電子メールアドレス：ceo@example.jp']]);
  });

  it('rules.incident.emergencyContacts は載せる人とその順を決める', () => {
    const { rows: table } = rows(`people:
  - { id: ceo, title: 代表取締役, roles: [head], mobile: 090-0000-0001, email: ceo@example.jp }
  - { id: ga, title: 総務課長, roles: [incidentOfficer, systemAdmin], mobile: 090-0000-0002, email: ga@example.jp }
  - { id: guard, title: 警備担当, phone: 03-0000-0100, email: guard@example.jp }
rules:
  incident:
    emergencyContacts: [guard, ga]
`);
    expect(table).toEqual([
      ['警備担当', '電話：03-0000-0100\n電子メールアドレス：guard@example.jp'],
      ['インシデント対応責任者・システム管理者（総務課長）', '携帯電話：090-0000-0002\n電子メールアドレス：ga@example.jp'],
    ]);
  });

  it('載せる人がいなければ1行の要記入（サンプルの連絡先を書かない）', () => {
    const { rows: table, keys } = rows('');
    expect(table).toEqual([['【要記入：緊急連絡網に載せる人（インシデント対応責任者・システム管理者など）】', '']]);
    expect(keys).toContain('people[].roles');
    expect(linesOf(rulebook(build(HEADER)), 'org-incident-reporting')[1]).toContain('以下の連絡網に従い');
  });
});

describe('外した評価基準と、null にした任意の欄は文書に残らない', () => {
  it('確認リストの基準（rules.outsourcing.criteria.checklist: null）を外すと、8.1 の箇条と確認リストの「評価の基準」の行がなくなる', () => {
    const result = build(`${COMPANY}rules:\n  outsourcing:\n    criteria: { checklist: null }\n`);
    expect(sectionText(rulebook(result), 'org-vendor-criteria')).not.toContain('委託先情報セキュリティ対策状況確認リスト」で');
    const form = documentText(result.documents.find((d) => d.id === 'vendor-checklist')!);
    expect(form).not.toContain('評価の基準');
    expect(documentText(build(COMPANY).documents.find((d) => d.id === 'vendor-checklist')!)).toContain('評価の基準：全ての項目が「○」であること。');
  });

  it('URL・電話・メール・受付時間・所在地・事業者の担当と連絡先を null にすると、その行・括弧書きだけがなくなる', () => {
    const result = build(`${HEADER}${PEOPLE}${DEPARTMENTS}inventory:
  - { id: orders, kind: business-system, name: 受発注システム, critical: { operations: 受注から出荷までの業務 } }
vendors:
  - { id: dev, name: 株式会社システム保守, service: null, contact: null, supports: [orders] }
contacts:
  ipaDesks: [{ title: 不正アクセスの届出, url: null, phone: null, email: null }]
  authorities:
    - { name: テスト市 情報政策課, desks: [{ title: 個人情報の漏えい等の報告, url: null, phone: null, email: null }] }
myNumber:
  contact: { desk: 総務課, phone: null, email: null, hours: null }
  managementArea: [事務室]
  handlingArea: [総務課の席]
rules:
  informationSources: [{ name: 独立行政法人情報処理推進機構（略称：IPA）, url: null }]
`);
    const doc = rulebook(result);
    expect(listItems(doc, 'org-information-sharing')).toEqual(['独立行政法人情報処理推進機構（略称：IPA）']);
    const notification = linesOf(doc, 'org-incident-notification');
    expect(notification).toContain('不正アクセスの届出');
    expect(notification).toContain('個人情報の漏えい等の報告');
    expect(tableOf(doc, 'org-business-continuity')[1]![2]).toBe('株式会社システム保守');
    const policy = documentText(result.documents.find((d) => d.id === 'my-number-policy')!);
    expect(policy).toContain('総務課');
    for (const word of ['電話', 'メール', '受付時間', '所在地', '要記入']) expect(policy, word).not.toContain(word);
  });
});
