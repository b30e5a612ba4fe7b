import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { renderMarkdown } from '../src/render/markdown/index.js';
import { answersFile, fixture, ROOT, testTemplates } from './support/build.js';

/**
 * Golden files: the document model (JSON) and the Markdown of every bundled example and every
 * answers fixture. `UPDATE=1 npx vitest run test/golden.test.ts` rewrites them; review the diff.
 */

const GOLDEN_DIR = join(ROOT, 'test', 'golden');
const update = process.env.UPDATE === '1';

const sources = [
  ...readdirSync(join(ROOT, 'answers'))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => join(ROOT, 'answers', n)),
  ...readdirSync(fixture('answers'))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => fixture('answers', n)),
];

function compare(path: string, actual: string) {
  if (update || !existsSync(path)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    if (!update) throw new Error(`ゴールデンファイルがなかったので作りました: ${path}（内容を確認してコミットしてください）`);
    return;
  }
  expect(actual, `${path} と異なります（意図した変更なら UPDATE=1 で更新）`).toBe(readFileSync(path, 'utf8'));
}

describe.each(sources.map((s) => [basename(s, '.yaml'), s]))('ゴールデン: %s', (name, source) => {
  const result = generate(answersFile(source), testTemplates());

  it.each(result.documents.map((d) => [d.id, d]))('%s の文書モデル（JSON）と Markdown', (id, document) => {
    compare(join(GOLDEN_DIR, `${name}.${id}.model.json`), `${JSON.stringify(document, null, 1)}\n`);
    compare(join(GOLDEN_DIR, `${name}.${id}.md`), renderMarkdown(document));
  });

  it('同じ回答からは同じ出力', () => {
    const again = generate(answersFile(source), testTemplates());
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});
