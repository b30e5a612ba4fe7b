import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { writeFaults } from '../../src/output/files.js';
import { LOCK_FILE } from '../../src/output/lock.js';
import { EXAMPLE } from '../badinput/cases.js';
import { ROOT } from '../support/build.js';
import { IS_ROOT, mountTmpfs, SKIP_WITHOUT_ROOT, type Tmpfs } from '../support/tmpfs.js';

/**
 * Issue 18, the output side: a client's documents are replaced as one set or not at all, the
 * manifest never vouches for what it does not describe, one run at a time per --out, nothing
 * written or deleted outside what kitei owns, and what a run cannot finish is said and cleared.
 */

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-reliability-'));
const SOURCE_CLI = join(ROOT, 'test', 'batch', 'kitei-from-source.ts');
/** A process id above Linux's pid_max (2^22): a run that can no longer be running. */
const DEAD = 4_194_305;

async function kitei(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Every entry under `dir` (files, folders, links), relative, with `/`. */
function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The files under `dir` with their bytes, for "nothing changed" checks. */
const snapshot = (dir: string): [string, string][] =>
  entries(dir)
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => [path, createHash('sha256').update(readFileSync(join(dir, path))).digest('hex')]);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Manifest {
  complete: boolean;
  clients: { source: string; status: string; outputs?: { path: string; sha256: string }[]; stale?: string[]; error?: string }[];
}
const manifestOf = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;

/** The complete example with another version (every document shows it) and, optionally, another name. */
function example(version: string, name?: string): string {
  const doc = parseDocument(readFileSync(EXAMPLE, 'utf8'));
  doc.setIn(['document', 'version'], version);
  doc.setIn(['document', 'revisions'], [{ version, date: '2026-04-01', description: '制定' }]);
  if (name) doc.setIn(['organization', 'name'], name);
  return doc.toString();
}

/** The CLI from the sources as a real process (signals, kill -9). */
function spawnKitei(args: readonly string[]): { child: ChildProcess; output: () => { out: string; err: string }; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', SOURCE_CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => ({ out, err }), exit };
}

