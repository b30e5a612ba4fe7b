import { gapText } from '../../model/text.js';
import type { Inline } from '../../model/types.js';
import { face, type FaceName } from '../text/fonts.js';
import { breakLines, type BreakAtom, type Line } from '../text/linebreak.js';
import { phraseStarts } from '../text/phrases.js';
import type { GlyphRun, Op } from './ops.js';
import { baselineIn, COLORS, EM_TOP, type TextStyle } from './style.js';

/**
 * Inline content → styled characters → broken, justified lines → glyph runs. One handler per inline
 * type, so a new inline type in the model is a compile error here.
 */

export interface AtomStyle {
  readonly face: FaceName;
  readonly size: number;
  readonly color: string;
  readonly url?: string;
  /** Target (section id) of a cross-reference. */
  readonly dest?: string;
  /** An unfilled value in a draft: shaded so that it stands out. */
  readonly gap?: boolean;
  /** Changed words of a comparison table (新旧対照表): underlined. */
  readonly underline?: boolean;
}

export interface Atom extends BreakAtom {
  readonly style: AtomStyle;
}

/** Bold in running text is set in the heading face (ゴシック), as Japanese documents do. */
const boldFace = (_face: FaceName): FaceName => 'sansBold';

/** Text as set: NFC, line ends as "\n", a tab as a space, zero-width marks dropped. */
export const setAs = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(/\t/gu, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, '');

export function textAtoms(text: string, style: AtomStyle): Atom[] {
  const f = face(style.face);
  const out: Atom[] = [];
  for (const ch of setAs(text)) {
    out.push({ text: ch, width: ch === '\n' ? 0 : (f.advance(ch.codePointAt(0)!) * style.size) / 1000, style });
  }
  return out;
}

type InlineHandler<T extends Inline['type']> = (node: Extract<Inline, { type: T }>, style: AtomStyle) => Atom[];

const handlers: { [T in Inline['type']]: InlineHandler<T> } = {
  text: (node, style) => textAtoms(node.value, style),
  strong: (node, style) => inlineAtoms(node.children, { ...style, face: boldFace(style.face) }),
  link: (node, style) => inlineAtoms(node.children, { ...style, url: node.url }),
  xref: (node, style) => textAtoms(node.text, { ...style, dest: node.target }),
  gap: (node, style) => textAtoms(gapText(node.question), { ...style, face: boldFace(style.face), gap: true }),
  // Underlined and bold: on paper the amended words must show even where a copier thins the line.
  changed: (node, style) => inlineAtoms(node.children, { ...style, face: boldFace(style.face), underline: true }),
};

export function inlineAtoms(nodes: readonly Inline[], style: AtomStyle): Atom[] {
  return nodes.flatMap((node) => (handlers[node.type] as InlineHandler<Inline['type']>)(node, style));
}

/** One line of text set without breaking, its left end at `x` and line box at `top`. */
export function runAt(text: string, style: TextStyle, x: number, top: number): GlyphRun {
  const f = face(style.face);
  const chars = [...setAs(text).replace(/\n/gu, ' ')];
  let cx = 0;
  const offsets = chars.map((ch) => {
    const at = cx;
    cx += (f.advance(ch.codePointAt(0)!) * style.size) / 1000;
    return at;
  });
  return { kind: 'text', face: style.face, size: style.size, color: style.color, x, y: baselineIn(top, style), chars, offsets };
}

export const styleOf = (text: TextStyle): AtomStyle => ({ face: text.face, size: text.size, color: text.color });

const sameRun = (a: AtomStyle, b: AtomStyle) => a.face === b.face && a.size === b.size && a.color === b.color;
const sameLink = (a: AtomStyle, b: AtomStyle) => a.url === b.url && a.dest === b.dest;

/** How far below the baseline an underline is drawn, and how thick, in ems. */
const UNDERLINE_OFFSET = 0.14;
const UNDERLINE_WIDTH = 0.06;

/**
 * Ops for one line whose line box starts at `top`, characters offset by `left`: glyph runs, shades
 * behind draft gaps, underlines of changed words, link areas. Characters around a gap that a text extractor would take for a word
 * space (和欧間, a justified line with Latin words in it) are grouped so that they copy out as written.
 */
