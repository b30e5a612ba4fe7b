/**
 * The two look-ups that typesetting makes for every character — the glyph a code point maps to
 * (cmap) and that glyph's advance (hmtx) — read straight from the font file's bytes. fontkit answers
 * both too, but builds a glyph object per character, whose constructor loads and decompresses the
 * whole Unicode property table (~15 ms of a cold run) to learn whether the glyph is a combining
 * mark, and decodes the binary-search records one by one through its struct reader (~8 ms). The
 * answers are the same: test/pdf/sfnt.test.ts compares them with fontkit's for every code point
 * the fonts map. Fonts without a format 12 (UCS-4) cmap leave the look-up to fontkit.
 */

export interface SfntMetrics {
  /** The glyph id of a code point in the cmap fontkit would choose (Windows UCS-4), 0 if unmapped. */
  glyphId(codePoint: number): number;
  /** A glyph's advance width in font units, as hmtx gives it (glyphs past its long metrics share the last). */
  advance(glyphId: number): number;
}

/** Offset and length of a table, or undefined. */
function table(bytes: DataView, tag: string): { offset: number; length: number } | undefined {
  const count = bytes.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    let name = '';
    for (let j = 0; j < 4; j++) name += String.fromCharCode(bytes.getUint8(record + j));
    if (name === tag) return { offset: bytes.getUint32(record + 8), length: bytes.getUint32(record + 12) };
  }
  return undefined;
}

/**
 * Reads a TrueType/OpenType file's cmap and hmtx, or returns undefined when the font has no
 * format 12 subtable for platform 3 encoding 10 (the one fontkit prefers above all others).
 */
export function sfntMetrics(file: Uint8Array): SfntMetrics | undefined {
  const bytes = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const cmap = table(bytes, 'cmap');
  const hhea = table(bytes, 'hhea');
  const hmtx = table(bytes, 'hmtx');
  if (!cmap || !hhea || !hmtx) return undefined;
  let groups = -1;
  let groupCount = 0;
  const subtables = bytes.getUint16(cmap.offset + 2);
  for (let i = 0; i < subtables; i++) {
    const record = cmap.offset + 4 + 8 * i;
    if (bytes.getUint16(record) !== 3 || bytes.getUint16(record + 2) !== 10) continue;
    const subtable = cmap.offset + bytes.getUint32(record + 4);
    if (bytes.getUint16(subtable) !== 12) return undefined;
    groupCount = bytes.getUint32(subtable + 12);
    groups = subtable + 16;
    break;
  }
  if (groups < 0) return undefined;
  const longMetrics = bytes.getUint16(hhea.offset + 34);
  return {
    glyphId(codePoint) {
      // Groups are sorted by code point and do not overlap: binary search, as fontkit does.
      let low = 0;
      let high = groupCount - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const group = groups + 12 * middle;
        if (codePoint < bytes.getUint32(group)) high = middle - 1;
        else if (codePoint > bytes.getUint32(group + 4)) low = middle + 1;
        else return bytes.getUint32(group + 8) + codePoint - bytes.getUint32(group);
      }
      return 0;
    },
    advance(glyphId) {
      return bytes.getUint16(hmtx.offset + 4 * Math.min(glyphId, longMetrics - 1));
    },
  };
}
