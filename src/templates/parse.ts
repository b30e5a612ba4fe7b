import type * as md from 'mdast';
import type {
  Block,
  Chart,
  ChartBox,
  Field,
  Fields,
  Inline,
  List,
  ListItem,
  Section,
  Signature,
  Table,
  TableCell,
  TableRow,
} from '../model/types.js';
import { MarkdownSyntaxError, parseMarkdown as parseWithMarkdownIt, type ContainerDirective, type LeafDirective, type TextDirective } from './markdown.js';
import { containsToken, type ValueTable } from './values.js';
import { inlineText } from '../model/text.js';

/**
 * Rendered template Markdown → document model blocks.
 *
 * The Markdown dialect (documented in docs/templates.md): CommonMark + GFM pipe tables +
 * directives. `# 見出し {#id}` opens a numbered section (`#` level 1, `##` level 2 …; `.annex`
 * makes it an annex such as 「8-1」); `:::table` holds a list of rows, each a list of cells, so cells
 * can carry several paragraphs and lists (a cell of just `^` joins the cell above); `:::note`,
 * `::::chart` (a nested list of boxes), `:::fields` (a form's labelled blanks), `:::signature` (the
 * closing lines of a statement) and `::pagebreak` are the other blocks; `:ref{to=id}` is a
 * cross-reference. `.unnumbered` on a heading leaves it without a number (附則). A newline inside a
 * paragraph is a line break.
 */

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    /** The message without the file and line. */
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
  }
}

interface Context {
  readonly file: string;
  readonly values: ValueTable;
}

const fail = (ctx: Context, node: md.Node | undefined, message: string): never => {
  throw new TemplateError(ctx.file, message, node?.position?.start.line);
};

/**
 * Parsed Markdown by its text. Values are tokens named by their answers key, so a template renders
 * the same Markdown for every organization whose answers have the same shape: batch builds and the
 * distribution pack parse each variant once. The trees are only read, never changed.
 */
const parsed = new Map<string, md.Root>();
const PARSE_CACHE_SIZE = 400;

