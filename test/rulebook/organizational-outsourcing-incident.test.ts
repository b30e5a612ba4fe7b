import { describe, expect, it } from 'vitest';
import { AnswersError } from '../../src/answers/load.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { documentText, inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, Section } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { VENDOR_CHECKLIST_LENGTH } from '../../src/answers/chapters/organizational-outsourcing.js';
import { answersFrom, MINIMAL_COMPANY } from '../support/build.js';
import { chapterTemplates, stubSection, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, inlineRuns, numbered, sectionOf, sectionsIn, tableRows, tablesIn, xrefsIn } from '../support/model.js';

/**
 * 組織的対策 8 委託管理・8-1 委託先情報セキュリティ対策状況確認リスト・9 インシデント対応及び事業継続管理:
 * the profile's rules.outsourcing / rules.incident, people (roles, phones), contacts, inventory
 * (critical), vendors and continuity.
 *
 * The three real template files run after stand-ins for sections 1–7 (so they are numbered 8, 8-1
 * and 9 as in the sample, and the tests depend only on this part's templates); the completeness
 * test checks the same files inside the whole rulebook.
 */


const TEMPLATES = templateSet({
  組織的対策: {
    '01.md': stubSection('情報セキュリティのための組織', 'org-organization'),
    '02.md': stubSection('情報セキュリティ取組みの監査・点検', 'org-audit'),
    '03.md': stubSection('情報セキュリティに関する情報共有', 'org-information-sharing'),
    '04.md': stubSection('情報セキュリティ対策の基本方針', 'org-basic-policy'),
    '05.md': stubSection('情報資産・IT資産の管理', 'org-assets'),
    '06.md': stubSection('アクセス制御及び認証', 'org-access-control'),
    '07.md': stubSection('インターネット利用', 'org-internet'),
    ...chapterTemplates('1-organizational', /^(08|08_1|09)-/u),
  },
});

/** A medium company before its people are written. */
const HEADER = `${MINIMAL_COMPANY}document: { effectiveDate: 2026-04-01 }\n`;
/** Its people: the representative, the incident officer and the system administrator are three people. */
const COMPANY = `${HEADER}people:
  - { id: ceo, title: 代表取締役, roles: [head, securityOfficer] }
  - { id: ga-head, title: 総務部長, roles: [incidentOfficer] }
  - { id: it-head, title: 情報システム課長, roles: [systemAdmin] }
  - { id: sales-head, title: 営業部長 }
departments:
  - { id: sales, name: 営業部, head: sales-head }
`;
const ASSOCIATION = `
kitei: 2
organization: { name: 一般財団法人テスト振興協会, type: association, size: medium }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: chair, title: 理事長, roles: [head, securityOfficer] }
  - { id: secretary, title: 事務局長, roles: [incidentOfficer, systemAdmin] }
  - { id: general-affairs, title: 総務課長, roles: [publicRelations] }
departments:
  - { id: office, name: 事務局, head: secretary }
continuity:
  recovery:
    - { targets: [職員人的被害], owners: [general-affairs], contacts: [職員名簿参照] }
`;

/** The company's profile plus a `rules:` block (indented YAML given without the key). */
const company = (rules: string) => `${COMPANY}rules:\n${rules}`;

const run = (yaml: string): GenerateResult => generate(answersFrom(yaml), TEMPLATES);
const rulebookOf = (yaml: string): Document => run(yaml).documents[0]!;

const organizational = (doc: Document): Chapter => chapterTitled(doc);
const section = (doc: Document, id: string): Section => sectionOf(organizational(doc), id);
const textOf = (blocks: readonly Block[]): string => blocksText(blocks);
const sectionText = (doc: Document, id: string): string => textOf([section(doc, id)]);
const linesOf = (doc: Document, id: string): string[] => inlineRuns([section(doc, id)]).map(inlineText);
const subsections = (doc: Document, id: string) => sectionsIn(section(doc, id).children).map(numbered);
const tables = tablesIn;
const xrefs = xrefsIn;

