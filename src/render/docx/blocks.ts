import { gapText, inlineLines, inlineText } from '../../model/text.js';
import { takesIndent } from '../text/indent.js';
import type { Block, Chapter, Clause, Fields, Inline, List, Note, Part, Section, Signature, Table as ModelTable, TableCell as ModelCell } from '../../model/types.js';
import { chapterHeading, headingAffixes } from '../../transform/numbering.js';
import { chartBlocks } from './chart.js';
import { CELL_MARGIN, CHAR, COLOR, MAX_LIST_LEVEL, SIZE, TEXT_WIDTH } from './layout.js';
import { columnWidths, markColumns } from '../text/columns.js';
import { face } from '../text/fonts.js';
import { BULLET_LIST, headingStyle, itemsList, listTextIndent, orderedList, STYLE } from './styles.js';
import { textRuns, type RunFormat } from './runs.js';
import { gridTable, labelCell, valueCell, type GridRow } from './table.js';
import { bookmarked, externalHyperlink, internalHyperlink, paragraph, textRun } from './xml.js';

/**
 * The body of the Word document, written as WordprocessingML straight from the model: one handler
 * per node type of the model, in typed records like the Markdown writer's, so a new node type is a
 * compile error here until it is handled. Every block handler returns written blocks, one paragraph
 * or table each.
 */

/** A list instance the body numbers paragraphs with: docx writes its w:num into numbering.xml. */
export interface ListInstance {
  readonly reference: string;
  readonly instance: number;
  readonly numId: number;
}

/** A heading the table of contents lists, with the `_Toc` bookmark it links to. */
export interface TocEntry {
  readonly level: number;
  readonly text: string;
  readonly bookmark: string;
}

/** What a whole render shares: list instances are counted so each list restarts its numbering. */
export interface RenderState {
  listInstances: number;
  readonly orderedStarts: Set<number>;
  /** First numbers of the items (号) lists of clauses: (1), (2) … */
  readonly itemStarts: Set<number>;
  /** The lists in order of first use, by `reference-instance`; numIds count from 2 as docx gives them (1 is its default bullet). */
  readonly lists: Map<string, ListInstance>;
  /** Targets of external hyperlinks, in order: the n-th is relationship rIdK<n> of the document part. */
  readonly links: string[];
  /** Bookmark ids used so far (ids count from 1 per document). */
  bookmarks: number;
  /** Ids of drawing objects used so far (the chart's picture and shapes), from 1 per document. */
  drawings: number;
  /** The document has a table of contents: Heading 1–3 are bookmarked for it and listed here. */
  readonly toc: TocEntry[] | undefined;
  /** A page break was asked for and waits for the next block. */
  pendingBreak: boolean;
  /** The next block opens a Word section, which starts a page already. */
  sectionStart: boolean;
  /** A part's title was just written: its first chapter goes on the same page. */
  partOpened: boolean;
}

export const newRenderState = (withToc: boolean): RenderState => ({
  listInstances: 0,
  orderedStarts: new Set(),
  itemStarts: new Set(),
  lists: new Map(),
  links: [],
  bookmarks: 0,
  drawings: 0,
  toc: withToc ? [] : undefined,
  pendingBreak: false,
  sectionStart: false,
  partOpened: false,
});

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
  /** The block's end stays on the page of what follows (the sentence and items before a form's signature lines). */
  readonly keepEnd?: boolean;
}

type InlineType = Inline['type'];
type InlineHandler<T extends InlineType> = (node: Extract<Inline, { type: T }>, format: RunFormat, state: RenderState) => string;
type BlockType = Block['type'];
type BlockHandler<T extends BlockType> = (node: Extract<Block, { type: T }>, ctx: Context) => string[];

/** A Word bookmark name for a section id: letters, digits and `_`, at most 40 characters, stable. */
export function bookmarkName(id: string): string {
  const clean = `k_${id.replace(/[^A-Za-z0-9_]/gu, '_')}`;
  if (clean.length <= 40) return clean;
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return `${clean.slice(0, 31)}_${hash.toString(16).padStart(8, '0')}`;
}

/** Word keeps a URL's fragment (up to 255 characters) apart from the relationship's target. */
function splitFragment(url: string): { target: string; anchor?: string } {
  const index = url.indexOf('#');
  const fragment = url.length - index - 1;
  return index > 0 && fragment > 0 && fragment <= 255 ? { target: url.slice(0, index), anchor: url.slice(index + 1) } : { target: url };
}

