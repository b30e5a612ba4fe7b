import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.js';
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
  it('--resume で回答ファイルを開き、直して保存し、その場で文書を作る', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-init-'));
    const file = join(dir, 'midori.yaml');
    copyFileSync(join(ROOT, 'answers', 'midori-kumiai.yaml'), file);
    const prompts = new ScriptedPrompts({
      'wizard.mode': 'todos',
      'wizard.review': 'save',
      'wizard.formats': [['md']],
    });
    terminal.prompts = prompts;
    const { code } = await kitei('init', '--resume', file, '--out', join(dir, 'output'));
    expect(code).toBe(0);
    expect(loadAnswersFile(file).organization.name).toBe(loadAnswersFile(join(ROOT, 'answers', 'midori-kumiai.yaml')).organization.name);
    const [organization] = readdirSync(join(dir, 'output'));
    expect(readdirSync(join(dir, 'output', organization!)).some((f) => f.endsWith('.md'))).toBe(true);
  });

  it('存在しない回答ファイルを --resume すると、終了コード 1 で理由を示す', async () => {
    terminal.prompts = new ScriptedPrompts();
    const { code, err } = await kitei('init', '--resume', '/nonexistent/x.yaml');
    expect(code).toBe(1);
    expect(err).toContain('/nonexistent/x.yaml: ファイルが見つかりません');
  });
});
