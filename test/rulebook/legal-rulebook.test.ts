import { describe, expect, it } from 'vitest';
import { AnswersError } from '../../src/answers/load.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { documentText, inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, Section } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { answersFrom, testTemplates } from '../support/build.js';
import { blocksText, chapterTitled, findSection, numbered, sectionOf, sectionsIn, tableRows, tablesIn, xrefsIn } from '../support/model.js';

/**
 * Issue 14, points 9–13, 15 and 16: the rulebook's own logic as an auditor reads it (a rule that
 * disappears with an unrelated option, 「又は」 for a both-answer, rules that contradict the table
 * above them, thresholds, reporting authorities, editor notes in print). Each describe block pins
 * one point; the profile is the organization profile (kitei: 2).
 */

const HEADER = `
kitei: 2
organization: { name: テスト工業株式会社, type: company, size: medium, business: 精密部品の設計・製造 }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: head, title: 代表取締役, roles: [head, securityOfficer] }
  - { id: admin, title: 総務部長, roles: [systemAdmin, educationOfficer, incidentOfficer, complaintsOfficer, privacyOfficer, publicRelations] }
  - { id: audit, title: 内部監査室長, roles: [auditor] }
myNumber: none
`;

const build = (yaml: string): GenerateResult => generate(answersFrom(HEADER + yaml), testTemplates());
const doc = (result: GenerateResult, id: string): Document => {
  const found = result.documents.find((d) => d.id === id);
  if (!found) throw new Error(`${id} がありません`);
  return found;
};
const rulebookOf = (yaml: string): Document => doc(build(yaml), 'rulebook');
const chapter = (document: Document, title: string): Chapter => chapterTitled(document, title);
const section = (document: Document, title: string, id: string): Section => sectionOf(chapter(document, title), id);
const textOf = (document: Document, title: string, id: string): string => blocksText([section(document, title, id)]);

// ── 9 ────────────────────────────────────────────────────────────────────────────────────────

describe('9 脆弱性管理は自組織で開発しなくても残り、開発に固有の節だけが外れる', () => {
  const technical = (developsSoftware: boolean) =>
    chapter(doc(generate(answersFrom(HEADER.replace('business: 精密部品の設計・製造 }', `business: 精密部品の設計・製造, developsSoftware: ${developsSoftware} }`)), testTemplates()), 'rulebook'), '技術的対策');
  const topLevel = (ch: Chapter) => sectionsIn(ch.children).map(numbered);

  it('開発しない: 「6. 脆弱性管理」と 6.1〜6.8 が残り、開発の節（6.1〜6.5）と開発への参照はない', () => {
    const ch = technical(false);
    expect(topLevel(ch).at(-1)).toBe('6 脆弱性管理');
    const vulnerability = findSection(ch.children, 'tech-vulnerability-management')!;
    expect(vulnerability.level).toBe(1);
    expect(sectionsIn(vulnerability.children).map(numbered)).toEqual([
      '6.1 脆弱性管理手順書の整備',
      '6.2 役割・責任',
      '6.3 脆弱性情報の収集',
      '6.4 脆弱性情報の対応要否判断',
      '6.5 脆弱性情報の対応手順',
      '6.6 脆弱性の残存状況を把握するための仕組みを整備',
      '6.7 脆弱性対応状況一覧の作成・確認',
      '6.8 手順書の見直し',
    ]);
    for (const id of ['tech-development', 'tech-dev-new', 'tech-dev-vulnerabilities', 'tech-dev-maintenance']) expect(findSection(ch.children, id), id).toBeUndefined();
    const text = blocksText(ch.children);
    expect(text).not.toContain('システム開発');
    expect(text).not.toContain('ソフトウェア開発時の脆弱性');
    expect(xrefsIn(ch.children).map((x) => x.target)).not.toContain('tech-dev-vulnerabilities');
    expect(xrefsIn([findSection(ch.children, 'tech-vuln-response')!])).toEqual([{ target: 'tech-vuln-status-list', text: '「6.7 脆弱性対応状況一覧の作成・確認」' }]);
  });

  it('小規模の既定（開発しない）でも、スキャンと対応状況一覧の規定がある', () => {
    const result = generate(
      answersFrom(HEADER.replace('size: medium', 'size: small') + 'rules: { vulnerability: { sourceCheck: 週次, scan: 月1回以上, statusListReview: 月次 } }\n'),
      testTemplates(),
    );
    const text = documentText(doc(result, 'rulebook'));
    expect(text).toContain('スキャン頻度：月1回以上、脆弱性スキャナを用いて管理対象機器をスキャン。');
    expect(text).toContain('脆弱性対応状況一覧を作成し、月次で確認する。');
    // The frequencies not answered are gaps with their keys, as for any rule value.
    expect(result.unfilled.map((gap) => gap.key)).toEqual(expect.arrayContaining(['rules.vulnerability.urgencyHigh', 'rules.vulnerability.procedureReview']));
  });

  it('開発する: サンプルどおり「6.6 脆弱性管理」が「6 システム開発及び保守」の下にある', () => {
    const ch = technical(true);
    const development = findSection(ch.children, 'tech-development')!;
    expect(sectionsIn(development.children).map(numbered)).toEqual([
      '6.1 新規システム開発・改修',
      '6.2 脆弱性への対処',
      '6.3 情報システムの開発環境',
      '6.4 情報システムの保守',
      '6.5 情報システムの変更',
      '6.6 脆弱性管理',
    ]);
    expect(findSection(ch.children, 'tech-vuln-review')!.number).toBe('6.6.8');
    expect(xrefsIn([findSection(ch.children, 'tech-vuln-response')!]).map((x) => x.target)).toEqual(['tech-dev-vulnerabilities', 'tech-vuln-status-list']);
  });
});

