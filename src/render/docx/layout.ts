/**
 * Page geometry and typography of the Word writer, in Word's units: twips (1/20 pt) for lengths,
 * half-points for font sizes. One place, so the tables, lists and tab stops agree with the page.
 */

const mm = (value: number): number => Math.round((value * 1440) / 25.4);

/** A4 portrait. */
export const PAGE = { width: 11906, height: 16838 } as const;

/**
 * Margins of a bound rulebook: the gutter on the left (the binding edge, single-sided printing)
 * is added to the left margin by Word.
 */
export const MARGIN = {
  top: mm(25),
  bottom: mm(22),
  left: mm(22),
  right: mm(20),
  gutter: mm(8),
  header: mm(12),
  footer: mm(10),
} as const;

/** Width of the text column, which tables fill and right tab stops sit at. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right - MARGIN.gutter;

/** Font sizes in half-points. */
export const SIZE = {
  body: 21, // 10.5 pt, the Japanese default
  table: 19, // 9.5 pt
  small: 16,
  title: 52,
  subtitle: 32,
  heading1: 32,
  heading2: 26,
  heading3: 23,
  heading4: 21,
} as const;

/** One full-width character of body text, the unit Japanese indents are counted in. */
export const CHAR = 210;

/** Each list level indents its number by this much; the text hangs one step to the right of it. */
export const LIST_STEP = 2 * CHAR;

/** Word has nine list levels (0–8). */
export const MAX_LIST_LEVEL = 8;

export const COLOR = {
  rule: '595959',
  headerFill: 'DCE3EE',
  noteFill: 'F3F3F3',
  headingText: '1F2A44',
  muted: '595959',
} as const;

/** Cell padding, in twips. */
export const CELL_MARGIN = { top: 40, bottom: 40, left: 100, right: 100 } as const;
