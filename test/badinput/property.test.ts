import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswersError, answersFromYaml } from '../../src/answers/load.js';
import { defaultTemplates } from '../../src/build.js';
import { generate } from '../../src/generate.js';
import type { Document } from '../../src/model/types.js';
import { FORMATS, UsageError } from '../../src/render/index.js';
import { MissingGlyphError } from '../../src/render/pdf/errors.js';
import { ReferenceError } from '../../src/transform/xref.js';
import { EXAMPLE } from './cases.js';
import { kitei, STACK_TRACE, tempDir } from './support.js';

/**
 * Property-based tests (issue 8): answers made by mutating the complete example at paths taken from
 * the validated answers (so every key the zod schema fills, with the preset's keys too). Whatever
 * the mutation, the answers either build into every format or fail with one of kitei's own input
 * errors; no other exception escapes. Fixed seeds: a failure is reproducible from the seed printed.
 */

const runs = { validation: 0, markdown: 0, allFormats: 0, cliCheck: 0, cliBuild: 0, built: 0, refused: 0 };
afterAll(() => console.log(`fuzz runs: ${JSON.stringify(runs)}`));

const exampleData = parse(readFileSync(EXAMPLE, 'utf8'), { version: '1.2' }) as Record<string, unknown>;
const validated = answersFromYaml(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);

type Path = (string | number)[];

/** Every leaf of the validated answers, split by kind. */
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