// ── 10 ───────────────────────────────────────────────────────────────────────────────────────

describe('10 有害サイトの閲覧制限: 両方を選んだら「及び」', () => {
  const lines = (choice: string) => {
    const text = documentText(rulebookOf(`rules: { software: { webRestriction: ${choice} } }\n`));
    return {
      harmful: text.split('\n').find((l) => l.includes('有害ウェブサイトは'))!,
      unneeded: text.split('\n').find((l) => l.includes('業務に不要なウェブサイト閲覧を'))!,
    };
  };

  it('both: 2.2 と 3.3 が両方の手段を求める', () => {
    const { harmful, unneeded } = lines('both');
    expect(harmful).toContain('有害ウェブサイトは社内周知及びウェブフィルタリングソフトの使用により、従業員の閲覧を制限する。');
    expect(unneeded).toContain('業務に不要なウェブサイト閲覧を社内周知及びウェブフィルタリングソフトの使用により制限する。');
    expect(harmful + unneeded).not.toContain('又は');
  });

  it('notice・filtering は一方だけ', () => {
    expect(lines('notice').harmful).toContain('有害ウェブサイトは社内周知により、従業員の閲覧を制限する。');
    expect(lines('filtering').unneeded).toContain('業務に不要なウェブサイト閲覧をウェブフィルタリングソフトを使用して制限する。');
  });
});

// ── 11 and 12 ────────────────────────────────────────────────────────────────────────────────

const telework = (devices: string, configurations = '[vpn, cloud]', networks = '[wiredHub, wirelessRouter]') =>
  `telework:\n  configurations: ${configurations}\n  networks: ${networks}\n  devices:\n${devices}`;
const human = (document: Document) => chapter(document, '人的対策');