async function until(condition: () => boolean, timeout = 120_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error('待っている状態になりませんでした');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every client folder holds one whole set: all of its Markdown files that show a version (the forms do not) show the same one. */
function versionsPerClient(out: string): Map<string, Set<string>> {
  const versions = new Map<string, Set<string>>();
  // The set as a reader sees it: not a staging folder a killed run left (the next run clears it).
  for (const path of entries(out).filter((p) => p.endsWith('.md') && !p.includes('/.kitei-'))) {
    const [client] = path.split('/');
    const version = /版: ([\d.]+)/u.exec(readFileSync(join(out, path), 'utf8'))?.[1];
    if (version) versions.set(client!, (versions.get(client!) ?? new Set()).add(version));
  }
  return versions;
}

const marked = (paths: readonly string[]) => paths.filter((p) => /\.kitei-|\.kitei\.lock/u.test(p));

let mounted: Tmpfs | undefined;
afterEach(() => {
  writeFaults.before = undefined;
  mounted?.unmount();
  mounted = undefined;
});

describe('manifest.json は、書き出したファイルと違うことを言わない（issue 18: 4）', () => {
  it.each([
    ['kill -9', (child: ChildProcess) => child.kill('SIGKILL')],
    // Two signals at once would be one: the second comes while the first is being handled.
    ['2 回目の Ctrl+C', (child: ChildProcess) => (child.kill('SIGINT'), setTimeout(() => child.kill('SIGINT'), 30))],
  ])('%s で止めると、前回の complete: true は残らず、載っている出力はすべてハッシュが合う。次の実行で完全に戻る', async (_how, stop) => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    const out = join(dir, 'out');
    const write = (version: string) => {
      for (let i = 1; i <= 6; i++) writeFileSync(join(inputs, `c${i}.yaml`), `kitei: 2\norganization: { name: 顧客${i}株式会社, type: company, size: small }\ndocument: { version: "${version}" }\n`);
    };
    write('1.0');
    expect((await kitei('batch', inputs, '--out', out, '--draft', '--jobs', '2')).code).toBe(0);
    expect(manifestOf(out).complete).toBe(true);

    write('2.0');
    const run2 = spawnKitei(['batch', inputs, '--out', out, '--draft', '--jobs', '2']);
    // Stopped once this run's manifest lists a finished client (the progress line may come first),
    // so that the hashes below check something.
    const listsOne = () => {
      try {
        const m = manifestOf(out);
        return !m.complete && m.clients.some((c) => (c.outputs ?? []).length > 0);
      } catch {
        return false;
      }
    };
    await until(() => run2.output().out.includes('[1/6]') && listsOne());
    stop(run2.child);
    await run2.exit;

    const manifest = manifestOf(out);
    expect(manifest.complete).toBe(false);
    const listed = manifest.clients.flatMap((c) => c.outputs ?? []);
    expect(listed.length).toBeGreaterThan(0);
    for (const output of listed) expect(sha256(join(out, output.path)), output.path).toBe(output.sha256);
    // Each client's folder is all 1.0 or all 2.0, never a mix.
    for (const [client, versions] of versionsPerClient(out)) expect([...versions], client).toHaveLength(1);

    const run3 = await kitei('batch', inputs, '--out', out, '--draft', '--jobs', '2');
    expect(run3.code, run3.out + run3.err).toBe(0);
    expect(manifestOf(out).complete).toBe(true);
    expect(marked(entries(out))).toEqual([]);
    for (const [client, versions] of versionsPerClient(out)) expect([...versions], client).toEqual(['2.0']);
  }, 240_000);

  it('同じ --out に 2 つの batch: 後の方は相手のプロセス番号を示して止まり（終了コード 1）、先の方の manifest.json は正しい', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    for (const name of ['a', 'b']) {
      mkdirSync(join(dir, name));
      for (let i = 1; i <= 3; i++) writeFileSync(join(dir, name, `${name}${i}.yaml`), `kitei: 2\norganization: { name: ${name}顧客${i}株式会社, type: company, size: small }\n`);
    }
    const first = spawnKitei(['batch', join(dir, 'a'), '--out', out, '--draft', '--jobs', '1']);
    await until(() => existsSync(join(out, LOCK_FILE)));
    const second = await kitei('batch', join(dir, 'b'), '--out', out, '--draft');
    expect(second.code).toBe(1);
    expect(second.err).toMatch(
      new RegExp(`^エラー: 出力先 ${escape(out)} は、別の kitei が使っています（プロセス番号 ${first.child.pid}、kitei batch（3 件）、\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z から）。終わるのを待つか、別の --out を指定してください`, 'u'),
    );
    const done = await first.exit;
    expect(done.code, first.output().err).toBe(0);
    const manifest = manifestOf(out);
    expect(manifest.complete).toBe(true);
    expect(manifest.clients.map((c) => c.source.split('/').pop())).toEqual(['a1.yaml', 'a2.yaml', 'a3.yaml']);
    const files = entries(out).filter((p) => p.endsWith('.md'));
    expect(files.every((p) => p.startsWith('a顧客'))).toBe(true);
    expect(manifest.clients.flatMap((c) => c.outputs!.map((o) => o.path)).sort()).toEqual(files);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  }, 180_000);

  it('build も同じ: 動いているプロセスの印があれば、そのプロセス番号を示して止まる。終わったプロセスの印は引き継ぐ', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    const sleeper = spawn('sleep', ['60']);
    try {
      writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: sleeper.pid, host: (await import('node:os')).hostname(), token: `${sleeper.pid}-00000000`, command: 'kitei batch（9 件）', started: '2026-04-01T09:00:00.000Z' }));
      const held = await kitei('build', join(dir, 'a.yaml'), '--draft', '--out', out);
      expect(held.code).toBe(1);
      expect(held.err).toContain(`出力先 ${out} は、別の kitei が使っています（プロセス番号 ${sleeper.pid}、kitei batch（9 件）、2026-04-01T09:00:00.000Z から）`);
      expect(entries(out)).toEqual([LOCK_FILE]);
    } finally {
      sleeper.kill();
    }
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: DEAD, host: (await import('node:os')).hostname(), token: `${DEAD}-00000000`, command: 'kitei build', started: '2026-04-01T09:00:00.000Z' }));
    const taken = await kitei('build', join(dir, 'a.yaml'), '--draft', '--out', out);
    expect(taken.code, taken.err).toBe(0);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it('最後の manifest.json が書けない: 一覧を表示し、エラーと終了コード 1。残る manifest.json は "complete": false', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    let manifests = 0;
    writeFaults.before = (path) => {
      // The first manifest (before any client) and the one after the client go through; the final one fails.
      if (path.includes('manifest.json') && ++manifests === 3) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
    };
    const { code, out: log, err } = await kitei('batch', join(dir, 'a.yaml'), '--out', out, '--draft');
    expect(code).toBe(1);
    expect(log).toMatch(/結果: 1 件中 1 件成功/u);
    expect(err).toBe(
      `エラー: 一覧 manifest.json を書き出せませんでした（出力先の manifest.json は "complete": false のままです）: 出力先に書き込めません（ENOSPC）: ${join(out, 'manifest.json')}。ディスクの空きが足りません。空きを作ってからやり直してください\n`,
    );
    const manifest = manifestOf(out);
    expect(manifest.complete).toBe(false);
    expect(marked(entries(out))).toEqual([]);
  });
});

