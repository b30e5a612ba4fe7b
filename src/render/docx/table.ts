import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { CELL_MARGIN, COLOR, TEXT_WIDTH } from './layout.js';
import { textRuns } from './runs.js';
import { STYLE } from './styles.js';

/**
 * One way to build every table of the document (model tables, the chapter header, the revision
 * history, notes, the chart): fixed layout, columns scaled to the text width, thin rules, header
 * rows repeated on each page, and rows that are not split across pages.
 */

export interface GridCell {
  readonly children: readonly (Paragraph | Table)[];
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
}

/** Scales relative widths to whole twips that add up to `total` exactly. */
export function scaleWidths(relative: readonly number[], total: number): number[] {
  const safe = relative.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, b) => a + b, 0);
  const out = safe.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export function gridTable(columns: readonly number[], rows: readonly GridRow[], options: GridOptions = {}): Table {
  const total = options.width ?? TEXT_WIDTH;
  const widths = scaleWidths(columns.length ? columns : [1], total);
  const columnCount = widths.length;
  const rule = { style: BorderStyle.SINGLE, size: options.borderSize ?? 4, color: options.borderColor ?? COLOR.rule };
  // Columns still covered by a row span from above, as in HTML: covered cells are absent from their row.
  const covered = Array.from({ length: columnCount }, () => 0);
  const tableRows = rows.map((row, index) => {
    const keepNext = row.header || (options.keepTogether && index < rows.length - 1);
    const cells: TableCell[] = [];
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
      const fill = cell.fill ?? (cell.shaded ? COLOR.headerFill : options.fill);
      cells.push(
        new TableCell({
          children: cell.children.length ? [...cell.children] : [new Paragraph({})],
          width: { size: width, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(rowSpan > 1 ? { rowSpan } : {}),
          ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
          ...(cell.verticalAlign === 'center' ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
        }),
      );
      column += span;
    }
    // This row is placed: spans from above count down one row.
    for (let c = 0; c < columnCount; c++) if (covered[c]! > 0) covered[c]!--;
    return new TableRow({
      children: cells,
      cantSplit: true,
      ...(row.header ? { tableHeader: true } : {}),
      ...(keepNext ? { keepNext: true } : {}),
      ...(row.minHeight ? { height: { value: row.minHeight, rule: HeightRule.ATLEAST } } : {}),
    });
  });
  return new Table({
    rows: tableRows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: options.alignment === 'center' ? AlignmentType.CENTER : options.alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    margins: { ...CELL_MARGIN, marginUnitType: WidthType.DXA },
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
  });
}

/** A shaded label cell: a header row's or a form's field name. */
export const labelCell = (text: string): GridCell => ({
  shaded: true,
  verticalAlign: 'center',
  children: [new Paragraph({ style: STYLE.tableHeading, alignment: AlignmentType.CENTER, children: textRuns(text) })],
});

/** A value cell of one paragraph. */
export const valueCell = (children: ParagraphChild[], options: { center?: boolean; middle?: boolean } = {}): GridCell => ({
  ...(options.middle !== false ? { verticalAlign: 'center' as const } : {}),
  children: [new Paragraph({ style: STYLE.tableText, ...(options.center ? { alignment: AlignmentType.CENTER } : {}), children })],
});
