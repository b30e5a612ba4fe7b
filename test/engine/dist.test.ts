import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFile } from '../../src/build.js';
import { DEFAULT_TEMPLATE_DIR, loadTemplates, readTemplateLayer, templateSources } from '../../src/templates/load.js';
import { precompiledSpec, precompiledSpecData } from '../../src/templates/precompiled.js';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../support/build.js';
import { ensureBuilt, KITEI_BIN } from '../support/dist.js';

/** What users run is the bundle in dist/bundle/ with the templates compiled at build time: it must make what the sources make. */

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

describe('配布される形（dist/bundle と事前コンパイルしたテンプレート）', () => {
  it('npm run build はテンプレートの全ファイルと文書の題名を事前コンパイルする', () => {
    ensureBuilt();
    const templates = loadTemplates();
    const sources = templateSources(templates);
    expect(sources.length).toBeGreaterThanOrEqual(59);
    const missing = sources.filter(({ source }) => precompiledSpec(source) === undefined);
    expect(missing.map(({ file }) => file)).toEqual([]);
    // A template edited after the build has no spec and compiles at run time.
    expect(precompiledSpec(`${templates.documents[0]!.sections[0]?.source ?? templates.documents[0]!.title}\n追記`)).toBeUndefined();
  }, 120_000);

  it('npm run build は各文書の document.yaml をデータにしておく（実行時は YAML を読まない。書き換えたものは読む）', () => {
    ensureBuilt();
    const specs = [...readTemplateLayer(DEFAULT_TEMPLATE_DIR, null).specs.values()];
    expect(specs.length).toBeGreaterThanOrEqual(9);
    for (const spec of specs) expect(precompiledSpecData(spec.sha256), spec.file).toEqual(parseYaml(spec.source));
    expect(precompiledSpecData(createHash('sha256').update(`${specs[0]!.source}\n# 追記`).digest('hex'))).toBeUndefined();
  }, 120_000);

  it('bin/kitei.js（バンドル）で作った md・docx・pdf は、ソースから作ったものとバイト単位で同じ', async () => {
    ensureBuilt();
    const example = join(ROOT, 'answers', 'hikari-kyokai.yaml');
    const fromBundle = mkdtempSync(join(tmpdir(), 'kitei-dist-'));
    const fromSource = mkdtempSync(join(tmpdir(), 'kitei-src-'));
    const result = spawnSync(process.execPath, [KITEI_BIN, 'build', example, '--format', 'md,docx,pdf', '--out', fromBundle, '--no-history'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    await buildFile(example, { out: fromSource, formats: ['md', 'docx', 'pdf'], draft: false });
    const written = files(fromBundle);
    expect(written.length).toBeGreaterThanOrEqual(27);
    expect(written).toEqual(files(fromSource));
    const differing = written.filter((file) => !readFileSync(join(fromBundle, file)).equals(readFileSync(join(fromSource, file))));
    expect(differing).toEqual([]);
  }, 120_000);

  it('コードキャッシュ: npm run build が作り、V8 が受け付けないものは作り直し、前の kitei のものは消す（どれでも出力は同じ）', async () => {
    ensureBuilt();
    const shipped = readdirSync(join(ROOT, 'dist', 'bundle', 'code-cache'));
    expect(shipped.some((file) => file.includes(`-${process.version}-${process.platform}-${process.arch}.bin`))).toBe(true);
    // Its own temporary folder: the user's cache goes under TMPDIR.
    const tmp = mkdtempSync(join(tmpdir(), 'kitei-cc-'));
    const example = join(ROOT, 'answers', 'komorebi-sekkei.yaml');
    const build = (out: string, env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [KITEI_BIN, 'build', example, '--format', 'md,docx,pdf', '--out', out, '--no-history'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env } });
    const outputs = (dir: string) => files(dir).map((file) => [file, readFileSync(join(dir, file)).toString('base64')]);
    const withShipped = join(tmp, 'a');
    expect(build(withShipped).status).toBe(0);
    const userDir = join(tmp, `kitei-code-cache-${process.getuid?.() ?? 'user'}`);
    // The shipped cache was taken: nothing written for the user.
    expect(readdirSync(tmp)).not.toContain(`kitei-code-cache-${process.getuid?.() ?? 'user'}`);
    // A cache of the user's that V8 refuses (garbage) is replaced at the end of the build.
    mkdirSync(userDir, { mode: 0o700 });
    const name = shipped.find((file) => file.includes(`-${process.version}-`))!;
    writeFileSync(join(userDir, name), Buffer.alloc(4096, 7), { mode: 0o600 });
    writeFileSync(join(userDir, name.replace(/^main-[0-9a-f]+-/u, 'main-0000000000000000-')), 'stale');
    const withGarbage = join(tmp, 'b');
    const result = build(withGarbage);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(userDir, name)).length).toBeGreaterThan(100_000);
    // An earlier kitei's cache for this Node.js is removed.
    expect(readdirSync(userDir)).toEqual([name]);
    const without = join(tmp, 'c');
    expect(build(without, { KITEI_NO_CODE_CACHE: '1' }).status).toBe(0);
    expect(outputs(withGarbage)).toEqual(outputs(withShipped));
    expect(outputs(without)).toEqual(outputs(withShipped));
  }, 120_000);
});
