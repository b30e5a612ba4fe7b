import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadAnswersFromFile } from '../../src/answers/load.js';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../support/build.js';
import { ScriptedPrompts } from './scripted-prompts.js';

// The terminal is replaced by a script: `kitei init` runs exactly as from a shell, minus the keys.
const terminal = vi.hoisted(() => ({ prompts: undefined as unknown }));
vi.mock('../../src/wizard/prompts.js', () => ({ createPrompts: () => terminal.prompts }));

async function kitei(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('kitei init', () => {
  it('--resume で回答ファイルを開き、そのまま保存して、その場で文書を作る', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-init-'));
    const file = join(dir, 'aoba.yaml');
    copyFileSync(join(ROOT, 'answers', 'aoba-seiki.yaml'), file);
    terminal.prompts = new ScriptedPrompts({ 'wizard.resume': 'review', 'wizard.review': 'save', 'wizard.formats': [['md']] });
    const { code } = await kitei('init', '--resume', file, '--out', join(dir, 'output'));
    expect(code).toBe(0);
    expect(loadAnswersFromFile(file).profile).toEqual(loadAnswersFromFile(join(ROOT, 'answers', 'aoba-seiki.yaml')).profile);
    const [organization] = readdirSync(join(dir, 'output'));
    expect(readdirSync(join(dir, 'output', organization!)).some((f) => f.endsWith('.md'))).toBe(true);
  });

  it('存在しない回答ファイル・以前の形式の回答ファイルを --resume すると、終了コード 1 で理由を示す', async () => {
    terminal.prompts = new ScriptedPrompts();
    const missing = await kitei('init', '--resume', '/nonexistent/x.yaml');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('/nonexistent/x.yaml: ファイルが見つかりません');
    const dir = mkdtempSync(join(tmpdir(), 'kitei-init-'));
    const old = join(dir, 'old.yaml');
    writeFileSync(old, 'organization:\n  name: 旧株式会社\n  type: company\noptions:\n  telework: false\n');
    const refused = await kitei('init', '--resume', old);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('以前の形式です');
    expect(refused.err).toContain('docs/migration.md');
  });
});
