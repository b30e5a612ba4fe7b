/**
 * Japanese line breaking and line adjustment after JIS X 4051 and the W3C's Requirements for
 * Japanese Text Layout (JLREQ), independent of any PDF library: atoms in, lines with x positions out.
 *
 * - Breaks: anywhere between Japanese characters, between Japanese and Latin, and after spaces;
 *   never inside a Latin word (JLREQ 3.2.6) except at a hyphen or in a URL after 「/」, and, when
 *   nothing else fits, at a compound's seam (camelCase, 「.」「@」「_」). Given phrases (BudouX),
 *   lines break between them and inside one only when a phrase is wider than the line.
 * - 禁則: no line starts with closing punctuation, prolonged sound marks or small kana, none ends
 *   with opening brackets.
 * - Spacing (JLREQ 3.1.5, 3.2.6, 3.1.4): consecutive punctuation loses its doubled blank half
 *   (」「 、「 （「), a quarter em between Japanese and Latin or digits (和欧間), and an opening
 *   bracket that begins a line is set flush, without its blank half (天付き).
 * - Line adjustment (JLREQ 3.8): where the characters that must stay together do not end at the
 *   line's end, they are pulled in (追い込み) when the reducible spacing of the line can make room —
 *   the blank half of line-end punctuation first, then spaces, punctuation halves and 和欧間 — and
 *   pushed out (追い出し) otherwise. A justified line takes its spare width first in Western spaces
 *   (to half an em), then in 和欧間 (to half an em), then between characters up to a limit; a line
 *   that would need more is broken inside its last Latin word where that is accepted, or set ragged:
 *   never letter-spaced.
 * - A paragraph whose last line would hold a single character pulls it into the line before, or
 *   pushes one more phrase down (段落末尾処理, JLREQ 3.5.4).
 * - The last line of a paragraph and lines ended by a hard break stay left-aligned.
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
  /** One em in points (the type size): the unit of the spacing rules. Default: the widest atom up to 1000/1000 of a CJK advance. */
  readonly em?: number;
  /** True before the first atom of each phrase (BudouX): lines break between phrases where they can. */
  readonly phrases?: readonly boolean[];
  /** Lines as even as the same number of lines allows (a centred title), rather than a full first line. */
  readonly balance?: boolean;
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

/** Closing brackets and commas (cl-02, cl-07): a blank right half that may be reduced mid-line. */
const CLOSING_MARKS = new Set('、，」』）］】〕〉》｝〙〗'.split(''));
/** Full stops (cl-06): a blank right half kept mid-line, as the sentence's end. */
const FULL_STOPS = new Set('。．'.split(''));
/** Opening brackets (cl-01): a blank left half. */
export const OPENING = new Set('「『（［【〔〈《｛〘〖'.split(''));
/** Closing marks of every kind: a blank right half. */
export const CLOSING = new Set([...CLOSING_MARKS, ...FULL_STOPS]);

/** Pairs of these never separate (「……」「――」). */
const INSEPARABLE = new Set('…‥―—'.split(''));

/** Japanese punctuation and symbols: no 和欧間 next to them (their own blank, if any, is the space). */
const JAPANESE_PUNCTUATION = new Set([...OPENING, ...CLOSING, ...'・･：；？！‥…―〜～‐－—／＼＆％＃＄＠＊＋＝｜〃※\u3000']);

type CharClass = 'space' | 'hard' | 'latin' | 'cjk';

