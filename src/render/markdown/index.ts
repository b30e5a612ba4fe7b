import type { Block, Chapter, Chart, ChartBox, Clause, Document, Fields, Inline, List, Part, Section, Signature, Table, TableCell } from '../../model/types.js';
import { chapterHeading, headingAffixes } from '../../transform/numbering.js';
import { DRAFT_NOTE, gapText, inlineText } from '../../model/text.js';

/**
 * Markdown writer, for review and diffs. Every user value is escaped so that the Markdown reads
 * back as exactly the text of the model (a vendor name with `|` or `*` stays text).
 */

type BlockType = Block['type'];
type InlineType = Inline['type'];
type BlockHandler<T extends BlockType> = (node: Extract<Block, { type: T }>, depth: number) => string;
/** Where an inline sits: line-start and line-end escapes apply only at the edges of a line. */
interface InlineContext {
  readonly inTable: boolean;
  readonly atLineStart: boolean;
  readonly atLineEnd: boolean;
}
type InlineHandler<T extends InlineType> = (node: Extract<Inline, { type: T }>, ctx: InlineContext) => string;

/** Escapes characters CommonMark + GFM could read as inline syntax, anywhere in a line. */
const escapeInline = (text: string): string => text.replace(/[\\`*_[\]<>|~&]/gu, (c) => `\\${c}`);

const spacesAsReferences = (run: string): string => [...run].map((c) => (c === ' ' ? '&#32;' : '&#9;')).join('');

/** Escapes block markers (`#`, `-`, `1.` …) and leading spaces that a parser would read or trim at a line start. */
const escapeLineStart = (text: string, inTable = false): string =>
  (inTable ? text : text.replace(/^([#>+=-])/u, '\\$1').replace(/^(\d+)([.)])/u, '$1\\$2')).replace(/^[ \t]+/u, spacesAsReferences);

const escapeLineEnd = (text: string): string => text.replace(/[ \t]+$/u, spacesAsReferences);

/** One line of text standing alone (a title, a table cell): escaped for every position. */
export const escapeMarkdown = (text: string): string => escapeLineEnd(escapeLineStart(escapeInline(text)));

/**
 * Text that may hold "\n": each line escaped so that the Markdown reads back as exactly this text;
 * a line break is `<br>` inside a table cell and a backslash hard break elsewhere.
 */
function escapeText(text: string, ctx: InlineContext): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      let out = escapeInline(line);
      if (i > 0 || ctx.atLineStart) out = escapeLineStart(out, ctx.inTable);
      if (i < lines.length - 1 || ctx.atLineEnd) out = escapeLineEnd(out);
      return out;
    })
    .join(ctx.inTable ? '<br>' : '\\\n');
}

const escapeWithBreaks = (text: string, inTable: boolean): string => escapeText(text, { inTable, atLineStart: true, atLineEnd: true });

const inlineHandlers: { [T in InlineType]: InlineHandler<T> } = {
  text: (node, ctx) => escapeText(node.value, ctx),
  strong: (node, ctx) => `**${inlines(node.children, ctx.inTable)}**`,
  link: (node, ctx) => `[${inlines(node.children, ctx.inTable)}](<${node.url.replace(/[<>]/gu, encodeURIComponent)}>)`,
  xref: (node, ctx) => escapeText(node.text, ctx),
  gap: (node, ctx) => `**${escapeText(gapText(node.question), ctx)}**`,
  // Markdown has no underline; <ins> is the inline HTML that renderers (GitHub's too) underline.
  changed: (node, ctx) => `<ins>${inlines(node.children, ctx.inTable)}</ins>`,
};

function inlines(nodes: readonly Inline[], inTable = false): string {
  let atLineStart = true;
  let out = '';
  nodes.forEach((node, i) => {
    const ctx = { inTable, atLineStart, atLineEnd: i === nodes.length - 1 };
    const piece = (inlineHandlers[node.type] as InlineHandler<InlineType>)(node, ctx);
    // Two bold runs side by side (two gaps) become one: 「**a****b**」 would read as four asterisks.
    out = out.endsWith('**') && piece.startsWith('**') ? out.slice(0, -2) + piece.slice(2) : out + piece;
    atLineStart = node.type === 'text' && node.value.endsWith('\n');
  });
  return out;
}

const blockHandlers: { [T in BlockType]: BlockHandler<T> } = {
  chapter: (node: Chapter) =>
    [
      `# ${escapeInline(chapterHeading(node))}`,
      // Only the rulebook's chapters open with the sample's header table.
      ...(node.numbering === 'decimal'
        ? [`| 番号 | 章名 | 改訂日 | 適用範囲 |\n| --- | --- | --- | --- |\n| ${node.number} | ${escapeInline(node.title)} | ${escapeInline(node.revised)} | ${inlines(node.scope, true)} |`]
        : []),
      ...node.children.map((child) => block(child, 1)),
    ].join('\n\n'),
  section: (node: Section, depth) => {
    const hashes = '#'.repeat(Math.min(6, node.level + 1));
    const { before, after } = headingAffixes(node);
    const heading = `${hashes} ${escapeInline(before)}${inlines(node.title)}${escapeInline(after)}`;
    return [heading, ...node.children.map((child) => block(child, depth + 1))].join('\n\n');
  },
  clause: (node: Clause) => clause(node),
  fields: (node: Fields) =>
    node.children
      .map((field) => {
        const hint = field.hint.length ? inlines(field.hint) : '';
        // A box to stamp keeps its blank before the 「印」.
        return `${inlines(field.label)}：${field.seal ? `${BLANK}\u3000${hint}` : hint ? `\u3000${hint}` : BLANK}`;
      })
      .join('\\\n'),
  // Markdown cannot set text flush right: the closing lines as they read.
  signature: (node: Signature) => node.lines.map((line) => inlines(line)).join('\\\n'),
  part: (node: Part) =>
    [`# ${escapeInline(node.number ? `${node.number}\u3000${node.title}` : node.title)}`, ...node.children.map((child) => block(child, 0))].join('\n\n'),
  paragraph: (node) => inlines(node.children),
  // Written as the paragraph it was: the parser reads a paragraph of only 「＜…＞」 as a label again.
  label: (node) => inlines(node.children),
  list: (node) => list(node, 0),
  table: (node) => table(node),
  note: (node) =>
    node.children
      .map((child) => block(child, 0))
      .join('\n\n')
      .split('\n')
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n'),
  chart: (node: Chart) => [`**${escapeMarkdown(node.title || '体制図')}**`, chartBox(node.root, 0)].join('\n\n'),
  pageBreak: () => '<!-- 改ページ -->',
  // Markdown cannot set text flush right: the mark on a line of its own.
  closing: (node) => escapeMarkdown(node.text),
};

/** A blank to write in by hand. */
const BLANK = '＿'.repeat(16);

/** A clause of an article: ２ before its first paragraph, its lists as items (1), (2) … */
function clause(node: Clause): string {
  return node.children
    .map((child, i) => {
      if (child.type === 'list' && child.ordered) return legalItems(child, 0);
      const text = block(child, 0);
      return i === 0 && node.number ? `${node.number}\u3000${text}` : text;
    })
    .join('\n\n');
}

/** Items (号) of a clause: (1), then ①, then ア; one paragraph each, indented with full-width spaces. */
function legalItems(node: List, depth: number): string {
  const marker = (n: number) => (depth % 3 === 0 ? `(${n})` : depth % 3 === 1 ? String.fromCodePoint(0x2460 + n - 1) : 'アイウエオカキクケコサシスセソタチツテトナニヌネノ'[(n - 1) % 25]!);
  const pad = '\u3000'.repeat(depth + 1);
  return node.children
    .map((item, i) =>
      item.children
        .map((child, j) => {
          if (child.type === 'list') return child.ordered ? legalItems(child, depth + 1) : list(child, 2 * (depth + 1));
          const text = block(child, 0);
          return j === 0 ? `${pad}${marker(node.start + i)}\u3000${text}` : `${pad}\u3000${text}`;
        })
        .join('\n\n'),
    )
    .join('\n\n');
}

function block(node: Block, depth: number): string {
  return (blockHandlers[node.type] as BlockHandler<BlockType>)(node, depth);
}

function list(node: List, indent: number): string {
  const pad = ' '.repeat(indent);
  return node.children
    .map((item, i) => {
      const marker = node.ordered ? `${node.start + i}. ` : '- ';
      const inner = ' '.repeat(indent + marker.length);
      return item.children
        .map((child, j) => {
          const text = child.type === 'list' ? list(child, indent + marker.length) : block(child, 0).split('\n').join(`\n${inner}`);
          return j === 0 ? `${pad}${marker}${text}` : child.type === 'list' ? text : `\n${inner}${text}`;
        })
        .join('\n');
    })
    .join('\n');
}

function chartBox(box: ChartBox, indent: number): string {
  const label = box.lines.map((line) => inlines(line)).join(' ');
  return [`${' '.repeat(indent)}- ${label}`, ...box.children.map((child) => chartBox(child, indent + 2))].join('\n');
}

/**
 * A cell's blocks on one line: paragraphs joined by `<br>`, list items as 「・」 lines, a clause
 * with its number and items (1), a table inside the cell (a 新旧対照表 holds them) one line per row
 * with its cells between 「｜」.
 */
function cellText(cell: TableCell): string {
  const parts: string[] = [];
  const visit = (blocks: readonly Block[], prefix: string, legal = false) => {
    for (const child of blocks) {
      if (child.type === 'paragraph' || child.type === 'label') parts.push(prefix + inlines(child.children, true));
      else if (child.type === 'list')
        child.children.forEach((item, i) => {
          const marker = child.ordered ? (legal ? `(${child.start + i})\u3000` : `${child.start + i}. `) : '・';
          const [first, ...rest] = item.children;
          if (first?.type === 'paragraph') parts.push(`${prefix}${marker}${inlines(first.children, true)}`);
          else if (first) visit([first], prefix + marker, legal);
          visit(rest, `${prefix}\u3000`, legal);
        });
      else if (child.type === 'clause') {
        const at = parts.length;
        visit(child.children, prefix, true);
        if (child.number && parts.length > at) parts[at] = `${prefix}${child.number}\u3000${parts[at]!.slice(prefix.length)}`;
      } else if (child.type === 'note') visit(child.children, prefix, legal);
      else if (child.type === 'table') for (const row of child.children) parts.push(prefix + row.children.map((c) => cellText(c)).join('｜'));
      else parts.push(prefix + escapeWithBreaks(blockPlainText(child), true));
    }
  };
  visit(cell.children, '');
  return parts.join('<br>') || ' ';
}

function blockPlainText(node: Block): string {
  if (node.type === 'paragraph') return inlineText(node.children);
  return '';
}

/**
 * GFM tables need a header row and no spans, so spans are written out: a cell covered by a row
 * span repeats as 「〃」.
 */
function table(node: Table): string {
  const columnCount = node.columns.length;
  const grid: string[][] = [];
  const covered: number[] = Array.from({ length: columnCount }, () => 0);
  for (const row of node.children) {
    const line: string[] = [];
    let cells = [...row.children];
    for (let c = 0; c < columnCount; c++) {
      if (covered[c]! > 0) {
        covered[c]!--;
        line.push('〃');
        continue;
      }
      const cell = cells.shift();
      if (!cell) {
        line.push(' ');
        continue;
      }
      covered[c] = cell.rowSpan - 1;
      line.push(cellText(cell));
      for (let extra = 1; extra < cell.colSpan; extra++) line.push(' ');
      c += cell.colSpan - 1;
    }
    cells = [];
    grid.push(line);
  }
  const headerCount = Math.max(1, node.headerRows);
  const header = node.headerRows > 0 ? grid.slice(0, headerCount) : [Array.from({ length: columnCount }, () => ' ')];
  const body = node.headerRows > 0 ? grid.slice(headerCount) : grid;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [row(header[0]!), row(Array.from({ length: columnCount }, () => '---'))];
  for (const extraHeader of header.slice(1)) lines.push(row(extraHeader));
  for (const r of body) lines.push(row(r));
  return lines.join('\n');
}

export function renderMarkdown(doc: Document): string {
  const m = doc.meta;
  // A draft says so right under its title, where a reader of the file starts.
  const draft = m.draft ? [`**${escapeInline(DRAFT_NOTE)}**`] : [];
  if (m.front === 'title') return `${[`# ${escapeInline(m.title)}`, ...draft, ...doc.children.map((node) => block(node, 0))].join('\n\n')}\n`;
  const front = [
    `# ${escapeInline(m.title)}`,
    ...draft,
    [
      `${escapeMarkdown(m.organization)}`,
      `版: ${escapeInline(m.version)}　施行日: ${escapeInline(m.effectiveDateText)}　承認: ${escapeInline(m.approver)}　区分: ${escapeInline(m.classification)}`,
    ].join('\\\n'),
    '## 改訂履歴',
    ['| 版 | 日付 | 内容 |', '| --- | --- | --- |', ...m.revisions.map((r) => `| ${escapeWithBreaks(r.version, true)} | ${escapeWithBreaks(r.dateText, true)} | ${escapeWithBreaks(r.description, true)} |`)].join('\n'),
  ];
  const body = doc.children.map((node) => block(node, 0));
  return `${[...front, ...body].join('\n\n')}\n`;
}
