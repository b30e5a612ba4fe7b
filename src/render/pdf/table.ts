import type { Block, Note, Table } from '../../model/types.js';
import { inlineText } from '../../model/text.js';
import { columnWidths, markColumns, placedCells } from '../text/columns.js';
import { face } from '../text/fonts.js';
import { flowBlocks, nestedFlow, type Flow } from './flow.js';
import { translate, type Op } from './ops.js';
import type { Box } from './paginate.js';
import { CELL, CELL_HEADER, COLORS, NOTE, TABLE, type TextStyle } from './style.js';

/**
 * Tables (and boxed notes, which are one-cell tables) as grids of rows and cell parts that can be cut
 * anywhere: between rows, or inside a row between lines of its cells. A cell spanning rows is one
 * part; cut through, it continues in the next page's part. The header rows repeat at the top of
 * every page the table continues on.
 */

interface Item {
  /** From the top of the part, padding included. */
  readonly y: number;
  readonly height: number;
  readonly ops: readonly Op[];
  /** The box laid out, when it can split (a table inside a cell): cut through, it continues on the next page. */
  readonly box?: Box;
}

interface Part {
  readonly row: number;
  readonly rowSpan: number;
  readonly x: number;
  readonly width: number;
  readonly items: readonly Item[];
  readonly fill?: string;
  readonly valign: 'top' | 'middle';
  /** An empty answer box of a checklist form. */
  readonly answer: boolean;
}

interface Grid {
  readonly rows: readonly number[];
  readonly parts: readonly Part[];
}

interface Look {
  readonly padX: number;
  readonly padY: number;
  /** Draw cell borders (a note has only its frame). */
  readonly grid: boolean;
  readonly frameWidth: number;
}

const TABLE_LOOK: Look = { padX: TABLE.padX, padY: TABLE.padY, grid: true, frameWidth: TABLE.frameWidth };
const NOTE_LOOK: Look = { padX: 10, padY: 7, grid: false, frameWidth: 0.6 };

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function contentHeight(part: Part, look: Look): number {
  const last = part.items[part.items.length - 1];
  return last ? last.y + last.height + look.padY : 2 * look.padY;
}

/** Stacks a cell's boxes into items, spacing collapsed between them. */
function stack(boxes: readonly Box[], look: Look): Item[] {
  const items: Item[] = [];
  let y = look.padY;
  let after = 0;
  boxes.forEach((box, i) => {
    y += i === 0 ? 0 : Math.max(after, box.spaceBefore);
    items.push({ y, height: box.height, ops: box.ops, ...(box.split ? { box } : {}) });
    y += box.height;
    after = box.spaceAfter;
  });
  return items;
}

/** Grows rows until every part fits: single-row parts first, then spans grow their last row. */
function fitRows(rows: number[], parts: readonly Part[], look: Look): number[] {
  const out = [...rows];
  const ordered = [...parts].sort((a, b) => a.rowSpan - b.rowSpan);
  for (const part of ordered) {
    const need = contentHeight(part, look);
    const have = sum(out.slice(part.row, part.row + part.rowSpan));
    if (need > have) out[part.row + part.rowSpan - 1]! += need - have;
  }
  return out;
}

const isShort = (blocks: readonly Block[]) => blocks.every((b) => b.type === 'paragraph' && inlineText(b.children).length <= 4);