describe('11 私有機器の規定（6.2.2）は、6.1.2 で私有機器を認めた種類の機器だけ', () => {
  const PC_PROHIBITED = `    - { device: パソコン, lent: [会社貸与のノートPCを利用], private: prohibited }
    - { device: スマホ・タブレット, lent: [会社貸与品を利用], lentTo: 営業部員, private: measures }
`;

  it('パソコンは禁止・スマホは対策して利用: 6.2.2 は＜スマホ・タブレット＞だけ', () => {
    const document = rulebookOf(telework(PC_PROHIBITED));
    const rows = tableRows(tablesIn([section(document, '人的対策', 'hr-telework-devices')])[0]!);
    expect(rows[1]).toEqual(['パソコン', '会社貸与のノートPCを利用', '私有機器の業務利用禁止']);
    expect(rows[2]![2]).toBe('営業部員以外は「6.2.2 私有機器を利用する場合」の対策を実施して利用');
    const rules = textOf(document, '人的対策', 'hr-telework-private-devices');
    expect(rules).toContain('＜スマホ・タブレット＞');
    expect(rules).not.toContain('＜パソコン＞');
    expect(rules).not.toContain('テレワーク専用のアカウントを追加し');
  });

  it('すべて禁止: 6.2.2 もダウンロード禁止の文もなく、6.2.3 が繰り上がる', () => {
    const document = rulebookOf(telework('    - { device: パソコン, lent: [会社貸与のノートPCを利用], private: prohibited }\n    - { device: スマートフォン, lent: [会社貸与品を利用], private: prohibited }\n'));
    expect(findSection(human(document).children, 'hr-telework-private-devices')).toBeUndefined();
    expect(blocksText(human(document).children)).not.toContain('私有機器への');
    expect(blocksText(human(document).children)).not.toContain('私有機器を利用する場合');
  });

  it('機器の種類は kind で書ける（名前から分からない機器）', () => {
    const document = rulebookOf(telework('    - { device: Mac, kind: pc, lent: none, private: measures }\n'));
    const rules = textOf(document, '人的対策', 'hr-telework-private-devices');
    expect(rules).toContain('＜パソコン＞');
    expect(rules).not.toContain('＜スマホ・タブレット＞');
  });

  it('パソコン・スマホ以外だけを対策して利用: 6.2.2 はなく、その行はシステム管理者の許可を得て利用', () => {
    const document = rulebookOf(telework('    - { device: パソコン, lent: [会社貸与のノートPCを利用], private: prohibited }\n    - { device: プリンタ, lent: none, private: measures, privateAlternatives: コンビニ等のサービス }\n'));
    expect(findSection(human(document).children, 'hr-telework-private-devices')).toBeUndefined();
    const rows = tableRows(tablesIn([section(document, '人的対策', 'hr-telework-devices')])[0]!);
    expect(rows[2]).toEqual(['プリンタ', '－', '私有機器またはコンビニ等のサービスを、システム管理者の許可を得て利用']);
    expect(textOf(document, '人的対策', 'hr-telework-devices')).toContain('私有機器への極秘情報及び社外秘情報のダウンロードは原則禁止とする。');
  });

  it('私有機器の業務利用を禁止した組織: 端末の回答によらず 6.2.2 はない', () => {
    const document = rulebookOf(`${telework(PC_PROHIBITED)}rules: { privateDevices: { use: prohibited } }\n`);
    expect(findSection(human(document).children, 'hr-telework-private-devices')).toBeUndefined();
  });
});