describe('顧客の文書は一式で置き換わり、古い文書と新しい文書が混ざらない（issue 18: 5）', () => {
  it.skipIf(!IS_ROOT)(`build: ディスクが満杯なら終了コード 1 で、前回の一式はバイトまでそのまま・書きかけは残らない${IS_ROOT ? '' : SKIP_WITHOUT_ROOT}`, async () => {
    mounted = mountTmpfs(8 * 1024 * 1024);
    const dir = tempDir();
    const out = join(mounted.dir, 'out');
    writeFileSync(join(dir, 'v1.yaml'), example('1.0'));
    writeFileSync(join(dir, 'v2.yaml'), example('2.0'));
    const first = await kitei('build', join(dir, 'v1.yaml'), '--format', 'md,docx,pdf', '--out', out);
    expect(first.code, first.err).toBe(0);
    const before = snapshot(out);
    expect(before.length).toBe(29);

    mounted.fill(512 * 1024);
    const full = await kitei('build', join(dir, 'v2.yaml'), '--format', 'md,docx,pdf', '--out', out);
    expect(full.code).toBe(1);
    expect(full.err).toMatch(/^エラー: 出力先に書き込めません（ENOSPC）: .*あおば精機株式会社。ディスクの空きが足りません。空きを作ってからやり直してください（前回の文書はそのままです）\n$/u);
    expect(full.out).toBe('');
    expect(snapshot(out)).toEqual(before);
    expect(marked(entries(out))).toEqual([]);

    mounted.free();
    const again = await kitei('build', join(dir, 'v2.yaml'), '--format', 'md,docx,pdf', '--out', out);
    expect(again.code, again.err).toBe(0);
    expect([...versionsPerClient(out).values()].map((v) => [...v])).toEqual([['2.0']]);
  }, 180_000);

  it('build を Ctrl+C で止めると、何をしたかを表示して終了コード 130。前回の一式はそのまま・書きかけは消える', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'v1.yaml'), example('1.0'));
    writeFileSync(join(dir, 'v2.yaml'), example('2.0'));
    expect((await kitei('build', join(dir, 'v1.yaml'), '--format', 'md,docx', '--out', out)).code).toBe(0);
    const before = snapshot(out);
    const client = join(out, 'あおば精機株式会社');

    const build = spawnKitei(['build', join(dir, 'v2.yaml'), '--format', 'md,docx,pdf', '--out', out]);
    // Interrupted while it writes the new set (its staging folder is there).
    await until(() => readdirSync(client).some((name) => name.endsWith('.staging') && readdirSync(join(client, name)).length > 0));
    build.child.kill('SIGINT');
    const { code } = await build.exit;
    expect(code).toBe(130);
    expect(build.output().err).toBe(`中断しました。${client} の文書は前回のまま変えていません（書きかけの文書は消しました）\n`);
    expect(build.output().out).toBe('');
    expect(snapshot(out)).toEqual(before);
    expect(marked(entries(out))).toEqual([]);
  }, 180_000);

  it('batch: 途中で失敗した顧客（PDF のフォントにない文字）は、前回の一式がそのまま。manifest.json に載るのは書き出した顧客だけ', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    const out = join(dir, 'out');
    writeFileSync(join(inputs, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    writeFileSync(join(inputs, 'b.yaml'), 'kitei: 2\norganization: { name: 乙株式会社, type: company, size: small }\n');
    expect((await kitei('batch', inputs, '--out', out, '--draft', '--format', 'md,pdf')).code).toBe(0);
    const before = snapshot(join(out, '乙株式会社'));
    expect(before.length).toBe(19); // nine documents in each format, and the pack as PDF

    // The Markdown is written first, then the PDF finds a character its fonts lack.
    writeFileSync(join(inputs, 'b.yaml'), 'kitei: 2\norganization: { name: 乙株式会社, type: company, size: small, business: 笑顔😀の製造 }\n');
    const { code, out: log } = await kitei('batch', inputs, '--out', out, '--draft', '--format', 'md,pdf');
    expect(code).toBe(1);
    expect(log).toContain('PDF のフォント（Noto Serif JP・Noto Sans JP）にない文字が1種類あります');
    expect(snapshot(join(out, '乙株式会社'))).toEqual(before);
    expect(marked(entries(out))).toEqual([]);
    const manifest = manifestOf(out);
    expect(manifest.clients.map((c) => [c.source.split('/').pop(), c.status, (c.outputs ?? []).length])).toEqual([
      ['a.yaml', 'ok', 19],
      ['b.yaml', 'failed', 0],
    ]);
  }, 180_000);
});

