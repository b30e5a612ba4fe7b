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
export const byIssue = (a: Pick<IssuedVersion, 'version' | 'effectiveDate'>, b: Pick<IssuedVersion, 'version' | 'effectiveDate'>): number =>
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
function compactText(this: unknown, _key: string, value: unknown): unknown {
  return Array.isArray(this) && isRecord(value) && value.type === 'text' && typeof value.value === 'string' ? value.value : value;
}

/** The strings of arrays made text runs again, in place (the parsed data is ours). */
function expandText(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = { type: 'text', value: item };
      else expandText(item);
    }
  } else if (isRecord(value)) {
    for (const key in value) expandText(value[key]);
  }
}

const line = (value: unknown): string => JSON.stringify(value, compactText);

/** JSON with container nodes opened over lines, so that git diffs show which paragraph changed. */
function write(value: unknown, indent: string, root = false): string {
  if (!isRecord(value) || !(root || EXPANDED.has(value.type as string))) return line(value);
  const inner = `${indent} `;
  const entries: string[] = [];
  for (const key in value) {
    const item = value[key];
    if (Array.isArray(item) && (key === 'children' || key === 'documents') && item.length > 0) {
      entries.push(`${inner}${JSON.stringify(key)}: [\n${item.map((child) => `${inner} ${write(child, `${inner} `)}`).join(',\n')}\n${inner}]`);
    } else if (key === 'meta' && isRecord(item)) {
      const fields = Object.keys(item).map((k) => `${inner} ${JSON.stringify(k)}: ${line(item[k])}`);
      entries.push(`${inner}"meta": {\n${fields.join(',\n')}\n${inner}}`);
    } else {
      entries.push(`${inner}${JSON.stringify(key)}: ${line(item)}`);
    }
  }
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** The bytes of a history file. */
export function serializeIssued(issued: IssuedVersion): string {
  const { version, effectiveDate, documents } = issued;
  return `${write({ format: HISTORY_FORMAT, version, effectiveDate, documents }, '', true)}\n`;
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
  const documents = data.documents as unknown[];
  expandText(documents);
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

/** A history file's text, or undefined when there is none. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new HistoryError(`${file}: 読み込めません（${code ?? String(error)}）`);
  }
}

/** A version recorded in a history directory: its version and 施行日 at once, its documents when asked for. */
export interface RecordedVersion {
  readonly file: string;
  readonly version: string;
  readonly effectiveDate: string;
  /** The file's bytes, as written. */
  readonly text: string;
  read(): IssuedVersion;
}

/** The head kitei writes first in every history file: its version and 施行日, read without parsing the models. */
const HEAD = /^\{\n "format": (\d+),\n "version": ("(?:[^"\\]|\\.)*"),\n "effectiveDate": ("(?:[^"\\]|\\.)*"),\n/u;

function recorded(file: string, text: string): RecordedVersion {
  const head = HEAD.exec(text);
  let parsed: IssuedVersion | undefined;
  const read = () => (parsed ??= parseIssued(text, file));
  // A file not written by kitei (edited by hand, reformatted) is read whole.
  const facts = head && Number(head[1]) === HISTORY_FORMAT ? { version: JSON.parse(head[2]!) as string, effectiveDate: JSON.parse(head[3]!) as string } : read();
  return { file, version: facts.version, effectiveDate: facts.effectiveDate, text, read };
}

/** Every version recorded in `dir`, oldest first (by 施行日, then version); none when the directory does not exist yet. */
export function readHistory(dir: string): RecordedVersion[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return names.map((name) => recorded(join(dir, name), readText(join(dir, name)) ?? '')).sort(byIssue);
}

/** The record of one version, if there is one. */
export function recordedVersion(dir: string, version: string): RecordedVersion | undefined {
  const file = historyFile(dir, version);
  const text = readText(file);
  return text === undefined ? undefined : recorded(file, text);
}

/** Writes the record of one issued version (atomically), as `text` when it is serialized already; returns its path. */
export function writeIssued(dir: string, issued: IssuedVersion, text: string = serializeIssued(issued)): string {
  const file = historyFile(dir, issued.version);
  writeFileAtomic(file, text);
  return file;
}
