import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswersError, answersFromYaml, loadedFromYaml } from '../../src/answers/load.js';
import { defaultTemplates } from '../../src/build.js';
import { generate } from '../../src/generate.js';
import { forEachInlines } from '../../src/model/text.js';
import type { Document, Inline } from '../../src/model/types.js';
import { INVENTORY_KINDS, KINDS } from '../../src/profile/kinds.js';
import { ROLE_KEYS } from '../../src/profile/roles.js';
import { TELEWORK_CONFIGURATIONS, TELEWORK_NETWORKS } from '../../src/profile/schema.js';
import { ORGANIZATION_SIZES, ORGANIZATION_TYPES } from '../../src/profile/types.js';
import { FORMATS, UsageError } from '../../src/render/index.js';
import { MissingGlyphError } from '../../src/render/pdf/errors.js';
import { ReferenceError } from '../../src/transform/xref.js';
import { EXAMPLE } from './cases.js';
import { kitei, STACK_TRACE, tempDir } from './support.js';

/**
 * Property-based tests (issue 8): answers made by mutating the complete example at paths taken from
 * the validated profile (so every key the zod schema fills, defaults included), and profiles
 * generated from the profile's own parts (issue 13). Whatever the input, the answers either build
 * or fail with one of kitei's own input errors; no other exception escapes, and nothing of the IPA
 * sample's example content is printed unless the profile says it. Fixed seeds: a failure is
 * reproducible from the seed printed.
 */

const runs = { validation: 0, markdown: 0, allFormats: 0, cliCheck: 0, cliBuild: 0, built: 0, refused: 0, generated: 0, generatedBuilt: 0, generatedRefused: 0 };
afterAll(() => console.log(`fuzz runs: ${JSON.stringify(runs)}`));

const exampleData = parse(readFileSync(EXAMPLE, 'utf8'), { version: '1.2' }) as Record<string, unknown>;
const validated = loadedFromYaml(readFileSync(EXAMPLE, 'utf8'), EXAMPLE).profile;

type Path = (string | number)[];

/** Every leaf of the validated profile, split by kind. */
function leaves(value: unknown, path: Path = [], out: { strings: Path[]; all: Path[] } = { strings: [], all: [] }) {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else {
    out.all.push(path);
    if (typeof value === 'string') out.strings.push(path);
  }
  return out;
}
const { strings: STRING_PATHS, all: ALL_PATHS } = leaves(validated);

/** Pieces people paste, and pieces of every syntax the value passes through. */
const PIECES = ['*', '_', '#', '`', '[', ']', '|', '>', '-', '{{', '}}', '{{{', '<', '>', '&', '&amp;', '"', "'", '(', ')', '\\', '/', '..', '%', 'CON',
  '\u202e', '\u2066', '\u0000', '\u0007', '\u001b', '\n', '\r\n', '\t', '\u00a0', '\u3000', '\u200d', '\ufeff', '\ue000',
  '😀', '👨‍👩‍👧', '𠮷', '髙', '﨑', 'e\u0301', 'か\u3099', '○○', '20yy', '\ud800', '\udc00', 'ｶﾞ', '①', '〜', '―', '株式会社', '情報'];
const unit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 3, arbitrary: fc.constantFrom(...'あいうえお漢字規程情報資産ABCabc123 ') });
const userText = fc.oneof(fc.string({ unit, maxLength: 30 }), fc.string({ unit, minLength: 150, maxLength: 260 }), fc.constantFrom('', ' ', 'null', 'true', '1e3', '2026-02-30', '~'));

type Mutation = { kind: 'set'; path: Path; value: unknown } | { kind: 'remove'; path: Path } | { kind: 'add'; path: Path; key: string; value: unknown };

const otherValue = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(userText, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), userText, { maxKeys: 2 }), fc.constant({ todo: '未定' }));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...STRING_PATHS), value: userText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...ALL_PATHS), value: otherValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...ALL_PATHS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), path: fc.constantFrom(...ALL_PATHS).map((p) => p.slice(0, -1)), key: fc.string({ unit, maxLength: 12 }), value: otherValue }) },
);

