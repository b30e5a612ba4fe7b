import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideDirectory, makeDirectory, markedEntry, safeFileName, writeFileAtomic } from '../../src/output/files.js';
import { LOCK_FILE, lockOutput } from '../../src/output/lock.js';
import { commitStaged, OutputError, recoverLeftovers, StagingWriter } from '../../src/output/set.js';

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

describe('一式の置き換え（src/output/set.ts）: 全部そろってから入れ替え、途中で止まっても一式に戻る', () => {
  const TOKEN = `${process.pid}-0a0b0c0d`;
  const tree = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8')])
      .sort(([a], [b]) => (a! < b! ? -1 : 1));

  function oldSet(): string {
    const dir = join(mkdtempSync(join(tmpdir(), 'kitei-set-')), '甲株式会社');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), 'old a');
    writeFileSync(join(dir, 'b.md'), 'old b');
    return dir;
  }

  it('staging に書いている間、フォルダーは前のまま。commit で一式が入り、staging は消える', () => {
    const dir = oldSet();
    const writer = StagingWriter.open(dir, TOKEN);
    writer.write('a.md', Buffer.from('new a'));
    writer.write('c.md', Buffer.from('new c'));
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
    const { stale } = commitStaged(writer.finish());
    expect(tree(dir)).toEqual([
      ['a.md', 'new a'],
      ['b.md', 'old b'],
      ['c.md', 'new c'],
    ]);
    // b.md was not written this time: named, not deleted.
    expect(stale).toEqual(['b.md']);
  });

  it('入れ替えの途中で失敗すると、入れ替えた分を元に戻してから失敗する', () => {
    const dir = oldSet();
    mkdirSync(join(dir, 'c.md')); // a folder where the third file should go
    const writer = StagingWriter.open(dir, TOKEN);
    for (const name of ['a.md', 'b.md', 'c.md']) writer.write(name, Buffer.from(`new ${name}`));
    expect(() => commitStaged(writer.finish())).toThrow(/c\.md はフォルダーです/u);
    expect(tree(dir)).toEqual([
      ['a.md', 'old a'],
      ['b.md', 'old b'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('入れ替えの途中で強制終了した跡（journal が残った staging）は、次の実行が元の一式に戻す', () => {
    const dir = oldSet();
    // A run killed after it moved a.md (old a kept aside, new a in) and before b.md and the new c.md.
    const staging = join(dir, `.kitei-4194305-deadbeef.staging`);
    mkdirSync(join(staging, '.kitei-old'), { recursive: true });
    writeFileSync(join(staging, '.kitei-journal'), JSON.stringify({ names: ['a.md', 'c.md', 'b.md'] }));
    renameSync(join(dir, 'a.md'), join(staging, '.kitei-old', 'a.md'));
    writeFileSync(join(dir, 'a.md'), 'new a');
    writeFileSync(join(dir, 'c.md'), 'new c'); // moved in, had no old file
    writeFileSync(join(staging, 'b.md'), 'new b'); // not moved yet
    recoverLeftovers(dir);
    expect(tree(dir)).toEqual([
      ['a.md', 'old a'],
      ['b.md', 'old b'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });

  it('journal のない staging（書いている途中、または入れ替え済み）は消すだけ。動いている実行のものには触れない', () => {
    const dir = oldSet();
    mkdirSync(join(dir, '.kitei-4194305-deadbeef.staging'));
    writeFileSync(join(dir, '.kitei-4194305-deadbeef.staging', 'a.md'), 'half');
    mkdirSync(join(dir, `.kitei-${process.pid}-00c0ffee.staging`));
    recoverLeftovers(dir);
    expect(readdirSync(dir).sort()).toEqual([`.kitei-${process.pid}-00c0ffee.staging`, 'a.md', 'b.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
  });

  it('フォルダーがシンボリックリンク・ファイルなら書かない。先に置かれた一時ファイルの名前はたどらない', () => {
    const root = mkdtempSync(join(tmpdir(), 'kitei-set-'));
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'link'));
    expect(() => StagingWriter.open(join(root, 'link'), TOKEN)).toThrow(OutputError);
    writeFileSync(join(root, 'file'), 'x');
    expect(() => StagingWriter.open(join(root, 'file'), TOKEN)).toThrow(/フォルダーではなくファイルです/u);
    expect(readdirSync(join(root, 'elsewhere'))).toEqual([]);
    // A link planted where writeFileAtomic puts its temp file: refused (EEXIST), the target untouched.
    writeFileSync(join(root, 'target'), 'target');
    symlinkSync(join(root, 'target'), `${join(root, 'out.json')}.kitei-${TOKEN}.tmp`);
    expect(() => writeFileAtomic(join(root, 'out.json'), 'x', TOKEN)).toThrow(/EEXIST/u);
    expect(readFileSync(join(root, 'target'), 'utf8')).toBe('target');
  });

  it('印: kitei の一時ファイルだけを見分ける', () => {
    expect(markedEntry(`a.md.kitei-123-0badc0de.tmp`)).toEqual({ pid: 123, token: '123-0badc0de', kind: 'tmp' });
    expect(markedEntry('.kitei-123-0badc0de.staging')).toEqual({ pid: 123, token: '123-0badc0de', kind: 'staging' });
    for (const name of ['old.99999.1.tmp', 'a.md.123.1.tmp', 'kitei-123-0badc0de.tmp.md']) expect(markedEntry(name), name).toBeUndefined();
  });
});

describe('--out の印（src/output/lock.ts）', () => {
  it('2 つ目は取れず、最初のプロセス番号を示す。手放せば取れる', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kitei-lock-')), 'out');
    const lock = lockOutput(out, 'kitei build a.yaml', `${process.pid}-00000001`);
    expect(() => lockOutput(out, 'kitei build b.yaml', `${process.pid}-00000002`)).toThrow(new RegExp(`プロセス番号 ${process.pid}、kitei build a\\.yaml、`, 'u'));
    lock.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    lockOutput(out, 'kitei build b.yaml', `${process.pid}-00000002`).release();
  });

  it('印がシンボリックリンクなら、たどらず・消さずに止まる', () => {
    const root = mkdtempSync(join(tmpdir(), 'kitei-lock-'));
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'victim'), '{"pid": 4194305, "host": "x"}');
    symlinkSync(join(root, 'victim'), join(root, 'out', LOCK_FILE));
    expect(() => lockOutput(join(root, 'out'), 'kitei build', `${process.pid}-00000003`)).toThrow(/使用中の印/u);
    expect(readFileSync(join(root, 'victim'), 'utf8')).toContain('4194305');
  });
});
