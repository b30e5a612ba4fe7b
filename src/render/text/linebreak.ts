/**
 * Japanese line breaking and justification (JIS X 4051 in a small form), independent of any PDF
 * library: atoms in, lines with x positions out.
 *
 * - Break anywhere between Japanese characters, between Japanese and Latin, and after spaces; never
 *   inside a Latin word unless the word alone is wider than the line (URLs may break after 「/」).
 * - 禁則: no line starts with closing punctuation, prolonged sound marks or small kana, none ends
 *   with opening brackets. Characters are pushed to the next line (追い出し).
 * - 約物詰め: a closing mark followed by another bracket or mark loses its blank half.
 * - 両端揃え: the spare width of a line is spread over the gaps between characters (not inside
 *   Latin words); the last line of a paragraph and lines ended by a hard break stay left-aligned.
 */

export interface BreakAtom {
  /** One character (a code point), or "\n" for a hard line break. */
  readonly text: string;
  /** Advance in points. */
  readonly width: number;
}

export interface LineBreakOptions {
  /** Width of every line in points. */
  readonly width: number;
  /**
   * Indent (字下げ) in points of the first line and of each line after a hard break, or a function
   * of the index of the line's first atom.
   */
  readonly indent?: number | ((start: number) => number);
  readonly align?: 'justify' | 'left' | 'center';
  /**
   * Most extra space a justified gap may take, in points. A line that would need more (two Latin
   * words in a narrow cell) is set ragged instead of with holes.
   */
  readonly maxSpread?: number;
}

export interface PlacedAtom {
  /** Index in the input atoms. */
  readonly index: number;
  /** Left edge, in points from the start of the line box. */
  readonly x: number;
}

export interface Line {
  readonly atoms: readonly PlacedAtom[];
  /** Width of the set characters before justification (indent included). */
  readonly naturalWidth: number;
  readonly justified: boolean;
  /** No legal break fitted: the line was cut where the width ran out, against the rules. */
  readonly forced?: boolean;
}

/** Characters that may not start a line (行頭禁則). */
export const NO_LINE_START = new Set(
  [
    '、。，．,.：；:;？！?!・･‥…ー―‐－-〜～',
    '」』）］】〕〉》｝〙〗〟’”)]}｣',
    'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｯｬｭｮｰ',
    'ゝゞヽヾ々〻％%‰℃°′″',
  ]
    .join('')
    .split(''),
);

/** Characters that may not end a line (行末禁則). */
export const NO_LINE_END = new Set('「『（［【〔〈《｛〘〖〝‘“([{｢￥＄＃'.split(''));

/** Closing marks whose glyph has a blank right half, and opening brackets with a blank left half. */
const CLOSING = new Set('、。，．」』）］】〕〉》｝〙〗'.split(''));
const OPENING = new Set('「『（［【〔〈《｛〘〖'.split(''));

/** Pairs of these never separate (「……」「――」). */
const INSEPARABLE = new Set('…‥―—'.split(''));

type CharClass = 'space' | 'hard' | 'latin' | 'cjk';

