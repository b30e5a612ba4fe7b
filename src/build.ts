import { join } from 'node:path';
import { formatIssue, loadAnswersFromFile, type AnswersIssue, type KeyLocation, type LoadedAnswers, type LoadOptions } from './answers/load.js';
import type { Answers } from './answers/schema.js';
import { printable } from './characters.js';
import { asDraftSet, generate, type GenerateResult, type UnfilledValue } from './generate.js';
import { insideDirectory, newRunToken, safeFileName } from './output/files.js';
import { lockOutput } from './output/lock.js';
import { commitStaged, outputFailure, StagingWriter, type StagedSet } from './output/set.js';
import type { Document } from './model/types.js';
import { line } from './answers/common.js';
import { FORMATS, UsageError, type Format } from './render/index.js';
import { planIssue, recordIssue, type IssueRecord } from './revise/issue.js';
import { loadTemplates, type TemplateSet } from './templates/load.js';

/**
 * The IO ends of the pipeline: read an answers file, run the pure core, write the outputs. The
 * CLI, the wizard, batch mode and `kitei revise` call these; none of them builds documents itself.
 */

export class UnfilledError extends Error {
  constructor(
    readonly file: string,
    readonly unfilled: readonly UnfilledValue[],
    locate?: (key: string) => KeyLocation,
  ) {
    super(`${file}: 未記入の項目が${unfilled.length}件あります（--draft を付けると【要記入】として出力します）:\n${formatUnfilled(unfilled, locate)}`);
  }
}

/** The question first (what a person answers), then where it goes in the answers file. */
export const formatUnfilled = (unfilled: readonly UnfilledValue[], locate?: (key: string) => KeyLocation): string =>
  unfilled
    .map((u) => {
      const at = locate?.(u.key);
      return `  - ${printable(u.question, { max: 200 })}\n    （${printable(u.key, { max: 100 })}${at ? `、${at.file}${at.line ? `:${at.line}` : ''}` : ''}）`;
    })
    .join('\n');

/** Contradictions found in the profile, one per line with file:line and the key. */
export const formatWarnings = (warnings: readonly AnswersIssue[]): string => warnings.map((w) => `  - ${formatIssue(w)}`).join('\n');

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
  return loadAnswersFromFile(file, options).answers;
}

let cachedTemplates: TemplateSet | undefined;
export const defaultTemplates = (): TemplateSet => (cachedTemplates ??= loadTemplates());

/**
 * The house-template directories a build lays over kitei's templates, farthest first: those the
 * answers name (`templates:` along the `extends` chain), then those of the command line
 * (`--templates`), which are nearest and win.
 */
export const overlaysOf = (answers: Answers, extra: readonly string[] = []): string[] => [...[answers.templates].flat(), ...extra];

/** kitei's templates with the overlays laid over them (read now: an overlay may have been edited since the last build). */
export const templatesFor = (overlays: readonly string[]): TemplateSet => (overlays.length ? loadTemplates(undefined, overlays) : defaultTemplates());

export interface BuildOptions {
  readonly out: string;
  readonly formats: readonly Format[];
  readonly draft: boolean;
  /** Exactly this template set, whatever the answers name (tests, batch workers); otherwise kitei's with the overlays below. */
  readonly templates?: TemplateSet;
  /** House-template directories given on the command line, laid over those the answers name. */
  readonly overlays?: readonly string[];
  /** 乙 of the contract clauses (`--contractor`), over `companion.contract.contractor`. */
  readonly contractor?: string;
  /**
   * Record what a build that is not a draft issues (`kitei build`): in `dir`, one file per version.
   * A version recorded with other content is refused unless `reissue` (a fix before it took effect).
   */
  readonly history?: { readonly dir: string; readonly reissue: boolean };
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
  /** What the build did with the record of issued versions, when asked to keep it. */
  readonly issue?: IssueRecord;
}

/** A build whose documents are all written to the staging folder, to be moved in with commitStaged (a batch's main thread does that). */
export interface StagedBuild {
  readonly outputDir: string;
  readonly set: StagedSet;
  readonly files: readonly WrittenFile[];
  readonly generated: GenerateResult;
}

/** A document to write in some formats, under a file name of its own (without extension). */
export interface OutputJob {
  readonly document: Document;
  readonly name: string;
  readonly formats: readonly Format[];
}

/** The directory an organization's documents go to: `<out>/<organization>/`. */
export const outputDirectory = (answers: Answers, out: string): string => insideDirectory(out, safeFileName(answers.organization.name));

/** A document's file name without extension: its title, and for a draft 「（下書き）」, beside (never over) the adopted documents. */
const fileStem = (document: Document): string => safeFileName(document.meta.draft ? `${document.meta.title}（下書き）` : document.meta.title, document.id);

/** The documents of a build and the pack, each under its own name, in the formats asked for. */
export function documentJobs(generated: GenerateResult, formats: readonly Format[]): OutputJob[] {
  const jobs: OutputJob[] = generated.documents.map((document) => ({ document, name: fileStem(document), formats }));
  const packFormats = formats.filter((format) => PACK_FORMATS.includes(format));
  if (generated.pack && packFormats.length) jobs.push({ document: generated.pack, name: fileStem(generated.pack), formats: packFormats });
  return jobs;
}

/** One file to render: a document in one format, under its file name in the client's folder. */
interface FileJob {
  readonly document: Document;
  readonly format: Format;
  readonly name: string;
}

