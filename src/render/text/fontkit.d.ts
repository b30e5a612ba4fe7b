// The part of fontkit (pdfkit's own font engine, same instance) that kitei uses: cmap look-ups and
// advances. fontkit ships no type declarations.
declare module 'fontkit' {
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly codePoints: readonly number[];
  }
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    readonly numGlyphs: number;
    layout(text: string): unknown;
    /** The subsetter pdfkit embeds fonts with (see src/render/pdf/subset.ts). */
    createSubset(): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
