import { join } from 'node:path';
import { loadAnswersFile, type LoadOptions } from './answers/load.js';
import type { Answers } from './answers/schema.js';
import { printable } from './characters.js';
import { generate, type GenerateResult, type UnfilledValue } from './generate.js';
import { insideDirectory, newRunToken, safeFileName } from './output/files.js';
import { lockOutput } from './output/lock.js';
import { commitStaged, outputFailure, StagingWriter, type StagedSet } from './output/set.js';
import type { Document } from './model/types.js';
import { line } from './answers/common.js';
import { FORMATS, UsageError, type Format } from './render/index.js';
import { loadTemplates, type TemplateSet } from './templates/load.js';

/**
 * The IO ends of the pipeline: read an answers file, run the pure core, write the outputs. The
 * CLI (and later the wizard and batch mode) call these; none of them builds documents itself.
 */

export class UnfilledError extends Error {
  constructor(
    readonly file: string,
    readonly unfilled: readonly UnfilledValue[],
  ) {
    super(`${file}: 未記入の項目が${unfilled.length}件あります（--draft を付けると【要記入】として出力します）:\n${formatUnfilled(unfilled)}`);
  }
}

export const formatUnfilled = (unfilled: readonly UnfilledValue[]): string =>
  unfilled.map((u) => `  - ${u.key}: ${printable(u.question, { max: 200 })}`).join('\n');

/** Ctrl+C (or SIGTERM) during a build: the staging folder is gone, the client's folder as it was. */
export class BuildInterrupted extends Error {
  constructor(
    readonly outputDir: string,
    /** The folder held documents of an earlier build. */
    existed: boolean,
  ) {
    super(
      existed
        ? `中断しました。${outputDir} の文書は前回のまま変えていません（書きかけの文書は消しました）`
        : `中断しました。何も書き出していません（書きかけの文書は消しました）`,
    );
  }
}

/** Reads and validates an answers file, with the bases it names by `extends`. */
export function readAnswersFile(file: string, options: LoadOptions = {}): Answers {
  return loadAnswersFile(file, options);
}

let cachedTemplates: TemplateSet | undefined;
export const defaultTemplates = (): TemplateSet => (cachedTemplates ??= loadTemplates());

export interface BuildOptions {
  readonly out: string;
  readonly formats: readonly Format[];
  readonly draft: boolean;
  readonly templates?: TemplateSet;
  /** 乙 of the contract clauses (`--contractor`), over `companion.contract.contractor`. */
  readonly contractor?: string;
  /** Stops the build between documents (Ctrl+C); what was staged is removed. */
  readonly signal?: AbortSignal;
}

/** Formats the combined pack is written in: it is for printing and handing out, not for review. */
const PACK_FORMATS: readonly Format[] = ['docx', 'pdf'];

/** The answers with 乙 of the contract clauses named on the command line. */
export function withContractor(answers: Answers, contractor: string | undefined): Answers {
  if (contractor === undefined) return answers;
  const checked = line().safeParse(contractor.trim());
  if (!checked.success) throw new UsageError(`--contractor: ${checked.error.issues.map((i) => i.message).join('、')}`);
  return { ...answers, companion: { ...answers.companion, contract: { ...answers.companion.contract, contractor: checked.data } } };
}

export interface WrittenFile {
  /** Where the file is once the set is in: `<out>/<organization>/<name>`. */
  readonly path: string;
  readonly bytes: number;
}

export interface BuildResult {
  readonly outputDir: string;
  readonly files: readonly WrittenFile[];
  /** Documents in the folder that this build did not write (left from other answers, or put there): named, never deleted. */
  readonly stale: readonly string[];
  readonly generated: GenerateResult;
}

/** A build whose documents are all written to the staging folder, to be moved in with commitStaged (a batch's main thread does that). */
export interface StagedBuild {
  readonly outputDir: string;
  readonly set: StagedSet;
  readonly files: readonly WrittenFile[];
  readonly generated: GenerateResult;
}

/** The directory an organization's documents go to: `<out>/<organization>/`. */
export const outputDirectory = (answers: Answers, out: string): string => insideDirectory(out, safeFileName(answers.organization.name));

