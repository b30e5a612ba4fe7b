import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import { documentText, inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { answersFrom, testTemplates } from '../support/build.js';
import { findSection, tableRows } from '../support/model.js';

/**
 * Issue 14: what a Japanese compliance reviewer would flag in the My Number documents and the
 * contract clauses, and one date style across a build. Each describe block pins one point.
 */

/** A profile with everyone the My Number documents name, and optional parts of its sections. */
interface Parts {
  readonly myNumber?: string;
  readonly documents?: string;
  readonly roles?: string;
  readonly document?: string;
}
const profile = (organization: string, head: string, parts: Parts = {}) => `
kitei: 2
organization: ${organization}
document: { ${parts.document ?? 'effectiveDate: 2026-04-01'} }
people:
  - { id: head, title: ${head}, roles: [head, securityOfficer] }
  - { id: admin, title: 総務部長, roles: [systemAdmin, educationOfficer, incidentOfficer, complaintsOfficer, privacyOfficer, myNumberManager, myNumberClerk, publicRelations] }
  - { id: audit, title: 内部監査室長, roles: [auditor] }
myNumber: { contact: { desk: 総務部 }, managementArea: [書庫], handlingArea: [総務部の執務室], deletionTiming: 毎年度末${parts.myNumber ? `, ${parts.myNumber}` : ''} }
documents: { ${[...(parts.documents?.includes('contract:') ? [] : ['contract: { incidentNoticeHours: 24, survivalYears: 5 }']), ...(parts.documents ? [parts.documents] : [])].join(', ')} }
${parts.roles ? `roles: { ${parts.roles} }` : ''}
`;
const company = (parts: Parts = {}) => profile('{ name: テスト工業株式会社, type: company, size: medium, business: 精密部品の設計・製造 }', '代表取締役', parts);
const COMPANY = company();
const COOPERATIVE = profile('{ name: テスト事業協同組合, type: cooperative, size: medium, business: 組合員の共同購買 }', '代表理事', {});

const build = (yaml: string): GenerateResult => generate(answersFrom(yaml), testTemplates());
const doc = (result: GenerateResult, id: string): Document => {
  const found = result.documents.find((d) => d.id === id);
  if (!found) throw new Error(`${id} がありません`);
  return found;
};
const text = (yaml: string, id: string): string => documentText(doc(build(yaml), id));

/** Every article of a document whose numbering is 第n条, with its heading and text. */
function articles(document: Document): { heading: string; id: string; text: string }[] {
  const out: { heading: string; id: string; text: string }[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const node of blocks) {
      if (node.type === 'chapter') walk(node.children);
      else if (node.type === 'section' && node.numbering === 'article') {
        out.push({ heading: `第${node.number}条（${inlineText(node.title)}）`, id: node.id, text: documentText({ ...document, children: [node] }) });
      }
    }
  };
  walk(document.children);
  return out;
}
const article = (document: Document, id: string) => {
  const found = articles(document).find((a) => a.id === id);
  if (!found) throw new Error(`条 ${id} がありません`);
  return found;
};
const tableOf = (section: Section): Table => {
  const found = (function first(blocks: readonly Block[]): Table | undefined {
    for (const b of blocks) {
      if (b.type === 'table') return b;
      if (b.type === 'clause') {
        const inner = first(b.children);
        if (inner) return inner;
      }
    }
    return undefined;
  })(section.children);
  if (!found) throw new Error(`${section.id} に表がありません`);
  return found;
};
const sectionIn = (document: Document, id: string): Section => {
  const found = findSection(document.children.flatMap((b) => (b.type === 'chapter' ? b.children : [b])), id);
  if (!found) throw new Error(`節 ${id} がありません`);
  return found;
};

