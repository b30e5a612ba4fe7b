import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { answersFromYaml } from '../../src/answers/load.js';
import { defaultTemplates } from '../../src/build.js';
import { generate } from '../../src/generate.js';
import { insideDirectory, safeFileName } from '../../src/output/files.js';
import { FORMATS } from '../../src/render/index.js';
import { MissingGlyphError } from '../../src/render/pdf/errors.js';
import { ERROR_CASES, exampleWith, LITERAL_CASES, type ErrorCase } from './cases.js';
import { filesUnder, kitei, markdownStructure, markdownText, modelStructure, RAW_CHARACTER, STACK_TRACE, tempDir } from './support.js';

/** Cases tried per command, printed at the end (the note of issue 8 quotes them). */
const tried = { build: 0, check: 0, batch: 0 };
afterAll(() => console.log(`bad-input cases tried: build ${tried.build}, check ${tried.check}, batch ${tried.batch}`));

/** What a message must start with: `file:line: key: `. */
const where = (file: string, c: ErrorCase): string => `${file}${c.line ? `:${c.line}` : ''}: ${c.key ? `${c.key}: ` : ''}`;

function writeCase(dir: string, name: string, source: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

describe('誤った回答は、ファイル・行・キーを示す日本語のエラーになり、何も書き出さない', () => {
  for (const c of ERROR_CASES) {
    it(`${c.title}（${c.id}）: build と check`, async () => {
      const dir = tempDir();
      const file = writeCase(dir, `${c.id}.yaml`, c.source);
      for (const argv of [
        ['build', file, '--out', join(dir, 'out'), '--draft', '--format', 'md,docx,pdf'],
        ['check', file],
      ]) {
        const { code, out, err } = await kitei(...argv);
        tried[argv[0] as 'build' | 'check']++;
        expect(code, err).toBe(1);
        expect(err.startsWith(`エラー: ${where(file, c)}`), err.slice(0, 400)).toBe(true);
        expect(err).toMatch(c.message);
        expect(err).not.toMatch(STACK_TRACE);
        expect(err).not.toContain('内部エラー');
        expect(err).not.toMatch(RAW_CHARACTER);
        expect(out).toBe('');
      }
      expect(readdirSync(dir)).toEqual([`${c.id}.yaml`]);
    });
  }

  it('batch: 誤った回答はすべて失敗として一覧になり、ほかには何も書かない', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    const files = new Map(ERROR_CASES.map((c) => [c, writeCase(inputs, `${c.id}.yaml`, c.source)]));
    const out = join(dir, 'out');
    const { code, out: log, err } = await kitei('batch', inputs, '--out', out, '--jobs', '2', '--draft');
    tried.batch += ERROR_CASES.length;
    expect(code, log + err).toBe(1);
    expect(log + err).not.toMatch(STACK_TRACE);
    expect(filesUnder(out)).toEqual(['manifest.json']);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { clients: { source: string; status: string; error?: string }[] };
    expect(manifest.clients).toHaveLength(ERROR_CASES.length);
    for (const [c, file] of files) {
      const client = manifest.clients.find((entry) => file.endsWith(entry.source.split(/[\\/]/u).pop()!))!;
      expect(client.status, c.id).toBe('failed');
      expect(client.error?.startsWith(where(file, c)), `${c.id}: ${client.error}`).toBe(true);
      expect(client.error).toMatch(c.message);
      expect(client.error).not.toContain('内部エラー');
      expect(client.error).not.toMatch(RAW_CHARACTER);
    }
  });
});

