import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { sfntMetrics } from '../../src/render/text/sfnt.js';
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
});
