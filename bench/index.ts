/**
 * `npm run bench`: figures for kitei's speed and memory, printed, never asserted (the machine and
 * its load decide them). Runs the compiled CLI (dist/, as users run it):
 *  1. one cold build per format per example: a fresh `kitei build` process each (every document
 *     of the example: the rulebook and its companion documents);
 *  2. LibreOffice converting those docx files to PDF, the side-by-side reference (a ratio to our PDF);
 *  3. batch throughput for generated clients (100 by default) at --jobs 1 and 2, with peak RSS;
 *  4. LibreOffice converting the batch's docx files in one process, as a ratio to the batch.
 * Options: --clients N, --formats docx,pdf (batch), --no-libreoffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const KITEI = join(ROOT, 'bin', 'kitei.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const CLIENTS = Number(option('clients', '100'));
const BATCH_FORMATS = option('formats', 'docx,pdf');
const LIBREOFFICE = !args.includes('--no-libreoffice') && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const TARGET_BATCH_SECONDS = 40;
/** Clients whose docx LibreOffice converts for the batch reference (it is slow; the figure is scaled). */
const LO_SAMPLE = 10;
const TARGET_RSS_PER_WORKER = 250 * 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'kitei-bench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} 秒`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} 倍`;
const verdict = (ok: boolean) => (ok ? '目標内' : '目標超過');

function timed(command: string, argv: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} が失敗しました:\n${result.stderr}`);
  return performance.now() - started;
}

/** LibreOffice with its own profile, so that it never meets another soffice on the machine. */
const PROFILE = `-env:UserInstallation=file://${join(work, 'lo-profile')}`;
const libreOffice = (outDir: string, files: readonly string[]) => timed('soffice', [PROFILE, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files]);

const examples = readdirSync(join(ROOT, 'answers'))
  .filter((name) => name.endsWith('.yaml') && !name.startsWith('_'))
  .sort()
  .map((name) => join(ROOT, 'answers', name));
const formats = (await import(pathToFileURL(join(ROOT, 'dist', 'render', 'index.js')).href)).FORMAT_NAMES as string[];

console.log(`kitei bench — ${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}、Node ${process.version}、作業ディレクトリ ${work}`);
console.log('（数値は表示するだけで判定はしません。ほかの処理が動いていると遅く出ます）\n');

