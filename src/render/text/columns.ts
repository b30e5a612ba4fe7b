import { phraseStarts } from './phrases.js';

/**
 * Column widths that let labels break between words: a column of labels or short values is at
 * least as wide as its widest phrase (「アカウントロック」 rather than 「アカウントロッ / ク」).
 * Shared by the PDF and Word writers, so the two set a table's columns alike.
 */

/** A cell this short (in characters) holds a few words: its phrases set the column's least width. */
export const SHORT_CELL = 16;

/** Width of the widest phrase of `text` by `measure`. */
export function widestPhrase(text: string, measure: (chars: string) => number): number {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  if (chars.length === 0) return 0;
  const starts = phraseStarts(chars);
  let widest = 0;
  let from = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i < chars.length && !starts[i] && chars[i] !== ' ') continue;
    widest = Math.max(widest, measure(chars.slice(from, i).join('').trim()));
    from = i;
  }
  return widest;
}

/**
 * `widths` with each column at least its minimum (capped at `cap` of the total). The room comes
 * first from columns wider than all they hold (`maxes`: the widest content of a column of short
 * values, Infinity for a column of running text), then from the others in proportion to what they
 * have beyond their own minimum. The total stays.
 */
export function fitColumns(widths: readonly number[], mins: readonly number[], maxes: readonly number[] = [], cap = 0.4): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const floor = mins.map((m) => Math.min(m, total * cap));
  const out = [...widths];
  let need = out.reduce((n, w, i) => n + Math.max(0, floor[i]! - w), 0);
  if (need <= 0) return out;
  const grow = out.map((w, i) => Math.max(0, floor[i]! - w));
  const wanted = need;
  // Each stage gives what it can: slack beyond the content, then room beyond the minimum.
  for (const limit of [(i: number) => Math.max(floor[i]!, maxes[i] ?? Infinity), (i: number) => floor[i]!]) {
    const spare = out.map((w, i) => (grow[i]! > 0 ? 0 : Math.max(0, w - limit(i))));
    const available = spare.reduce((a, b) => a + b, 0);
    if (available <= 0) continue;
    const ratio = Math.min(1, need / available);
    spare.forEach((s, i) => (out[i] = out[i]! - s * ratio));
    need -= available * ratio;
    if (need <= 1e-9) break;
  }
  const given = wanted - need;
  return out.map((w, i) => (grow[i]! > 0 ? w + (grow[i]! / wanted) * given : w));
}