describe('1 特定個人情報の漏えい等: 2022年4月からの報告制度を取扱規程そのものに書く', () => {
  const rules = doc(build(COMPANY), 'my-number-rules');

  it('漏えい等の事案への対応の章があり、組織的安全管理措置はそこを参照し「速やかに」だけで済ませない', () => {
    const chapter = rules.children.find((b): b is Chapter => b.type === 'chapter' && b.title === '漏えい等の事案への対応');
    expect(chapter).toBeDefined();
    const organizational = article(rules, 'mnr-organizational').text;
    expect(organizational).toContain(`「第${chapter!.number}章 漏えい等の事案への対応」に定めるところにより対応し、個人情報保護委員会への報告及び本人への通知を行う。`);
    expect(organizational).not.toContain('速やかに報告及び通知を行う');
  });

  it('報告対象事態は規則第2条の4類型（不正の目的は外部からの攻撃も、本人の数は100人超）', () => {
    const report = article(rules, 'mnr-ppc-report').text;
    expect(report).toContain('情報提供ネットワークシステム');
    expect(report).toContain('不正の目的をもって行われたおそれがある特定個人情報の漏えい等（外部からの不正アクセスによるもの及び従業者による不正な持出しによるものを含む。）');
    expect(report).toContain('電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある事態');
    expect(report).toContain('本人の数が100人を超える事態');
    expect(report).toContain('番号法第9条の規定に反して利用され');
    expect(report).toContain('番号法第19条の規定に反して提供され');
    expect(report).toContain('高度な暗号化その他の個人の権利利益を保護するために必要な措置を講じたものを含まない');
    // The general personal-data rule (1,000 people, 要配慮個人情報) is a different regulation.
    expect(report).not.toMatch(/1,000人|1000人|要配慮/u);
  });

  it('速報（速やかに、概ね3〜5日）と確報（30日以内、不正の目的は60日以内）、報告事項9つ', () => {
    const section = sectionIn(rules, 'mnr-ppc-report');
    const rows = tableRows(tableOf(section));
    expect(rows[0]).toEqual(['報告', '期限', '報告する事項']);
    expect(rows[1]![0]).toBe('速報');
    expect(rows[1]![1]).toBe('報告対象事態を知った後、速やかに（知った時から概ね3日から5日以内）');
    expect(rows[2]![0]).toBe('確報');
    expect(rows[2]![1]).toBe('報告対象事態を知った日から30日以内（第1項第2号の事態は60日以内）');
    const report = article(rules, 'mnr-ppc-report').text;
    for (const item of ['概要', '特定個人情報の項目', '本人の数', '原因', '二次被害又はそのおそれの有無及びその内容', '本人への対応の実施状況', '公表の実施状況', '再発防止のための措置', 'その他参考となる事項']) {
      expect(report).toContain(item);
    }
  });

  it('本人への通知（番号法第29条の4第2項）と、通知が困難なときの代わりの措置', () => {
    const notice = article(rules, 'mnr-notice').text;
    expect(notice).toContain('番号法第29条の4第2項');
    expect(notice).toContain('当該事態の状況に応じて速やかに');
    expect(notice).toContain('個人番号の変更を請求できること');
    expect(notice).toContain('本人への通知が困難な場合は、事案の公表その他の本人の権利利益を保護するために必要なこれに代わるべき措置をとる。');
  });

  it('委託先からの通知: 契約で直ちに通知させ、受けたら自らが知ったものとして報告・通知する', () => {
    const vendor = article(rules, 'mnr-vendor-incident').text;
    expect(vendor).toContain('委託先が報告対象事態を知ったときは直ちに当社に通知し');
    expect(vendor).toContain('当社が報告対象事態を知ったものとして');
    expect(vendor).toContain('番号法第29条の4第1項ただし書');
    expect(vendor).toMatch(/『業務委託契約 機密保持条項』の「第\d+条（個人情報の取扱い）」を用いることができる。/u);
    // Without the clauses document the sentence that points to it goes.
    const without = article(doc(build(company({ documents: 'outputs: { contractClauses: false }' })), 'my-number-rules'), 'mnr-vendor-incident').text;
    expect(without).not.toContain('業務委託契約');
  });
});

