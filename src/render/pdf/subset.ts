import { sparseFileOf } from '../text/sfnt.js';

/**
 * A faster way for fontkit's TrueType subsetter to write the subset font. fontkit's `_addGlyph`
 * decodes every glyph's whole outline just to learn whether it is composite (~80 ms of a cold run
 * for the ~2,000 glyphs of a rulebook), and its `encode` writes the tables through its struct
 * encoder field by field (~15 ms over a pack). A glyph's first two bytes say whether it is
 * composite (numberOfContours < 0), and its metrics are in hmtx; the tables a PDF subset carries
 * are the original's with a count or two changed. So simple glyphs are copied as they are, and the
 * file is written here from the font's own bytes — exactly the bytes fontkit writes (checked by
 * test/pdf/subset.test.ts against fontkit's own subsetter). Composite glyphs, fonts with
 * variations and fonts whose tables differ from what this expects still go through fontkit.
 */

interface Metric {
  readonly advance: number;
  readonly bearing: number;
}

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** fontkit's TrueType subset and font internals, as far as copying a glyph and writing the file need them. */
export interface TrueTypeSubset {
  readonly font: {
    readonly _variationProcessor?: unknown;
    readonly stream: { readonly buffer: Uint8Array };
    readonly directory: { readonly tables: Readonly<Record<string, TableRecord | undefined>> };
    /** fontkit's decoded loca: offsets in bytes (fonts.ts fills it from the file's bytes, sfnt.ts's locaTable). */
    readonly loca?: { readonly version: number; readonly offsets: readonly number[] };
  };
  readonly glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: Metric[]; bearings: number[] };
  offset: number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}

/** The tables fontkit's TrueType subset writes, in its order (absent ones are left out). */
const TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
/** Tables copied from the font as they are (fontkit decodes and re-encodes them unchanged). */
const COPIED = new Set(['cvt ', 'prep', 'fpgm']);