/** Lets a signal's handler run between two documents (a render is one long synchronous stretch). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface PreparedBuild {
  readonly generated: GenerateResult;
  readonly outputDir: string;
  readonly jobs: readonly { readonly document: Document; readonly format: Format; readonly name: string }[];
}

/** The pure part: documents generated, unfilled values refused (without --draft), file names chosen and checked. */
function prepareBuild(answers: Answers, file: string, options: BuildOptions): PreparedBuild {
  const generated = generate(withContractor(answers, options.contractor), options.templates ?? defaultTemplates());
  if (!options.draft && generated.unfilled.length) throw new UnfilledError(file, generated.unfilled);
  const outputDir = outputDirectory(answers, options.out);
  const pairs = generated.documents.flatMap((document) => options.formats.map((format) => ({ document, format })));
  if (generated.pack) for (const format of options.formats) if (PACK_FORMATS.includes(format)) pairs.push({ document: generated.pack, format });
  const names = new Map<string, string>();
  const jobs = pairs.map(({ document, format }) => {
    const name = `${safeFileName(document.meta.title, document.id)}.${FORMATS[format].extension}`;
    const clash = names.get(name.toLowerCase());
    if (clash !== undefined && clash !== document.id) {
      throw new UsageError(`${file}: 2つの文書が同じファイル名「${name}」になります。文書名（terms.documentName・companion.packTitle）を変えてください`);
    }
    names.set(name.toLowerCase(), document.id);
    // A name is one segment inside the folder, whatever the title held.
    insideDirectory(outputDir, name);
    return { document, format, name };
  });
  return { generated, outputDir, jobs };
}

/**
 * Renders every document into a staging folder inside `<out>/<organization>/`, one after another;
 * the folder itself is not changed. The staging folder is removed when anything fails (a glyph the
 * PDF fonts lack, a full disk) or the build is interrupted.
 */
async function stagePrepared({ generated, outputDir, jobs }: PreparedBuild, options: BuildOptions & { readonly token: string }): Promise<StagedBuild> {
  let writer: StagingWriter | undefined;
  try {
    writer = StagingWriter.open(outputDir, options.token);
    const files: WrittenFile[] = [];
    for (const { document, format, name } of jobs) {
      if (options.signal?.aborted) throw new BuildInterrupted(outputDir, !writer.created);
      const data = await FORMATS[format].render(document);
      writer.write(name, data);
      files.push({ path: join(outputDir, name), bytes: data.byteLength });
      await turn();
    }
    if (options.signal?.aborted) throw new BuildInterrupted(outputDir, !writer.created);
    return { outputDir, set: writer.finish(), files, generated };
  } catch (error) {
    writer?.discard();
    throw outputFailure(error, outputDir);
  }
}

/** Validated answers → every document in a staging folder, for a batch worker (the main thread holds the lock and commits). */
export async function stageAnswers(answers: Answers, file: string, options: BuildOptions & { readonly token: string }): Promise<StagedBuild> {
  return stagePrepared(prepareBuild(answers, file, options), options);
}

/**
 * Validated answers → files under `<out>/<organization>/`, as one set: staged, then moved in only
 * when every document is written (src/output/set.ts), under the lock on `--out`.
 */
export async function buildAnswers(answers: Answers, file: string, options: BuildOptions): Promise<BuildResult> {
  // Generation errors come before the lock: a wrong answers file leaves --out untouched.
  const prepared = prepareBuild(answers, file, options);
  const token = newRunToken();
  const lock = lockOutput(options.out, `kitei build ${file}`, token);
  try {
    const staged = await stagePrepared(prepared, { ...options, token });
    const { stale } = commitStaged(staged.set);
    return { outputDir: staged.outputDir, files: staged.files, stale, generated: staged.generated };
  } finally {
    lock.release();
  }
}

export async function buildFile(file: string, options: BuildOptions & LoadOptions): Promise<BuildResult> {
  return buildAnswers(readAnswersFile(file, options), file, options);
}

/** For `kitei check`: what is still unfilled (validation errors throw). */
export function checkFile(file: string, templates: TemplateSet = defaultTemplates(), options: LoadOptions = {}): readonly UnfilledValue[] {
  return generate(readAnswersFile(file, options), templates).unfilled;
}
