import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withContractor } from '../../src/build.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { documentText, forEachInlines, inlineText } from '../../src/model/text.js';
import type { Block, Clause, Document, Fields, Inline, Part, Section, Signature, Table } from '../../src/model/types.js';
import { UsageError } from '../../src/render/index.js';
import { run } from '../../src/cli/main.js';
import { loadTemplates, TemplateSetError } from '../../src/templates/load.js';
import { TemplateError } from '../../src/templates/parse.js';
import { formatIssue, loadedFromYaml } from '../../src/answers/load.js';
import { answersFile, answersFrom, ROOT, testTemplates } from '../support/build.js';

/**
 * The documents made from the same answers as the rulebook: which are made, how they are numbered,
 * and that what they say about the rulebook follows the rulebook's current numbers.
 */

/** The people of COMPANY: the representative (no name yet) and the auditor. */
const PEOPLE = `people:
  - { id: ceo, title: 代表取締役, roles: [head] }
  - { id: audit, title: 内部監査室長, roles: [auditor] }
`;

const COMPANY = `
kitei: 2
organization: { name: テスト工業株式会社, type: company, size: medium, business: 精密部品の設計・製造 }
document: { effectiveDate: 2026-04-01 }
${PEOPLE}`;

/** COMPANY with other people. */
const withPeople = (people: string) => COMPANY.replace(PEOPLE, `people:\n${people}`);

/** Rooms and the My Number block that names two of them. */
const MY_NUMBER = `areas:
  - { level: 2, rooms: [総務部執務室], locking: 最終退室者による施錠, devices: パソコン, records: null, intrusionDetection: null, fireProtection: 消火器設置 }
  - { level: 3, rooms: [サーバールーム], locking: 常時施錠, devices: サーバー, records: 入退室を記録, intrusionDetection: null, fireProtection: 消火器設置 }
myNumber:
  contact: { desk: 総務部 }
  managementArea: [サーバールーム]
  handlingArea: [総務部執務室]
`;

const build = (yaml: string): GenerateResult => generate(answersFrom(yaml), testTemplates());
const doc = (result: GenerateResult, id: string): Document => {
  const found = result.documents.find((d) => d.id === id);
  if (!found) throw new Error(`${id} がありません（${result.documents.map((d) => d.id).join(', ')}）`);
  return found;
};

/** Every block of a tree, depth first. */
function allBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((node): Block[] => {
    switch (node.type) {
      case 'chapter':
      case 'section':
      case 'clause':
      case 'note':
      case 'part':
        return [node, ...allBlocks(node.children)];
      case 'list':
        return [node, ...node.children.flatMap((item) => allBlocks(item.children))];
      case 'table':
        return [node, ...node.children.flatMap((row) => row.children.flatMap((cell) => allBlocks(cell.children)))];
      default:
        return [node];
    }
  });
}

const sectionsOf = (document: Document): Section[] => allBlocks(document.children).filter((b): b is Section => b.type === 'section');
const articleHeadings = (document: Document): string[] =>
  sectionsOf(document)
    .filter((s) => s.numbering === 'article')
    .map((s) => `第${s.number}条（${inlineText(s.title)}）`);

/** Every cross-reference of a document with its text. */
function references(document: Document): { target: string; text: string }[] {
  const out: { target: string; text: string }[] = [];
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'xref') out.push({ target: node.target, text: node.text });
      if (node.type === 'strong' || node.type === 'link') visit(node.children);
    }
  };
  forEachInlines(document, visit);
  return out;
}

const MY_NUMBER_DOCUMENTS = ['my-number-policy', 'my-number-rules'];

