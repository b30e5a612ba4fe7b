import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Document } from '../model/types.js';
import { safeFileName, writeFileAtomic } from '../output/files.js';

/**
 * The record of issued versions: what each adopted version said, as the numbered document models of
 * every document, one file per version in a directory next to the answers
 * (`answers/<name>.history/1.0.json`). A later revision is compared with these models, not with the
 * templates, so a revision after a kitei upgrade shows the changed template text like any other change.
 *
 * The files are for git: the same issue gives the same bytes; a text run is written as a plain string
 * and each block on its own line, so a diff of two versions reads as a diff of their paragraphs.
 */

/** Version of the file layout, so that a later kitei can read an older record. */
export const HISTORY_FORMAT = 1;

export interface IssuedVersion {
  readonly version: string;
  /** 施行日, ISO date. */
  readonly effectiveDate: string;
  /** The documents as issued, numbered and cross-referenced (the pack is made from them and is not kept). */
  readonly documents: readonly Document[];
}

/** A history file that cannot be read back: the user's to fix (or restore from git). */
export class HistoryError extends Error {}

/** Where the history of an answers file lives by default: `answers/x.yaml` → `answers/x.history/`. */
export const defaultHistoryDir = (answersFile: string): string => join(dirname(answersFile), `${basename(answersFile).replace(/\.ya?ml$/iu, '')}.history`);

/** The file of one version: `1.0.json`. */
export const historyFile = (dir: string, version: string): string => join(dir, `${safeFileName(version, 'version')}.json`);

// ---------------------------------------------------------------------------------------------------
// Version order

/** The numbers of a version, for ordering: 1.10 → [1, 10], 第2版 → [2]; none for a version without digits. */
const versionNumbers = (version: string): number[] => (version.normalize('NFKC').match(/\d+/gu) ?? []).map(Number);

/**
 * Compares two versions by their numbers (1.9 < 1.10, 1.1 = 1.1.0); undefined when either has no
 * digits and the two cannot be ordered.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const x = versionNumbers(a);
  const y = versionNumbers(b);
  if (x.length === 0 || y.length === 0) return a === b ? 0 : undefined;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Issued versions oldest first: by 施行日, then by version. */
export const byIssue = (a: IssuedVersion, b: IssuedVersion): number =>
  a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : (compareVersions(a.version, b.version) ?? 0);

// ---------------------------------------------------------------------------------------------------
// Serialization

/** Nodes written over several lines, one child per line; any other node is one line. */
const EXPANDED = new Set(['document', 'chapter', 'section', 'part', 'clause', 'note', 'list', 'table', 'tableRow']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A text run `{ type: 'text', value }` as an array element is written as the bare string; nothing
 * else in the model is a string inside an array, so reading turns every such string back.
 */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => (isRecord(item) && item.type === 'text' && Object.keys(item).length === 2 && typeof item.value === 'string' ? item.value : compact(item)));
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, compact(inner)]));
  return value;
}

function expand(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? { type: 'text', value: item } : expand(item)));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, expand(inner)]));
  return value;
}

/** JSON with container nodes opened over lines, so that git diffs show which paragraph changed. */
function write(value: unknown, indent: string): string {
  if (isRecord(value) && (EXPANDED.has(value.type as string) || indent === '')) {
    const inner = `${indent} `;
    const entries = Object.entries(value).map(([key, item]) => {
      if (Array.isArray(item) && (key === 'children' || key === 'documents') && item.length > 0) {
        return `${inner}${JSON.stringify(key)}: [\n${item.map((child) => `${inner} ${write(child, `${inner} `)}`).join(',\n')}\n${inner}]`;
      }
      if (key === 'meta' && isRecord(item)) {
        return `${inner}${JSON.stringify(key)}: {\n${Object.entries(item)
          .map(([k, v]) => `${inner} ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
          .join(',\n')}\n${inner}}`;
      }
      return `${inner}${JSON.stringify(key)}: ${JSON.stringify(item)}`;
    });
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** The bytes of a history file. */
export function serializeIssued(issued: IssuedVersion): string {
  const { version, effectiveDate, documents } = issued;
  return `${write({ format: HISTORY_FORMAT, version, effectiveDate, documents: compact(documents) }, '')}\n`;
}

/** Reads one history file's text back; `file` names it in errors. */
export function parseIssued(text: string, file: string): IssuedVersion {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HistoryError(`${file}: 発行した版の記録（JSON）を読み取れません: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(data) || typeof data.version !== 'string' || typeof data.effectiveDate !== 'string' || !Array.isArray(data.documents)) {
    throw new HistoryError(`${file}: 発行した版の記録ではありません（version・effectiveDate・documents がありません）`);
  }
  if (data.format !== HISTORY_FORMAT) {
    throw new HistoryError(`${file}: 記録の形式 ${String(data.format)} はこの kitei では読めません（読める形式: ${HISTORY_FORMAT}）。kitei を更新してください`);
  }
  const documents = expand(data.documents) as unknown[];
  for (const [i, document] of documents.entries()) {
    if (!isRecord(document) || document.type !== 'document' || typeof document.id !== 'string' || !isRecord(document.meta) || !Array.isArray(document.children)) {
      throw new HistoryError(`${file}: documents の ${i + 1} 番目が文書の形をしていません`);
    }
  }
  return { version: data.version, effectiveDate: data.effectiveDate, documents: documents as Document[] };
}

/** Reads a history file from disk. */
export function readIssuedFile(file: string): IssuedVersion {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HistoryError(`${file}: ${code === 'ENOENT' ? 'ファイルが見つかりません' : `読み込めません（${code ?? String(error)}）`}`);
  }
  return parseIssued(text, file);
}

/** Every version recorded in `dir`, oldest first; none when the directory does not exist yet. */
export function readHistory(dir: string): IssuedVersion[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return names.map((name) => readIssuedFile(join(dir, name))).sort(byIssue);
}

/** The version recorded in `dir` under this name, if any. */
export const recordedVersion = (history: readonly IssuedVersion[], version: string): IssuedVersion | undefined => history.find((issued) => issued.version === version);

/** Writes the record of one issued version (atomically); returns its path. */
export function writeIssued(dir: string, issued: IssuedVersion): string {
  const file = historyFile(dir, issued.version);
  writeFileAtomic(file, serializeIssued(issued));
  return file;
}

/** Same documents, as recorded: compared through their history bytes, so a record read back equals the models it came from. */
export const sameDocuments = (a: readonly Document[], b: readonly Document[]): boolean => JSON.stringify(compact(a)) === JSON.stringify(compact(b));
