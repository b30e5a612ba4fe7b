import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT } from '../support/build.js';

/**
 * The wizard lives behind one prompts module: only src/wizard/prompts.ts imports @inquirer, the
 * CLI reaches the wizard through a dynamic import only, and build / check / batch never load it.
 */

const SRC = join(ROOT, 'src');
const FORBID = join(ROOT, 'test', 'wizard', 'support', 'forbid-inquirer.mjs');
const FROM_SOURCE = join(ROOT, 'test', 'batch', 'kitei-from-source.ts');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.ts$/u.test(name) ? [path] : [];
  });

/** Specifiers of static imports and re-exports (not `import()`). */
const staticImports = (source: string): string[] =>
  [...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gmu)].map((m) => (m[1] ?? m[2])!);

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/u, '.ts')));
      else seen.add(specifier);
    }
  };
  visit(entry);
  return seen;
}

describe('対話形式の分離', () => {
  it('@inquirer/prompts を読み込むのは src/wizard/prompts.ts だけ', () => {
    const importers = sourceFiles(SRC).filter((file) => /['"]@inquirer\//u.test(readFileSync(file, 'utf8')));
    expect(importers.map((f) => relative(ROOT, f))).toEqual(['src/wizard/prompts.ts']);
  });

  it('CLI の静的な依存には inquirer も対話形式の本体も入らない（動的 import だけ）', () => {
    const graph = staticGraph(join(SRC, 'cli', 'main.ts'));
    const reached = [...graph].map((f) => (f.startsWith('/') ? relative(ROOT, f) : f));
    expect(reached.filter((f) => f.startsWith('@inquirer') || (f.startsWith('src/wizard/') && f !== 'src/wizard/types.ts'))).toEqual([]);
    expect(readFileSync(join(SRC, 'cli', 'main.ts'), 'utf8')).toContain("await import('../wizard/index.js')");
  });

  it('kitei build と check は、inquirer を読み込めない状態でも動く', () => {
    const out = mkdtempSync(join(tmpdir(), 'kitei-isolation-'));
    const node = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', '--import', FORBID, FROM_SOURCE, ...args], { cwd: ROOT, encoding: 'utf8' });
    const built = node('build', fixture('answers', 'ipa-sample.yaml'), '--draft', '--out', out);
    expect(built.stderr).not.toContain('FORBIDDEN');
    expect(built.status).toBe(0);
    expect(node('check', fixture('answers', 'ipa-sample.yaml')).stderr).not.toContain('FORBIDDEN');
    // The guard itself works: the wizard does need inquirer.
    const wizard = node('init');
    expect(wizard.stderr).toMatch(/FORBIDDEN: @inquirer\/(core|prompts)/u);
  });

  it('端末がなければ対話形式は始まらず、引数なしの kitei はヘルプを表示して終了コード 1', () => {
    const node = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', FROM_SOURCE, ...args], { cwd: ROOT, encoding: 'utf8', input: '' });
    const bare = node();
    expect(bare.status).toBe(1);
    expect(bare.stdout).toContain('使い方: kitei');
    const init = node('init');
    expect(init.status).toBe(1);
    expect(init.stderr).toContain('対話形式の入力には端末が必要です');
  });
});
