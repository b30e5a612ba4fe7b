/**
 * `npm run bench`: kitei's speed and memory against the targets of issue 17, printed as one table
 * with the machine and the Node.js version. Figures are printed, never asserted: the machine and its
 * load decide them, so every comparison is measured in the same run, the two commands in turn
 * (A B A B …), and read as a median of the pairs. Everything runs the CLI as users run it
 * (bin/kitei.js, the bundle in dist/), one fresh process per run.
 *
 *  1. the whole pack of the example company (md, docx and pdf: every document and the pack), cold,
 *     against a bare `node -e 0`; and `--format md` alone for reference;
 *  2. every PDF of the example (`--format pdf`) against LibreOffice converting the same set of .docx
 *     files in one process;
 *  3. the batch of generated clients (100 by default) in docx and pdf with --jobs 2;
 *  4. `kitei revise` (documents and 新旧対照表) against `kitei build` of the same revised answers.
 *
 * Options: --runs N (pairs per comparison, default 7), --clients N, --no-libreoffice, --no-batch,
 * --kitei <bin/kitei.js of another checkout> (to compare builds with the same harness),
 * --node <node binary> (run kitei, and the bare `node -e 0`, with another Node.js than the bench's own).
 * CPU times of the child processes come from /proc/self/stat (Linux); elsewhere they are left out.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const KITEI = resolve(option('kitei', join(import.meta.dirname, '..', 'bin', 'kitei.js')));
/** The Node.js that runs kitei (and the bare `node -e 0` it is compared with): this one unless --node names another. */
const NODE = option('node', process.execPath);
const NODE_VERSION = NODE === process.execPath ? process.version : execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim();
/** The majors package.json's engines names (scripts/node-majors.mjs): figures under another Node.js are not the project's. */
const SUPPORTED_MAJORS = execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'node-majors.mjs')], { encoding: 'utf8' }).trim().split(' ');
const supported = SUPPORTED_MAJORS.includes(NODE_VERSION.replace(/^v(\d+)\..*$/u, '$1'));
const ROOT = join(dirname(KITEI), '..');
const RUNS = Math.max(3, Number(option('runs', '7')));
const CLIENTS = Number(option('clients', '100'));
const EXAMPLE = join(ROOT, 'answers', 'aoba-seiki.yaml');
const LIBREOFFICE = !args.includes('--no-libreoffice') && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const BATCH = !args.includes('--no-batch');

const TARGET = {
  packSeconds: 1.0,
  packMegabytes: 180,
  packToNode: 12,
  pdfToLibreOffice: 0.3,
  batchSeconds: 30,
  batchMegabytesPerWorker: 250,
  comparisonSeconds: 0.2,
};

const work = mkdtempSync(join(tmpdir(), 'kitei-bench-'));
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// ── measuring one process ────────────────────────────────────────────────────────────────────

/** CPU seconds of the children this process has waited for (Linux: cutime + cstime), or undefined. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return undefined;
  }
}

/** A Node.js child reports its own peak RSS when it exits. */
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nKITEI_BENCH_MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  readonly wall: number;
  readonly cpu: number | undefined;
  /** Peak RSS in bytes (Node.js children only). */
  readonly rss: number | undefined;
}

function run(command: string, argv: readonly string[], cwd = ROOT): Run {
  const node = command === NODE;
  const before = childrenCpu();
  const started = performance.now();
  const result = spawnSync(command, node ? ['--import', RSS_HOOK, ...argv] : argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - started) / 1000;
  const after = childrenCpu();
  if (result.status !== 0) throw new Error(`${basename(command)} ${argv.join(' ')} が失敗しました（終了コード ${result.status}）:\n${result.stderr}`);
  const rss = /KITEI_BENCH_MAXRSS_KB=(\d+)/u.exec(result.stderr)?.[1];
  return { wall, cpu: before !== undefined && after !== undefined ? after - before : undefined, rss: rss ? Number(rss) * 1024 : undefined };
}