/** The example with the mutations applied; a missing container is created as a map for a key and a list for an index (`levels: { 0: … }` is a wrong type worth trying). */
function mutate(mutations: readonly Mutation[]): unknown {
  const data = structuredClone(exampleData) as Record<string | number, unknown>;
  for (const m of mutations) {
    const path = m.kind === 'add' ? [...m.path, m.key] : m.path;
    if (path.length === 0) continue;
    let node: Record<string | number, unknown> = data;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      if (!next || typeof next !== 'object') node[segment] = typeof segment === 'number' ? [] : {};
      node = node[segment] as Record<string | number, unknown>;
    }
    const last = path[path.length - 1]!;
    if (m.kind === 'remove') {
      if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
      else delete node[last];
    } else {
      node[last] = m.value;
    }
  }
  return data;
}

/** kitei's own input errors: anything else escaping is a bug. */
const isInputError = (error: unknown): boolean =>
  error instanceof AnswersError || error instanceof ReferenceError || error instanceof UsageError || error instanceof MissingGlyphError;

function expectInputError(error: unknown): void {
  if (!isInputError(error)) throw error; // shows the real exception and its stack in the report
  const message = (error as Error).message;
  expect(message).not.toMatch(/\n\s+at .+[:(]/u);
  if (error instanceof AnswersError) {
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.file).toBe('fuzz.yaml');
      expect(issue.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    }
  }
}

/** Answers YAML → documents, or an input error. */
function tryGenerate(mutations: readonly Mutation[]): readonly Document[] | undefined {
  const yaml = stringify(mutate(mutations), { lineWidth: 0 });
  try {
    const generated = generate(answersFromYaml(yaml, 'fuzz.yaml'), defaultTemplates());
    runs.built++;
    return generated.documents;
  } catch (error) {
    expectInputError(error);
    runs.refused++;
    return undefined;
  }
}

describe('fast-check: どんな回答も、生成できるか入力の誤りとして報告される', () => {
  it('検証と生成（200 回）', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        runs.validation++;
        tryGenerate(mutations);
      }),
      { seed: 20261121, numRuns: 200 },
    );
  });

  it('文字列の値だけを変えた回答は、すべての文書が Markdown になる（30 回）', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...STRING_PATHS), value: userText }), { minLength: 1, maxLength: 3 }), async (mutations) => {
        runs.markdown++;
        const documents = tryGenerate(mutations);
        if (!documents) return;
        for (const document of documents) expect((await FORMATS.md.render(document)).byteLength).toBeGreaterThan(0);
      }),
      { seed: 8, numRuns: 30 },
    );
  });

  it('Word と PDF にもなるか、PDF のフォントにない文字が一覧になる（8 回）', async () => {
    // Printable values only, so that most runs get as far as the writers.
    const printable = fc.string({ unit: fc.constantFrom('*', '{{', '<', '&', '(', ')', '\\', '😀', '𠮷', '髙', 'e\u0301', 'ｶﾞ', '情', '報', 'A', ' '), minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...STRING_PATHS), value: printable }), { minLength: 1, maxLength: 3 }), async (mutations) => {
        runs.allFormats++;
        const documents = tryGenerate(mutations);
        if (!documents) return;
        for (const document of documents.filter((d) => d.id === 'basic-policy' || d.id === 'exit-checklist')) {
          expect((await FORMATS.docx.render(document)).byteLength).toBeGreaterThan(0);
          try {
            expect((await FORMATS.pdf.render(document)).byteLength).toBeGreaterThan(0);
          } catch (error) {
            if (!(error instanceof MissingGlyphError)) throw error;
            expect(error.characters.length).toBeGreaterThan(0);
          }
        }
      }),
      { seed: 42, numRuns: 8 },
    );
  });
});

