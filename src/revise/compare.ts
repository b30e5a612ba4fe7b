import { diffArrays } from 'diff';
import { formatJapaneseDate } from '../templates/render.js';
import { inlineText } from '../model/text.js';
import type { Block, Document, DocumentMeta, Inline, TableCell, TableRow } from '../model/types.js';
import { changedRanges, diffBlocks, markAllBlocks, markAllInlines, markInlines, OMITTED, type Range } from './diff.js';
import { documentUnits, headingTitle, type Unit } from './units.js';

/**
 * Two versions of a set of documents compared piece by piece (see units.ts), and the comparison of
 * one document as a document model of its own: the 新旧対照表, a two-column table with the amended
 * text (改正後) on the left and the text it replaces (改正前) on the right, changed words marked.
 */

export type UnitStatus = 'unchanged' | 'changed' | 'renumbered' | 'added' | 'removed';

export interface UnitChange {
  readonly key: string;
  readonly status: UnitStatus;
  readonly before: Unit | undefined;
  readonly after: Unit | undefined;
}

export interface DocumentComparison {
  readonly id: string;
  readonly status: 'unchanged' | 'changed' | 'added' | 'removed';
  readonly before: Document | undefined;
  readonly after: Document | undefined;
  /** Every piece of either version, in reading order (deleted pieces where they stood). */
  readonly units: readonly UnitChange[];
}

const json = (value: unknown): string => JSON.stringify(value);

function unitStatus(before: Unit, after: Unit): UnitStatus {
  const sameBody = json(before.body) === json(after.body);
  const sameHeading = json(before.heading) === json(after.heading);
  if (sameBody && sameHeading) return 'unchanged';
  if (sameBody && headingTitle(before) === headingTitle(after)) return 'renumbered';
  return 'changed';
}

/** The pieces of two versions of a document, aligned by key. */
export function compareUnits(before: readonly Unit[], after: readonly Unit[]): UnitChange[] {
  const afterKeys = new Set(after.map((u) => u.key));
  const beforeByKey = new Map(before.map((u) => [u.key, u] as const));
  const out: UnitChange[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(before.map((u) => u.key), after.map((u) => u.key))) {
    for (let k = 0; k < change.value.length; k++) {
      if (change.removed) {
        const unit = before[i++]!;
        // A piece that moved is shown where it stands now.
        if (!afterKeys.has(unit.key)) out.push({ key: unit.key, status: 'removed', before: unit, after: undefined });
      } else if (change.added) {
        const unit = after[j++]!;
        const old = beforeByKey.get(unit.key);
        out.push(old ? { key: unit.key, status: unitStatus(old, unit), before: old, after: unit } : { key: unit.key, status: 'added', before: undefined, after: unit });
      } else {
        const old = before[i++]!;
        const unit = after[j++]!;
        out.push({ key: unit.key, status: unitStatus(old, unit), before: old, after: unit });
      }
    }
  }
  return out;
}

/** Compares every document of two versions, by document id, in the order of the newer version (dropped documents last). */
export function compareDocuments(before: readonly Document[], after: readonly Document[]): DocumentComparison[] {
  const old = new Map(before.map((d) => [d.id, d] as const));
  const ids = new Set(after.map((d) => d.id));
  const out: DocumentComparison[] = after.map((document) => {
    const previous = old.get(document.id);
    if (!previous) return { id: document.id, status: 'added', before: undefined, after: document, units: [] };
    const units = compareUnits(documentUnits(previous), documentUnits(document));
    return { id: document.id, status: units.every((u) => u.status === 'unchanged') ? 'unchanged' : 'changed', before: previous, after: document, units };
  });
  for (const document of before) if (!ids.has(document.id)) out.push({ id: document.id, status: 'removed', before: document, after: undefined, units: [] });
  return out;
}

/** Keys of the chapters (`chapter:<id>`) in which some piece changed. */
export function changedChapters(comparison: DocumentComparison): Set<string> {
  const out = new Set<string>();
  for (const unit of comparison.units) if (unit.status !== 'unchanged') for (const side of [unit.after, unit.before]) if (side?.chapter) out.add(side.chapter);
  return out;
}