/** A and B in turn, after one unmeasured run of each; setup (unmeasured) before every run. */
function pairs(a: () => Run, b: () => Run, count = RUNS): { a: Run[]; b: Run[] } {
  a();
  b();
  const out = { a: [] as Run[], b: [] as Run[] };
  for (let i = 0; i < count; i++) {
    out.a.push(a());
    out.b.push(b());
  }
  return out;
}

const ratios = (p: { a: Run[]; b: Run[] }, of: (r: Run) => number | undefined): number | undefined => {
  const values = p.a.map((r, i) => [of(r), of(p.b[i]!)] as const);
  return values.every(([x, y]) => x !== undefined && y !== undefined && y > 0) ? median(values.map(([x, y]) => x! / y!)) : undefined;
};
const medianOf = (list: readonly Run[], of: (r: Run) => number | undefined): number | undefined => {
  const values = list.map(of);
  return values.every((v) => v !== undefined) ? median(values as number[]) : undefined;
};

// ── the table ────────────────────────────────────────────────────────────────────────────────

interface Row {
  readonly what: string;
  readonly value: string;
  readonly target: string;
  /** undefined: no target (a figure for reference). */
  readonly ok?: boolean;
}
const rows: Row[] = [];
const seconds = (s: number | undefined) => (s === undefined ? '—' : `${s.toFixed(2)} 秒`);
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '—' : `${Math.round(bytes / 1024 / 1024)} MB`);
const times = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(2)} 倍`);
const add = (what: string, value: string, target = '—', ok?: boolean) => rows.push({ what, value, target, ...(ok === undefined ? {} : { ok }) });
const within = (x: number | undefined, limit: number) => (x === undefined ? undefined : x <= limit);

const kitei = (...argv: string[]) => () => run(NODE, [KITEI, ...argv]);
const build = (format: string, out: string) => kitei('build', EXAMPLE, '--format', format, '--out', out, '--no-history');

// 1. The whole pack, and md alone, against `node -e 0`.
process.stderr.write('1/4 一式のコールド実行 …\n');
const pack = pairs(build('md,docx,pdf', join(work, 'pack')), () => run(NODE, ['-e', '0']));
const packWall = medianOf(pack.a, (r) => r.wall);
const packRss = Math.max(...pack.a.map((r) => r.rss ?? 0));
add('一式 md・docx・pdf（例の会社、コールド）の所要時間 中央値', seconds(packWall), `≤ ${TARGET.packSeconds.toFixed(1)} 秒`, within(packWall, TARGET.packSeconds));
add('　同 CPU 時間 中央値', seconds(medianOf(pack.a, (r) => r.cpu)));
add('　同 最大 RSS', megabytes(packRss), `≤ ${TARGET.packMegabytes} MB`, within(packRss / 1024 / 1024, TARGET.packMegabytes));
add('　同 node -e 0 との比（所要時間、交互に測った組ごとの中央値）', times(ratios(pack, (r) => r.wall)), `≤ ${TARGET.packToNode} 倍`, within(ratios(pack, (r) => r.wall), TARGET.packToNode));
add('　同 node -e 0 との比（CPU 時間）', times(ratios(pack, (r) => r.cpu)));
add('　node -e 0 の所要時間 中央値', seconds(medianOf(pack.b, (r) => r.wall)));
const mdOnly = pairs(build('md', join(work, 'md')), () => run(NODE, ['-e', '0']));
add('md のみ（参考）の所要時間 中央値・node -e 0 との比', `${seconds(medianOf(mdOnly.a, (r) => r.wall))}・${times(ratios(mdOnly, (r) => r.wall))}`);

// 2. Every PDF against LibreOffice converting the same .docx files (the documents and the pack).
if (LIBREOFFICE) {
  process.stderr.write('2/4 PDF と LibreOffice …\n');
  const docxDir = join(work, 'docx');
  run(NODE, [KITEI, 'build', EXAMPLE, '--format', 'docx', '--out', docxDir, '--no-history']);
  const docx = readdirSync(docxDir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.docx'))
    .map((name) => join(docxDir, name));
  // Its own profile, made in the unmeasured first run, so that it never meets another soffice on the machine.
  const profile = `-env:UserInstallation=file://${join(work, 'lo-profile')}`;
  const pdf = pairs(build('pdf', join(work, 'pdf')), () => run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(work, 'lo'), ...docx]));
  const pdfs = readdirSync(join(work, 'pdf'), { recursive: true }).filter((name) => String(name).endsWith('.pdf')).length;
  add(`PDF すべて（${pdfs} 冊）の所要時間 中央値・LibreOffice（docx ${docx.length} 個を 1 プロセスで）`, `${seconds(medianOf(pdf.a, (r) => r.wall))}・${seconds(medianOf(pdf.b, (r) => r.wall))}`);
  const wall = ratios(pdf, (r) => r.wall);
  const cpu = ratios(pdf, (r) => r.cpu);
  add('　kitei ÷ LibreOffice（所要時間、交互に測った組ごとの中央値）', times(wall), `≤ ${TARGET.pdfToLibreOffice} 倍`, within(wall, TARGET.pdfToLibreOffice));
  add('　kitei ÷ LibreOffice（CPU 時間）', times(cpu), `≤ ${TARGET.pdfToLibreOffice} 倍`, within(cpu, TARGET.pdfToLibreOffice));
} else {
  add('PDF と LibreOffice の比', '（soffice がないか --no-libreoffice のため省略）', `≤ ${TARGET.pdfToLibreOffice} 倍`);
}

