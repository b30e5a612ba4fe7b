import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { locaTable, readSparseFont, sfntMetrics } from '../../src/render/text/sfnt.js';
import { FACE_NAMES, fontFile } from '../../src/render/text/fonts.js';

/** kitei reads cmap and hmtx itself (src/render/text/sfnt.ts): it must agree with fontkit everywhere. */

interface FontkitInternals {
  readonly characterSet: readonly number[];
  readonly hmtx: { readonly metrics: { readonly length: number; get(index: number): { readonly advance: number } } };
}

describe('cmap と hmtx の直接の読み取り', () => {
  it.each(FACE_NAMES)('%s: すべての文字のグリフ番号と送り幅が fontkit と同じ', (name) => {
    const file = readFileSync(fontFile(name));
    const font = create(file);
    const own = sfntMetrics(file);
    expect(own).toBeDefined();
    const { characterSet, hmtx } = font as unknown as FontkitInternals;
    expect(characterSet.length).toBeGreaterThan(10_000);
    // Every mapped code point, and unmapped ones around and beyond them (0 is .notdef).
    const codePoints = [...characterSet, 0, 0x1f, 0xe000, 0xfffe, 0x10ffff, ...characterSet.map((cp) => cp + 1)];
    let unmapped = 0;
    for (const cp of codePoints) {
      const id = font.glyphForCodePoint(cp).id;
      if (id === 0) unmapped++;
      expect(own!.glyphId(cp), `U+${cp.toString(16)}`).toBe(id);
      expect(own!.advance(id)).toBe(hmtx.metrics.get(Math.min(id, hmtx.metrics.length - 1)).advance);
    }
    expect(unmapped).toBeGreaterThan(4);
  });

  it('UCS-4 の cmap がないフォントは fontkit に任せる（undefined）', () => {
    const file = Buffer.from(readFileSync(fontFile('serif')));
    const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
    // Rename the cmap table's tag: the font then has no cmap sfnt.ts can read.
    for (let i = 0; i < view.getUint16(4); i++) {
      const record = 12 + 16 * i;
      if (file.toString('latin1', record, record + 4) === 'cmap') file.write('cmaq', record, 'latin1');
    }
    expect(sfntMetrics(file)).toBeUndefined();
  });

  it.each(FACE_NAMES)('%s: 輪郭を除いて読んだファイルは、輪郭以外・読んだ輪郭・全部読んだ後がファイルと同じ', (name) => {
    const whole = readFileSync(fontFile(name));
    const sparse = readSparseFont(fontFile(name))!;
    const { offset, length } = sparse.glyf;
    expect(length).toBeGreaterThan(whole.length / 2);
    // Everything but glyf is there; glyf is not read (zeros).
    expect(sparse.bytes.subarray(0, offset).equals(whole.subarray(0, offset))).toBe(true);
    expect(sparse.bytes.subarray(offset + length).equals(whole.subarray(offset + length))).toBe(true);
    expect(sparse.bytes.subarray(offset, offset + length).every((byte) => byte === 0)).toBe(true);
    // Ranges read together (close ones share a read), apart, and one never prefetched.
    const ranges = [[offset, offset + 40], [offset + 100, offset + 180], [offset + length - 64, offset + length], [offset + 900_000, offset + 900_200]] as const;
    sparse.prefetch(ranges.slice(0, 3));
    for (const [start, end] of ranges) expect(Buffer.from(sparse.outline(start, end)).equals(whole.subarray(start, end))).toBe(true);
    sparse.loadAllOutlines();
    expect(sparse.bytes.equals(whole)).toBe(true);
    expect(Buffer.from(sparse.outline(offset + 5, offset + 9)).equals(whole.subarray(offset + 5, offset + 9))).toBe(true);
  });

  it.each(FACE_NAMES)('%s: loca は fontkit が読むのと同じ（版と全オフセット）', (name) => {
    const file = readFileSync(fontFile(name));
    const fontkitOwn = (create(file) as unknown as { loca: { version: number; offsets: number[] } }).loca;
    const own = locaTable(file)!;
    expect(own.version).toBe(fontkitOwn.version);
    expect(own.offsets.length).toBeGreaterThan(10_000);
    expect(own.offsets).toEqual([...fontkitOwn.offsets]);
  });
});
