import { availableParallelism } from 'node:os';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AnswersError, loadAnswersFile } from '../answers/load.js';
import type { Answers } from '../answers/schema.js';
import { outputDirectory } from '../build.js';
import { insideDirectory, tempFileOwner, writeFileAtomic } from '../output/files.js';
import { VERSION } from '../output/version.js';
import type { Format } from '../render/index.js';
import { UsageError } from '../render/index.js';
import { batchInputs } from './inputs.js';
import { shownPath } from './progress.js';
import { BuildPool } from './pool.js';
import type { BuildTask } from './protocol.js';

/**
 * Consultant batch mode: many answers files → `<out>/<organization>/…` each, built in parallel on
 * worker threads through the same buildAnswers as `kitei build`. One bad client is reported and
 * never stops the others; a `manifest.json` records every output with its sha256.
 */

export interface BatchOptions {
  /** Answers files, directories and glob patterns. */
  readonly inputs: readonly string[];
  readonly out: string;
  readonly formats: readonly Format[];
  readonly draft: boolean;
  /** Worker threads; the number of cores when absent. */
  readonly jobs?: number;
  /** Templates directory (tests); the bundled templates when absent. */
  readonly templatesDir?: string;
  /** House-template directories for every client (`--templates`), over those each client's answers name. */
  readonly overlays?: readonly string[];
  /** Aborting stops the run: workers are stopped, their temp files removed, the manifest says so. */
  readonly signal?: AbortSignal;
  readonly reporter?: BatchReporter;
}

export interface OutputRecord {
  /** Relative to the output directory, with `/`. */
  readonly path: string;
  readonly format: Format;
  readonly bytes: number;
  readonly sha256: string;
  readonly pages?: number;
}

export type ClientStatus = 'ok' | 'failed' | 'interrupted';

export interface ClientResult {
  readonly file: string;
  readonly organization: string | undefined;
  readonly status: ClientStatus;
  readonly outputs: readonly OutputRecord[];
  /** PDF pages over all documents; undefined without PDF output or when a count cannot be read. */
  readonly pages: number | undefined;
  /** Values left as 【要記入】 (draft builds). */
  readonly unfilled: number;
  /** Wall time of this client's build in milliseconds (0 when it failed before building). */
  readonly ms: number;
  readonly error?: string;
  readonly internal?: boolean;
}

export interface BatchSummary {
  readonly clients: readonly ClientResult[];
  readonly formats: readonly Format[];
  readonly bases: readonly string[];
  readonly jobs: number;
  readonly ms: number;
  readonly interrupted: boolean;
  readonly manifest: string;
  /** Largest memory (V8 heap + buffers) one worker reported, in bytes. */
  readonly workerMemoryPeak: number;
}

export interface BatchStart {
  readonly total: number;
  readonly jobs: number;
  readonly bases: readonly string[];
  readonly out: string;
}

/** Progress of a run: a terminal bar or plain lines (src/batch/progress.ts). */
export interface BatchReporter {
  start(info: BatchStart): void;
  /** A client went to a worker. */
  started(file: string, organization: string): void;
  /** A client is done (built, failed or interrupted). */
  finished(result: ClientResult): void;
  stop(): void;
}

const MANIFEST = 'manifest.json';

