import {
  AlignmentType,
  Bookmark,
  ExternalHyperlink,
  HighlightColor,
  InternalHyperlink,
  LineRuleType,
  Paragraph,
  TextRun,
  type ParagraphChild,
  type Table,
} from 'docx';
import { gapText } from '../../model/text.js';
import type { Block, Chapter, Clause, Fields, Inline, List, Note, Part, Section, Signature, Table as ModelTable, TableCell as ModelCell } from '../../model/types.js';
import { chapterHeading, headingAffixes } from '../../transform/numbering.js';
import { chartBlocks } from './chart.js';
import { CHAR, COLOR, MAX_LIST_LEVEL, TEXT_WIDTH } from './layout.js';
import { BULLET_LIST, headingStyle, itemsList, listTextIndent, orderedList, STYLE } from './styles.js';
import { textRuns, type RunFormat } from './runs.js';
import { gridTable, labelCell, valueCell, type GridRow } from './table.js';

/**
 * The body of the Word document: one handler per node type of the model, in typed records like the
 * Markdown writer's, so a new node type is a compile error here until it is handled.
 */

export type BodyChild = Paragraph | Table;

/** What a whole render shares: list instances are counted so each list restarts its numbering. */
export interface RenderState {
  listInstances: number;
  readonly orderedStarts: Set<number>;
  /** First numbers of the items (号) lists of clauses: (1), (2) … */
  readonly itemStarts: Set<number>;
  /** A page break was asked for and waits for the next block. */
  pendingBreak: boolean;
  /** The next block opens a Word section, which starts a page already. */
  sectionStart: boolean;
  /** A part's title was just written: its first chapter goes on the same page. */
  partOpened: boolean;
}

export const newRenderState = (): RenderState => ({ listInstances: 0, orderedStarts: new Set(), itemStarts: new Set(), pendingBreak: false, sectionStart: false, partOpened: false });

/** Where a block is written. */
interface Context {
  readonly state: RenderState;
  /** How many list items enclose the block (continuation paragraphs indent to the item's text). */
  readonly listDepth: number;
  /** Inside a table cell or note box: no page breaks, no headings. */
  readonly inCell: boolean;
  /** Paragraph style of plain paragraphs here (undefined: Normal). */
  readonly paragraphStyle?: string;
  /** Heading levels taken by what encloses the block: a part of the pack and a chapter take one each. */
  readonly headingBase?: number;
  /** Inside a clause of an article: ordered lists are its items (1), (2) … */
  readonly legal?: boolean;
  /** Width of the text column here, in twips (a landscape page is wider); TEXT_WIDTH when absent. */
  readonly textWidth?: number;
}

type InlineType = Inline['type'];
type InlineHandler<T extends InlineType> = (node: Extract<Inline, { type: T }>, format: RunFormat) => ParagraphChild[];
type BlockType = Block['type'];
type BlockHandler<T extends BlockType> = (node: Extract<Block, { type: T }>, ctx: Context) => BodyChild[];

/** A Word bookmark name for a section id: letters, digits and `_`, at most 40 characters, stable. */
export function bookmarkName(id: string): string {
  const clean = `k_${id.replace(/[^A-Za-z0-9_]/gu, '_')}`;
  if (clean.length <= 40) return clean;
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return `${clean.slice(0, 31)}_${hash.toString(16).padStart(8, '0')}`;
}

const inlineHandlers: { [T in InlineType]: InlineHandler<T> } = {
  text: (node, format) => textRuns(node.value, format),
  strong: (node, format) => inlines(node.children, { ...format, bold: true }),
  link: (node, format) => {
    if (format.inLink) return inlines(node.children, format);
    return [new ExternalHyperlink({ link: node.url, children: inlines(node.children, { ...format, style: 'Hyperlink', inLink: true }) })];
  },
  // Already resolved to its text; clickable in Word, but printed like the text around it.
  xref: (node, format) => {
    const runs = textRuns(node.text, format);
    return format.inLink ? runs : [new InternalHyperlink({ anchor: bookmarkName(node.target), children: runs })];
  },
  // A draft's unfilled value must stand out on screen and on paper.
  gap: (node, format) => textRuns(gapText(node.question), { ...format, bold: true, highlight: HighlightColor.YELLOW }),
};

