import { inlineText } from '../../model/text.js';
import type { Block, Chapter, Chart, Clause, Closing, Fields, Inline, Label, List, Paragraph, Part, Section, Signature } from '../../model/types.js';
import { takesIndent } from '../text/indent.js';
import { chapterHeading, headingAffixes, headingNumber } from '../../transform/numbering.js';
import { layoutChart } from '../chart/layout.js';
import { CHART_COLORS } from '../chart/svg.js';
import { face } from '../text/fonts.js';
import { inlineAtoms, lineOps, mayBreak, runAt, setText, styleOf, textAtoms, type Atom } from './inline.js';
import { translate, type Op } from './ops.js';
import type { Box, Mark } from './paginate.js';
import { BODY, COLORS, HEADINGS, MM, TABLE, type Geometry, type TextStyle } from './style.js';
import { noteBox, tableBox } from './table.js';

/**
 * Blocks → boxes for the paginator, one handler per block type. The same code flows the body
 * (`bodyFlow`) and the inside of table cells and notes (smaller type, no first-line indent).
 */

export interface Flow {
  readonly width: number;
  readonly text: TextStyle;
  /** 字下げ of a paragraph's first line, in ems. */
  readonly indent: number;
  /** Extra space between paragraphs. */
  readonly paragraphSpace: number;
  readonly align: 'justify' | 'left' | 'center';
  /** Inside a table cell or note: no page-level structure (headings become bold lines). */
  readonly nested: boolean;
  /** Outline depth of level-1 sections here (0 at the top, 1 inside a chapter or part …). */
  readonly depth: number;
  /** Height of the page's text block (a table taller than that must be cut). */
  readonly pageHeight: number;
  /** Inside a clause of an article: numbered lists are its items 「(1)」, set at the clause's own indent. */
  readonly items?: boolean;
  /**
   * Paragraphs break between phrases (BudouX), set flush left: `all` of them (a table's header and
   * label cells), or `short` ones (a cell of a few words).
   */
  readonly phrases?: 'all' | 'short';
}

/** A paragraph this short (in characters) is a few words: it breaks between phrases. */
const SHORT_PARAGRAPH = 24;

/** The inside of a box (cell, note, header): no indent, no page structure. */
export const nestedFlow = (width: number, text: TextStyle, align: Flow['align'] = 'justify', paragraphSpace = 0): Flow => ({
  width,
  text,
  indent: 0,
  paragraphSpace,
  align,
  nested: true,
  depth: 0,
  pageHeight: Infinity,
});

export const bodyFlow = (g: Geometry): Flow => ({ width: g.textWidth, text: BODY, indent: 1, paragraphSpace: 2, align: 'justify', nested: false, depth: 0, pageHeight: g.textHeight });

type BlockHandler<T extends Block['type']> = (node: Extract<Block, { type: T }>, flow: Flow) => readonly Box[];

const handlers: { [T in Block['type']]: BlockHandler<T> } = {
  paragraph: (node, flow) => paragraph(node, flow),
  label: (node, flow) => label(node, flow),
  list: (node, flow) => list(node, flow, 0),
  table: (node, flow) => [tableBox(node, flow)],
  note: (node, flow) => [noteBox(node, flow)],
  chart: (node, flow) => [chart(node, flow)],
  pageBreak: (_node, flow) => (flow.nested ? [] : [{ height: 0, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, pageBreak: true, ops: [] }]),
  section: (node, flow) => section(node, flow),
  chapter: (node, flow) => chapter(node, flow),
  clause: (node, flow) => clause(node, flow),
  fields: (node, flow) => [fields(node, flow)],
  signature: (node, flow) => signature(node, flow),
  closing: (node, flow) => [closing(node, flow)],
  part: (node, flow) => part(node, flow),
};

export function flowBlocks(blocks: readonly Block[], flow: Flow): Box[] {
  const out: Box[] = [];
  /** Index in `out` of the first box of each block so far. */
  const starts: number[] = [];
  blocks.forEach((node, k) => {
    if (node.type === 'signature' || node.type === 'closing' || (node.type === 'fields' && k > 0)) keepClosing(blocks, k, out, starts);
    starts.push(out.length);
    out.push(...blockBoxes(node, flow));
  });
  return out;
}