export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs には 1 以上の整数を指定してください（指定: ${value}）`);
  return jobs;
}

interface Loaded {
  readonly file: string;
  readonly answers: Answers;
  readonly outputDir: string;
}

const failed = (file: string, error: string, organization?: string, internal = false): ClientResult => ({
  file,
  organization,
  status: 'failed',
  outputs: [],
  pages: undefined,
  unfilled: 0,
  ms: 0,
  error,
  internal,
});

/** Two clients whose output directories would be the same (also on case-insensitive file systems). */
const directoryKey = (dir: string): string => dir.normalize('NFC').toLowerCase();

/** Removes writeFileAtomic's temp files in `dir` left by `owner` (this run), or by processes no longer running. */
function removeTempFiles(dir: string, owner?: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = tempFileOwner(name);
    if (pid === undefined) continue;
    if (owner !== undefined ? pid === owner : !isRunning(pid)) rmSync(join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const silentReporter: BatchReporter = { start() {}, started() {}, finished() {}, stop() {} };

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const reporter = options.reporter ?? silentReporter;
  const { clients, bases } = batchInputs(options.inputs);
  // An --out that names a file would fail every client and then the manifest: say so once, up front.
  if (statSync(options.out, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new UsageError(`出力先 ${options.out} はファイルです。--out には書き込めるディレクトリを指定してください`);
  }
  const manifest = insideDirectory(options.out, MANIFEST);
  const results = new Map<string, ClientResult>();
  const finish = (result: ClientResult) => {
    results.set(result.file, result);
    reporter.finished(result);
  };

  // Answers are read here, not in the workers: two clients writing to one directory must be
  // caught before either writes.
  const loaded: Loaded[] = [];
  const deferred: ClientResult[] = [];
  for (const file of clients) {
    try {
      const answers = loadAnswersFile(file);
      loaded.push({ file, answers, outputDir: outputDirectory(answers, options.out) });
    } catch (error) {
      deferred.push(
        error instanceof AnswersError ? failed(file, error.message) : failed(file, `${file}: 内部エラー: ${error instanceof Error ? error.message : String(error)}`, undefined, true),
      );
    }
  }
  const byDirectory = new Map<string, Loaded[]>();
  for (const client of loaded) {
    const key = directoryKey(client.outputDir);
    byDirectory.set(key, [...(byDirectory.get(key) ?? []), client]);
  }
  const buildable: Loaded[] = [];
  for (const client of loaded) {
    const sharing = byDirectory.get(directoryKey(client.outputDir))!.filter((other) => other !== client);
    const where = shownPath(client.outputDir);
    if (sharing.length) {
      deferred.push(
        failed(
          client.file,
          `${client.file}: organization.name「${client.answers.organization.name}」の出力先 ${where}${sep} が ${sharing.map((o) => o.file).join('、')} と同じです。上書きしないよう、どちらも書き出していません（組織名を区別するか、別々の出力先で実行してください）`,
          client.answers.organization.name,
        ),
      );
    } else if (directoryKey(client.outputDir) === directoryKey(manifest)) {
      deferred.push(failed(client.file, `${client.file}: 出力先 ${where} は一覧ファイル ${MANIFEST} と同じ名前になるため書き出せません`, client.answers.organization.name));
    } else {
      buildable.push(client);
    }
  }

  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), buildable.length || 1));
  reporter.start({ total: clients.length, jobs, bases, out: options.out });
  for (const result of deferred) finish(result);

  let workerMemoryPeak = 0;
  let interrupted = options.signal?.aborted ?? false;
  if (buildable.length && !interrupted) {
    for (const client of buildable) removeTempFiles(client.outputDir);
    const pool = new BuildPool(jobs, { templatesDir: options.templatesDir });
    const aborted = new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
    const builds = buildable.map(async (client, id) => {
      const organization = client.answers.organization.name;
      const task: BuildTask = {
        id,
        file: client.file,
        answers: client.answers,
        out: options.out,
        formats: options.formats,
        draft: options.draft,
        overlays: options.overlays ?? [],
      };
      // A client's own time counts from when a worker takes it, not from when it was queued.
      let taken = 0;
      const reply = await pool.run(task, () => {
        taken = performance.now();
        reporter.started(client.file, organization);
      });
      // Replies that arrive while an interrupted run stops its workers still count: their files are complete.
      workerMemoryPeak = Math.max(workerMemoryPeak, reply.workerMemory);
      if (!reply.ok) {
        finish(failed(client.file, reply.error, organization, reply.internal));
        return;
      }
      const outputs = reply.files.map(
        (file): OutputRecord => ({
          path: relative(options.out, file.path).split(sep).join('/'),
          format: file.format,
          bytes: file.bytes,
          sha256: file.sha256,
          ...(file.pages !== undefined ? { pages: file.pages } : {}),
        }),
      );
      const pdfs = reply.files.filter((file) => (file.format as string) === 'pdf');
      finish({
        file: client.file,
        organization,
        status: 'ok',
        outputs,
        pages: pdfs.length && pdfs.every((file) => file.pages !== undefined) ? pdfs.reduce((sum, file) => sum + file.pages!, 0) : undefined,
        unfilled: reply.unfilled,
        ms: performance.now() - taken,
      });
    });
    await Promise.race([Promise.all(builds), aborted]);
    if (options.signal?.aborted) {
      interrupted = true;
      await pool.terminate();
      // A worker stopped between writing a temp file and renaming it leaves that temp file.
      for (const client of buildable) removeTempFiles(client.outputDir, process.pid);
    } else {
      await pool.close();
    }
  }
  for (const client of buildable) {
    if (!results.has(client.file)) finish({ ...failed(client.file, `${client.file}: 中断しました`, client.answers.organization.name), status: 'interrupted' });
  }
  reporter.stop();

  const ordered = clients.map((file) => results.get(file)!);
  writeFileAtomic(manifest, `${JSON.stringify(manifestOf(ordered, options, interrupted), null, 2)}\n`);
  return { clients: ordered, formats: options.formats, bases, jobs, ms: performance.now() - started, interrupted, manifest, workerMemoryPeak };
}

/** The manifest holds no times or absolute paths: the same answers give the same manifest. */
function manifestOf(clients: readonly ClientResult[], options: BatchOptions, interrupted: boolean) {
  return {
    generator: `kitei ${VERSION}`,
    formats: options.formats,
    draft: options.draft,
    complete: !interrupted,
    clients: clients.map((client) => ({
      source: client.file.split(sep).join('/'),
      organization: client.organization ?? null,
      status: client.status,
      ...(client.status === 'ok' ? { outputs: client.outputs } : { error: client.error }),
    })),
  };
}
