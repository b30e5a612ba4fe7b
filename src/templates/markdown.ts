import MarkdownIt, { type Delimiter, type StateBlock, type StateInline, type Token } from 'markdown-it';
import container from 'markdown-it-container';
import type * as md from 'mdast';
import { decodeHTMLAttribute } from 'entities';

/**
 * Template Markdown → the part of mdast that parse.ts reads, parsed with markdown-it.
 *
 * Why not micromark: it took ~300 ms for the rulebook in a cold process; markdown-it takes a tenth
 * of that. The dialect stays the one micromark read (CommonMark + GFM pipe tables + the generic
 * directive syntax of micromark-extension-directive), so the model does not change: markdown-it's
 * tokens are turned into the same mdast nodes, and the few places where markdown-it's own choices
 * differ from mdast (soft line endings, code spans, link destinations) are put back as mdast has them.
 */

export interface ContainerDirective extends md.Parent {
  type: 'containerDirective';
  name: string;
  attributes: Record<string, string>;
  children: (md.BlockContent | md.DefinitionContent)[];
}

export interface LeafDirective extends md.Parent {
  type: 'leafDirective';
  name: string;
  attributes: Record<string, string>;
  children: md.PhrasingContent[];
}

export interface TextDirective extends md.Parent {
  type: 'textDirective';
  name: string;
  attributes: Record<string, string>;
  children: md.PhrasingContent[];
}

// The same node types mdast-util-directive declares, so that parse.ts can switch on them.
declare module 'mdast' {
  interface BlockContentMap {
    containerDirective: ContainerDirective;
    leafDirective: LeafDirective;
  }
  interface PhrasingContentMap {
    textDirective: TextDirective;
  }
  interface ParagraphData {
    /** The paragraph holds a container directive's `[label]`. */
    directiveLabel?: boolean;
  }
  interface RootContentMap {
    containerDirective: ContainerDirective;
    leafDirective: LeafDirective;
    textDirective: TextDirective;
  }
}

/** Markdown the parser cannot take as a whole; parse.ts names the template file. */
export class MarkdownSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** markdown-it stops reading (silently) below this depth; deeper Markdown is an error instead. */
const MAX_NESTING = 100;

// ---------------------------------------------------------------------------------------------
// Directive syntax, as micromark-extension-directive reads it.

const COLON = 0x3a;
/** micromark's `unicodePunctuation` / `unicodeWhitespace`, tested per UTF-16 unit as micromark does. */
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const isPunctuation = (ch: string) => PUNCTUATION.test(ch);
const isWhitespace = (ch: string) => WHITESPACE.test(ch);
/** Ends a directive or attribute name. micromark sees a tab as a code of its own, so a tab does not end a name. */
const endsName = (ch: string) => ch !== '\t' && (isWhitespace(ch) || isPunctuation(ch));
const isSpaceOrTab = (ch: string) => ch === ' ' || ch === '\t';
const isLineEnding = (ch: string) => ch === '\n' || ch === '\r';

interface DirectiveHead {
  readonly name: string;
  /** The text between `[` and `]`, or undefined when there are no brackets. */
  readonly label: string | undefined;
  readonly labelStart: number;
  readonly attributes: Record<string, string>;
  readonly attributesStart: number;
  /** Position after the name, label and attributes. */
  readonly end: number;
}

/** A directive name: no whitespace or punctuation except inner `-` and `_`. */
function scanName(src: string, pos: number, max: number): number | undefined {
  const first = src[pos];
  if (pos >= max || first === undefined || isLineEnding(first) || endsName(first)) return undefined;
  let end = pos + 1;
  for (; end < max; end++) {
    const ch = src[end]!;
    if (isLineEnding(ch) || (endsName(ch) && ch !== '-' && ch !== '_')) break;
  }
  const last = src[end - 1];
  return last === '-' || last === '_' ? undefined : end;
}

