import { inlineText } from '../../model/text.js';
import type { Chart, ChartBox } from '../../model/types.js';
import { face as openFace, type FaceName } from '../text/fonts.js';
import { breakLines } from '../text/linebreak.js';
import { phraseStarts } from '../text/phrases.js';

/**
 * Layout of the 情報セキュリティ委員会体制図 as boxes and orthogonal connector lines with
 * coordinates in points (origin top-left, y down). Pure geometry: the PDF writer draws it as vector
 * graphics, `svg.ts` writes the same layout as SVG for the Word writer.
 *
 * A parent sits centred above its children. Children go side by side when they fit the width;
 * otherwise they hang in two columns either side of a vertical trunk (a long list of committee
 * members), or in one column to the right of the trunk when even that is too narrow.
 */

export interface ChartText {
  readonly text: string;
  readonly face: FaceName;
  readonly size: number;
  /** Left end of the baseline. */
  readonly x: number;
  readonly y: number;
}

export interface ChartBoxLayout {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The top box of the tree (drawn with a shade). */
  readonly root: boolean;
  readonly texts: readonly ChartText[];
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly ChartBoxLayout[];
  /** Polylines, each a list of [x, y] points. */
  readonly connectors: readonly (readonly (readonly [number, number])[])[];
}

export type Measure = (text: string, face: FaceName, size: number) => number;

export const fontMeasure: Measure = (text, face, size) => openFace(face).width(text, size);

export const CHART_STYLE = {
  roleSize: 9.5,
  titleSize: 8.5,
  lineHeight: 1.45,
  padX: 10,
  padY: 6,
  /** Horizontal gap between side-by-side subtrees. */
  gapX: 12,
  /** Vertical gap between a parent and its children. */
  gapY: 22,
  /** Vertical gap between rows hanging from a trunk. */
  rowGap: 10,
  /** Width of the space holding the trunk between two columns. */
  trunkGap: 36,
  /** Boxes wider than this wrap their text. */
  maxBoxWidth: 210,
  minBoxWidth: 96,
} as const;

/** Top of the ideographic em box relative to the baseline (as a fraction of the size). */
const EM_TOP = 0.88;

interface Label {
  readonly lines: readonly { text: string; face: FaceName; size: number; width: number }[];
  readonly width: number;
  readonly height: number;
}

interface Sub {
  readonly width: number;
  readonly height: number;
  /** The subtree's own box, relative to the subtree. */
  readonly box: { x: number; y: number; width: number; height: number };
  readonly boxes: ChartBoxLayout[];
  readonly connectors: [number, number][][];
}

function label(node: ChartBox, maxWidth: number, measure: Measure): Label {
  const s = CHART_STYLE;
  const inner = maxWidth - 2 * s.padX;
  const lines: { text: string; face: FaceName; size: number; width: number }[] = [];
  node.lines.forEach((inlines, i) => {
    const faceName: FaceName = i === 0 ? 'sansBold' : 'serif';
    const size = i === 0 ? s.roleSize : s.titleSize;
    for (const part of inlineText(inlines).split('\n')) {
      const chars = [...part].map((ch) => ({ text: ch, width: measure(ch, faceName, size) }));
      for (const line of breakLines(chars, { width: inner, align: 'left', phrases: phraseStarts(chars.map((c) => c.text)) })) {
        const text = line.atoms.map((a) => chars[a.index]!.text).join('');
        lines.push({ text, face: faceName, size, width: measure(text, faceName, size) });
      }
    }
  });
  const width = Math.max(s.minBoxWidth, Math.min(maxWidth, Math.max(0, ...lines.map((l) => l.width)) + 2 * s.padX));
  const height = lines.reduce((sum, l) => sum + l.size * s.lineHeight, 0) + 2 * s.padY;
  return { lines, width, height };
}

function placeBox(labelled: Label, x: number, y: number, width: number, height: number, root: boolean): ChartBoxLayout {
  const s = CHART_STYLE;
  const textHeight = labelled.lines.reduce((sum, l) => sum + l.size * s.lineHeight, 0);
  let top = y + (height - textHeight) / 2;
  const texts = labelled.lines.map((l) => {
    const slot = l.size * s.lineHeight;
    const baseline = top + (slot - l.size) / 2 + EM_TOP * l.size;
    top += slot;
    return { text: l.text, face: l.face, size: l.size, x: x + (width - l.width) / 2, y: baseline };
  });
  return { x, y, width, height, root, texts };
}