export function inlines(nodes: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  return nodes.flatMap((node) => (inlineHandlers[node.type] as InlineHandler<InlineType>)(node, format));
}

/** Continuation paragraphs of a list item line up with the item's text. */
const continuationIndent = (ctx: Context) => (ctx.listDepth > 0 ? { indent: { left: listTextIndent(ctx.listDepth - 1) } } : {});

/** A heading paragraph, bookmarked so cross-references can link to it. */
function heading(level: number, id: string, children: ParagraphChild[], pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    style: headingStyle(level),
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [new Bookmark({ id: bookmarkName(id), children })],
  });
}

/** The sample's chapter header: 番号・章名・改訂日・適用範囲 over the chapter's values. */
function chapterHeader(node: Chapter): Table {
  return gridTable(
    [1.2, 3, 2, 6],
    [
      { header: true, cells: ['番号', '章名', '改訂日', '適用範囲'].map(labelCell) },
      {
        cells: [
          valueCell(textRuns(node.number), { center: true }),
          valueCell(textRuns(node.title)),
          valueCell(textRuns(node.revised), { center: true }),
          valueCell(inlines(node.scope)),
        ],
      },
    ],
  );
}

function listBlocks(node: List, ctx: Context): BodyChild[] {
  const { state } = ctx;
  const level = Math.min(ctx.listDepth, MAX_LIST_LEVEL);
  const legal = node.ordered && ctx.legal === true;
  const reference = legal ? itemsList(node.start) : node.ordered ? orderedList(node.start) : BULLET_LIST;
  if (legal) state.itemStarts.add(node.start);
  else if (node.ordered) state.orderedStarts.add(node.start);
  // Each ordered list is its own instance, so it counts from its own start; bullets share one.
  const instance = node.ordered ? { instance: ++state.listInstances } : {};
  const inner: Context = { ...ctx, listDepth: ctx.listDepth + 1 };
  return node.children.flatMap((item) => {
    const [first, ...rest] = item.children;
    const numbered = new Paragraph({
      ...(ctx.paragraphStyle ? { style: ctx.paragraphStyle } : {}),
      numbering: { reference, level, ...instance, ...(ctx.paragraphStyle ? { custom: true } : {}) },
      children: first?.type === 'paragraph' ? inlines(first.children) : [],
    });
    const others = first?.type === 'paragraph' ? rest : item.children;
    return [numbered, ...blocks(others, inner)];
  });
}

function tableBlocks(node: ModelTable, ctx: Context): BodyChild[] {
  const columnCount = Math.max(1, node.columns.length);
  const covered = Array.from({ length: columnCount }, () => 0);
  const rows: GridRow[] = node.children.map((row, r) => {
    const header = r < node.headerRows;
    let column = 0;
    const cells = row.children.map((cell: ModelCell) => {
      while (column < columnCount && covered[column]! > 0) column++;
      const first = column === 0;
      for (let c = column; c < Math.min(columnCount, column + cell.colSpan); c++) covered[c] = Math.max(1, cell.rowSpan);
      column += Math.max(1, cell.colSpan);
      const labels = header || (first && node.headerColumn);
      const inner: Context = { state: ctx.state, listDepth: 0, inCell: true, paragraphStyle: labels ? STYLE.tableHeading : STYLE.tableText };
      return {
        children: blocks(cell.children, inner),
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        shaded: labels,
        ...(header ? { verticalAlign: 'center' as const } : {}),
      };
    });
    for (let c = 0; c < columnCount; c++) if (covered[c]! > 0) covered[c]!--;
    return {
      cells,
      header,
      // A checklist is filled in by hand: leave room to write in the answer column.
      ...(node.variant === 'checklist' && !header ? { minHeight: 454 } : {}),
    };
  });
  return [gridTable(node.columns.map((c) => c.width), rows, ctx.inCell || !ctx.textWidth ? {} : { width: ctx.textWidth }), spacer()];
}