/** `[label]`: brackets balance (up to 32 deep), `\[` `\]` do not count. Returns the position after `]`. */
function scanLabel(src: string, pos: number, max: number, allowEol: boolean): number | undefined {
  let balance = 0;
  for (let i = pos + 1; i < max; i++) {
    const ch = src[i]!;
    if (ch === '\\' && (src[i + 1] === '[' || src[i + 1] === '\\' || src[i + 1] === ']')) {
      i++;
    } else if (ch === '[') {
      if (++balance > 32) return undefined;
    } else if (ch === ']') {
      if (!balance--) return i + 1;
    } else if (!allowEol && isLineEnding(ch)) {
      return undefined;
    }
  }
  return undefined;
}

/** Character references in attribute values are decoded as in HTML attributes (as parse-entities does for micromark); backslashes are no escapes there. */
const decodeAttribute = (value: string): string => (value.includes('&') ? decodeHTMLAttribute(value) : value);

/**
 * `{#id .class key=value key="value" key='value' key}` (micromark-extension-directive's
 * factory-attributes). Returns undefined where micromark would not take the braces as attributes.
 */
function scanAttributes(src: string, pos: number, max: number, allowEol: boolean): { end: number; attributes: Record<string, string> } | undefined {
  const list: [string, string][] = [];
  const skipsAsSpace = (ch: string | undefined) => ch !== undefined && (isSpaceOrTab(ch) || (allowEol && isLineEnding(ch)));
  const endsShortcut = (ch: string) => ch === '#' || ch === '.' || ch === '}' || isSpaceOrTab(ch) || isLineEnding(ch);
  let i = pos + 1;
  for (;;) {
    while (i < max && skipsAsSpace(src[i])) i++;
    if (i >= max) return undefined;
    const ch = src[i]!;
    if (ch === '#' || ch === '.') {
      const start = ++i;
      if (i >= max || '"#\'.<=>`}'.includes(src[i]!) || isSpaceOrTab(src[i]!) || isLineEnding(src[i]!)) return undefined;
      while (i < max && !endsShortcut(src[i]!)) {
        if ('"\'<=>`'.includes(src[i]!)) return undefined;
        i++;
      }
      if (i >= max) return undefined;
      list.push([ch === '#' ? 'id' : 'class', decodeAttribute(src.slice(start, i))]);
      continue;
    }
    if (isLineEnding(ch) || (endsName(ch) && ch !== '-' && ch !== '_')) {
      return ch === '}' ? { end: i + 1, attributes: cleanAttributes(list) } : undefined;
    }
    // A name, then `=` and a value, or nothing (an empty value).
    const nameStart = i++;
    while (i < max) {
      const c = src[i]!;
      if (isLineEnding(c) || (endsName(c) && !'-.:_'.includes(c))) break;
      i++;
    }
    const name = src.slice(nameStart, i);
    while (i < max && skipsAsSpace(src[i])) i++;
    if (src[i] !== '=') {
      list.push([name, '']);
      continue;
    }
    i++;
    while (i < max && skipsAsSpace(src[i])) i++;
    if (i >= max || '<=>`}'.includes(src[i]!) || isLineEnding(src[i]!)) return undefined;
    const quote = src[i];
    if (quote === '"' || quote === "'") {
      const close = src.indexOf(quote, i + 1);
      if (close < 0 || close >= max) return undefined;
      const value = src.slice(i + 1, close);
      if (!allowEol && /[\n\r]/u.test(value)) return undefined;
      list.push([name, decodeAttribute(value)]);
      i = close + 1;
      // After a quoted value: whitespace or the closing brace.
      if (i < max && !(src[i] === '}' || isSpaceOrTab(src[i]!) || isLineEnding(src[i]!))) return undefined;
      continue;
    }
    const start = i;
    while (i < max && !(src[i] === '}' || isSpaceOrTab(src[i]!) || isLineEnding(src[i]!))) {
      if ('"\'<=>`'.includes(src[i]!)) return undefined;
      i++;
    }
    if (i >= max) return undefined;
    list.push([name, decodeAttribute(src.slice(start, i))]);
  }
}

/** Repeated classes join with a space; any other repeated attribute keeps its last value. */
function cleanAttributes(list: readonly [string, string][]): Record<string, string> {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of list) {
    if (key === 'class' && cleaned.class) cleaned.class += ` ${value}`;
    else cleaned[key] = value;
  }
  return cleaned;
}