const inlineHandlers: { [T in InlineType]: InlineHandler<T> } = {
  text: (node, format) => textRuns(node.value, format),
  strong: (node, format, state) => inlines(node.children, state, { ...format, bold: true }),
  link: (node, format, state) => {
    if (format.inLink) return inlines(node.children, state, format);
    const { target, anchor } = splitFragment(node.url);
    state.links.push(target);
    const relationship = `rIdK${state.links.length}`;
    return externalHyperlink(relationship, anchor, inlines(node.children, state, { ...format, style: 'Hyperlink', inLink: true }));
  },
  // Already resolved to its text; clickable in Word, but printed like the text around it.
  xref: (node, format) => {
    const runs = textRuns(node.text, format);
    return format.inLink ? runs : internalHyperlink(bookmarkName(node.target), runs);
  },
  // A draft's unfilled value must stand out on screen and on paper.
  gap: (node, format) => textRuns(gapText(node.question), { ...format, bold: true, highlight: 'yellow' }),
  // The amended words of a comparison table are underlined (傍線), as 新旧対照表 mark them.
  changed: (node, format, state) => inlines(node.children, state, { ...format, underline: true }),
};

export function inlines(nodes: readonly Inline[], state: RenderState, format: RunFormat = {}): string {
  let xml = '';
  for (const node of nodes) xml += (inlineHandlers[node.type] as InlineHandler<InlineType>)(node, format, state);
  return xml;
}

/** Continuation paragraphs of a list item line up with the item's text. */
const continuationIndent = (ctx: Context) => (ctx.listDepth > 0 ? { indent: { left: listTextIndent(ctx.listDepth - 1) } } : {});

/**
 * A heading paragraph, bookmarked so cross-references can link to it. Under a table of contents a
 * Heading 1–3 with text is an entry too, bookmarked `_Toc<n>` around the whole heading, as Word does.
 */
function heading(state: RenderState, level: number, id: string, runs: string, text: string, pageBreakBefore: boolean): string {
  const style = headingStyle(level);
  const tocLevel = Math.min(Math.max(level, 1), 6);
  const { toc } = state;
  // Ids count in document order: the outer _Toc bookmark starts first.
  const entry = toc && tocLevel <= 3 && text.trim() !== '' ? { level: tocLevel, text, bookmark: `_Toc${toc.length + 1}`, id: ++state.bookmarks } : undefined;
  let content = bookmarked(bookmarkName(id), ++state.bookmarks, runs);
  if (toc && entry) {
    toc.push({ level: entry.level, text: entry.text, bookmark: entry.bookmark });
    content = bookmarked(entry.bookmark, entry.id, content);
  }
  return paragraph({ style, ...(pageBreakBefore ? { pageBreakBefore: true } : {}) }, content);
}

/** The sample's chapter header: 番号・章名・改訂日・適用範囲 over the chapter's values. */
function chapterHeader(node: Chapter, state: RenderState): string {
  return gridTable(
    [1.2, 3, 2, 6],
    [
      { header: true, cells: ['番号', '章名', '改訂日', '適用範囲'].map(labelCell) },
      {
        cells: [
          valueCell(textRuns(node.number), { center: true }),
          valueCell(textRuns(node.title)),
          valueCell(textRuns(node.revised), { center: true }),
          valueCell(inlines(node.scope, state)),
        ],
      },
    ],
  );
}

/** The w:num of a list instance, numbered in order of first use. */
function listNumId(state: RenderState, reference: string, instance: number): number {
  const key = `${reference}-${instance}`;
  let list = state.lists.get(key);
  if (!list) {
    list = { reference, instance, numId: state.lists.size + 2 };
    state.lists.set(key, list);
  }
  return list.numId;
}