/** The 委託先評価基準 bullet list of 8.1. */
const criteriaOf = (doc: Document): string[] => {
  const list = section(doc, 'org-vendor-criteria').children.find((b) => b.type === 'list');
  if (!list || list.type !== 'list') throw new Error('評価基準のリストがありません');
  return list.children.map((item) => textOf(item.children));
};

const issuesOf = (yaml: string): string => {
  try {
    answersFrom(yaml);
  } catch (error) {
    if (error instanceof AnswersError) return error.message;
    throw error;
  }
  throw new Error('回答の誤りが報告されませんでした');
};

describe('既定（株式会社）', () => {
  const result = run(COMPANY);
  const doc = result.documents[0]!;

  it('8 委託管理・8-1 確認リスト・9 インシデント対応がサンプルの番号で並ぶ', () => {
    expect(sectionsIn(organizational(doc).children).map(numbered).slice(7)).toEqual([
      '8 委託管理',
      '8-1 委託先情報セキュリティ対策状況確認リスト',
      '9 情報セキュリティインシデント対応及び事業継続管理',
    ]);
    expect(subsections(doc, 'org-outsourcing')).toEqual([
      '8.1 委託先評価基準',
      '8.2 委託先の選定',
      '8.3 委託契約の締結',
      '8.4 委託先の評価',
      '8.5 再委託',
      '8.6 取引先一覧の作成及び管理',
      '8.7 機密情報共有事項チェックシートの管理',
    ]);
    expect(subsections(doc, 'org-incident')).toEqual([
      '9.1 対応体制',
      '9.2 情報セキュリティインシデントの判断・対応者',
      '9.3 インシデントの連絡及び報告',
      '9.4 対応手順',
      '9.5 インシデント報告',
      '9.6 届出及び相談',
      '9.7 再発防止',
      '9.8 情報セキュリティインシデントによる事業中断と事業継続管理',
      '9.9 事業継続計画',
    ]);
  });

  it('相互参照は計算した番号で出る（8.4 → 8-1、8.5 → 8.1・8.3・8.4、9.2・9.5 → 9.4）', () => {
    expect(xrefs([section(doc, 'org-vendor-evaluation')])).toEqual([
      { target: 'org-vendor-checklist', text: '「8-1 委託先情報セキュリティ対策状況確認リスト」' },
    ]);
    expect(xrefs([section(doc, 'org-subcontracting')]).map((x) => x.text).join('')).toBe(
      '「8.1 委託先評価基準」「8.3 委託契約の締結」「8.4 委託先の評価」',
    );
    expect(xrefs([section(doc, 'org-incident-judgement')]).map((x) => x.text)).toEqual(['「9.4 対応手順」']);
    expect(xrefs([section(doc, 'org-incident-report')]).map((x) => x.text)).toEqual(['「9.4 対応手順」']);
  });

  it('8.1 の評価基準は各選択肢の先頭', () => {
    expect(criteriaOf(doc)).toEqual([
      '情報セキュリティマネジメントシステム（ISMS）適合性評価制度の認証を取得している。',
      '個人情報保護マネジメントシステム（PMS）に適合し、プライバシーマーク付与を受けている。',
      'SECURITY ACTION 一つ星に取り組んでいる。',
      'SCS評価制度の★３に登録されている。',
      '情報セキュリティ監査を定期的に実施している。',
      '情報セキュリティに関する方針を公開している。',
      '「委託先情報セキュリティ対策状況確認リスト」で全ての対策を実施している。',
    ]);
  });

  it('8.3 の契約事項はサンプルの12項目（社外秘又は極秘・当社は語彙から）', () => {
    const lines = linesOf(doc, 'org-vendor-contract');
    expect(lines.slice(2)).toHaveLength(12);
    expect(lines).toContain('当社の社外秘又は極秘の情報資産及び個人情報の守秘義務');
    expect(lines).toContain('委託業務終了時の当社が提供した社外秘又は極秘の情報資産及び個人情報の返却又は廃棄、消去についての事項');
    expect(lines[lines.length - 1]).toBe('事故発生時の報告方法');
  });

  it('8-1 は記入様式の表: 26行、通し番号、区分は縦に結合、最後の列は空欄', () => {
    const [table] = tables([section(doc, 'org-vendor-checklist')]);
    expect(table!.variant).toBe('checklist');
    expect(table!.headerRows).toBe(1);
    const body = table!.children.slice(1);
    expect(body).toHaveLength(26);
    const categories = body.flatMap((row) => (row.children.length === 4 ? [[textOf(row.children[0]!.children), row.children[0]!.rowSpan]] : []));
    expect(categories).toEqual([
      ['ガバナンスの整備', 3],
      ['取引先管理', 3],
      ['リスクの特定', 4],
      ['攻撃等の防御', 13],
      ['攻撃等の検知', 1],
      ['インシデントへの対応', 1],
      ['インシデントからの復旧', 1],
    ]);
    const numbers = body.map((row) => textOf(row.children[row.children.length - 3]!.children));
    expect(numbers).toEqual(Array.from({ length: 26 }, (_, i) => String(i + 1)));
    expect(body.every((row) => row.children[row.children.length - 1]!.children.length === 0)).toBe(true);
  });

  it('9.1・9.2 の責任者は語彙と役割名から', () => {
    expect(tableRows(tables([section(doc, 'org-incident-structure')])[0]!)).toEqual([
      ['最高責任者', '代表取締役'],
      ['対応責任者', 'インシデント対応責任者'],
      ['一次対応者', '発見者又はシステム管理者'],
    ]);
    expect(tableRows(tables([section(doc, 'org-incident-judgement')])[0]!).map((row) => [row[0], row[2]])).toEqual([
      ['事故レベル', '責任者'],
      ['3', '代表取締役'],
      ['2', 'インシデント対応責任者'],
      ['1', 'インシデント対応責任者'],
      ['0', 'システム管理者'],
    ]);
  });

  it('9.3 の緊急連絡先は代表者・インシデント対応責任者・システム管理者の3行で、電話・メールは人ごとに要記入', () => {
    const rows = tableRows(tables([section(doc, 'org-incident-reporting')])[0]!);
    expect(rows.map((row) => row[0])).toEqual(['対応者または責任者', '代表取締役', 'インシデント対応責任者（総務部長）', 'システム管理者（情報システム課長）']);
    expect(rows[1]![1]).toBe('携帯電話：【要記入：代表取締役の緊急連絡先の電話番号（携帯電話）】\n電子メールアドレス：【要記入：代表取締役の緊急連絡先のメールアドレス】');
    const keys = result.unfilled.map((u) => u.key);
    for (const i of [0, 1, 2]) {
      expect(keys).toContain(`people.${i}.mobile`);
      expect(keys).toContain(`people.${i}.email`);
    }
    expect(keys).not.toContain('people.3.mobile');
  });

  it('9.4 は「代表取締役社長」を代表者の呼称で書き、報道発表の担当は要記入（サンプルの総務部を書かない）、3つの手順表がある', () => {
    const text = sectionText(doc, 'org-incident-procedure');
    expect(text).toContain('①発見報告：発見者は即座にインシデント対応責任者及び代表取締役に報告する。');
    expect(text).not.toContain('代表取締役社長');
    expect(text).toContain('⑤最終報告：代表取締役は社内外の関係者に対応結果及び再発防止策を公表する。');
    expect(text).toContain('インシデント対応責任者は影響範囲・被害の大きさによっては【要記入：インシデント時に報道発表を準備する人の役職】に報道発表の準備を申請する。');
    expect(text).not.toContain('総務部に');
    expect(result.unfilled.map((u) => u.key)).toContain('people[].roles: publicRelations');
    expect(text).toContain('④復旧: システム管理者や情報セキュリティ部門責任者は特定した原因への対処を行い');
    expect(text).toContain('都道府県警察本部のサイバー犯罪相談窓口に届け出る。');
    expect(text).toContain('*個人データ：個人情報データベース等');
    const [categories, leak, damage] = tables([section(doc, 'org-incident-procedure')]);
    expect(tableRows(categories!)[1]).toEqual(['漏えい・流出', '社外秘又は極秘情報資産の盗難、流出、紛失']);
    expect(tableRows(leak!).map((row) => row[0])).toEqual(['事故レベル', '3', '2', '1']);
    expect(tableRows(damage!).map((row) => row[0])).toEqual(['事故レベル', '3', '2', '1', '0']);
  });

  it('9.6 は IPA の3窓口と個人情報保護委員会（特定個人情報は2022年4月からの報告対象事態・速報・確報）', () => {
    const text = sectionText(doc, 'org-incident-notification');
    expect(text).toContain('【独立行政法人 情報処理推進機構セキュリティセンター】');
    expect(text).toContain('E-mail：virus@ipa.go.jp');
    expect(text).toContain('E-mail：crack@ipa.go.jp');
    expect(text).toContain('E-mail：cs-support@ipa.go.jp');
    expect(text).toContain('【個人情報保護委員会】');
    expect(text).toContain('TEL:03-6457-9680');
    // 番号法第29条の4 and its 規則 (平成27年特定個人情報保護委員会規則第5号): the four 報告対象事態, outside
    // attackers included, 100 people (not the 1,000 of personal data), 速報 and 確報 with their deadlines.
    const myNumber = text.slice(text.indexOf('特定個人情報の漏えい等が発生した場合の対応'));
    expect(myNumber).toContain('外部からの不正アクセス、従業員等による持出しを含む');
    expect(myNumber).toContain('不特定多数の者に閲覧');
    expect(myNumber).toContain('本人の数が100人を超える事態');
    expect(myNumber).toContain('知った後速やかに（概ね3～5日以内）速報を、知った日から30日以内（②の事態は60日以内）に確報を');
    expect(myNumber).toContain('本人に通知すること（手順の詳細は『特定個人情報取扱規程』に定める）');
    expect(myNumber).not.toMatch(/重大事態|1,000人|1000人/u);
    // Without My Numbers the rulebook does not point to rules that are not made.
    const without = sectionText(rulebookOf(`${COMPANY}myNumber: none`), 'org-incident-notification');
    expect(without).toContain('本人の数が100人を超える事態');
    expect(without).not.toContain('特定個人情報取扱規程');
  });

  it('9.8 はシステム名・業務が要記入で、復旧責任者の表はそれを尋ねる1行（サンプルの4行を組織の事実として書かない）', () => {
    const text = sectionText(doc, 'org-business-continuity');
    const system = '【要記入：事業の継続に欠かせないシステム（inventory の critical）】';
    const operations = '【要記入：事業の継続に欠かせないシステムに依存している業務（inventory の critical.operations）】';
    expect(text).toContain(`情報セキュリティインシデント：大型地震の発生に伴う設備の倒壊、回線の途絶、停電等による${system}停止`);
    expect(text).toContain(`想定理由：当社の事業は、${operations}を${system}に依存しているため`);
    const rows = tableRows(tables([section(doc, 'org-business-continuity')])[0]!);
    expect(rows).toEqual([
      ['被害対象', '復旧責任者', '関係者連絡先'],
      [
        '【要記入：事業の中断に備えて復旧責任者を決める被害対象（事業に欠かせないシステムは inventory の critical、電源設備・空調機・人的被害などは continuity.recovery）】',
        '【要記入：被害対象ごとの復旧責任者（continuity.recovery の owners）】',
        '－',
      ],
    ]);
    for (const word of ['総務部長', '営業部長', '顧客', '販売']) expect(text, word).not.toContain(word);
    const keys = result.unfilled.map((u) => u.key);
    expect(keys).toContain('inventory');
    expect(keys).toContain('continuity.recovery');
  });

  it('9.7 の頻度は回答がなければ推奨値付きの要記入', () => {
    expect(sectionText(doc, 'org-incident-prevention')).toContain(
      '【要記入：インシデントの事例と対応策を共有する頻度（推奨: 年1回以上）】及び社内外で重大なセキュリティインシデントが発生した際に',
    );
    expect(result.unfilled.map((u) => u.key)).toContain('rules.incident.lessonsFrequency');
  });
});