/** `name[label]{attributes}` from pos; a label or attributes that do not parse end the directive before them. */
function scanHead(src: string, pos: number, max: number, allowEol: boolean): DirectiveHead | undefined {
  const nameEnd = scanName(src, pos, max);
  if (nameEnd === undefined) return undefined;
  let end = nameEnd;
  let label: string | undefined;
  let labelStart = -1;
  if (src[end] === '[') {
    const labelEnd = scanLabel(src, end, max, allowEol);
    if (labelEnd !== undefined) {
      labelStart = end + 1;
      label = src.slice(labelStart, labelEnd - 1);
      end = labelEnd;
    }
  }
  let attributes: Record<string, string> = {};
  const attributesStart = end;
  if (src[end] === '{') {
    const scanned = scanAttributes(src, end, max, allowEol);
    if (scanned) ({ end, attributes } = scanned);
  }
  return { name: src.slice(pos, nameEnd), label, labelStart, attributes, attributesStart, end };
}

/** The head of a block directive: it must fill the rest of its line (trailing spaces aside). */
function blockHead(src: string, pos: number, max: number): DirectiveHead | undefined {
  const head = scanHead(src, pos, max, false);
  if (!head) return undefined;
  let end = head.end;
  while (end < max && isSpaceOrTab(src[end]!)) end++;
  return end === max ? head : undefined;
}

/** `::name[label]{attributes}` on a line of its own. */
function leafDirectiveRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  if (state.src.charCodeAt(pos) !== COLON || state.src.charCodeAt(pos + 1) !== COLON) return false;
  const head = blockHead(state.src, pos + 2, max);
  if (!head) return false;
  if (silent) return true;
  const open = state.push('directive_leaf_open', '', 1);
  open.info = head.name;
  open.meta = { attributes: head.attributes };
  open.map = [startLine, startLine + 1];
  if (head.label !== undefined) {
    const inline = state.push('inline', '', 0);
    inline.content = head.label;
    inline.map = [startLine, startLine + 1];
    inline.children = [];
  }
  state.push('directive_leaf_close', '', -1);
  state.line = startLine + 1;
  return true;
}

/** `:name[label]{attributes}` inside text; not right after another `:` unless that one is escaped. */
function textDirectiveRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== COLON) return false;
  if (start > 0 && src.charCodeAt(start - 1) === COLON) {
    let backslashes = 0;
    while (start - 2 - backslashes >= 0 && src[start - 2 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return false;
  }
  const head = scanHead(src, start + 1, state.posMax, true);
  // A name right before another colon (`:a:`) is not a directive.
  if (!head || src.charCodeAt(start + 1 + head.name.length) === COLON) return false;
  if (!silent) {
    const open = state.push('directive_text_open', '', 1);
    open.info = head.name;
    open.meta = { attributes: head.attributes };
    if (head.label !== undefined) {
      const oldMax = state.posMax;
      state.pos = head.labelStart;
      state.posMax = head.labelStart + head.label.length;
      state.md.inline.tokenize(state);
      state.posMax = oldMax;
    }
    // Line endings inside the attributes, so that the nodes after it keep their line.
    const close = state.push('directive_text_close', '', -1);
    close.meta = { lines: count(src.slice(head.attributesStart, head.end), '\n') };
  }
  state.pos = head.end;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Where markdown-it's CommonMark differs from mdast's text.

/**
 * A line ending inside a paragraph. Trailing spaces and tabs before it are dropped; two or more
 * spaces (and no tab) make a hard break, as micromark reads them (markdown-it keeps tabs).
 */
function newlineRule(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  if (state.src.charCodeAt(pos) !== 0x0a) return false;
  if (!silent) {
    const pending = state.pending;
    let end = pending.length;
    let tab = false;
    while (end > 0 && isSpaceOrTab(pending[end - 1]!)) if (pending[--end] === '\t') tab = true;
    const hard = pending.length - end >= 2 && !tab;
    state.pending = pending.slice(0, end);
    state.push(hard ? 'hardbreak' : 'softbreak', 'br', 0);
  }
  pos++;
  while (pos < state.posMax && isSpaceOrTab(state.src[pos]!)) pos++;
  state.pos = pos;
  return true;
}

/**
 * A code span. mdast keeps its line endings (markdown-it turns them into spaces) and strips one
 * space or line ending from both ends when both have one.
 */
function codeSpanRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x60) return false;
  const max = state.posMax;
  let pos = start + 1;
  while (pos < max && src.charCodeAt(pos) === 0x60) pos++;
  const marker = src.slice(start, pos);
  let matchEnd = pos;
  let matchStart: number;
  while ((matchStart = src.indexOf('`', matchEnd)) !== -1 && matchStart < max) {
    matchEnd = matchStart + 1;
    while (matchEnd < max && src.charCodeAt(matchEnd) === 0x60) matchEnd++;
    if (matchEnd - matchStart === marker.length) {
      if (!silent) {
        const token = state.push('code_inline', 'code', 0);
        token.markup = marker;
        let content = src.slice(pos, matchStart);
        token.meta = { lines: count(content, '\n') };
        const padded = (ch: string | undefined) => ch === ' ' || ch === '\n';
        if (content.length > 2 && padded(content[0]) && padded(content[content.length - 1]) && /[^ \n]/u.test(content)) content = content.slice(1, -1);
        token.content = content;
      }
      state.pos = matchEnd;
      return true;
    }
  }
  if (!silent) state.pending += marker;
  state.pos = pos;
  return true;
}

