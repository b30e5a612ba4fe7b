import { translate, type Op } from './ops.js';

/**
 * Boxes stacked down a column of pages. A box is unbreakable unless it can `split` (tables, notes);
 * `keepWithNext` chains keep a heading with what follows and stop single lines of a paragraph being
 * left alone at the foot or head of a page.
 */

/** Something to find again after pagination: a chapter or section start (TOC, bookmarks, running header). */
export interface Mark {
  readonly kind: 'part' | 'chapter' | 'section' | 'front';
  readonly id: string;
  /** As shown in the running header and bookmarks, number included. */
  readonly label: string;
  /** The number as printed (「1.」「6.2」「8-1」「第5条」「付録1」), empty when there is none. */
  readonly number: string;
  readonly title: string;
  /** Nesting in the document's outline: 0 for parts, front matter and top-level chapters. */
  readonly depth: number;
  /** A part's own classification label (the footer shows it on the part's pages). */
  readonly classification?: string;
  /** Offset from the top of the box. */
  readonly y: number;
}

export interface Box {
  readonly height: number;
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  readonly keepWithNext: boolean;
  /** Start a new page before this box (chapters, page break hints). */
  readonly pageBreak?: boolean;
  readonly ops: readonly Op[];
  readonly marks?: readonly Mark[];
  /**
   * Splits the box so that its head fits `available`; `fresh` says the page is empty, where the
   * head must take something. Undefined: nothing useful fits, move the whole box on.
   */
  readonly split?: (available: number, fresh: boolean) => { head: Box; tail: Box } | undefined;
  /** Least height of a head worth starting on a page (for keep chains through a split box). */
  readonly minHead?: number;
  /**
   * A split box kept with what follows (a form's items with its signature lines): the least height
   * of its end that goes to the next page with them when they do not all fit.
   */
  readonly minTail?: number;
}

export interface PlacedMark extends Mark {
  /** 0-based index in the paginated run. */
  readonly page: number;
  /** From the top of the text block. */
  readonly top: number;
}

export interface Pages {
  readonly pages: Op[][];
  readonly marks: PlacedMark[];
  /** How far down each page is filled (the bottom of its last box). */
  readonly filled: number[];
  /** Whether each page was ended by a forced break (a chapter or part starting, a page break hint). */
  readonly broken: boolean[];
}

const EPSILON = 0.01;

export function paginate(input: readonly Box[], height: number): Pages {
  const boxes = [...input];
  const pages: Op[][] = [[]];
  const marks: PlacedMark[] = [];
  const filled: number[] = [0];
  const broken: boolean[] = [false];
  let y = 0;
  let fresh = true;
  let after = 0;
  const newPage = () => {
    pages.push([]);
    filled.push(0);
    broken.push(false);
    y = 0;
    fresh = true;
    after = 0;
  };
  const place = (box: Box, gap: number) => {
    const top = y + gap;
    pages[pages.length - 1]!.push(...translate(box.ops, 0, top));
    for (const mark of box.marks ?? []) marks.push({ ...mark, page: pages.length - 1, top: top + mark.y });
    y = top + box.height;
    filled[filled.length - 1] = y;
    after = box.spaceAfter;
    fresh = false;
  };
  /** Height needed from this box through the end of its keep chain. */
  const chain = (from: number): number => {
    let need = boxes[from]!.height;
    for (let k = from; boxes[k]?.keepWithNext && k + 1 < boxes.length; k++) {
      const next = boxes[k + 1]!;
      if (next.pageBreak) break;
      need += Math.max(boxes[k]!.spaceAfter, next.spaceBefore) + (next.split ? Math.min(next.height, next.minHead ?? next.height) : next.height);
      if (next.split) break;
    }
    return need;
  };
  let i = 0;
  while (i < boxes.length) {
    const box = boxes[i]!;
    if (box.pageBreak && !fresh) {
      broken[broken.length - 1] = true;
      newPage();
    }
    const gap = fresh ? 0 : Math.max(after, box.spaceBefore);
    const room = height - y - gap;
    // A table kept with what follows: its end goes over with them rather than leaving them alone.
    if (box.split && box.keepWithNext && box.minTail !== undefined && chain(i) > room + EPSILON && box.height > box.minTail) {
      const parts = box.split(Math.min(room, box.height - box.minTail), fresh);
      if (parts) {
        place(parts.head, gap);
        boxes[i] = { ...parts.tail, spaceBefore: 0, pageBreak: false, keepWithNext: true };
        newPage();
        continue;
      }
    }
    if (!fresh && box.keepWithNext && chain(i) > room + EPSILON && chain(i) <= height) {
      newPage();
      continue;
    }
    if (box.height <= room + EPSILON) {
      place(box, gap);
      i++;
      continue;
    }
    if (box.split) {
      const parts = box.split(room, fresh);
      if (parts) {
        place(parts.head, gap);
        // (A copy would draw the remainder now: keep the box itself when it already fits.)
        boxes[i] = parts.tail.spaceBefore === 0 && !parts.tail.pageBreak ? parts.tail : { ...parts.tail, spaceBefore: 0, pageBreak: false };
        newPage();
        continue;
      }
    }
    if (!fresh) {
      newPage();
      continue;
    }
    // Taller than a page and unbreakable: it overflows rather than looping (layout avoids this).
    place(box, gap);
    i++;
  }
  return { pages, marks, filled, broken };
}

/**
 * Paginates, and where a chapter, a part or the document would end with a page of a few lines,
 * tries its boxes with the space between blocks reduced (to three quarters, then a half) so that they
 * end on the page before: a typesetter tightens a page rather than turn over for its last lines.
 * Each stretch between forced breaks is paginated on its own (they share no page).
 */
export function paginateTight(boxes: readonly Box[], height: number, fewLines: number): Pages {
  const out: Pages = { pages: [], marks: [], filled: [], broken: [] };
  let from = 0;
  while (from < boxes.length || out.pages.length === 0) {
    let to = from + 1;
    while (to < boxes.length && !boxes[to]!.pageBreak) to++;
    const laid = tightEnd(boxes.slice(from, to), height, fewLines);
    const offset = out.pages.length;
    out.pages.push(...laid.pages);
    out.marks.push(...laid.marks.map((m) => ({ ...m, page: m.page + offset })));
    out.filled.push(...laid.filled);
    out.broken.push(...laid.broken.map((b, i) => b || (i === laid.broken.length - 1 && to < boxes.length)));
    from = to;
  }
  return out;
}

function tightEnd(boxes: readonly Box[], height: number, fewLines: number): Pages {
  const laid = paginate(boxes, height);
  const last = laid.filled[laid.filled.length - 1]!;
  if (laid.pages.length < 2 || last > fewLines) return laid;
  for (const factor of [0.75, 0.5]) {
    const tighter = paginate(
      boxes.map((box) => ({ ...box, spaceBefore: box.spaceBefore * factor, spaceAfter: box.spaceAfter * factor })),
      height,
    );
    if (tighter.pages.length < laid.pages.length) return tighter;
  }
  return laid;
}