describe('どの文書を作るかは回答で決まる', () => {
  it('既定ではすべての文書を作り、規程が最初', () => {
    expect(build(COMPANY).documents.map((d) => d.id)).toEqual([
      'rulebook',
      'basic-policy',
      'my-number-policy',
      'my-number-rules',
      'contract-clauses',
      'vendor-checklist',
      'exit-checklist',
      'sharing-checksheet',
      'asset-ledger',
    ]);
  });

  it('マイナンバーを扱わないと、2 文書とも作らず、台帳・合本・他の文書にも現れない', () => {
    const result = build(`${COMPANY}myNumber: none\n`);
    const ids = result.documents.map((d) => d.id);
    for (const id of MY_NUMBER_DOCUMENTS) expect(ids).not.toContain(id);
    expect(result.pack!.children.map((p) => (p as Part).id)).not.toContain('my-number-rules');
    for (const document of result.documents) {
      expect(references(document).map((r) => r.target).filter((t) => t.startsWith('mn') || MY_NUMBER_DOCUMENTS.includes(t))).toEqual([]);
      expect(documentText(document)).not.toMatch(/特定個人情報取扱規程|個人番号及び特定個人情報の適正な取扱いに関する基本方針/u);
    }
    const ledger = documentText(doc(result, 'asset-ledger'));
    expect(ledger).not.toContain('特定個人情報ファイル');
    expect(ledger).not.toContain('個人番号');
  });

  it('マイナンバーを扱うと、台帳に特定個人情報ファイルの登録方法が載り、取扱規程を参照する', () => {
    const ledger = doc(build(COMPANY), 'asset-ledger');
    expect(documentText(ledger)).toContain('「情報資産管理台帳」には、個人番号を記載しない。');
    expect(references(ledger).find((r) => r.target === 'mnr-organizational')!.text).toBe('『特定個人情報取扱規程』の「第23条（組織的安全管理措置）」');
  });

  it('documents.outputs で文書を外すと、作らず、他の文書からの参照も消える', () => {
    const result = build(`${COMPANY}documents: { outputs: { basicPolicy: false, contractClauses: false, assetLedger: false } }\n`);
    const ids = result.documents.map((d) => d.id);
    expect(ids).not.toContain('basic-policy');
    expect(ids).not.toContain('contract-clauses');
    expect(ids).not.toContain('asset-ledger');
    const rules = documentText(doc(result, 'my-number-rules'));
    expect(rules).not.toContain('業務委託契約 機密保持条項');
    expect(rules).toContain('「情報資産管理台帳」に記載して管理する。ただし、「情報資産管理台帳」には個人番号を記載してはならない。');
  });
});

describe('文書の区分・体裁', () => {
  it('公開文書（基本方針・特定個人情報の基本方針）は公開レベルのラベル、他は非公開の区分', () => {
    const result = build(COMPANY);
    const labels = Object.fromEntries(result.documents.map((d) => [d.id, d.meta.classification]));
    expect(labels['basic-policy']).toBe('公開');
    expect(labels['my-number-policy']).toBe('公開');
    expect(labels['my-number-rules']).toBe('社外秘');
    expect(labels.rulebook).toBe('社外秘');
    const assoc = build('kitei: 2\norganization: { name: 例示協会, type: association, size: small }\n');
    expect(doc(assoc, 'basic-policy').meta.classification).toBe('公開');
    expect(doc(assoc, 'vendor-checklist').meta.classification).toBe('部外秘');
  });

  it('規程と合本は表紙付き、他は 1 ページ目に題名。情報資産管理台帳は横長', () => {
    const result = build(COMPANY);
    expect(result.documents.filter((d) => d.meta.front === 'cover').map((d) => d.id)).toEqual(['rulebook']);
    expect(result.pack!.meta.front).toBe('cover');
    expect(result.documents.filter((d) => d.meta.orientation === 'landscape').map((d) => d.id)).toEqual(['asset-ledger']);
  });
});

