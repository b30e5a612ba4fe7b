import { parseJapaneseDate } from '../templates/render.js';
import { isoDate, line, text } from '../answers/common.js';
import { answersFromYaml, decodeAnswers, loadedFromYaml, readAnswersBytes } from '../answers/load.js';
import type { Answers } from '../answers/schema.js';
import { defaultTemplates, documentJobs, outputDirectory, readAnswersFile, UnfilledError, withContractor, writeDocumentSet, type OutputJob, type WrittenFile } from '../build.js';
import { generate, type GenerateResult } from '../generate.js';
import type { Document } from '../model/types.js';
import { chapterHeading } from '../transform/numbering.js';
import { insideDirectory, safeFileName, writeFileAtomic } from '../output/files.js';
import { UsageError, type Format } from '../render/index.js';
import type { ChapterKey, TemplateSet } from '../templates/load.js';
import { chapterDate, documentDate, DOCUMENT_DATE_KEYS, revisionRows, writeRevision, type RevisionEdits, type RevisionRow } from './answers-edit.js';
import { changedChapters, compareDocuments, comparisonDocument, versionLabel, type ComparisonHeader, type DocumentComparison } from './compare.js';
import { compareVersions, defaultHistoryDir, readHistory, readIssuedFile, writeIssued, type IssuedVersion, type RecordedVersion } from './history.js';

/**
 * `kitei revise`: the next version of the policy from the answers as they are now. It compares what
 * the answers make with the last issued version (recorded by `kitei build`), writes the version, the
 * 施行日, the 改訂履歴 row and the 改訂日 of the chapters that changed into the answers file, records
 * the new version, and writes the documents with a 新旧対照表 for each document that changed.
 * `kitei diff` makes the same comparison between any two answers files or records, issuing nothing.
 */

export interface RevisionRequest {
  readonly version: string;
  /** 施行日 of the new version, YYYY-MM-DD. */
  readonly date: string;
  /** 改訂の内容, for the 改訂履歴 and the header of the 新旧対照表. */
  readonly reason: string;
}

export interface RevisionPlan {
  readonly previous: IssuedVersion;
  readonly issued: IssuedVersion;
  /** The answers file with the revision written in. */
  readonly answersText: string;
  readonly answers: Answers;
  /** What the revised answers make (乙 of `--contractor` included). */
  readonly generated: GenerateResult;
  /** Every document of the two versions, compared. */
  readonly comparisons: readonly DocumentComparison[];
  /** The rulebook's chapters whose 改訂日 moved to the new date, with their headings (「4. 技術的対策」). */
  readonly revisedChapters: readonly { readonly key: ChapterKey; readonly heading: string }[];
  /** A 新旧対照表 for each document that changed. */
  readonly tables: readonly Document[];
}

const checked = <T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, option: string): T => {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`${option}: ${result.error.issues.map((i) => i.message).join('、')}`);
  return result.data;
};

/** The request checked as the answers check their own values. */
export function checkRequest(request: RevisionRequest): RevisionRequest {
  return {
    version: checked(line(), request.version.trim(), '--version'),
    date: checked(isoDate(), request.date.trim(), '--date'),
    reason: checked(text(), request.reason.trim(), '--reason'),
  };
}

/** 2026.04.01 (as a chapter's header table prints it) → 2026-04-01; anything else is not a date. */
const isoOf = (printed: string): string | undefined => parseJapaneseDate(printed);

/** The rulebook's chapters with an answers key, by chapter id. */
function chapterKeys(templates: TemplateSet): Map<string, ChapterKey> {
  const out = new Map<string, ChapterKey>();
  for (const document of templates.documents) for (const chapter of document.chapters) if (chapter.key) out.set(`chapter:${chapter.id}`, chapter.key);
  return out;
}

/** The 改訂日 each chapter with a key printed in a version. */
function printedChapterDates(documents: readonly Document[], keys: ReadonlyMap<string, ChapterKey>): Map<ChapterKey, string> {
  const out = new Map<ChapterKey, string>();
  for (const document of documents) {
    for (const block of document.children) {
      const key = block.type === 'chapter' ? keys.get(`chapter:${block.id}`) : undefined;
      const date = key && block.type === 'chapter' ? isoOf(block.revised) : undefined;
      if (key && date) out.set(key, date);
    }
  }
  return out;
}

/** The 改訂履歴 a version printed (its rows with ISO dates). */
const printedRows = (issued: IssuedVersion): RevisionRow[] => (issued.documents[0]?.meta.revisions ?? []).map((r) => ({ version: r.version, date: r.date, description: r.description }));

