import type { DocumentMeta, Table, TableCell } from '../../model/types.js';
import { DRAFT_NOTE } from '../../model/text.js';
import { face } from '../text/fonts.js';
import { centred, nestedFlow, textBoxes, type Flow } from './flow.js';
import { lineOps, runAt, setText, styleOf, textAtoms } from './inline.js';
import { translate, type Op } from './ops.js';
import type { Box, PlacedMark } from './paginate.js';
import { COLORS, baselineIn, type Geometry, type TextStyle } from './style.js';
import { tableBox } from './table.js';

/** The pages before the rules: cover, 改訂履歴, 目次. */

const DRAFT_LABEL = '下書き';

const title = (text: string, width: number): Box => {
  const style: TextStyle = { face: 'sansBold', size: 16, leading: 24, color: COLORS.text };
  return {
    height: style.leading + 6,
    spaceBefore: 0,
    spaceAfter: 14,
    keepWithNext: true,
    ops: [runAt(text, style, 0, 0), { kind: 'line', points: [[0, style.leading + 4], [width, style.leading + 4]], color: COLORS.rule, width: 1.2 }],
  };
};

export function coverOps(meta: DocumentMeta, g: Geometry): Op[] {
  const width = g.textWidth;
  const ops: Op[] = [];
  const accent = COLORS.coverAccent;
  // The classification stamp, top right.
  if (meta.classification) {
    const stamp: TextStyle = { face: 'sansBold', size: 13, leading: 22, color: accent };
    const w = face(stamp.face).width(meta.classification, stamp.size) + 24;
    ops.push({ kind: 'rect', x: width - w, y: 0, width: w, height: stamp.leading + 6, stroke: accent, lineWidth: 1.2 });
    ops.push(...centred(meta.classification, stamp, width - w, w, 3));
  }
  // A draft's stamp, top left, in the colour of the classification's but unmistakably worded.
  if (meta.draft) {
    const stamp: TextStyle = { face: 'sansBold', size: 13, leading: 22, color: COLORS.draft };
    const w = face(stamp.face).width(DRAFT_LABEL, stamp.size) + 24;
    ops.push({ kind: 'rect', x: 0, y: 0, width: w, height: stamp.leading + 6, stroke: COLORS.draft, lineWidth: 1.2 });
    ops.push(...centred(DRAFT_LABEL, stamp, 0, w, 3));
    // Set like any text (brackets spaced the Japanese way), not as a raw run.
    const note: TextStyle = { face: 'sansBold', size: 9, leading: 14, color: COLORS.draft };
    textBoxes(textAtoms(DRAFT_NOTE, styleOf(note)), nestedFlow(width, note, 'left'), { before: 0, after: 0 }).forEach((line, i) =>
      ops.push(...translate(line.ops, 0, stamp.leading + 14 + i * note.leading)),
    );
  }
  // Title block in the upper third: a rule above and below.
  const titleStyle: TextStyle = { face: 'sansBold', size: 26, leading: 40, color: COLORS.text };
  const flow = nestedFlow(width - 40, titleStyle, 'center');
  // A title too long for one line breaks before its closing parenthetical (「…規程」「（配布用）」), not inside it.
  const fits = face(titleStyle.face).width(meta.title, titleStyle.size) <= width - 40;
  const titleText = fits ? meta.title : meta.title.replace(/(?<=[^\n])(（[^（）\n]*）)$/u, '\n$1');
  const lines = textBoxes(textAtoms(titleText, styleOf(titleStyle)), flow, { before: 0, after: 0, phrases: true, balance: true });
  let y = Math.round(g.textHeight * 0.27);
  ops.push({ kind: 'rect', x: 0, y: y - 22, width, height: 3, fill: accent });
  for (const line of lines) {
    ops.push(...translate(line.ops, 20, y));
    y += titleStyle.leading;
  }
  ops.push({ kind: 'line', points: [[0, y + 16], [width, y + 16]], color: accent, width: 0.8 });

  // Particulars: label / value pairs, centred as a block.
  const rows: [string, string][] = [
    ['版', meta.version],
    ['施行日', meta.effectiveDateText],
    ['承認', meta.approver],
    ['機密区分', meta.classification],
  ];
  const label: TextStyle = { face: 'serif', size: 10.5, leading: 26, color: COLORS.muted };
  const value: TextStyle = { face: 'serif', size: 11.5, leading: 26, color: COLORS.text };
  const labelWidth = 80;
  const valueWidth = 200;
  const left = (width - labelWidth - valueWidth) / 2;
  let ry = y + 90;
  ops.push({ kind: 'line', points: [[left, ry], [left + labelWidth + valueWidth, ry]], color: '#bbbbbb', width: 0.4 });
  for (const [l, v] of rows) {
    ops.push(runAt(l, label, left, ry));
    const set = setText(textAtoms(v, styleOf(value)), valueWidth, { align: 'left' });
    set.lines.forEach((line, i) => ops.push(...lineOps(set.atoms, line, left + labelWidth, ry + i * value.leading, value)));
    ry += Math.max(1, set.lines.length) * value.leading;
    ops.push({ kind: 'line', points: [[left, ry], [left + labelWidth + valueWidth, ry]], color: '#bbbbbb', width: 0.4 });
  }

  // The organization at the foot of the page.
  const org: TextStyle = { face: 'sansBold', size: 17, leading: 26, color: COLORS.text };
  const orgFlow: Flow = { ...flow, text: org };
  const orgLines = textBoxes(textAtoms(meta.organization, styleOf(org)), orgFlow, { before: 0, after: 0 });
  let oy = g.textHeight - 40 - orgLines.length * org.leading;
  for (const line of orgLines) {
    ops.push(...translate(line.ops, 20, oy));
    oy += org.leading;
  }
  return ops;
}