/** File names for the jobs, checked: two documents may not share one, and a name is one segment inside the folder. */
function fileJobs(jobs: readonly OutputJob[], outputDir: string, file: string): FileJob[] {
  const names = new Map<string, string>();
  return jobs.flatMap(({ document, name: stem, formats }) =>
    formats.map((format) => {
      const name = `${stem}.${FORMATS[format].extension}`;
      const clash = names.get(name.toLowerCase());
      if (clash !== undefined && clash !== document.id) {
        throw new UsageError(`${file}: 2つの文書が同じファイル名「${name}」になります。文書名（terms.documentName・documents.packTitle）を変えてください`);
      }
      names.set(name.toLowerCase(), document.id);
      insideDirectory(outputDir, name);
      return { document, format, name };
    }),
  );
}

/** Lets a signal's handler run between two documents (a render is one long synchronous stretch). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Renders every file into a staging folder inside `<out>/<organization>/`, one after another; the
 * folder itself is not changed. The staging folder is removed when anything fails (a glyph the PDF
 * fonts lack, a full disk) or the run is interrupted.
 */
async function stageFiles(outputDir: string, jobs: readonly FileJob[], token: string, signal: AbortSignal | undefined): Promise<{ set: StagedSet; files: WrittenFile[] }> {
  let writer: StagingWriter | undefined;
  try {
    writer = StagingWriter.open(outputDir, token);
    const files: WrittenFile[] = [];
    for (const { document, format, name } of jobs) {
      if (signal?.aborted) throw new BuildInterrupted(outputDir, !writer.created);
      const data = await FORMATS[format].render(document);
      writer.write(name, data);
      files.push({ path: join(outputDir, name), bytes: data.byteLength });
      await turn();
    }
    if (signal?.aborted) throw new BuildInterrupted(outputDir, !writer.created);
    return { set: writer.finish(), files };
  } catch (error) {
    writer?.discard();
    throw outputFailure(error, outputDir);
  }
}

/** A 新旧対照表 is a record of what the board approved: left in the folder, never reported as a leftover. */
const isComparison = (name: string): boolean => name.includes('新旧対照表');

/**
 * Writes documents under `<out>/<organization>/` as one set: staged, then moved in only when every
 * file is written (src/output/set.ts), under the lock on `--out`. `label` names the run in the lock.
 */
export async function writeDocumentSet(
  jobs: readonly OutputJob[],
  outputDir: string,
  out: string,
  file: string,
  label: string,
  signal?: AbortSignal,
): Promise<{ files: WrittenFile[]; stale: string[] }> {
  const files = fileJobs(jobs, outputDir, file);
  const token = newRunToken();
  const lock = lockOutput(out, label, token);
  try {
    const staged = await stageFiles(outputDir, files, token, signal);
    const { stale } = commitStaged(staged.set);
    return { files: staged.files, stale: stale.filter((name) => !isComparison(name)) };
  } finally {
    lock.release();
  }
}

/** The pure part: documents generated, unfilled values refused (without --draft). */
function prepare(answers: Answers, file: string, options: BuildOptions, locate?: LoadedAnswers['locate']): { generated: GenerateResult; templates: TemplateSet } {
  const templates = options.templates ?? templatesFor(overlaysOf(answers, options.overlays));
  const made = generate(withContractor(answers, options.contractor), templates);
  if (!options.draft && made.unfilled.length) throw new UnfilledError(file, made.unfilled, locate);
  return { generated: options.draft ? asDraftSet(made) : made, templates };
}

/** Validated answers → every document in a staging folder, for a batch worker (the main thread holds the lock and commits). */
export async function stageAnswers(answers: Answers, file: string, options: BuildOptions & { readonly token: string }): Promise<StagedBuild> {
  const { generated } = prepare(answers, file, options);
  const outputDir = outputDirectory(answers, options.out);
  const { set, files } = await stageFiles(outputDir, fileJobs(documentJobs(generated, options.formats), outputDir, file), options.token, options.signal);
  return { outputDir, set, files, generated };
}

/**
 * Validated answers → files under `<out>/<organization>/`, as one set. A build that is not a draft
 * records what it issues when asked (`history`); the record is written once the documents are in.
 */
export async function buildAnswers(answers: Answers, file: string, options: BuildOptions, locate?: LoadedAnswers['locate']): Promise<BuildResult> {
  // Generation errors come before the lock: a wrong answers file leaves --out untouched.
  const { generated, templates } = prepare(answers, file, options, locate);
  // What is issued is the documents of the answers alone: 乙 named on the command line makes one contract's copy.
  const issue =
    options.history && !options.draft
      ? planIssue(answers, options.contractor === undefined ? generated.documents : generate(answers, templates).documents, options.history.dir, options.history.reissue, file)
      : undefined;
  const outputDir = outputDirectory(answers, options.out);
  const { files, stale } = await writeDocumentSet(documentJobs(generated, options.formats), outputDir, options.out, file, `kitei build ${file}`, options.signal);
  if (issue) recordIssue(issue);
  return { outputDir, files, stale, generated, ...(issue ? { issue } : {}) };
}

export async function buildFile(file: string, options: BuildOptions & LoadOptions): Promise<BuildResult & { readonly warnings: readonly AnswersIssue[] }> {
  const loaded = loadAnswersFromFile(file, options);
  return { ...(await buildAnswers(loaded.answers, file, options, loaded.locate)), warnings: loaded.warnings };
}

export interface CheckResult {
  readonly unfilled: readonly UnfilledValue[];
  readonly warnings: readonly AnswersIssue[];
  readonly locate: LoadedAnswers['locate'];
}

/** For `kitei check`: what is still unfilled, and what the profile says that does not fit together (validation errors, and errors of the house templates, throw). */
export function checkFile(file: string, overlays: readonly string[] = [], options: LoadOptions = {}): CheckResult {
  const loaded = loadAnswersFromFile(file, options);
  return { unfilled: generate(loaded.answers, templatesFor(overlaysOf(loaded.answers, overlays))).unfilled, warnings: loaded.warnings, locate: loaded.locate };
}