describe('情報セキュリティ基本方針', () => {
  const policy = (yaml: string) => doc(build(yaml), 'basic-policy');
  const signature = (document: Document) => (document.children.find((b) => b.type === 'signature') as Signature).lines.map(inlineText);

  it('事業内容を前文に、番号付きの方針、日付・組織名・代表者の署名', () => {
    const document = policy(withPeople('  - { id: ceo, title: 代表取締役, name: 山田 太郎, roles: [head] }\n'));
    expect(documentText(document)).toContain('当社は、精密部品の設計・製造を事業としております。');
    const list = document.children.find((b) => b.type === 'list');
    expect(list && list.type === 'list' && list.ordered && list.children.length).toBe(5);
    expect(signature(document)).toEqual(['2026年4月1日', 'テスト工業株式会社', '代表取締役\u3000山田 太郎']);
    // The signatory is the person who holds `head`: without a name, the name is a gap at that person; without anyone, the role is.
    const unnamed = build(COMPANY);
    expect(signature(doc(unnamed, 'basic-policy'))[2]).toBe('代表取締役\u3000【要記入：基本方針に署名する代表取締役の氏名】');
    expect(unnamed.unfilled).toContainEqual({ key: 'people.0.name', question: '基本方針に署名する代表取締役の氏名' });
    const nobody = build(withPeople('  - { id: audit, title: 内部監査室長, roles: [auditor] }\n'));
    expect(nobody.unfilled).toContainEqual({ key: 'people[].roles: head', question: '代表者（基本方針に署名する人）の役職と氏名' });
  });

  it('公表の方法はサンプルの選択肢（ウェブサイト・掲示・求めに応じて）から選ぶ', () => {
    const text = (choice: string) => documentText(policy(`${COMPANY}documents: { basicPolicy: { publication: ${choice} } }\n`));
    expect(text('[website]')).toContain('本方針は、当社のウェブサイトへの掲載により公表します。');
    expect(text('[posted]')).toContain('本方針は、事業所内への掲示により公表します。');
    expect(text('[onRequest]')).toContain('本方針は、求めに応じた提供により公表します。');
    expect(text('[website, posted, onRequest]')).toContain('本方針は、当社のウェブサイトへの掲載、事業所内への掲示及び求めに応じた提供により公表します。');
  });

  it('前文を回答で書けば、それをそのまま使う（Markdown の記号も文字のまま）', () => {
    expect(documentText(policy(`${COMPANY}documents: { basicPolicy: { introduction: "# 当社は *お客様* 第一です | 以上" } }\n`))).toContain('# 当社は *お客様* 第一です | 以上');
  });

  it('協会は協会の語彙、日付は和暦（令和）', () => {
    const document = policy('kitei: 2\norganization: { name: 例示協会, type: association, size: small, business: 地域振興 }\ndocument: { effectiveDate: 2026-07-01 }\npeople:\n  - { id: chair, title: 理事長, name: 山田 花子, roles: [head] }\n');
    expect(documentText(document)).toContain('当協会は、地域振興を事業としております。');
    expect(documentText(document)).toContain('当協会は、理事長をはじめとする役員が主導して');
    expect(signature(document)).toEqual(['令和8年7月1日', '例示協会', '理事長\u3000山田 花子']);
  });

  it('和暦の元年と平成', () => {
    const date = (iso: string) => signature(policy(`${COMPANY}documents: { dateStyle: japanese, basicPolicy: { date: ${iso} } }\n`))[0];
    expect(date('2019-05-01')).toBe('令和元年5月1日');
    expect(date('2019-04-30')).toBe('平成31年4月30日');
  });
});

