import type { FaceName } from '../text/fonts.js';

/**
 * Page geometry and type sizes of the printed rulebook. A4, body text 10.5 pt Noto Serif JP on a
 * 42-character measure (so lines of Japanese need no extra spacing), a binding gutter on the inner
 * side (left on odd pages, right on even pages, for double-sided printing). Landscape pages (a
 * ledger) are turned into the binder: their margins are even.
 */

export const MM = 72 / 25.4;

export const BODY_SIZE = 10.5;

export interface Geometry {
  readonly orientation: 'portrait' | 'landscape';
  readonly width: number;
  readonly height: number;
  readonly textWidth: number;
  readonly textHeight: number;
  readonly top: number;
  readonly bottom: number;
  /** Left margin of odd (recto) and even (verso) pages. */
  readonly leftOdd: number;
  readonly leftEven: number;
}

function geometry(orientation: Geometry['orientation'], width: number, height: number, chars: number, leftOdd: number, top: number, bottom: number, mirrored: boolean): Geometry {
  const textWidth = chars * BODY_SIZE;
  return {
    orientation,
    width,
    height,
    textWidth,
    textHeight: height - top - bottom,
    top,
    bottom,
    leftOdd,
    leftEven: mirrored ? width - leftOdd - textWidth : leftOdd,
  };
}

export const PORTRAIT = geometry('portrait', 595.28, 841.89, 42, 30 * MM, 26 * MM, 24 * MM, true);
const LANDSCAPE_CHARS = 68;
export const LANDSCAPE = geometry('landscape', 841.89, 595.28, LANDSCAPE_CHARS, (841.89 - LANDSCAPE_CHARS * BODY_SIZE) / 2, 24 * MM, 20 * MM, false);

export const geometryOf = (orientation: Geometry['orientation'] | undefined): Geometry => (orientation === 'landscape' ? LANDSCAPE : PORTRAIT);

/** Left edge of the text block on a page (1-based): odd pages are bound on the left. */
export const textLeft = (g: Geometry, pageNumber: number): number => (pageNumber % 2 === 1 ? g.leftOdd : g.leftEven);

export const COLORS = {
  text: '#111111',
  muted: '#555555',
  rule: '#333333',
  grid: '#555555',
  headerFill: '#e4e8ee',
  headerColumnFill: '#f1f3f6',
  noteFill: '#f6f6f4',
  gapFill: '#fff0a8',
  coverAccent: '#1f3a5f',
  /** A draft's stamp and note: not the adopted text. */
  draft: '#a3161c',
} as const;

export interface TextStyle {
  readonly face: FaceName;
  readonly size: number;
  /** Distance between baselines. */
  readonly leading: number;
  readonly color: string;
}

export const BODY: TextStyle = { face: 'serif', size: BODY_SIZE, leading: 18.5, color: COLORS.text };
export const CELL: TextStyle = { face: 'serif', size: 9, leading: 14.5, color: COLORS.text };
export const CELL_HEADER: TextStyle = { face: 'sansBold', size: 9, leading: 14, color: COLORS.text };
export const NOTE: TextStyle = { face: 'serif', size: 9.5, leading: 16, color: COLORS.text };

export const HEADINGS: readonly { readonly style: TextStyle; readonly before: number; readonly after: number; readonly rule: boolean }[] = [
  { style: { face: 'sansBold', size: 13, leading: 20, color: COLORS.text }, before: 18, after: 8, rule: true },
  { style: { face: 'sansBold', size: 11, leading: 17, color: COLORS.text }, before: 12, after: 4, rule: false },
  { style: { face: 'sansBold', size: 10.5, leading: 16.5, color: COLORS.text }, before: 9, after: 2, rule: false },
  { style: { face: 'sansBold', size: 10.5, leading: 16.5, color: COLORS.muted }, before: 7, after: 2, rule: false },
];

export const TABLE = {
  padX: 5,
  padY: 4,
  gridWidth: 0.45,
  frameWidth: 0.9,
  before: 6,
  after: 10,
  /** Height of an answer row in a checklist form: room to write by hand. */
  answerRowMin: 26,
  answerBox: 13,
  /** A row taller than this share of the page height may be cut across pages (between lines). */
  tallRow: 0.25,
  /** Least height of the part of a cut row left at the foot of a page (two lines of a cell). */
  minRowPart: 2 * 14.5 + 2 * 4,
} as const;

/** Top of the ideographic em box above the baseline, as a fraction of the size (Noto CJK). */
export const EM_TOP = 0.88;

/** Baseline of a line of `style` whose line box starts at `top`: the em box is centred in the leading. */
export const baselineIn = (top: number, style: Pick<TextStyle, 'size' | 'leading'>): number =>
  top + (style.leading - style.size) / 2 + EM_TOP * style.size;