const cell = (text: string): TableCell => ({ type: 'tableCell', rowSpan: 1, colSpan: 1, children: text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [] });

export function revisionBoxes(meta: DocumentMeta, g: Geometry): Box[] {
  const width = g.textWidth;
  const pageHeight = g.textHeight;
  const table: Table = {
    type: 'table',
    columns: [{ width: 1.3 }, { width: 2.4 }, { width: 6.3 }],
    headerRows: 1,
    headerColumn: false,
    variant: 'default',
    children: [
      { type: 'tableRow', children: [cell('版'), cell('改訂日'), cell('改訂内容')] },
      ...meta.revisions.map((r) => ({ type: 'tableRow' as const, children: [cell(r.version), cell(r.dateText), cell(r.description)] })),
    ],
  };
  const flow: Flow = { ...nestedFlow(width, { face: 'serif', size: 10, leading: 16, color: COLORS.text }), nested: false, pageHeight };
  return [{ ...title('改訂履歴', width), marks: [{ kind: 'front', id: 'revisions', label: '改訂履歴', number: '', title: '改訂履歴', depth: 0, y: 0 }] }, tableBox(table, flow)];
}

/** The top of the first page of a document without a cover (a policy, rules, a form). */
export function titleBox(meta: DocumentMeta, width: number): Box {
  const style: TextStyle = { face: 'sansBold', size: 18, leading: 28, color: COLORS.text };
  const lines = textBoxes(textAtoms(meta.title, styleOf(style)), nestedFlow(width - 40, style, 'center'), { before: 0, after: 0, phrases: true, balance: true });
  const ops: Op[] = lines.flatMap((line, i) => translate(line.ops, 20, i * style.leading));
  let height = lines.length * style.leading + 10;
  ops.push({ kind: 'rect', x: (width - 64) / 2, y: height - 2, width: 64, height: 2, fill: COLORS.coverAccent });
  if (meta.draft) {
    // A draft says so under its title, in the colour of its unfilled values.
    const note: TextStyle = { face: 'sansBold', size: 9.5, leading: 15, color: COLORS.draft };
    const noteLines = textBoxes(textAtoms(DRAFT_NOTE, styleOf(note)), nestedFlow(width, note, 'center'), { before: 0, after: 0 });
    noteLines.forEach((line, i) => ops.push(...translate(line.ops, 0, height + 6 + i * note.leading)));
    height += noteLines.length * note.leading + 8;
  }
  return { height, spaceBefore: 0, spaceAfter: 22, keepWithNext: true, ops, marks: [{ kind: 'front', id: 'title', label: meta.title, number: '', title: meta.title, depth: 0, y: 0 }] };
}