describe('8.1 評価対象の重要度（conf.threshold）', () => {
  const levels = (top: number) => `
confidentiality:
  levels:
    - { label: 極秘, value: ${top}, criteria: [漏えいすると大きな影響がある], takeOutApprover: 代表取締役 }
    - { label: 社外秘, value: ${top - 1}, criteria: [漏えいすると事業に影響がある], takeOutApprover: 所属部門長 }
    - { label: 公開, value: ${top - 2}, criteria: [影響はない], takeOutApprover: null }
`;

  it('非公開レベルの最も低い評価値以上（3/2/1 → 2、2/1/0 → 1）: サンプルの「1以上」は 2/1/0 の番号付けの名残', () => {
    // The levels taken in are named after the value (issue 14 point 13; rules.outsourcing.threshold changes it).
    expect(sectionText(rulebookOf(COMPANY), 'org-vendor-criteria')).toContain('「情報資産管理台帳」の重要度が2以上（社外秘又は極秘）である情報資産');
    expect(sectionText(rulebookOf(COMPANY + levels(2)), 'org-vendor-criteria')).toContain('重要度が1以上（社外秘又は極秘）である情報資産');
    expect(sectionText(rulebookOf(COMPANY + levels(4)), 'org-vendor-criteria')).toContain('重要度が3以上（社外秘又は極秘）である情報資産');
  });
});

