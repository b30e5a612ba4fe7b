import type { Chart } from '../../model/types.js';
import { layoutChart, type ChartBoxLayout } from '../chart/layout.js';
import { CHART_COLORS } from '../chart/svg.js';
import { TEXT_WIDTH } from './layout.js';
import { STYLE } from './styles.js';
import { escapeXml, paragraph, textRun } from './xml.js';

/**
 * The committee chart (情報セキュリティ委員会体制図) as a drawing: a group of DrawingML shapes — a
 * rectangle with a text box per committee member, a line per connector segment — placed as the PDF
 * writer places them (the shared layout of src/render/chart/layout.ts), in one picture inline in the
 * text. Word shows and prints it as the PDF does, and the boxes stay editable (their text, their
 * colours; the group moves as one).
 */

/** English Metric Units per point. */
const EMU = 12700;
const emu = (points: number) => Math.round(points * EMU);

const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const GROUP = 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup';

const colour = (hex: string) => `<a:srgbClr val="${hex.replace('#', '').toUpperCase()}"/>`;

function shapeFrame(x: number, y: number, width: number, height: number): string {
  return `<a:xfrm><a:off x="${emu(x)}" y="${emu(y)}"/><a:ext cx="${emu(width)}" cy="${emu(height)}"/></a:xfrm>`;
}

/** A box: the rectangle, and its lines of text centred in it, each line a paragraph of its size. */
function boxShape(box: ChartBoxLayout, id: number): string {
  // The role in the heading face (表の見出し), the titles in the text face (表の本文), at the layout's sizes.
  const lines = box.texts
    .map((t) => {
      const size = Math.round(t.size * 2);
      const style = t.face === 'sansBold' ? STYLE.tableHeading : STYLE.tableText;
      const run = `<w:r><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t xml:space="preserve">${escapeXml(t.text)}</w:t></w:r>`;
      return `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:spacing w:before="0" w:after="0" w:line="${Math.round(t.size * 1.45 * 20)}" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr>${run}</w:p>`;
    })
    .join('');
  return (
    `<wps:wsp><wps:cNvPr id="${id}" name="箱 ${id}"/><wps:cNvSpPr/>` +
    `<wps:spPr>${shapeFrame(box.x, box.y, box.width, box.height)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
    `<a:solidFill>${colour(box.root ? CHART_COLORS.rootBox : CHART_COLORS.box)}</a:solidFill>` +
    `<a:ln w="${emu(box.root ? 1.2 : 0.8)}"><a:solidFill>${colour(CHART_COLORS.line)}</a:solidFill></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${lines}</w:txbxContent></wps:txbx>` +
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
  );
}

/** A straight segment of a connector (the layout's connectors are orthogonal polylines). */
function lineShape(from: readonly [number, number], to: readonly [number, number], id: number): string {
  const x = Math.min(from[0], to[0]);
  const y = Math.min(from[1], to[1]);
  return (
    `<wps:wsp><wps:cNvPr id="${id}" name="線 ${id}"/><wps:cNvCnPr/>` +
    `<wps:spPr>${shapeFrame(x, y, Math.abs(to[0] - from[0]), Math.abs(to[1] - from[1]))}<a:prstGeom prst="line"><a:avLst/></a:prstGeom>` +
    `<a:ln w="${emu(0.8)}"><a:solidFill>${colour(CHART_COLORS.line)}</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>`
  );
}

/**
 * The chart's title and one paragraph holding the drawing, centred. `nextId` gives the drawing
 * objects of the document their ids (unique in the document, as Word requires).
 */
export function chartBlocks(chart: Chart, nextId: () => number): string[] {
  const layout = layoutChart(chart, TEXT_WIDTH / 20 - 4);
  const width = layout.width;
  const height = layout.height;
  const drawingId = nextId();
  const shapes: string[] = [];
  // Lines first, so that the boxes lie over their ends.
  for (const polyline of layout.connectors) for (let k = 1; k < polyline.length; k++) shapes.push(lineShape(polyline[k - 1]!, polyline[k]!, nextId()));
  for (const box of layout.boxes) shapes.push(boxShape(box, nextId()));
  const group =
    `<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${emu(width)}" cy="${emu(height)}"/>` +
    `<a:chOff x="0" y="0"/><a:chExt cx="${emu(width)}" cy="${emu(height)}"/></a:xfrm></wpg:grpSpPr>${shapes.join('')}</wpg:wgp>`;
  const name = escapeXml(chart.title || '体制図');
  const drawing =
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${emu(width)}" cy="${emu(height)}"/>` +
    `<wp:effectExtent l="${emu(1)}" t="${emu(1)}" r="${emu(1)}" b="${emu(1)}"/><wp:docPr id="${drawingId}" name="${name}" descr="${name}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${DRAWING}"><a:graphicData uri="${GROUP}">${group}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  const title = paragraph({ style: STYLE.caption }, textRun(chart.title || '体制図'));
  return [title, `<w:p><w:pPr><w:pStyle w:val="${STYLE.figure}"/></w:pPr>${drawing}</w:p>`];
}
