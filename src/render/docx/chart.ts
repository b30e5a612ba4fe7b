import type { Chart, ChartBox, Inline } from '../../model/types.js';
import { STYLE } from './styles.js';
import { gridTable, type GridCell, type GridRow } from './table.js';
import { TEXT_WIDTH } from './layout.js';
import { paragraph, textRun } from './xml.js';

/**
 * The committee chart (情報セキュリティ委員会体制図) as Word structure: a tree laid out left to
 * right in a table, each box a cell spanning the rows of the boxes under it. Editable in Word and
 * readable in print.
 *
 * The seam: `chartBlocks` is the only thing the writer calls. When the shared chart layout of the
 * PDF writer can draw the chart as an image, return the title and a paragraph holding the picture
 * (a w:drawing, with its image part added to the package) from here instead and nothing else changes.
 */

type RenderInlines = (nodes: readonly Inline[]) => string;

const leaves = (box: ChartBox): number => (box.children.length ? box.children.reduce((n, c) => n + leaves(c), 0) : 1);
const depth = (box: ChartBox): number => 1 + Math.max(0, ...box.children.map(depth));

function boxCell(box: ChartBox, renderInlines: RenderInlines): GridCell {
  const [role, ...titles] = box.lines;
  const paragraphs = [
    paragraph({ style: STYLE.tableHeading, alignment: 'center' }, role ? renderInlines(role) : ''),
    ...titles.map((line) => paragraph({ style: STYLE.tableText, alignment: 'center' }, renderInlines(line))),
  ];
  return { children: paragraphs, rowSpan: leaves(box), verticalAlign: 'center', shaded: box.children.length > 0 };
}

export function chartBlocks(chart: Chart, renderInlines: RenderInlines): string[] {
  const columns = depth(chart.root);
  const rows: { cells: GridCell[] }[] = [];
  // Depth-first: a box opens the row of its first leaf; its first child continues that row.
  const walk = (box: ChartBox, level: number, row: { cells: GridCell[] } | undefined) => {
    const current = row ?? { cells: [] };
    if (!row) rows.push(current);
    current.cells.push(boxCell(box, renderInlines));
    if (box.children.length === 0) {
      // A leaf short of the deepest level spans the remaining columns.
      const last = current.cells[current.cells.length - 1]!;
      current.cells[current.cells.length - 1] = { ...last, colSpan: columns - level };
      return;
    }
    box.children.forEach((child, i) => walk(child, level + 1, i === 0 ? current : undefined));
  };
  walk(chart.root, 0, undefined);
  const title = paragraph({ style: STYLE.caption }, textRun(chart.title || '体制図'));
  const width = Math.min(TEXT_WIDTH, columns * 3400);
  return [title, gridTable(Array.from({ length: columns }, () => 1), rows as GridRow[], { width, alignment: 'center', keepTogether: true })];
}