describe('8.1 評価基準の選択肢', () => {
  const criteria = (yaml: string) => criteriaOf(rulebookOf(company(`  outsourcing:\n    criteria: ${yaml}\n`)));

  it('SECURITY ACTION: 一つ星 / 二つ星 / 含めない', () => {
    expect(criteria('{ securityAction: twoStars }')).toContain('SECURITY ACTION 二つ星に取り組んでいる。');
    expect(criteria('{ securityAction: twoStars }').join()).not.toContain('一つ星');
    expect(criteria('{ securityAction: null }').join()).not.toContain('SECURITY ACTION');
  });

  it('SCS評価制度: ★３ / ★４ / 含めない', () => {
    expect(criteria('{ scs: star4 }')).toContain('SCS評価制度の★４に登録されている。');
    expect(criteria('{ scs: star4 }').join()).not.toContain('★３');
    expect(criteria('{ scs: null }').join()).not.toContain('SCS');
  });

  it('確認リストの基準: 全て / ○個以上実施 / ○個以上実施予定 / 必要な対策 / 含めない', () => {
    const last = (yaml: string) => criteria(yaml).at(-1);
    expect(last('{ checklist: atLeast, checklistCount: 20 }')).toBe('「委託先情報セキュリティ対策状況確認リスト」で20個以上の対策を実施している。');
    expect(last('{ checklist: planned, checklistCount: 15 }')).toBe(
      '「委託先情報セキュリティ対策状況確認リスト」で15個以上の対策を実施する予定を確認している。',
    );
    expect(last('{ checklist: necessary }')).toBe('「委託先情報セキュリティ対策状況確認リスト」で取り扱う情報資産に必要な対策を実施している。');
    expect(criteria('{ checklist: null }').join()).not.toContain('委託先情報セキュリティ対策状況確認リスト');
  });

  it('個別の基準を外し、独自の基準を足せる', () => {
    expect(criteria('{ isms: false, privacyMark: false, audit: false, publishedPolicy: false, securityAction: null, scs: null, checklist: null, additional: [取引実績が3年以上ある] }')).toEqual([
      '取引実績が3年以上ある',
    ]);
  });

  it('個数は atLeast・planned に必須、それ以外では使えず、確認リストの項目数を超えられない', () => {
    // The line of the criteria in the file, and the answers key (not the key of the template-facing view).
    const at = `test.yaml:${COMPANY.split('\n').length + 2}: rules.outsourcing.criteria.checklistCount: `;
    expect(issuesOf(company('  outsourcing:\n    criteria: { checklist: atLeast }\n'))).toContain(`${at}checklist が atLeast・planned のときは`);
    expect(issuesOf(company('  outsourcing:\n    criteria: { checklist: all, checklistCount: 3 }\n'))).toContain(`${at}checklistCount は`);
    expect(issuesOf(company('  outsourcing:\n    criteria: { checklist: planned, checklistCount: 27 }\n'))).toContain(`${at}対策の個数が確認リストの項目数（26）を超えています`);
    expect(issuesOf(company('  outsourcing:\n    criteria: { checklist: atLeast, checklistCount: "5" }\n'))).toContain(`${at}数値を記入してください`);
    expect(issuesOf(company('  outsourcing:\n    criteria: { checklist: planned, checklistCount: 27 }\n'))).not.toContain('規程の表に直したときの誤り');
  });
});