/** The last version issued, by 施行日. */
export function lastIssued(history: readonly RecordedVersion[], file: string, dir: string): IssuedVersion {
  const last = history[history.length - 1];
  if (!last) {
    throw new UsageError(
      `${file}: 発行した版の記録がありません（${dir}）。いまの版を kitei build ${file} で発行（記録）してから改訂してください。` +
        '記録する前に回答を変えてしまった場合は、前の回答ファイル（git の履歴など）を kitei build <前の回答ファイル> --history ' +
        `${dir} で記録してください`,
    );
  }
  return last.read();
}

/**
 * The revision, worked out without touching the disk: `source` is the answers file's text (its
 * bases are read by the loader), `history` the versions issued so far.
 */
export function planRevision(source: string, file: string, history: readonly RecordedVersion[], dir: string, request: RevisionRequest, templates: TemplateSet, contractor?: string): RevisionPlan {
  const { version, date, reason } = checkRequest(request);
  const loaded = loadedFromYaml(source, file);
  const answers = loaded.answers;
  const previous = lastIssued(history, file, dir);
  const rows = revisionRows(answers).length ? revisionRows(answers) : printedRows(previous);

  // A version and a date that move forward from every one issued or written in the 改訂履歴.
  for (const earlier of [{ version: previous.version, date: previous.effectiveDate }, ...rows]) {
    const order = compareVersions(version, earlier.version);
    if (order !== undefined && order <= 0) throw new UsageError(`--version: ${versionLabel(version)}は${versionLabel(earlier.version)}より後の版にしてください（版は戻せません）`);
    if (version === earlier.version) throw new UsageError(`--version: ${versionLabel(version)}はもう使われています`);
    if (earlier.date && date <= earlier.date) throw new UsageError(`--date: 施行日 ${date} は${versionLabel(earlier.version)}の ${earlier.date} より後の日付にしてください`);
  }

  // What changed, read with the previous 施行日: a date printed from it is no change of its own.
  const probe = generate({ ...answers, document: { ...answers.document, effectiveDate: previous.effectiveDate } }, templates);
  if (probe.unfilled.length) throw new UnfilledError(file, probe.unfilled);
  const probed = compareDocuments(previous.documents, probe.documents);
  if (probed.every((c) => c.status === 'unchanged')) {
    throw new UsageError(`${file}: ${versionLabel(previous.version)}（${previous.effectiveDate}）から変わった箇所がありません。回答を直してから改訂してください`);
  }
  const status = new Map(probed.map((c) => [c.id, c.status] as const));

  const keys = chapterKeys(templates);
  const moved = new Set<ChapterKey>();
  for (const c of probed) for (const chapter of changedChapters(c)) if (keys.has(chapter)) moved.add(keys.get(chapter)!);
  const printed = printedChapterDates(previous.documents, keys);
  const chapterRevised: Partial<Record<ChapterKey, string>> = {};
  for (const key of new Set(keys.values())) {
    if (moved.has(key)) chapterRevised[key] = date;
    // Unchanged, and following 施行日: it keeps the date it printed.
    else if (chapterDate(answers, key) === null && printed.has(key)) chapterRevised[key] = printed.get(key)!;
  }
  const documentDates: Record<string, string> = {};
  for (const id of Object.keys(DOCUMENT_DATE_KEYS)) {
    const current = documentDate(answers, id);
    // A document that changed is dated with the new 施行日, one that did not keeps the date it printed.
    if ((status.get(id) === 'changed' || status.get(id) === 'added') && typeof current === 'string') documentDates[id] = date;
    else if (status.get(id) === 'unchanged' && current === null) documentDates[id] = previous.effectiveDate;
  }
  const edits: RevisionEdits = { version, effectiveDate: date, revisions: [...rows, { version, date, description: reason }], chapterRevised, documentDates };

  const answersText = writeRevision(source, answers, edits, loaded.yaml);
  const revised = answersFromYaml(answersText, file);
  if (revised.document.version !== version || revised.document.effectiveDate !== date || revised.document.revisions.length !== edits.revisions.length) {
    throw new Error(`${file}: 回答ファイルへの書き込みを確かめられませんでした（版 ${revised.document.version}、施行日 ${String(revised.document.effectiveDate)}）`);
  }
  const generated = generate(withContractor(revised, contractor), templates);
  if (generated.unfilled.length) throw new UnfilledError(file, generated.unfilled);
  const documents = contractor === undefined ? generated.documents : generate(revised, templates).documents;
  const issued: IssuedVersion = { version, effectiveDate: date, documents };
  // Only a document that prints a date from the answers reads differently from the probe; the others'
  // comparisons (which leave out version, 施行日 and 改訂日) are the probe's.
  const dated = new Set(Object.keys(DOCUMENT_DATE_KEYS));
  const redone = new Map(
    compareDocuments(
      previous.documents.filter((d) => dated.has(d.id)),
      documents.filter((d) => dated.has(d.id)),
    ).map((c) => [c.id, c] as const),
  );
  const comparisons = probed.map((c) => redone.get(c.id) ?? c);
  const header: ComparisonHeader = {
    after: { version, effectiveDate: date },
    before: { version: previous.version, effectiveDate: previous.effectiveDate },
    reason,
    proposal: false,
  };
  const tables = comparisons.filter((c) => c.status === 'changed').map((c) => comparisonDocument(c, header));
  const revisedChapters = documents.flatMap((d) =>
    d.children.flatMap((block) => {
      const key = block.type === 'chapter' ? keys.get(`chapter:${block.id}`) : undefined;
      return block.type === 'chapter' && key && moved.has(key) ? [{ key, heading: chapterHeading(block) }] : [];
    }),
  );
  return { previous, issued, answersText, answers: revised, generated, comparisons, revisedChapters, tables };
}

