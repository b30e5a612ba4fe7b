/**
 * `npm run bench:pdf`: the rulebook PDF of the example company, as users make it — a fresh
 * `kitei build --format pdf` process each time (compiled CLI in dist/) — side by side with
 * LibreOffice converting our own docx of the same answers to PDF. Prints the median cold time, the
 * ratio to LibreOffice, pages, peak RSS and file size against the targets. Figures only, never
 * asserted: the machine and its load decide them.
 *
 *   npm run bench:pdf [-- answers.yaml] [--runs N] [--no-libreoffice]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = join(import.meta.dirname, '..');
const KITEI = join(ROOT, 'bin', 'kitei.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const RUNS = Math.max(5, Number(option('runs', '7')));
const EXAMPLE = args.find((a) => a.endsWith('.yaml')) ?? join(ROOT, 'answers', 'aoba-seiki.yaml');
const TARGET = { seconds: 1.0, ratio: 0.5, bytes: 400 * 1024 };

const median = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} 秒`;
const verdict = (ok: boolean) => (ok ? '目標内' : '目標超過');

if (!existsSync(join(ROOT, 'dist', 'render', 'pdf', 'index.js'))) {
  console.error('dist/ がありません。先に npm run build を実行してください。');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'kitei-bench-pdf-'));

// The rulebook is what is measured: the same answers with the companion documents (policy, forms,
// contract clauses, pack, the two My Number documents) switched off, so that the process writes
// the rulebook alone.
const ANSWERS = join(work, 'answers.yaml');
{
  const doc = parseDocument(readFileSync(EXAMPLE, 'utf8'));
  for (const key of ['basicPolicy', 'contractClauses', 'vendorChecklist', 'exitChecklist', 'sharingChecksheet', 'assetLedger', 'pack']) {
    doc.setIn(['companion', 'outputs', key], false);
  }
  doc.setIn(['options', 'myNumber'], false);
  writeFileSync(ANSWERS, doc.toString());
}
// Reports the child's peak RSS when it exits (resourceUsage is per process; spawnSync has no rusage).
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nKITEI_MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

/** One cold CLI run: wall time and the child's peak RSS. */
function kitei(format: string, out: string, draft: boolean): { ms: number; rssKb: number; status: number | null; stderr: string } {
  const argv = ['--import', RSS_HOOK, KITEI, 'build', ANSWERS, '--format', format, '--out', out, ...(draft ? ['--draft'] : [])];
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - started;
  const rssKb = Number(/KITEI_MAXRSS_KB=(\d+)/u.exec(r.stderr)?.[1] ?? 0);
  return { ms, rssKb, status: r.status, stderr: r.stderr.replace(/\n?KITEI_MAXRSS_KB=\d+\n?/u, '') };
}

const findFile = (dir: string, ext: string, stem?: string): string | undefined => {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(ext));
  const chosen = files.find((f) => (stem ? basename(f).startsWith(stem) : true)) ?? files[0];
  return chosen && join(dir, chosen);
};

const pageCount = (file: string): number => {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.status === 0) return Number(/^Pages:\s+(\d+)/mu.exec(info.stdout)?.[1] ?? 0);
  return (readFileSync(file).toString('latin1').match(/\/Type \/Page\b/gu) ?? []).length;
};

console.log(`kitei bench:pdf — ${cpus()[0]?.model ?? 'CPU'} × ${availableParallelism()}、Node ${process.version}`);
console.log(`回答ファイル: ${EXAMPLE}（関連文書の出力を切った写しで測定、コールド起動 ${RUNS} 回の中央値）\n`);

// A complete answers file builds as is; an example with gaps still builds as a draft.
let draft = false;
const probe = kitei('pdf', join(work, 'probe'), false);
if (probe.status === 1 && /未記入/u.test(probe.stderr)) draft = true;
else if (probe.status !== 0) throw new Error(`kitei build が失敗しました:\n${probe.stderr}`);
if (draft) console.log('（未記入の項目があるため --draft で生成します）');