describe('fast-check: 回答ファイルのバイト列を壊しても、kitei は終了コード 0 か 1 で終わる', () => {
  const source = new TextEncoder().encode(readFileSync(EXAMPLE, 'utf8'));
  /** A few edits of the example's bytes: a piece of text or raw bytes inserted, or bytes deleted. */
  const edit = fc.oneof(
    fc.record({ at: fc.nat(source.length), insert: fc.oneof(fc.constantFrom(...PIECES, '\t', ': ', '- ', '&a ', '*a', '!!binary ', '\ufeff').map((t) => new TextEncoder().encode(t)), fc.uint8Array({ minLength: 1, maxLength: 4 })), remove: fc.nat(3) }),
  );
  const apply = (edits: readonly { at: number; insert: Uint8Array; remove: number }[]): Uint8Array => {
    let bytes = source;
    for (const e of edits) {
      const at = Math.min(e.at, bytes.length);
      bytes = Uint8Array.from([...bytes.subarray(0, at), ...e.insert, ...bytes.subarray(Math.min(bytes.length, at + e.remove))]);
    }
    return bytes;
  };

  it('kitei check（60 回）と kitei build --draft（15 回）', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const file = join(dir, `fuzz-${++n}.yaml`);
        writeFileSync(file, apply(edits));
        const building = runs.cliBuild < 15;
        const out = join(dir, `out-${n}`);
        const result = building ? await kitei('build', file, '--draft', '--out', out) : await kitei('check', file);
        if (building) runs.cliBuild++;
        else runs.cliCheck++;
        expect([0, 1], result.err).toContain(result.code);
        expect(result.err).not.toMatch(STACK_TRACE);
        expect(result.err).not.toContain('内部エラー');
        if (result.code === 1) expect(result.err.startsWith(`エラー: ${file}`), result.err.slice(0, 300)).toBe(true);
        // Nothing besides the answers and --out, and no temp file left behind.
        expect(readdirSync(dir).filter((name) => !/^(fuzz|out)-\d+(\.yaml)?$/u.test(name))).toEqual([]);
        if (building && result.code === 0) expect(readdirSync(out, { recursive: true }).filter((name) => String(name).endsWith('.tmp'))).toEqual([]);
      }),
      { seed: 1108, numRuns: 75 },
    );
  });
});

/**
 * The example content of the IPA sample (its red text: products, systems, titles, rooms, periods,
 * frequencies — test/fixtures/answers/ipa-sample.yaml states them as a profile). None of it may reach
 * a document unless the profile says it: a gap may recommend a value (「（推奨: 3年間）」), but a
 * statement of the organization never comes from the sample. Words the sample uses as fixed wording
 * (ファイアウォール, メールサーバー, Android…) are not example content and are not listed.
 */
const SAMPLE_EXAMPLES = [
  // systems and products
  '販売管理システム', '給与計算システム', '会計システム', 'CRMシステム', 'CRM-A', 'プロキシサーバー', 'Windows Server', 'ＲＤＢ', 'PostgreSQL',
  'ファイルサーバー', 'NASサーバー', 'Webサーバー', 'Active Directory', 'Adobe Reader', 'グループウェアA', 'チャットA', '会議システムA',
  'ウイルス対策ソフトA', 'ブラウザA', 'ルーターA', 'UTM-A', '監視ツールA', 'プロキシA', 'メールアプリA', '給与計算ソフトA', 'システム開発会社A', '回線事業者B',
  // people, departments and rooms
  '総務部', '管理部長', '人事部長', '営業部長', '技術部長', '経理部長', '製造部長', '人事課長', '内部監査室長', '営業部員',
  '本社執務室', '社長室', '応接スペース', '商談室', '本社受付', 'サーバールーム', '本社施錠ポスト', '社内イントラネット', '文書管理システム',
  // periods, frequencies and targets
  '3年間', '週に１回', '直近14日分', '直近8週間分', '直近12週間分', '直近5世代分', '5年分', '年2回', '24時間以内', '4時間以内', '1時間以内', '2時間以内',
  '月1回以上の頻度', '本契約締結後14日以内', '1週間以内', '1か月以内', '容量4TB以上', '容量500GB以上',
];

/** Values the generated profiles use besides the sample's: none of them contains a listed word, alone or side by side. */
const NEUTRAL = ['見本の値', '第一事務室', '相談窓口', '週末に確認', '直近3か月分', '毎月末', '例の方法で管理する', '係長代理', '製品Ｘ', '開発元Ｙ', '最新版', '倉庫棟', '担当者の席', '事業Ｚ'];

const textValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NEUTRAL) }, { weight: 1, arbitrary: fc.constantFrom(...SAMPLE_EXAMPLES) });
/** A reference to one of `ids`, now and then to an id nobody defined (the profile is then refused). */
const ref = (ids: readonly string[], dangling: string) =>
  ids.length ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constant(dangling) }) : fc.constant(dangling);
/** A list of references, empty when there is nothing to refer to. */
const refs = (ids: readonly string[], dangling: string, minLength = 0): fc.Arbitrary<string[]> => (ids.length ? fc.array(ref(ids, dangling), { minLength, maxLength: 2 }) : fc.constant<string[]>([]));

