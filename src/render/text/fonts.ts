import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';
import { locaTable, readSparseFont, rememberSparseFile, sfntMetrics } from './sfnt.js';

/**
 * The fonts kitei typesets with: Noto Serif JP (regular) for text, Noto Sans JP (bold) for headings,
 * labels and emphasis. Two faces keep the PDF small. They come from npm packages (never from the
 * system), so every machine produces the same bytes.
 */

export type FaceName = 'serif' | 'sansBold';

const FILES: Record<FaceName, string> = {
  serif: '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

export const FACE_NAMES = Object.keys(FILES) as FaceName[];

/** CSS family and weight of each face, for writers that name the font (SVG). */
export const FACE_CSS: Record<FaceName, { family: string; weight: number }> = {
  serif: { family: 'Noto Serif JP', weight: 400 },
  sansBold: { family: 'Noto Sans JP', weight: 700 },
};

const require = createRequire(import.meta.url);

/** Absolute path of a face's TTF inside node_modules. */
export const fontFile = (face: FaceName): string => require.resolve(FILES[face]);

export interface Face {
  readonly name: FaceName;
  readonly font: Font;
  /** Ascent and descent (negative) in thousandths of an em. */
  readonly ascent: number;
  readonly descent: number;
  /** Advance of a code point in thousandths of an em. */
  advance(codePoint: number): number;
  /** The cmap's glyph id for a code point (0: none). */
  glyphId(codePoint: number): number;
  has(codePoint: number): boolean;
  /** Width of a string in points at `size`. */
  width(text: string, size: number): number;
}

/** fontkit's hmtx table (public as a raw table): advances without building glyph metrics. */
interface Hmtx {
  readonly metrics: { readonly length: number; get(index: number): { readonly advance: number } };
}

/** fontkit's own look-ups, for a font whose cmap sfnt.ts does not read. */
function fontkitMetrics(font: Font) {
  const hmtx = (font as unknown as { hmtx: Hmtx }).hmtx;
  return {
    glyphId: (codePoint: number) => font.glyphForCodePoint(codePoint).id,
    advance: (glyphId: number) => hmtx.metrics.get(Math.min(glyphId, hmtx.metrics.length - 1)).advance,
  };
}

/** A function of a code point, worked out once per code point. */
function cachedByCodePoint<T>(compute: (codePoint: number) => T): (codePoint: number) => T {
  const values = new Map<number, T>();
  return (codePoint) => {
    let value = values.get(codePoint);
    if (value === undefined) {
      value = compute(codePoint);
      values.set(codePoint, value);
    }
    return value;
  };
}

function openFace(name: FaceName): Face {
  const path = fontFile(name);
  const sparse = readSparseFont(path);
  const file = sparse ? sparse.bytes : readFileSync(path);
  const font = create(file);
  if (sparse) rememberSparseFile(font, sparse);
  // fontkit's cache of decoded tables: loca read here, not through its struct reader (sfnt.ts).
  const loca = locaTable(file);
  const tables = (font as unknown as { _tables?: Record<string, unknown> })._tables;
  if (loca && tables && !('loca' in tables)) tables.loca = loca;
  const scale = 1000 / font.unitsPerEm;
  const metrics = sfntMetrics(file) ?? fontkitMetrics(font);
  // Looked up once per character: typesetting asks for the same few thousand again and again.
  const glyphId = cachedByCodePoint(metrics.glyphId);
  const advance = cachedByCodePoint((codePoint) => metrics.advance(glyphId(codePoint)) * scale);
  // Glyph 0 is .notdef: the text is checked before it is set, and one cmap look-up serves both.
  const has = (codePoint: number) => glyphId(codePoint) !== 0;
  return {
    name,
    font,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    advance,
    glyphId,
    has,
    width: (text, size) => {
      let sum = 0;
      for (const ch of text) sum += advance(ch.codePointAt(0)!);
      return (sum * size) / 1000;
    },
  };
}

const opened = new Map<FaceName, Face>();

/** The face, opened once per process (the files are large; fontkit reads tables lazily). */
export function face(name: FaceName): Face {
  let f = opened.get(name);
  if (!f) {
    f = openFace(name);
    opened.set(name, f);
  }
  return f;
}

/** Characters that take no glyph: line breaks and tabs are layout, zero-width marks are dropped. */
export const LAYOUT_ONLY = /[\n\r\t\u200b-\u200d\u2060\ufeff]/u;

/**
 * The characters of `text` that a face cannot draw, each once, in order of appearance. Text is
 * compared after NFC normalization, as it is typeset.
 */
export function missingCharacters(text: string, faces: readonly FaceName[]): string[] {
  const missing: string[] = [];
  const normalized = text.normalize('NFC');
  // By code point, without a string per character: a pack's text is a few hundred thousand of them.
  const seen = new Set<number>();
  for (let i = 0; i < normalized.length; i++) {
    const cp = normalized.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (seen.has(cp)) continue;
    seen.add(cp);
    const ch = String.fromCodePoint(cp);
    if (LAYOUT_ONLY.test(ch)) continue;
    if (faces.some((name) => !face(name).has(cp))) missing.push(ch);
  }
  return missing;
}