/** The cells of a table row: pipes divide them (`\|` and `\\` are escapes), a leading and a trailing pipe open and close the row. */
function splitRow(src: string, pos: number, max: number): string[] {
  const cells: string[] = [];
  let start = pos;
  for (let i = pos; i < max; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 0x5c && (src.charCodeAt(i + 1) === 0x5c || src.charCodeAt(i + 1) === 0x7c)) i++;
    else if (ch === 0x7c) {
      cells.push(src.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(src.slice(start, max));
  const trimmed = cells.map((cell) => cell.replace(/^[ \t]+|[ \t]+$/gu, ''));
  if (trimmed.length > 1 && trimmed[0] === '' && /^[ \t]*\|/u.test(src.slice(pos, max))) trimmed.shift();
  if (trimmed.length > 1 && trimmed[trimmed.length - 1] === '' && /\|[ \t]*$/u.test(src.slice(pos, max))) trimmed.pop();
  return trimmed;
}

const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;

/** `| :-- | --: |`: the number of columns, or undefined when the line is no delimiter row. */
function delimiterColumns(line: string): number | undefined {
  // `- |` starts a list item, and a row without `|` or `:` is a thematic break or a setext underline.
  if (/^-[ \t]/u.test(line) || !/[|:]/u.test(line) || !DELIMITER_ROW.test(line)) return undefined;
  return line.match(/-+/gu)!.length;
}

/**
 * GFM pipe tables as micromark-extension-gfm-table reads them: the head row needs no pipe of its
 * own, every row keeps the cells it has (markdown-it pads or cuts rows to the head's width), and
 * cells lose spaces and tabs at their ends only (markdown-it's trim also takes U+3000).
 */
function tableRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const delimiterLine = startLine + 1;
  if (delimiterLine >= endLine) return false;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (state.sCount[delimiterLine]! < state.blkIndent || state.sCount[delimiterLine]! - state.blkIndent >= 4) return false;
  const lineStart = (line: number) => state.bMarks[line]! + state.tShift[line]!;
  // Most lines are no table: look at the next line's first character before anything else.
  const first = state.src.charCodeAt(lineStart(delimiterLine));
  if (first !== 0x7c && first !== 0x2d && first !== 0x3a) return false;
  // `- ` starts a list item.
  const second = state.src.charCodeAt(lineStart(delimiterLine) + 1);
  if (first === 0x2d && (second === 0x20 || second === 0x09)) return false;
  const columns = delimiterColumns(state.src.slice(lineStart(delimiterLine), state.eMarks[delimiterLine]));
  if (columns === undefined) return false;
  const headText = state.src.slice(lineStart(startLine), state.eMarks[startLine]).replace(/[ \t]+$/u, '');
  if (headText === '' || headText === '|') return false;
  const head = splitRow(state.src, lineStart(startLine), lineStart(startLine) + headText.length);
  if (head.length !== columns) return false;
  // The head row needs no pipe, so a line that starts another block (a heading, a list item …) stays that block.
  const terminators = state.md.block.ruler.getRules('blockquote');
  if (terminators.some((starts) => starts(state, startLine, endLine, true))) return false;
  if (silent) return true;

  const oldParentType = state.parentType;
  state.parentType = 'table';
  const row = (line: number, cells: readonly string[], cellTag: 'th' | 'td') => {
    state.push('tr_open', 'tr', 1).map = [line, line + 1];
    for (const cell of cells) {
      state.push(`${cellTag}_open`, cellTag, 1);
      const inline = state.push('inline', '', 0);
      // In a table `\|` is a pipe even inside code (mdast-util-gfm-table does the same).
      inline.content = cell.replace(/\\([\\|])/gu, (whole, ch: string) => (ch === '|' ? ch : whole));
      inline.map = [line, line + 1];
      inline.children = [];
      state.push(`${cellTag}_close`, cellTag, -1);
    }
    state.push('tr_close', 'tr', -1);
  };
  const open = state.push('table_open', 'table', 1);
  row(startLine, head, 'th');
  let line = startLine + 2;
  for (; line < endLine; line++) {
    if (state.sCount[line]! < state.blkIndent || state.sCount[line]! - state.blkIndent >= 4) break;
    if (state.isEmpty(line)) break;
    if (terminators.some((terminate) => terminate(state, line, endLine, true))) break;
    const text = state.src.slice(lineStart(line), state.eMarks[line]).replace(/[ \t]+$/u, '');
    row(line, splitRow(state.src, lineStart(line), lineStart(line) + text.length), 'td');
  }
  state.push('table_close', 'table', -1);
  open.map = [startLine, line];
  state.parentType = oldParentType;
  state.line = line;
  return true;
}

interface DelimiterRun {
  readonly marker: number;
  readonly open: boolean;
  readonly close: boolean;
  /** Indexes into the delimiter list, one per `*` or `_`; the unmatched ones are [low, high). */
  readonly chars: number[];
  low: number;
  high: number;
  /** Inside an emphasis that has closed: left as text. */
  inside: boolean;
}

/**
 * Pairs `*` and `_` runs as micromark does. CommonMark's rule of three looks at the lengths of the
 * two runs; markdown-it (like commonmark.js) takes the runs' original lengths, micromark what is
 * left of them after earlier matches, which gives different emphasis for text such as `*。*情**`.
 * The pairs are marked the way markdown-it's emphasis rule expects them (`end`), two adjacent pairs
 * becoming one strong.
 */
function pairEmphasis(delimiters: Delimiter[]): void {
  const runs: DelimiterRun[] = [];
  delimiters.forEach((delimiter, index) => {
    const last = runs[runs.length - 1];
    const previous = delimiters[index - 1];
    if (last && previous && previous.marker === delimiter.marker && previous.token === delimiter.token - 1 && last.chars[last.chars.length - 1] === index - 1) {
      last.chars.push(index);
      last.high++;
    } else {
      runs.push({ marker: delimiter.marker, open: delimiter.open, close: delimiter.close, chars: [index], low: 0, high: 1, inside: false });
    }
  });
  for (let c = 0; c < runs.length; c++) {
    const closer = runs[c]!;
    if (closer.marker !== 0x2a && closer.marker !== 0x5f) continue;
    while (closer.close && !closer.inside && closer.low < closer.high) {
      let o = c - 1;
      for (; o >= 0; o--) {
        const opener = runs[o]!;
        if (!opener.open || opener.inside || opener.low >= opener.high || opener.marker !== closer.marker) continue;
        const openSize = opener.high - opener.low;
        const closeSize = closer.high - closer.low;
        if ((opener.close || closer.open) && closeSize % 3 && !((openSize + closeSize) % 3)) continue;
        const use = openSize > 1 && closeSize > 1 ? 2 : 1;
        for (let k = 0; k < use; k++) delimiters[opener.chars[opener.high - 1 - k]!]!.end = closer.chars[closer.low + k]!;
        opener.high -= use;
        closer.low += use;
        for (let m = o + 1; m < c; m++) runs[m]!.inside = true;
        break;
      }
      if (o < 0) break;
    }
  }
}

/** markdown-it's `balance_pairs`, with micromark's pairing for emphasis. */
function balancePairsRule(state: StateInline): void {
  pairEmphasis(state.delimiters);
  for (const meta of state.tokens_meta) if (meta?.delimiters) pairEmphasis(meta.delimiters);
}

const parser = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false, maxNesting: MAX_NESTING });
parser.block.ruler.at('table', tableRule, { alt: ['paragraph', 'reference'] });
parser.enable('table');
// Definitions stay in the tree as mdast's `definition` nodes.
parser.disable('strip_references');
// mdast keeps link destinations as written: no percent-encoding, no refusing of `javascript:`.
parser.normalizeLink = (url) => url;
parser.normalizeLinkText = (url) => url;
parser.validateLink = () => true;
parser.use(container, 'directive', { validate: (params: string) => blockHead(params, 0, params.length) !== undefined });
parser.block.ruler.before('fence', 'directive_leaf', leafDirectiveRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
parser.inline.ruler.after('text', 'directive_text', textDirectiveRule);
parser.inline.ruler.at('newline', newlineRule);
parser.inline.ruler.at('backticks', codeSpanRule);
parser.inline.ruler2.at('balance_pairs', balancePairsRule);

// ---------------------------------------------------------------------------------------------
// Tokens → mdast.

/** Only the start line is read (for error messages); nodes of one line share one position, as they never change. */
const positions: NonNullable<md.Node['position']>[] = [];
const at = (line: number): NonNullable<md.Node['position']> => (positions[line] ??= { start: { line, column: 1 }, end: { line, column: 1 } });

export function parseMarkdown(markdown: string): md.Root {
  const env = {};
  const tokens = parser.parse(markdown, env);
  const root: md.Root = { type: 'root', children: [] };
  const stack: md.Parent[] = [root];
  const add = (node: md.RootContent, open: boolean) => {
    stack[stack.length - 1]!.children.push(node);
    if (open) stack.push(node as md.Parent);
  };
  let line = 1;
  for (const token of tokens) {
    if (token.map) line = token.map[0] + 1;
    if (token.level + Math.max(token.nesting, 0) >= MAX_NESTING - 1) throw new MarkdownSyntaxError('入れ子が深すぎます', line);
    if (token.nesting === -1) {
      if (token.type !== 'thead_close' && token.type !== 'tbody_close') stack.pop();
      continue;
    }
    const position = at(line);
    switch (token.type) {
      case 'heading_open':
        add({ type: 'heading', depth: Number(token.tag.slice(1)) as md.Heading['depth'], children: [], position }, true);
        break;
      case 'paragraph_open':
        add({ type: 'paragraph', children: [], position }, true);
        break;
      case 'inline':
        stack[stack.length - 1]!.children.push(...(inlines(token.children ?? [], line) as md.RootContent[]));
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const start = ordered ? Number(token.attrGet('start') ?? 1) : null;
        add({ type: 'list', ordered, start, spread: false, children: [], position }, true);
        break;
      }
      case 'list_item_open':
        add({ type: 'listItem', spread: false, children: [], position }, true);
        break;
      case 'table_open':
        add({ type: 'table', children: [], position }, true);
        break;
      case 'thead_open':
      case 'tbody_open':
        break;
      case 'tr_open':
        add({ type: 'tableRow', children: [], position }, true);
        break;
      case 'th_open':
      case 'td_open':
        add({ type: 'tableCell', children: [], position }, true);
        break;
      case 'container_directive_open': {
        const head = blockHead(token.info, 0, token.info.length)!;
        const node: ContainerDirective = { type: 'containerDirective', name: head.name, attributes: head.attributes, children: [], position };
        add(node, true);
        // mdast puts a container's label first among its children, as a paragraph.
        if (head.label !== undefined) {
          const label = parser.parseInline(head.label, env)[0]?.children ?? [];
          node.children.push({ type: 'paragraph', data: { directiveLabel: true } as md.ParagraphData, children: inlines(label, line), position: at(line) });
        }
        break;
      }
      case 'directive_leaf_open':
        add({ type: 'leafDirective', name: token.info, attributes: (token.meta as { attributes: Record<string, string> }).attributes, children: [], position } as LeafDirective, true);
        break;
      case 'blockquote_open':
        add({ type: 'blockquote', children: [], position }, true);
        break;
      case 'code_block':
      case 'fence':
        add({ type: 'code', value: token.content, position }, false);
        break;
      case 'hr':
        add({ type: 'thematicBreak', position }, false);
        break;
      case 'html_block':
        add({ type: 'html', value: token.content, position }, false);
        break;
      case 'reference_definition':
        add({ type: 'definition', identifier: String(token.meta?.label ?? ''), url: '', position }, false);
        break;
      default:
        throw new MarkdownSyntaxError(`内部エラー: 想定外の Markdown トークン ${token.type}`, line);
    }
  }
  return root;
}