/** A little air after a table, which Word otherwise glues to the next paragraph. */
const spacer = () => new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT }, children: [] });

function noteBlocks(node: Note, ctx: Context): BodyChild[] {
  const inner: Context = { state: ctx.state, listDepth: 0, inCell: true };
  return [
    gridTable([1], [{ cells: [{ children: blocks(node.children, inner) }] }], {
      fill: COLOR.noteFill,
      borderColor: COLOR.muted,
      ...(ctx.inCell || !ctx.textWidth ? {} : { width: ctx.textWidth }),
    }),
    spacer(),
  ];
}

/** A heading's runs: 「6.2 」 title, 「第5条（」 title 「）」. */
function sectionTitle(node: Section): ParagraphChild[] {
  const { before, after } = headingAffixes(node);
  return [...(before ? [new TextRun(before)] : []), ...inlines(node.title), ...(after ? [new TextRun(after)] : [])];
}

/** A clause (項): its number hangs in the margin of the first line (２), an unnumbered one is indented one character. */
function clauseBlocks(node: Clause, ctx: Context): BodyChild[] {
  const inner: Context = { ...ctx, legal: true };
  return node.children.flatMap((child, i): BodyChild[] => {
    if (child.type !== 'paragraph') return blocks([child], inner);
    const first = i === 0;
    return [
      new Paragraph({
        ...(ctx.paragraphStyle ? { style: ctx.paragraphStyle } : {}),
        indent: first && node.number ? { left: CHAR, hanging: CHAR } : first ? { firstLine: CHAR } : { left: CHAR, firstLine: CHAR },
        children: [...(first && node.number ? [new TextRun(`${node.number}\u3000`)] : []), ...inlines(child.children)],
      }),
    ];
  });
}

/** Form fields: a label cell and a tall blank box per field, set to the right as forms put them. */
function fieldsBlocks(node: Fields, ctx: Context): BodyChild[] {
  const rows: GridRow[] = node.children.map((field) => ({
    cells: [
      { shaded: true, verticalAlign: 'center', children: [new Paragraph({ style: STYLE.tableHeading, alignment: AlignmentType.CENTER, children: inlines(field.label) })] },
      { verticalAlign: 'center', children: [new Paragraph({ style: STYLE.tableText, alignment: AlignmentType.RIGHT, children: inlines(field.hint) })] },
    ],
    minHeight: 482,
  }));
  const width = ctx.inCell ? TEXT_WIDTH : Math.min(Math.round((ctx.textWidth ?? TEXT_WIDTH) * 0.55), 5400);
  return [gridTable([1, 3], rows, { width, alignment: ctx.inCell ? 'left' : 'right' }), spacer()];
}

function signatureBlocks(node: Signature): BodyChild[] {
  return node.lines.map(
    (line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: i < node.lines.length - 1, spacing: i === 0 ? { before: 480 } : {}, children: inlines(line) }),
  );
}

function partBlocks(node: Part, ctx: Context): BodyChild[] {
  ctx.state.pendingBreak = false; // The part opens a page of its own.
  const breakBefore = !ctx.state.sectionStart;
  ctx.state.sectionStart = false;
  const title = textRuns(node.number ? `${node.number}\u3000${node.title}` : node.title);
  const head = heading(1, node.id, title, breakBefore);
  ctx.state.partOpened = true;
  return [head, ...blocks(node.children, { ...ctx, headingBase: 1 })];
}

