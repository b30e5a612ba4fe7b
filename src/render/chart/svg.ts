import type { Chart } from '../../model/types.js';
import { FACE_CSS } from '../text/fonts.js';
import { layoutChart, type ChartLayout, type Measure, fontMeasure } from './layout.js';

/**
 * The committee chart as a standalone SVG, from the same layout the PDF draws, for writers that
 * embed it as an image (Word). Text is positioned per line with the widths of Noto Sans JP, so it
 * renders as laid out wherever that font is available (resvg with the npm font files, Word with the
 * font installed); sizes are in points (1 user unit = 1 pt).
 */

export interface ChartSvg {
  readonly svg: string;
  /** Size in points. */
  readonly width: number;
  readonly height: number;
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/gu, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const n = (v: number): string => String(Math.round(v * 100) / 100);

export const CHART_COLORS = {
  line: '#333333',
  box: '#ffffff',
  rootBox: '#e9edf2',
  text: '#111111',
} as const;

export function chartLayoutSvg(layout: ChartLayout, margin = 2): ChartSvg {
  const width = layout.width + 2 * margin;
  const height = layout.height + 2 * margin;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}pt" height="${n(height)}pt" viewBox="${n(-margin)} ${n(-margin)} ${n(width)} ${n(height)}">`,
    `<g fill="none" stroke="${CHART_COLORS.line}" stroke-width="0.8">`,
    ...layout.connectors.map((line) => `<polyline points="${line.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"/>`),
    '</g>',
  ];
  for (const box of layout.boxes) {
    out.push(
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="${box.root ? CHART_COLORS.rootBox : CHART_COLORS.box}" stroke="${CHART_COLORS.line}" stroke-width="${box.root ? 1.2 : 0.8}"/>`,
    );
    for (const t of box.texts) {
      const css = FACE_CSS[t.face];
      out.push(
        `<text x="${n(t.x)}" y="${n(t.y)}" font-family="'${css.family}', sans-serif" font-weight="${css.weight}" font-size="${n(t.size)}" fill="${CHART_COLORS.text}">${escapeXml(t.text)}</text>`,
      );
    }
  }
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, width, height };
}

/** The chart as SVG, laid out within `maxWidth` points (the text width of an A4 page by default). */
export function chartSvg(chart: Chart, maxWidth = 441, measure: Measure = fontMeasure): ChartSvg {
  return chartLayoutSvg(layoutChart(chart, maxWidth, measure));
}
