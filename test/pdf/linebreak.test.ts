import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, charClass, NO_LINE_END, NO_LINE_START, type BreakAtom, type Line } from '../../src/render/text/linebreak.js';

/** Full-width characters are 10 pt wide, Latin 5 pt, a space 2.5 pt. */
const atoms = (text: string): BreakAtom[] =>
  [...text].map((ch) => ({ text: ch, width: ch === '\n' ? 0 : charClass(ch) === 'cjk' ? 10 : ch === ' ' ? 2.5 : 5 }));

const lineText = (source: BreakAtom[], line: Line) => line.atoms.map((a) => source[a.index]!.text).join('');
const layout = (text: string, width: number, align: 'justify' | 'left' = 'justify') => {
  const a = atoms(text);
  const lines = breakLines(a, { width, align });
  return { a, lines, texts: lines.map((l) => lineText(a, l)) };
};
const rightEdge = (source: BreakAtom[], line: Line) => {
  const last = line.atoms[line.atoms.length - 1]!;
  return last.x + source[last.index]!.width;
};

describe('breakLines', () => {
  it('fills lines of full-width characters exactly', () => {
    const { texts } = layout('あいうえおかきくけこさしすせそ', 50);
    expect(texts).toEqual(['あいうえお', 'かきくけこ', 'さしすせそ']);
  });

  it('never starts a line with closing punctuation or small kana, pushing a character down instead', () => {
    const { texts, a, lines } = layout('あいうえお。かきくけこ', 50);
    expect(texts).toEqual(['あいうえ', 'お。かきく', 'けこ']);
    // The shortened first line is justified to the full width.
    expect(rightEdge(a, lines[0]!)).toBeCloseTo(50);
    expect(layout('あいうえおっと', 50).texts[1]!.startsWith('っ')).toBe(false);
    expect(layout('あいうえおーと', 50).texts[1]!.startsWith('ー')).toBe(false);
  });

  it('never ends a line with an opening bracket', () => {
    const { texts } = layout('あいうえ「かきくけこ」', 50);
    expect(texts[0]).toBe('あいうえ');
    expect(texts[1]!.startsWith('「')).toBe(true);
  });

  it('squeezes a closing mark followed by a bracket (約物詰め)', () => {
    const { a, lines } = layout('「あ」、「い」', 200, 'left');
    const line = lines[0]!;
    // 」 and 、 each lose half their width before the next bracket.
    expect(line.naturalWidth).toBeCloseTo(70 - 5 - 5);
    expect(line.atoms[3]!.x - line.atoms[2]!.x).toBeCloseTo(5);
    expect(a.length).toBe(7);
  });

  it('keeps Latin words whole and breaks after spaces', () => {
    const { texts } = layout('あいう information security', 60);
    expect(texts).toEqual(['あいう', 'information', 'security']);
  });

  it('breaks a word only when it is wider than the line', () => {
    const { texts } = layout('abcdefghijklmnop', 40);
    expect(texts).toEqual(['abcdefgh', 'ijklmnop']);
  });

  it('breaks a URL after a slash', () => {
    const { texts } = layout('参照：https://www.ipa.go.jp/security/guide/sme/', 120);
    expect(texts.join('')).toBe('参照：https://www.ipa.go.jp/security/guide/sme/');
    for (const t of texts.slice(0, -1)) expect(t.endsWith('/') || t === '参照：').toBe(true);
    expect(texts.length).toBeGreaterThan(2);
  });

  it('leaves the last line and lines before a hard break unjustified', () => {
    const { lines, texts } = layout('あいうえおかきくけこ。\nさしす', 50);
    expect(texts).toEqual(['あいうえお', 'かきくけ', 'こ。', 'さしす']);
    expect(lines.map((l) => l.justified)).toEqual([false, true, false, false]);
    expect(layout('あいう\n\nかき', 100).texts).toEqual(['あいう', '', 'かき']);
  });

  it('spreads the spare width between characters, not inside words', () => {
    const { a, lines } = layout('あいう abc かきくけこさしすせそ', 95);
    const first = lines[0]!;
    expect(first.justified).toBe(true);
    expect(rightEdge(a, first)).toBeCloseTo(95);
    const x = (ch: string) => first.atoms.find((p) => a[p.index]!.text === ch)!.x;
    expect(x('b') - x('a')).toBeCloseTo(5);
    expect(x('c') - x('b')).toBeCloseTo(5);
  });

  it('sets a line ragged rather than opening holes wider than maxSpread', () => {
    const a = atoms('Adobe Acrobat Reader');
    // "Adobe Acrobat" leaves 7.5 pt over two gaps around its one space.
    const ragged = breakLines(a, { width: 70, maxSpread: 3 });
    expect(ragged.map((l) => lineText(a, l))).toEqual(['Adobe Acrobat', 'Reader']);
    expect(ragged[0]!.justified).toBe(false);
    expect(breakLines(a, { width: 70, maxSpread: 4 })[0]!.justified).toBe(true);
    expect(breakLines(a, { width: 70 })[0]!.justified).toBe(true);
  });

  it('indents the first line', () => {
    const { lines, texts } = breakLinesIndented('あいうえおかきくけこ', 50, 10);
    expect(texts).toEqual(['あいうえ', 'おかきくけ', 'こ']);
    expect(lines[0]!.atoms[0]!.x).toBe(10);
  });

  const japanese = fc
    .array(
      fc.constantFrom(...'あいうえおかきくけこ漢字規程情報。、」）』ーっゃ・：？！「（『【 AbcdeIT2026/.'.split('')),
      { minLength: 0, maxLength: 120 },
    )
    .map((chars) => chars.join(''));

  it('holds the 禁則 and justification rules for any text', () => {
    fc.assert(
      fc.property(japanese, fc.integer({ min: 40, max: 200 }), (text, width) => {
        const { a, lines, texts } = layout(text, width);
        expect(texts.join('').replace(/ /gu, '')).toBe(text.replace(/ /gu, ''));
        lines.forEach((line, i) => {
          const t = texts[i]!;
          if (t.length === 0) return;
          // A rule yields only where no legal break fits the line at all (the line is marked forced).
          if (i > 0 && !lines[i - 1]!.forced) expect(NO_LINE_START.has(t[0]!), t).toBe(false);
          if (i < lines.length - 1 && !line.forced) expect(NO_LINE_END.has(t[t.length - 1]!), t).toBe(false);
          if (line.forced) expect(forcedIsUnavoidable(a, line, width)).toBe(true);
          if (line.justified) expect(rightEdge(a, line)).toBeCloseTo(width);
          else expect(rightEdge(a, line)).toBeLessThanOrEqual(width + 1e-6 + (line.atoms.length === 1 ? 100 : 0));
        });
        if (lines.length) expect(lines[lines.length - 1]!.justified).toBe(false);
      }),
      { numRuns: 500, seed: 20260401 },
    );
  });
});

/** A forced line: no break inside it (before the character that overflowed) would have been legal. */
function forcedIsUnavoidable(source: BreakAtom[], line: Line, width: number): boolean {
  const first = line.atoms[0]!.index;
  const last = line.atoms[line.atoms.length - 1]!.index;
  for (let b = first + 1; b <= last; b++) {
    const before = source.slice(first, b).filter((x) => x.text !== ' ');
    const fits = before.reduce((s, x) => s + x.width, 0) <= width;
    const legal = !NO_LINE_START.has(source[b]!.text) && !NO_LINE_END.has(source[b - 1]!.text) && source[b]!.text !== ' ' && !(charClass(source[b - 1]!.text) === 'latin' && charClass(source[b]!.text) === 'latin');
    if (fits && legal && source[b - 1]!.text !== ' ') return false;
  }
  return true;
}

function breakLinesIndented(text: string, width: number, indent: number) {
  const a = atoms(text);
  const lines = breakLines(a, { width, indent });
  return { lines, texts: lines.map((l) => lineText(a, l)) };
}