/**
 * Blocks laid out before, by identity and measure: a pack's parts are its documents' own blocks (the
 * same objects, never changed after generation), so each chapter, section and table of the pack
 * takes the boxes its document got when it was written, instead of being laid out again. Inside a
 * part everything sits one level deeper in the outline: the depth is not part of the key, and the
 * marks of boxes laid out at another depth are moved by the difference (nothing else depends on it).
 * Boxes are plain data that nothing changes after layout (flowBlocks copies the list). Weak: the
 * entries go with the documents.
 */
const blockCache = new WeakMap<Block, Map<string, { readonly depth: number; readonly boxes: readonly Box[] }>>();

const flowKey = (flow: Flow): string => {
  const t = flow.text;
  return `${flow.width}|${flow.indent}|${flow.paragraphSpace}|${flow.align}|${flow.pageHeight}|${flow.items}|${flow.phrases}|${t.face}|${t.size}|${t.leading}|${t.color}`;
};

function blockBoxes(node: Block, flow: Flow): readonly Box[] {
  const handler = handlers[node.type] as BlockHandler<Block['type']>;
  // Only the body's blocks: the inside of a cell or note goes with its table, cached as one.
  if (flow.nested || node.type === 'part') return handler(node, flow);
  let byFlow = blockCache.get(node);
  if (!byFlow) blockCache.set(node, (byFlow = new Map()));
  const key = flowKey(flow);
  const cached = byFlow.get(key);
  if (!cached) {
    const boxes = handler(node, flow);
    byFlow.set(key, { depth: flow.depth, boxes });
    return boxes;
  }
  const shift = flow.depth - cached.depth;
  if (shift === 0) return cached.boxes;
  return cached.boxes.map((box) => (box.marks?.length ? { ...box, marks: box.marks.map((mark) => ({ ...mark, depth: mark.depth + shift })) } : box));
}

/**
 * The lines that close a statement or a form (a signature, the fields to sign) are not left alone
 * on a page: they keep the sentence before them, and the items that sentence confirms — the end of
 * the table before it, which then goes over with them (paginate.ts).
 */
function keepClosing(blocks: readonly Block[], k: number, out: Box[], starts: readonly number[]): void {
  const keep = (block: number) => {
    const from = starts[block]!;
    const to = block + 1 < starts.length ? starts[block + 1]! : out.length;
    // Text keeps only its last two lines (they stay together anyway); a table its end (paginate.ts).
    for (let i = blocks[block]!.type === 'table' ? from : Math.max(from, to - 2); i < to; i++) out[i] = { ...out[i]!, keepWithNext: true };
  };
  let block = k - 1;
  if (block < 0) return;
  if (blocks[block]!.type !== 'table') keep(block);
  if (blocks[block]!.type === 'paragraph') block--;
  if (block >= 0 && blocks[block]!.type === 'table') keep(block);
}

/** One box per line, so that a paragraph can break between pages; no single line left alone. */
export function textBoxes(
  atoms: readonly Atom[],
  flow: Flow,
  options: { indent?: number | ((start: number) => number); align?: Flow['align']; before?: number; after?: number; phrases?: boolean; balance?: boolean } = {},
): Box[] {
  const style = flow.text;
  const set = setText(atoms, flow.width, { indent: options.indent ?? 0, align: options.align ?? flow.align, phrases: options.phrases ?? false, balance: options.balance ?? false });
  const n = set.lines.length;
  return set.lines.map((line, i) => ({
    height: style.leading,
    spaceBefore: i === 0 ? (options.before ?? flow.paragraphSpace) : 0,
    spaceAfter: i === n - 1 ? (options.after ?? flow.paragraphSpace) : 0,
    // Keep the first two and the last two lines together (orphans and widows).
    keepWithNext: n > 1 && (i === 0 || i === n - 2),
    ops: lineOps(set.atoms, line, 0, 0, style),
  }));
}


/**
 * Paragraphs laid out before, by content and measure. A paragraph's boxes depend on nothing else, and
 * the same paragraph comes back often: every document again in the pack, most of the template text
 * in every client of a batch. Boxes are plain data that nothing changes after layout (flowBlocks
 * copies the list), so they are shared. Bounded: the oldest entries go first.
 */
const paragraphCache = new Map<string, readonly Box[]>();
const PARAGRAPH_CACHE_LIMIT = 8000;