/** The number a chapter of the rulebook shows on its tab (「1」 of 「1.」), or undefined for other marks. */
export const chapterTabNumber = (mark: Pick<PlacedMark, 'kind' | 'number'>): string | undefined =>
  mark.kind === 'chapter' ? /^(\d+)\.$/u.exec(mark.number)?.[1] : undefined;

/**
 * A chapter's number white on the accent in a box at (x, y): the chapter tab, in the margin or the
 * contents. In the margin it is a mark of the page, not text: it copies out as nothing (`silent`).
 */
export function tabOps(number: string, x: number, y: number, width: number, height: number, silent = false): Op[] {
  const size = height * 0.62;
  const style: TextStyle = { face: 'sansBold', size, leading: height, color: '#ffffff' };
  const digits = centred(number, style, x, width, y);
  return [{ kind: 'rect', x, y, width, height, fill: COLORS.coverAccent }, ...(silent ? [{ kind: 'group' as const, dx: 0, dy: 0, ops: digits, actualText: '' }] : digits)];
}

export interface TocEntry {
  readonly mark: PlacedMark;
  /** Printed page number. */
  readonly page: number;
}

/** Which headings the table of contents lists: three outline levels (chapters and two section levels; parts, chapters and articles in a pack). */
export const TOC_DEPTH = 2;

export function tocBoxes(entries: readonly TocEntry[], width: number): Box[] {
  const boxes: Box[] = [{ ...title('目次', width), marks: [{ kind: 'front', id: 'contents', label: '目次', number: '', title: '目次', depth: 0, y: 0 }] }];
  const numberArea = 28;
  entries.forEach((entry, i) => {
    const { mark } = entry;
    const top = mark.depth === 0;
    const style: TextStyle = top
      ? { face: 'sansBold', size: 11, leading: 20, color: COLORS.text }
      : mark.depth === 1
        ? { face: 'serif', size: 10, leading: 17, color: COLORS.text }
        : { face: 'serif', size: 9.5, leading: 15.5, color: COLORS.text };
    const indent = top ? 0 : mark.depth === 1 ? 14 : 38;
    const f = face(style.face);
    // A chapter of the rulebook shows its number as its tab does (white on the accent), so that
    // it does not read like the sections' 「1.」 under it.
    const tab = chapterTabNumber(mark);
    const numberWidth = tab ? style.size * 2.2 : mark.number ? f.width(mark.number, style.size) + style.size * 0.6 : 0;
    const textLeft = indent + numberWidth;
    const set = setText(textAtoms(mark.title, styleOf(style)), width - textLeft - numberArea - 10, { align: 'left', phrases: true });
    const ops: Op[] = [];
    if (tab) ops.push(...tabOps(tab, indent, (style.leading - style.size * 1.3) / 2, style.size * 1.6, style.size * 1.3));
    else if (mark.number) ops.push(runAt(mark.number, style, indent, 0));
    set.lines.forEach((line, k) => ops.push(...lineOps(set.atoms, line, textLeft, k * style.leading, style)));
    const lastTop = (set.lines.length - 1) * style.leading;
    const lastLine = set.lines[set.lines.length - 1];
    const textEnd = textLeft + (lastLine?.naturalWidth ?? 0);
    const pageText = String(entry.page);
    const pageWidth = f.width(pageText, style.size);
    ops.push(runAt(pageText, style, width - pageWidth, lastTop));
    ops.push({ kind: 'dots', x1: textEnd + 6, x2: width - numberArea - 2, y: baselineIn(lastTop, style) - style.size * 0.12, pitch: 4, color: COLORS.muted });
    const height = set.lines.length * style.leading;
    ops.push({ kind: 'link', x: 0, y: 0, width, height, dest: mark.id });
    const nextIsChild = entries[i + 1] !== undefined && entries[i + 1]!.mark.depth > 0;
    boxes.push({ height, spaceBefore: top && i > 0 ? 10 : 0, spaceAfter: top ? 2 : 0, keepWithNext: top && nextIsChild, ops });
  });
  return boxes;
}