function listBlocks(node: List, ctx: Context): string[] {
  const { state } = ctx;
  const level = Math.min(ctx.listDepth, MAX_LIST_LEVEL);
  const legal = node.ordered && ctx.legal === true;
  const reference = legal ? itemsList(node.start) : node.ordered ? orderedList(node.start) : BULLET_LIST;
  if (legal) state.itemStarts.add(node.start);
  else if (node.ordered) state.orderedStarts.add(node.start);
  // Each ordered list is its own instance, so it counts from its own start; bullets share one.
  const instance = node.ordered ? ++state.listInstances : 0;
  const inner: Context = { ...ctx, listDepth: ctx.listDepth + 1 };
  // A list paragraph without a style of its own takes Word's List Paragraph.
  const style = ctx.paragraphStyle ?? STYLE.listParagraph;
  const out: string[] = [];
  for (const item of node.children) {
    const [first, ...rest] = item.children;
    const numId = listNumId(state, reference, instance);
    out.push(paragraph({ style, numbering: { numId, level } }, first?.type === 'paragraph' ? inlines(first.children, state) : ''));
    out.push(...blocks(first?.type === 'paragraph' ? rest : item.children, inner));
  }
  return out;
}

/** A cell's width in twips for a line of text at the table's size (表の本文 / 表の見出し), its margins included. */
const phraseWidth = (text: string, header: boolean): number => face(header ? 'sansBold' : 'serif').width(text, SIZE.table / 2) * 20 + CELL_MARGIN.left + CELL_MARGIN.right + 20;

/** A box to mark by hand (○、×), centred in an answer cell of a form. */
const MARK_BOX = paragraph({ style: STYLE.tableText, alignment: 'center' }, '<w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>□</w:t></w:r>');

function tableBlocks(node: ModelTable, ctx: Context): string[] {
  const columnCount = Math.max(1, node.columns.length);
  const covered = Array.from({ length: columnCount }, () => 0);
  const marks = markColumns(node);
  // The columns as the PDF sets them: labels and short values as wide as their widest phrase.
  const widths = columnWidths(node, ctx.textWidth ?? TEXT_WIDTH, phraseWidth);
  // A cell's text width: a table inside it (a 新旧対照表 holds them) is as wide as the cell.
  const cellWidth = (column: number, span: number) => widths.slice(column, column + Math.max(1, span)).reduce((a, b) => a + b, 0) - CELL_MARGIN.left - CELL_MARGIN.right;
  const rows: GridRow[] = node.children.map((row, r) => {
    const header = r < node.headerRows;
    let column = 0;
    const cells = row.children.map((cell: ModelCell) => {
      while (column < columnCount && covered[column]! > 0) column++;
      const first = column === 0;
      const textWidth = cellWidth(column, cell.colSpan);
      for (let c = column; c < Math.min(columnCount, column + cell.colSpan); c++) covered[c] = Math.max(1, cell.rowSpan);
      column += Math.max(1, cell.colSpan);
      const labels = header || (first && node.headerColumn);
      const inner: Context = { state: ctx.state, listDepth: 0, inCell: true, paragraphStyle: labels ? STYLE.tableHeading : STYLE.tableText, textWidth };
      const mark = !header && marks[column - Math.max(1, cell.colSpan)] === true && cell.children.length === 0;
      return {
        children: mark ? [MARK_BOX] : blocks(cell.children, inner),
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        shaded: labels,
        ...(header || mark ? { verticalAlign: 'center' as const } : {}),
      };
    });
    for (let c = 0; c < columnCount; c++) if (covered[c]! > 0) covered[c]!--;
    return {
      cells,
      header,
      // A checklist is filled in by hand: leave room to write in the answer column.
      ...(node.variant === 'checklist' && !header ? { minHeight: 454 } : {}),
      // A row of a 新旧対照表 is a whole section: it runs on to the next page.
      ...(node.variant === 'comparison' && !header ? { breakable: true } : {}),
    };
  });
  const keepEnd = ctx.keepEnd ? { keepEnd: 2 } : {};
  return [gridTable(widths, rows, { ...(ctx.textWidth ? { width: ctx.textWidth } : {}), ...keepEnd }), ctx.keepEnd ? KEPT_SPACER : SPACER];
}

/** A little air after a table, which Word otherwise glues to the next paragraph. */
const SPACER = paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' } });
const KEPT_SPACER = paragraph({ keepNext: true, spacing: { before: 0, after: 0, line: 120, lineRule: 'exact' } });

