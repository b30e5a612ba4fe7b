import type { Answers } from '../answers/schema.js';
import { inlineText } from '../model/text.js';
import type { Document } from '../model/types.js';
import { UsageError } from '../render/index.js';
import { compareDocuments, unitLabel, versionLabel, type DocumentComparison, type UnitChange } from './compare.js';
import type { Unit } from './units.js';
import { historyFile, recordedVersion, serializeIssued, writeIssued, type IssuedVersion } from './history.js';

/**
 * Issuing a version: a build that is not a draft records what it made, once per version. Building
 * the same version again with other content is refused, because that would quietly change a policy
 * already adopted; the way forward is `kitei revise` (a new version) or, before the version took
 * effect, `--reissue`.
 */

export interface IssueRecord {
  /** `new`: first record of this version; `same`: recorded already with this content; `replaced`: --reissue. */
  readonly action: 'new' | 'same' | 'replaced';
  readonly file: string;
  readonly dir: string;
  readonly issued: IssuedVersion;
  /** The record's bytes. */
  readonly text: string;
}

/** The build would change a version already recorded. */
/** A build of a recorded version whose documents differ from the record: what was recorded and what changed. */
export class IssueMismatchError extends UsageError {
  constructor(
    message: string,
    readonly version: string,
    readonly recordedDate: string,
    /** The differences in a few words each (施行日, 「4.2.4 標準ソフトウェア（変更）」…). */
    readonly differences: readonly string[],
  ) {
    super(message);
  }
}

const STATUS_WORDS: Record<UnitChange['status'], string> = { unchanged: '', changed: '変更', renumbered: '番号の変更', added: '新設', removed: '削除' };

/**
 * The changed pieces of a document in a few words: 「4.2.4 標準ソフトウェア（変更）」; a section new or
 * deleted with everything in it counts once.
 */
export function changeSummary(comparison: DocumentComparison, limit = 6): string {
  const parts: string[] = [];
  const whole = new Map<string, UnitChange['status']>();
  // Sections are numbered within their chapter: 「技術的対策 2.4.1 …」 says which 2.4.1.
  const chapters = new Map(comparison.units.filter((u) => (u.after ?? u.before)!.kind === 'chapter').map((u) => [u.key, (u.after ?? u.before)!] as const));
  const label = (unit: Unit) => {
    const chapter = unit.kind === 'section' && unit.chapter ? chapters.get(unit.chapter) : undefined;
    return chapter ? `${inlineText(chapter.heading).slice(chapter.number.length).trim()} ${unitLabel(unit)}` : unitLabel(unit);
  };
  for (const unit of comparison.units) {
    if (unit.status === 'unchanged') continue;
    const side = unit.after ?? unit.before!;
    if ((unit.status === 'added' || unit.status === 'removed') && side.ancestors.some((a) => whole.get(a) === unit.status)) {
      whole.set(unit.key, unit.status);
      continue;
    }
    if (unit.status === 'added' || unit.status === 'removed') whole.set(unit.key, unit.status);
    parts.push(`${label(side)}（${STATUS_WORDS[unit.status]}）`);
  }
  const shown = parts.slice(0, limit).join('、');
  return parts.length > limit ? `${shown} ほか${parts.length - limit}か所` : shown;
}

/** One line per document that differs: 「情報セキュリティ関連規程: 2.6 テレワーク…（削除）、…」, new and dropped documents too. */
export function comparisonLines(comparisons: readonly DocumentComparison[]): string[] {
  return comparisons.flatMap((c) => {
    const title = (c.after ?? c.before)!.meta.title;
    if (c.status === 'added') return [`${title}: 新しい文書`];
    if (c.status === 'removed') return [`${title}: 作らなくなった文書`];
    if (c.status === 'changed') return [`${title}: ${changeSummary(c)}`];
    return [];
  });
}

/**
 * What recording this build would do, checked before anything is written: a version already
 * recorded with other documents is refused (IssueMismatchError) unless `reissue`.
 */
export function planIssue(answers: Answers, documents: readonly Document[], dir: string, reissue: boolean, file: string): IssueRecord {
  const version = answers.document.version;
  const effectiveDate = answers.document.effectiveDate as string;
  const issued: IssuedVersion = { version, effectiveDate, documents };
  const text = serializeIssued(issued);
  const target = historyFile(dir, version);
  const recorded = recordedVersion(dir, version);
  if (!recorded) return { action: 'new', file: target, dir, issued, text };
  // The record is the same bytes for the same issue: no need to read its models back.
  if (recorded.text === text) return { action: 'same', file: target, dir, issued, text };
  if (reissue) return { action: 'replaced', file: target, dir, issued, text };
  const before = recorded.read();
  const what = comparisonLines(compareDocuments(before.documents, documents));
  const differences = [...(before.effectiveDate !== effectiveDate ? [`施行日: ${before.effectiveDate} → ${effectiveDate}`] : []), ...what];
  throw new IssueMismatchError(
    [
      `${file}: ${versionLabel(version)}（施行日 ${before.effectiveDate}）は ${target} に記録した内容と違います。`,
      ...(differences.length ? differences.map((d) => `  - ${d}`) : ['  - 表紙・改訂履歴など文書の情報']),
      '次のいずれかにしてください:',
      `  改訂する: kitei revise ${file} --version <新しい版> --date <施行日 YYYY-MM-DD> --reason "<改訂の内容>"`,
      `  施行前の手直しとして${versionLabel(version)}の記録を置き換える: kitei build ${file} --reissue`,
      '  記録せずに確かめる: --draft を付ける',
    ].join('\n'),
    version,
    before.effectiveDate,
    differences,
  );
}

/** Writes the record when there is something new to record. */
export function recordIssue(record: IssueRecord): void {
  if (record.action !== 'same') writeIssued(record.dir, record.issued, record.text);
}
