import { describe, expect, it } from 'vitest';
import { flattenOps, translate, type Op } from '../../src/render/pdf/ops.js';

describe('moving ops as a group', () => {
  const rect: Op = { kind: 'rect', x: 1, y: 2, width: 3, height: 4, fill: '#000000' };
  const line: Op = { kind: 'line', points: [[0, 0], [10, 0]], color: '#000000', width: 1 };
  const dots: Op = { kind: 'dots', x1: 0, x2: 50, y: 5, pitch: 3, color: '#000000' };

  it('adds the offsets of nested groups to every kind of op', () => {
    const ops = translate([rect, ...translate([line, dots], 5, 7)], 10, 100);
    expect(flattenOps(ops)).toEqual([
      { ...rect, x: 11, y: 102 },
      { ...line, points: [[15, 107], [25, 107]] },
      { ...dots, x1: 15, x2: 65, y: 112 },
    ]);
  });

  it('leaves ops where they are for a zero move', () => {
    const ops = [rect, line];
    expect(translate(ops, 0, 0)).toBe(ops);
    expect(flattenOps(ops)).toEqual(ops);
  });
});