function paragraph(node: Paragraph, flow: Flow): readonly Box[] {
  const t = flow.text;
  const key = `${flow.width}|${flow.indent}|${flow.paragraphSpace}|${flow.align}|${flow.phrases}|${t.face}|${t.size}|${t.leading}|${t.color}|${JSON.stringify(node.children)}`;
  let boxes = paragraphCache.get(key);
  if (!boxes) {
    boxes = layoutParagraph(node, flow);
    if (paragraphCache.size >= PARAGRAPH_CACHE_LIMIT) paragraphCache.delete(paragraphCache.keys().next().value!);
    paragraphCache.set(key, boxes);
  }
  return boxes;
}

function layoutParagraph(node: Paragraph, flow: Flow): Box[] {
  const atoms = inlineAtoms(node.children, styleOf(flow.text));
  const indent = flow.indent * flow.text.size;
  // A line break in the model is a new line of the rules (the sample's separate paragraphs): each
  // gets the paragraph indent.
  const options = { indent: (start: number) => (takesIndent(atoms[start]?.text) ? indent : 0) };
  if (!flow.phrases || (flow.phrases === 'short' && (atoms.length > SHORT_PARAGRAPH || !mayBreak(atoms, flow.width)))) return textBoxes(atoms, flow, options);
  const byPhrase = textBoxes(atoms, flow, { ...options, phrases: true, align: flow.align === 'justify' ? 'left' : flow.align });
  if (flow.phrases === 'all') return byPhrase;
  // A few words break between phrases when that costs no line.
  const plain = textBoxes(atoms, flow, options);
  return byPhrase.length <= plain.length ? byPhrase : plain;
}

/**
 * 「＜ウイルス感染時の初期対応＞」: a sub-heading in the body's size, in the heading face, at the
 * paragraphs' indent; its lines stay with the first lines of what follows.
 */
function label(node: Label, flow: Flow): Box[] {
  const text: TextStyle = { ...flow.text, face: 'sansBold' };
  const atoms = inlineAtoms(node.children, styleOf(text));
  const boxes = textBoxes(atoms, { ...flow, text }, { indent: flow.indent * text.size, align: 'left', phrases: true, before: flow.nested ? flow.paragraphSpace : LABEL_SPACE, after: flow.paragraphSpace });
  return boxes.map((box) => ({ ...box, keepWithNext: true }));
}

const LABEL_SPACE = 7;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** List markers by depth: 1. → (1) → ①; bullets are 「・」 at every depth. */
function marker(list: List, index: number, depth: number, items: boolean): string {
  if (!list.ordered) return '・';
  const n = list.start + index;
  const level = items ? depth + 1 : depth;
  if (level === 0) return `${n}.`;
  if (level === 1) return `(${n})`;
  return CIRCLED[n - 1] ?? `${n})`;
}

function list(node: List, flow: Flow, depth: number): Box[] {
  const style = flow.text;
  const f = face(style.face);
  const markers = node.children.map((_, i) => marker(node, i, depth, flow.items ?? false));
  // Body lists sit one em in, under the paragraphs' first-line indent (a clause's items at its text).
  const offset = flow.nested || flow.items || depth > 0 ? 0 : style.size;
  const markerWidth = Math.max(...markers.map((m) => f.width(m, style.size)), style.size);
  const hang = offset + markerWidth + (node.ordered ? style.size * 0.4 : 0);
  const inner: Flow = { ...flow, width: flow.width - hang, indent: 0, nested: flow.nested };
  const out: Box[] = [];
  node.children.forEach((item, i) => {
    const boxes = item.children.flatMap((child) => (child.type === 'list' ? list(child, inner, depth + 1) : flowBlocks([child], inner)));
    if (boxes.length === 0) return;
    const shifted = boxes.map((b) => shiftBox(b, hang));
    const first = shifted[0]!;
    // The marker shares the first line's baseline; numbers are right-aligned so their dots line up.
    const markerX = node.ordered ? offset + markerWidth - f.width(markers[i]!, style.size) : offset;
    shifted[0] = { ...first, ops: [runAt(markers[i]!, style, markerX, 0), ...first.ops], spaceBefore: i === 0 ? flow.paragraphSpace : 1.5 };
    out.push(...shifted);
  });
  return out;
}

/** Moves a box's content right, keeping its split behaviour. */
function shiftBox(box: Box, dx: number): Box {
  const split = box.split;
  let shifted: readonly Op[] | undefined;
  return {
    height: box.height,
    spaceBefore: box.spaceBefore,
    spaceAfter: box.spaceAfter,
    keepWithNext: box.keepWithNext,
    pageBreak: box.pageBreak,
    marks: box.marks,
    minHead: box.minHead,
    get ops() {
      return (shifted ??= translate(box.ops, dx, 0));
    },
    split: split
      ? (available, fresh) => {
          const parts = split(available, fresh);
          return parts && { head: shiftBox(parts.head, dx), tail: shiftBox(parts.tail, dx) };
        }
      : undefined,
  };
}