function tableGrids(node: Table, flow: Flow): { header: Grid | undefined; body: Grid; look: Look } {
  const look = TABLE_LOOK;
  const columnCount = node.columns.length;
  const checklist = node.variant === 'checklist';

  const headerCount = Math.min(node.headerRows, node.children.length);
  const parts: Part[] = [];
  const placement = placedCells(node);
  // Columns of short values (numbers, levels, ○/×) are centred.
  const bodyCells = placement.filter((p) => p.row >= headerCount).map((p) => ({ col: p.col, blocks: p.cell.children }));
  // Columns of labels and short values are as wide as their widest phrase (shared with Word).
  const widths = columnWidths(node, flow.width, (text, header) => {
    const style = header ? CELL_HEADER : CELL;
    return face(style.face).width(text, style.size) + 2 * look.padX + 1;
  });
  const lefts = widths.map((_, i) => sum(widths.slice(0, i)));
  // A form's answer cells are empty; a column that asks for a mark (○、×) also gets a box for it.
  const tickColumn = markColumns(node);
  const centredColumn = widths.map((w, col) => {
    const cells = bodyCells.filter((b) => b.col === col);
    return cells.length > 0 && cells.every((b) => isShort(b.blocks)) && w < flow.width * 0.25;
  });
  for (const { row, col, cell } of placement) {
    const header = row < headerCount;
    const colSpan = Math.max(1, Math.min(cell.colSpan, columnCount - col));
    const rowSpan = Math.max(1, Math.min(cell.rowSpan, header ? headerCount - row : node.children.length - row));
    const width = sum(widths.slice(col, col + colSpan));
    const labelColumn = !header && node.headerColumn && col === 0;
    const text: TextStyle = header ? CELL_HEADER : CELL;
    // The page's height goes in too: a long row of a table inside this cell is cut like any other table's.
    const cellFlow: Flow = { ...nestedFlow(width - 2 * look.padX, text, header || centredColumn[col] ? 'center' : 'justify', 3), pageHeight: flow.pageHeight, phrases: header || labelColumn ? 'all' : 'short' };
    parts.push({
      row,
      rowSpan,
      x: lefts[col]!,
      width,
      items: stack(flowBlocks(cell.children, cellFlow), look),
      fill: header ? COLORS.headerFill : labelColumn ? COLORS.headerColumnFill : undefined,
      valign: header ? 'middle' : 'top',
      answer: !header && tickColumn[col] === true && cell.children.length === 0,
    });
  }
  const minRow = (r: number) => (checklist && r >= headerCount ? TABLE.answerRowMin : CELL.leading + 2 * look.padY);
  const rowsOf = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => minRow(from + k));
  const headerParts = parts.filter((p) => p.row < headerCount);
  const bodyParts = parts.filter((p) => p.row >= headerCount).map((p) => ({ ...p, row: p.row - headerCount }));
  const header = headerCount > 0 ? { rows: fitRows(rowsOf(0, headerCount), headerParts, look), parts: headerParts } : undefined;
  const body = { rows: fitRows(rowsOf(headerCount, node.children.length), bodyParts, look), parts: bodyParts };
  return { header, body, look };
}

/** Draws a grid with its top at y = 0. */
function drawGrid(grid: Grid, look: Look, width: number): Op[] {
  const tops = grid.rows.map((_, i) => sum(grid.rows.slice(0, i)));
  const height = sum(grid.rows);
  const fills: Op[] = [];
  const content: Op[] = [];
  const lines: Op[] = [];
  for (const part of grid.parts) {
    const top = tops[part.row]!;
    const h = sum(grid.rows.slice(part.row, part.row + part.rowSpan));
    if (part.fill) fills.push({ kind: 'rect', x: part.x, y: top, width: part.width, height: h, fill: part.fill });
    const offset = part.valign === 'middle' ? Math.max(0, (h - contentHeight(part, look)) / 2) : 0;
    for (const item of part.items) content.push(...translate(item.ops, part.x + look.padX, top + item.y + offset));
    if (part.answer) {
      const s = TABLE.answerBox;
      content.push({ kind: 'rect', x: part.x + (part.width - s) / 2, y: top + (h - s) / 2, width: s, height: s, stroke: COLORS.grid, lineWidth: 0.6 });
    }
    if (look.grid) lines.push({ kind: 'rect', x: part.x, y: top, width: part.width, height: h, stroke: COLORS.grid, lineWidth: TABLE.gridWidth });
  }
  return [...fills, ...content, ...lines, { kind: 'rect', x: 0, y: 0, width, height, stroke: COLORS.rule, lineWidth: look.frameWidth }];
}

/**
 * Cuts a grid at `cut` (from its top): rows and parts above stay, parts cut through keep the lines
 * that fit and continue below with the rest, moved up to the top of their part.
 */