const personArb = fc.record(
  { id: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), title: textValue, name: textValue, roles: fc.subarray([...ROLE_KEYS]), phone: textValue, mobile: textValue, email: textValue },
  { requiredKeys: ['id', 'title'] },
);
const areaArb = fc.record({
  level: fc.integer({ min: 1, max: 3 }),
  rooms: fc.array(textValue, { minLength: 1, maxLength: 3 }),
  locking: textValue,
  devices: textValue,
  records: fc.option(textValue, { nil: null }),
  intrusionDetection: fc.option(textValue, { nil: null }),
  fireProtection: textValue,
});
/** An inventory item without its references (backup destinations, critical owners): those come from the ids the profile has. */
const itemArb = fc.record(
  {
    id: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8'),
    kind: fc.constantFrom(...INVENTORY_KINDS),
    name: textValue,
    label: textValue,
    product: textValue,
    vendor: textValue,
    version: textValue,
    update: textValue,
    definitions: textValue,
    access: textValue,
    auth: textValue,
    deviceAuth: textValue,
    requirements: fc.array(fc.record({ requirement: textValue, product: fc.option(textValue, { nil: null }) }), { minLength: 1, maxLength: 2 }),
    holds: fc.array(textValue, { minLength: 1, maxLength: 2 }),
    storage: textValue,
    critical: fc.record({ operations: textValue, rpo: fc.record({ target: textValue, reason: textValue }, { requiredKeys: ['target'] }) }, { requiredKeys: ['operations'] }),
    logs: fc.record({ retention: textValue, items: textValue }),
    telework: fc.record({ uses: fc.array(textValue, { minLength: 1, maxLength: 2 }), procedures: fc.array(textValue, { maxLength: 2 }) }),
    app: textValue,
  },
  { requiredKeys: ['id', 'kind'] },
);
const teleworkArb = fc.oneof(
  fc.constant('none'),
  fc.record({
    configurations: fc.subarray([...TELEWORK_CONFIGURATIONS], { minLength: 1 }),
    networks: fc.subarray([...TELEWORK_NETWORKS], { minLength: 1 }),
    devices: fc.array(
      fc.record({ device: textValue, lent: fc.oneof(fc.constant('none'), fc.array(textValue, { minLength: 1, maxLength: 2 })), private: fc.constantFrom('measures', 'asNeeded', 'prohibited') }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);
const myNumberArb = fc.oneof(
  fc.constant('none'),
  fc.record({ contact: fc.record({ desk: textValue }), managementArea: fc.array(textValue, { minLength: 1, maxLength: 2 }), handlingArea: fc.array(textValue, { minLength: 1, maxLength: 2 }) }),
);
const rulesArb = fc.record(
  {
    audit: fc.record({ kind: fc.constantFrom('audit', 'inspection'), month: textValue }, { requiredKeys: [] }),
    policyAccess: fc.array(textValue, { minLength: 1, maxLength: 2 }),
    physical: fc.record({ entryLogRetention: textValue, screenLockMinutes: fc.integer({ min: 1, max: 60 }) }, { requiredKeys: [] }),
    software: fc.record({ virusScan: textValue, webRestriction: fc.constantFrom('notice', 'filtering', 'both') }, { requiredKeys: [] }),
    privateDevices: fc.record({ use: fc.constantFrom('permitted', 'prohibited') }),
    logs: fc.record({ cloudRetention: textValue, procedureReview: textValue }, { requiredKeys: [] }),
    backup: fc.record({ restoreTraining: textValue }, { requiredKeys: [] }),
    vulnerability: fc.record({ sourceCheck: textValue, urgencyHigh: textValue }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const baseArb = fc.record(
  {
    kitei: fc.constant(2),
    organization: fc.record(
      { name: textValue, type: fc.constantFrom(...ORGANIZATION_TYPES), size: fc.constantFrom(...ORGANIZATION_SIZES), business: textValue, developsSoftware: fc.boolean() },
      { requiredKeys: ['name', 'type', 'size'] },
    ),
    document: fc.record({ effectiveDate: fc.constant('2026-04-01') }),
    people: fc.uniqueArray(personArb, { selector: (person) => person.id, maxLength: 5 }),
    sites: fc.uniqueArray(fc.record({ id: fc.constantFrom('s1', 's2'), name: textValue, deliveries: fc.array(fc.record({ item: textValue, via: textValue }), { maxLength: 2 }) }), { selector: (site) => site.id, maxLength: 2 }),
    areas: fc.array(areaArb, { maxLength: 3 }),
    inventory: fc.uniqueArray(itemArb, { selector: (item) => item.id, maxLength: 8 }),
    telework: teleworkArb,
    myNumber: myNumberArb,
    rules: rulesArb,
    documents: fc.record({ contract: fc.record({ court: textValue, reportingDeadline: textValue }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['kitei', 'organization'] },
);
/** A whole profile: the parts that refer to people and things refer mostly to those it has. */
const profileArb = baseArb.chain((base) => {
  const people = (base.people ?? []).map((person) => person.id);
  const items = (base.inventory ?? []).map((item) => item.id);
  const backupArb = fc.record({ data: textValue, method: textValue, to: ref(items, 'nowhere'), every: textValue, keep: textValue });
  return fc
    .record({
      backups: fc.array(fc.option(fc.oneof(fc.constant('none' as const), fc.array(backupArb, { minLength: 1, maxLength: 2 })), { nil: undefined }), { minLength: items.length, maxLength: items.length }),
      owners: fc.array(refs(people, 'nobody'), { minLength: items.length, maxLength: items.length }),
      departments: people.length ? fc.uniqueArray(fc.record({ id: fc.constantFrom('d1', 'd2'), name: textValue, head: ref(people, 'nobody') }), { selector: (d) => d.id, maxLength: 2 }) : fc.constant([]),
      vendors: fc.uniqueArray(fc.record({ id: fc.constantFrom('v1', 'v2'), name: textValue, supports: refs(items, 'nowhere'), service: fc.option(textValue, { nil: null }) }), { selector: (v) => v.id, maxLength: 2 }),
      recovery: people.length ? fc.array(fc.record({ targets: fc.array(textValue, { minLength: 1, maxLength: 2 }), owners: refs(people, 'nobody', 1) }), { maxLength: 2 }) : fc.constant([]),
    })
    .map(({ backups, owners, departments, vendors, recovery }) => ({
      ...base,
      inventory: (base.inventory ?? []).map((item, i) => ({
        ...item,
        ...(backups[i] === undefined ? {} : { backup: backups[i] }),
        ...(item.critical && owners[i]!.length ? { critical: { ...item.critical, owners: owners[i] } } : {}),
      })),
      departments,
      vendors,
      continuity: { recovery },
    }));
});

/** What a reader of the documents sees as stated by the organization: every text except the gaps (questions, with their recommendations). */
function statedText(documents: readonly Document[]): string {
  const out: string[] = [];
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'text') out.push(node.value);
      else if (node.type === 'xref') out.push(node.text);
      else if (node.type === 'strong' || node.type === 'link') visit(node.children);
    }
    out.push('\n');
  };
  for (const document of documents) {
    const { title, approver, classification, organization } = document.meta;
    out.push([title, approver, classification, organization].join('\n').replace(/【要記入：[^】]*】/gu, ''), '\n');
    forEachInlines(document, visit);
  }
  return out.join('');
}

describe('fast-check: 生成したプロフィール（種類・規模・人・機器・規則の組合せ）', () => {
  it('値の一覧は互いに重ならない（テストの前提）', () => {
    for (const value of NEUTRAL) expect(SAMPLE_EXAMPLES.filter((word) => value.includes(word)), value).toEqual([]);
  });

  it('生成できる（下書き）か AnswersError になり、サンプルの例はプロフィールに書いたときだけ文書に現れる（150 回）', () => {
    fc.assert(
      fc.property(profileArb, (profile) => {
        runs.generated++;
        const yaml = stringify(profile, { lineWidth: 0 });
        let documents: readonly Document[];
        try {
          documents = generate(answersFromYaml(yaml, 'fuzz.yaml'), defaultTemplates()).documents;
        } catch (error) {
          if (!(error instanceof AnswersError)) throw error;
          expectInputError(error);
          runs.generatedRefused++;
          return;
        }
        runs.generatedBuilt++;
        // What the profile says: its own words, and the names of the kinds of things it lists (a database is ＲＤＢ in the tables).
        const said = `${yaml}\n${(profile.inventory ?? []).map((item) => KINDS[item.kind].label).join('\n')}`;
        const text = statedText(documents);
        const leaked = SAMPLE_EXAMPLES.filter((word) => text.includes(word) && !said.includes(word)).map((word) => {
          const at = text.indexOf(word);
          return `${word}: …${text.slice(Math.max(0, at - 30), at + word.length + 30)}…`;
        });
        expect(leaked).toEqual([]);
      }),
      { seed: 20270401, numRuns: 150 },
    );
    // Both outcomes happen: the property is about buildable and refused profiles alike.
    expect(runs.generatedBuilt).toBeGreaterThan(10);
    expect(runs.generatedRefused).toBeGreaterThan(10);
  });
});
