import { diffArrays } from 'diff';
import { forEachBlockInlines, inlineText } from '../model/text.js';
import type { Block, Inline, ListItem, TableCell, TableRow } from '../model/types.js';

/**
 * Word-level differences between two versions of the same blocks, marked in both: the words of the
 * new text that are not in the old one, and the old words they replace, are wrapped in `changed`
 * inlines, which writers underline. Japanese text is cut into words with `Intl.Segmenter('ja')`
 * (ICU's dictionary: 情報|セキュリティ|関連|規程), the sequences are diffed with the `diff` package,
 * and the structure of the blocks (list items, table rows and cells) is kept so that a changed cell
 * is underlined in its place in the table.
 */

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The words (and spaces and punctuation) of a text, in order; joined they give the text back. */
export const words = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** A run of UTF-16 offsets [start, end) of a text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * Ranges that differ between two texts, per side. Two changes with only a space or a single
 * character between them are one change: 「Microsoft Defender」→「ESET PROTECT」 is underlined
 * whole, not word by word around the space.
 */
export function changedRanges(before: string, after: string): { readonly before: Range[]; readonly after: Range[] } {
  if (before === after) return { before: [], after: [] };
  const changes = diffArrays(words(before), words(after));
  const old: Range[] = [];
  const neu: Range[] = [];
  let at = 0;
  let bt = 0;
  for (const change of changes) {
    const length = change.value.reduce((n, w) => n + w.length, 0);
    if (change.removed) {
      old.push({ start: at, end: at + length });
      at += length;
    } else if (change.added) {
      neu.push({ start: bt, end: bt + length });
      bt += length;
    } else {
      at += length;
      bt += length;
    }
  }
  return { before: joinClose(old, before), after: joinClose(neu, after) };
}

function joinClose(ranges: readonly Range[], text: string): Range[] {
  const out: Range[] = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, range.start) : '';
    if (last && ([...between].length <= 1 || between.trim() === '') && !between.includes('\n')) out[out.length - 1] = { start: last.start, end: range.end };
    else out.push(range);
  }
  return out;
}

const changed = (children: readonly Inline[]): Inline => ({ type: 'changed', children });

/** Inlines with the characters in `ranges` (offsets into their text) wrapped as changed. */
export function markInlines(nodes: readonly Inline[], ranges: readonly Range[]): Inline[] {
  if (ranges.length === 0) return [...nodes];
  let offset = 0;
  const overlaps = (start: number, end: number) => ranges.some((r) => r.start < end && r.end > start);
  const mark = (list: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of list) {
      const length = inlineText([node]).length;
      const start = offset;
      if (node.type === 'text') {
        // Cut the text where a range starts or ends inside it.
        const cuts = new Set([0, length]);
        for (const r of ranges) {
          if (r.start > start && r.start < start + length) cuts.add(r.start - start);
          if (r.end > start && r.end < start + length) cuts.add(r.end - start);
        }
        const points = [...cuts].sort((a, b) => a - b);
        for (let i = 0; i + 1 < points.length; i++) {
          const piece: Inline = { type: 'text', value: node.value.slice(points[i], points[i + 1]) };
          out.push(overlaps(start + points[i]!, start + points[i + 1]!) ? changed([piece]) : piece);
        }
        offset += length;
      } else if (node.type === 'strong' || node.type === 'link' || node.type === 'changed') {
        out.push({ ...node, children: mark(node.children) });
      } else {
        // A cross-reference or a draft's gap is one unit: marked whole when any of it changed.
        out.push(overlaps(start, start + length) ? changed([node]) : node);
        offset += length;
      }
    }
    return out;
  };
  return mark(nodes);
}

/** Every word of the inlines marked (a new or deleted section). */
export const markAllInlines = (nodes: readonly Inline[]): Inline[] => (nodes.length ? [changed(nodes)] : []);

/** Every word of the blocks marked. */
export function markAllBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'label':
        return { ...block, children: markAllInlines(block.children) };
      case 'list':
        return { ...block, children: block.children.map((item) => ({ ...item, children: markAllBlocks(item.children) })) };
      case 'table':
        return { ...block, children: block.children.map((row) => markAllRow(row)) };
      case 'note':
      case 'clause':
        return { ...block, children: markAllBlocks(block.children) };
      default:
        return block;
    }
  });
}

const markAllRow = (row: TableRow): TableRow => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: markAllBlocks(cell.children) })) });

/** Both sides of a comparison of two lists of blocks, marked. */
export interface MarkedPair {
  readonly before: Block[];
  readonly after: Block[];
}

/** The plain text of blocks, for matching a changed block with the block it replaces. */
export function blocksText(blocks: readonly Block[]): string {
  const out: string[] = [];
  forEachBlockInlines(blocks, (nodes) => out.push(inlineText(nodes)));
  return out.join('\n');
}