describe('12 社内PCへのリモートアクセスは、VPN・リモートデスクトップ方式のときだけ', () => {
  const DEVICES = '    - { device: パソコン, lent: [会社貸与のノートPCを利用], private: prohibited }\n';
  const electronic = (configurations: string, networks?: string) => {
    const document = rulebookOf(telework(DEVICES, configurations, networks));
    return { data: textOf(document, '人的対策', 'hr-telework-electronic-data'), all: blocksText(human(document).children) };
  };

  it('クラウドサービス方式だけ: 6.5.1 はクラウドサービスに保存し、どこにもリモートアクセスを求めない（公衆Wi-Fiの項も）', () => {
    const { data, all } = electronic('[cloud]', '[wiredHub, publicWifi]');
    expect(data).toContain('作業後に「6.1.1 テレワークで利用する情報システム」のクラウドサービスに保存する。');
    expect(data).toContain('保存後にはPC内のデータをシステム管理者の指定するツールで完全消去する。');
    expect(all).not.toContain('リモートアクセス');
    expect(all).toContain('メールは指定されたセキュアブラウザを利用する');
    expect(all).toContain('メールは端末から直接メールサーバーにアクセスせず指定されたセキュアブラウザを利用する。');
  });

  it('VPN 方式がある: サンプルどおり社内PCにリモートアクセスして社内サーバーに保存', () => {
    const { data, all } = electronic('[vpn, cloud]', '[wiredHub, publicWifi]');
    expect(data).toContain('作業後に社内PCにリモートアクセスし、社内サーバーに転送・保存する。');
    expect(data).toContain('転送後にはPC内のデータを');
    expect(all).toContain('メールは社内PCにリモートアクセスして利用する');
    expect(electronic('[remoteDesktop]').data).toContain('社内PCにリモートアクセスし');
  });

  it('持ち帰り方式だけ: 出社した際に保存', () => {
    const { data, all } = electronic('[standalone]');
    expect(data).toContain('作業後、出社した際にシステム管理者の指定する保存先に保存する。');
    expect(all).not.toContain('リモートアクセス');
  });
});

// ── 13 ───────────────────────────────────────────────────────────────────────────────────────