function parseMarkdown(markdown: string, file: string): md.Root {
  let tree = parsed.get(markdown);
  if (!tree) {
    try {
      tree = parseWithMarkdownIt(markdown);
    } catch (error) {
      if (error instanceof MarkdownSyntaxError) throw new TemplateError(file, error.message, error.line);
      throw error;
    }
    if (parsed.size >= PARSE_CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
    parsed.set(markdown, tree);
  }
  return tree;
}

export function parseTemplateMarkdown(markdown: string, file: string, values: ValueTable): Block[] {
  const tree = parseMarkdown(markdown, file);
  const ctx: Context = { file, values };
  return nestSections(ctx, tree.children);
}

/** Headings open sections; the blocks after a heading belong to it until a heading of its level or higher. */
function nestSections(ctx: Context, nodes: md.RootContent[]): Block[] {
  interface Open {
    section: Omit<Section, 'children'>;
    children: Block[];
  }
  const top: Block[] = [];
  const stack: Open[] = [];
  const close = () => {
    const open = stack.pop()!;
    const section: Section = { ...open.section, children: open.children };
    (stack.length ? stack[stack.length - 1]!.children : top).push(section);
  };
  for (const node of nodes) {
    if (node.type === 'heading') {
      while (stack.length && stack[stack.length - 1]!.section.level >= node.depth) close();
      const parentLevel = stack.length ? stack[stack.length - 1]!.section.level : 0;
      if (node.depth !== parentLevel + 1) {
        fail(ctx, node, `見出しの階層が飛んでいます（レベル${parentLevel}の次にレベル${node.depth}）`);
      }
      stack.push({ section: heading(ctx, node), children: [] });
    } else {
      const blocks = block(ctx, node);
      (stack.length ? stack[stack.length - 1]!.children : top).push(...blocks);
    }
  }
  while (stack.length) close();
  return top;
}

function heading(ctx: Context, node: md.Heading): Omit<Section, 'children'> {
  const children = [...node.children];
  const last = children[children.length - 1];
  const attrMatch = last?.type === 'text' ? /\s*\{([^{}]*)\}\s*$/u.exec(last.value) : null;
  if (!last || last.type !== 'text' || !attrMatch) {
    return fail(ctx, node, '見出しには {#id} が必要です（例: # アクセス制御方針 {#org-access-policy}）');
  }
  const attrs = attrMatch[1]!.trim().split(/\s+/u);
  const id = attrs.find((a) => a.startsWith('#'))?.slice(1);
  if (!id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(id)) {
    return fail(ctx, node, `見出しのidは英小文字・数字・ハイフンで書いてください: {${attrMatch[1]}}`);
  }
  const unknown = attrs.filter((a) => !a.startsWith('#') && a !== '.annex' && a !== '.unnumbered');
  if (unknown.length) fail(ctx, node, `見出しの属性が不明です: ${unknown.join(' ')}`);
  if (attrs.includes('.annex') && attrs.includes('.unnumbered')) fail(ctx, node, '.annex と .unnumbered は同時に使えません');
  const trimmed = last.value.slice(0, attrMatch.index);
  if (trimmed) children[children.length - 1] = { ...last, value: trimmed };
  else children.pop();
  return {
    type: 'section',
    id,
    level: node.depth,
    annex: attrs.includes('.annex'),
    // The numbering transform turns the document's level-1 sections into articles where it numbers so.
    numbering: attrs.includes('.unnumbered') ? 'none' : 'decimal',
    number: '',
    title: inlines(ctx, children),
  };
}

function block(ctx: Context, node: md.RootContent): Block[] {
  switch (node.type) {
    case 'paragraph': {
      const children = inlines(ctx, node.children);
      if (!children.length) return [];
      return [isLabel(children) ? { type: 'label', children } : { type: 'paragraph', children }];
    }
    case 'list':
      return [list(ctx, node)];
    case 'table':
      return [gfmTableToModel(ctx, node)];
    case 'containerDirective':
      return [containerDirective(ctx, node)];
    case 'leafDirective':
      return [leafDirective(ctx, node)];
    case 'definition':
      return [];
    default:
      return fail(ctx, node, `テンプレートで使えない要素です: ${node.type}`);
  }
}

/**
 * A paragraph that is only 「＜…＞」 is one of the sample's sub-headings (＜ウイルス感染時の初期対応＞):
 * a label, so that writers keep it with what it introduces. The templates need no markup for it.
 * So is a paragraph that is only bold text (「**記入の方法**」), Markdown's usual run-in heading.
 */
const LABEL = /^＜[^＜＞\n]+＞$/u;
const SEAL = /^\s*[印㊞]\s*$/u;
const plainText = (children: readonly Inline[]): boolean => children.every((node) => node.type === 'text');
const isLabel = (children: readonly Inline[]): boolean => {
  if (plainText(children)) return LABEL.test(inlineText(children).trim());
  const [only] = children;
  return children.length === 1 && only?.type === 'strong' && plainText(only.children) && inlineText(only.children).trim() !== '';
};

function blocks(ctx: Context, nodes: readonly md.RootContent[]): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'heading') fail(ctx, node, 'ここに見出しは置けません');
    out.push(...block(ctx, node));
  }
  return out;
}

function list(ctx: Context, node: md.List): List {
  return {
    type: 'list',
    ordered: node.ordered === true,
    start: node.start ?? 1,
    children: node.children.map((item): ListItem => ({ type: 'listItem', children: blocks(ctx, item.children) })),
  };
}

function attributes(ctx: Context, node: ContainerDirective | LeafDirective | TextDirective): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value === null || value === undefined) continue;
    if (containsToken(value)) fail(ctx, node, `属性 ${key} に回答の値は入れられません`);
    attrs[key] = value;
  }
  return attrs;
}

function onlyKnown(ctx: Context, node: ContainerDirective | LeafDirective | TextDirective, attrs: Record<string, string>, known: string[]) {
  const unknown = Object.keys(attrs).filter((k) => !known.includes(k));
  if (unknown.length) fail(ctx, node, `:${node.name} の属性が不明です: ${unknown.join(', ')}`);
}