/** Inline tokens → phrasing nodes. Adjacent text joins into one node and a soft line ending is "\n" in it, as in mdast. */
function inlines(tokens: readonly Token[], firstLine: number): md.PhrasingContent[] {
  const root: md.Parent = { type: 'root', children: [] };
  const stack: md.Parent[] = [root];
  let line = firstLine;
  const add = (node: md.PhrasingContent, open: boolean) => {
    stack[stack.length - 1]!.children.push(node);
    if (open) stack.push(node as md.Parent);
  };
  const text = (value: string) => {
    const siblings = stack[stack.length - 1]!.children;
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') last.value += value;
    else if (value) siblings.push({ type: 'text', value, position: at(line) });
  };
  for (const token of tokens) {
    if (token.nesting === -1) {
      stack.pop();
      if (token.type === 'directive_text_close') line += (token.meta as { lines: number }).lines;
      continue;
    }
    const position = at(line);
    switch (token.type) {
      case 'text':
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        line++;
        break;
      case 'hardbreak':
        add({ type: 'break', position }, false);
        line++;
        break;
      case 'code_inline':
        add({ type: 'inlineCode', value: token.content, position }, false);
        line += (token.meta as { lines: number }).lines;
        break;
      case 'em_open':
        add({ type: 'emphasis', children: [], position }, true);
        break;
      case 'strong_open':
        add({ type: 'strong', children: [], position }, true);
        break;
      case 'link_open': {
        // A link through a definition (`[text][label]`) is a reference in mdast.
        const label = referenceLabel(token);
        if (label !== undefined) add({ type: 'linkReference', identifier: label, referenceType: 'full', children: [], position }, true);
        else add({ type: 'link', url: String(token.attrGet('href') ?? ''), children: [], position }, true);
        break;
      }
      case 'image': {
        const label = referenceLabel(token);
        if (label !== undefined) add({ type: 'imageReference', identifier: label, referenceType: 'full', position }, false);
        else add({ type: 'image', url: String(token.attrGet('src') ?? ''), position }, false);
        break;
      }
      case 'html_inline':
        add({ type: 'html', value: token.content, position }, false);
        line += count(token.content, '\n');
        break;
      case 'directive_text_open':
        add({ type: 'textDirective', name: token.info, attributes: (token.meta as { attributes: Record<string, string> }).attributes, children: [], position } as TextDirective, true);
        break;
      default:
        throw new MarkdownSyntaxError(`内部エラー: 想定外の Markdown トークン ${token.type}`, line);
    }
  }
  return root.children as md.PhrasingContent[];
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

const referenceLabel = (token: Token): string | undefined => {
  const label = token.meta?.label;
  return typeof label === 'string' ? label : undefined;
};