/** A heading and number a reader recognizes a piece by: 「4.2 パソコンの利用」, 「第1章 総則」, 「表紙」. */
export function unitLabel(unit: Unit): string {
  if (unit.kind === 'front') return '表紙';
  if (unit.kind === 'intro') return '前文';
  return inlineText(unit.heading);
}

// ---------------------------------------------------------------------------------------------------
// The comparison table as a document

/** What the header of a comparison names besides the document: the two versions and their dates. */
export interface ComparisonHeader {
  readonly after: { readonly version: string; readonly effectiveDate: string };
  readonly before: { readonly version: string; readonly effectiveDate: string };
  /** 改訂の内容 (the reason given to `kitei revise`), if any. */
  readonly reason?: string;
  /** A comparison of answers not issued (`kitei diff`): titled （案）. */
  readonly proposal: boolean;
}

const text = (value: string): Inline => ({ type: 'text', value });
const paragraph = (children: readonly Inline[]): Block => ({ type: 'paragraph', children });
const cell = (children: readonly Block[]): TableCell => ({ type: 'tableCell', rowSpan: 1, colSpan: 1, children });
const row = (after: readonly Block[], before: readonly Block[]): TableRow => ({ type: 'tableRow', children: [cell(after), cell(before)] });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** 2027-04-01 → 2027年4月1日 (anything else as given, e.g. a draft's gap). */
export const japaneseDate = (value: string): string => {
  const match = ISO_DATE.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value;
};
/** 1.1 → 第1.1版; a version already worded (第2版, 2027年度版) is kept. */
export const versionLabel = (version: string): string => (/^[\d.]+$/u.test(version) ? `第${version}版` : version);

const NEW = '（新設）';
const DELETED = '（削除）';

const headingParagraph = (heading: readonly Inline[]): Block[] => (heading.length ? [paragraph([{ type: 'strong', children: heading }])] : []);

/** What changed in a heading: a new number as a whole (「4.4」→「4.3」, not its last digit), the words of its title. */
function headingRanges(before: Unit, after: Unit): { before: Range[]; after: Range[] } {
  const title = (unit: Unit) => inlineText(unit.heading).slice(unit.number.length);
  const words = changedRanges(title(before), title(after));
  const shift = (ranges: readonly Range[], by: number) => ranges.map((r) => ({ start: r.start + by, end: r.end + by }));
  const number = (unit: Unit) => (before.number !== after.number && unit.number ? [{ start: 0, end: unit.number.length }] : []);
  return { before: [...number(before), ...shift(words.before, before.number.length)], after: [...number(after), ...shift(words.after, after.number.length)] };
}

/** The two cells of a changed piece, its differences marked. */
function changedCells(change: UnitChange): { after: Block[]; before: Block[] } {
  const { before, after } = change;
  if (change.status === 'added') return { after: [...headingParagraph(markAllInlines(after!.heading)), ...markAllBlocks(after!.body)], before: [paragraph([text(NEW)])] };
  if (change.status === 'removed') return { after: [paragraph([text(DELETED)])], before: [...headingParagraph(markAllInlines(before!.heading)), ...markAllBlocks(before!.body)] };
  const ranges = headingRanges(before!, after!);
  const headings = { after: headingParagraph(markInlines(after!.heading, ranges.after)), before: headingParagraph(markInlines(before!.heading, ranges.before)) };
  if (change.status === 'renumbered') {
    // Same text under a new number: the number is the change; the text is left out.
    const omitted = (unit: Unit) => (unit.body.length ? [paragraph([text(OMITTED)])] : []);
    return { after: [...headings.after, ...omitted(after!)], before: [...headings.before, ...omitted(before!)] };
  }
  const body = diffBlocks(before!.body, after!.body, { abridge: true });
  return { after: [...headings.after, ...body.after], before: [...headings.before, ...body.before] };
}

/**
 * The rows of the table: each changed piece in a row of its own, under the headings of its chapter
 * and of the sections around it where they were not shown yet (their own text omitted); a run of
 * unchanged pieces between them is one row of （略）.
 */
function comparisonRows(comparison: DocumentComparison): TableRow[] {
  const rows: TableRow[] = [];
  const byKey = (units: readonly (Unit | undefined)[]) => new Map(units.filter((u): u is Unit => u !== undefined).map((u) => [u.key, u] as const));
  const afterUnits = byKey(comparison.units.map((u) => u.after));
  const beforeUnits = byKey(comparison.units.map((u) => u.before));
  const shown = new Set<string>();
  let skipped = false;
  const omission = () => {
    if (skipped) rows.push(row([paragraph([text(OMITTED)])], [paragraph([text(OMITTED)])]));
    skipped = false;
  };
  /** The unchanged pieces around a change, above it in its row: their headings on both sides, their own text omitted. */
  const context = (keys: readonly string[]) => {
    const cells = { after: [] as Block[], before: [] as Block[] };
    const lines = (unit: Unit) => [...headingParagraph(unit.heading), ...(unit.kind === 'section' && unit.body.length ? [paragraph([text(OMITTED)])] : [])];
    for (const key of keys) {
      const after = afterUnits.get(key);
      const before = beforeUnits.get(key);
      if (shown.has(key) || !after || !before) continue;
      shown.add(key);
      cells.after.push(...lines(after));
      cells.before.push(...lines(before));
    }
    return cells;
  };
  for (const change of comparison.units) {
    const unit = change.after ?? change.before!;
    if (change.status === 'unchanged') {
      if (!shown.has(change.key)) skipped = true;
      continue;
    }
    const around = context([...(unit.chapter && unit.chapter !== change.key ? [unit.chapter] : []), ...unit.ancestors]);
    omission();
    shown.add(change.key);
    const cells = changedCells(change);
    rows.push(row([...around.after, ...cells.after], [...around.before, ...cells.before]));
  }
  omission();
  return rows;
}

/** The comparison of one changed document as a document: the 新旧対照表 the board approves. */
export function comparisonDocument(comparison: DocumentComparison, header: ComparisonHeader): Document {
  // The organization's date style (西暦/和暦) as its documents print it.
  const style = /^(令和|平成|昭和)/u.test(comparison.after?.meta.effectiveDateText ?? comparison.before?.meta.effectiveDateText ?? '') ? 'japanese' : 'western';
  const japaneseDate = (value: string) => formatJapaneseDate(value, style);
  const after = comparison.after ?? comparison.before!;
  const title = `${after.meta.title} 新旧対照表${header.proposal ? '（案）' : ''}`;
  const edition = (v: ComparisonHeader['after']) => `${versionLabel(v.version)}（${japaneseDate(v.effectiveDate)}施行）`;
  const side = (label: string, v: ComparisonHeader['after']) => `${label}\n${edition(v)}`;
  const table: Block = {
    type: 'table',
    columns: [{ width: 1 }, { width: 1 }],
    headerRows: 1,
    headerColumn: false,
    variant: 'comparison',
    children: [row([paragraph([text(side('改正後', header.after))])], [paragraph([text(side('改正前', header.before))])]), ...comparisonRows(comparison)],
  };
  const fact = (label: string, value: string): TableRow => row([paragraph([text(label)])], [paragraph([text(value)])]);
  // What the board is asked to approve, in a box above the table.
  const facts: Block = {
    type: 'table',
    columns: [{ width: 1 }, { width: 6 }],
    headerRows: 0,
    headerColumn: true,
    variant: 'default',
    children: [
      fact('文書', `${after.meta.title}（${after.meta.organization}）`),
      fact('改正', `${edition(header.before)} → ${edition(header.after)}`),
      ...(header.reason ? [fact('改訂の内容', header.reason)] : []),
    ],
  };
  const intro: Block[] = [facts, paragraph([text('（下線部分は改正部分）')])];
  const meta: DocumentMeta = {
    title,
    organization: after.meta.organization,
    version: header.after.version,
    effectiveDate: header.after.effectiveDate,
    effectiveDateText: japaneseDate(header.after.effectiveDate),
    approver: after.meta.approver,
    classification: after.meta.classification,
    revisions: [],
    fonts: after.meta.fonts,
    front: 'title',
    // Two columns of text side by side need the width of a landscape page, as 新旧対照表 are printed.
    orientation: 'landscape',
  };
  return { type: 'document', id: `${comparison.id}-comparison`, meta, children: [...intro, table] };
}