describe('2 役員の個人番号: 役員報酬の源泉徴収票は、どの組織の種類でも利用目的に載る', () => {
  for (const [name, yaml, label] of [
    ['株式会社', COMPANY, '取締役'],
    ['協同組合', COOPERATIVE, '役員'],
  ] as const) {
    it(name, () => {
      const result = build(yaml);
      expect(documentText(doc(result, 'my-number-policy'))).toContain(`${label}の特定個人情報等`);
      expect(documentText(doc(result, 'my-number-policy'))).toContain('報酬等に関する源泉徴収票及び支払調書の作成事務');
      expect(documentText(doc(result, 'my-number-rules'))).toContain(`${label}に係る事務`);
    });
  }

  it('外すこともできる（役員に報酬を払わない組織）', () => {
    const policy = text(company({ myNumber: 'subjects: { officers: { label: 取締役, purposes: [] } }' }), 'my-number-policy');
    expect(policy).not.toContain('取締役の特定個人情報等');
  });
});

describe('3 保存と削除: 法定の保存期間の表、削除の時期、マスキング、段階ごとの表', () => {
  const rules = doc(build(COMPANY), 'my-number-rules');

  it('選んだ利用目的の書類ごとに、法令の保存期間と根拠', () => {
    const rows = tableRows(tableOf(sectionIn(rules, 'mnr-storage')));
    expect(rows[0]).toEqual(['書類', '保存期間', '根拠法令']);
    const byLaw = new Map(rows.slice(1).map((r) => [r[2]!, r[1]!]));
    expect(byLaw.get('所得税法施行規則第76条の3')).toBe('提出期限の属する年の翌年1月10日の翌日から7年');
    expect(byLaw.get('健康保険法施行規則第34条、厚生年金保険法施行規則')).toBe('完結の日から2年');
    expect(byLaw.get('雇用保険法施行規則第143条')).toBe('完結の日から4年');
    expect(byLaw.get('労働者災害補償保険法施行規則第51条')).toBe('完結の日から3年');
    expect(rows.at(-1)).toEqual(['源泉徴収票・支払調書その他の提出書類の控え、本人確認書類の写し', '法令上の保存義務なし', '－']);
    // Only the documents of the chosen purposes are listed.
    const fewer = doc(
      build(company({ myNumber: 'subjects: { staff: { label: 従業員, purposes: [withholding] }, families: { label: 家族, purposes: [] } }' })),
      'my-number-rules',
    );
    const laws = tableRows(tableOf(sectionIn(fewer, 'mnr-storage'))).map((r) => r[2]);
    expect(laws).not.toContain('雇用保険法施行規則第143条');
    expect(laws).not.toContain('所得税法施行規則第76条の3');
    expect(laws).toContain('所得税法施行規則');
  });

  it('削除・廃棄の時期は回答から、保存期間の後も残す書類は個人番号をマスキング', () => {
    const deletion = article(rules, 'mnr-deletion').text;
    expect(deletion).toContain('前項の削除及び廃棄は、毎年度末に、');
    expect(deletion).toContain('個人番号の部分を復元できない程度にマスキングし、又は削除したうえで保存する。');
    const other = article(doc(build(company({ myNumber: 'deletionTiming: 毎年1月の年末調整の事務の終了後' }).replace('deletionTiming: 毎年度末, ', '')), 'my-number-rules'), 'mnr-deletion').text;
    expect(other).toContain('前項の削除及び廃棄は、毎年1月の年末調整の事務の終了後に、');
  });

  it('取得・利用・保存・提供・削除廃棄の表: 方法、担当者（役割の名前）、記録', () => {
    const yaml = company({ roles: 'myNumberManager: { name: マイナンバー管理責任者 }' });
    const rows = tableRows(tableOf(sectionIn(doc(build(yaml), 'my-number-rules'), 'mnr-stages')));
    expect(rows.map((r) => r[0])).toEqual(['段階', '取得', '利用', '保存', '提供', '削除・廃棄']);
    expect(rows[0]).toEqual(['段階', '方法', '担当者', '記録']);
    expect(rows[3]![2]).toBe('マイナンバー管理責任者（保管場所の指定）、事務取扱担当者（保管）');
    expect(rows[5]![3]).toContain('委託先の証明書');
    for (const row of rows.slice(1)) for (const cell of row) expect(cell.trim()).not.toBe('');
  });
});