/** A heading: number hanging to the left of a title that may wrap; kept with what follows. */
function heading(label: string, titleAtoms: Atom[], style: TextStyle, flow: Flow, rule: boolean): { height: number; ops: Op[] } {
  const f = face(style.face);
  const numberWidth = label ? f.width(label, style.size) + style.size * 0.6 : 0;
  const set = setText(titleAtoms, flow.width - numberWidth, { align: 'left', phrases: true });
  const ops: Op[] = [];
  if (label) ops.push(runAt(label, style, 0, 0));
  set.lines.forEach((line, i) => ops.push(...lineOps(set.atoms, line, numberWidth, i * style.leading, style)));
  let height = set.lines.length * style.leading;
  if (rule) {
    height += 3;
    ops.push({ kind: 'line', points: [[0, height], [flow.width, height]], color: COLORS.rule, width: 0.6 });
    height += 1;
  }
  return { height, ops };
}

function section(node: Section, flow: Flow): Box[] {
  const level = Math.min(node.level, HEADINGS.length) - 1;
  const article = node.numbering === 'article';
  // An unnumbered heading among articles (附則) is set like a chapter of articles.
  if (node.numbering === 'none' && !flow.nested && node.children.some((c) => c.type === 'clause')) return articleChapter(node.id, inlineText(node.title), node.title, flow, node.children);
  // An article heading 「第5条（再委託）」 is a line of the body's size, not a display heading.
  const spec = article ? ARTICLE_HEADING : HEADINGS[level]!;
  const style = flow.nested ? { ...flow.text, face: 'sansBold' as const } : spec.style;
  const title = inlineText(node.title);
  const number = headingNumber(node);
  const { before, after } = headingAffixes(node);
  const atoms = inlineAtoms(node.title, styleOf(style));
  const { height, ops } = article
    ? heading('', [...textAtoms(before, styleOf(style)), ...atoms, ...textAtoms(after, styleOf(style))], style, flow, false)
    : heading(number, atoms, style, flow, spec.rule && !flow.nested);
  const label = `${before}${title}${after}`;
  const marks: Mark[] = flow.nested ? [] : [{ kind: 'section', id: node.id, label, number, title, depth: flow.depth + node.level - 1, y: 0 }];
  const box: Box = {
    height,
    spaceBefore: flow.nested ? flow.paragraphSpace : spec.before,
    spaceAfter: flow.nested ? flow.paragraphSpace : spec.after,
    keepWithNext: true,
    ops,
    marks,
  };
  return [box, ...flowBlocks(node.children, flow)];
}

const ARTICLE_HEADING = { style: { face: 'sansBold', size: 10.5, leading: 18.5, color: COLORS.text } as TextStyle, before: 10, after: 1, rule: false };

/** Boxes that follow a title on the same page: their first does not start a new page. */
export const continuing = (boxes: Box[]): Box[] => (boxes[0]?.pageBreak ? [{ ...boxes[0], pageBreak: false }, ...boxes.slice(1)] : boxes);

function chapter(node: Chapter, flow: Flow): Box[] {
  if (flow.nested) return flowBlocks(node.children, flow);
  const label = chapterHeading(node);
  const number = node.numbering === 'article' ? `第${node.number}章` : node.numbering === 'decimal' ? `${node.number}.` : '';
  const mark: Mark = { kind: 'chapter', id: node.id, label, number, title: node.title, depth: flow.depth, y: 0 };
  const inner: Flow = { ...flow, depth: flow.depth + 1 };
  // 「第1章　総則」 and the 附則 after the chapters of a set of rules run on among the articles.
  const runsOn = node.numbering === 'article' || (node.numbering === 'none' && !node.children.some((c) => c.type === 'section' && c.numbering === 'decimal'));
  if (runsOn) return articleChapter(node.id, label, [{ type: 'text', value: label }], flow, node.children, mark);
  const header = node.revised || node.scope.length ? chapterHeader(node, flow.width) : chapterTitle(label, flow.width);
  return [
    { height: header.height, spaceBefore: 0, spaceAfter: 16, keepWithNext: true, pageBreak: true, ops: header.ops, marks: [mark] },
    ...continuing(flowBlocks(node.children, inner)),
  ];
}

