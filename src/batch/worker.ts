import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { AnswersError, decodeAnswers, loadAnswersFile, parseAnswersYaml, readAnswersBytes } from '../answers/load.js';
import { baseFileOf } from '../answers/read.js';
import { BuildInterrupted, defaultTemplates, outputDirectory, overlaysOf, stageAnswers, UnfilledError } from '../build.js';
import { OutputError } from '../output/set.js';
import { FORMAT_NAMES, FORMATS, UsageError, type Format } from '../render/index.js';
import { MissingGlyphError } from '../render/pdf/errors.js';
import { formatTemplateIssue, loadTemplates, OverlayError, type TemplateSet } from '../templates/load.js';
import { TemplateError } from '../templates/parse.js';
import { ReferenceError } from '../transform/xref.js';
import { pdfPageCount } from './pdf-pages.js';
import type { BuildReply, BuildTask, LoadReply, LoadTask, OutputFile, Peek, WorkerInit, WorkerMessage, WorkerTask } from './protocol.js';

/**
 * One batch worker: a long-lived thread that reads clients' answers files and builds them, one
 * task after another, through the same code as `kitei build`. Templates are read once here, and
 * the writers' module-level caches (fonts) fill on the first document and serve every later one.
 */

const init = workerData as WorkerInit;
const templates = init.templatesDir ? loadTemplates(init.templatesDir) : defaultTemplates();

/** Template sets with house templates, by their directories: clients of one office share one set for the run. */
const overlaid = new Map<string, TemplateSet>();

function templatesOf(task: BuildTask): TemplateSet {
  const overlays = overlaysOf(task.answers, task.overlays);
  if (overlays.length === 0) return templates;
  const key = overlays.join('\u0000');
  let set = overlaid.get(key);
  if (!set) {
    // A faulty overlay throws here, and fails this client only.
    set = loadTemplates(init.templatesDir, overlays);
    overlaid.set(key, set);
  }
  return set;
}
const formatOfExtension = new Map<string, Format>(FORMAT_NAMES.map((name) => [`.${FORMATS[name].extension}`, name] as const));

/** Shown in the summary: the first unfilled keys, not all eighty. */
const UNFILLED_SHOWN = 5;

function describe(error: unknown, file: string): { error: string; internal: boolean } {
  if (error instanceof UnfilledError) {
    const shown = error.unfilled.slice(0, UNFILLED_SHOWN).map((u) => `  - ${u.key}: ${u.question}`);
    const more = error.unfilled.length - shown.length;
    return {
      error: [
        `${file}: 未記入の項目が${error.unfilled.length}件あります（--draft を付けると【要記入】付きの下書きとして書き出します。一覧: kitei check ${file}）`,
        ...shown,
        ...(more > 0 ? [`  …ほか${more}件`] : []),
      ].join('\n'),
      internal: false,
    };
  }
  if (error instanceof AnswersError) return { error: error.message, internal: false };
  if (error instanceof OverlayError) return { error: `${file}: 独自テンプレートに誤りがあります:\n${error.issues.map((issue) => `  ${formatTemplateIssue(issue)}`).join('\n')}`, internal: false };
  if (error instanceof UsageError) return { error: error.message.startsWith(`${file}:`) ? error.message : `${file}: ${error.message}`, internal: false };
  if (error instanceof ReferenceError || error instanceof MissingGlyphError || error instanceof OutputError || error instanceof BuildInterrupted) {
    return { error: `${file}: ${error.message}`, internal: false };
  }
  if (error instanceof TemplateError) return { error: `${file}: 内部エラー（テンプレート）: ${error.message}`, internal: true };
  return { error: `${file}: 内部エラー: ${error instanceof Error ? error.message : String(error)}`, internal: true };
}

const workerMemory = (): number => {
  const usage = process.memoryUsage();
  return usage.heapTotal + usage.external;
};

/** What `file` says of itself (src/batch/inputs.ts decides from it which inputs are only bases); a file that cannot be read names its organization, as far as the batch is concerned. */
function peek(file: string): Peek {
  try {
    const { data } = parseAnswersYaml(decodeAnswers(readAnswersBytes(file, { file, line: undefined, key: '' }), file).replace(/^\ufeff/u, ''), file);
    if (typeof data !== 'object' || data === null) return { base: undefined, named: false };
    const record = data as { extends?: unknown; organization?: { name?: unknown } };
    return {
      base: typeof record.extends === 'string' ? resolve(baseFileOf(file, record.extends)) : undefined,
      named: typeof record.organization === 'object' && record.organization !== null && record.organization.name !== undefined,
    };
  } catch {
    return { base: undefined, named: true };
  }
}

function load(task: LoadTask): LoadReply {
  const seen = peek(task.file);
  try {
    const answers = loadAnswersFile(task.file, task.extendsRoot !== undefined ? { extendsRoot: task.extendsRoot } : {});
    return { kind: 'load', id: task.id, ok: true, peek: seen, answers, outputDir: outputDirectory(answers, task.out) };
  } catch (error) {
    return { kind: 'load', id: task.id, ok: false, peek: seen, ...describe(error, task.file) };
  }
}

async function build(task: BuildTask): Promise<BuildReply> {
  try {
    const result = await stageAnswers(task.answers, task.file, { out: task.out, formats: task.formats, draft: task.draft, templates: templatesOf(task), token: task.token });
    // Hash what is on disk, so the manifest vouches for the files as written.
    const files = result.files.map((written, i): OutputFile => {
      const data = readFileSync(join(result.set.staging, result.set.names[i]!));
      const format: Format = formatOfExtension.get(extname(written.path)) ?? task.formats[0]!;
      return {
        path: written.path,
        format,
        bytes: data.byteLength,
        sha256: createHash('sha256').update(data).digest('hex'),
        pages: (format as string) === 'pdf' ? pdfPageCount(data) : undefined,
      };
    });
    return {
      kind: 'build',
      id: task.id,
      ok: true,
      outputDir: result.outputDir,
      staged: result.set,
      files,
      unfilled: result.generated.unfilled.length,
      workerMemory: workerMemory(),
    };
  } catch (error) {
    return { kind: 'build', id: task.id, ok: false, ...describe(error, task.file), workerMemory: workerMemory() };
  }
}

parentPort!.on('message', (task: WorkerTask) => {
  if (task.kind === 'load') parentPort!.postMessage(load(task) satisfies WorkerMessage);
  else void build(task).then((reply) => parentPort!.postMessage(reply satisfies WorkerMessage));
});
parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
