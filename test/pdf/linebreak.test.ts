import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, charClass, CLOSING, NO_LINE_END, NO_LINE_START, OPENING, STRETCH_LIMIT, type BreakAtom, type Line, type LineBreakOptions } from '../../src/render/text/linebreak.js';

/** Full-width characters are 10 pt wide (one em), Latin 5 pt, a space 2.5 pt. */
const atoms = (text: string): BreakAtom[] =>
  [...text].map((ch) => ({ text: ch, width: ch === '\n' ? 0 : charClass(ch) === 'cjk' ? 10 : ch === ' ' ? 2.5 : 5 }));

const lineText = (source: BreakAtom[], line: Line) => line.atoms.map((a) => source[a.index]!.text).join('');
const layout = (text: string, width: number, options: Partial<LineBreakOptions> = {}) => {
  const a = atoms(text);
  const lines = breakLines(a, { width, align: 'justify', ...options });
  return { a, lines, texts: lines.map((l) => lineText(a, l)) };
};
const rightEdge = (source: BreakAtom[], line: Line) => {
  const last = line.atoms[line.atoms.length - 1]!;
  return last.x + source[last.index]!.width;
};
/** Space between the k-th and (k+1)-th characters of a line beyond their advance. */
const gapAfter = (source: BreakAtom[], line: Line, k: number) => line.atoms[k + 1]!.x - line.atoms[k]!.x - source[line.atoms[k]!.index]!.width;