export function charClass(ch: string): CharClass {
  if (ch === '\n') return 'hard';
  if (ch === ' ' || ch === '\t') return 'space';
  const cp = ch.codePointAt(0)!;
  // Latin, Greek, Cyrillic and their punctuation form words; hyphens and currency belong to them.
  if (cp < 0x2000 || (cp >= 0x2010 && cp <= 0x2013) || (cp >= 0x20a0 && cp <= 0x20cf)) return 'latin';
  return 'cjk';
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && charClass(ch) === 'latin';

/** How good a break before atom `i` is: 2 allowed, 1 only inside a Latin word, 0 breaks 禁則. */
function breakQuality(atoms: readonly BreakAtom[], i: number, url: readonly boolean[] | undefined): 0 | 1 | 2 {
  const before = atoms[i - 1]!.text;
  const after = atoms[i]!.text;
  const a = charClass(before);
  const b = charClass(after);
  if (b === 'space' || NO_LINE_START.has(after)) return 0;
  // The character that would end the line: spaces before the break hang and do not count.
  let k = i - 1;
  while (k > 0 && charClass(atoms[k]!.text) === 'space') k--;
  if (NO_LINE_END.has(atoms[k]!.text)) return 0;
  if (a === 'space' || a === 'hard') return 2;
  if (INSEPARABLE.has(before) && before === after) return 0;
  if (a === 'latin' && b === 'latin') return url?.[i] && before === '/' && after !== '/' ? 2 : 1;
  return 2;
}

/** Which atoms belong to a Latin word that looks like a URL (there, a break after 「/」 is fine); undefined: none. */
function urlWords(atoms: readonly BreakAtom[]): boolean[] | undefined {
  // Most text has no URL: skip building words unless there is a 「:」 or 「w」 at all.
  if (!atoms.some((a) => a.text === ':' || a.text === 'w')) return undefined;
  const out = atoms.map(() => false);
  let start = 0;
  for (let i = 0; i <= atoms.length; i++) {
    if (i < atoms.length && isWordChar(atoms[i]!.text)) continue;
    if (i - start > 3) {
      const word = atoms
        .slice(start, i)
        .map((a) => a.text)
        .join('');
      if (word.includes('://') || /^www\./u.test(word)) for (let j = start; j < i; j++) out[j] = true;
    }
    start = i + 1;
  }
  return out;
}

/** Space removed between atom i and i+1 (約物詰め), as a negative number. */
function squeeze(atoms: readonly BreakAtom[], i: number): number {
  const a = atoms[i]!;
  const b = atoms[i + 1];
  if (!b) return 0;
  if (CLOSING.has(a.text) && (CLOSING.has(b.text) || OPENING.has(b.text))) return -a.width / 2;
  if (OPENING.has(a.text) && OPENING.has(b.text)) return -b.width / 2;
  return 0;
}

const EPSILON = 1e-6;

export function breakLines(atoms: readonly BreakAtom[], options: LineBreakOptions): Line[] {
  const { width } = options;
  const align = options.align ?? 'justify';
  const url = urlWords(atoms);
  const kern = atoms.map((_, i) => squeeze(atoms, i));
  const lines: Line[] = [];
  const indentAt = (at: number) => (typeof options.indent === 'function' ? options.indent(at) : (options.indent ?? 0));
  let start = 0;
  let first = true;
  let afterHard = true;
  while (start < atoms.length || first) {
    const indent = afterHard ? indentAt(start) : 0;
    const limit = width - indent;
    // Scan forward while the visible width fits; spaces hang at the end of a line.
    let visible = 0;
    let pending = 0;
    let end = start;
    let hard = false;
    for (; end < atoms.length; end++) {
      const atom = atoms[end]!;
      const cls = charClass(atom.text);
      if (cls === 'hard') {
        hard = true;
        break;
      }
      const advance = (end > start ? kern[end - 1]! : 0) + atom.width;
      if (cls === 'space') {
        pending += advance;
        continue;
      }
      if (end > start && visible + pending + advance > limit + EPSILON) break;
      visible += pending + advance;
      pending = 0;
    }
    let stop = end;
    let forced = false;
    if (!hard && end < atoms.length) {
      // `end` overflows: go back to the best break at or before it (追い出し).
      stop = -1;
      for (const wanted of [2, 1] as const) {
        for (let b = end; b > start && stop < 0; b--) if (breakQuality(atoms, b, url) >= wanted) stop = b;
        if (stop >= 0) break;
      }
      if (stop < 0) {
        stop = Math.max(end, start + 1);
        forced = true;
      }
    }
    const line = placeLine(atoms, kern, start, stop, indent, width, align, !hard && stop < atoms.length, options.maxSpread ?? Infinity);
    lines.push(forced ? { ...line, forced } : line);
    first = false;
    afterHard = hard;
    start = hard ? stop + 1 : stop;
    if (!hard) while (start < atoms.length && charClass(atoms[start]!.text) === 'space') start++;
  }
  return lines;
}

function placeLine(
  atoms: readonly BreakAtom[],
  kern: readonly number[],
  start: number,
  stop: number,
  indent: number,
  width: number,
  align: 'justify' | 'left' | 'center',
  softBreak: boolean,
  maxSpread: number,
): Line {
  let last = stop - 1;
  while (last >= start && charClass(atoms[last]!.text) === 'space') last--;
  let naturalWidth = indent;
  for (let i = start; i <= last; i++) naturalWidth += atoms[i]!.width + (i < last ? kern[i]! : 0);
  const spare = width - naturalWidth;
  // Gaps that take extra space when justified: every boundary except inside a Latin word.
  const spreads = (i: number) => !(isWordChar(atoms[i - 1]!.text) && isWordChar(atoms[i]!.text));
  let extra = 0;
  let justified = false;
  if (align === 'justify' && softBreak && spare > EPSILON) {
    let gaps = 0;
    for (let i = start + 1; i <= last; i++) if (spreads(i)) gaps++;
    if (gaps > 0 && spare / gaps <= maxSpread) {
      extra = spare / gaps;
      justified = true;
    }
  }
  // One pass places the characters: from the indent, plus half the spare width when centred or the
  // justification so far.
  const centre = align === 'center' && spare > 0 ? spare / 2 : 0;
  const placed: PlacedAtom[] = [];
  let x = indent;
  let shift = centre;
  for (let i = start; i <= last; i++) {
    if (justified && i > start && spreads(i)) shift += extra;
    placed.push({ index: i, x: shift === 0 ? x : x + shift });
    x += atoms[i]!.width + (i < last ? kern[i]! : 0);
  }
  return { atoms: placed, naturalWidth, justified };
}