describe('特定個人情報の基本方針と取扱規程', () => {
  it('利用目的は標準の一覧から選んだものだけが、本人の区分ごとに並ぶ', () => {
    const yaml = `${COMPANY}${MY_NUMBER}  subjects:
    vendors: { label: 取引先, purposes: [fees, rent, propertyPurchase] }
    shareholders: { label: 株主, purposes: [] }
    officers: { label: 役員及び評議員, purposes: [remuneration] }
    staff: { label: 従業員, purposes: [withholding, healthPension] }
    families: { label: 従業員の配偶者及び親族, purposes: [] }
`;
    const result = build(yaml);
    const policy = documentText(doc(result, 'my-number-policy'));
    expect(policy).toContain('報酬、料金、契約金及び賞金の支払調書作成事務');
    expect(policy).toContain('不動産の使用料等の支払調書作成事務');
    expect(policy).toContain('不動産等の譲受けの対価の支払調書作成事務');
    expect(policy).toContain('役員及び評議員の特定個人情報等');
    expect(policy).not.toContain('株主の特定個人情報等');
    expect(policy).not.toContain('配偶者及び親族の特定個人情報等');
    expect(policy).not.toContain('雇用保険');
    // The handling rules list the same purposes as the scope of the work.
    const rules = documentText(doc(result, 'my-number-rules'));
    expect(rules).toContain('役員及び評議員に係る事務');
    expect(rules).not.toContain('株主に係る事務');
  });

  it('マイナンバーを扱うのに利用目的が1つもないのは誤り', () => {
    const empty = '{ label: x, purposes: [] }';
    expect(() => answersFrom(`${COMPANY}${MY_NUMBER}  subjects: { vendors: ${empty}, shareholders: ${empty}, officers: ${empty}, staff: ${empty}, families: ${empty} }\n`, 'answers/x.yaml')).toThrow(
      /^answers\/x\.yaml:\d+: myNumber\.subjects: マイナンバーを扱う場合は、利用目的を少なくとも1つ選んでください$/mu,
    );
    // Not handling My Numbers at all is an answer of its own.
    expect(() => answersFrom(`${COMPANY}myNumber: none\n`)).not.toThrow();
  });

  it('管理区域・取扱区域はセキュリティ領域の部屋の名前で、規程の現在の番号で参照する', () => {
    const result = build(`${COMPANY}${MY_NUMBER}`);
    const rules = doc(result, 'my-number-rules');
    expect(references(rules).find((r) => r.target === 'phys-security-areas')!.text).toBe('『情報セキュリティ関連規程』の「3.物理的対策」の「1.2 セキュリティ領域の設定」');
    // Each room with the security area it lies in (issue 14 point 4: the area is the room, not the whole level).
    expect(documentText(rules)).toContain('管理区域はサーバールーム（レベル3領域）とし、取扱区域は総務部執務室（レベル2領域）とする。管理区域及び取扱区域は、その部屋・場所が属する『情報セキュリティ関連規程』の「3.物理的対策」の「1.2 セキュリティ領域の設定」のセキュリティ領域の定めにより管理し');
    // A room that is in no security area is a contradiction: a warning at its line, not a refusal.
    const loaded = loadedFromYaml(`${COMPANY}${MY_NUMBER.replace('managementArea: [サーバールーム]', 'managementArea: [サーバー室]')}`, 'answers/x.yaml');
    expect(loaded.warnings.map(formatIssue)).toEqual([
      'answers/x.yaml:13: myNumber.managementArea.0: 「サーバー室」は areas の部屋・場所にありません。管理区域はセキュリティ領域の中の部屋にしてください',
    ]);
  });

  it('事務取扱責任者・担当者・苦情対応は回答の役職、人的対策・物理的対策の章を参照する', () => {
    const yaml = withPeople(
      [
        '  - { id: ceo, title: 代表取締役, roles: [head] }',
        '  - { id: audit, title: 内部監査室長, roles: [auditor] }',
        '  - { id: ga, title: 総務部長, roles: [myNumberManager] }',
        '  - { id: payroll, title: 給与係長, roles: [myNumberClerk] }',
        '  - { id: gs, title: 総務課長, roles: [complaintsOfficer] }',
        '',
      ].join('\n'),
    );
    const rules = doc(build(yaml), 'my-number-rules');
    const text = documentText(rules);
    expect(text).toContain('事務取扱責任者を置き、総務部長をもって充てる。');
    expect(text).toContain('（以下「事務取扱担当者」という。）は、給与係長及び事務取扱責任者が指名する者とする。');
    expect(text).toContain('個人情報苦情相談対応者（総務課長）が対応する。');
    const texts = references(rules).map((r) => r.text);
    expect(texts).toContain('『情報セキュリティ関連規程』の「2.人的対策」');
    expect(texts).toContain('『情報セキュリティ関連規程』の「3.物理的対策」');
    expect(texts).toContain('『情報セキュリティ関連規程』の「2.人的対策」の「3.雇用の終了」');
  });

  it('すべての参照は、参照先の文書の現在の番号と題名で書かれる（規程の名前を変えても）', () => {
    const result = build(`${COMPANY}terms: { documentName: 情報セキュリティ規程 }\nrules: { audit: { kind: inspection } }\n`);
    const targets = new Map<string, { document: Document; section?: Section; chapter?: string }>();
    for (const document of result.documents) {
      targets.set(document.id, { document });
      for (const node of allBlocks(document.children)) {
        if (node.type === 'section') targets.set(node.id, { document, section: node });
        if (node.type === 'chapter') targets.set(node.id, { document, chapter: node.numbering === 'decimal' ? `${node.number}.${node.title}` : `第${node.number}章 ${node.title}` });
      }
    }
    for (const document of result.documents) {
      for (const reference of references(document)) {
        const target = targets.get(reference.target);
        expect(target, reference.target).toBeDefined();
        if (target!.document !== document) expect(reference.text).toMatch(/^(『情報セキュリティ規程』|『[^』]+』|「)/u);
        if (target!.section) {
          const s = target!.section;
          const title = inlineText(s.title);
          const label = s.numbering === 'article' ? `第${s.number}条（${title}）` : s.numbering === 'none' ? title : s.level === 1 && !s.annex ? `${s.number}.${title}` : `${s.number} ${title}`;
          expect(reference.text.endsWith(`「${label}」`), `${document.id} → ${reference.target}: ${reference.text}`).toBe(true);
        } else if (target!.chapter) {
          expect(reference.text.endsWith(`「${target!.chapter}」`), `${document.id} → ${reference.target}: ${reference.text}`).toBe(true);
        } else if (target!.document !== document) {
          expect(reference.text).toBe(`『${target!.document.meta.title}』`);
        }
      }
    }
    const rules = references(doc(result, 'my-number-rules')).map((r) => r.text);
    expect(rules).toContain('『情報セキュリティ規程』の「1.組織的対策」の「2.情報セキュリティ取組みの点検」');
  });

  it('条は章をまたいで通し番号、2 つ目からの項に２・３、号に (1) の元になるリスト、附則は番号なし', () => {
    const rules = doc(build(COMPANY), 'my-number-rules');
    const headings = articleHeadings(rules);
    expect(headings[0]).toBe('第1条（目的）');
    expect(headings).toContain('第4条（事務取扱責任者）');
    const chapters = rules.children.filter((b) => b.type === 'chapter');
    expect(chapters.map((c) => (c.type === 'chapter' ? `${c.number}:${c.title}` : ''))).toEqual([
      '1:総則',
      '2:組織体制',
      '3:特定個人情報等の取扱い',
      '4:委託の取扱い',
      '5:安全管理措置',
      '6:漏えい等の事案への対応',
      '7:開示、訂正等及び利用停止等',
      ':附則',
    ]);
    const manager = sectionsOf(rules).find((s) => s.id === 'mnr-manager')!;
    const clauses = manager.children as Clause[];
    expect(clauses.map((c) => c.type)).toEqual(['clause', 'clause', 'clause']);
    expect(clauses.map((c) => c.number)).toEqual(['', '２', '３']);
    expect(clauses[1]!.children.map((b) => b.type)).toEqual(['paragraph', 'list']);
    expect(documentText(rules)).toContain('この規程は、2026年4月1日から施行する。');
  });
});