function noteBlocks(node: Note, ctx: Context): string[] {
  const inner: Context = { state: ctx.state, listDepth: 0, inCell: true, ...(ctx.textWidth ? { textWidth: ctx.textWidth - CELL_MARGIN.left - CELL_MARGIN.right } : {}) };
  return [
    gridTable([1], [{ cells: [{ children: blocks(node.children, inner) }] }], {
      fill: COLOR.noteFill,
      borderColor: COLOR.muted,
      ...(ctx.textWidth ? { width: ctx.textWidth } : {}),
    }),
    SPACER,
  ];
}

/** A heading's runs and its text: 「6.2 」 title, 「第5条（」 title 「）」. */
function sectionTitle(node: Section, state: RenderState): { runs: string; text: string } {
  const { before, after } = headingAffixes(node);
  const runs = (before ? textRun(before) : '') + inlines(node.title, state) + (after ? textRun(after) : '');
  return { runs, text: before + inlineText(node.title) + after };
}

/** A clause (項): its number hangs in the margin of the first line (２), an unnumbered one is indented one character. */
function clauseBlocks(node: Clause, ctx: Context): string[] {
  const inner: Context = { ...ctx, legal: true };
  return node.children.flatMap((child, i): string[] => {
    if (child.type !== 'paragraph') return blocks([child], inner);
    const first = i === 0;
    return [
      paragraph(
        {
          ...(ctx.paragraphStyle ? { style: ctx.paragraphStyle } : {}),
          indent: first && node.number ? { left: CHAR, hanging: CHAR } : first ? { firstLine: CHAR } : { left: CHAR, firstLine: CHAR },
        },
        (first && node.number ? textRun(`${node.number}\u3000`) : '') + inlines(child.children, ctx.state),
      ),
    ];
  });
}

/** Form fields: a label cell and a tall blank box per field, set to the right as forms put them. */
function fieldsBlocks(node: Fields, ctx: Context): string[] {
  const rows: GridRow[] = node.children.map((field) => ({
    cells: [
      { shaded: true, verticalAlign: 'center', children: [paragraph({ style: STYLE.tableHeading, alignment: 'center' }, inlines(field.label, ctx.state))] },
      { verticalAlign: 'center', children: [paragraph({ style: STYLE.tableText, alignment: 'right' }, inlines(field.hint, ctx.state))] },
    ],
    // Room to write by hand (8.5 mm), or to stamp a seal (18 mm).
    minHeight: field.seal ? 1020 : 482,
  }));
  const width = ctx.inCell ? TEXT_WIDTH : Math.min(Math.round((ctx.textWidth ?? TEXT_WIDTH) * 0.55), 5400);
  return [gridTable([1, 3], rows, { width, alignment: ctx.inCell ? 'left' : 'right', keepTogether: true }), SPACER];
}

function signatureBlocks(node: Signature, state: RenderState): string[] {
  return node.lines.map((line, i) =>
    paragraph({ keepNext: i < node.lines.length - 1, spacing: i === 0 ? { before: 480 } : {}, alignment: 'right' }, inlines(line, state)),
  );
}