describe('回答のリストと値', () => {
  it('確認リスト（8-1）と契約事項（8.3）は既定で IPA の文言、書けば組織の一覧に差し替わり、個数の上限もそれに従う', () => {
    const [table] = tables([section(rulebookOf(COMPANY), 'org-vendor-checklist')]);
    expect(table!.children.slice(1)).toHaveLength(VENDOR_CHECKLIST_LENGTH);
    const own = rulebookOf(company('  outsourcing:\n    checklist: [{ category: 社内体制, item: 規程を整備していますか？ }, { category: 社内体制, item: 教育を行っていますか？ }]\n    contractItems: [機密保持, 再委託の禁止]\n'));
    const [ownTable] = tables([section(own, 'org-vendor-checklist')]);
    expect(ownTable!.children.slice(1)).toHaveLength(2);
    expect(documentText(own)).toContain('規程を整備していますか？');
    expect(linesOf(own, 'org-vendor-contract')).toEqual(expect.arrayContaining(['機密保持', '再委託の禁止']));
    expect(issuesOf(company('  outsourcing:\n    checklist: [{ category: 社内体制, item: 規程を整備していますか？ }]\n    criteria: { checklist: atLeast, checklistCount: 2 }\n'))).toContain('対策の個数が確認リストの項目数（1）を超えています');
  });

  it('頻度・相手先・報道発表の担当・警察の窓口・再発防止の頻度は回答どおり', () => {
    const doc = rulebookOf(`${COMPANY.replace('roles: [incidentOfficer] }', 'roles: [incidentOfficer] }\n  - { id: pr, title: 広報室長, roles: [publicRelations] }')}contacts:
  police: 東京都警察本部のサイバー犯罪相談窓口
rules:
  outsourcing:
    reviewFrequency: 半年に1回以上
    sharingCounterparties: グループ会社又は取引先
  incident:
    lessonsFrequency: 四半期に1回
`);
    expect(sectionText(doc, 'org-vendor-evaluation')).toContain('実施状況について半年に1回以上の頻度で評価する');
    expect(sectionText(doc, 'org-sharing-checksheet')).toContain('当社の機密情報を提供・共有するグループ会社又は取引先から');
    const procedure = sectionText(doc, 'org-incident-procedure');
    expect(procedure).toContain('広報室長に報道発表の準備を申請する');
    expect(procedure).toContain('東京都警察本部のサイバー犯罪相談窓口に届け出る');
    expect(sectionText(doc, 'org-incident-prevention')).toMatch(/^再発防止\n四半期に1回及び社内外で/u);
  });

  it('緊急連絡先: 行は rules.incident.emergencyContacts の人で、携帯電話がなければ職場の電話（見出しも「電話」）、ない番号・メールは要記入、空なら表を出さない', () => {
    const result = run(`${HEADER}people:
  - { id: ceo, title: 代表取締役, roles: [head], mobile: 090-0000-0001, email: ceo@example.jp }
  - { id: ga-head, title: 総務部長, roles: [incidentOfficer], phone: 03-1234-5678 }
  - { id: it, title: 情報システム課, roles: [systemAdmin, securityOfficer], email: it@example.jp }
rules:
  incident:
    emergencyContacts: [ga-head, it]
`);
    const doc = result.documents[0]!;
    expect(tableRows(tables([section(doc, 'org-incident-reporting')])[0]!)).toEqual([
      ['対応者または責任者', '緊急連絡先'],
      ['インシデント対応責任者（総務部長）', '電話：03-1234-5678\n電子メールアドレス：【要記入：総務部長の緊急連絡先のメールアドレス】'],
      ['システム管理者・情報セキュリティ責任者（情報システム課）', '携帯電話：【要記入：情報システム課の緊急連絡先の電話番号（携帯電話）】\n電子メールアドレス：it@example.jp'],
    ]);
    const keys = result.unfilled.map((u) => u.key);
    expect(keys).toContain('people.1.email');
    expect(keys).toContain('people.2.mobile');
    // The representative is not on this list: nothing is asked of them for 9.3.
    expect(keys).not.toContain('people.0.mobile');
    const none = rulebookOf(company('  incident:\n    emergencyContacts: []\n'));
    expect(tables([section(none, 'org-incident-reporting')])).toEqual([]);
    expect(sectionText(none, 'org-incident-reporting')).toContain('発見者は対応者または責任者に速やかに報告し、指示を仰ぐ。');
    expect(issuesOf(company('  incident:\n    emergencyContacts: [soumu]\n'))).toContain('「soumu」という人（people の id）がいません');
  });

  it('届出先: IPA の窓口と個人情報保護委員会の後に、自治体などの機関（contacts.authorities）を追加できる', () => {
    const doc = rulebookOf(`${COMPANY}contacts:
  authorities:
    - name: テスト市 情報政策課
      desks:
        - { title: 個人情報の漏えい等の報告, url: https://example.jp/report, phone: 000-111-2222 }
`);
    const lines = linesOf(doc, 'org-incident-notification');
    expect(lines).toContain('【独立行政法人 情報処理推進機構セキュリティセンター】');
    expect(lines).toContain('【テスト市 情報政策課】');
    expect(lines).toContain('個人情報の漏えい等の報告\nhttps://example.jp/report\nTEL：000-111-2222');
    expect(lines.indexOf('【独立行政法人 情報処理推進機構セキュリティセンター】')).toBeLessThan(lines.indexOf('【個人情報保護委員会】'));
    expect(lines.indexOf('【個人情報保護委員会】')).toBeLessThan(lines.indexOf('【テスト市 情報政策課】'));
    // An organization that reports elsewhere can leave out the IPA desks.
    expect(linesOf(rulebookOf(`${COMPANY}contacts:\n  ipaDesks: []\n`), 'org-incident-notification')).not.toContain('【独立行政法人 情報処理推進機構セキュリティセンター】');
  });

  it('事業継続: システム名・業務は critical の項目、原因・ほかの行は continuity、システムの行だけシステム名が付く', () => {
    const result = run(`${COMPANY}inventory:
  - id: orders
    kind: business-system
    name: 受発注システム
    critical: { operations: 受注から出荷までの業務 }
vendors:
  - { id: testsys, name: 株式会社テストシステム, supports: [orders] }
continuity:
  cause: 水害による浸水
  recovery:
    - { targets: [事務所], owners: [ga-head], contacts: [] }
`);
    const doc = result.documents[0]!;
    const text = sectionText(doc, 'org-business-continuity');
    expect(text).toContain('情報セキュリティインシデント：水害による浸水による受発注システム停止');
    expect(text).toContain('想定理由：当社の事業は、受注から出荷までの業務を受発注システムに依存しているため');
    expect(tableRows(tables([section(doc, 'org-business-continuity')])[0]!).slice(1)).toEqual([
      ['（受発注システム）\nハードウェア\nソフトウェア\n回線サービス', 'インシデント対応責任者\nシステム管理者', '株式会社テストシステム'],
      ['事務所', '総務部長', '－'],
    ]);
    const keys = result.unfilled.map((u) => u.key);
    expect(keys).not.toContain('inventory');
    expect(keys).not.toContain('continuity.recovery');
  });

  it('Markdown の記号を含む値は文字のまま出て、表や箇条書きを壊さない', () => {
    const value = '*重要* | [リンク](x) # <b>{{x}}</b>';
    const doc = rulebookOf(`${HEADER}people:
  - { id: ceo, title: 代表取締役, roles: [head, securityOfficer, incidentOfficer, systemAdmin] }
  - { id: odd, title: ${JSON.stringify(value)}, mobile: ${JSON.stringify(value)}, email: a@example.jp }
inventory:
  - { id: sys, kind: business-system, name: ${JSON.stringify(value)}, critical: { operations: 受注業務 } }
rules:
  outsourcing:
    criteria: { additional: ${JSON.stringify([value])} }
  incident:
    emergencyContacts: [odd]
`);
    expect(criteriaOf(doc).at(-1)).toBe(value);
    expect(tableRows(tables([section(doc, 'org-incident-reporting')])[0]!)[1]).toEqual([value, `携帯電話：${value}\n電子メールアドレス：a@example.jp`]);
    expect(sectionText(doc, 'org-business-continuity')).toContain(`（${value}）`);
    const markdown = renderMarkdown(doc);
    expect(markdown).not.toContain('<b>');
    expect(markdown).toContain('\\*重要\\*');
  });
});