describe('業務委託契約 機密保持条項', () => {
  const clauses = (yaml: string) => doc(build(`${COMPANY}${yaml}\n`), 'contract-clauses');

  it('既定は 10 条、第1条から自動で番号が付く（マイナンバーを扱わなければ個人情報の条を除く 9 条）', () => {
    expect(articleHeadings(clauses(''))).toEqual([
      '第1条（機密保持）',
      '第2条（個人情報の取扱い）',
      '第3条（再委託）',
      '第4条（権利義務の譲渡の禁止）',
      '第5条（知的財産権）',
      '第6条（知的財産権の紛争の解決）',
      '第7条（損害賠償）',
      '第8条（存続）',
      '第9条（協議）',
      '第10条（合意管轄）',
    ]);
    expect(articleHeadings(clauses('myNumber: none'))).not.toContain('第2条（個人情報の取扱い）');
    expect(articleHeadings(clauses('myNumber: none'))).toHaveLength(9);
  });

  it('条項を選ぶと番号が振り直され、条の参照も追従し、外した条への参照は文ごと消える', () => {
    const some = clauses('documents: { contract: { clauses: [jurisdiction, subcontracting, damages] } }');
    expect(articleHeadings(some)).toEqual(['第1条（再委託）', '第2条（損害賠償）', '第3条（合意管轄）']);
    expect(documentText(some)).not.toMatch(/機密保持）|:ref/u);
    expect(references(some).filter((r) => r.target.startsWith('cc-'))).toEqual([]);
    const withConfidentiality = clauses('documents: { contract: { clauses: [subcontracting, confidentiality] } }');
    expect(articleHeadings(withConfidentiality)).toEqual(['第1条（機密保持）', '第2条（再委託）']);
    expect(references(withConfidentiality).find((r) => r.target === 'cc-confidentiality')!.text).toBe('「第1条（機密保持）」');
  });

  it('甲は組織、乙は空欄か --contractor の名前。管轄裁判所・報告期限・賠償の上限は回答から', () => {
    const yaml = 'documents: { contract: { court: 大阪地方裁判所, reportingDeadline: 本契約締結後7日以内, damagesCap: none } }';
    const blank = documentText(clauses(yaml));
    expect(blank).toContain('テスト工業株式会社（以下「甲」という。）と＿＿＿＿＿＿＿＿＿＿＿＿（以下「乙」という。）');
    expect(blank).toContain('大阪地方裁判所を第一審の専属的合意管轄裁判所とする。');
    expect(blank).toContain('本契約締結後7日以内に相手方に報告すること');
    expect(blank).not.toContain('上限とする');
    expect(documentText(clauses(''))).toContain('本契約の委託料の総額を上限とする。');
    // Unanswered, the court and the deadline are gaps at their keys (the deadline with the sample's value as the recommendation).
    expect(build(COMPANY).unfilled).toEqual(
      expect.arrayContaining([
        { key: 'documents.contract.court', question: '業務委託契約の合意管轄裁判所（例: 東京地方裁判所）' },
        { key: 'documents.contract.reportingDeadline', question: '委託先が機密情報の管理体制を報告する期限（推奨: 本契約締結後14日以内）' },
      ]),
    );
    const named = generate(withContractor(answersFrom(`${COMPANY}${yaml}\n`), ' 株式会社サンプル精工 '), testTemplates());
    expect(documentText(doc(named, 'contract-clauses'))).toContain('と株式会社サンプル精工（以下「乙」という。）');
    expect(() => withContractor(answersFrom(COMPANY), '株式会社\n改行')).toThrow(UsageError);
  });

  it('規程「委託契約の締結」の既定の事項がすべて条項で定められている', () => {
    const contract = `${COMPANY}documents: { contract: { incidentNoticeHours: 24, survivalYears: 5 } }\n`;
    const answers = answersFrom(contract);
    const text = documentText(doc(build(contract), 'contract-clauses'));
    // Each item of 8.3 → words of the clause that covers it.
    const coverage: [RegExp, string[]][] = [
      [/守秘義務/u, ['第三者に開示し、又は漏えいしてはならない']],
      [/情報資産の定義/u, ['（以下「機密情報」という。）', '別表1']],
      [/取り交わす手段/u, ['機密情報の授受は、甲乙が別途書面により合意した手段（受発注の手段を含む。）']],
      [/^取扱い/u, ['機密である旨を表示', '保管場所', '複写し、又は複製しない', '第三者に開示']],
      [/再委託/u, ['第三者に再委託する場合は、あらかじめ甲の書面による承諾']],
      [/責任分担/u, ['損害を賠償しなければならない', '再委託先の行為について甲に対して全ての責任を負う']],
      [/通知義務/u, ['直ちに、遅くとも知った時から24時間以内に相手方に通知し']],
      [/連絡先/u, ['それぞれの連絡先（担当者名、電話番号及び電子メールアドレス）を相互に書面で通知する']],
      [/返却又は廃棄/u, ['相手方に返却し、又は復元できない方法により廃棄若しくは消去']],
      [/監査の方法とその権限/u, ['報告を求めることができる', '立入検査']],
      [/遵守されない場合の措置/u, ['是正を求めることができ', '解除することができる']],
      [/報告方法/u, ['書面（電子メールを含む。）により事故の内容、原因及び対応を報告']],
    ];
    for (const item of answers.organizational.outsourcing.contractItems) {
      const entry = coverage.find(([pattern]) => pattern.test(item));
      expect(entry, `「${item}」に対応する条項の表がない`).toBeDefined();
      for (const words of entry![1]) expect(text, `「${item}」`).toContain(words);
    }
  });
});