function partBlocks(node: Part, ctx: Context): string[] {
  const { state } = ctx;
  state.pendingBreak = false; // The part opens a page of its own.
  const breakBefore = !state.sectionStart;
  state.sectionStart = false;
  const title = node.number ? `${node.number}\u3000${node.title}` : node.title;
  const head = heading(state, 1, node.id, textRuns(title), title, breakBefore);
  state.partOpened = true;
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
    const { state } = ctx;
    const base = ctx.headingBase ?? 0;
    const title = chapterHeading(node);
    const inner: Context = { ...ctx, headingBase: base + 1 };
    if (node.numbering !== 'decimal') {
      // 第1章 of a set of rules: the articles run on, no page of its own.
      const breakBefore = state.pendingBreak;
      state.pendingBreak = false;
      state.partOpened = false;
      return [heading(state, 1 + base, node.id, textRuns(title), title, breakBefore), ...blocks(node.children, inner)];
    }
    state.pendingBreak = false; // The rulebook's chapter opens a page of its own …
    // … unless it is the first thing under a part's title or of a Word section (which starts a page).
    const breakBefore = !state.partOpened && !state.sectionStart;
    state.partOpened = false;
    state.sectionStart = false;
    const head = heading(state, 1 + base, node.id, textRuns(title), title, breakBefore);
    return [head, chapterHeader(node, state), SPACER, ...blocks(node.children, inner)];
  },
  section: (node: Section, ctx) => {
    const { state } = ctx;
    if (ctx.inCell) return [paragraph({ style: STYLE.tableHeading }, sectionTitle(node, state).runs), ...blocks(node.children, ctx)];
    const breakBefore = state.pendingBreak;
    state.pendingBreak = false;
    const { runs, text } = sectionTitle(node, state);
    // A document's title (or a part's) stands above sections that have no chapter: they start at Heading 2.
    return [heading(state, node.level + Math.max(ctx.headingBase ?? 0, 1), node.id, runs, text, breakBefore), ...blocks(node.children, ctx)];
  },
  clause: clauseBlocks,
  fields: fieldsBlocks,
  signature: (node, ctx) => signatureBlocks(node, ctx.state),
  part: partBlocks,
  paragraph: (node, ctx) => {
    if (ctx.paragraphStyle || ctx.listDepth > 0 || ctx.inCell) return [paragraph({ ...(ctx.paragraphStyle ? { style: ctx.paragraphStyle } : {}), ...continuationIndent(ctx) }, inlines(node.children, ctx.state))];
    // A body paragraph: one Word paragraph per line of the rules, each indented one character (本文)
    // unless it opens with a note mark; the lines of one paragraph keep no space between them.
    const lines = inlineLines(node.children);
    return lines.map((line, i) =>
      paragraph(
        {
          style: STYLE.bodyText,
          ...(ctx.keepEnd ? { keepNext: true } : {}),
          ...(i < lines.length - 1 ? { spacing: { after: 0 } } : {}),
          ...(takesIndent(inlineText(line)[0]) ? {} : { indent: { firstLine: 0, firstLineChars: 0 } }),
        },
        inlines(line, ctx.state),
      ),
    );
  },
  label: (node, ctx) => [
    paragraph(
      { style: ctx.inCell ? STYLE.tableHeading : STYLE.label, ...(ctx.listDepth > 0 && !ctx.inCell ? { indent: { left: listTextIndent(ctx.listDepth - 1), firstLine: 0, firstLineChars: 0 } } : {}) },
      inlines(node.children, ctx.state),
    ),
  ],
  list: listBlocks,
  table: tableBlocks,
  note: noteBlocks,
  chart: (node, ctx) => chartBlocks(node, () => ++ctx.state.drawings),
  closing: (node) => [paragraph({ alignment: 'right', spacing: { before: 120 } }, textRuns(node.text))],
  pageBreak: (_node, ctx) => {
    if (!ctx.inCell) ctx.state.pendingBreak = true;
    return [];
  },
};

/** A page break asked for before a block that cannot carry one itself: a tiny paragraph that starts the page. */
const BREAK_PARAGRAPH = paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' } });

/** Blocks that close a statement or a form: what comes before them stays on their page. */
const closes = (nodes: readonly Block[], k: number): boolean => {
  const node = nodes[k];
  return node?.type === 'signature' || node?.type === 'closing' || (node?.type === 'fields' && k > 0);
};

export function blocks(nodes: readonly Block[], ctx: Context): string[] {
  const out: string[] = [];
  for (const [k, node] of nodes.entries()) {
    const { state } = ctx;
    // The sentence before a form's signature lines, and the end of the items table before that sentence.
    const keepEnd = !ctx.inCell && (closes(nodes, k + 1) || (node.type === 'table' && nodes[k + 1]?.type === 'paragraph' && closes(nodes, k + 2)));
    const here: Context = keepEnd ? { ...ctx, keepEnd } : ctx.keepEnd ? { ...ctx, keepEnd: false } : ctx;
    if (node.type !== 'chapter' && node.type !== 'part') state.partOpened = false;
    if (state.pendingBreak && !ctx.inCell && node.type !== 'chapter' && node.type !== 'section' && node.type !== 'part' && node.type !== 'pageBreak') {
      state.pendingBreak = false;
      out.push(BREAK_PARAGRAPH);
    }
    out.push(...(blockHandlers[node.type] as BlockHandler<BlockType>)(node, here));
    // Only the first block of a Word section is at its top.
    state.sectionStart = false;
  }
  return out;
}

export const bodyContext = (state: RenderState, textWidth?: number): Context => ({ state, listDepth: 0, inCell: false, ...(textWidth ? { textWidth } : {}) });