describe('5 特定個人情報の基本方針の公表の方法', () => {
  it('既定は情報セキュリティ基本方針と同じ方法、独自の回答があればそれ', () => {
    const yaml = company({ documents: 'basicPolicy: { publication: [website, posted] }' });
    expect(text(yaml, 'my-number-policy')).toContain('本方針は、当社のウェブサイトへの掲載及び事業所内への掲示により公表します。');
    expect(text(yaml, 'my-number-rules')).toContain('『個人番号及び特定個人情報の適正な取扱いに関する基本方針』に記載して、当社のウェブサイトへの掲載及び事業所内への掲示により公表する。');
    const own = company({ documents: 'basicPolicy: { publication: [website] }', myNumber: 'publication: [posted, onRequest]' });
    expect(text(own, 'my-number-policy')).toContain('本方針は、事業所内への掲示及び求めに応じた提供により公表します。');
    expect(text(own, 'basic-policy')).toContain('当社のウェブサイトへの掲載により公表します。');
    expect(() => answersFrom(company({ myNumber: 'publication: []' }))).toThrow(/公表の方法を1つ以上/u);
  });
});

describe('7 業務委託契約: 個人情報の条', () => {
  const clauses = (contract: string) => doc(build(company({ documents: contract })), 'contract-clauses');

  it('マイナンバーを扱うと既定で入り、規程の委託先の監督の事項を満たす', () => {
    const personal = article(clauses(''), 'cc-personal-data').text;
    expect(personal).toContain('甲のために取得し、若しくは作成した個人情報');
    expect(personal).toContain('甲による機密である旨の指定の有無にかかわらず、「第1条（機密保持）」の機密情報とし、同条第1項ただし書の規定は適用しない。');
    expect(personal).toContain('乙の事業所の外に持ち出し');
    expect(personal).toContain('甲の事前の書面による許諾なく、個人情報等の取扱いの全部又は一部を第三者に委託すること。再委託先が更に委託する場合（その後の委託を含む。）も、同様とし');
    expect(personal).toContain('必要かつ適切な監督及び教育を行わなければならない');
    expect(personal).toContain('甲が個人情報保護委員会への報告及び本人への通知を行うために必要な次の各号に掲げる事項');
    expect(personal).toContain('実地の調査');
    expect(personal).toContain('返還し、又は復元できない方法により廃棄若しくは消去し、廃棄又は消去を証明する書面を甲に提出しなければならない。');
  });

  it('機密保持の条がなくても、定義されていない語を使わずに成り立つ', () => {
    const personal = article(clauses('contract: { incidentNoticeHours: 24, survivalYears: 5, clauses: [personalData] }'), 'cc-personal-data').text;
    expect(personal).not.toContain('機密情報');
    expect(personal).toContain('（以下これらを「個人情報等」という。）を、本条に定めるところにより取り扱わなければならない。');
  });
});