describe('書き込めない --out は、batch でも入力の誤り（issue 18: 6）', () => {
  it.skipIf(!IS_ROOT)(`読み取り専用の --out: build・batch とも「出力先に書き込めません（EROFS）」で終了コード 1${IS_ROOT ? '' : SKIP_WITHOUT_ROOT}`, async () => {
    mounted = mountTmpfs(1024 * 1024);
    mounted.readOnly();
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    for (const command of ['build', 'batch']) {
      const { code, out, err } = await kitei(command, join(dir, 'a.yaml'), '--out', mounted.dir, '--draft');
      expect(code, `${command}: ${err}`).toBe(1);
      expect(err).toBe(`エラー: 出力先に書き込めません（EROFS）: ${mounted.dir}。読み取り専用の場所です。--out に書き込めるディレクトリを指定してください\n`);
      expect(out).toBe('');
    }
  });

  it.skipIf(!IS_ROOT)(`満杯の --out: batch は顧客ごとに「出力先に書き込めません（ENOSPC）」、一覧を表示して終了コード 1${IS_ROOT ? '' : SKIP_WITHOUT_ROOT}`, async () => {
    mounted = mountTmpfs(1024 * 1024);
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), example('1.0'));
    writeFileSync(join(dir, 'b.yaml'), example('1.0', 'いろは商事株式会社'));
    const { code, out, err } = await kitei('batch', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--out', mounted.dir, '--format', 'md,docx,pdf', '--jobs', '2');
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toMatch(/結果: 2 件中 0 件成功、2 件失敗/u);
    expect(out).not.toContain('内部エラー');
    expect(out.match(/出力先に書き込めません（ENOSPC）: .*。ディスクの空きが足りません。空きを作ってからやり直してください/gu)).toHaveLength(4); // progress line and summary, each client
    const manifest = manifestOf(mounted.dir);
    expect(manifest.complete).toBe(true);
    expect(manifest.clients.map((c) => c.status)).toEqual(['failed', 'failed']);
    expect(entries(mounted.dir)).toEqual(['manifest.json']);
  }, 120_000);
});

describe('--out の下のシンボリックリンクをたどらず、消すのは kitei の印のある一時ファイルだけ（issue 18: 7）', () => {
  it('<出力先>/<組織名> がほかの場所へのリンク: build は止まり、batch はその顧客だけ失敗する。リンク先には何も書かない', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'keep.txt'), 'keep');
    symlinkSync(elsewhere, join(out, '甲株式会社'));
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    writeFileSync(join(dir, 'b.yaml'), 'kitei: 2\norganization: { name: 乙株式会社, type: company, size: small }\n');
    const build = await kitei('build', join(dir, 'a.yaml'), '--out', out, '--draft');
    expect(build.code).toBe(1);
    expect(build.err).toBe(
      `エラー: 出力先 ${join(out, '甲株式会社')} はシンボリックリンクです。kitei は --out の下のシンボリックリンクをたどりません（リンク先に書き込まないため）。リンクを削除するか、別の --out を指定してください\n`,
    );
    const batch = await kitei('batch', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--out', out, '--draft');
    expect(batch.code).toBe(1);
    expect(batch.out).toMatch(/結果: 2 件中 1 件成功、1 件失敗/u);
    expect(batch.out).toContain('はシンボリックリンクです');
    expect(entries(elsewhere)).toEqual(['keep.txt']);
  });

  it('ほかのプログラムの x.99999.1.tmp は消さず、終わった kitei の印のある一時ファイル・作業フォルダーだけを消す（build・batch）', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const client = join(out, '甲株式会社');
    mkdirSync(client, { recursive: true });
    const plant = () => {
      writeFileSync(join(client, 'old.99999.1.tmp'), 'not kitei');
      writeFileSync(join(client, `情報セキュリティ関連規程.md.kitei-${DEAD}-0badc0de.tmp`), '書きかけ');
      mkdirSync(join(client, `.kitei-${DEAD}-0badc0de.staging`), { recursive: true });
      writeFileSync(join(client, `.kitei-${DEAD}-0badc0de.staging`, '情報セキュリティ関連規程.md'), '書きかけ');
      writeFileSync(join(out, `manifest.json.kitei-${DEAD}-0badc0de.tmp`), '{');
      // A run that is still going (this very process, another token): not a leftover.
      writeFileSync(join(client, `x.md.kitei-${process.pid}-00c0ffee.tmp`), 'live');
    };
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    for (const command of ['build', 'batch']) {
      plant();
      const { code, err } = await kitei(command, join(dir, 'a.yaml'), '--out', out, '--draft');
      expect(code, err).toBe(0);
      expect(entries(client).filter((p) => !p.endsWith('.md')), command).toEqual([`x.md.kitei-${process.pid}-00c0ffee.tmp`, 'old.99999.1.tmp'].sort());
      if (command === 'batch') expect(entries(out).filter((p) => !p.includes('/'))).toEqual(['manifest.json', '甲株式会社']);
    }
  });
});

