import { availableParallelism } from 'node:os';
import { lstatSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Answers } from '../answers/schema.js';
import { insideDirectory, newRunToken, writeFileAtomic } from '../output/files.js';
import { lockOutput } from '../output/lock.js';
import { commitStaged, discardStaged, OutputError, outputFailure, recoverLeftovers, removeIfEmpty } from '../output/set.js';
import { VERSION } from '../output/version.js';
import type { Format } from '../render/index.js';
import { UsageError } from '../render/index.js';
import { batchInputs, inputFiles } from './inputs.js';
import { shownPath } from './progress.js';
import { BuildPool } from './pool.js';
import type { BuildTask, LoadReply } from './protocol.js';

/**
 * Consultant batch mode: many answers files → `<out>/<organization>/…` each, read and built in
 * parallel on worker threads through the same code as `kitei build`. One bad client is reported and
 * never stops the others; a `manifest.json` records every output with its sha256.
 *
 * The main thread reads no answers file (a slow one holds only its worker, and Ctrl+C is handled at
 * once): it holds the lock on --out, decides which inputs are bases and which clients would share
 * a folder, and moves each client's finished set in from its staging folder. The manifest says
 * `"complete": false` from before the first client is written until the run has ended.
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
  /** Aborting stops the run: workers are stopped, their staging folders removed, the manifest says so. */
  readonly signal?: AbortSignal;
  readonly reporter?: BatchReporter;
  /** The folder `extends:` may read from (`--extends-root`); each client's own folder when absent. */
  readonly extendsRoot?: string;
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
  /** Documents in the client's folder that this run did not write (relative to --out, with `/`): named, never deleted. */
  readonly stale?: readonly string[];
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
  /** Why the final manifest could not be written (the one on disk then still says `"complete": false`). */
  readonly manifestError?: string;
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

const silentReporter: BatchReporter = { start() {}, started() {}, finished() {}, stop() {} };

