/**
 * A faster way for fontkit's TrueType subsetter to copy a glyph. fontkit's `_addGlyph` decodes
 * every glyph's whole outline just to learn whether it is composite, which for the ~2,000 glyphs
 * of a rulebook was the largest single cost of writing the PDF (~80 ms of a cold run). A glyph's
 * first two bytes say that (numberOfContours < 0), and its metrics are in hmtx. Simple glyphs are
 * copied as they are, exactly as fontkit copies them; composite glyphs, and fonts with variations,
 * still go through fontkit. test/pdf/subset.test.ts checks the subset bytes against fontkit's own.
 */

interface Metric {
  readonly advance: number;
  readonly bearing: number;
}

/** fontkit's TrueType subset and font internals, as far as copying a glyph needs them (glyf, loca, hmtx and offset are set by its encode()). */
export interface TrueTypeSubset {
  readonly font: {
    readonly _variationProcessor?: unknown;
    readonly loca?: { readonly offsets: readonly number[] };
    readonly hmtx?: { readonly metrics: { readonly length: number; get(i: number): Metric }; readonly bearings: { get(i: number): number | undefined } };
    _getTableStream(tag: 'glyf'): { pos: number; readBuffer(length: number): Uint8Array };
  };
  readonly glyf: Uint8Array[];
  readonly loca: { readonly offsets: number[] };
  readonly hmtx: { readonly metrics: Metric[] };
  offset: number;
  _addGlyph(gid: number): number;
}

export function copySimpleGlyphsDirectly(subset: TrueTypeSubset): void {
  const { font } = subset;
  const { loca, hmtx } = font;
  if (font._variationProcessor || !loca || !hmtx || typeof subset._addGlyph !== 'function') return;
  const fontkitAddGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number): number => {
    const start = loca.offsets[gid]!;
    const end = loca.offsets[gid + 1]!;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const buffer = stream.readBuffer(end - start);
    // Composite glyphs renumber their components: fontkit's way.
    if (buffer.length >= 2 && (buffer[0]! & 0x80) !== 0) return fontkitAddGlyph(gid);
    subset.glyf.push(buffer);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push(metricOf(hmtx, gid));
    subset.offset += buffer.length;
    return subset.glyf.length - 1;
  };
}

/** A glyph's advance and left side bearing, as fontkit's Glyph reads them from hmtx. */
function metricOf(hmtx: NonNullable<TrueTypeSubset['font']['hmtx']>, gid: number): Metric {
  if (gid < hmtx.metrics.length) {
    const { advance, bearing } = hmtx.metrics.get(gid);
    return { advance, bearing };
  }
  const last = hmtx.metrics.get(hmtx.metrics.length - 1);
  return { advance: last ? last.advance : 0, bearing: hmtx.bearings.get(gid - hmtx.metrics.length) || 0 };
}
