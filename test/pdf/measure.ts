import { documentText } from '../../src/model/text.js';
import type { Document } from '../../src/model/types.js';
import type { Layout } from '../../src/render/pdf/index.js';
import { flattenOps } from '../../src/render/pdf/ops.js';
import { face } from '../../src/render/text/fonts.js';
import { charClass, CLOSING, OPENING, STRETCH_LIMIT } from '../../src/render/text/linebreak.js';

/**
 * Measurements of a laid-out document, as a typesetter would check the proofs: how far lines are
 * spaced out, how full pages are, whether any text went missing. Worked out from the drawing
 * operations and the extracted text, not from the line breaker's own account.
 */

export interface Stretch {
  readonly page: number;
  /** The two characters and the line they are in. */
  readonly pair: string;
  readonly line: string;
  /** Extra space between them beyond their natural spacing, in ems. */
  readonly extra: number;
  readonly limit: number;
}

/**
 * Gaps between neighbouring glyphs of a run wider than the justification may make them: inside a
 * Latin word none, a Western space up to half an em, Japanese next to Latin (和欧間) up to half an
 * em, any other pair of characters an eighth of an em beyond its natural spacing.
 */
export function overStretched(layout: Layout): Stretch[] {
  const out: Stretch[] = [];
  layout.pages.forEach((page, index) => {
    for (const op of flattenOps(page.ops)) {
      if (op.kind !== 'text') continue;
      const f = face(op.face);
      const advance = (ch: string) => (f.advance(ch.codePointAt(0)!) * op.size) / 1000;
      for (let k = 1; k < op.chars.length; k++) {
        const a = op.chars[k - 1]!;
        const b = op.chars[k]!;
        const gap = (op.offsets[k]! - op.offsets[k - 1]! - advance(a)) / op.size;
        const ca = charClass(a);
        const cb = charClass(b);
        let extra: number;
        let limit: number;
        if (ca === 'space') [extra, limit] = [gap + advance(a) / op.size, STRETCH_LIMIT.space];
        else if (cb === 'space') [extra, limit] = [gap, 0];
        else if (ca === 'latin' && cb === 'latin') [extra, limit] = [gap, 0];
        else if ((ca === 'latin') !== (cb === 'latin')) [extra, limit] = [gap, 0.25 + STRETCH_LIMIT.mixed];
        else [extra, limit] = [gap - naturalSpacing(a, b), STRETCH_LIMIT.other];
        if (extra > limit + 0.002) out.push({ page: index + 1, pair: a + b, line: op.chars.join(''), extra, limit });
      }
    }
  });
  return out;
}

/** Spacing of a pair of full-width characters before justification, in ems (約物の連続). */
const naturalSpacing = (a: string, b: string): number => (CLOSING.has(a) && (CLOSING.has(b) || OPENING.has(b)) ? -0.5 : OPENING.has(a) && OPENING.has(b) ? -0.5 : 0);

export interface Fill {
  readonly page: number;
  /** Share of the text block's height in use. */
  readonly fill: number;
}

/** Body pages filled less than `fraction`, other than a document's last and those before a forced break. */
export function underfilled(layout: Layout, fraction: number): Fill[] {
  return layout.pages.flatMap((page, index) => {
    if (page.kind !== 'body' || page.broken || index === layout.pages.length - 1) return [];
    const fill = page.filled / page.geometry.textHeight;
    return fill < fraction ? [{ page: index + 1, fill }] : [];
  });
}

/**
 * Characters of the model's text that the extracted text of the PDF lacks, with how many are
 * missing: every character a reader should see must be in the file (whitespace aside, which is
 * layout). Counted as a multiset, so a character dropped anywhere shows even when it appears elsewhere.
 */
export function missingText(doc: Document, extracted: string): { character: string; missing: number }[] {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const ch of text.normalize('NFC').replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    return counts;
  };
  const have = count(extracted);
  const out: { character: string; missing: number }[] = [];
  for (const [character, n] of count(documentText(doc))) {
    const missing = n - (have.get(character) ?? 0);
    if (missing > 0) out.push({ character, missing });
  }
  return out;
}
