import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../../src/model/types.js';
import { bodyFlow, flowBlocks } from '../../src/render/pdf/flow.js';
import { flattenOps } from '../../src/render/pdf/ops.js';
import { geometryOf } from '../../src/render/pdf/style.js';
import { cell, para, row } from '../support/builders.js';

/**
 * A table inside a table's cell (a 新旧対照表 holds a section's tables in its cells): cut where its
 * cell is cut, not moved on whole. The page is landscape A4 as in a 新旧対照表.
 */

const flow = bodyFlow(geometryOf('landscape'));
const table = (variant: Table['variant'], rows: Table['children'], widths = [1, 1]): Table => ({
  type: 'table',
  columns: widths.map((width) => ({ width }),),
  headerRows: 1,
  headerColumn: false,
  variant,
  children: rows,
});
/** One line of cell text per item, `n` items: a row about `n` lines tall. */
const tallCell = (label: string, n: number): Block[] => Array.from({ length: n }, (_, i) => para(`${label}の${i + 1}行目の説明`));
const inner = (rows: number[]) => table('default', [row(cell('情報システム'), cell('導入手順・制限事項')), ...rows.map((n, i) => row(cell(`システム${i + 1}`), cell(tallCell(`システム${i + 1}`, n))))]);
const outer = (nested: Table) => table('comparison', [row(cell('改正後'), cell('改正前')), row(cell('（削除）'), cell([para('6.1.1 テレワークで利用する情報システム'), nested]))]);

/** The text drawn, as one string (a line is drawn in several runs). */
const texts = (ops: Parameters<typeof flattenOps>[0]) => flattenOps(ops).flatMap((op) => (op.kind === 'text' ? [op.chars.join('')] : [])).join('');

describe('PDF: a table inside a cell', () => {
  const [box] = flowBlocks([outer(inner([2, 14, 3]))], flow);
  const pageHeight = flow.pageHeight;

  it('starts at the foot of a page with its first short row, where its cell is cut (no empty rest of the page)', () => {
    // Room for the outer header, the heading, the inner header and the first inner row, not the tall second one.
    const pieces = box!.split!(pageHeight * 0.3, false);
    expect(pieces).toBeDefined();
    const head = texts(pieces!.head.ops);
    expect(head).toContain('システム1の2行目');
    expect(head).not.toContain('システム2');
  });

  it('cuts a row taller than a quarter of the page between its lines, the rest continuing on the next page', () => {
    const pieces = box!.split!(pageHeight * 0.55, false)!;
    const head = texts(pieces.head.ops);
    const tail = texts(pieces.tail.ops);
    // Some lines of the tall row above the cut, the others below it, none lost or repeated.
    const lines = Array.from({ length: 14 }, (_, i) => `システム2の${i + 1}行目`);
    const above = lines.filter((l) => head.includes(l));
    const below = lines.filter((l) => tail.includes(l));
    expect(above.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(0);
    expect([...above, ...below]).toEqual(lines);
    // The head fills the room it was given but for less than two lines of cell text.
    expect(pieces.head.height).toBeGreaterThan(pageHeight * 0.55 - 40);
  });
});