describe('8 業務委託契約: 起草上の指摘', () => {
  const clauses = (contract: string) => doc(build(company({ documents: contract })), 'contract-clauses');

  it('損害賠償の上限: 既定は漏えい等を上限の外に、上限を及ぼす選択はそう書く、上限なしも選べる', () => {
    const except = article(clauses(''), 'cc-damages').text;
    expect(except).toContain('本契約の委託料の総額を上限とする。ただし、乙に故意若しくは重大な過失がある場合又は前項後段に規定する事故による損害（同項後段に規定する費用を含む。）については、この限りでない。');
    const capped = article(clauses('contract: { incidentNoticeHours: 24, survivalYears: 5, damagesCap: contractPrice }'), 'cc-damages').text;
    expect(capped).toContain('前項後段に規定する事故による損害（同項後段に規定する費用を含む。）を含めて、本契約の委託料の総額を上限とする。');
    expect(article(clauses('contract: { incidentNoticeHours: 24, survivalYears: 5, damagesCap: none }'), 'cc-damages').text).not.toContain('上限');
  });

  it('官公庁・裁判所の命令による開示は、複写の禁止ではなく開示の禁止の例外', () => {
    const confidentiality = clauses('').children.flatMap((b) => (b.type === 'section' && b.id === 'cc-confidentiality' ? b.children : []));
    const paragraphs = confidentiality.map((clause) => documentText({ ...clauses(''), children: [clause] }));
    expect(paragraphs[1]).toContain('\n前項の規定にかかわらず、甲及び乙は、法令の定め又は官公庁若しくは裁判所の命令により機密情報の開示を求められた場合は');
    const copying = paragraphs.find((p) => p.includes('複写し、又は複製しないこと'))!;
    expect(copying).not.toContain('裁判所');
  });

  it('存続の条: 機密保持は回答の年数、個人情報は返還・廃棄まで。チェックシートの有効期限がそれを指す', () => {
    const result = build(company({ documents: 'contract: { incidentNoticeHours: 24, survivalYears: 3 }' }));
    const survival = article(doc(result, 'contract-clauses'), 'cc-survival').text;
    expect(survival).toContain('「第1条（機密保持）」　本契約の終了の日から3年間');
    expect(survival).toContain('「第2条（個人情報の取扱い）」　乙が個人情報等を保有しなくなり');
    expect(survival).toContain('「第10条（合意管轄）」　無期限');
    expect(article(doc(result, 'contract-clauses'), 'cc-confidentiality').text).not.toContain('なお効力を有する');
    const sheet = documentText(doc(result, 'sharing-checksheet'));
    expect(sheet).toContain('『業務委託契約 機密保持条項』の「第8条（存続）」により、機密保持の義務は契約の終了の日から3年間存続する。「有効期限」には、この期間が満了する日を記入する');
    // Without the 存続 article the confidentiality article says it itself, and the sheet points there.
    const noSurvival = build(company({ documents: 'contract: { incidentNoticeHours: 24, survivalYears: 5, clauses: [confidentiality, damages] }' }));
    expect(article(doc(noSurvival, 'contract-clauses'), 'cc-confidentiality').text).toContain('本条の規定は、本契約の終了の日から5年間、なお効力を有する。');
    expect(documentText(doc(noSurvival, 'sharing-checksheet'))).toContain('『業務委託契約 機密保持条項』の「第1条（機密保持）」により、機密保持の義務は契約の終了の日から5年間存続する。');
    expect(() => answersFrom(company({ documents: 'contract: { incidentNoticeHours: 24, survivalYears: 5, clauses: [survival, consultation] }' }))).toThrow(/存続（survival）は/u);
  });

  it('事故の通知は回答の時間以内', () => {
    const result = clauses('contract: { incidentNoticeHours: 12, survivalYears: 5 }');
    expect(article(result, 'cc-confidentiality').text).toContain('直ちに、遅くとも知った時から12時間以内に相手方に通知し');
    expect(article(result, 'cc-personal-data').text).toContain('直ちに、遅くとも知った時から12時間以内に甲に通知し');
    expect(() => answersFrom(company({ documents: 'contract: { incidentNoticeHours: 0, survivalYears: 5 }' }))).toThrow(/1時間以上/u);
  });

  it('「自ら復元できない方法」は「復元できない方法により」', () => {
    const all = documentText(clauses(''));
    expect(all).not.toContain('自ら復元できない');
    expect(all).toContain('又は復元できない方法により廃棄若しくは消去したうえで');
  });

  it('知的財産権の定義は自分自身を使わない', () => {
    const ip = article(clauses(''), 'cc-intellectual-property').text;
    expect(ip).toContain('特許権、実用新案権、意匠権その他の権利（特許を受ける権利、実用新案登録を受ける権利及び意匠登録を受ける権利を含む。以下これらを総称して「本知的財産権」という。）');
    expect(ip).not.toMatch(/知的財産権を受ける権利|以下「知的財産権」/u);
  });

  it('機密保持の条を外すと、どの条も定義されていない「機密情報」「事故」を使わない', () => {
    for (const list of ['[personalData, subcontracting, assignment, intellectualProperty, ipDisputes, damages, survival, consultation, jurisdiction]', '[subcontracting, damages]']) {
      const document = clauses(`contract: { incidentNoticeHours: 24, survivalYears: 5, clauses: ${list} }`);
      const all = documentText(document);
      expect(all, list).not.toContain('機密情報');
      // 「事故」 only where the sentence says what the accident is.
      for (const match of all.matchAll(/事故/gu)) {
        const before = all.slice(Math.max(0, match.index - 12), match.index);
        expect(before, `${list}: …${before}事故`).toMatch(/(改ざん等の|漏えい等の|前号の|規定する)$/u);
      }
    }
  });
});

