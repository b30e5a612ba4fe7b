import { inlineText } from '../../model/text.js';
import type { Table, TableCell } from '../../model/types.js';
import { phraseStarts } from './phrases.js';

/**
 * What the PDF and Word writers decide alike about a table's columns: widths that let labels break
 * between words — a column of labels or short values is at least as wide as its widest phrase
 * (「アカウントロック」 rather than 「アカウントロッ / ク」) — and which columns of a form take a mark.
 */

/** Each cell of a table with the row and column it starts at (cells covered by a row span are absent from their row). */
export function placedCells(table: Table): { row: number; col: number; cell: TableCell }[] {
  const count = table.columns.length;
  const covered = table.columns.map(() => 0);
  const out: { row: number; col: number; cell: TableCell }[] = [];
  table.children.forEach((row, r) => {
    let c = 0;
    for (const cell of row.children) {
      while (c < count && covered[c]! > 0) c++;
      if (c >= count) break;
      out.push({ row: r, col: c, cell });
      const span = Math.max(1, Math.min(cell.colSpan, count - c));
      for (let k = c; k < c + span; k++) covered[k] = Math.max(1, cell.rowSpan);
      c += span;
    }
    for (let k = 0; k < count; k++) covered[k] = Math.max(0, covered[k]! - 1);
  });
  return out;
}

/**
 * The columns of a checklist whose header asks for a mark (○、×、✓): their empty cells are boxes
 * to mark by hand.
 */
export function markColumns(table: Table): boolean[] {
  const texts = table.columns.map(() => '');
  if (table.variant !== 'checklist') return texts.map(() => false);
  for (const { row, col, cell } of placedCells(table)) {
    if (row >= table.headerRows) continue;
    const text = cell.children.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : '')).join('');
    for (let k = col; k < Math.min(texts.length, col + Math.max(1, cell.colSpan)); k++) texts[k] += text;
  }
  return texts.map((text) => /[○×✓✔]/u.test(text));
}

/**
 * The widths of a table's columns in a total width: the template's proportions, with the columns of
 * labels (the header rows, a label column) and of short values widened to their widest phrase.
 * `measure` gives the width a line of a cell takes, padding included, in the unit of `total`.
 */
export function columnWidths(table: Table, total: number, measure: (text: string, header: boolean) => number): number[] {
  const sum = table.columns.reduce((n, c) => n + c.width, 0) || 1;
  const mins = table.columns.map(() => 0);
  const maxes = table.columns.map(() => 0);
  for (const { row, col, cell } of placedCells(table)) {
    if (cell.colSpan > 1) continue;
    const header = row < table.headerRows;
    for (const block of cell.children) {
      if (block.type !== 'paragraph' && block.type !== 'label') {
        maxes[col] = Infinity;
        continue;
      }
      // Each line of the rules in a cell counts on its own (a name and the product under it).
      for (const line of inlineText(block.children).split('\n')) {
        const short = [...line].length <= SHORT_CELL;
        maxes[col] = short ? Math.max(maxes[col]!, measure(line, header)) : Infinity;
        if (header || (table.headerColumn && col === 0) || short) mins[col] = Math.max(mins[col]!, widestPhrase(line, (s) => measure(s, header)));
      }
    }
  }
  return fitColumns(
    table.columns.map((c) => (c.width / sum) * total),
    mins,
    maxes,
  );
}

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