describe('様式', () => {
  const table = (document: Document): Table => document.children.find((b) => b.type === 'table') as Table;
  const fieldLabels = (document: Document): string[] =>
    document.children.filter((b): b is Fields => b.type === 'fields').flatMap((f) => f.children.map((field) => inlineText(field.label)));

  it('委託先確認リスト: 会社名・確認者・確認日の欄、サンプル 8-1 の 26 項目と空の ○/× 欄、評価基準は回答から', () => {
    const result = build(`${COMPANY}rules: { outsourcing: { criteria: { checklist: atLeast, checklistCount: 20 } } }\n`);
    const form = doc(result, 'vendor-checklist');
    expect(fieldLabels(form).slice(0, 3)).toEqual(['会社名', '確認者', '確認日']);
    const rows = table(form).children;
    expect(rows).toHaveLength(27);
    expect(table(form).variant).toBe('checklist');
    expect(rows[1]!.children.map((c) => c.children.length)).toEqual([1, 1, 1, 0]);
    expect(rows[1]!.children[0]!.rowSpan).toBe(3); // ガバナンスの整備: 3 items under one 区分
    expect(documentText(form)).toContain('評価の基準：「○」が20個以上であること。');
    expect(documentText(doc(build(COMPANY), 'vendor-checklist'))).toContain('評価の基準：全ての項目が「○」であること。');
  });

  it('退職時チェックリスト: 人的対策「雇用の終了」の返還物（資料・媒体、情報機器、アクセス権）', () => {
    const form = doc(build(COMPANY), 'exit-checklist');
    const text = documentText(form);
    expect(references(form)[0]!.text).toBe('『情報セキュリティ関連規程』の「2.人的対策」の「3.雇用の終了」');
    for (const words of ['資料（印刷物）', '記憶媒体', 'パソコン', 'スマートデバイス', 'アカウント', '鍵']) expect(text).toContain(words);
    expect(fieldLabels(form)).toEqual(['氏名', '所属', '退職日', '確認者', '確認日', '本人署名', '確認者署名']);
    // Private devices prohibited: no row about erasing them.
    expect(documentText(form)).toContain('私有の機器');
    expect(documentText(doc(build(`${COMPANY}rules: { privateDevices: { use: prohibited } }\n`), 'exit-checklist'))).not.toContain('私有の機器');
  });

  it('機密情報共有事項チェックシート: 組織的対策 8.7 の 3 つの内容', () => {
    const form = doc(build(COMPANY), 'sharing-checksheet');
    const text = documentText(form);
    expect(references(form)[0]!.text).toBe('『情報セキュリティ関連規程』の「1.組織的対策」の「8.7 機密情報共有事項チェックシートの管理」');
    expect(text).toContain('社外秘又は極秘の情報資産の回収/廃棄方法');
    expect(text).toContain('社外秘又は極秘の情報資産へのアクセス権の制御方法');
    expect(text).toContain('秘密保持契約の締結日');
    expect(text).toContain('秘密保持契約の有効期限');
  });

  it('情報資産管理台帳: 空欄の台帳、完全性・可用性の列は評価するときだけ', () => {
    const header = (yaml: string) =>
      table(doc(build(`${COMPANY}${yaml}\n`), 'asset-ledger'))
        .children[0]!.children.map((c) => {
          const first = c.children[0];
          return first?.type === 'paragraph' ? inlineText(first.children) : '';
        });
    expect(header('documents: { forms: { assetLedgerRows: 5 } }')).toEqual([
      'No',
      '業務分類',
      '情報資産名称',
      '備考',
      '利用者範囲',
      '管理部署',
      '媒体・保存先',
      '個人情報',
      '機密性',
      '重要度',
      '保存期限',
      '登録日',
    ]);
    expect(table(doc(build(`${COMPANY}documents: { forms: { assetLedgerRows: 5 } }\n`), 'asset-ledger')).children).toHaveLength(6);
    const both = `confidentiality:
  integrity: [{ value: 2, criteria: [改ざんされると事業に大きな影響がある] }, { value: 1, criteria: [影響は小さい] }]
  availability: [{ value: 2, criteria: [止まると事業に大きな影響がある] }, { value: 1, criteria: [影響は小さい] }]`;
    expect(header(both)).toContain('完全性');
    expect(header(both)).toContain('可用性');
    expect(header(both)).toHaveLength(14);
  });
});

