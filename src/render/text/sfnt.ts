import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

/**
 * A font file read without its glyph outlines. The glyf table is most of a Noto JP file (~6 of
 * 7.7 MB) and a document uses a few thousand of its 17,000 glyphs, so `bytes` holds every other
 * table at its place and zeros over glyf (never written, so the pages are never made resident),
 * and the outlines a subset needs are read from the file when it asks (`outline`). Reading the
 * whole of both faces cost ~10 ms of a cold run and 13 MB of memory.
 */
export interface SparseFontFile {
  /** The file's bytes, glyf excepted (all zeros until `loadAllOutlines`). */
  readonly bytes: Buffer;
  /** Offset and length of the glyf table in the file. */
  readonly glyf: { readonly offset: number; readonly length: number };
  /** Reads these byte ranges of glyf (file offsets, [start, end)) in as few reads as it can, for `outline`. */
  prefetch(ranges: readonly (readonly [number, number])[]): void;
  /** The bytes [start, end) of glyf: from what `prefetch` read, or read now. */
  outline(start: number, end: number): Uint8Array;
  /** Writes the whole glyf table into `bytes`, for code that reads outlines through fontkit (composite glyphs). */
  loadAllOutlines(): void;
}

/**
 * The loca table as fontkit decodes it — `{ version, offsets }`, offsets in bytes (a short table's
 * doubled, as fontkit's `process` does) — read with a DataView. pdfkit asks for glyph 0's advance
 * when it embeds a face, and fontkit then decodes all of loca through its struct reader
 * (~17,000 entries, 3–10 ms a face); fonts.ts hands it this instead.
 */
export function locaTable(file: Uint8Array): { version: number; offsets: number[]; _processed?: boolean } | undefined {
  const bytes = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const head = table(bytes, 'head');
  const loca = table(bytes, 'loca');
  if (!head || !loca || head.length < 54) return undefined;
  const version = bytes.getInt16(head.offset + 50);
  if (version !== 0 && version !== 1) return undefined;
  const size = version === 0 ? 2 : 4;
  const offsets = new Array<number>(Math.floor(loca.length / size));
  for (let i = 0; i < offsets.length; i++) offsets[i] = version === 0 ? bytes.getUint16(loca.offset + 2 * i) * 2 : bytes.getUint32(loca.offset + 4 * i);
  return version === 0 ? { version, offsets, _processed: true } : { version, offsets };
}

/** Reads `length` bytes at `position` into `buffer` at `offset` (a read may return fewer). */
function readFully(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, offset + done, length - done, position + done);
    if (n === 0) throw new Error(`フォントファイルが途中で終わっています（${position + done} バイト目）`);
    done += n;
  }
}

const sparseFiles = new WeakMap<object, SparseFontFile>();

/** Remembers which sparse file a font object (fontkit's) was made from. */
export function rememberSparseFile(font: object, file: SparseFontFile): void {
  sparseFiles.set(font, file);
}

/** The sparse file a font object was made from, if it was (see fonts.ts). */
export const sparseFileOf = (font: object): SparseFontFile | undefined => sparseFiles.get(font);

/** Ranges closer than this are read together: one read costs more than a few kilobytes of copying. */
const READ_GAP = 4096;

export function readSparseFont(path: string): SparseFontFile | undefined {
  // Kept open for the outlines read later (one file per face, for the life of the process).
  const fd = openSync(path, 'r');
  let kept = false;
  try {
    const size = fstatSync(fd).size;
    const header = Buffer.alloc(12);
    readFully(fd, header, 0, 12, 0);
    const count = header.readUInt16BE(4);
    const bytes = Buffer.alloc(size);
    readFully(fd, bytes, 0, 12 + 16 * count, 0);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const glyf = table(view, 'glyf');
    if (!glyf || glyf.offset + glyf.length > size) return undefined;
    for (let i = 0; i < count; i++) {
      const record = 12 + 16 * i;
      const offset = view.getUint32(record + 8);
      const length = view.getUint32(record + 12);
      if (offset === glyf.offset) continue;
      if (offset + length > size) return undefined;
      readFully(fd, bytes, offset, length, offset);
    }
    const read = new Map<number, Uint8Array>();
    let whole = false;
    const readRange = (start: number, end: number): Uint8Array => {
      const chunk = Buffer.allocUnsafe(end - start);
      readFully(fd, chunk, 0, chunk.length, start);
      return chunk;
    };
    kept = true;
    return {
      bytes,
      glyf,
      prefetch(ranges) {
        if (whole) return;
        const wanted = ranges.filter(([start, end]) => end > start && !read.has(start)).sort((a, b) => a[0] - b[0]);
        for (let i = 0; i < wanted.length; ) {
          let j = i;
          let end = wanted[i]![1];
          while (j + 1 < wanted.length && wanted[j + 1]![0] - end <= READ_GAP) end = Math.max(end, wanted[++j]![1]);
          const start = wanted[i]![0];
          const chunk = readRange(start, end);
          for (let k = i; k <= j; k++) read.set(wanted[k]![0], chunk.subarray(wanted[k]![0] - start, wanted[k]![1] - start));
          i = j + 1;
        }
      },
      outline(start, end) {
        if (whole) return bytes.subarray(start, end);
        const known = read.get(start);
        if (known && known.length === end - start) return known;
        const chunk = readRange(start, end);
        read.set(start, chunk);
        return chunk;
      },
      loadAllOutlines() {
        if (whole) return;
        readFully(fd, bytes, glyf.offset, glyf.length, glyf.offset);
        whole = true;
        read.clear();
      },
    };
  } finally {
    if (!kept) closeSync(fd);
  }
}