// 1 + 2. Cold documents, and LibreOffice on the same docx.
console.log('1. 例ごとに 1 形式ずつ（毎回新しいプロセス、起動を含む。規程と付随する文書のすべて）');
const NAME_WIDTH = Math.max(...examples.map((example) => basename(example, '.yaml').length));
const header = ['例'.padEnd(NAME_WIDTH - 1), ...formats.map((f) => f.padStart(8)), ...(LIBREOFFICE ? ['  LibreOffice docx→pdf', '  対 kitei pdf'] : [])];
console.log(`   ${header.join('  ')}`);
if (LIBREOFFICE) {
  // The first conversion creates LibreOffice's profile: done once outside the timings.
  const warmup = join(work, 'lo-warmup');
  timed(process.execPath, [KITEI, 'build', examples[0]!, '--format', 'docx', '--draft', '--out', warmup]);
  const docx = readdirSync(warmup, { recursive: true }).map(String).find((name) => name.endsWith('.docx'))!;
  libreOffice(warmup, [join(warmup, docx)]);
}
for (const example of examples) {
  const out = join(work, 'cold', basename(example, '.yaml'));
  const times = new Map(formats.map((format) => [format, timed(process.execPath, [KITEI, 'build', example, '--format', format, '--draft', '--out', out])]));
  const cells = formats.map((format) => seconds(times.get(format)!).padStart(8));
  if (LIBREOFFICE) {
    // Every docx of the example (the rulebook and its companion documents), as kitei's PDF run makes every PDF.
    const docx = readdirSync(out, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.docx'))
      .map((name) => join(out, name));
    if (docx.length && times.has('pdf')) {
      const lo = libreOffice(join(work, 'lo-cold'), docx);
      cells.push(seconds(lo).padStart(21), ratio(lo, times.get('pdf')!).padStart(12));
    }
  }
  console.log(`   ${basename(example, '.yaml').padEnd(NAME_WIDTH)}  ${cells.join('  ')}`);
}

// 3. Batch throughput.
const clientsDir = join(work, 'clients');
mkdirSync(clientsDir);
// Clients are the examples under names of their own (北浜あおば精機株式会社, 南丘…): new characters in
// every client's documents, as real clients' names bring, rather than a number on one name.
const NAME_FIRST = '北南東西桜梅松竹霧鶴';
const NAME_SECOND = '浜丘川沢原台崎谷森島';
for (let i = 0; i < CLIENTS; i++) {
  const example = examples[i % examples.length]!;
  const doc = parseDocument(readFileSync(example, 'utf8'));
  const number = String(i + 1).padStart(3, '0');
  const prefix = `${NAME_FIRST[i % 10]}${NAME_SECOND[Math.floor(i / 10) % 10]}${i >= 100 ? Math.floor(i / 100) : ''}`;
  doc.setIn(['organization', 'name'], `${prefix}${String(doc.getIn(['organization', 'name']))}`);
  writeFileSync(join(clientsDir, `client-${number}.yaml`), doc.toString());
}

interface BatchFigures {
  ms: number;
  cpuMs: number;
  ok: number;
  failed: string[];
  pages: number;
  workerMemoryPeak: number;
  maxRss: number;
}

// The main thread alone (Node, the CLI's modules): what every run pays besides its workers.
const baseline =
  Number(
    execFileSync(process.execPath, ['-e', `import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)}).then(() => process.stdout.write(String(process.resourceUsage().maxRSS)))`], {
      encoding: 'utf8',
    }),
  ) * 1024;

console.log(`\n2. 一括生成（kitei batch、${CLIENTS} 件、--format ${BATCH_FORMATS}、--draft）`);
const batches = new Map<number, BatchFigures>();
for (const jobs of [1, 2]) {
  const out = join(work, `batch-${jobs}`);
  const line = execFileSync(process.execPath, [join(ROOT, 'bench', 'batch-child.mjs'), clientsDir, out, BATCH_FORMATS, String(jobs)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const figures = JSON.parse(line) as BatchFigures;
  batches.set(jobs, figures);
  console.log(
    `   --jobs ${jobs}: ${seconds(figures.ms)}（1 件あたり ${seconds(figures.ms / CLIENTS)}、${(CLIENTS / (figures.ms / 1000)).toFixed(2)} 件/秒、PDF 計 ${figures.pages} ページ）` +
      `、成功 ${figures.ok} 件${figures.failed.length ? `、失敗 ${figures.failed.length} 件: ${figures.failed[0]}` : ''}`,
  );
  console.log(`             CPU 時間 ${seconds(figures.cpuMs)}（${jobs} コアを専有できたときの目安 ${seconds(figures.cpuMs / jobs)}）`);
  console.log(
    `             プロセスの最大 RSS ${megabytes(figures.maxRss)}（メインスレッドのみ ${megabytes(baseline)} を除くとワーカーあたり ${megabytes((figures.maxRss - baseline) / jobs)}）、ワーカー 1 つのヒープ+バッファの最大 ${megabytes(figures.workerMemoryPeak)}`,
  );
}
const one = batches.get(1)!;
const two = batches.get(2)!;
console.log(`   並列化の効果: --jobs 2 の所要時間は --jobs 1 の ${ratio(two.ms, one.ms)}。ワーカーを 1 つ増やすと最大 RSS は ${megabytes(two.maxRss - one.maxRss)} 増える`);
const scaled = (two.ms / CLIENTS) * 100;
const perWorker = Math.max((one.maxRss - baseline) / 1, (two.maxRss - baseline) / 2);
console.log(`   目標（2 コア）: 100 件 ${BATCH_FORMATS} ≤ ${TARGET_BATCH_SECONDS} 秒 → ${seconds(scaled)}（${verdict(scaled <= TARGET_BATCH_SECONDS * 1000)}、CPU 時間からの目安 ${seconds((two.cpuMs / 2 / CLIENTS) * 100)}）`);
console.log(`                   最大 RSS ≤ 250 MB/ワーカー → ${megabytes(perWorker)}/ワーカー（メインスレッド分を除いた大きいほう、${verdict(perWorker <= TARGET_RSS_PER_WORKER)}）`);

// 4. LibreOffice on the batch's docx files: a sample of clients (all their documents), scaled.
if (LIBREOFFICE && BATCH_FORMATS.split(',').includes('docx')) {
  const sample = readdirSync(join(work, 'batch-2'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .slice(0, LO_SAMPLE);
  // Clients share file names: copied flat under unique names, so that each conversion leaves its own PDF.
  const flat = join(work, 'lo-batch-in');
  mkdirSync(flat);
  const docx = sample.flatMap((client, index) =>
    readdirSync(join(work, 'batch-2', client))
      .filter((name) => name.endsWith('.docx'))
      .map((name) => {
        const copy = join(flat, `${String(index).padStart(3, '0')}-${name}`);
        copyFileSync(join(work, 'batch-2', client, name), copy);
        return copy;
      }),
  );
  const loOut = join(work, 'lo-batch');
  const lo = libreOffice(loOut, docx);
  const converted = readdirSync(loOut).filter((name) => name.endsWith('.pdf')).length;
  const loAll = (lo / sample.length) * CLIENTS;
  console.log(
    `\n3. 参考: LibreOffice（1 プロセス）で ${sample.length} 件分の docx ${docx.length} ファイルを PDF に変換: ${seconds(lo)}（PDF ${converted} ファイル、${CLIENTS} 件なら約 ${seconds(loAll)}）`,
  );
  console.log(`   kitei batch --jobs 2（docx と PDF の両方を生成）との比: LibreOffice の PDF 変換だけで ${ratio(loAll, two.ms)}の時間`);
} else if (!LIBREOFFICE) {
  console.log('\n3. LibreOffice（soffice）が見つからないため、比較を省きました');
}

rmSync(work, { recursive: true, force: true });