describe('配布用の合本', () => {
  it('基本方針・規程・特定個人情報取扱規程の後に、付録として条項と様式', () => {
    const pack = build(COMPANY).pack!;
    expect(pack.meta.title).toBe('情報セキュリティ関連規程（配布用）');
    // The book closes once, after its last part, with 「以上」 (the rulebook's own gives way to it).
    expect(pack.children.at(-1)).toEqual({ type: 'closing', text: '以上' });
    expect((pack.children.filter((b) => b.type === 'part') as Part[]).flatMap((p) => p.children).some((b) => b.type === 'closing')).toBe(false);
    expect((pack.children.slice(0, -1) as Part[]).map((p) => `${p.number}${p.number ? ' ' : ''}${p.id}`)).toEqual([
      'basic-policy',
      'rulebook',
      'my-number-rules',
      '付録1 contract-clauses',
      '付録2 vendor-checklist',
      '付録3 exit-checklist',
      '付録4 sharing-checksheet',
      '付録5 asset-ledger',
    ]);
    const parts = pack.children as Part[];
    expect(parts[0]!.classification).toBe('公開');
    expect(parts[7]!.orientation).toBe('landscape');
  });

  it('外した文書は合本にも入らず、付録の番号が詰まる。合本を作らないこともできる', () => {
    const pack = build(`${COMPANY}myNumber: none\ndocuments: { outputs: { contractClauses: false } }\n`).pack!;
    expect((pack.children.filter((b) => b.type === 'part') as Part[]).map((p) => `${p.number}${p.id}`)).toEqual([
      'basic-policy',
      'rulebook',
      '付録1vendor-checklist',
      '付録2exit-checklist',
      '付録3sharing-checksheet',
      '付録4asset-ledger',
    ]);
    expect(build(`${COMPANY}documents: { outputs: { pack: false } }\n`).pack).toBeNull();
  });
});