const runs = Array.from({ length: RUNS }, (_, i) => {
  const r = kitei('pdf', join(work, `pdf-${i}`), draft);
  if (r.status !== 0) throw new Error(`kitei build が失敗しました:\n${r.stderr}`);
  return r;
});
const times = runs.map((r) => r.ms);
const written = readdirSync(join(work, 'pdf-0'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.pdf'));
const pdfFile = findFile(join(work, 'pdf-0'), '.pdf', '情報セキュリティ関連規程')!;
const bytes = statSync(pdfFile).size;
const pages = pageCount(pdfFile);
const peakRss = Math.max(...runs.map((r) => r.rssKb));
const pdfMedian = median(times);

// Where the time goes, in one warm process: the pipeline (templates → model) and the PDF writer.
const dist = (p: string) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
const { readAnswersFile } = await dist('build.js');
const { generate } = await dist('generate.js');
const { loadTemplates } = await dist('templates/load.js');
const t0 = performance.now();
const doc = generate(readAnswersFile(ANSWERS), loadTemplates()).documents.find((d: { id: string }) => d.id === 'rulebook');
const t1 = performance.now();
const { renderPdf } = await dist('render/pdf/index.js');
const t2 = performance.now();
await renderPdf(doc);
const t3 = performance.now();
await renderPdf(doc);
const t4 = performance.now();

console.log(`kitei build --format pdf（毎回新しいプロセス、書き出す PDF ${written.length} 件: ${written.map((f) => basename(f, '.pdf')).join('、')}）`);
console.log(`  中央値 ${sec(pdfMedian)}（最小 ${sec(Math.min(...times))}、最大 ${sec(Math.max(...times))}）  目標 ≤ ${TARGET.seconds} 秒: ${verdict(pdfMedian <= TARGET.seconds * 1000)}`);
console.log(`  ${pages} ページ、${(bytes / 1024).toFixed(0)} KB（${bytes.toLocaleString('ja-JP')} バイト）  目標 ≤ 400 KB: ${verdict(bytes <= TARGET.bytes)}`);
console.log(`  最大 RSS ${(peakRss / 1024).toFixed(0)} MB`);
console.log(
  `  内訳（1 プロセス内）: テンプレート→モデル ${sec(t1 - t0)}、PDF writer の読み込み ${sec(t2 - t1)}、PDF 描画 初回 ${sec(t3 - t2)}・2 回目 ${sec(t4 - t3)}`,
);

// LibreOffice on our own docx of the same answers.
const formats = (await dist('render/index.js')).FORMAT_NAMES as string[];
const skipLibreOffice = args.includes('--no-libreoffice');
const libreOffice = !skipLibreOffice && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (skipLibreOffice) {
  console.log('\nLibreOffice との比較: --no-libreoffice のため省きました');
} else if (!formats.includes('docx')) {
  console.log('\nLibreOffice との比較: docx 形式がまだ登録されていないため省きました');
} else if (!libreOffice) {
  console.log('\nLibreOffice との比較: soffice が見つからないため省きました（apt-get install libreoffice-writer-nogui）');
} else {
  const docxRun = kitei('docx', join(work, 'docx'), draft);
  if (docxRun.status !== 0) throw new Error(`docx の生成に失敗しました:\n${docxRun.stderr}`);
  const docx = findFile(join(work, 'docx'), '.docx', '情報セキュリティ関連規程')!;
  // Its own profile, created before timing, so that runs are cold processes on a warm profile.
  const profile = `-env:UserInstallation=${pathToFileURL(join(work, 'lo-profile')).href}`;
  const convert = (out: string) => {
    const started = performance.now();
    execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'ignore' });
    return performance.now() - started;
  };
  convert(join(work, 'lo-warmup'));
  const loRuns = Math.max(3, Math.min(RUNS, 5));
  const loTimes = Array.from({ length: loRuns }, (_, i) => convert(join(work, `lo-${i}`)));
  const loMedian = median(loTimes);
  const loPdf = findFile(join(work, 'lo-0'), '.pdf')!;
  console.log(`\nLibreOffice（soffice --headless --convert-to pdf、docx は kitei が生成、${loRuns} 回の中央値）`);
  console.log(`  中央値 ${sec(loMedian)}、${pageCount(loPdf)} ページ、${(statSync(loPdf).size / 1024).toFixed(0)} KB`);
  const ratio = pdfMedian / loMedian;
  console.log(`  kitei の PDF は LibreOffice の ${ratio.toFixed(2)} 倍の時間  目標 ≤ ${TARGET.ratio} 倍: ${verdict(ratio <= TARGET.ratio)}`);
}

rmSync(work, { recursive: true, force: true });