const relativeTo = (out: string, path: string): string => relative(out, path).split(sep).join('/');

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const reporter = options.reporter ?? silentReporter;
  const files = inputFiles(options.inputs);
  // An --out that names a file would fail every client and then the manifest: say so once, up front.
  if (statSync(options.out, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new UsageError(`出力先 ${options.out} はファイルです。--out には書き込めるディレクトリを指定してください`);
  }
  const manifest = insideDirectory(options.out, MANIFEST);
  const token = newRunToken();
  const lock = lockOutput(options.out, `kitei batch（${files.length} 件）`, token);
  let pool: BuildPool | undefined;
  try {
    recoverLeftovers(options.out);
    const results = new Map<string, ClientResult>();
    const writeManifest = (clients: readonly ClientResult[], complete: boolean) =>
      writeFileAtomic(manifest, `${JSON.stringify(manifestOf(clients, options, complete), null, 2)}\n`, token);
    // Before any client is written, the manifest of an earlier run stops vouching for the folder.
    try {
      writeManifest([], false);
    } catch (error) {
      throw outputFailure(error, manifest, false);
    }
    const finish = (result: ClientResult) => {
      results.set(result.file, result);
      reporter.finished(result);
      try {
        writeManifest(
          files.flatMap((file) => results.get(file) ?? []),
          false,
        );
      } catch {
        // The manifest on disk still says "complete": false; the final write reports the problem.
      }
    };

    let interrupted = options.signal?.aborted ?? false;
    const aborted = new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
    pool = interrupted ? undefined : new BuildPool(Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length)), { templatesDir: options.templatesDir });

    // Every file is read in a worker, all of them before any build: which inputs are bases, and
    // which clients would share a folder, is known only once all are read.
    const loads = new Map<string, LoadReply>();
    if (pool) {
      const reading = Promise.all(
        files.map((file, id) => pool!.run({ kind: 'load', id, file, out: options.out, extendsRoot: options.extendsRoot }).then((reply) => loads.set(file, reply))),
      );
      await Promise.race([reading, aborted]);
      interrupted ||= options.signal?.aborted ?? false;
    }
    if (interrupted) {
      for (const file of files) results.set(file, { ...failed(file, `${file}: 中断しました`), status: 'interrupted' });
      reporter.stop();
      return end(files, [], interrupted, 0, pool?.size ?? 1);
    }

    const { clients, bases } = batchInputs(files, new Map(files.map((file) => [file, loads.get(file)!.peek])));
    const loaded: Loaded[] = [];
    const deferred: ClientResult[] = [];
    for (const file of clients) {
      const reply = loads.get(file)!;
      if (reply.ok) loaded.push({ file, answers: reply.answers, outputDir: reply.outputDir });
      else deferred.push(failed(file, reply.error, undefined, reply.internal));
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

    const jobs = Math.max(1, Math.min(pool!.size, buildable.length || 1));
    pool!.shrink(jobs);
    reporter.start({ total: clients.length, jobs, bases, out: options.out });
    for (const result of deferred) finish(result);

    let workerMemoryPeak = 0;
    // A client folder this run makes and leaves empty (its build failed or was stopped) is removed at the end.
    const existed = new Map(buildable.map((client) => [client.outputDir, lstatSync(client.outputDir, { throwIfNoEntry: false }) !== undefined]));
    const builds = buildable.map(async (client, id) => {
      const organization = client.answers.organization.name;
      const task: BuildTask = {
        kind: 'build',
        id,
        file: client.file,
        answers: client.answers,
        out: options.out,
        formats: options.formats,
        draft: options.draft,
        overlays: options.overlays ?? [],
        token,
      };
      // A client's own time counts from when a worker takes it, not from when it was queued.
      let taken = 0;
      const reply = await pool!.run(task, () => {
        taken = performance.now();
        reporter.started(client.file, organization);
      });
      workerMemoryPeak = Math.max(workerMemoryPeak, reply.workerMemory);
      if (!reply.ok) {
        finish(failed(client.file, reply.error, organization, reply.internal));
        return;
      }
      // A set that arrives after Ctrl+C is not moved in: the run stops as it was asked to.
      if (options.signal?.aborted) {
        discardStaged(reply.staged);
        return;
      }
      let stale: readonly string[];
      try {
        stale = commitStaged(reply.staged).stale.map((name) => relativeTo(options.out, `${client.outputDir}${sep}${name}`));
      } catch (error) {
        const why = outputFailure(error, client.outputDir);
        finish(failed(client.file, `${client.file}: ${why instanceof Error ? why.message : String(why)}`, organization, !(why instanceof OutputError)));
        return;
      }
      const outputs = reply.files.map(
        (file): OutputRecord => ({
          path: relativeTo(options.out, file.path),
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
        ...(stale.length ? { stale } : {}),
      });
    });
    await Promise.race([Promise.all(builds), aborted]);
    interrupted ||= options.signal?.aborted ?? false;
    await pool!.terminate();
    pool = undefined;
    // What stopped workers (Ctrl+C, a crash) left: this run's staging folders, and folders it made for nothing.
    for (const client of buildable) {
      recoverLeftovers(client.outputDir, token);
      if (!existed.get(client.outputDir)) removeIfEmpty(client.outputDir);
    }
    for (const client of buildable) {
      if (!results.has(client.file)) results.set(client.file, { ...failed(client.file, `${client.file}: 中断しました`, client.answers.organization.name), status: 'interrupted' });
    }
    reporter.stop();
    return end(clients, bases, interrupted, workerMemoryPeak, jobs);

    function end(shown: readonly string[], baseFiles: readonly string[], stopped: boolean, memory: number, jobs: number): BatchSummary {
      const ordered = shown.map((file) => results.get(file)!);
      let manifestError: string | undefined;
      try {
        writeManifest(ordered, !stopped);
      } catch (error) {
        const why = outputFailure(error, manifest, false);
        manifestError = `一覧 ${MANIFEST} を書き出せませんでした（出力先の ${MANIFEST} は "complete": false のままです）: ${why instanceof Error ? why.message : String(why)}`;
      }
      return {
        clients: ordered,
        formats: options.formats,
        bases: baseFiles,
        jobs,
        ms: performance.now() - started,
        interrupted: stopped,
        manifest,
        workerMemoryPeak: memory,
        ...(manifestError ? { manifestError } : {}),
      };
    }
  } finally {
    await pool?.terminate();
    lock.release();
  }
}

/**
 * The manifest holds no times or absolute paths: the same answers give the same manifest.
 * `complete` is true only in the one written when the run has ended without being interrupted.
 */
function manifestOf(clients: readonly ClientResult[], options: BatchOptions, complete: boolean) {
  return {
    generator: `kitei ${VERSION}`,
    formats: options.formats,
    draft: options.draft,
    complete,
    clients: clients.map((client) => ({
      source: client.file.split(sep).join('/'),
      organization: client.organization ?? null,
      status: client.status,
      ...(client.status === 'ok' ? { outputs: client.outputs, ...(client.stale?.length ? { stale: client.stale } : {}) } : { error: client.error }),
    })),
  };
}
