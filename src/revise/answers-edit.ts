import { isMap, isScalar, isSeq, parse, parseDocument, type Document as YamlDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { Answers } from '../answers/schema.js';
import type { ChapterKey } from '../templates/load.js';

/**
 * The one place where a revision writes into the answers: which keys hold the version, the 施行日, the
 * 改訂履歴 and the dates of the parts, and how the file is edited. The file is changed where those
 * keys are written and nowhere else, so the organization's comments, order and layout stay as they
 * were and a git diff shows the revision and nothing more. When the answers format changes, this
 * module is what follows it.
 */

export interface RevisionRow {
  readonly version: string;
  readonly date: string;
  readonly description: string;
}

/** What a revision writes into the answers. */
export interface RevisionEdits {
  readonly version: string;
  readonly effectiveDate: string;
  /** The whole 改訂履歴, earlier rows first (the file's own rows are kept as written; the new ones are added). */
  readonly revisions: readonly RevisionRow[];
  /** 改訂日 of the rulebook's chapters to write (a chapter left out keeps what it has). */
  readonly chapterRevised: Partial<Record<ChapterKey, string>>;
  /** The date of a document printed from the answers (a policy's 制定日, the 附則 of the rules), by document id. */
  readonly documentDates: Readonly<Record<string, string>>;
}

/**
 * Documents that print a date of their own, and the answers key of that date: null there means
 * 施行日, so a revision that leaves the document as it was writes the old date in, and one that
 * changes it writes the new one.
 */
export const DOCUMENT_DATE_KEYS: Readonly<Record<string, readonly string[]>> = {
  'basic-policy': ['documents', 'basicPolicy', 'date'],
  'my-number-policy': ['myNumber', 'policyDate'],
  'my-number-rules': ['myNumber', 'rulesDate'],
};

const CHAPTER_PATH = (key: ChapterKey) => ['document', 'chapterRevised', key];

/** The date a document prints from the answers now, or null when it follows 施行日. */
export function documentDate(answers: Answers, id: string): string | null | undefined {
  const path = DOCUMENT_DATE_KEYS[id];
  if (!path) return undefined;
  const value = path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), answers);
  return typeof value === 'string' ? value : null;
}

/** The 改訂日 a chapter of the rulebook has in the answers, or null when it follows 施行日. */
export const chapterDate = (answers: Answers, key: ChapterKey): string | null => {
  const value = answers.document.chapterRevised[key];
  return typeof value === 'string' ? value : null;
};

/** The 改訂履歴 as the answers hold it (empty: the generated 「制定」 row). */
export const revisionRows = (answers: Answers): RevisionRow[] =>
  answers.document.revisions.map((r) => ({ version: r.version, date: typeof r.date === 'string' ? r.date : '', description: r.description }));

// ---------------------------------------------------------------------------------------------------
// Writing YAML

/** A value as a YAML scalar: plain when it reads back as the same string, otherwise double-quoted (JSON's escapes are YAML's). */
function scalar(value: string, forceQuotes = false): string {
  if (!forceQuotes && value !== '' && !/[\n\r]/u.test(value)) {
    try {
      const back = parse(`[${value}]`, { version: '1.2' }) as unknown;
      if (Array.isArray(back) && back.length === 1 && back[0] === value) return value;
    } catch {
      // Not plain: quoted below.
    }
  }
  return JSON.stringify(value);
}

/** A version is always quoted: 1.10 unquoted would read as the number 1.1. */
const versionScalar = (version: string) => scalar(version, true);

const rowText = (row: RevisionRow): string => `{ version: ${versionScalar(row.version)}, date: ${scalar(row.date)}, description: ${scalar(row.description)} }`;

interface Splice {
  readonly at: number;
  readonly end: number;
  readonly text: string;
  /** Insertions at one offset go in the order they were made. */
  readonly order: number;
}

/** The column a node starts at. */
const columnOf = (source: string, offset: number): number => offset - (source.lastIndexOf('\n', offset - 1) + 1);

/**
 * Edits a YAML text in place: each path's value is replaced where it is written, or added at the end
 * of the block mapping that should hold it (made if missing). Returns undefined when the layout is
 * one this does not edit by hand (a flow mapping `document: { … }`): the caller rewrites the file.
 */
