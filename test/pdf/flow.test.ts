import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/model/types.js';
import { bodyFlow, flowBlocks, nestedFlow, type Flow } from '../../src/render/pdf/flow.js';
import { flattenOps } from '../../src/render/pdf/ops.js';
import { paginate, paginateTight, type Box } from '../../src/render/pdf/paginate.js';
import { BODY, geometryOf } from '../../src/render/pdf/style.js';
import { para, text } from '../support/builders.js';

/** What a reader sees of boxes: the text of each line, and where it is set. */
const lines = (boxes: readonly Box[]) =>
  boxes.map((b) => flattenOps(b.ops).flatMap((op) => (op.kind === 'text' ? [`${op.face}@${op.x.toFixed(2)}:${op.chars.join('')}:${op.offsets.map((o) => o.toFixed(2)).join(',')}`] : [])).join(' '));

const LONG = '情報資産を取り扱う従業員は、業務上の必要がある場合に限り、機密区分に応じた方法で情報資産を持ち出すことができる。'.repeat(3);
/** Words and spaces: justified lines spread their spaces, left-aligned ones do not. */
const WORDS = 'Backups of the file server are copied to cloud storage every night and checked once a month. '.repeat(3);
const body = bodyFlow(geometryOf('portrait'));

describe('paragraph layout is reused by content and measure', () => {
  it('gives the same boxes for the same paragraph, whether laid out before or not', () => {
    const first = flowBlocks([para(LONG)], body);
    const again = flowBlocks([para(LONG)], body);
    expect(lines(again)).toEqual(lines(first));
    expect(again.map((b) => [b.height, b.spaceBefore, b.spaceAfter, b.keepWithNext])).toEqual(first.map((b) => [b.height, b.spaceBefore, b.spaceAfter, b.keepWithNext]));
  });

  it('lays the same text out anew for another width, indent, alignment, style or spacing', () => {
    const base = flowBlocks([para(LONG)], body);
    const other = (flow: Flow, content = LONG) => flowBlocks([para(content)], flow);
    expect(other({ ...body, width: body.width / 2 }).length).toBeGreaterThan(base.length);
    expect(lines(other({ ...body, indent: 0 }))[0]).not.toEqual(lines(base)[0]);
    // (A last line shorter than the measure: centring moves it.)
    expect(lines(other({ ...body, align: 'center' }, `${LONG}確認する。`))).not.toEqual(lines(other(body, `${LONG}確認する。`)));
    expect(lines(other({ ...body, align: 'left' }, WORDS))).not.toEqual(lines(other(body, WORDS)));
    expect(other({ ...body, paragraphSpace: 9 })[0]!.spaceBefore).toBe(9);
    expect(lines(other({ ...body, text: { ...BODY, size: 9 } }))).not.toEqual(lines(base));
    expect(other({ ...body, text: { ...BODY, leading: 30 } })[0]!.height).toBe(30);
    expect(lines(other({ ...body, text: { ...BODY, face: 'sansBold' } }))).not.toEqual(lines(base));
    expect(other({ ...body, text: { ...BODY, color: '#ff0000' } }).flatMap((b) => flattenOps(b.ops).map((op) => (op.kind === 'text' ? op.color : '')))).toContain('#ff0000');
    expect(other(nestedFlow(200, BODY)).length).toBeGreaterThan(base.length);
    // And asking again for the body's gives the body's, not the last one laid out.
    expect(lines(flowBlocks([para(LONG)], body))).toEqual(lines(base));
  });

  it('tells apart paragraphs that differ only in their inline structure', () => {
    const plain: Paragraph = para('重要：', '持ち出しは禁止する。');
    const strong: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [text('重要：')] }, text('持ち出しは禁止する。')] };
    const faces = (p: Paragraph) => flowBlocks([p], body).flatMap((b) => flattenOps(b.ops).flatMap((op) => (op.kind === 'text' ? [op.face] : [])));
    expect(faces(plain)).toEqual(['serif']);
    expect(faces(strong)).toEqual(['sansBold', 'serif']);
  });

  it('hands out a new list each time, so that a caller changing it changes nothing cached', () => {
    const first = flowBlocks([para(LONG)], body);
    first.length = 0;
    expect(flowBlocks([para(LONG)], body).length).toBeGreaterThan(1);
  });
});

describe('pagination that tightens a page rather than turn over for a few lines', () => {
  const line = (spaceBefore: number, pageBreak = false): Box => ({ height: 20, spaceBefore, spaceAfter: 0, keepWithNext: false, ops: [], ...(pageBreak ? { pageBreak } : {}) });
  // Ten lines of 20 with 10 between them: 290 high, for pages of 280.
  const chapter = (first: boolean) => Array.from({ length: 10 }, (_, i) => line(10, first && i === 0 ? false : i === 0));

  it('pulls the last lines of a chapter back by reducing the space between its blocks', () => {
    expect(paginate(chapter(true), 280).pages.length).toBe(2);
    const tight = paginateTight([...chapter(true), ...chapter(false)], 280, 60);
    expect(tight.pages.length).toBe(2);
    // Each chapter keeps its own page, and the first ends before the forced break.
    expect(tight.broken).toEqual([true, false]);
  });

  it('leaves a chapter as it is when tightening would not save its last page', () => {
    // Lines set solid: nothing to reduce, the last line stays on a page of its own.
    const long = Array.from({ length: 29 }, () => line(0));
    expect(paginate(long, 280).filled.at(-1)).toBe(20);
    expect(paginateTight(long, 280, 60).pages.length).toBe(paginate(long, 280).pages.length);
    expect(paginateTight(long, 280, 60).filled).toEqual(paginate(long, 280).filled);
  });
});