describe('どんな文字も、入力したとおりに出力され、文書の構造は変わらない', () => {
  const RULEBOOK = '情報セキュリティ関連規程.md';
  const POLICY = '情報セキュリティ基本方針.md';
  const built = new Map<string, { dir: string; rulebook: string; policy: string }>();
  const baseline = (() => {
    const generated = generate(answersFromYaml(exampleWith('あおば精機株式会社'), 'base.yaml'), defaultTemplates());
    return generated.documents.map((d) => ({ id: d.id, structure: modelStructure(d) }));
  })();
  let baselineMarkdown: { rulebook: string[]; policy: string[] } | undefined;

  it('基準の構造は空ではない（比べる意味がある）', () => {
    expect(baseline.length).toBeGreaterThan(5);
    for (const { structure } of baseline) expect(structure.length).toBeGreaterThan(10);
  });

  for (const c of LITERAL_CASES) {
    it(`${c.title}（${c.id}）: build（Markdown）と check`, async () => {
      const dir = tempDir();
      const file = writeCase(dir, 'answers.yaml', exampleWith(c.value));
      const out = join(dir, 'out');
      const build = await kitei('build', file, '--out', out);
      tried.build++;
      expect(build.code, build.err).toBe(0);
      expect(build.err).toBe('');
      // Nothing outside --out but the record of the version issued, next to the answers.
      expect(readdirSync(dir).sort()).toEqual(['answers.history', 'answers.yaml', 'out']);
      expect(readdirSync(join(dir, 'answers.history'))).toEqual(['1.0.json']);
      const folders = readdirSync(out);
      expect(folders).toHaveLength(1);
      expect(folders[0]).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|^\.+$|[. ]$|^(con|nul)(\..*)?$/iu);
      const rulebook = readFileSync(join(out, folders[0]!, RULEBOOK), 'utf8');
      const policy = readFileSync(join(out, folders[0]!, POLICY), 'utf8');
      expect(markdownText(rulebook)).toContain(c.value);
      expect(markdownText(policy)).toContain(c.value);
      baselineMarkdown ??= { rulebook: markdownStructure(rulebook), policy: markdownStructure(policy) };
      expect(markdownStructure(rulebook)).toEqual(baselineMarkdown.rulebook);
      expect(markdownStructure(policy)).toEqual(baselineMarkdown.policy);
      built.set(c.id, { dir: folders[0]!, rulebook, policy });

      const check = await kitei('check', file);
      tried.check++;
      expect(check.code, check.err).toBe(0);
    });

    it(`${c.title}（${c.id}）: 文書モデル・Word・PDF`, async () => {
      const generated = generate(answersFromYaml(exampleWith(c.value), 'answers.yaml'), defaultTemplates());
      expect(generated.documents.map((d) => ({ id: d.id, structure: modelStructure(d) }))).toEqual(baseline);
      const policy = generated.documents.find((d) => d.id === 'basic-policy')!;

      const docx = unzipSync(await FORMATS.docx.render(policy));
      const xml = strFromU8(docx['word/document.xml']!);
      const shown = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&(lt|gt|amp|quot|apos);/gu, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name]!);
      expect(shown).toContain(c.value);

      if (c.missingGlyphs) {
        const error = await FORMATS.pdf.render(policy).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MissingGlyphError);
        expect((error as MissingGlyphError).characters.map((m) => m.character)).toEqual(c.missingGlyphs);
        expect((error as Error).message).toContain(c.missingGlyphs[0]);
        return;
      }
      const dir = tempDir();
      const pdf = join(dir, 'policy.pdf');
      writeFileSync(pdf, await FORMATS.pdf.render(policy));
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      // Zero-width marks take no glyph in the PDF (fonts.ts LAYOUT_ONLY): invisible either way.
      const squeeze = (s: string) => s.normalize('NFC').replace(/[\s\u200b-\u200d\u2060]+/gu, '');
      expect(squeeze(text)).toContain(squeeze(c.value));
    });
  }

  it('batch: 同じ回答から build と同じバイト列を書き出す', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    for (const c of LITERAL_CASES) writeCase(inputs, `${c.id}.yaml`, exampleWith(c.value));
    const out = join(dir, 'out');
    const { code, out: log, err } = await kitei('batch', inputs, '--out', out, '--jobs', '2');
    tried.batch += LITERAL_CASES.length;
    expect(code, log + err).toBe(0);
    expect(log + err).not.toMatch(STACK_TRACE);
    expect(readdirSync(dir).sort()).toEqual(['answers', 'out']);
    for (const c of LITERAL_CASES) {
      const expected = built.get(c.id);
      if (!expected) continue; // its own build test failed and says why
      expect(readFileSync(join(out, expected.dir, RULEBOOK), 'utf8'), c.id).toBe(expected.rulebook);
      expect(readFileSync(join(out, expected.dir, POLICY), 'utf8'), c.id).toBe(expected.policy);
    }
  });
});