describe('残りもの: 作らなくなった文書は一覧にし、消さない（issue 18: 11）', () => {
  it('myNumber: none にすると、前回のマイナンバーの文書を「今回は作らなかった文書」として示す（build・batch の一覧と manifest.json）', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\n');
    expect((await kitei('build', file, '--out', out, '--draft')).code).toBe(0);
    // A profile with nothing but its name: drafts, named so.
    const myNumber = ['個人番号及び特定個人情報の適正な取扱いに関する基本方針（下書き）.md', '特定個人情報取扱規程（下書き）.md'];
    for (const name of myNumber) expect(existsSync(join(out, '甲株式会社', name)), name).toBe(true);

    writeFileSync(file, 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: small }\nmyNumber: none\n');
    const build = await kitei('build', file, '--out', out, '--draft');
    expect(build.code, build.err).toBe(0);
    expect(build.out).toContain(
      `今回は作らなかった文書が ${relative(process.cwd(), join(out, '甲株式会社'))} に残っています（以前の生成で作ったもの、または別に置いたもの。kitei は消しません。不要なら削除してください）:\n${myNumber.map((n) => `  - ${n}\n`).join('')}`,
    );
    for (const name of myNumber) expect(existsSync(join(out, '甲株式会社', name)), name).toBe(true);

    const batch = await kitei('batch', file, '--out', out, '--draft');
    expect(batch.code).toBe(0);
    expect(batch.out).toContain(`今回は作らなかった文書がフォルダーに残っています（以前の生成で作ったもの、または別に置いたもの。kitei は消しません。不要なら削除してください）:\n${myNumber.map((n) => `  甲株式会社/${n}\n`).join('')}`);
    expect(manifestOf(out).clients[0]!.stale).toEqual(myNumber.map((n) => `甲株式会社/${n}`));
  });
});

describe('batch は回答ファイルを読んでいる間も Ctrl+C にすぐ応える（issue 18: 1）', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('読み込みに時間のかかる回答ファイルが並んでいても、%s から数秒で終了コード 130、manifest.json は "complete": false', async (signal) => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    // 500 KB of one flow list each: as slow to read as an answers file can be.
    const slow = `kitei: 2\norganization: { name: 遅延株式会社, type: company, size: small }\nx: [${'1,'.repeat(250_000)}1]\n`;
    for (let i = 1; i <= 8; i++) writeFileSync(join(inputs, `slow${i}.yaml`), slow);
    const out = join(dir, 'out');
    const batch = spawnKitei(['batch', inputs, '--out', out, '--draft', '--jobs', '2']);
    await until(() => existsSync(join(out, LOCK_FILE)));
    const stopped = Date.now();
    batch.child.kill(signal);
    const { code } = await batch.exit;
    expect(Date.now() - stopped).toBeLessThan(3_000);
    expect(code).toBe(130);
    expect(batch.output().out).toMatch(/結果: 8 件中 0 件成功、8 件中断.*― 中断しました/u);
    expect(manifestOf(out).complete).toBe(false);
    expect(entries(out)).toEqual(['manifest.json']);
  }, 120_000);
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