function classOf(ch: string): CharClass {
  if (ch === '\n') return 'hard';
  if (ch === ' ' || ch === '\t') return 'space';
  const cp = ch.codePointAt(0)!;
  // Latin, Greek, Cyrillic and their punctuation form words; hyphens and currency belong to them.
  if (cp < 0x2000 || (cp >= 0x2010 && cp <= 0x2013) || (cp >= 0x20a0 && cp <= 0x20cf)) return 'latin';
  return 'cjk';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** What the rules need to know of a character, worked out once per character (text repeats them). */
interface CharInfo {
  readonly cls: CharClass;
  readonly opening: boolean;
  readonly closing: boolean;
  /** A closing bracket or comma, whose blank half may give way mid-line (not a full stop). */
  readonly closingMark: boolean;
  readonly inseparable: boolean;
  /** A Latin letter or European numeral (not Western punctuation, which is set solid against Japanese). */
  readonly latinLetter: boolean;
  /** Kana or kanji (cl-15, cl-16, cl-19 and their marks): a quarter em next to Latin text. */
  readonly japaneseLetter: boolean;
}

const infos = new Map<string, CharInfo>();
function info(ch: string): CharInfo {
  let i = infos.get(ch);
  if (!i) {
    const cls = classOf(ch);
    i = {
      cls,
      opening: OPENING.has(ch),
      closing: CLOSING.has(ch),
      closingMark: CLOSING_MARKS.has(ch),
      inseparable: INSEPARABLE.has(ch),
      latinLetter: cls === 'latin' && LETTER_OR_DIGIT.test(ch),
      japaneseLetter: cls === 'cjk' && !JAPANESE_PUNCTUATION.has(ch),
    };
    infos.set(ch, i);
  }
  return i;
}

export const charClass = (ch: string): CharClass => info(ch).cls;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && charClass(ch) === 'latin';

/** How much extra space a justified gap may take, per kind of gap, in ems (JLREQ 3.8.4). */
export const STRETCH_LIMIT = {
  /** A Western word space, up to half an em wide. */
  space: 0.5,
  /** 和欧間, from a quarter up to half an em. */
  mixed: 0.25,
  /** Between any other characters (not inside a Latin word). */
  other: 0.125,
} as const;

/** Kinds of gaps, in the order a justified line fills them. */
const SPACE = 1;
const MIXED = 2;
const OTHER = 3;

/**
 * The spacing of one paragraph's gaps: gap i lies between atom i and atom i + 1 (when they share a
 * line). Worked out once per paragraph.
 */
interface Spacing {
  /** Spacing added to the natural advances: negative where punctuation is compressed, a quarter em of 和欧間. */
  readonly kern: Float64Array;
  /** How much more the gap may give when a line is tightened (追い込み). */
  readonly shrink: Float64Array;
  /** Which kind of stretch the gap takes when justified (0: none). */
  readonly kind: Uint8Array;
  /** Most extra space of the gap when justified. */
  readonly stretch: Float64Array;
}

function spacing(atoms: readonly BreakAtom[], em: number): Spacing {
  const n = atoms.length;
  const kern = new Float64Array(n);
  const shrink = new Float64Array(n);
  const kind = new Uint8Array(n);
  const stretch = new Float64Array(n);
  let next = n > 0 ? info(atoms[0]!.text) : undefined;
  for (let i = 0; i + 1 < n; i++) {
    const a = atoms[i]!;
    const b = atoms[i + 1]!;
    const ia = next!;
    const ib = info(b.text);
    next = ib;
    const ca = ia.cls;
    const cb = ib.cls;
    if (ca === 'hard' || cb === 'hard') continue;
    // 約物の連続 (JLREQ 3.1.5): a closing mark before another mark or an opening bracket loses its
    // blank half; of two opening brackets, the second loses its own.
    if (ia.closing && (ib.closing || ib.opening)) kern[i] = -a.width / 2;
    else if (ia.opening && ib.opening) kern[i] = -b.width / 2;
    else if ((ia.latinLetter && ib.japaneseLetter) || (ia.japaneseLetter && ib.latinLetter)) kern[i] = (ca === 'latin' ? b.width : a.width) / 4;
    // What tightening may take (JIS X 4051 order: spaces, punctuation halves, 和欧間).
    if (ca === 'space') shrink[i] = Math.max(0, a.width - em / 4);
    else if (kern[i]! > 0) shrink[i] = kern[i]! / 2;
    else if (kern[i] === 0 && ia.closingMark) shrink[i] = a.width / 2;
    else if (kern[i] === 0 && ib.opening) shrink[i] = b.width / 2;
    // What justification may add: nothing inside a Latin word or between inseparable marks.
    if (ca === 'space' || cb === 'space') {
      if (ca === 'space') {
        kind[i] = SPACE;
        stretch[i] = Math.max(0, STRETCH_LIMIT.space * em - a.width);
      }
    } else if (kern[i]! > 0) {
      kind[i] = MIXED;
      stretch[i] = STRETCH_LIMIT.mixed * em;
    } else if (!(ca === 'latin' && cb === 'latin') && !(ia.inseparable && a.text === b.text)) {
      kind[i] = OTHER;
      stretch[i] = STRETCH_LIMIT.other * em;
    }
  }
  return { kern, shrink, kind, stretch };
}

/** Break qualities: the line breaker takes the best break that fits. */
const FORBIDDEN = 0;
/** Anywhere inside a Latin word: only when the word alone is wider than the line. */
const IN_WORD = 1;
/** A compound's seam (OneDrive, soumu@…, x.example): when a line could not be justified otherwise. */
const SEAM = 2;
/** Inside a phrase, between Japanese characters: when the phrase does not fit on a line. */
const IN_PHRASE = 3;
const GOOD = 4;

/** A measure narrower than this many ems (a table cell) may end a line short to keep two characters on the last. */
const NARROW_MEASURE = 24;

/** How good a break before atom `i` is. */
function breakQuality(atoms: readonly BreakAtom[], i: number, url: readonly boolean[] | undefined, phrases: readonly boolean[] | undefined): number {
  const before = atoms[i - 1]!.text;
  const after = atoms[i]!.text;
  const a = charClass(before);
  const b = charClass(after);
  if (b === 'space' || NO_LINE_START.has(after)) return FORBIDDEN;
  // The character that would end the line: spaces before the break hang and do not count.
  let k = i - 1;
  while (k > 0 && charClass(atoms[k]!.text) === 'space') k--;
  if (NO_LINE_END.has(atoms[k]!.text)) return FORBIDDEN;
  if (a === 'space' || a === 'hard') return GOOD;
  if (INSEPARABLE.has(before) && before === after) return FORBIDDEN;
  if (a === 'latin' && b === 'latin') {
    // A URL breaks after its 「/」, any word after a hyphen (JLREQ 3.2.6: where hyphenation is allowed).
    if (url?.[i]) {
      if (before === '/' && after !== '/') return GOOD;
      // Elsewhere in a URL, before its punctuation (the next line shows it goes on).
      return /[.?#&=_-]/u.test(after) && before !== '/' ? SEAM : IN_WORD;
    }
    if (before === '-' && LETTER_OR_DIGIT.test(after)) return GOOD;
    // An address after its 「@」 or before a 「.」, a compound at its capital (OneDrive).
    if ((before === '@' || (after === '.' && LETTER_OR_DIGIT.test(before))) || (/\p{Ll}/u.test(before) && /\p{Lu}/u.test(after))) return SEAM;
    return IN_WORD;
  }
  if (phrases && !phrases[i] && a === 'cjk' && b === 'cjk') return IN_PHRASE;
  return GOOD;
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

const EPSILON = 1e-6;

/** A line as chosen, before it is placed. */
interface Span {
  readonly start: number;
  /** Index after the line's last atom (trailing spaces included; a hard break is not). */
  readonly stop: number;
  readonly indent: number;
  /** Width the line may use (the measure less the indent, plus the blank half of a line-start bracket). */
  readonly limit: number;
  /** Blank half of an opening bracket that begins the line, set into the indent. */
  readonly lead: number;
  /** Ended by a hard break or the end of the text: not justified. */
  readonly last: boolean;
  readonly hard: boolean;
  readonly forced: boolean;
}

class Breaker {
  private readonly url: boolean[] | undefined;
  private readonly space: Spacing;
  /** Break quality before each atom, worked out when first asked (-1: not yet). */
  private readonly qualities: Int8Array;
  /** One em in points: the unit of the spacing rules. */
  private readonly em: number;

  constructor(
    private readonly atoms: readonly BreakAtom[],
    private readonly options: LineBreakOptions,
    readonly width: number,
  ) {
    this.url = urlWords(atoms);
    this.em = options.em ?? defaultEm(atoms);
    this.space = spacing(atoms, this.em);
    this.qualities = new Int8Array(atoms.length + 1).fill(-1);
  }

  private quality(i: number): number {
    let q = this.qualities[i]!;
    if (q < 0) {
      q = i > 0 && i < this.atoms.length ? breakQuality(this.atoms, i, this.url, this.options.phrases) : FORBIDDEN;
      this.qualities[i] = q;
    }
    return q;
  }

  private indentAt(start: number): number {
    const indent = this.options.indent;
    return typeof indent === 'function' ? indent(start) : (indent ?? 0);
  }

  /** Index of the last non-space atom before `stop` (or start - 1). */
  private lastVisible(start: number, stop: number): number {
    let last = stop - 1;
    while (last >= start && charClass(this.atoms[last]!.text) === 'space') last--;
    return last;
  }

  /** Natural width of atoms start..stop-1 (trailing spaces hang), with their spacing. */
  natural(start: number, stop: number): number {
    const last = this.lastVisible(start, stop);
    let w = 0;
    for (let i = start; i <= last; i++) w += this.atoms[i]!.width + (i < last ? this.space.kern[i]! : 0);
    return w;
  }

  /** How much a line start..stop-1 can give when tightened: its gaps, and the blank half of a closing mark at its end. */
  private shrinkable(start: number, stop: number): number {
    const last = this.lastVisible(start, stop);
    let s = 0;
    for (let i = start; i < last; i++) s += this.space.shrink[i]!;
    const end = this.atoms[last];
    if (end && CLOSING.has(end.text)) s += end.width / 2;
    return s;
  }

  /** How much a line start..stop-1 can take when justified. */
  private stretchable(start: number, stop: number): number {
    const last = this.lastVisible(start, stop);
    let s = 0;
    for (let i = start; i < last; i++) s += this.space.stretch[i]!;
    return s;
  }

  /** The first line of the text from `start`. */
  lineFrom(start: number, afterHard: boolean, width = this.width): Span {
    const atoms = this.atoms;
    const n = atoms.length;
    const indent = afterHard ? this.indentAt(start) : 0;
    // 天付き: an opening bracket at the start of a line sets its blank half into the margin.
    const lead = start < n && OPENING.has(atoms[start]!.text) ? atoms[start]!.width / 2 : 0;
    const limit = width - indent + lead;
    // Scan forward while the visible width fits; spaces hang at the end of a line.
    let visible = 0;
    let pending = 0;
    let end = start;
    let hard = false;
    for (; end < n; end++) {
      const atom = atoms[end]!;
      const cls = charClass(atom.text);
      if (cls === 'hard') {
        hard = true;
        break;
      }
      const advance = (end > start ? this.space.kern[end - 1]! : 0) + atom.width;
      if (cls === 'space') {
        pending += advance;
        continue;
      }
      if (end > start && visible + pending + advance > limit + EPSILON) break;
      visible += pending + advance;
      pending = 0;
    }
    const span = { start, indent, limit, lead, hard };
    if (hard) return { ...span, stop: end, last: true, forced: false };
    if (end >= n) return { ...span, stop: n, last: true, forced: false };
    // `end` overflows. The best break at or before it, by quality.
    let stop = -1;
    let got = FORBIDDEN;
    for (const wanted of [GOOD, IN_PHRASE, SEAM, IN_WORD]) {
      for (let b = end; b > start; b--) {
        if (this.quality(b) >= wanted) {
          stop = b;
          got = wanted;
          break;
        }
      }
      if (stop >= 0) break;
    }
    if (stop < 0) return { ...span, stop: Math.max(end, start + 1), last: false, forced: true };
    if (stop < end && got >= IN_PHRASE) {
      // Characters would be pushed out (追い出し): pull them in (追い込み) if the line can give the room,
      // up to the next break of the same quality a few characters on.
      for (let next = end + 1; next <= Math.min(n, end + 3); next++) {
        const legal = next === n || this.quality(next) >= got || charClass(atoms[next]!.text) === 'hard';
        if (!legal) continue;
        if (this.natural(start, next) - this.shrinkable(start, next) <= limit + EPSILON) return { ...span, stop: next, last: next === n, forced: false };
        break;
      }
    }
    // A justified line that would have to be letter-spaced breaks its next Latin word at a seam instead.
    if (this.options.align === 'justify' || this.options.align === undefined) {
      const spare = limit - this.natural(start, stop);
      if (spare > this.stretchable(start, stop) + EPSILON) {
        for (let b = end; b > stop; b--) {
          if (this.quality(b) >= SEAM && this.natural(start, b) <= limit + EPSILON) return { ...span, stop: b, last: false, forced: false };
        }
      }
    }
    return { ...span, stop, last: false, forced: false };
  }

  /** The lines of the whole text. */
  spans(width = this.width): Span[] {
    const spans: Span[] = [];
    let start = 0;
    let afterHard = true;
    const n = this.atoms.length;
    do {
      const span = this.lineFrom(start, afterHard, width);
      spans.push(span);
      afterHard = span.hard;
      start = span.hard ? span.stop + 1 : span.stop;
      if (!span.hard) while (start < n && charClass(this.atoms[start]!.text) === 'space') start++;
    } while (start < n);
    return spans;
  }

  /** Whether a line's content (non-space atoms other than punctuation) is at most one character. */
  private lonely(span: Span): boolean {
    let count = 0;
    for (let i = span.start; i < span.stop; i++) {
      const t = this.atoms[i]!.text;
      if (charClass(t) === 'space' || charClass(t) === 'hard' || CLOSING.has(t) || NO_LINE_START.has(t)) continue;
      if (++count > 1) return false;
    }
    return count === 1;
  }

  /**
   * 段落末尾処理: a paragraph (or line of the rules) whose last line would hold one character takes it
   * into the line before when that line can be tightened enough, or else gives that line's last
   * phrase to the last line when the line before can be justified without letter-spacing.
   */
  widows(spans: Span[], justify: boolean): Span[] {
    const out = [...spans];
    for (let k = 1; k < out.length; k++) {
      const last = out[k]!;
      const before = out[k - 1]!;
      if (!last.last || before.hard || !this.lonely(last)) continue;
      const end = last.stop;
      // 追い込み: the line before holds both.
      if (this.natural(before.start, end) - this.shrinkable(before.start, end) <= before.limit + EPSILON) {
        out.splice(k - 1, 2, { ...before, stop: last.stop, last: true, hard: last.hard });
        k--;
        continue;
      }
      // 追い出し: the line before breaks one phrase earlier (justified within the limits, where it is
      // justified); the last line still fits. In a narrow measure (a table cell) a line before that
      // falls a little short is set flush left rather than leave one character alone.
      const b = this.pushOutBreak(before, end, justify ? (this.width < NARROW_MEASURE * this.em ? this.em : 0) : Infinity);
      if (b === undefined) continue;
      const lead = OPENING.has(this.atoms[b]!.text) ? this.atoms[b]!.width / 2 : 0;
      out.splice(k - 1, 2, { ...before, stop: b }, { ...last, start: b, indent: 0, lead, limit: this.width + lead });
    }
    return out;
  }

  /** The latest phrase break of `line` that leaves it short by at most its stretch plus `slack`, with the rest up to `end` fitting one line. */
  private pushOutBreak(line: Span, end: number, slack: number): number | undefined {
    for (let b = line.stop - 1; b > line.start + 1; b--) {
      if (this.quality(b) < IN_PHRASE) continue;
      const spare = line.limit - this.natural(line.start, b);
      if (spare > this.stretchable(line.start, b) + slack + EPSILON) return undefined;
      const lead = OPENING.has(this.atoms[b]!.text) ? this.atoms[b]!.width / 2 : 0;
      return this.natural(b, end) > this.width + lead + EPSILON ? undefined : b;
    }
    return undefined;
  }

  place(span: Span, align: 'justify' | 'left' | 'center'): Line {
    const { atoms } = this;
    const { kern, shrink, kind, stretch } = this.space;
    const { start, indent, lead, limit } = span;
    const last = this.lastVisible(start, span.stop);
    const natural = this.natural(start, span.stop);
    const naturalWidth = indent - lead + natural;
    let spare = limit - natural;
    // Adjustment of each gap of the line.
    const adjust = new Float64Array(Math.max(0, last - start));
    let justified = false;
    if (spare < -EPSILON) {
      // Tightened (追い込み): the blank half of a closing mark at the end hangs first, then the gaps give in
      // proportion to what each can give.
      const end = atoms[last];
      let need = -spare - (end && CLOSING.has(end.text) ? end.width / 2 : 0);
      if (need > EPSILON) {
        let total = 0;
        for (let i = start; i < last; i++) total += shrink[i]!;
        const ratio = total > 0 ? Math.min(1, need / total) : 0;
        for (let i = start; i < last; i++) adjust[i - start] = -shrink[i]! * ratio;
      }
      spare = 0;
    } else if (align === 'justify' && !span.last && spare > EPSILON) {
      // The spare width goes to Western spaces, then 和欧間, then between characters, each up to its limit.
      let left = spare;
      for (const k of [SPACE, MIXED, OTHER]) {
        if (left <= EPSILON) break;
        let total = 0;
        for (let i = start; i < last; i++) if (kind[i] === k) total += stretch[i]!;
        if (total <= 0) continue;
        const ratio = Math.min(1, left / total);
        for (let i = start; i < last; i++) if (kind[i] === k) adjust[i - start] = stretch[i]! * ratio;
        left -= total * ratio;
      }
      // Within the limits, or not at all: a line that would need more is set ragged.
      if (left > EPSILON) adjust.fill(0);
      else justified = true;
    }
    const centre = align === 'center' && spare > 0 ? spare / 2 : 0;
    const placed: PlacedAtom[] = [];
    let x = indent - lead + centre;
    for (let i = start; i <= last; i++) {
      placed.push({ index: i, x });
      if (i < last) x += atoms[i]!.width + kern[i]! + adjust[i - start]!;
    }
    return span.forced ? { atoms: placed, naturalWidth, justified, forced: true } : { atoms: placed, naturalWidth, justified };
  }
}

/** The type size when none is given: the advance of a full-width character, or 10. */
function defaultEm(atoms: readonly BreakAtom[]): number {
  for (const a of atoms) if (charClass(a.text) === 'cjk' && a.width > 0) return a.width;
  return 10;
}

export function breakLines(atoms: readonly BreakAtom[], options: LineBreakOptions): Line[] {
  const align = options.align ?? 'justify';
  const breaker = new Breaker(atoms, options, options.width);
  let spans = breaker.spans();
  if (options.balance && align === 'center' && spans.length > 1 && !spans.some((s) => s.hard || s.forced)) {
    // The narrowest measure that still gives as many lines, centred in the full one.
    let low = options.width / spans.length;
    let high = options.width;
    for (let step = 0; step < 12 && high - low > 1; step++) {
      const mid = (low + high) / 2;
      if (breaker.spans(mid).length <= spans.length) high = mid;
      else low = mid;
    }
    const narrow = breaker.spans(high);
    if (narrow.length === spans.length) return narrow.map((span) => breaker.place({ ...span, limit: span.limit + options.width - high }, align));
  }
  if (align !== 'center') spans = breaker.widows(spans, align === 'justify');
  return spans.map((span) => breaker.place(span, align));
}