/** 「第1章　総則」 or 「附則」: centred over the articles, in the flow (no new page, no header table). */
function articleChapter(id: string, label: string, title: readonly Inline[], flow: Flow, children: readonly Block[], mark?: Mark): Box[] {
  const style: TextStyle = { face: 'sansBold', size: 12.5, leading: 20, color: COLORS.text };
  const set = setText(inlineAtoms(title, styleOf(style)), flow.width, { align: 'center', phrases: true, balance: true });
  const ops = set.lines.flatMap((line, i) => lineOps(set.atoms, line, 0, i * style.leading, style));
  const own: Mark = mark ?? { kind: 'section', id, label, number: '', title: label, depth: flow.depth, y: 0 };
  const box: Box = { height: set.lines.length * style.leading, spaceBefore: 20, spaceAfter: 8, keepWithNext: true, ops, marks: [own] };
  return [box, ...flowBlocks(children, { ...flow, depth: flow.depth + 1 })];
}

/** A chapter without the sample's header table: its number and title over a heavy rule. */
function chapterTitle(label: string, width: number): { height: number; ops: Op[] } {
  const style: TextStyle = { face: 'sansBold', size: 17, leading: 26, color: COLORS.text };
  const atoms = textAtoms(label, styleOf(style));
  const set = setText(atoms, width, { align: 'left', phrases: true });
  const ops: Op[] = set.lines.flatMap((line, i) => lineOps(set.atoms, line, 0, i * style.leading, style));
  const height = set.lines.length * style.leading + 6;
  ops.push({ kind: 'rect', x: 0, y: height - 2, width, height: 2, fill: COLORS.coverAccent });
  return { height, ops };
}

/**
 * One document of a pack: a new page under its title (「付録1　…」), its own classification in the
 * footer; its chapters and sections nest under it in the outline.
 */
function part(node: Part, flow: Flow): Box[] {
  if (flow.nested) return flowBlocks(node.children, flow);
  const label = node.number ? `${node.number}\u3000${node.title}` : node.title;
  const { height, ops } = chapterTitle(label, flow.width);
  const mark: Mark = { kind: 'part', id: node.id, label, number: node.number, title: node.title, depth: flow.depth, classification: node.classification, y: 0 };
  const title: Box = { height, spaceBefore: 0, spaceAfter: 18, keepWithNext: true, pageBreak: true, ops, marks: [mark] };
  return [title, ...continuing(flowBlocks(node.children, { ...flow, depth: flow.depth + 1 }))];
}

/**
 * A clause (項) of an article: 「２」 at the margin and its text one em in, wrapped lines too; the
 * first clause is unnumbered and simply indented.
 */
function clause(node: Clause, flow: Flow): Box[] {
  const style = flow.text;
  const hang = style.size;
  // 「２　前項の…」: the number, a space, the text; wrapped lines one em in.
  const inner: Flow = { ...flow, width: flow.width - hang, indent: node.number ? 1 : 0, items: true };
  const boxes = flowBlocks(node.children, inner).map((b) => shiftBox(b, hang));
  if (node.number && boxes[0]) boxes[0] = { ...boxes[0], ops: [runAt(node.number, style, 0, 0), ...boxes[0].ops] };
  return boxes;
}

/**
 * Fields of a form: a labelled box each, to be filled in by hand. A label too long for its column
 * wraps (between phrases) and its row grows; a box to stamp is tall enough for a seal.
 */