class Editor {
  private readonly splices: Splice[] = [];
  /** New keys per mapping path, written together at the mapping's end. */
  private readonly additions = new Map<string, { path: string[]; lines: string[] }>();
  /** Offsets at the end of a last line without a newline, where one was added already. */
  private readonly newlines = new Set<number>();

  constructor(
    private readonly source: string,
    private readonly doc: YamlDocument,
  ) {}

  /** Sets a scalar; `text` is the value as YAML. */
  set(path: readonly string[], text: string): boolean {
    const node = this.doc.getIn(path, true) as YamlNode | undefined;
    if (node !== undefined && node !== null) {
      if (!isScalar(node) || !node.range) return false;
      this.splices.push({ at: node.range[0], end: node.range[1], text, order: this.splices.length });
      return true;
    }
    return this.add(path.slice(0, -1), `${path[path.length - 1]}: ${text}`);
  }

  /** Adds the new rows at the end of a block sequence, or writes the whole list where there is none. */
  appendRows(path: readonly string[], rows: readonly RevisionRow[], all: readonly RevisionRow[]): boolean {
    const node = this.doc.getIn(path, true) as YamlNode | undefined;
    if (isSeq(node) && !node.flow && node.items.length > 0 && node.range) {
      const first = node.items[0] as YamlNode;
      const indent = ' '.repeat(columnOf(this.source, node.range[0]));
      if (!first.range) return false;
      this.insert(this.lineEnd(node.range[1]), rows.map((row) => `${indent}- ${rowText(row)}\n`).join(''));
      return true;
    }
    if (node !== undefined && node !== null && !(isSeq(node) && node.items.length === 0)) return false;
    const list = ['', ...all.map((row) => `  - ${rowText(row)}`)].join('\n');
    if (node !== undefined && node !== null) {
      // An empty list `revisions: []`: replaced by the rows.
      if (!node.range) return false;
      const key = path[path.length - 1]!;
      const pair = this.pairOf(path);
      if (!pair || !isScalar(pair.key) || !pair.key.range) return false;
      const indent = ' '.repeat(columnOf(this.source, pair.key.range[0]));
      this.splices.push({ at: pair.key.range[0], end: node.range[1], text: `${key}:${list.replaceAll('\n  -', `\n${indent}  -`)}`, order: this.splices.length });
      return true;
    }
    return this.add(path.slice(0, -1), `${path[path.length - 1]}:${list}`);
  }

  private pairOf(path: readonly string[]): Pair<YamlNode, YamlNode> | undefined {
    const parent = path.length > 1 ? this.doc.getIn(path.slice(0, -1), true) : this.doc.contents;
    if (!isMap(parent)) return undefined;
    return (parent.items as Pair<YamlNode, YamlNode>[]).find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  }

  /** Queues `line` (which may run over several lines, indented by two per level) as a new key of the mapping at `path`. */
  private add(path: readonly string[], line: string): boolean {
    const key = path.join('.');
    const entry = this.additions.get(key) ?? { path: [...path], lines: [] };
    entry.lines.push(line);
    this.additions.set(key, entry);
    return true;
  }

  private insert(at: number, text: string): void {
    this.splices.push({ at, end: at, text, order: this.splices.length });
  }

  /** Writes the queued new keys: into their mapping, or as a new mapping under its parent. */
  private placeAdditions(): boolean {
    while (this.additions.size > 0) {
      // Deepest first, so that a mapping made here is written whole into its parent.
      const entry = [...this.additions.values()].sort((a, b) => b.path.length - a.path.length)[0]!;
      this.additions.delete(entry.path.join('.'));
      const { path, lines } = entry;
      const node = (path.length ? this.doc.getIn(path, true) : this.doc.contents) as YamlNode | undefined;
      if (isMap(node)) {
        if (node.flow || !node.range || node.items.length === 0) return false;
        const firstKey = (node.items[0] as Pair<YamlNode, YamlNode>).key;
        if (!firstKey?.range) return false;
        const indent = ' '.repeat(columnOf(this.source, firstKey.range[0]));
        this.insert(this.lineEnd(node.range[1]), lines.map((l) => `${indent}${l.replaceAll('\n', `\n${indent}`)}\n`).join(''));
      } else if ((node === undefined || node === null) && path.length > 0) {
        // The mapping itself is new: a key for it in its parent, its keys below.
        const block = `${path[path.length - 1]}:\n${lines.map((l) => `  ${l.replaceAll('\n', '\n  ')}`).join('\n')}`;
        if (path.length > 1) {
          this.add(path.slice(0, -1), block);
          continue;
        }
        // A new `document` group goes after `organization`, where a reader looks for it; any other at the end.
        const organization = this.doc.get('organization', true) as YamlNode | undefined;
        const at = path[0] === 'document' && isMap(organization) && !organization.flow && organization.range ? organization.range[1] : this.source.length;
        this.insert(this.lineEnd(at), `\n${block}\n`);
      } else {
        return false;
      }
    }
    return true;
  }