const shift = (sub: Sub, dx: number, dy: number): Sub => ({
  ...sub,
  box: { ...sub.box, x: sub.box.x + dx, y: sub.box.y + dy },
  boxes: sub.boxes.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy, texts: b.texts.map((t) => ({ ...t, x: t.x + dx, y: t.y + dy })) })),
  connectors: sub.connectors.map((line) => line.map(([x, y]) => [x + dx, y + dy] as [number, number])),
});

/** Lays out a subtree within `maxWidth`; `boxWidth`/`boxHeight` force a uniform size among siblings. */
function subtree(node: ChartBox, maxWidth: number, measure: Measure, root: boolean, size?: { width: number; height: number }): Sub {
  const s = CHART_STYLE;
  const own = label(node, Math.min(maxWidth, s.maxBoxWidth), measure);
  const boxWidth = size?.width ?? own.width;
  const boxHeight = size?.height ?? own.height;
  if (node.children.length === 0) {
    return {
      width: boxWidth,
      height: boxHeight,
      box: { x: 0, y: 0, width: boxWidth, height: boxHeight },
      boxes: [placeBox(own, 0, 0, boxWidth, boxHeight, root)],
      connectors: [],
    };
  }
  return sideBySide(node, own, boxWidth, boxHeight, maxWidth, measure, root) ?? trunk(node, own, boxWidth, boxHeight, maxWidth, measure, root);
}

/** Leaves among siblings share one box size, so a row or column of them looks even. */
function siblingSize(children: readonly ChartBox[], maxWidth: number, measure: Measure, equalHeights: boolean) {
  const leaves = children.filter((c) => c.children.length === 0).map((c) => label(c, Math.min(maxWidth, CHART_STYLE.maxBoxWidth), measure));
  if (!leaves.length) return undefined;
  return { width: Math.max(...leaves.map((l) => l.width)), height: equalHeights ? Math.max(...leaves.map((l) => l.height)) : undefined };
}

function sideBySide(node: ChartBox, own: Label, boxWidth: number, boxHeight: number, maxWidth: number, measure: Measure, root: boolean): Sub | undefined {
  const s = CHART_STYLE;
  const uniform = siblingSize(node.children, maxWidth, measure, true);
  const subs = node.children.map((c) =>
    subtree(c, maxWidth, measure, false, c.children.length === 0 && uniform ? { width: uniform.width, height: uniform.height ?? 0 } : undefined),
  );
  const rowWidth = subs.reduce((sum, sub) => sum + sub.width, 0) + s.gapX * (subs.length - 1);
  if (rowWidth > maxWidth) return undefined;
  const width = Math.max(rowWidth, boxWidth);
  const boxX = (width - boxWidth) / 2;
  const childTop = boxHeight + s.gapY;
  const busY = boxHeight + s.gapY / 2;
  let x = (width - rowWidth) / 2;
  const boxes: ChartBoxLayout[] = [placeBox(own, boxX, 0, boxWidth, boxHeight, root)];
  const connectors: [number, number][][] = [];
  const centres: number[] = [];
  let height = boxHeight;
  for (const sub of subs) {
    const placed = shift(sub, x, childTop);
    boxes.push(...placed.boxes);
    connectors.push(...placed.connectors);
    const cx = placed.box.x + placed.box.width / 2;
    centres.push(cx);
    connectors.push([
      [cx, busY],
      [cx, placed.box.y],
    ]);
    height = Math.max(height, childTop + sub.height);
    x += sub.width + s.gapX;
  }
  const parentX = boxX + boxWidth / 2;
  connectors.push([
    [parentX, boxHeight],
    [parentX, busY],
  ]);
  if (centres.length > 1) {
    connectors.push([
      [Math.min(...centres, parentX), busY],
      [Math.max(...centres, parentX), busY],
    ]);
  }
  return { width, height, box: { x: boxX, y: 0, width: boxWidth, height: boxHeight }, boxes, connectors };
}