function fields(node: Fields, flow: Flow): Box {
  const label: TextStyle = { ...CELL_LABEL };
  const hintStyle: TextStyle = { ...BODY, size: 9.5, leading: 15, color: COLORS.muted };
  const labelWidth = Math.min(flow.width * 0.3, Math.max(72, ...node.children.map((f) => face(label.face).width(inlineText(f.label), label.size) + 2 * TABLE.padX + 8)));
  const hintWidth = flow.width - labelWidth - 2 * TABLE.padX - 6;
  const ops: Op[] = [];
  let top = 0;
  for (const field of node.children) {
    const labelSet = setText(inlineAtoms(field.label, styleOf(label)), labelWidth - 2 * TABLE.padX, { align: 'left', phrases: true });
    const hint = field.hint.length ? setText(inlineAtoms(field.hint, styleOf(hintStyle)), hintWidth, { align: 'left' }) : undefined;
    const labelHeight = labelSet.lines.length * label.leading;
    const hintHeight = (hint?.lines.length ?? 0) * hintStyle.leading;
    const rowHeight = Math.max(field.seal ? FIELD.sealRow : FIELD.row, labelHeight + 2 * TABLE.padY, hintHeight + 2 * TABLE.padY);
    ops.push({ kind: 'rect', x: 0, y: top, width: labelWidth, height: rowHeight, fill: COLORS.headerColumnFill });
    const labelTop = top + (rowHeight - labelHeight) / 2;
    labelSet.lines.forEach((line, k) => ops.push(...lineOps(labelSet.atoms, line, TABLE.padX, labelTop + k * label.leading, label)));
    if (hint) {
      // 「年　　月　　日」 sits at the right of the box, where it is written in.
      const hintTop = top + (rowHeight - hintHeight) / 2;
      hint.lines.forEach((line, k) => ops.push(...lineOps(hint.atoms, line, flow.width - TABLE.padX - 6 - line.naturalWidth, hintTop + k * hintStyle.leading, hintStyle)));
    }
    ops.push({ kind: 'rect', x: 0, y: top, width: labelWidth, height: rowHeight, stroke: COLORS.grid, lineWidth: TABLE.gridWidth });
    ops.push({ kind: 'rect', x: labelWidth, y: top, width: flow.width - labelWidth, height: rowHeight, stroke: COLORS.grid, lineWidth: TABLE.gridWidth });
    top += rowHeight;
  }
  ops.push({ kind: 'rect', x: 0, y: 0, width: flow.width, height: top, stroke: COLORS.rule, lineWidth: TABLE.frameWidth });
  return { height: top, spaceBefore: 8, spaceAfter: 12, keepWithNext: false, ops };
}

/** Heights of a form's rows: room to write by hand (10 mm), and to stamp a seal (18 mm). */
const FIELD = { row: 28, sealRow: 18 * MM } as const;

const CELL_LABEL: TextStyle = { face: 'sansBold', size: 9.5, leading: 15, color: COLORS.text };

/** The closing of a statement, flush right: date, organization, signatory. */
function signature(node: Signature, flow: Flow): Box[] {
  const style = flow.text;
  return node.lines.map((line, i) => {
    const set = setText(inlineAtoms(line, styleOf(style)), flow.width, { align: 'left' });
    const ops = set.lines.flatMap((l, k) => lineOps(set.atoms, l, flow.width - l.naturalWidth, k * style.leading, style));
    return { height: set.lines.length * style.leading, spaceBefore: i === 0 ? 24 : 0, spaceAfter: 0, keepWithNext: i < node.lines.length - 1, ops };
  });
}

/** 「以上」 under the last line, flush right. */
function closing(node: Closing, flow: Flow): Box {
  const style = flow.text;
  const set = setText(textAtoms(node.text, styleOf(style)), flow.width, { align: 'left' });
  const line = set.lines[0];
  const ops = line ? lineOps(set.atoms, line, flow.width - line.naturalWidth - style.size, 0, style) : [];
  return { height: style.leading, spaceBefore: 4, spaceAfter: 0, keepWithNext: false, ops };
}

/**
 * The sample's chapter header table: number and title spanning two rows, then 改訂日 and 適用範囲
 * with their values.
 */