describe('協会（association）の語彙', () => {
  const doc = rulebookOf(ASSOCIATION);
  const all = textOf(organizational(doc).children);

  it('当協会・部外秘・理事長・職員・協会内で書かれる', () => {
    expect(linesOf(doc, 'org-vendor-contract')).toContain('当協会の部外秘又は極秘の情報資産及び個人情報の守秘義務');
    expect(sectionText(doc, 'org-subcontracting')).toContain('当協会が委託する業務を');
    expect(sectionText(doc, 'org-sharing-checksheet')).toContain('当協会の機密情報を提供・共有する関係団体又は取引先から');
    expect(tableRows(tables([section(doc, 'org-incident-structure')])[0]!)[0]).toEqual(['最高責任者', '理事長']);
    const procedure = sectionText(doc, 'org-incident-procedure');
    expect(procedure).toContain('⑤最終報告：理事長は協会内外の関係者に');
    expect(procedure).toContain('部外秘又は極秘情報資産の盗難、流出、紛失');
    expect(procedure).toContain('総務課長に報道発表の準備を申請する');
    expect(procedure).toContain('職員は、業務に利用しているパソコン');
    expect(sectionText(doc, 'org-incident-notification')).toContain('職員等による持出しを含む');
    expect(sectionText(doc, 'org-business-continuity')).toContain('理事長は、情報セキュリティインシデントの影響により当協会の事業が中断した場合に備え');
    const rows = tableRows(tables([section(doc, 'org-business-continuity')])[0]!);
    expect(rows.at(-1)).toEqual(['職員人的被害', '総務課長', '職員名簿参照']);
  });

  it('会社の語（当社・社外秘・従業員・代表取締役・社内・株主）が残らない', () => {
    for (const word of ['当社', '自社', '社外秘', '従業員', '代表取締役', '社内', '株主', '子会社']) expect(all, word).not.toContain(word);
  });

  it('8-1 の確認項目（委託先への質問）は「自組織」「従業者」で書かれる', () => {
    const items = tableRows(tables([section(doc, 'org-vendor-checklist')])[0]!).map((row) => row[row.length - 2]);
    expect(items).toContain('自組織のセキュリティ対応方針を策定し、周知していますか？');
    expect(items).toContain('セキュリティ推進活動を担当する部署、役員及び従業者を決定し、責任及び権限を割り当てていますか？');
  });

  it('8.1 の評価対象は部外秘（評価値2）以上', () => {
    expect(sectionText(doc, 'org-vendor-criteria')).toContain('重要度が2以上');
  });
});
