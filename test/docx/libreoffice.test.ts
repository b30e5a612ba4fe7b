import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineText } from '../../src/model/text.js';
import type { Block, Document } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { chapterHeading, headingAffixes } from '../../src/transform/numbering.js';
import { convertToPdf, hasCommand, pdfOutline, pdfText, type OutlineItem } from './libreoffice.js';
import { examplePack, exampleDocuments, examples } from './support.js';

/**
 * Each example's .docx opens in a real consumer: LibreOffice converts it to PDF, the PDF's text
 * holds every chapter and section title (in the table of contents and in the body, in order), and
 * its outline, which LibreOffice builds from the heading styles, is the document's tree of headings.
 * One conversion per example.
 */

const TOOLS = ['soffice', 'pdftotext', 'pdftohtml'];
const missing = TOOLS.filter((tool) => !hasCommand(tool));
const skip = missing.length > 0 && !process.env.CI;
if (skip) {
  console.warn(`LibreOffice check skipped: ${missing.join(', ')} not found (apt-get install libreoffice-writer-nogui poppler-utils). In CI it runs.`);
}

/** Headings as the reader sees them, with their depth in the tree (chapter = 1; in the pack, part = 1 and chapter = 2). */
function headings(doc: Document): OutlineItem[] {
  const out: OutlineItem[] = [];
  const walk = (blocks: readonly Block[], base: number) => {
    for (const block of blocks) {
      if (block.type === 'part') {
        out.push({ depth: 1, title: block.number ? `${block.number}\u3000${block.title}` : block.title });
        walk(block.children, 1);
      } else if (block.type === 'chapter') {
        out.push({ depth: base + 1, title: chapterHeading(block) });
        walk(block.children, base + 1);
      } else if (block.type === 'section') {
        const { before, after } = headingAffixes(block);
        out.push({ depth: block.level + Math.max(base, 1), title: `${before}${inlineText(block.title)}${after}` });
        walk(block.children, base);
      }
    }
  };
  walk(doc.children, 0);
  return out;
}

const squash = (text: string) => text.replace(/\s+/gu, '');

const work = skip ? '' : mkdtempSync(join(tmpdir(), 'kitei-docx-lo-'));
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skip)('docx opens in LibreOffice', () => {
  for (const example of examples()) {
    // The rulebook, and the pack, which holds every other document as a part: two conversions.
    it(`${example.name}`, { timeout: 120_000 }, async () => {
      const pack = examplePack(example);
      for (const doc of [exampleDocuments(example).find((d) => d.id === 'rulebook')!, ...(pack ? [pack] : [])]) {
        const docx = join(work, `${example.name}-${doc.id}.docx`);
        writeFileSync(docx, await renderDocx(doc));
        // One profile for the file's conversions, which run one after another.
        const pdf = convertToPdf(docx, work);

        const expected = headings(doc);
        expect(expected.length).toBeGreaterThan(0);
        // The navigation tree: every heading, in order, at its level.
        expect(pdfOutline(pdf)).toEqual(expected);

        // The text: the TOC lists chapters and sections down to level 2, then the body has every title.
        // The running header (title, classification) can fall between the words of a heading at the top of a page.
        const running = [doc.meta.title, doc.meta.classification].map(squash);
        const clean = (t: string) => running.reduce((acc, r) => acc.split(r).join(''), squash(t));
        const text = clean(pdfText(pdf));
        let at = 0;
        const find = (title: string, where: string) => {
          const found = text.indexOf(clean(title), at);
          expect(found, `${where}: ${title}`).toBeGreaterThanOrEqual(0);
          at = found + clean(title).length;
        };
        for (const h of expected.filter((h) => h.depth <= 3)) find(h.title, '目次');
        for (const h of expected) find(h.title, '本文');
      }
    });
  }
});