/** The body in runs of one page orientation: a landscape part of the pack becomes a Word section of its own. */
export function bodyRuns(children: readonly Block[], orientation: 'portrait' | 'landscape'): { orientation: 'portrait' | 'landscape'; children: Block[] }[] {
  const runs: { orientation: 'portrait' | 'landscape'; children: Block[] }[] = [];
  for (const node of children) {
    const wanted = node.type === 'part' ? node.orientation : (runs[runs.length - 1]?.orientation ?? orientation);
    const last = runs[runs.length - 1];
    if (last && last.orientation === wanted) last.children.push(node);
    else runs.push({ orientation: wanted, children: [node] });
  }
  return runs.length ? runs : [{ orientation, children: [] }];
}

const blockHandlers: { [T in BlockType]: BlockHandler<T> } = {
  chapter: (node, ctx) => {
    const base = ctx.headingBase ?? 0;
    const title = textRuns(chapterHeading(node));
    const inner: Context = { ...ctx, headingBase: base + 1 };
    if (node.numbering !== 'decimal') {
      // 第1章 of a set of rules: the articles run on, no page of its own.
      const breakBefore = ctx.state.pendingBreak;
      ctx.state.pendingBreak = false;
      ctx.state.partOpened = false;
      return [heading(1 + base, node.id, title, breakBefore), ...blocks(node.children, inner)];
    }
    ctx.state.pendingBreak = false; // The rulebook's chapter opens a page of its own …
    const breakBefore = !ctx.state.partOpened; // … unless it is the first thing under a part's title.
    ctx.state.partOpened = false;
    return [heading(1 + base, node.id, title, breakBefore), chapterHeader(node), spacer(), ...blocks(node.children, inner)];
  },
  section: (node: Section, ctx) => {
    if (ctx.inCell) return [new Paragraph({ style: STYLE.tableHeading, children: sectionTitle(node) }), ...blocks(node.children, ctx)];
    const breakBefore = ctx.state.pendingBreak;
    ctx.state.pendingBreak = false;
    // A document's title (or a part's) stands above sections that have no chapter: they start at Heading 2.
    return [heading(node.level + Math.max(ctx.headingBase ?? 0, 1), node.id, sectionTitle(node), breakBefore), ...blocks(node.children, ctx)];
  },
  clause: clauseBlocks,
  fields: fieldsBlocks,
  signature: (node) => signatureBlocks(node),
  part: partBlocks,
  paragraph: (node, ctx) => [
    new Paragraph({
      ...(ctx.paragraphStyle ? { style: ctx.paragraphStyle } : {}),
      ...continuationIndent(ctx),
      children: inlines(node.children),
    }),
  ],
  list: listBlocks,
  table: tableBlocks,
  note: noteBlocks,
  chart: (node, ctx) => [...chartBlocks(node, inlines), ...(ctx.inCell ? [] : [spacer()])],
  pageBreak: (_node, ctx) => {
    if (!ctx.inCell) ctx.state.pendingBreak = true;
    return [];
  },
};

/** A page break asked for before a block that cannot carry one itself: a tiny paragraph that starts the page. */
const breakParagraph = () =>
  new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] });

export function blocks(nodes: readonly Block[], ctx: Context): BodyChild[] {
  const out: BodyChild[] = [];
  for (const node of nodes) {
    const { state } = ctx;
    if (node.type !== 'chapter' && node.type !== 'part') state.partOpened = false;
    if (state.pendingBreak && !ctx.inCell && node.type !== 'chapter' && node.type !== 'section' && node.type !== 'part' && node.type !== 'pageBreak') {
      state.pendingBreak = false;
      out.push(breakParagraph());
    }
    out.push(...(blockHandlers[node.type] as BlockHandler<BlockType>)(node, ctx));
  }
  return out;
}

export const bodyContext = (state: RenderState, textWidth?: number): Context => ({ state, listDepth: 0, inCell: false, ...(textWidth ? { textWidth } : {}) });
