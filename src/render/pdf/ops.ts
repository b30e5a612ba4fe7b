import type { FaceName } from '../text/fonts.js';

/**
 * Drawing operations with coordinates in points, y down, relative to whatever box holds them. Layout
 * produces them as plain data (so it can run twice for the table of contents); `paint.ts` turns them
 * into PDF content.
 */

export interface GlyphRun {
  readonly kind: 'text';
  readonly face: FaceName;
  readonly size: number;
  readonly color: string;
  /** Left end of the baseline. */
  readonly x: number;
  readonly y: number;
  /** One code point each. */
  readonly chars: readonly string[];
  /** Left edge of each character from `x`; the painter turns the gaps into TJ adjustments. */
  readonly offsets: readonly number[];
}

export interface RectOp {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fill?: string;
  readonly stroke?: string;
  readonly lineWidth?: number;
}

export interface LineOp {
  readonly kind: 'line';
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  readonly width: number;
}

/** A row of dots (a TOC leader) on the baseline, aligned to a page-wide grid of `pitch`. */
export interface DotsOp {
  readonly kind: 'dots';
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly pitch: number;
  readonly color: string;
}

export interface LinkOp {
  readonly kind: 'link';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** An external URL, or the id of a chapter or section of this document. */
  readonly url?: string;
  readonly dest?: string;
}

/**
 * Ops moved by (dx, dy) as a whole. Layout moves boxes at every level (list items, clauses, table
 * cells, pages); a group moves them without copying every op each time. Offsets apply innermost
 * first, the order in which copying ops would have added them.
 */
export interface GroupOp {
  readonly kind: 'group';
  readonly dx: number;
  readonly dy: number;
  readonly ops: readonly Op[];
  /**
   * What the text inside reads as when copied or extracted (a marked-content span with /ActualText):
   * a line set with 和欧間 or justification copies without the spaces its gaps would suggest.
   */
  readonly actualText?: string;
}

export type Op = GlyphRun | RectOp | LineOp | DotsOp | LinkOp | GroupOp;

/** Op without groups. */
export type LeafOp = Exclude<Op, GroupOp>;

export function translate(ops: readonly Op[], dx: number, dy: number): readonly Op[] {
  if (dx === 0 && dy === 0) return ops;
  return [{ kind: 'group', dx, dy, ops }];
}

/** Every op with its own coordinates, groups resolved (for checks of a layout; the painter resolves as it draws). */
export function flattenOps(ops: readonly Op[]): LeafOp[] {
  const out: LeafOp[] = [];
  const walk = (list: readonly Op[], move: (op: LeafOp) => LeafOp) => {
    for (const op of list) {
      if (op.kind === 'group') walk(op.ops, (inner) => move(moved(inner, op.dx, op.dy)));
      else out.push(move(op));
    }
  };
  walk(ops, (op) => op);
  return out;
}

function moved(op: LeafOp, dx: number, dy: number): LeafOp {
  switch (op.kind) {
    case 'text':
    case 'rect':
    case 'link':
      return { ...op, x: op.x + dx, y: op.y + dy };
    case 'line':
      return { ...op, points: op.points.map(([x, y]) => [x + dx, y + dy] as const) };
    case 'dots':
      return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y: op.y + dy };
  }
}