describe('13 委託先を評価する業務と営業秘密の範囲: 最も低い非公開レベルから（回答で変えられる）', () => {
  const sentences = (yaml: string) => {
    const text = documentText(rulebookOf(yaml));
    return {
      outsourcing: text.split('\n').find((l) => l.includes('「情報資産管理台帳」の重要度が'))!,
      secrets: text.split('\n').find((l) => l.includes('として管理する情報とは'))!,
    };
  };

  it('既定: 2以上（社外秘又は極秘）。公開の情報資産は含まない', () => {
    const { outsourcing, secrets } = sentences('');
    expect(outsourcing).toContain('「情報資産管理台帳」の重要度が2以上（社外秘又は極秘）である情報資産を取り扱う業務を、外部の組織に委託する場合は');
    expect(secrets).toContain('「情報資産管理台帳」の機密性評価値が2以上（社外秘又は極秘）のものをいう。');
  });

  it('サンプルの「1以上」を選べ、本文がそのとき公開まで含むと書く', () => {
    const { outsourcing, secrets } = sentences('rules: { outsourcing: { threshold: 1 }, secretsThreshold: 3 }\n');
    expect(outsourcing).toContain('重要度が1以上（公開、社外秘又は極秘）である情報資産');
    expect(secrets).toContain('機密性評価値が3以上（極秘）のものをいう。');
  });

  it('評価値を 2/1/0 にした組織では既定が 1（その組織の最も低い非公開レベル）', () => {
    const { outsourcing } = sentences(`confidentiality:
  levels:
    - { label: 極秘, value: 2, criteria: [法律で安全管理が義務付けられている], takeOutApprover: 代表取締役 }
    - { label: 関係者外秘, value: 1, criteria: [漏えいすると事業に大きな影響がある], takeOutApprover: 所属部門長 }
    - { label: 公開, value: 0, criteria: [漏えいしても事業にほとんど影響はない], takeOutApprover: null }
`);
    expect(outsourcing).toContain('重要度が1以上（関係者外秘又は極秘）である情報資産');
  });

  it('評価値にない値は、キーと行を示すエラー', () => {
    let error: unknown;
    try {
      answersFrom(`${HEADER}rules: { outsourcing: { threshold: 5 } }\n`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnswersError);
    const issue = (error as AnswersError).issues[0]!;
    expect(issue.key).toBe('rules.outsourcing.threshold');
    expect(issue.message).toContain('5 は機密性の評価値（3・2・1）のどれでもありません');
  });
});

// ── 14 ───────────────────────────────────────────────────────────────────────────────────────

describe('14 会社以外の種類: 2.1.4.4 の見出しは「外部機器のLAN接続」（ほかの語は test/vocabulary.test.ts）', () => {
  it('協会は「外部機器」、株式会社はサンプルの「社外機器」', () => {
    const heading = (type: string) => {
      const document = generate(answersFrom(HEADER.replace('type: company', `type: ${type}`)), testTemplates()).documents.find((d) => d.id === 'rulebook')!;
      return numbered(findSection(chapter(document, '技術的対策').children, 'tech-external-devices')!);
    };
    expect(heading('association')).toMatch(/^[\d.]+ 外部機器のLAN接続$/u);
    expect(heading('welfare')).toMatch(/^[\d.]+ 外部機器のLAN接続$/u);
    expect(heading('company')).toMatch(/^[\d.]+ 社外機器のLAN接続$/u);
  });
});

// ── 15 ───────────────────────────────────────────────────────────────────────────────────────

describe('15 直ちに報告する機関（指定管理・補助事業の自治体など）は 9.4 の手順に載る', () => {
  const AUTHORITIES = `contacts:
  authorities:
    - name: みどり市 福祉部 介護保険課
      desks: [{ title: 指定管理業務の事故報告, phone: 000-000-0000 }]
      reportAtOnce: true
      reportWhen: 指定管理施設の利用者の個人情報に関わるインシデントが発生した場合
    - name: あおい県 産業振興課
      desks: [{ title: 補助事業の事故報告 }]
      reportAtOnce: true
    - name: 所管の労働基準監督署
      desks: [{ title: 相談 }]
`;
  const WHEN = '指定管理施設の利用者の個人情報に関わるインシデントが発生した場合は、インシデント対応責任者は直ちにみどり市 福祉部 介護保険課に報告する。';
  const ALWAYS = 'インシデント対応責任者は直ちにあおい県 産業振興課に報告する。';
  let built: Document | undefined;
  const document = () => (built ??= rulebookOf(AUTHORITIES));
  const procedureOf = () => section(document(), '組織的対策', 'org-incident-procedure');

  it('初動（②）に、報告する場合とともに', () => {
    const procedure = procedureOf();
    const initial = blocksText([procedure]).split('\n').find((l) => l.startsWith('②初動：'))!;
    expect(initial).toBe(`②初動：インシデント対応責任者は被害の拡大防止を実行する。${WHEN}${ALWAYS}`);
    expect(blocksText([procedure])).not.toContain('直ちに所管の労働基準監督署');
  });

  it('漏えい・改ざん等の事故レベル3・2の手順に番号付きの手順として', () => {
    const procedure = procedureOf();
    const [leak, damage] = tablesIn([procedure]).slice(1).map((table) => tableRows(table));
    for (const rows of [leak!, damage!]) {
      for (const level of ['3', '2']) {
        const cell = rows.find((row) => row[0] === level)![1]!;
        expect(cell, level).toContain(WHEN);
        expect(cell, level).toContain(ALWAYS);
      }
    }
    // Level 3 of a leak: right after the first report, before the investigation.
    const steps = (procedure.children.flatMap((b: Block) => (b.type === 'table' ? [b] : []))[1]!.children[1]!.children[1]!.children[0] as Extract<Block, { type: 'list' }>).children.map((item) => blocksText(item.children));
    expect(steps.slice(0, 4)).toEqual(['発見者は即座にインシデント対応責任者及び代表取締役に報告する。', WHEN, ALWAYS, 'インシデント対応責任者は原因を特定するとともに、二次被害が想定される場合には防止策を実行する。']);
  });

  it('届出及び相談（9.6）では、その機関に直ちに報告することを注記する', () => {
    const text = textOf(document(), '組織的対策', 'org-incident-notification');
    expect(text).toContain('※指定管理施設の利用者の個人情報に関わるインシデントが発生した場合は、インシデント対応後の検討を待たず、「9.4 対応手順」のとおり直ちに報告する。');
    expect(text).toContain('※インシデントが発生したときは、インシデント対応後の検討を待たず、「9.4 対応手順」のとおり直ちに報告する。');
    expect(text.match(/検討を待たず/gu)).toHaveLength(2);
  });

  it('直ちに報告する機関がなければ、手順はサンプルのまま', () => {
    const plain = blocksText([section(rulebookOf(''), '組織的対策', 'org-incident-procedure')]);
    expect(plain).not.toContain('直ちに');
    expect(plain).toContain('②初動：インシデント対応責任者は被害の拡大防止を実行する。\n');
  });
});

// ── 16 ───────────────────────────────────────────────────────────────────────────────────────

describe('16 印刷物に編集者向けの注記を残さない。委託先に送る様式と自組織の評価記録を分ける', () => {
  let built: GenerateResult | undefined;
  const result = () => (built ??= build(''));

  it('どの文書の Markdown にも「（記入欄は空欄のまま配布する）」がない（様式・8-1 の表も）', () => {
    for (const document of result().documents) expect(renderMarkdown(document), document.id).not.toContain('空欄のまま配布');
    expect(renderMarkdown(result().pack!)).not.toContain('空欄のまま配布');
  });

  it('委託先情報セキュリティ対策状況確認リスト: 改ページの後の「評価記録（当社記入欄）」に評価の基準・結果・承認', () => {
    const checklist = doc(result(), 'vendor-checklist');
    const breakAt = checklist.children.findIndex((b) => b.type === 'pageBreak');
    expect(breakAt).toBeGreaterThan(0);
    const vendorPart = documentText({ ...checklist, children: checklist.children.slice(0, breakAt) });
    const internalPart = documentText({ ...checklist, children: checklist.children.slice(breakAt) });
    expect(vendorPart).toContain('会社名');
    expect(vendorPart).toContain('実施状況');
    for (const word of ['評価結果', '承認', '評価の基準', '適合']) expect(vendorPart, word).not.toContain(word);
    const record = checklist.children[breakAt + 1] as Section;
    expect(record.type).toBe('section');
    expect(record.numbering).toBe('none');
    expect(inlineText(record.title)).toBe('評価記録（当社記入欄）');
    expect(internalPart).toContain('この評価記録は当社が記入し、情報セキュリティ責任者が承認する。委託先には、この評価記録を除いた部分を送付する。');
    expect(internalPart).toContain('評価の基準：全ての項目が「○」であること。');
    for (const label of ['委託先', '「○」の数', '評価結果', '評価者', '評価日', '承認']) expect(internalPart, label).toContain(label);
  });

  it('5.1 の見出しは、完全性・可用性の基準を加えるとそれも言う（参照も追従）', () => {
    const heading = (yaml: string) => {
      const document = rulebookOf(yaml);
      return { title: numbered(section(document, '組織的対策', 'org-asset-evaluation')), refs: xrefsIn(chapter(document, '人的対策').children).filter((x) => x.target === 'org-asset-evaluation') };
    };
    expect(heading('').title).toBe('5.1 情報資産の特定と機密性の評価');
    const both = heading(`confidentiality:
  integrity: [{ value: 2, criteria: [改ざんされると業務に支障がある] }, { value: 1, criteria: [それ以外] }]
  availability: [{ value: 2, criteria: [停止すると業務に支障がある] }, { value: 1, criteria: [それ以外] }]
`);
    expect(both.title).toBe('5.1 情報資産の特定と機密性・完全性・可用性の評価');
    expect(both.refs[0]!.text).toBe('「1.組織的対策」の「5.1 情報資産の特定と機密性・完全性・可用性の評価」');
    expect(heading('confidentiality: { integrity: [{ value: 2, criteria: [改ざんされると業務に支障がある] }, { value: 1, criteria: [それ以外] }] }\n').title).toBe('5.1 情報資産の特定と機密性・完全性の評価');
  });
});