describe('出力は完全に書けたときだけ置き換わり、--out の外には書かない', () => {
  it('PDF のフォントにない文字: build は止まり、前回の出力はそのまま残る', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const good = writeCase(dir, 'good.yaml', exampleWith('笑顔商事株式会社'));
    expect((await kitei('build', good, '--out', out)).code).toBe(0);
    tried.build++;
    const before = filesUnder(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]);

    // The same organization (the same folder), with a character the PDF fonts lack in its business.
    const bad = writeCase(dir, 'bad.yaml', exampleWith('笑顔商事株式会社', '笑顔😀商事'));
    const { code, err } = await kitei('build', bad, '--out', out, '--format', 'md,pdf');
    tried.build++;
    expect(code, err).toBe(1);
    expect(err).toContain('PDF のフォント（Noto Serif JP・Noto Sans JP）にない文字が1種類あります');
    expect(err).toContain('「😀」（U+1F600）');
    expect(err).not.toMatch(STACK_TRACE);
    expect(filesUnder(out).map((name) => [name, readFileSync(join(out, name), 'utf8')])).toEqual(before);
  });

  it('組織名が ../ で始まっても --out の中（名前の先頭のドットは 1 つの区切りではない）', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(insideDirectory('/tmp/out', safeFileName('../../etc/passwd'))).toBe('/tmp/out/.._.._etc_passwd');
    expect(insideDirectory('/tmp/out', '..x', 'a.md')).toBe('/tmp/out/..x/a.md');
    expect(() => insideDirectory('/tmp/out', '..')).toThrow(/外には書き込めません/u);
    expect(() => insideDirectory('/tmp/out', '../x')).toThrow(/外には書き込めません/u);
    expect(() => insideDirectory('/tmp/out', '/etc/passwd')).toThrow(/外には書き込めません/u);
  });

  it('--out がファイル: 書き込めないと日本語で示し、終了コード 1', async () => {
    const dir = tempDir();
    const file = writeCase(dir, 'answers.yaml', exampleWith('例示株式会社'));
    writeFileSync(join(dir, 'not-a-directory'), 'x');
    const { code, err } = await kitei('build', file, '--out', join(dir, 'not-a-directory'));
    tried.build++;
    expect(code, err).toBe(1);
    expect(err).toMatch(/^エラー: 出力先に書き込めません（ENOTDIR）/u);
    expect(err).not.toMatch(STACK_TRACE);
    expect(readFileSync(join(dir, 'not-a-directory'), 'utf8')).toBe('x');
  });

  it('--out が作れない場所（/proc の下、行き先のないシンボリックリンク）: 止まらずに日本語のエラー、終了コード 1', async () => {
    const dir = tempDir();
    const file = writeCase(dir, 'answers.yaml', exampleWith('例示株式会社'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    const outs = [join(dir, 'dangling', 'out'), ...(existsSync('/proc/self') ? ['/proc/kitei-nope'] : [])];
    for (const out of outs) {
      const { code, err } = await kitei('build', file, '--out', out);
      tried.build++;
      expect(code, err).toBe(1);
      expect(err).toMatch(/^エラー: 出力先に書き込めません（(ENOENT|EEXIST)）/u);
      expect(err).not.toMatch(STACK_TRACE);
    }
  }, 30_000);
});
