import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barReporter, formatSummary, plainReporter } from '../../src/batch/progress.js';
import { runBatch, type BatchSummary, type ClientResult } from '../../src/batch/run.js';
import { run } from '../../src/cli/main.js';
import { ROOT } from '../support/build.js';
import { ensureBuilt, KITEI_BIN } from '../support/dist.js';

const BATCH = join(ROOT, 'test', 'batch');
const TEMPLATES = join(BATCH, 'templates');
const CLIENTS = join(BATCH, 'clients');
const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-batch-'));

/** Every file under `dir`, relative, with `/`. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const byName = (summary: BatchSummary, name: string): ClientResult => summary.clients.find((c) => c.file.endsWith(name))!;

interface Manifest {
  complete: boolean;
  clients: { source: string; status: string; outputs?: { path: string; sha256: string; bytes: number }[]; error?: string }[];
}
const manifestOf = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;

describe('kitei batch: 1 件の誤りはほかを止めない', () => {
  it('壊れた YAML・スキーマの誤り・参照切れ・未記入はファイルと行を示して失敗し、残りは書き出す', async () => {
    const out = tempDir();
    let log = '';
    const summary = await runBatch({ inputs: [CLIENTS], out, formats: ['md'], draft: false, jobs: 2, templatesDir: TEMPLATES, reporter: plainReporter((t) => (log += t)) });

    expect(summary.clients.map((c) => [c.file.slice(CLIENTS.length + 1), c.status])).toEqual([
      ['aoba.yaml', 'ok'],
      ['broken-yaml.yaml', 'failed'],
      ['dangling-reference.yaml', 'failed'],
      ['hikari.yaml', 'ok'],
      ['schema-error.yaml', 'failed'],
      ['unfilled.yaml', 'failed'],
    ]);
    expect(byName(summary, 'broken-yaml.yaml').error).toMatch(new RegExp(`^${join(CLIENTS, 'broken-yaml.yaml')}:3: YAML の書き方に誤りがあります`, 'u'));
    expect(byName(summary, 'schema-error.yaml').error).toBe(`${join(CLIENTS, 'schema-error.yaml')}:6: organization.bussiness: このキーは使えません。もしかして「business」ですか？`);
    expect(byName(summary, 'dangling-reference.yaml').error).toContain('「テレワーク」（s-telework）は、回答の設定により除外されています');
    expect(byName(summary, 'unfilled.yaml').error).toMatch(/未記入の項目が3件あります[\s\S]*document\.effectiveDate[\s\S]*document\.approver[\s\S]*people\[\]\.roles: auditor: 監査・点検責任者を務める人の役職/u);

    // The house defaults (_house.yaml) are no client, and they reached both clients (the date both, the auditor the one that lists no people of its own).
    expect(tree(out)).toEqual(['manifest.json', 'あおば精機株式会社/情報セキュリティ関連規程.md', '一般社団法人ひかり協会/情報セキュリティ対策基準.md']);
    expect(readFileSync(join(out, 'あおば精機株式会社', '情報セキュリティ関連規程.md'), 'utf8')).toContain('内部監査室長が監査を行う');
    expect(readFileSync(join(out, '一般社団法人ひかり協会', '情報セキュリティ対策基準.md'), 'utf8')).toContain('監事が監査を行う');

    // The manifest: every output with the sha256 of the bytes on disk, every failure with its message.
    const manifest = manifestOf(out);
    expect(manifest.complete).toBe(true);
    const outputs = manifest.clients.flatMap((c) => c.outputs ?? []);
    expect(outputs.map((o) => o.path).sort()).toEqual(tree(out).filter((p) => p !== 'manifest.json'));
    for (const output of outputs) expect(output.sha256).toBe(sha256(join(out, output.path)));
    expect(manifest.clients.filter((c) => c.status === 'failed').map((c) => c.error?.split(':')[0])).toHaveLength(4);

    // Progress: one line per client, the failures with their file.
    expect(log.split('\n').filter((line) => /^\[\d\/6\] /u.test(line))).toHaveLength(6);
    expect(log).toContain(`失敗 ${join(CLIENTS, 'schema-error.yaml')}:6:`);
  });

  it('同じ回答からは同じ出力と同じ manifest.json（時刻を含まない）', async () => {
    const runOnce = async () => {
      const out = tempDir();
      await runBatch({ inputs: [join(CLIENTS, 'aoba.yaml'), join(CLIENTS, 'hikari.yaml')], out, formats: ['md'], draft: false, jobs: 2, templatesDir: TEMPLATES });
      return readFileSync(join(out, 'manifest.json'), 'utf8');
    };
    expect(await runOnce()).toBe(await runOnce());
  });

  it('同じ組織名の回答が 2 つあれば、どちらも書き出さず、互いのファイル名を示す', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 同名株式会社, type: company, size: small }\npeople: [{ id: audit, title: 監査役, roles: [auditor] }]\n');
    writeFileSync(join(dir, 'b.yaml'), 'kitei: 2\norganization: { name: 同名株式会社, type: company, size: small }\n');
    writeFileSync(join(dir, 'c.yaml'), 'kitei: 2\norganization: { name: 別名株式会社, type: company, size: small }\n');
    const summary = await runBatch({ inputs: [dir], out, formats: ['md'], draft: true, jobs: 1, templatesDir: TEMPLATES });
    expect(summary.clients.map((c) => c.status)).toEqual(['failed', 'failed', 'ok']);
    expect(byName(summary, 'a.yaml').error).toContain(`が ${join(dir, 'b.yaml')} と同じです`);
    expect(byName(summary, 'b.yaml').error).toContain(`が ${join(dir, 'a.yaml')} と同じです`);
    expect(existsSync(join(out, '同名株式会社'))).toBe(false);
  });

  it('ほかの回答が extends で読み込み、組織名を持たないファイルは共通の既定値として扱う', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'house.yaml'), 'kitei: 2\npeople: [{ id: audit, title: 監査役, roles: [auditor] }]\ndocument: { effectiveDate: 2026-04-01, approver: 取締役会 }\n');
    writeFileSync(join(dir, 'client.yaml'), 'extends: house.yaml\norganization: { name: 顧客株式会社, type: company, size: small }\n');
    const summary = await runBatch({ inputs: [join(dir, '*.yaml')], out: join(dir, 'out'), formats: ['md'], draft: false, jobs: 1, templatesDir: TEMPLATES });
    expect(summary.bases).toEqual([join(dir, 'house.yaml')]);
    expect(summary.clients.map((c) => [c.file, c.status])).toEqual([[join(dir, 'client.yaml'), 'ok']]);
  });

  it('ワーカーが起動できなければ（テンプレートが読めない）、全員を内部エラーとして終える（止まったままにならない）', async () => {
    const summary = await runBatch({ inputs: [join(CLIENTS, 'aoba.yaml'), join(CLIENTS, 'hikari.yaml')], out: tempDir(), formats: ['md'], draft: false, jobs: 2, templatesDir: join(tempDir(), 'no-templates') });
    expect(summary.clients.map((c) => [c.status, c.internal])).toEqual([
      ['failed', true],
      ['failed', true],
    ]);
    expect(summary.clients[0]!.error).toMatch(/内部エラー: 生成の準備に失敗しました（.*no-templates: テンプレートのディレクトリが見つかりません/u);
  });

  it('入力が見つからない・--jobs が正しくないときは使い方の誤り（終了コード 1）', async () => {
    const io = { out: () => {}, err: (t: string) => (err += t) };
    let err = '';
    expect(await run(['batch', join(tempDir(), 'nothing', '*.yaml')], io)).toBe(1);
    expect(err).toContain('に一致する回答ファイル（*.yaml / *.yml）がありません');
    expect(await run(['batch', CLIENTS, '--jobs', '0'], io)).toBe(1);
    expect(err).toContain('--jobs には 1 以上の整数を指定してください');
  });

  it('--out がファイルなら、何も生成せずに使い方の誤り（終了コード 1）', async () => {
    const file = join(tempDir(), 'not-a-directory');
    writeFileSync(file, 'x');
    let err = '';
    expect(await run(['batch', CLIENTS, '--out', file], { out: () => {}, err: (t) => (err += t) })).toBe(1);
    expect(err).toContain('はファイルです。--out には書き込めるディレクトリを指定してください');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('kitei batch: PDF のページ数', () => {
  it('一覧と manifest.json に、書き出した PDF のページ数（pdfinfo と同じ）', async () => {
    const out = tempDir();
    const summary = await runBatch({ inputs: [join(CLIENTS, 'aoba.yaml')], out, formats: ['pdf'], draft: false, jobs: 1, templatesDir: TEMPLATES });
    const client = summary.clients[0]!;
    expect(client.status).toBe('ok');
    expect(client.pages).toBeGreaterThan(0);
    expect(manifestOf(out).clients[0]!.outputs![0]).toMatchObject({ pages: client.pages });
    const info = spawnSync('pdfinfo', [join(out, client.outputs[0]!.path)], { encoding: 'utf8' });
    if (info.status === 0) expect(info.stdout).toMatch(new RegExp(`Pages:\\s+${client.pages}\\n`, 'u'));
  }, 60_000);
});

describe('kitei batch: 原子的な書き込み', () => {
  it('失敗した顧客の既存の出力はそのまま、前回の中断で残った kitei の一時ファイルは消し、ほかの .tmp は残す', async () => {
    const out = tempDir();
    const dir = join(out, '参照切れ株式会社');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '情報セキュリティ関連規程.md'), '前回の出力');
    // A temp file of a kitei run that no longer runs (pid 2^22 + 1 is above Linux's pid_max), and one of another program.
    writeFileSync(join(dir, '情報セキュリティ関連規程.md.kitei-4194305-0badc0de.tmp'), '書きかけ');
    writeFileSync(join(dir, 'old.4194305.1.tmp'), 'ほかのプログラムのもの');
    const summary = await runBatch({ inputs: [join(CLIENTS, 'dangling-reference.yaml')], out, formats: ['md'], draft: false, templatesDir: TEMPLATES });
    expect(summary.clients[0]!.status).toBe('failed');
    expect(readdirSync(dir).sort()).toEqual(['old.4194305.1.tmp', '情報セキュリティ関連規程.md']);
    expect(readFileSync(join(dir, '情報セキュリティ関連規程.md'), 'utf8')).toBe('前回の出力');
  });

  it('Ctrl+C で中断すると、書きかけのファイルを残さず、終わった分だけを manifest.json に記す（終了コード 130）', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    for (let i = 1; i <= 8; i++) writeFileSync(join(dir, `client-${i}.yaml`), `kitei: 2\norganization: { name: 顧客${i}株式会社, type: company, size: medium }\n`);
    // The real CLI from the sources, with stdout piped (not a terminal).
    const child = spawn(process.execPath, ['--import', 'tsx', join(BATCH, 'kitei-from-source.ts'), 'batch', dir, '--out', out, '--draft', '--jobs', '2'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const first = !stdout.includes('[1/8]');
        stdout += chunk.toString();
        if (first && stdout.includes('[1/8]')) child.kill('SIGINT');
      });
      child.on('exit', (exitCode) => resolve(exitCode));
    });
    expect(stderr).toBe('');
    expect(code).toBe(130);
    expect(stdout).not.toContain('\u001b['); // plain lines, no terminal control codes
    expect(stdout).toContain('中断しました');

    const manifest = manifestOf(out);
    expect(manifest.complete).toBe(false);
    const written = manifest.clients.flatMap((c) => c.outputs ?? []);
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(manifest.clients.some((c) => c.status === 'interrupted')).toBe(true);
    // Every file on disk is one the manifest vouches for: a set is moved in only with its entry; no temp file or staging folder is left.
    const files = tree(out).filter((p) => p !== 'manifest.json');
    expect(files.filter((p) => p.includes('.kitei-'))).toEqual([]);
    expect(files.sort()).toEqual(written.map((o) => o.path).sort());
    for (const output of written) expect(sha256(join(out, output.path))).toBe(output.sha256);
  }, 120_000);
});

describe('kitei batch: 進捗の表示', () => {
  it('端末でなければ 1 件 1 行、最後に一覧（CLI、終了コード 1）', async () => {
    const dir = tempDir();
    cpSync(join(CLIENTS, 'schema-error.yaml'), join(dir, 'schema-error.yaml'));
    cpSync(join(CLIENTS, '_house.yaml'), join(dir, '_house.yaml'));
    writeFileSync(join(dir, 'ok.yaml'), 'kitei: 2\norganization: { name: 例示株式会社, type: company, size: small }\n');
    let out = '';
    let err = '';
    const code = await run(['batch', dir, '--out', join(dir, 'out'), '--draft'], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).not.toContain('\u001b[');
    expect(out).toMatch(/^回答ファイル 2 件を 1 並列で生成します/u); // one client fails before it reaches a worker
    expect(out).toMatch(/\[1\/2\] (成功|失敗) /u);
    expect(out).toMatch(/\[2\/2\] (成功|失敗) .*｜残り 0 秒\n/u);
    expect(out).toMatch(/結果: 2 件中 1 件成功、1 件失敗（[\d.]+ 秒、1 並列）/u);
    expect(out).toMatch(/  成功  +- +[\d.]+ 秒  例示株式会社（/u);
    expect(out).toContain(`  ${join(dir, 'schema-error.yaml')}:6: organization.bussiness: このキーは使えません`);
    expect(out).toContain('出力の一覧（sha256 付き）:');
  }, 60_000);

  it('端末では進捗バー（件数・処理中の顧客・残り時間）', () => {
    let screen = '';
    const stream = Object.assign(Object.create(null) as NodeJS.WriteStream, {
      isTTY: true,
      columns: 120,
      write: (text: string) => ((screen += text), true),
      cursorTo: () => true,
      moveCursor: () => true,
      clearLine: () => true,
      clearScreenDown: () => true,
    });
    const reporter = barReporter(stream);
    reporter.start({ total: 2, jobs: 2, bases: [], out: 'output' });
    reporter.started('a.yaml', 'あおば精機株式会社');
    reporter.finished({ file: 'b.yaml', organization: undefined, status: 'failed', outputs: [], pages: undefined, unfilled: 0, ms: 0, error: 'b.yaml:3: YAML の書き方に誤りがあります' });
    reporter.stop();
    expect(screen).toContain('回答ファイル 2 件を 2 並列で生成します');
    expect(screen).toMatch(/生成中 [█░]+ 1\/2 件｜経過 \d+ 秒｜残り 約 \d+ 秒｜あおば精機株式会社/u);
    expect(screen).toContain('失敗 b.yaml:3: YAML の書き方に誤りがあります');
  });

  it('一覧: ページ数と時間の列がそろう', () => {
    const text = formatSummary({
      clients: [
        { file: 'a.yaml', organization: 'A社', status: 'ok', outputs: [], pages: 61, unfilled: 0, ms: 10_900 },
        { file: 'b.yaml', organization: undefined, status: 'failed', outputs: [], pages: undefined, unfilled: 0, ms: 0, error: 'b.yaml:3: 誤り' },
      ],
      formats: ['pdf'],
      bases: [],
      jobs: 2,
      ms: 12_000,
      interrupted: false,
      manifest: join(process.cwd(), 'output', 'manifest.json'),
      workerMemoryPeak: 0,
    });
    expect(text).toContain(['  状態  ページ     時間  組織（回答ファイル）', '  成功      61  10.9 秒  A社（a.yaml）', '  失敗       -        -  b.yaml'].join('\n'));
    expect(text).toContain('出力の一覧（sha256 付き）: output/manifest.json');
  });
});

describe('kitei batch: コンパイル済みの dist/ からも動く', () => {
  it('node bin/kitei.js batch は dist/bundle/worker.js をワーカーにする', () => {
    ensureBuilt();
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'kitei: 2\norganization: { name: 甲株式会社, type: company, size: medium }\n');
    writeFileSync(join(dir, 'b.yaml'), 'kitei: 2\norganization: { name: 乙協会, type: association, size: small }\n');
    const result = spawnSync(process.execPath, [KITEI_BIN, 'batch', dir, '--out', join(dir, 'out'), '--draft', '--jobs', '2'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/結果: 2 件中 2 件成功/u);
    const files = tree(join(dir, 'out'));
    // Profiles with nothing but their names: drafts, named so.
    expect(files).toContain('甲株式会社/情報セキュリティ関連規程（下書き）.md');
    expect(files).toContain('乙協会/情報セキュリティ対策基準（下書き）.md');
    const listed = manifestOf(join(dir, 'out')).clients.flatMap((c) => c.outputs!.map((o) => o.path));
    expect(listed.sort()).toEqual(files.filter((p) => p !== 'manifest.json'));
  }, 120_000);
});