function containerDirective(ctx: Context, node: ContainerDirective): Block {
  const attrs = attributes(ctx, node);
  switch (node.name) {
    case 'table':
      onlyKnown(ctx, node, attrs, ['widths', 'header', 'headcol', 'kind']);
      return listTable(ctx, node, attrs);
    case 'note':
      onlyKnown(ctx, node, attrs, []);
      return { type: 'note', children: blocks(ctx, node.children) };
    case 'signature': {
      onlyKnown(ctx, node, attrs, []);
      const lines: Inline[][] = [];
      for (const child of node.children) {
        if (child.type !== 'paragraph') fail(ctx, child, ':::signature には文（日付・組織名・署名者）だけを書いてください');
        else lines.push(...splitLines(inlines(ctx, child.children)));
      }
      if (!lines.length) fail(ctx, node, ':::signature が空です');
      const signature: Signature = { type: 'signature', lines };
      return signature;
    }
    case 'fields': {
      onlyKnown(ctx, node, attrs, []);
      const [only, ...rest] = node.children;
      if (!only || only.type !== 'list' || rest.length) return fail(ctx, node, ':::fields には記入欄のリスト（- 会社名）だけを書いてください');
      const fields: Fields = {
        type: 'fields',
        children: only.children.map((item): Field => {
          const [first, ...more] = item.children;
          if (!first || first.type !== 'paragraph' || more.length) return fail(ctx, item, '記入欄は「- 見出し」（2行目に欄内の文字を書ける）の1段落で書いてください');
          const [label = [], ...lines] = splitLines(inlines(ctx, first.children));
          const hint = lines.flatMap((line, i) => (i ? [{ type: 'text', value: '\n' } as Inline, ...line] : line));
          // A box whose hint is 「印」 is stamped: it needs the room of a seal.
          return { type: 'field', label, hint, seal: SEAL.test(inlineText(hint)) };
        }),
      };
      return fields;
    }
    case 'chart': {
      onlyKnown(ctx, node, attrs, ['title']);
      const [only, ...rest] = node.children;
      if (!only || only.type !== 'list' || rest.length || only.children.length !== 1) {
        return fail(ctx, node, ':::chart には最上位の箱が1つだけのリストを書いてください');
      }
      const chart: Chart = { type: 'chart', title: attrs.title ?? '', root: chartBox(ctx, only.children[0]!) };
      return chart;
    }
    default:
      return fail(ctx, node, `不明なブロック :::${node.name}`);
  }
}

function chartBox(ctx: Context, item: md.ListItem): ChartBox {
  const [first, ...rest] = item.children;
  if (!first || first.type !== 'paragraph') return fail(ctx, item, '体制図の箱には文字が必要です');
  const children: ChartBox[] = [];
  for (const node of rest) {
    if (node.type !== 'list') fail(ctx, node, '体制図の箱の下にはリストだけを書けます');
    else children.push(...node.children.map((child) => chartBox(ctx, child)));
  }
  const lineInlines = splitLines(inlines(ctx, first.children));
  return { type: 'chartBox', lines: lineInlines, children };
}

/** Splits inlines at "\n" into one inline list per line. */
function splitLines(nodes: Inline[]): Inline[][] {
  const out: Inline[][] = [[]];
  for (const node of nodes) {
    if (node.type !== 'text' || !node.value.includes('\n')) {
      out[out.length - 1]!.push(node);
      continue;
    }
    node.value.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part) out[out.length - 1]!.push({ type: 'text', value: part });
    });
  }
  return out.filter((line) => line.length > 0);
}

function leafDirective(ctx: Context, node: LeafDirective): Block {
  const attrs = attributes(ctx, node);
  if (node.name === 'pagebreak') {
    onlyKnown(ctx, node, attrs, []);
    return { type: 'pageBreak' };
  }
  return fail(ctx, node, `不明なブロック ::${node.name}`);
}

function parseWidths(ctx: Context, node: md.Node, spec: string | undefined, count: number): number[] {
  if (!spec) return Array.from({ length: count }, () => 1);
  const widths = spec.split(',').map((w) => Number(w.trim()));
  if (widths.length !== count || widths.some((w) => !Number.isFinite(w) || w <= 0)) {
    fail(ctx, node, `widths="${spec}" は列の数（${count}）の正の数で書いてください`);
  }
  return widths;
}

