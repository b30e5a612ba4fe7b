import { CELL_MARGIN, COLOR, TEXT_WIDTH } from './layout.js';
import { textRuns } from './runs.js';
import { STYLE } from './styles.js';
import { paragraph, propertiesOf, withParagraphProperty } from './xml.js';

/**
 * One way to build every table of the document (model tables, the chapter header, the revision
 * history, notes, the chart): fixed layout, columns scaled to the text width, thin rules, header
 * rows repeated on each page, and rows that are not split across pages.
 */

export interface GridCell {
  /** Written blocks, one paragraph or table each. */
  readonly children: readonly string[];
  readonly rowSpan?: number;
  readonly colSpan?: number;
  /** Shaded like a header. */
  readonly shaded?: boolean;
  readonly fill?: string;
  readonly verticalAlign?: 'top' | 'center';
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  /** Repeated at the top of each page the table runs onto. */
  readonly header?: boolean;
  /** Minimum height in twips (answer boxes of a checklist). */
  readonly minHeight?: number;
  /** May break across pages (rows are kept whole otherwise). */
  readonly breakable?: boolean;
}

export interface GridOptions {
  /** Total width in twips; the text width by default. */
  readonly width?: number;
  readonly alignment?: 'left' | 'center' | 'right';
  readonly fill?: string;
  readonly borderColor?: string;
  readonly borderSize?: number;
  /** Keep all rows on one page where they fit (a chart, a short header table). */
  readonly keepTogether?: boolean;
  /** Keep the last rows with what follows the table (a form's items with its signature lines). */
  readonly keepEnd?: number;
}

/** Scales relative widths to whole twips that add up to `total` exactly. */
export function scaleWidths(relative: readonly number[], total: number): number[] {
  const safe = relative.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, b) => a + b, 0);
  const out = safe.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** A cell as placed in its row. */
interface PlacedCell {
  readonly children: readonly string[];
  readonly width: number;
  readonly span: number;
  readonly rowSpan: number;
  readonly fill: string | undefined;
  readonly center: boolean;
  readonly continued: boolean;
}

/**
 * The cell that carries a row span on into the row below (w:vMerge continue): the span's
 * formatting and an empty paragraph aligned like the last one of the cell above.
 */
function continuation(cell: PlacedCell): PlacedCell {
  const last = cell.children[cell.children.length - 1];
  const alignment = last?.startsWith('<w:p') ? /<w:jc w:val="[^"]*"\/>/u.exec(propertiesOf(last))?.[0] : undefined;
  const children = last?.startsWith('<w:p') ? [alignment ? `<w:p><w:pPr>${alignment}</w:pPr></w:p>` : '<w:p/>'] : [];
  return { ...cell, children, rowSpan: cell.rowSpan - 1, continued: true };
}

/** Adds the continuation cells of row spans: each goes where its column is in the row below. */
function addContinuations(rows: PlacedCell[][]): void {
  rows.forEach((row, r) => {
    if (r === rows.length - 1) return;
    let column = 0;
    for (const cell of [...row]) {
      if (cell.rowSpan > 1) {
        const below = rows[r + 1]!;
        let index = 0;
        let covered = 0;
        while (index < below.length && covered + below[index]!.span <= column) covered += below[index++]!.span;
        below.splice(index, 0, continuation(cell));
      }
      column += cell.span;
    }
  });
}

function cellXml(cell: PlacedCell, keepNext: boolean): string {
  let properties = `<w:tcW w:type="dxa" w:w="${cell.width}"/>`;
  if (cell.span > 1) properties += `<w:gridSpan w:val="${cell.span}"/>`;
  if (cell.continued) properties += '<w:vMerge w:val="continue"/>';
  else if (cell.rowSpan > 1) properties += '<w:vMerge w:val="restart"/>';
  if (cell.fill) properties += `<w:shd w:fill="${cell.fill}" w:color="auto" w:val="clear"/>`;
  if (cell.center) properties += '<w:vAlign w:val="center"/>';
  // A cell ends with a paragraph, as Word requires.
  const children = cell.children.length && cell.children[cell.children.length - 1]!.startsWith('<w:p') ? cell.children : [...cell.children, '<w:p/>'];
  const content = keepNext ? children.map((block) => (propertiesOf(block).includes('<w:keepNext') ? block : withParagraphProperty(block, '<w:keepNext/>', 'afterStyle'))) : children;
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${content.join('')}</w:tc>`;
}

export function gridTable(columns: readonly number[], rows: readonly GridRow[], options: GridOptions = {}): string {
  const total = options.width ?? TEXT_WIDTH;
  const widths = scaleWidths(columns.length ? columns : [1], total);
  const columnCount = widths.length;
  // Columns still covered by a row span from above, as in HTML: covered cells are absent from their row.
  const covered = Array.from({ length: columnCount }, () => 0);
  const placed = rows.map((row) => {
    const cells: PlacedCell[] = [];
    let column = 0;
    const nextFree = () => {
      while (column < columnCount && covered[column]! > 0) column++;
    };
    for (const cell of row.cells) {
      nextFree();
      if (column >= columnCount) break;
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, columnCount - column));
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      for (let c = column; c < column + span; c++) covered[c] = rowSpan;
      cells.push({
        children: cell.children,
        width,
        span,
        rowSpan,
        fill: cell.fill ?? (cell.shaded ? COLOR.headerFill : options.fill),
        center: cell.verticalAlign === 'center',
        continued: false,
      });
      column += span;
    }
    // This row is placed: spans from above count down one row.
    for (let c = 0; c < columnCount; c++) if (covered[c]! > 0) covered[c]!--;
    return cells;
  });
  addContinuations(placed);

  const rule = `w:val="single" w:color="${options.borderColor ?? COLOR.rule}" w:sz="${options.borderSize ?? 4}"`;
  const margin = (side: keyof typeof CELL_MARGIN) => `<w:${side} w:type="dxa" w:w="${CELL_MARGIN[side]}"/>`;
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:jc w:val="${options.alignment ?? 'left'}"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${rule}/>`).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar>${margin('top')}${margin('left')}${margin('bottom')}${margin('right')}</w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  rows.forEach((row, index) => {
    const cells = placed[index]!;
    if (cells.length === 0) return; // Word has no rows without cells.
    const keepNext = row.header === true || (options.keepTogether === true && index < rows.length - 1) || index >= rows.length - (options.keepEnd ?? 0);
    let properties = row.breakable ? '' : '<w:cantSplit/>';
    if (row.header) properties += '<w:tblHeader/>';
    if (row.minHeight) properties += `<w:trHeight w:val="${row.minHeight}" w:hRule="atLeast"/>`;
    xml += `<w:tr>${properties && `<w:trPr>${properties}</w:trPr>`}${cells.map((cell) => cellXml(cell, keepNext)).join('')}</w:tr>`;
  });
  return `${xml}</w:tbl>`;
}

/** A shaded label cell: a header row's or a form's field name. */
export const labelCell = (text: string): GridCell => ({
  shaded: true,
  verticalAlign: 'center',
  children: [paragraph({ style: STYLE.tableHeading, alignment: 'center' }, textRuns(text))],
});

/** A value cell of one paragraph. */
export const valueCell = (runs: string, options: { center?: boolean; middle?: boolean } = {}): GridCell => ({
  ...(options.middle !== false ? { verticalAlign: 'center' as const } : {}),
  children: [paragraph({ style: STYLE.tableText, ...(options.center ? { alignment: 'center' as const } : {}) }, runs)],
});