/** How alike two texts are, 0 to 1: the share of their words in common. */
function likeness(a: string, b: string): number {
  if (a === b) return 1;
  const total = a.length + b.length;
  if (total === 0) return 1;
  let common = 0;
  for (const change of diffArrays(words(a), words(b))) if (!change.added && !change.removed) common += change.value.reduce((n, w) => n + w.length, 0);
  return (2 * common) / total;
}

/** One step of aligning two sequences: kept as is, paired (changed), or only on one side. */
type Step<T> = { kind: 'same'; before: T; after: T } | { kind: 'pair'; before: T; after: T } | { kind: 'removed'; before: T } | { kind: 'added'; after: T };

/** Least likeness for a changed item to be shown against an old one rather than as deleted and new. */
const PAIRING = 0.3;

/**
 * Aligns two sequences (blocks, list items, table rows): equal items by the `diff` package, and
 * within a run of changes each old item with the most alike new item of the same kind, in order.
 */
function align<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, text: (item: T) => string, kind: (item: T) => string): Step<T>[] {
  const steps: Step<T>[] = [];
  const changes = diffArrays(before.map(key), after.map(key));
  let i = 0;
  let j = 0;
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    // As many changed as before, one for one: each is the new wording of the one in its place.
    if (removed.length === added.length && removed.every((old, k) => kind(old) === kind(added[k]!))) {
      removed.forEach((old, k) => steps.push({ kind: 'pair', before: old, after: added[k]! }));
      removed = [];
      added = [];
      return;
    }
    let next = 0;
    for (const old of removed) {
      let best = -1;
      let bestLikeness = PAIRING;
      for (let k = next; k < added.length; k++) {
        if (kind(added[k]!) !== kind(old)) continue;
        const l = likeness(text(old), text(added[k]!));
        if (l > bestLikeness) {
          best = k;
          bestLikeness = l;
        }
      }
      if (best < 0) {
        steps.push({ kind: 'removed', before: old });
        continue;
      }
      for (let k = next; k < best; k++) steps.push({ kind: 'added', after: added[k]! });
      steps.push({ kind: 'pair', before: old, after: added[best]! });
      next = best + 1;
    }
    for (let k = next; k < added.length; k++) steps.push({ kind: 'added', after: added[k]! });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    const count = change.value.length;
    if (change.removed) {
      removed.push(...before.slice(i, i + count));
      i += count;
    } else if (change.added) {
      added.push(...after.slice(j, j + count));
      j += count;
    } else {
      flush();
      for (let k = 0; k < count; k++) steps.push({ kind: 'same', before: before[i + k]!, after: after[j + k]! });
      i += count;
      j += count;
    }
  }
  flush();
  return steps;
}

const json = (value: unknown): string => JSON.stringify(value);

export const OMITTED = '（略）';
const omittedParagraph: Block = { type: 'paragraph', children: [{ type: 'text', value: OMITTED }] };
const isOmitted = (block: Block | undefined): boolean => block?.type === 'paragraph' && block.children.length === 1 && inlineText(block.children) === OMITTED;

/**
 * An unchanged block between changes, shortened: a paragraph or a sub-heading (＜…＞) stays (it is
 * the context of the change next to it), a table, list or note is （略）, an unchanged clause (項) is
 * its number and （略）.
 */
function abridged(block: Block): Block {
  if (block.type === 'paragraph' || block.type === 'label') return block;
  if (block.type === 'clause' && block.number) return { ...block, children: [omittedParagraph] };
  return omittedParagraph;
}

/** Appends a block, one （略） for a run of them. */
function push(blocks: Block[], block: Block): void {
  if (isOmitted(block) && isOmitted(blocks[blocks.length - 1])) return;
  blocks.push(block);
}

export interface DiffOptions {
  /** Shorten what did not change (the text of a section in a comparison table); inside a table cell everything stays. */
  readonly abridge?: boolean;
}

/** Marks the differences between two lists of blocks. */
export function diffBlocks(before: readonly Block[], after: readonly Block[], options: DiffOptions = {}): MarkedPair {
  const out: MarkedPair = { before: [], after: [] };
  for (const step of align(before, after, json, (b) => blocksText([b]), (b) => b.type)) {
    if (step.kind === 'same' && options.abridge) {
      push(out.before, abridged(step.before));
      push(out.after, abridged(step.after));
    } else if (step.kind === 'same') {
      out.before.push(step.before);
      out.after.push(step.after);
    } else if (step.kind === 'removed') {
      out.before.push(...markAllBlocks([step.before]));
    } else if (step.kind === 'added') {
      out.after.push(...markAllBlocks([step.after]));
    } else {
      const pair = diffBlock(step.before, step.after, options);
      out.before.push(pair.before);
      out.after.push(pair.after);
    }
  }
  return out;
}