function trunk(node: ChartBox, own: Label, boxWidth: number, boxHeight: number, maxWidth: number, measure: Measure, root: boolean): Sub {
  const s = CHART_STYLE;
  const columnWidth = (maxWidth - s.trunkGap) / 2;
  const twoColumns = node.children.length > 1 && node.children.every((c) => subtree(c, columnWidth, measure, false).width <= columnWidth);
  if (!twoColumns) return oneColumn(node, own, boxWidth, boxHeight, maxWidth, measure, root);
  const uniform = siblingSize(node.children, columnWidth, measure, false);
  const subs = node.children.map((c) => subtree(c, columnWidth, measure, false, c.children.length === 0 && uniform ? { width: uniform.width, height: label(c, columnWidth, measure).height } : undefined));
  const side = Math.max(...subs.map((sub) => sub.width));
  const width = Math.max(2 * side + s.trunkGap, boxWidth);
  const trunkX = width / 2;
  const boxes: ChartBoxLayout[] = [placeBox(own, trunkX - boxWidth / 2, 0, boxWidth, boxHeight, root)];
  const connectors: [number, number][][] = [];
  let y = boxHeight + s.gapY;
  let trunkEnd = boxHeight;
  // Pairs left/right in reading order; an odd last child hangs centred below the trunk's end.
  const pairs = Math.floor(subs.length / 2);
  for (let row = 0; row < pairs; row++) {
    const left = subs[2 * row]!;
    const right = subs[2 * row + 1]!;
    // Boxes of a row share one height when both are leaves, so the stubs meet them level.
    const rowHeight = Math.max(left.height, right.height);
    for (const [sub, isLeft] of [
      [left, true],
      [right, false],
    ] as const) {
      const even = sub.boxes.length === 1 ? equalise(sub, Math.max(left.box.height, right.box.height)) : sub;
      const x = isLeft ? trunkX - s.trunkGap / 2 - even.box.width : trunkX + s.trunkGap / 2;
      const placed = shift(even, x - even.box.x, y);
      boxes.push(...placed.boxes);
      connectors.push(...placed.connectors);
      const stubY = placed.box.y + Math.min(placed.box.height / 2, 14);
      connectors.push([
        [trunkX, stubY],
        [isLeft ? placed.box.x + placed.box.width : placed.box.x, stubY],
      ]);
      trunkEnd = Math.max(trunkEnd, stubY);
    }
    y += rowHeight + s.rowGap;
  }
  if (subs.length % 2 === 1) {
    const last = subs[subs.length - 1]!;
    const placed = shift(last, trunkX - last.box.x - last.box.width / 2, y);
    boxes.push(...placed.boxes);
    connectors.push(...placed.connectors);
    trunkEnd = placed.box.y;
    y += last.height + s.rowGap;
  }
  connectors.push([
    [trunkX, boxHeight],
    [trunkX, trunkEnd],
  ]);
  return { width, height: y - s.rowGap, box: { x: trunkX - boxWidth / 2, y: 0, width: boxWidth, height: boxHeight }, boxes, connectors };
}

/** Gives a single-box subtree a new height, its text re-centred. */
function equalise(sub: Sub, height: number): Sub {
  const only = sub.boxes[0]!;
  if (only.height === height) return sub;
  const dy = (height - only.height) / 2;
  const box: ChartBoxLayout = { ...only, height, texts: only.texts.map((t) => ({ ...t, y: t.y + dy })) };
  return { ...sub, height, box: { ...sub.box, height }, boxes: [box] };
}

function oneColumn(node: ChartBox, own: Label, boxWidth: number, boxHeight: number, maxWidth: number, measure: Measure, root: boolean): Sub {
  const s = CHART_STYLE;
  const indent = s.trunkGap;
  const trunkX = Math.min(boxWidth / 2, indent / 2 + 6);
  const subs = node.children.map((c) => subtree(c, maxWidth - indent, measure, false));
  const boxes: ChartBoxLayout[] = [placeBox(own, 0, 0, boxWidth, boxHeight, root)];
  const connectors: [number, number][][] = [];
  let y = boxHeight + s.rowGap;
  let trunkEnd = boxHeight;
  let width = boxWidth;
  for (const sub of subs) {
    const placed = shift(sub, indent - sub.box.x, y);
    boxes.push(...placed.boxes);
    connectors.push(...placed.connectors);
    const stubY = placed.box.y + Math.min(placed.box.height / 2, 14);
    connectors.push([
      [trunkX, stubY],
      [placed.box.x, stubY],
    ]);
    trunkEnd = stubY;
    width = Math.max(width, indent + sub.width);
    y += sub.height + s.rowGap;
  }
  connectors.push([
    [trunkX, boxHeight],
    [trunkX, trunkEnd],
  ]);
  return { width, height: y - s.rowGap, box: { x: 0, y: 0, width: boxWidth, height: boxHeight }, boxes, connectors };
}

/** The chart laid out within `maxWidth` points. */
export function layoutChart(chart: Chart, maxWidth: number, measure: Measure = fontMeasure): ChartLayout {
  const sub = subtree(chart.root, maxWidth, measure, true);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    width: round(sub.width),
    height: round(sub.height),
    boxes: sub.boxes.map((b) => ({
      ...b,
      x: round(b.x),
      y: round(b.y),
      width: round(b.width),
      height: round(b.height),
      texts: b.texts.map((t) => ({ ...t, x: round(t.x), y: round(t.y) })),
    })),
    connectors: sub.connectors.map((line) => line.map(([x, y]) => [round(x), round(y)] as const)),
  };
}