export function lineOps(atoms: readonly Atom[], line: Line, left: number, top: number, style: TextStyle): Op[] {
  const placed = line.atoms;
  if (placed.length === 0) return [];
  const shades: Op[] = [];
  const runs: Op[] = [];
  const underlines: Op[] = [];
  const links: Op[] = [];
  const baseline = baselineIn(top, style);
  const styleAt = (k: number) => atoms[placed[k]!.index]!.style;
  const right = (k: number) => placed[k]!.x + atoms[placed[k]!.index]!.width;
  const spans = spacedSpans(atoms, placed, style.size);
  // The runs of each span, wrapped when the span ends.
  let spanRuns: Op[] = [];
  let from = 0;
  for (let k = 1; k <= placed.length; k++) {
    const a = styleAt(from);
    const b = k < placed.length ? styleAt(k) : undefined;
    // A run ends where the face, size, colour, link, shading or underline changes, or a spaced span begins or ends.
    if (b && sameRun(a, b) && sameLink(a, b) && !!a.gap === !!b.gap && !!a.underline === !!b.underline && spans[k] === spans[k - 1]) continue;
    const x0 = placed[from]!.x;
    const run = placed.slice(from, k);
    const glyphs: Op = {
      kind: 'text',
      face: a.face,
      size: a.size,
      color: a.color,
      x: left + x0,
      y: baseline,
      chars: run.map((p) => atoms[p.index]!.text),
      offsets: run.map((p) => p.x - x0),
    };
    if (spans[from]) {
      spanRuns.push(glyphs);
      if (spans[k] !== spans[from]) {
        runs.push(readsAs(spanRuns));
        spanRuns = [];
      }
    } else runs.push(glyphs);
    const width = right(k - 1) - x0;
    if (a.gap) shades.push({ kind: 'rect', x: left + x0 - 1, y: baseline - EM_TOP * style.size - 1.5, width: width + 2, height: style.size + 3, fill: COLORS.gapFill });
    if (a.underline) {
      const y = baseline + UNDERLINE_OFFSET * a.size;
      const previous = underlines[underlines.length - 1];
      // Runs of one change (split by a face or link change) make one unbroken line.
      if (previous?.kind === 'line' && Math.abs(previous.points[1]![0] - (left + x0)) < 0.5 && previous.points[1]![1] === y) {
        underlines[underlines.length - 1] = { ...previous, points: [previous.points[0]!, [left + x0 + width, y]] };
      } else {
        underlines.push({ kind: 'line', points: [[left + x0, y], [left + x0 + width, y]], color: a.color, width: UNDERLINE_WIDTH * a.size });
      }
    }
    if (a.url || a.dest) {
      const last = links[links.length - 1];
      // Runs of one link (split by a face change) make one link area.
      if (last?.kind === 'link' && (a.url ? last.url === a.url : last.dest === a.dest) && Math.abs(last.x + last.width - (left + x0)) < 0.5) {
        links[links.length - 1] = { ...last, width: left + x0 + width - last.x };
      } else {
        links.push({ kind: 'link', x: left + x0, y: top, width, height: style.leading, ...(a.url ? { url: a.url } : { dest: a.dest! }) });
      }
    }
    from = k;
  }
  return [...shades, ...runs, ...underlines, ...links];
}

/**
 * Spans of a line's characters around gaps that a text extractor would read as word spaces — more
 * than a tenth of an em between characters that are not spaces, in a line whose gaps are not all
 * alike (an evenly spaced line reads as one word: poppler's rule) — or as a break (compressed
 * punctuation overlapping its neighbour). For each placed character, the number of its span (from
 * 1), or 0.
 */
function spacedSpans(atoms: readonly Atom[], placed: Line['atoms'], size: number): Uint16Array {
  const spans = new Uint16Array(placed.length + 1);
  const gaps: number[] = [];
  let narrowest = Infinity;
  for (let k = 1; k < placed.length; k++) {
    const a = atoms[placed[k - 1]!.index]!;
    const space = a.text === ' ' || atoms[placed[k]!.index]!.text === ' ';
    const gap = space ? 0 : placed[k]!.x - placed[k - 1]!.x - a.width;
    gaps.push(gap);
    if (!space) narrowest = Math.min(narrowest, gap);
  }
  // One span from the first such gap to the last: fewer, longer spans make a smaller file.
  let first = -1;
  let last = -1;
  gaps.forEach((gap, i) => {
    // Compressed punctuation (」、「) overlaps its neighbour's box: extractors break the line there.
    const overlap = gap < -size * 0.2;
    if (!overlap && (gap <= size * 0.1 || gap - narrowest <= size * 0.07)) return;
    if (first < 0) first = i;
    last = i + 1;
  });
  if (first >= 0) spans.fill(1, first, last + 1);
  return spans;
}

/** Runs that copy out as the characters they draw, without the spaces their spacing would suggest. */
const readsAs = (runs: readonly Op[]): Op => ({ kind: 'group', dx: 0, dy: 0, ops: runs, actualText: runs.map((r) => (r.kind === 'text' ? r.chars.join('') : '')).join('') });

export interface SetText {
  readonly lines: readonly Line[];
  readonly atoms: readonly Atom[];
}

export interface SetOptions {
  readonly indent?: number | ((start: number) => number);
  readonly align?: 'justify' | 'left' | 'center';
  /** Break between phrases (titles, headings, labels, short cells). */
  readonly phrases?: boolean;
  /** Even lines rather than a full first one (a centred title). */
  readonly balance?: boolean;
}

/** Whether text could need breaking at all: its characters are wider than the line (spacing aside, which is less than a character). */
export const mayBreak = (atoms: readonly Atom[], width: number): boolean => {
  let sum = 0;
  for (const a of atoms) if ((sum += a.width) > width * 0.9 || a.text === '\n') return true;
  return false;
};

export function setText(atoms: readonly Atom[], width: number, options: SetOptions = {}): SetText {
  // Phrases only matter where the text breaks: most titles, labels and cells fit on one line.
  const phrases = options.phrases && atoms.length > 1 && mayBreak(atoms, width) ? phraseStarts(atoms.map((a) => a.text)) : undefined;
  const lines = breakLines(atoms, {
    width,
    indent: options.indent ?? 0,
    align: options.align ?? 'justify',
    // Spacing is counted in ems of the text's size (its first character's).
    em: atoms[0]?.style.size ?? 10,
    ...(phrases ? { phrases } : {}),
    ...(options.balance ? { balance: true } : {}),
  });
  return { atoms, lines };
}