export function subsetFromFontBytes(subset: TrueTypeSubset): void {
  const { font } = subset;
  const file = font.stream?.buffer;
  const tables = font.directory?.tables;
  if (font._variationProcessor || !file || !tables || typeof subset._addGlyph !== 'function' || typeof subset.encode !== 'function') return;
  const head = tables.head;
  const hhea = tables.hhea;
  const maxp = tables.maxp;
  const glyf = tables.glyf;
  const hmtx = tables.hmtx;
  // head 54 bytes, hhea 36, maxp 6 (version 0.5) or 32 (1.0): the layouts fontkit decodes and writes back.
  if (!head || !hhea || !maxp || !tables.loca || !glyf || !hmtx || head.length !== 54 || hhea.length !== 36 || (maxp.length !== 6 && maxp.length !== 32)) return;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const longMetrics = view.getUint16(hhea.offset + 34);
  const glyphCount = view.getUint16(maxp.offset + 4);
  const { version: locaVersion, offsets: locaOffsets } = font.loca!;
  const glyphStart = (gid: number) => glyf.offset + locaOffsets[gid]!;

  // Opened by fonts.ts without its outlines: they are read from the file as the subset needs them.
  const sparse = sparseFileOf(font);
  const outline = (start: number, end: number) => (sparse ? sparse.outline(start, end) : file.subarray(start, end));

  const fontkitAddGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number): number => {
    const start = glyphStart(gid);
    const buffer = outline(start, glyphStart(gid + 1));
    // Composite glyphs renumber their components: fontkit's way (which reads outlines from the font's bytes).
    if (buffer.length >= 2 && (buffer[0]! & 0x80) !== 0) {
      sparse?.loadAllOutlines();
      return fontkitAddGlyph(gid);
    }
    subset.glyf.push(buffer);
    subset.loca.offsets.push(subset.offset);
    subset.hmtx.metrics.push(metricOf(gid));
    subset.offset += buffer.length;
    return subset.glyf.length - 1;
  };

  /** A glyph's advance and left side bearing, as fontkit's Glyph reads them from hmtx. */
  function metricOf(gid: number): Metric {
    if (gid < longMetrics) return { advance: view.getUint16(hmtx!.offset + 4 * gid), bearing: view.getInt16(hmtx!.offset + 4 * gid + 2) };
    const advance = longMetrics > 0 ? view.getUint16(hmtx!.offset + 4 * (longMetrics - 1)) : 0;
    const index = gid - longMetrics;
    // Past the end of hmtx's bearings fontkit reads undefined, and writes 0.
    const bearing = index < glyphCount - longMetrics ? view.getInt16(hmtx!.offset + 4 * longMetrics + 2 * index) : 0;
    return { advance, bearing };
  }

  subset.encode = (): Uint8Array => {
    subset.glyf = [];
    subset.offset = 0;
    subset.loca = { offsets: [], version: locaVersion };
    subset.hmtx = { metrics: [], bearings: [] };
    sparse?.prefetch(subset.glyphs.map((gid) => [glyphStart(gid), glyphStart(gid + 1)] as const));
    // The list grows while it is walked: composite glyphs add their components.
    for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]!);
    subset.loca.offsets.push(subset.offset);
    return writeFont(subset);
  };

  function writeFont(s: TrueTypeSubset): Uint8Array {
    const glyphs = s.glyf.length;
    const metrics = s.hmtx.metrics;
    const body = new Map<string, Uint8Array>();
    const copy = (record: TableRecord) => Uint8Array.prototype.slice.call(file, record.offset, record.offset + record.length) as Uint8Array;
    const headBytes = copy(head!);
    new DataView(headBytes.buffer).setInt16(50, locaVersion);
    body.set('head', headBytes);
    const hheaBytes = copy(hhea!);
    new DataView(hheaBytes.buffer).setUint16(34, metrics.length);
    body.set('hhea', hheaBytes);
    const offsets = s.loca.offsets;
    const locaBytes = new Uint8Array(offsets.length * (locaVersion === 0 ? 2 : 4));
    const locaView = new DataView(locaBytes.buffer);
    for (let i = 0; i < offsets.length; i++) {
      if (locaVersion === 0) locaView.setUint16(2 * i, offsets[i]! >>> 1);
      else locaView.setUint32(4 * i, offsets[i]!);
    }
    body.set('loca', locaBytes);
    const maxpBytes = copy(maxp!);
    new DataView(maxpBytes.buffer).setUint16(4, glyphs);
    body.set('maxp', maxpBytes);
    for (const tag of COPIED) {
      const record = tables![tag];
      if (record) body.set(tag, copy(record));
    }
    const glyfBytes = new Uint8Array(s.offset);
    let at = 0;
    for (const glyph of s.glyf) {
      glyfBytes.set(glyph, at);
      at += glyph.length;
    }
    body.set('glyf', glyfBytes);
    const hmtxBytes = new Uint8Array(metrics.length * 4);
    const hmtxView = new DataView(hmtxBytes.buffer);
    metrics.forEach((metric, i) => {
      hmtxView.setUint16(4 * i, metric.advance);
      hmtxView.setInt16(4 * i + 2, metric.bearing);
    });
    body.set('hmtx', hmtxBytes);

    // The directory as fontkit writes it: tag 'true', checksums 0, tables in TABLES order, no padding.
    const present = TABLES.filter((tag) => body.has(tag));
    const count = present.length;
    const power = 2 ** Math.floor(Math.log2(count));
    const size = 12 + 16 * count + present.reduce((sum, tag) => sum + body.get(tag)!.length, 0);
    // A Buffer, as fontkit returns (pdfkit writes it into the font's stream).
    const out = Buffer.alloc(size);
    const outView = new DataView(out.buffer);
    writeTag(out, 0, 'true');
    outView.setUint16(4, count);
    outView.setUint16(6, power * 16);
    outView.setUint16(8, Math.log2(power));
    outView.setUint16(10, count * 16 - power * 16);
    let offset = 12 + 16 * count;
    present.forEach((tag, i) => {
      const bytes = body.get(tag)!;
      const record = 12 + 16 * i;
      writeTag(out, record, tag);
      outView.setUint32(record + 4, 0);
      outView.setUint32(record + 8, offset);
      outView.setUint32(record + 12, bytes.length);
      out.set(bytes, offset);
      offset += bytes.length;
    });
    return out;
  }
}

function writeTag(out: Uint8Array, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) out[at + i] = tag.charCodeAt(i);
}