/** Two blocks of the same kind, their differences marked in place. */
function diffBlock(before: Block, after: Block, options: DiffOptions): { before: Block; after: Block } {
  if ((before.type === 'paragraph' && after.type === 'paragraph') || (before.type === 'label' && after.type === 'label')) {
    const ranges = changedRanges(inlineText(before.children), inlineText(after.children));
    return { before: { ...before, children: markInlines(before.children, ranges.before) }, after: { ...after, children: markInlines(after.children, ranges.after) } };
  }
  if (before.type === 'list' && after.type === 'list') {
    const items = diffItems(before.children, after.children);
    return { before: { ...before, children: items.before }, after: { ...after, children: items.after } };
  }
  if (before.type === 'table' && after.type === 'table' && before.columns.length === after.columns.length) {
    const rows = diffRows(before.children, after.children);
    const side = (table: typeof before, marked: MarkedRow[]) => ({ ...table, children: options.abridge ? abridgeRows(marked, table.headerRows, table.columns.length) : marked.map((m) => m.row) });
    return { before: side(before, rows.before), after: side(after, rows.after) };
  }
  if ((before.type === 'note' && after.type === 'note') || (before.type === 'clause' && after.type === 'clause')) {
    const inner = diffBlocks(before.children, after.children, options);
    return { before: { ...before, children: inner.before }, after: { ...after, children: inner.after } } as { before: Block; after: Block };
  }
  return { before: markAllBlocks([before])[0]!, after: markAllBlocks([after])[0]! };
}

function diffItems(before: readonly ListItem[], after: readonly ListItem[]): { before: ListItem[]; after: ListItem[] } {
  const out = { before: [] as ListItem[], after: [] as ListItem[] };
  for (const step of align(before, after, json, (item) => blocksText(item.children), () => 'item')) {
    if (step.kind === 'same') {
      out.before.push(step.before);
      out.after.push(step.after);
    } else if (step.kind === 'removed') {
      out.before.push({ ...step.before, children: markAllBlocks(step.before.children) });
    } else if (step.kind === 'added') {
      out.after.push({ ...step.after, children: markAllBlocks(step.after.children) });
    } else {
      const inner = diffBlocks(step.before.children, step.after.children);
      out.before.push({ ...step.before, children: inner.before });
      out.after.push({ ...step.after, children: inner.after });
    }
  }
  return out;
}

/** The shape of a row (spans of its cells): rows of one shape are compared cell by cell. */
const rowShape = (row: TableRow): string => row.children.map((cell) => `${cell.rowSpan}x${cell.colSpan}`).join(',');

/** A row of a compared table, and whether anything in it is marked. */
interface MarkedRow {
  readonly row: TableRow;
  readonly changed: boolean;
}

function diffRows(before: readonly TableRow[], after: readonly TableRow[]): { before: MarkedRow[]; after: MarkedRow[] } {
  const out = { before: [] as MarkedRow[], after: [] as MarkedRow[] };
  const rowText = (row: TableRow) => row.children.map((cell) => blocksText(cell.children)).join('\t');
  for (const step of align(before, after, json, rowText, rowShape)) {
    if (step.kind === 'same') {
      out.before.push({ row: step.before, changed: false });
      out.after.push({ row: step.after, changed: false });
    } else if (step.kind === 'removed') {
      out.before.push({ row: markAllRow(step.before), changed: true });
    } else if (step.kind === 'added') {
      out.after.push({ row: markAllRow(step.after), changed: true });
    } else {
      const cells = step.before.children.map((cell, k) => diffCell(cell, step.after.children[k]!));
      out.before.push({ row: { ...step.before, children: cells.map((c) => c.before) }, changed: true });
      out.after.push({ row: { ...step.after, children: cells.map((c) => c.after) }, changed: true });
    }
  }
  return out;
}

/**
 * The rows of a changed table with runs of unchanged rows as one （略） row across the table. Rows
 * joined by a cell that spans them go (or stay) together; the header rows always stay.
 */
function abridgeRows(rows: readonly MarkedRow[], headerRows: number, columns: number): TableRow[] {
  const out: TableRow[] = rows.slice(0, headerRows).map((r) => r.row);
  const omitted: TableRow = { type: 'tableRow', children: [{ type: 'tableCell', rowSpan: 1, colSpan: columns, children: [omittedParagraph] }] };
  let i = headerRows;
  while (i < rows.length) {
    // The group: this row and the rows its cells (and theirs) span down into.
    let end = i + 1;
    for (let k = i; k < end; k++) for (const cell of rows[k]!.row.children) end = Math.min(rows.length, Math.max(end, k + cell.rowSpan));
    const group = rows.slice(i, end);
    if (group.some((r) => r.changed)) out.push(...group.map((r) => r.row));
    else if (out[out.length - 1] !== omitted) out.push(omitted);
    i = end;
  }
  return out;
}

function diffCell(before: TableCell, after: TableCell): { before: TableCell; after: TableCell } {
  const inner = diffBlocks(before.children, after.children);
  return { before: { ...before, children: inner.before }, after: { ...after, children: inner.after } };
}