describe('テンプレートの文書定義', () => {
  const write = (dir: string, files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  };
  const rulebook = {
    'rulebook/document.yaml': 'id: rulebook\ntitle: "{{terms.documentName}}"\norder: 10\nfront: cover\nchapters:\n  - { id: org, key: organizational, title: 組織的対策, dir: org }\n',
    'rulebook/org/01.md': '# 組織 {#r-org}\n\n## 委託 {#r-vendor}\n\n{{#if options.telework}}\n## 任意 {#r-optional}\n{{/if}}\n\n## 再委託 {#r-sub}\n',
  };

  it('条で書く文書: 条・項・号の番号と、他の文書の節への参照が回答に従う', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-templates-'));
    write(dir, {
      ...rulebook,
      'contract-clauses/document.yaml': 'id: contract-clauses\ntitle: 条項\nnumbering: article\n',
      'contract-clauses/01.md':
        '# 目的 {#t-purpose}\n\n本文。\n\n第二項。\n\n1. 号一\n2. 号二\n\n# 参照 {#t-ref}\n\n:ref{to=t-purpose}及び:ref{to=r-vendor}及び:ref{to=r-sub}\n\n# 附則 {#t-supplementary .unnumbered}\n\n施行する。\n',
    });
    const templates = loadTemplates(dir);
    const result = (yaml: string) => doc(generate(answersFrom(`${COMPANY}${yaml}`), templates), 'contract-clauses');
    const on = result('');
    expect(articleHeadings(on)).toEqual(['第1条（目的）', '第2条（参照）']);
    const purpose = sectionsOf(on)[0]!;
    expect((purpose.children as Clause[]).map((c) => [c.number, c.children.map((b) => b.type).join('+')])).toEqual([
      ['', 'paragraph'],
      ['２', 'paragraph+list'],
    ]);
    expect(references(on).map((r) => r.text)).toEqual(['「第1条（目的）」', '『情報セキュリティ関連規程』の「1.組織的対策」の「1.1 委託」', '「1.3 再委託」']);
    expect(references(result('telework: none\n')).map((r) => r.text)[2]).toBe('「1.2 再委託」');
    const supplementary = sectionsOf(on)[2]!;
    expect([supplementary.numbering, supplementary.number]).toEqual(['none', '']);
  });

  it('when は options のキーか回答の true/false の項目。それ以外はテンプレートの誤り', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-templates-'));
    write(dir, { ...rulebook, 'basic-policy/document.yaml': 'id: basic-policy\ntitle: 方針\nwhen: organization.name\n', 'basic-policy/01.md': '本文\n' });
    expect(() => generate(answersFrom(COMPANY), loadTemplates(dir))).toThrow(TemplateError);
    write(dir, { 'basic-policy/document.yaml': 'id: basic-policy\ntitle: 方針\nwhen: [telework, companion.outputs.basicPolicy]\n' });
    expect(generate(answersFrom(`${COMPANY}telework: none\n`), loadTemplates(dir)).documents.map((d) => d.id)).toEqual(['rulebook']);
    expect(generate(answersFrom(COMPANY), loadTemplates(dir)).documents.map((d) => d.id)).toEqual(['rulebook', 'basic-policy']);
  });

  it('id は全文書で一意、条の中に見出しは置けない', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-templates-'));
    write(dir, { ...rulebook, 'basic-policy/document.yaml': 'id: basic-policy\ntitle: 方針\n', 'basic-policy/01.md': '# 重複 {#r-vendor}\n' });
    expect(() => loadTemplates(dir)).toThrow(TemplateSetError);
    write(dir, { 'basic-policy/01.md': '# 条 {#p-article}\n\n## 見出し {#p-heading}\n', 'basic-policy/document.yaml': 'id: basic-policy\ntitle: 方針\nnumbering: article\n' });
    expect(() => generate(answersFrom(COMPANY), loadTemplates(dir))).toThrow(/条の中に見出しは置けません/u);
  });
});

describe('kitei build が一式を書き出す', () => {
  it('--contractor で乙を指定し、合本は Word と PDF でだけ書き出す', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kitei-companion-'));
    let log = '';
    const code = await run(['build', join(ROOT, 'answers', 'hikari-kyokai.yaml'), '--out', out, '--format', 'md,docx', '--contractor', '株式会社よやく窓口', '--no-history'], {
      out: (t) => (log += t),
      err: (t) => (log += t),
    });
    expect(code, log).toBe(0);
    const files = readdirSync(join(out, '一般社団法人ひかり地域振興協会')).sort();
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(9);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(10);
    expect(files).toContain('情報セキュリティ対策基準（配布用）.docx');
    expect(files).not.toContain('情報セキュリティ対策基準（配布用）.md');
    const clauses = readFileSync(join(out, '一般社団法人ひかり地域振興協会', '業務委託契約 機密保持条項.md'), 'utf8');
    expect(clauses).toContain('と株式会社よやく窓口（以下「乙」という。）');
    expect(answersFile(join(ROOT, 'answers', 'hikari-kyokai.yaml')).companion.contract.contractor).toBeNull();
  });
});