export interface ReviseOptions extends RevisionRequest {
  readonly out: string;
  readonly formats: readonly Format[];
  /** Where the versions are recorded; by default next to the answers. */
  readonly history?: string;
  readonly contractor?: string;
  readonly templates?: TemplateSet;
}

export interface ReviseResult {
  readonly plan: RevisionPlan;
  readonly historyFile: string;
  readonly files: readonly WrittenFile[];
}

/** The file name of a 新旧対照表: 「情報セキュリティ関連規程 新旧対照表（第1.1版）」, or its title for a proposal. */
const tableName = (table: Document, proposal: boolean): string =>
  safeFileName(proposal ? table.meta.title : `${table.meta.title}（${versionLabel(table.meta.version)}）`, table.id);

/**
 * The revise step, from the answers file to the files: plans, renders everything, then writes the
 * documents and the 新旧対照表, the answers file, and the record of the new version, in that order.
 */
export async function reviseFile(file: string, options: ReviseOptions): Promise<ReviseResult> {
  const templates = options.templates ?? defaultTemplates();
  const dir = options.history ?? defaultHistoryDir(file);
  const source = decodeAnswers(readAnswersBytes(file), file);
  const plan = planRevision(source, file, readHistory(dir), dir, options, templates, options.contractor);
  const outputDir = outputDirectory(plan.answers, options.out);
  const jobs: OutputJob[] = [...documentJobs(plan.generated, options.formats), ...plan.tables.map((table) => ({ document: table, name: tableName(table, false), formats: options.formats }))];
  const { files } = await writeDocumentSet(jobs, outputDir, options.out, file, `kitei revise ${file}`);
  writeFileAtomic(file, plan.answersText);
  const record = writeIssued(dir, plan.issued);
  return { plan, historyFile: record, files };
}

// ---------------------------------------------------------------------------------------------------
// kitei diff

/** One side of `kitei diff`: what an answers file makes, or a recorded version. */
export interface DiffSide {
  readonly label: { readonly version: string; readonly effectiveDate: string };
  readonly documents: readonly Document[];
  readonly organization: string;
}

/** A record (`*.json` of a history) or an answers file (drafts allowed: an unfilled value reads as 【要記入】). */
export function diffSide(file: string, templates: TemplateSet): DiffSide {
  if (/\.json$/iu.test(file)) {
    const issued = readIssuedFile(file);
    return { label: { version: issued.version, effectiveDate: issued.effectiveDate }, documents: issued.documents, organization: issued.documents[0]?.meta.organization ?? '' };
  }
  const answers = readAnswersFile(file);
  const generated = generate(answers, templates);
  const rulebook = generated.documents[0]!;
  return { label: { version: rulebook.meta.version, effectiveDate: rulebook.meta.effectiveDate }, documents: generated.documents, organization: answers.organization.name };
}

export interface DiffOptions {
  readonly out: string;
  readonly formats: readonly Format[];
  readonly templates?: TemplateSet;
}

export interface DiffResult {
  readonly comparisons: readonly DocumentComparison[];
  readonly tables: readonly Document[];
  readonly files: readonly WrittenFile[];
}

/** `kitei diff old new`: the 新旧対照表（案） of every document that differs, written under the newer side's organization. */
export async function diffFiles(before: string, after: string, options: DiffOptions): Promise<DiffResult> {
  const templates = options.templates ?? defaultTemplates();
  const old = diffSide(before, templates);
  const neu = diffSide(after, templates);
  const comparisons = compareDocuments(old.documents, neu.documents);
  const header: ComparisonHeader = { after: neu.label, before: old.label, proposal: true };
  const tables = comparisons.filter((c) => c.status === 'changed').map((c) => comparisonDocument(c, header));
  if (tables.length === 0) return { comparisons, tables, files: [] };
  const outputDir = insideDirectory(options.out, safeFileName(neu.organization));
  const jobs = tables.map((table) => ({ document: table, name: tableName(table, true), formats: options.formats }));
  const { files } = await writeDocumentSet(jobs, outputDir, options.out, after, `kitei diff ${before} ${after}`);
  return { comparisons, tables, files };
}