  /** Where text inserted at `at` starts a line of its own: a newline is added when `at` ends a line without one. */
  private lineEnd(at: number): number {
    if (at > 0 && this.source[at - 1] !== '\n' && !this.newlines.has(at)) {
      this.newlines.add(at);
      this.insert(at, '\n');
    }
    return at;
  }

  result(): string | undefined {
    if (!this.placeAdditions()) return undefined;
    let out = this.source;
    // From the end of the text backwards, so that offsets stay valid; at one offset the later insertion first.
    for (const splice of [...this.splices].sort((a, b) => b.at - a.at || b.end - a.end || b.order - a.order)) out = out.slice(0, splice.at) + splice.text + out.slice(splice.end);
    return out;
  }
}

/**
 * The answers text with a revision written in: version, 施行日, the new rows of the 改訂履歴 (the whole
 * list when the file has none), and the dates of chapters and documents. `current` are the answers
 * the text gives (with its bases), to tell which rows the file already has.
 */
export function writeRevision(source: string, current: Answers, edits: RevisionEdits, parsed?: YamlDocument): string {
  const text = source.replace(/^\ufeff/u, '');
  // The loader's parse of the same text, when the caller has it: only its node positions are read.
  const doc = parsed ?? parseDocument(text, { version: '1.2' });
  const editor = new Editor(text, doc);
  const own = revisionRows(current);
  const ownRowsInFile = isSeq(doc.getIn(['document', 'revisions'], true)) && own.length > 0;
  const newRows = ownRowsInFile ? edits.revisions.slice(own.length) : edits.revisions;
  const ok =
    editor.set(['document', 'version'], versionScalar(edits.version)) &&
    editor.set(['document', 'effectiveDate'], scalar(edits.effectiveDate)) &&
    editor.appendRows(['document', 'revisions'], newRows, edits.revisions) &&
    Object.entries(edits.chapterRevised).every(([key, date]) => editor.set(CHAPTER_PATH(key as ChapterKey), scalar(date))) &&
    Object.entries(edits.documentDates).every(([id, date]) => editor.set(DOCUMENT_DATE_KEYS[id]!, scalar(date)));
  const edited = ok ? editor.result() : undefined;
  return edited ?? rewritten(text, edits);
}

/** The file rewritten through the yaml library (comments kept, layout normalized): for layouts edited by hand above. */
function rewritten(text: string, edits: RevisionEdits): string {
  const doc = parseDocument(text, { version: '1.2' });
  doc.setIn(['document', 'version'], doc.createNode(edits.version));
  const version = doc.getIn(['document', 'version'], true);
  if (isScalar(version)) version.type = 'QUOTE_DOUBLE';
  doc.setIn(['document', 'effectiveDate'], edits.effectiveDate);
  const rows = doc.createNode(edits.revisions.map((r) => ({ ...r })));
  if (isSeq(rows)) for (const item of rows.items) if (isMap(item)) item.flow = true;
  doc.setIn(['document', 'revisions'], rows);
  for (const [key, date] of Object.entries(edits.chapterRevised)) doc.setIn(CHAPTER_PATH(key as ChapterKey), date);
  for (const [id, date] of Object.entries(edits.documentDates)) doc.setIn(DOCUMENT_DATE_KEYS[id]!, date);
  return doc.toString({ lineWidth: 0 });
}
