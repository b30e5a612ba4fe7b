import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadTemplates, DEFAULT_TEMPLATE_DIR, type TemplateSet } from '../../src/templates/load.js';
import { ROOT } from '../support/build.js';

/** Helpers of the revision tests: golden files, the example company in a folder of its own, the CLI. */

const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE === '1';

export function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`ゴールデンファイルがなかったので作りました: ${file}（内容を確認してコミットしてください）`);
  }
  expect(actual, `${file} と異なります（意図した変更なら UPDATE=1 で更新）`).toBe(readFileSync(file, 'utf8'));
}

export const EXAMPLE = readFileSync(join(ROOT, 'answers', 'aoba-seiki.yaml'), 'utf8');

/** The example company's answers with some text replaced (each replacement must apply). */
export function exampleWith(...replacements: [string, string][]): string {
  let out = EXAMPLE;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`例の回答に「${from}」がありません`);
    out = out.replaceAll(from, to);
  }
  return out;
}

/** The example's telework block, and `telework: none` in its place (telework given up). */
export const TELEWORK_OFF: [string, string] = [/^telework:\n(?:(?: {2}.*| *#.*)?\n)+/mu.exec(EXAMPLE)![0], 'telework: none\n\n'];

/** The example's private-device rule turned into a ban. */
export const PRIVATE_DEVICES_OFF: [string, string] = ['    use: permitted', '    use: prohibited'];

/** The year-later change of the issue: another antivirus product, telework given up. */
export const ANTIVIRUS = 'Microsoft Defender for Endpoint';
export const NEW_ANTIVIRUS = 'ESET PROTECT Essentials';

/** A folder with `answers/aoba-seiki.yaml` holding `yaml`. */
export function companyFolder(yaml: string = EXAMPLE): { dir: string; answers: string; history: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kitei-revise-'));
  mkdirSync(join(dir, 'answers'));
  const answers = join(dir, 'answers', 'aoba-seiki.yaml');
  writeFileSync(answers, yaml);
  return { dir, answers, history: join(dir, 'answers', 'aoba-seiki.history'), out: join(dir, 'output') };
}

export async function kitei(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** kitei's templates with one sentence changed, as a new IPA edition or a legal fix would change them. */
export function editedTemplates(from: string, to: string, file: string): TemplateSet {
  const dir = mkdtempSync(join(tmpdir(), 'kitei-templates-'));
  cpSync(DEFAULT_TEMPLATE_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  if (!source.includes(from)) throw new Error(`${file} に「${from}」がありません`);
  writeFileSync(path, source.replace(from, to));
  return loadTemplates(dir);
}