function cutGrid(grid: Grid, cut: number, look: Look): { head: Grid; tail: Grid } | undefined {
  const tops = grid.rows.map((_, i) => sum(grid.rows.slice(0, i)));
  const bottoms = grid.rows.map((h, i) => tops[i]! + h);
  const headRows: number[] = [];
  const tailRows: number[] = [];
  // Original row index → tail row index.
  const tailIndex: number[] = [];
  grid.rows.forEach((h, i) => {
    if (bottoms[i]! <= cut + 0.01) headRows.push(h);
    else if (tops[i]! >= cut - 0.01) {
      tailIndex[i] = tailRows.length;
      tailRows.push(h);
    } else {
      headRows.push(cut - tops[i]!);
      tailIndex[i] = tailRows.length;
      // Refitted below from its parts' remaining content.
      tailRows.push(CELL.leading + 2 * look.padY);
    }
  });
  if (headRows.length === 0 || tailRows.length === 0) return undefined;
  const head: Part[] = [];
  const tail: Part[] = [];
  let kept = false;
  for (const part of grid.parts) {
    const top = tops[part.row]!;
    const last = part.row + part.rowSpan - 1;
    const bottom = bottoms[last]!;
    if (bottom <= cut + 0.01) {
      head.push(part);
      continue;
    }
    if (top >= cut - 0.01) {
      tail.push({ ...part, row: tailIndex[part.row]! });
      continue;
    }
    const fits = (item: Item) => top + item.y + item.height <= cut - look.padY + 0.01;
    const stay = part.items.filter(fits);
    const go = part.items.filter((item) => !fits(item));
    // A box that splits (a table in the cell) gives the lines that fit and continues below.
    const first = go[0];
    if (first?.box?.split) {
      const room = cut - look.padY - top - first.y;
      const pieces = room > 0 ? first.box.split(room, stay.length === 0 && top < 0.01) : undefined;
      if (pieces) {
        stay.push({ y: first.y, height: pieces.head.height, ops: pieces.head.ops, box: pieces.head });
        const shorter = first.height - pieces.tail.height;
        go.splice(0, go.length, { y: first.y, height: pieces.tail.height, ops: pieces.tail.ops, box: pieces.tail }, ...go.slice(1).map((item) => ({ ...item, y: item.y - shorter })));
      }
    }
    // Only content that will not come again below counts: a label repeated below is no progress.
    if (stay.length && go.length) kept = true;
    head.push({ ...part, rowSpan: headRows.length - part.row, items: stay, valign: stay.length === part.items.length ? part.valign : 'top' });
    const shiftUp = go.length ? go[0]!.y - look.padY : 0;
    const firstTail = grid.rows.findIndex((_, i) => tailIndex[i] !== undefined);
    tail.push({
      ...part,
      row: 0,
      rowSpan: tailIndex[last]! - tailIndex[Math.max(part.row, firstTail)]! + 1,
      // A merged label (a checklist's 区分) that fitted above is repeated, so the rows below keep it.
      items: go.length ? go.map((item) => ({ ...item, y: item.y - shiftUp })) : stay,
      valign: go.length === part.items.length ? part.valign : 'top',
    });
  }
  // The head must hold something: a whole row, or lines of a row cut through.
  const wholeRows = bottoms.filter((b) => b <= cut + 0.01).length;
  if (wholeRows === 0 && !kept) return undefined;
  return { head: { rows: headRows, parts: head }, tail: { rows: fitRows(tailRows, tail, look), parts: tail } };
}

/** Row boundaries (index of the row below) with their offsets from the top. */
function boundaries(grid: Grid): { index: number; top: number }[] {
  const out: { index: number; top: number }[] = [];
  let top = 0;
  for (let i = 1; i < grid.rows.length; i++) {
    top += grid.rows[i - 1]!;
    out.push({ index: i, top });
  }
  return out;
}

