import { describe, expect, it } from 'vitest';
import type { Chart, ChartBox } from '../../src/model/types.js';
import { layoutChart, type ChartBoxLayout, type ChartLayout } from '../../src/render/chart/layout.js';
import { chartSvg } from '../../src/render/chart/svg.js';
import { CHART } from './fixture.js';

/** The committee chart's layout (shared by the PDF and, as SVG, the Word writer). */

const box = (lines: string[], children: ChartBox[] = []): ChartBox => ({ type: 'chartBox', lines: lines.map((l) => [{ type: 'text', value: l }]), children });
const chart = (root: ChartBox): Chart => ({ type: 'chart', title: '体制図', root });

const overlap = (a: ChartBoxLayout, b: ChartBoxLayout) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = ([x, y]: readonly [number, number], b: ChartBoxLayout) =>
  (Math.abs(y - b.y) < 0.02 || Math.abs(y - b.y - b.height) < 0.02 ? x >= b.x - 0.02 && x <= b.x + b.width + 0.02 : false) ||
  (Math.abs(x - b.x) < 0.02 || Math.abs(x - b.x - b.width) < 0.02 ? y >= b.y - 0.02 && y <= b.y + b.height + 0.02 : false);

function checkSound(layout: ChartLayout, maxWidth: number, boxes: number) {
  expect(layout.boxes).toHaveLength(boxes);
  expect(layout.width).toBeLessThanOrEqual(maxWidth + 0.01);
  for (const b of layout.boxes) {
    expect(b.x).toBeGreaterThanOrEqual(-0.01);
    expect(b.x + b.width).toBeLessThanOrEqual(layout.width + 0.01);
    expect(b.y + b.height).toBeLessThanOrEqual(layout.height + 0.01);
    // Text stays inside its box.
    for (const t of b.texts) {
      expect(t.x).toBeGreaterThanOrEqual(b.x);
      expect(t.y).toBeLessThanOrEqual(b.y + b.height);
    }
  }
  layout.boxes.forEach((a, i) => layout.boxes.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
  // Every box but the root is reached by a connector ending on its border; lines are orthogonal.
  const ends = layout.connectors.flatMap((line) => [line[0]!, line[line.length - 1]!]);
  for (const b of layout.boxes.filter((b) => !b.root)) expect(ends.some((p) => onBorder(p, b))).toBe(true);
  for (const line of layout.connectors) for (let k = 1; k < line.length; k++) expect(line[k]![0] === line[k - 1]![0] || line[k]![1] === line[k - 1]![1]).toBe(true);
}

describe('committee chart layout', () => {
  it('hangs many members in two columns either side of a trunk under the head', () => {
    const layout = layoutChart(CHART, 441);
    checkSound(layout, 441, 7);
    const [root, ...members] = layout.boxes;
    expect(root!.root).toBe(true);
    expect(root!.texts.map((t) => t.text)).toEqual(['情報セキュリティ責任者', '（代表取締役）']);
    expect(root!.texts[0]!.face).toBe('sansBold');
    expect(members.every((m) => m.y > root!.y + root!.height)).toBe(true);
    // Two columns: left and right of the head's centre.
    const centre = root!.x + root!.width / 2;
    expect(members.filter((m) => m.x + m.width < centre).length).toBeGreaterThanOrEqual(2);
    expect(members.filter((m) => m.x > centre).length).toBeGreaterThanOrEqual(2);
    expect(members.find((m) => m.texts[0]!.text === '情報セキュリティ部門責任者')!.texts).toHaveLength(5);
  });

  it('puts a few members side by side, and nests deeper levels', () => {
    const layout = layoutChart(chart(box(['責任者', '（社長）'], [box(['管理者A']), box(['管理者B'], [box(['担当1']), box(['担当2'])]), box(['管理者C'])])), 441);
    checkSound(layout, 441, 6);
    const tops = layout.boxes.filter((b) => /^管理者/u.test(b.texts[0]!.text)).map((b) => b.y);
    expect(new Set(tops).size).toBe(1);
  });

  it('fits a narrow width with one column and wraps long names', () => {
    const layout = layoutChart(chart(box(['情報セキュリティ責任者'], [box(['とても長い役割の名前が入った情報セキュリティ部門責任者']), box(['システム管理者'])])), 150);
    checkSound(layout, 150, 3);
    expect(layout.boxes[1]!.texts.length).toBeGreaterThan(1);
  });

  it('writes the same layout as SVG, with text escaped', () => {
    const { svg, width, height } = chartSvg(chart(box(['R&D責任者 <代表>'], [box(['システム管理者', '（管理部長）'])])));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('R&amp;D責任者 &lt;代表&gt;');
    expect(svg).toContain('font-family="\'Noto Sans JP\', sans-serif" font-weight="700"');
    expect(svg.match(/<rect /gu)).toHaveLength(2);
    expect(svg.match(/<polyline /gu)!.length).toBeGreaterThanOrEqual(2);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(chartSvg(CHART).svg).toBe(chartSvg(CHART).svg);
  });
});