/** `:::table` — a list of rows, each row a list of cells. */
function listTable(ctx: Context, node: ContainerDirective, attrs: Record<string, string>): Table {
  const [rowsList, ...rest] = node.children;
  if (!rowsList || rowsList.type !== 'list' || rest.length) {
    return fail(ctx, node, ':::table の中には行のリスト（- - セル）だけを書いてください');
  }
  const grid: (Block[] | 'merge-up')[][] = rowsList.children.map((row) => {
    const [cellsList, ...more] = row.children;
    if (!cellsList || cellsList.type !== 'list' || more.length) {
      return fail(ctx, row, '表の行は「- - セル」のようにセルのリストで書いてください');
    }
    return cellsList.children.map((cell) => {
      const only = cell.children[0];
      if (cell.children.length === 1 && only?.type === 'paragraph' && only.children.length === 1) {
        const t = only.children[0];
        if (t?.type === 'text' && t.value.trim() === '^') return 'merge-up' as const;
      }
      return blocks(ctx, cell.children);
    });
  });
  const columnCount = Math.max(0, ...grid.map((r) => r.length));
  grid.forEach((row, i) => {
    if (row.length !== columnCount) fail(ctx, rowsList.children[i], `表の行${i + 1}のセル数が${row.length}です（${columnCount}必要）`);
  });
  const headerRows = attrs.header === undefined ? 1 : Number(attrs.header);
  if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > grid.length) fail(ctx, node, `header="${attrs.header}" が不正です`);
  const kind = attrs.kind ?? 'default';
  if (kind !== 'default' && kind !== 'checklist') fail(ctx, node, `kind="${kind}" は default か checklist です`);
  return {
    type: 'table',
    columns: parseWidths(ctx, node, attrs.widths, columnCount).map((width) => ({ width })),
    headerRows,
    headerColumn: attrs.headcol === 'true',
    variant: kind as Table['variant'],
    children: spansToRows(ctx, node, grid),
  };
}

function spansToRows(ctx: Context, node: md.Node, grid: (Block[] | 'merge-up')[][]): TableRow[] {
  const spans = grid.map((row) => row.map(() => 1));
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== 'merge-up') return;
      let origin = r - 1;
      while (origin >= 0 && grid[origin]![c] === 'merge-up') origin--;
      if (origin < 0) fail(ctx, node, `表の1行目の「^」は結合先がありません（列${c + 1}）`);
      spans[origin]![c]!++;
    }),
  );
  return grid.map((row, r) => ({
    type: 'tableRow',
    children: row.flatMap((cell, c): TableCell[] =>
      cell === 'merge-up' ? [] : [{ type: 'tableCell', rowSpan: spans[r]![c]!, colSpan: 1, children: cell }],
    ),
  }));
}

function gfmTableToModel(ctx: Context, node: md.Table): Table {
  const rows = node.children.map(
    (row): TableRow => ({
      type: 'tableRow',
      children: row.children.map((cell): TableCell => {
        const children = inlines(ctx, cell.children);
        return { type: 'tableCell', rowSpan: 1, colSpan: 1, children: children.length ? [{ type: 'paragraph', children }] : [] };
      }),
    }),
  );
  const columnCount = node.children[0]?.children.length ?? 0;
  return {
    type: 'table',
    columns: Array.from({ length: columnCount }, () => ({ width: 1 })),
    headerRows: 1,
    headerColumn: false,
    variant: 'default',
    children: rows,
  };
}

function inlines(ctx: Context, nodes: readonly md.PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  const push = (node: Inline) => {
    const prev = out[out.length - 1];
    if (node.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', value: prev.value + node.value };
    else if (node.type !== 'text' || node.value) out.push(node);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        ctx.values.inlines(node.value).forEach(push);
        break;
      case 'break':
        push({ type: 'text', value: '\n' });
        break;
      case 'strong':
      case 'emphasis':
        out.push({ type: 'strong', children: inlines(ctx, node.children) });
        break;
      case 'inlineCode':
        ctx.values.inlines(node.value).forEach(push);
        break;
      case 'link': {
        if (containsToken(node.url)) fail(ctx, node, 'リンク先に回答の値は入れられません');
        // A document links to the web or to a mail address, never to a file on the machine that built it.
        if (!/^(?:https?:\/\/|mailto:)/iu.test(node.url)) fail(ctx, node, `リンク先は https:// ・ http:// ・ mailto: で始まる URL にしてください（${node.url}）`);
        out.push({ type: 'link', url: node.url, children: inlines(ctx, node.children) });
        break;
      }
      case 'textDirective': {
        const directiveNode = node as TextDirective;
        if (directiveNode.name !== 'ref') fail(ctx, node, `不明な記法 :${directiveNode.name}`);
        const attrs = attributes(ctx, directiveNode);
        onlyKnown(ctx, directiveNode, attrs, ['to']);
        if (!attrs.to) fail(ctx, node, ':ref には to=参照先id が必要です');
        out.push({ type: 'xref', target: attrs.to!, text: '' });
        break;
      }
      default:
        fail(ctx, node, `テンプレートで使えない記法です: ${node.type}`);
    }
  }
  return out;
}
