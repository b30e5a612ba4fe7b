import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import type { Block, Document } from '../src/model/types.js';
import { inlineText } from '../src/model/text.js';
import { renderMarkdown } from '../src/render/markdown/index.js';
import { chapterHeading, headingAffixes } from '../src/transform/numbering.js';
import { answersFile, fixture, ROOT, testTemplates } from './support/build.js';

/**
 * Golden files: the document model (JSON) and the Markdown of every document of every bundled
 * example and every answers fixture, and the outline of the combined pack (its parts hold the same
 * documents). `UPDATE=1 npx vitest run test/golden.test.ts` rewrites them; review the diff.
 */

/** The pack's table of contents as text: parts, chapters and numbered headings, indented by depth. */
export function outline(pack: Document): string {
  const lines = [pack.meta.title];
  const walk = (blocks: readonly Block[], depth: number) => {
    for (const node of blocks) {
      const pad = '  '.repeat(depth);
      if (node.type === 'part') {
        lines.push(`${pad}${node.number ? `${node.number}\u3000` : ''}${node.title}（${node.classification}${node.orientation === 'landscape' ? '・横' : ''}）`);
        walk(node.children, depth + 1);
      } else if (node.type === 'chapter') {
        lines.push(`${pad}${chapterHeading(node)}`);
        walk(node.children, depth + 1);
      } else if (node.type === 'section') {
        const { before, after } = headingAffixes(node);
        lines.push(`${pad}${before}${inlineText(node.title)}${after}`);
        walk(node.children, depth + 1);
      }
    }
  };
  walk(pack.children, 1);
  return `${lines.join('\n')}\n`;
}

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

  it('配布用の合本の構成（部・章・節）', () => {
    if (!result.pack) return;
    compare(join(GOLDEN_DIR, `${name}.pack.outline.txt`), outline(result.pack));
  });

  it('同じ回答からは同じ出力', () => {
    const again = generate(answersFile(source), testTemplates());
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});
