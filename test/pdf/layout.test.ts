import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { Document } from '../../src/model/types.js';
import { layoutDocument, renderPdf, type Layout } from '../../src/render/pdf/index.js';
import { flattenOps } from '../../src/render/pdf/ops.js';
import { answersFile, fixture, ROOT, testTemplates } from '../support/build.js';
import { missingText, overStretched, underfilled } from './measure.js';
import { pdfText } from './support.js';

/**
 * The printed rulebook measured as a typesetter checks proofs, on every example: no line spaced out
 * beyond the justification limits, no page left part empty except before a page that must start
 * afresh, no character of the model missing from the file's text, no sub-heading left at the foot
 * of a page, no form's signature lines parted from its items.
 */

/** A body page that does not end before a forced break is at least this full. */
const FILL = 0.6;

const EXAMPLES = [join(ROOT, 'answers', 'aoba-seiki.yaml'), join(ROOT, 'answers', 'hikari-kyokai.yaml'), join(ROOT, 'answers', 'midori-kumiai.yaml'), fixture('answers', 'ipa-sample.yaml')];

const documentsOf = (file: string): Document[] => {
  const result = generate(answersFile(file), testTemplates());
  return [...result.documents, ...(result.pack ? [result.pack] : [])];
};

/** Text of each line of the body of a page, top to bottom (runs of one baseline joined). */
function pageLines(layout: Layout, page: number): string[] {
  const byBaseline = new Map<number, { x: number; text: string }[]>();
  for (const op of flattenOps(layout.pages[page]!.ops)) {
    if (op.kind !== 'text') continue;
    const y = Math.round(op.y * 10) / 10;
    byBaseline.set(y, [...(byBaseline.get(y) ?? []), { x: op.x, text: op.chars.join('') }]);
  }
  return [...byBaseline.entries()].sort((a, b) => a[0] - b[0]).map(([, runs]) => runs.sort((a, b) => a.x - b.x).map((r) => r.text).join(''));
}

describe.each(EXAMPLES.map((file) => [file.slice(file.lastIndexOf('/') + 1), file] as const))('layout of every document of %s', (_name, file) => {
  const laid = documentsOf(file).map((doc) => ({ doc, layout: layoutDocument(doc) }));

  it('stretches no line beyond the justification limits (no letter-spaced lines)', () => {
    for (const { doc, layout } of laid) expect(overStretched(layout), doc.id).toEqual([]);
  });

  it(`fills every page to ${FILL * 100}% at least, unless the next one must start afresh`, () => {
    for (const { doc, layout } of laid) expect(underfilled(layout, FILL), doc.id).toEqual([]);
  });

  it('leaves no sub-heading （＜…＞） or heading at the foot of a page', () => {
    for (const { doc, layout } of laid) {
      layout.pages.forEach((page, index) => {
        if (page.kind !== 'body') return;
        const last = pageLines(layout, index).at(-1) ?? '';
        expect(last, `${doc.id} p.${index + 1}`).not.toMatch(/^＜[^＜＞]+＞$/u);
      });
      // Headings: no section or chapter mark on the last line of a page.
      for (const mark of layout.marks) {
        if (mark.kind === 'front' || layout.pages[mark.page]!.kind !== 'body') continue;
        const lines = pageLines(layout, mark.page);
        expect(lines.at(-1), `${doc.id} p.${mark.page + 1}: ${mark.label}`).not.toBe(mark.label);
      }
    }
  });
});

describe('text of the example company in its PDF files', () => {
  const docs = documentsOf(join(ROOT, 'answers', 'aoba-seiki.yaml'));

  it('has every character of the model in the extracted text of every document', async () => {
    for (const doc of docs) expect(missingText(doc, pdfText(await renderPdf(doc))), doc.id).toEqual([]);
  });

  it('keeps a form’s signature lines on the page of its last items', async () => {
    const exit = docs.find((d) => d.id === 'exit-checklist')!;
    const pages = pdfText(await renderPdf(exit)).split('\f');
    const signed = pages.find((p) => p.includes('本人署名'))!;
    expect(signed).toContain('退職後も営業秘密');
    const vendor = docs.find((d) => d.id === 'vendor-checklist')!;
    const approved = pdfText(await renderPdf(vendor))
      .split('\f')
      .find((p) => p.includes('評価結果'))!;
    // The approval box keeps its whole label (it wraps rather than being cut).
    expect(approved).toContain('承認');
    expect(approved).toContain('（情報セキュリティ責任者）');
  });

  it('leaves no paragraph with a single character on its last line', async () => {
    for (const id of ['rulebook', 'my-number-rules', 'my-number-policy', 'basic-policy', 'contract-clauses']) {
      const text = pdfText(await renderPdf(docs.find((d) => d.id === id)!), '-raw');
      const lonely = text.split('\n').filter((line) => /^[^\s\d・][。、）」]*$/u.test(line));
      expect(lonely, id).toEqual([]);
    }
  });

  it('runs the 附則 on after the last article, unnumbered in the contents', async () => {
    const pack = docs.find((d) => d.id === 'pack')!;
    const layout = layoutDocument(pack);
    const supplementary = layout.marks.find((m) => m.label === '附則')!;
    expect(supplementary.number).toBe('');
    // After the last article's end, not on a page of its own: no forced break before it.
    const before = layout.pages[supplementary.page - 1]!;
    expect(supplementary.top > 0 || (!before.broken && before.filled > 0.85 * before.geometry.textHeight)).toBe(true);
    expect(pdfText(await renderPdf(pack))).not.toMatch(/\.\s*附則/u);
  });
});