function chapterHeader(node: Chapter, width: number): { height: number; ops: Op[] } {
  const titleStyle: TextStyle = { face: 'sansBold', size: 16, leading: 22, color: COLORS.text };
  const numberWidth = 58;
  // The title cell takes what the title needs (within limits); the scope gets the rest.
  const titleWidth = Math.min(width * 0.36, Math.max(104, face(titleStyle.face).width(node.title, titleStyle.size) + 2 * TABLE.padX + 28));
  const labelWidth = 62;
  const valueWidth = width - numberWidth - titleWidth - labelWidth;
  const cell = { ...BODY, size: 9.5, leading: 15 };
  const labelStyle: TextStyle = { face: 'sansBold', size: 9, leading: 15, color: COLORS.text };
  const pad = TABLE.padX;
  const valueFlow = nestedFlow(valueWidth - 2 * pad, cell);
  const revised = textBoxes(textAtoms(node.revised, styleOf(cell)), valueFlow, { before: 0, after: 0 });
  const scope = textBoxes(inlineAtoms(node.scope, styleOf(cell)), valueFlow, { before: 0, after: 0 });
  const row1 = Math.max(24, revised.length * cell.leading + 2 * TABLE.padY);
  const row2 = Math.max(24, scope.length * cell.leading + 2 * TABLE.padY);
  const height = Math.max(row1 + row2, 56);
  const bottom2 = height - row1;
  const ops: Op[] = [];
  const x1 = numberWidth;
  const x2 = x1 + titleWidth;
  const x3 = x2 + labelWidth;
  ops.push({ kind: 'rect', x: 0, y: 0, width: numberWidth, height, fill: COLORS.coverAccent });
  ops.push({ kind: 'rect', x: x2, y: 0, width: labelWidth, height, fill: COLORS.headerFill });
  // Chapter number (white on the accent) and title, centred in their cells.
  const numStyle: TextStyle = { face: 'sansBold', size: 24, leading: 24, color: '#ffffff' };
  ops.push(...centred(node.number, numStyle, 0, numberWidth, (height - numStyle.leading) / 2));
  const titleFlow = nestedFlow(titleWidth - 2 * pad, titleStyle, 'center');
  const titleLines = textBoxes(textAtoms(node.title, styleOf(titleStyle)), titleFlow, { before: 0, after: 0, phrases: true, balance: true });
  let ty = (height - titleLines.length * titleStyle.leading) / 2;
  for (const line of titleLines) {
    ops.push(...translate(line.ops, x1 + pad, ty));
    ty += titleStyle.leading;
  }
  ops.push(...centred('改訂日', labelStyle, x2, labelWidth, (row1 - labelStyle.leading) / 2));
  ops.push(...centred('適用範囲', labelStyle, x2, labelWidth, row1 + (bottom2 - labelStyle.leading) / 2));
  let vy = (row1 - revised.length * cell.leading) / 2;
  for (const line of revised) {
    ops.push(...translate(line.ops, x3 + pad, vy));
    vy += cell.leading;
  }
  vy = row1 + (bottom2 - scope.length * cell.leading) / 2;
  for (const line of scope) {
    ops.push(...translate(line.ops, x3 + pad, vy));
    vy += cell.leading;
  }
  const grid = { color: COLORS.grid, width: TABLE.gridWidth };
  ops.push({ kind: 'line', points: [[x1, 0], [x1, height]], ...grid });
  ops.push({ kind: 'line', points: [[x2, 0], [x2, height]], ...grid });
  ops.push({ kind: 'line', points: [[x3, 0], [x3, height]], ...grid });
  ops.push({ kind: 'line', points: [[x2, row1], [width, row1]], ...grid });
  ops.push({ kind: 'rect', x: 0, y: 0, width, height, stroke: COLORS.rule, lineWidth: TABLE.frameWidth });
  return { height, ops };
}

/** A single line centred in [x, x + width], line box at `top`. */
export function centred(text: string, style: TextStyle, x: number, width: number, top: number): Op[] {
  return [runAt(text, style, x + (width - face(style.face).width(text, style.size)) / 2, top)];
}

function chart(node: Chart, flow: Flow): Box {
  const caption: TextStyle = { face: 'sansBold', size: 10, leading: 16, color: COLORS.text };
  const layout = layoutChart(node, flow.width - 4);
  const ops: Op[] = [];
  const captionHeight = node.title ? caption.leading + 8 : 0;
  if (node.title) ops.push(...centred(node.title, caption, 0, flow.width, 0));
  const dx = (flow.width - layout.width) / 2;
  const dy = captionHeight;
  for (const line of layout.connectors) ops.push({ kind: 'line', points: line.map(([x, y]) => [x + dx, y + dy] as const), color: CHART_COLORS.line, width: 0.8 });
  for (const b of layout.boxes) {
    ops.push({ kind: 'rect', x: b.x + dx, y: b.y + dy, width: b.width, height: b.height, fill: b.root ? CHART_COLORS.rootBox : CHART_COLORS.box, stroke: CHART_COLORS.line, lineWidth: b.root ? 1.2 : 0.8 });
    for (const t of b.texts) {
      const run = runAt(t.text, { face: t.face, size: t.size, leading: t.size, color: CHART_COLORS.text }, t.x + dx, 0);
      ops.push({ ...run, y: t.y + dy });
    }
  }
  return { height: captionHeight + layout.height + 2, spaceBefore: 14, spaceAfter: 14, keepWithNext: false, ops };
}