describe('breakLines', () => {
  it('fills lines of full-width characters exactly', () => {
    const { texts } = layout('あいうえおかきくけこさしすせそ', 50);
    expect(texts).toEqual(['あいうえお', 'かきくけこ', 'さしすせそ']);
  });

  it('pushes a character down rather than start a line with a full stop (追い出し), justifying within the limit', () => {
    const { texts, a, lines } = layout('あいうえおかきくけこ。さしすせそ', 100);
    expect(texts).toEqual(['あいうえおかきくけ', 'こ。さしすせそ']);
    // 10 pt over 8 gaps: 1.25 pt each, an eighth of an em.
    expect(lines[0]!.justified).toBe(true);
    expect(rightEdge(a, lines[0]!)).toBeCloseTo(100);
    expect(gapAfter(a, lines[0]!, 0)).toBeCloseTo(1.25);
    expect(layout('あいうえおかきくけっと', 100).texts[1]!.startsWith('っ')).toBe(false);
    expect(layout('あいうえおかきくけーと', 100).texts[1]!.startsWith('ー')).toBe(false);
  });

  it('pulls a full stop in when the line can give the room (追い込み)', () => {
    // 「、」 gives its blank half, the line-end 「。」 hangs its own.
    const { texts, a, lines } = layout('あいう、えおかきくけ。さしす', 100);
    expect(texts).toEqual(['あいう、えおかきくけ。', 'さしす']);
    const first = lines[0]!;
    expect(gapAfter(a, first, 3)).toBeCloseTo(-5);
    expect(rightEdge(a, first)).toBeCloseTo(105);
  });

  it('never ends a line with an opening bracket', () => {
    const { texts } = layout('あいうえ「かきくけこ」', 50, { align: 'left' });
    expect(texts[0]).toBe('あいうえ');
    expect(texts[1]!.startsWith('「')).toBe(true);
  });

  it('compresses consecutive punctuation and sets a line-start bracket flush (JLREQ 3.1.4, 3.1.5)', () => {
    const { a, lines } = layout('「あ」、「い」', 200, { align: 'left' });
    const line = lines[0]!;
    // 」 and 、 each lose half their width before the next bracket; the first 「 hangs its blank half.
    expect(line.atoms[0]!.x).toBeCloseTo(-5);
    expect(line.naturalWidth).toBeCloseTo(70 - 5 - 5 - 5);
    expect(line.atoms[3]!.x - line.atoms[2]!.x).toBeCloseTo(5);
    expect(a.length).toBe(7);
    // Under an indent the bracket's ink starts at the indent.
    expect(breakLines(atoms('「あ」'), { width: 100, indent: 10 })[0]!.atoms[0]!.x).toBeCloseTo(5);
  });

  it('puts a quarter em between Japanese and Latin text, not next to punctuation (和欧間)', () => {
    const { a, lines } = layout('版はA4、（B5）', 200, { align: 'left' });
    const line = lines[0]!;
    expect(gapAfter(a, line, 1)).toBeCloseTo(2.5); // は|A
    expect(gapAfter(a, line, 3)).toBeCloseTo(0); // 4|、
    expect(gapAfter(a, line, 5)).toBeCloseTo(0); // （|B
  });

  it('keeps Latin words whole and breaks after spaces', () => {
    const { texts } = layout('あいう information security', 60);
    expect(texts).toEqual(['あいう', 'information', 'security']);
  });

  it('breaks a word only when it is wider than the line, at a seam if it has one', () => {
    expect(layout('abcdefghijklmnop', 40).texts).toEqual(['abcdefgh', 'ijklmnop']);
    expect(layout('abcdeOneDriveSync', 50).texts).toEqual(['abcdeOne', 'DriveSync']);
  });

  it('breaks a URL after a slash', () => {
    const { texts } = layout('参照：https://www.ipa.go.jp/security/guide/sme/', 120);
    expect(texts.join('')).toBe('参照：https://www.ipa.go.jp/security/guide/sme/');
    texts.slice(0, -1).forEach((t, i) => expect(t.endsWith('/') || t === '参照：' || /^[.?#&=_-]/u.test(texts[i + 1]!)).toBe(true));
    expect(texts.length).toBeGreaterThan(2);
  });

  it('leaves the last line and lines before a hard break unjustified', () => {
    const { lines, texts } = layout('あいうえおかきくけこさしす。\nたちつ', 100);
    expect(texts).toEqual(['あいうえおかきくけこ', 'さしす。', 'たちつ']);
    expect(lines.map((l) => l.justified)).toEqual([false, false, false]);
    expect(layout('あいう\n\nかき', 100).texts).toEqual(['あいう', '', 'かき']);
  });

  it('gives a lone last character company (段落末尾処理)', () => {
    // Pushed: the line before breaks one character earlier and is justified.
    const pushed = layout('あいうえおかきくけこさ。', 100);
    expect(pushed.texts).toEqual(['あいうえおかきくけ', 'こさ。']);
    expect(pushed.lines[0]!.justified).toBe(true);
    // Pulled: the line before can give the room.
    expect(layout('あいう、えおかきくけこさ', 115).texts).toEqual(['あいう、えおかきくけこさ']);
    // Ragged text needs no justifying.
    expect(layout('あいうえおかきくけこさ', 100, { align: 'left' }).texts).toEqual(['あいうえおかきくけ', 'こさ']);
    // In a narrow measure (a table cell), where the line before cannot be justified one character
    // shorter, it is set flush left a little short rather than leave one character alone.
    const narrow = layout('あいうえお', 40);
    expect(narrow.texts).toEqual(['あいう', 'えお']);
    expect(narrow.lines[0]!.justified).toBe(false);
  });

  it('fills Western spaces, then 和欧間, before spacing out other characters, within their limits', () => {
    const { a, lines } = layout('あい A かきくけこさしすせそ', 75);
    const first = lines[0]!;
    expect(lineText(a, first)).toBe('あい A かきくけ');
    expect(first.justified).toBe(true);
    expect(rightEdge(a, first)).toBeCloseTo(75);
    // Both spaces grew to half an em; the other gaps kept their spacing.
    expect(gapAfter(a, first, 0)).toBeCloseTo(0);
    expect(gapAfter(a, first, 2) + 2.5).toBeCloseTo(5);
    expect(gapAfter(a, first, 4) + 2.5).toBeCloseTo(5);
  });

  it('sets a line ragged rather than letter-spaced', () => {
    const a = atoms('Adobe Acrobat Reader');
    const lines = breakLines(a, { width: 70 });
    expect(lines.map((l) => lineText(a, l))).toEqual(['Adobe Acrobat', 'Reader']);
    expect(lines[0]!.justified).toBe(false);
    expect(gapAfter(a, lines[0]!, 5)).toBeCloseTo(0);
  });

  it('indents the first line', () => {
    const { lines, texts } = layout('あいうえおかきくけこ', 50, { indent: 10 });
    // (The second line gives a character to the last, which would hold one.)
    expect(texts).toEqual(['あいうえ', 'おかきく', 'けこ']);
    expect(lines[0]!.atoms[0]!.x).toBe(10);
  });

  it('breaks between phrases when given them, and balances a centred title', () => {
    const phrases = [...'あいうえおかきくけこ'].map((_, i) => i === 0 || i === 6);
    expect(layout('あいうえおかきくけこ', 80, { phrases, align: 'left' }).texts).toEqual(['あいうえおか', 'きくけこ']);
    // A phrase wider than the line still breaks.
    expect(layout('あいうえおかきくけこ', 40, { phrases: [true], align: 'left' }).texts).toEqual(['あいうえ', 'おかきく', 'けこ']);
    const balanced = layout('あいうえおかきくけこ', 80, { align: 'center', balance: true });
    expect(balanced.texts).toEqual(['あいうえお', 'かきくけこ']);
    expect(balanced.lines[0]!.atoms[0]!.x).toBeCloseTo(15);
  });

  const japanese = fc
    .array(
      fc.constantFrom(...'あいうえおかきくけこ漢字規程情報。、」）』ーっゃ・：？！「（『【 AbcdeIT2026/.'.split('')),
      { minLength: 0, maxLength: 120 },
    )
    .map((chars) => chars.join(''));

  it('holds the 禁則, spacing and justification rules for any text', () => {
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
          const lastChar = a[line.atoms[line.atoms.length - 1]!.index]!;
          const hang = CLOSING.has(lastChar.text) ? lastChar.width / 2 : 0;
          if (line.justified) expect(rightEdge(a, line)).toBeCloseTo(width);
          else if (line.atoms.length > 1) expect(rightEdge(a, line)).toBeLessThanOrEqual(width + hang + 1e-6);
          // No gap is stretched beyond its limit.
          for (let k = 0; k + 1 < line.atoms.length; k++) {
            const x = a[line.atoms[k]!.index]!.text;
            const y = a[line.atoms[k + 1]!.index]!.text;
            const gap = gapAfter(a, line, k);
            if (charClass(x) === 'latin' && charClass(y) === 'latin') expect(gap).toBeLessThanOrEqual(1e-6);
            else if (x === ' ') expect(gap + 2.5).toBeLessThanOrEqual(STRETCH_LIMIT.space * 10 + 1e-6);
            else if ((charClass(x) === 'latin') !== (charClass(y) === 'latin') && y !== ' ') expect(gap).toBeLessThanOrEqual(5 + 1e-6);
            else if (y !== ' ') expect(gap - naturalKern(x, y)).toBeLessThanOrEqual(STRETCH_LIMIT.other * 10 + 1e-6);
          }
        });
        if (lines.length) expect(lines[lines.length - 1]!.justified).toBe(false);
      }),
      { numRuns: 500, seed: 20260401 },
    );
  });
});

/** The spacing a pair of full-width characters has before any adjustment. */
const naturalKern = (x: string, y: string) => (CLOSING.has(x) && (CLOSING.has(y) || OPENING.has(y)) ? -5 : OPENING.has(x) && OPENING.has(y) ? -5 : 0);

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