// 3. The batch: generated clients (the examples under names of their own, so that every client brings new characters).
if (BATCH) {
  process.stderr.write(`3/4 一括生成 ${CLIENTS} 件 …\n`);
  const examples = readdirSync(join(ROOT, 'answers'))
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
    .sort()
    .map((name) => join(ROOT, 'answers', name));
  const clients = join(work, 'clients');
  mkdirSync(clients);
  const FIRST = '北南東西桜梅松竹霧鶴';
  const SECOND = '浜丘川沢原台崎谷森島';
  for (let i = 0; i < CLIENTS; i++) {
    const doc = parseDocument(readFileSync(examples[i % examples.length]!, 'utf8'));
    const prefix = `${FIRST[i % 10]}${SECOND[Math.floor(i / 10) % 10]}${i >= 100 ? Math.floor(i / 100) : ''}`;
    doc.setIn(['organization', 'name'], `${prefix}${String(doc.getIn(['organization', 'name']))}`);
    writeFileSync(join(clients, `client-${String(i + 1).padStart(3, '0')}.yaml`), doc.toString());
  }
  // The main thread alone (Node.js and the CLI's modules): what the run holds besides its workers.
  const mainOnly = Number(execFileSync(NODE, ['--input-type=module', '-e', `await import(${JSON.stringify(join(ROOT, 'dist', 'batch', 'run.js'))}); process.stdout.write(String(process.resourceUsage().maxRSS))`], { encoding: 'utf8' })) * 1024;
  const line = execFileSync(NODE, [join(import.meta.dirname, 'batch-child.mjs'), ROOT, clients, join(work, 'batch'), 'docx,pdf', '2'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const batch = JSON.parse(line) as { ms: number; cpuMs: number; ok: number; failed: string[]; pages: number; workerMemoryPeak: number; maxRss: number };
  if (batch.failed.length) throw new Error(`一括生成で ${batch.failed.length} 件が失敗しました: ${batch.failed[0]}`);
  const perWorker = (batch.maxRss - mainOnly) / 2;
  add(`一括生成 ${CLIENTS} 件 docx・pdf（--jobs 2、PDF 計 ${batch.pages} ページ）`, seconds(batch.ms / 1000), `≤ ${TARGET.batchSeconds} 秒（100 件）`, within((batch.ms / 1000 / CLIENTS) * 100, TARGET.batchSeconds));
  add('　同 CPU 時間（全スレッド）', seconds(batch.cpuMs / 1000));
  add('　同 ワーカーあたりの RSS（プロセスの最大 RSS からメインスレッド分を除いて 2 で割る）', megabytes(perWorker), `≤ ${TARGET.batchMegabytesPerWorker} MB`, within(perWorker / 1024 / 1024, TARGET.batchMegabytesPerWorker));
  add('　同 ワーカー 1 つのヒープと外部メモリの最大', megabytes(batch.workerMemoryPeak));
}

// 4. A revision: `kitei revise` makes the documents and the 新旧対照表; `kitei build` the same documents.
process.stderr.write('4/4 新旧対照表 …\n');
{
  const source = join(work, 'revise-source');
  mkdirSync(join(source, 'answers'), { recursive: true });
  const answers = join(source, 'answers', 'aoba-seiki.yaml');
  cpSync(EXAMPLE, answers);
  run(NODE, [KITEI, 'build', answers, '--format', 'md', '--out', join(source, 'out')]);
  // A revision that changes tables and removes a section: another antivirus product, no telework.
  const text = readFileSync(answers, 'utf8');
  const telework = /^telework:\n(?:(?: {2}.*| *#.*)?\n)+/mu.exec(text)?.[0];
  if (!text.includes('Microsoft Defender for Endpoint') || !telework) throw new Error('例の回答が変わりました: bench/index.ts の改訂の内容を直してください');
  writeFileSync(answers, text.replaceAll('Microsoft Defender for Endpoint', 'ESET PROTECT Essentials').replace(telework, 'telework: none\n\n'));
  let round = 0;
  let folder = '';
  const revise = () => {
    // Every run revises version 1.0 afresh: a copy of the folder as it was before any revision.
    folder = join(work, `revise-${round++}`);
    cpSync(source, folder, { recursive: true });
    return run(NODE, [KITEI, 'revise', join(folder, 'answers', 'aoba-seiki.yaml'), '--version', '1.1', '--date', '2027-04-01', '--reason', 'ウイルス対策ソフトの変更・テレワークの廃止', '--out', join(folder, 'out')]);
  };
  // The answers as `kitei revise` left them (version 1.1 written in), built without recording.
  const rebuild = () => run(NODE, [KITEI, 'build', join(folder, 'answers', 'aoba-seiki.yaml'), '--out', join(folder, 'build'), '--format', 'md,docx,pdf', '--no-history']);
  const revised = pairs(revise, rebuild, Math.max(3, Math.min(RUNS, 5)));
  const tables = readdirSync(join(folder, 'out'), { recursive: true }).filter((name) => String(name).includes('新旧対照表')).length;
  const extra = median(revised.a.map((r, i) => r.wall - revised.b[i]!.wall));
  add(`新旧対照表（${tables} ファイル）で増える時間: kitei revise − kitei build（組ごとの差の中央値）`, seconds(extra), `≤ ${TARGET.comparisonSeconds} 秒`, within(extra, TARGET.comparisonSeconds));
  add('　kitei revise・kitei build の所要時間 中央値', `${seconds(medianOf(revised.a, (r) => r.wall))}・${seconds(medianOf(revised.b, (r) => r.wall))}`);
}

// ── print ────────────────────────────────────────────────────────────────────────────────────

const kiteiVersion = existsSync(join(ROOT, 'package.json')) ? (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version : '?';
console.log(`kitei ${kiteiVersion} bench — ${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}、メモリ ${Math.round(totalmem() / 1024 ** 3)} GB、Node.js ${NODE_VERSION}（${process.platform}）`);
if (!supported) console.log(`※ Node.js ${NODE_VERSION} は package.json の engines の対象外です。対応する版（${SUPPORTED_MAJORS.join('・')}）で測るには -- --node <その node> を付けてください`);
console.log(`比べる 2 つは交互に ${RUNS} 組（新旧対照表は ${Math.max(3, Math.min(RUNS, 5))} 組）、各 1 回の慣らしの後。ほかの処理が動いていると遅く出ます（判定は表示だけ）\n`);
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? '目標内' : '目標超過');
const table = [['項目', '測定値', '目標', '判定'], ...rows.map((r) => [r.what, r.value, r.target, verdict(r.ok)])];
console.log(table.map((cells, i) => `| ${cells.join(' | ')} |${i === 0 ? '\n| --- | --- | --- | --- |' : ''}`).join('\n'));

rmSync(work, { recursive: true, force: true });
