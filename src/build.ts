import { formatIssue, loadAnswersFile, loadAnswersFromFile, type AnswersIssue, type KeyLocation, type LoadedAnswers } from './answers/load.js';
import type { Answers } from './answers/schema.js';
import { generate, type GenerateResult, type UnfilledValue } from './generate.js';
import { insideDirectory, safeFileName, writeFileAtomic } from './output/files.js';
import { line } from './answers/common.js';
import { FORMATS, UsageError, type Format } from './render/index.js';
import type { Document } from './model/types.js';
import { planIssue, recordIssue, type IssueRecord } from './revise/issue.js';
import { loadTemplates, type TemplateSet } from './templates/load.js';

/**
 * The IO ends of the pipeline: read an answers file, run the pure core, write the outputs. The
 * CLI (and later the wizard and batch mode) call these; none of them builds documents itself.
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
      return `  - ${u.question}\n    （${u.key}${at ? `、${at.file}${at.line ? `:${at.line}` : ''}` : ''}）`;
    })
    .join('\n');

/** Contradictions found in the profile, one per line with file:line and the key. */
export const formatWarnings = (warnings: readonly AnswersIssue[]): string => warnings.map((w) => `  - ${formatIssue(w)}`).join('\n');

/** Reads and validates an answers file, with the bases it names by `extends`. */
export function readAnswersFile(file: string): Answers {
  return loadAnswersFile(file);
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
  readonly path: string;
  readonly bytes: number;
}

export interface BuildResult {
  readonly outputDir: string;
  readonly files: readonly WrittenFile[];
  readonly generated: GenerateResult;
  /** What the build did with the record of issued versions, when asked to keep it. */
  readonly issue?: IssueRecord;
}

/** A document to write in some formats, under a file name of its own (without extension). */
export interface OutputJob {
  readonly document: Document;
  readonly name: string;
  readonly formats: readonly Format[];
}

/** The directory an organization's documents go to: `<out>/<organization>/`. */
export const outputDirectory = (answers: Answers, out: string): string => insideDirectory(out, safeFileName(answers.organization.name));

/** The documents of a build and the pack, each under its own name, in the formats asked for. */
export function documentJobs(generated: GenerateResult, formats: readonly Format[]): OutputJob[] {
  const jobs: OutputJob[] = generated.documents.map((document) => ({ document, name: safeFileName(document.meta.title, document.id), formats }));
  const packFormats = formats.filter((format) => PACK_FORMATS.includes(format));
  if (generated.pack && packFormats.length) jobs.push({ document: generated.pack, name: safeFileName(generated.pack.meta.title, generated.pack.id), formats: packFormats });
  return jobs;
}

export interface RenderedFile {
  readonly path: string;
  readonly data: Uint8Array;
}

/** Renders every job into `outputDir`; two documents that would share a file name are refused. */
export async function renderJobs(jobs: readonly OutputJob[], outputDir: string, file: string): Promise<RenderedFile[]> {
  const rendered: RenderedFile[] = [];
  const names = new Map<string, string>();
  for (const { document, name: stem, formats } of jobs) {
    for (const format of formats) {
      const writer = FORMATS[format];
      const name = `${stem}.${writer.extension}`;
      const clash = names.get(name.toLowerCase());
      if (clash !== undefined && clash !== document.id) {
        throw new UsageError(`${file}: 2つの文書が同じファイル名「${name}」になります。文書名（terms.documentName・companion.packTitle）を変えてください`);
      }
      names.set(name.toLowerCase(), document.id);
      rendered.push({ path: insideDirectory(outputDir, name), data: await writer.render(document) });
    }
  }
  return rendered;
}

/** Writes rendered files, each completely or not at all. */
export function writeRendered(rendered: readonly RenderedFile[]): WrittenFile[] {
  for (const output of rendered) {
    try {
      writeFileAtomic(output.path, output.data);
    } catch (error) {
      // The file system said no (--out is a file, no permission, disk full): the user's to fix, not a bug.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      throw new UsageError(`出力先に書き込めません（${code}）: ${output.path}。--out に書き込めるディレクトリを指定してください`);
    }
  }
  return rendered.map((r) => ({ path: r.path, bytes: r.data.byteLength }));
}

/** Validated answers → files under `<out>/<organization>/`. Everything is rendered before anything is written. */
export async function buildAnswers(answers: Answers, file: string, options: BuildOptions, locate?: LoadedAnswers['locate']): Promise<BuildResult> {
  const templates = options.templates ?? templatesFor(overlaysOf(answers, options.overlays));
  const generated = generate(withContractor(answers, options.contractor), templates);
  if (!options.draft && generated.unfilled.length) throw new UnfilledError(file, generated.unfilled, locate);
  // What is issued is the documents of the answers alone: 乙 named on the command line makes one contract's copy.
  const issue =
    options.history && !options.draft
      ? planIssue(answers, options.contractor === undefined ? generated.documents : generate(answers, templates).documents, options.history.dir, options.history.reissue, file)
      : undefined;
  const outputDir = outputDirectory(answers, options.out);
  const files = writeRendered(await renderJobs(documentJobs(generated, options.formats), outputDir, file));
  if (issue) recordIssue(issue);
  return { outputDir, files, generated, ...(issue ? { issue } : {}) };
}

export async function buildFile(file: string, options: BuildOptions): Promise<BuildResult & { readonly warnings: readonly AnswersIssue[] }> {
  const loaded = loadAnswersFromFile(file);
  return { ...(await buildAnswers(loaded.answers, file, options, loaded.locate)), warnings: loaded.warnings };
}

export interface CheckResult {
  readonly unfilled: readonly UnfilledValue[];
  readonly warnings: readonly AnswersIssue[];
  readonly locate: LoadedAnswers['locate'];
}

/** For `kitei check`: what is still unfilled, and what the profile says that does not fit together (validation errors, and errors of the house templates, throw). */
export function checkFile(file: string, overlays: readonly string[] = []): CheckResult {
  const loaded = loadAnswersFromFile(file);
  return { unfilled: generate(loaded.answers, templatesFor(overlaysOf(loaded.answers, overlays))).unfilled, warnings: loaded.warnings, locate: loaded.locate };
}
