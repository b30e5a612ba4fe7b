import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { subsetFromFontBytes, type TrueTypeSubset } from '../../src/render/pdf/subset.js';
import { FACE_NAMES, face, fontFile } from '../../src/render/text/fonts.js';

/** The faster glyph copy and file writer (src/render/pdf/subset.ts) must give exactly the font file fontkit's own subsetter gives. */

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

const TEXT =
  '情報セキュリティ関連規程 組織的対策 人的対策 物理的対策 技術的対策。従業員は、社外秘の情報を「持ち出し管理台帳」に記録する（第3条）。' +
  'ABCxyz 0123456789 ①②③ ー・：；？！、。「」『』【】〒髙﨑𠮷';

describe('フォントのサブセット', () => {
  it.each(FACE_NAMES)('%s: グリフを直接写し表を自前で書いても、fontkit のサブセットとバイト単位で同じ', (name) => {
    // fontkit's subsetter on the whole file; kitei's on the face as typesetting opens it (outlines read on demand).
    const whole = create(readFileSync(fontFile(name)));
    const { font } = face(name);
    const fontkitOwn = whole.createSubset() as Subset;
    const direct = font.createSubset() as Subset;
    subsetFromFontBytes(direct as unknown as TrueTypeSubset);
    // The text's glyphs, a spread of others across the font, and the last glyph (past hmtx's long metrics, if any).
    const ids = [...new Set([...TEXT].map((ch) => whole.glyphForCodePoint(ch.codePointAt(0)!).id))];
    for (let gid = 1; gid < font.numGlyphs; gid += 97) ids.push(gid);
    ids.push(font.numGlyphs - 1);
    for (const gid of ids) expect(direct.includeGlyph(gid)).toBe(fontkitOwn.includeGlyph(gid));
    const expected = Buffer.from(fontkitOwn.encode());
    const actual = Buffer.from(direct.encode());
    expect(actual.length).toBeGreaterThan(10_000);
    expect(actual.equals(expected)).toBe(true);
  });
});