describe('17 日付の書き方は回答の1つ（表紙・改訂履歴・章の表・本文・Markdown）', () => {
  it('西暦: すべて 2026年4月1日', () => {
    const result = build(COMPANY);
    const rulebook = doc(result, 'rulebook');
    expect(rulebook.meta.effectiveDateText).toBe('2026年4月1日');
    expect(rulebook.meta.revisions.map((r) => r.dateText)).toEqual(['2026年4月1日']);
    const chapters = rulebook.children.filter((b): b is Chapter => b.type === 'chapter');
    expect(chapters.map((c) => c.revised)).toEqual(['2026年4月1日', '2026年4月1日', '2026年4月1日', '2026年4月1日']);
    const markdown = renderMarkdown(rulebook);
    expect(markdown).toContain('施行日: 2026年4月1日');
    expect(markdown).toContain('| 1.0 | 2026年4月1日 | 制定 |');
    expect(markdown).not.toMatch(/2026[-.]04[-.]01/u);
    expect(renderMarkdown(doc(result, 'my-number-rules'))).toContain('この規程は、2026年4月1日から施行する。');
  });

  it('和暦: 表紙も章の表も改訂履歴も本文も令和、ISO の日付は文書のプロパティにだけ残る', () => {
    const result = build(company({ document: 'effectiveDate: 2026-04-01, chapterRevised: { human: 2026-10-01 }, revisions: [{ version: "1.0", date: 2019-05-01, description: 制定 }, { version: "2.0", date: 2026-04-01, description: 改訂 }]', documents: 'dateStyle: japanese' }));
    const rulebook = doc(result, 'rulebook');
    expect(rulebook.meta.effectiveDate).toBe('2026-04-01');
    expect(rulebook.meta.effectiveDateText).toBe('令和8年4月1日');
    expect(rulebook.meta.revisions.map((r) => r.dateText)).toEqual(['令和元年5月1日', '令和8年4月1日']);
    const chapters = rulebook.children.filter((b): b is Chapter => b.type === 'chapter');
    expect(chapters.map((c) => c.revised)).toEqual(['令和8年4月1日', '令和8年10月1日', '令和8年4月1日', '令和8年4月1日']);
    for (const document of result.documents) {
      const markdown = renderMarkdown(document);
      expect(markdown, document.id).not.toMatch(/20\d\d[-./年]\d/u);
    }
    expect(renderMarkdown(doc(result, 'my-number-rules'))).toContain('この規程は、令和8年4月1日から施行する。');
    expect(result.pack!.meta.effectiveDateText).toBe('令和8年4月1日');
  });
});
