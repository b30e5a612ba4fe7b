import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideDirectory, makeDirectory, safeFileName, writeFileAtomic } from '../../src/output/files.js';

describe('出力ファイル名は Windows・macOS・Linux のどこでも安全', () => {
  it.each([
    ['さくら工業株式会社', 'さくら工業株式会社'],
    ['A/B:C*D?"E"<F>|G\\H', 'A_B_C_D__E__F__G_H'],
    ['..', 'organization'],
    ['../../etc', '.._.._etc'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['末尾のドット...', '末尾のドット'],
    ['  空白  ', '空白'],
    ['', 'organization'],
    ['改行\nを含む', '改行_を含む'],
    ['絵文字😀と𠮷野家', '絵文字😀と𠮷野家'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('長い名前はバイト数で切り詰める（文字の途中では切らない）', () => {
    const name = safeFileName('あ'.repeat(500));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(180);
    expect(name).toMatch(/^あ+$/u);
  });

  it('濁点の合成済み・分解形は同じ名前になる（NFC）', () => {
    expect(safeFileName('ガ'.normalize('NFD'))).toBe('ガ');
  });
});

describe('書き込み', () => {
  it('出力先の外には書かない', () => {
    expect(() => insideDirectory('/tmp/out', '..', 'x')).toThrow(/外には書き込めません/u);
    expect(insideDirectory('/tmp/out', 'a', 'b.md')).toBe('/tmp/out/a/b.md');
  });

  it('原子的に書き、一時ファイルを残さない', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-'));
    const path = join(dir, 'sub', 'file.md');
    writeFileAtomic(path, 'first');
    writeFileAtomic(path, 'second');
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['file.md']);
  });

  it('ディレクトリは途中の階層も作る', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-'));
    makeDirectory(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeDirectory(join(dir, 'a', 'b', 'c'));
  });

  it('作れない出力先（/proc の下、行き先のないシンボリックリンク）はすぐにエラーになる（止まらない）', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(() => writeFileAtomic(join(dir, 'dangling', 'out', 'a.md'), 'x')).toThrow(/EEXIST|ENOENT/u);
    if (existsSync('/proc/self')) expect(() => writeFileAtomic('/proc/kitei-nope/out/a.md', 'x')).toThrow(/ENOENT/u);
  });
});