function gridBox(header: Grid | undefined, body: Grid, look: Look, width: number, spacing: { before: number; after: number }, pageHeight: number, nested: boolean): Box {
  const headerHeight = header ? sum(header.rows) : 0;
  const bodyHeight = sum(body.rows);
  // Drawn only when placed: a long table is cut page by page, and each remainder is cut again.
  let drawn: Op[] | undefined;
  const draw = () => [...(header ? drawGrid(header, look, width) : []), ...translate(drawGrid(body, look, width), 0, headerHeight)];
  const firstRow = body.rows[0] ?? 0;
  const tops = [0, ...boundaries(body).map((b) => b.top)];
  // A row taller than this share of the page is cut between its lines rather than moved whole.
  const tall = TABLE.tallRow * pageHeight;
  // A first row shorter than this does not start a table at the foot of a page alone. A table in
  // a cell starts wherever its cell is cut: the row around it holds the page's place, and moving
  // the table on would leave the rest of that cell's page empty.
  const slight = nested ? 0 : pageHeight / 8;
  /** Least body height worth starting the table with on a page that has something on it already. */
  const leastHead = (() => {
    const [first = 0, second] = body.rows;
    if (first > tall) return TABLE.minRowPart;
    if (second === undefined || body.rows.length < 3 || first >= slight) return first;
    return first + (second > tall ? TABLE.minRowPart : second);
  })();
  const split = (available: number, fresh: boolean): { head: Box; tail: Box } | undefined => {
    const room = available - headerHeight;
    if (room <= look.padY * 2 + CELL.leading) return undefined;
    // Break between rows where possible; merged cells cut there continue (or repeat) below.
    const whole = tops.filter((top, i) => i > 0 && top <= room + 0.01).length;
    let cut: number | undefined = whole > 0 ? tops[whole] : undefined;
    // The row that does not fit: a tall one is cut inside when enough of it fits here.
    const next = body.rows[whole];
    if (next !== undefined && next > tall && room - (cut ?? 0) >= TABLE.minRowPart) cut = room;
    if (cut === undefined) {
      // Not even the first row fits: move the table on if a fresh page would hold the row,
      // otherwise cut the row itself between lines.
      if (!fresh && firstRow + headerHeight <= pageHeight) return undefined;
      cut = room;
    }
    // A table does not start at the foot of a page with a single short row of several.
    if (!fresh && whole < Math.min(2, body.rows.length - 1) && cut === tops[whole] && cut < slight) return undefined;
    const parts = cutGrid(body, cut, look);
    if (!parts) return undefined;
    return {
      head: gridBox(header, parts.head, look, width, { before: spacing.before, after: 0 }, pageHeight, nested),
      tail: gridBox(header, parts.tail, look, width, { before: 0, after: spacing.after }, pageHeight, nested),
    };
  };
  return {
    height: headerHeight + bodyHeight,
    spaceBefore: spacing.before,
    spaceAfter: spacing.after,
    keepWithNext: false,
    get ops() {
      return (drawn ??= draw());
    },
    split,
    minHead: headerHeight + leastHead,
    // What a page must carry of the table's end when the table is kept with what follows: its last two rows.
    minTail: sum(body.rows.slice(-2)),
  };
}

export function tableBox(node: Table, flow: Flow): Box {
  const { header, body, look } = tableGrids(node, flow);
  return gridBox(header, body, look, flow.width, { before: TABLE.before, after: TABLE.after }, flow.pageHeight, flow.nested);
}

export function noteBox(node: Note, flow: Flow): Box {
  const look = NOTE_LOOK;
  const inner = nestedFlow(flow.width - 2 * look.padX, flow.nested ? flow.text : NOTE, 'justify', 4);
  const part: Part = { row: 0, rowSpan: 1, x: 0, width: flow.width, items: stack(flowBlocks(node.children, inner), look), fill: COLORS.noteFill, valign: 'top', answer: false };
  const body: Grid = { rows: fitRows([2 * look.padY], [part], look), parts: [part] };
  return gridBox(undefined, body, look, flow.width, { before: 8, after: 10 }, flow.pageHeight, flow.nested);
}
