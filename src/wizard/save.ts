import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { isTodo } from '../answers/common.js';
import { referenceRows } from '../answers/reference.js';
import { ORGANIZATION_TYPE_LABELS } from '../profile/types.js';
import { safeFileName, writeFileAtomic } from '../output/files.js';
import { deepEqual, isPlainObject, type Data, type WizardState } from './state.js';

/**
 * The answers file the wizard writes: the organization profile, each key with what it means as a
 * comment (the question the wizard asked, or the schema's description), so a person who never
 * learnt YAML can read it and a consultant can diff it. Keys follow the schema's order; short rows
 * are written on one line. Written atomically; no date or time, so the same answers give the same
 * bytes. A file the user wrote is updated in place instead, keeping its comments and layout.
 */

/** The wizard's own words for the parts it asks, over the schema's descriptions. */
const QUESTIONS: Record<string, string> = {
  kitei: '回答ファイルの形式（kitei の組織プロフィール、第2版）',
  organization: '組織のこと: 正式名称・種類・規模・事業内容・所在地',
  document: '規程そのものの情報: 施行日（規程を使い始める日）など',
  people: '役職・氏名・連絡先と、務める役割（roles）。1人が複数の役割を兼ねる',
  departments: '部門と部門の長（部門の長が情報セキュリティ部門責任者になる）',
  areas: '事務所の場所（来客が入る場所＝レベル1、組織の人だけが入る場所＝レベル2、鍵のかかる部屋＝レベル3）と戸締まり',
  inventory: '使っている機器・ソフトウェア・サービス。印を付けた設定（自動更新・多要素認証など）だけを書いている',
  vendors: '保守を頼んでいる業者',
  contacts: '外部の窓口（警察の相談先など）',
  telework: 'テレワーク（none はしない）',
  myNumber: 'マイナンバー（個人番号）の扱い（none は扱わない）',
  rules: '社内のきまり: 情報の扱い方・点検の月と、運用のきまり（頻度・期間・回数）',
  documents: '規程と一緒に作る文書（業務委託契約の裁判所など）',
};

let descriptions: Map<string, string> | undefined;
/** Schema key (list items as `[]`) → its description. */
function describe(key: string): string | undefined {
  descriptions ??= new Map(referenceRows().map((row) => [row.key, row.description]));
  return QUESTIONS[key] ?? descriptions.get(key);
}

let order: string[] | undefined;
/** The schema's keys in declaration order, to write a file in the order docs/answers.md reads. */
function keyRank(key: string): number {
  order ??= referenceRows().map((row) => row.key);
  const at = order.indexOf(key);
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
}

const FLOW_ROW_WIDTH = 100;

/** One YAML comment line per description line (a comment must not span lines). */
const comment = (text: string) => text.split('\n').map((l) => ` ${l}`).join('\n');

const isShortRow = (value: unknown): boolean =>
  isPlainObject(value) &&
  Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) &&
  JSON.stringify(value).length <= FLOW_ROW_WIDTH;

/** Keys in the schema's order (then any unknown keys), recursively. */
function ordered(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, `${key}[]`));
  if (!isPlainObject(value) || isTodo(value)) return value;
  const child = (k: string) => (key ? `${key}.${k}` : k);
  const keys = Object.keys(value).sort((a, b) => keyRank(child(a)) - keyRank(child(b)));
  return Object.fromEntries(keys.map((k) => [k, ordered(value[k], child(k))]));
}

function annotate(node: unknown, key: string, depth: number): void {
  if (isMap(node)) {
    for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const child = key ? `${key}.${name}` : name;
      const text = key.endsWith('[]') ? undefined : describe(child);
      if (isScalar(pair.key) && text) {
        pair.key.commentBefore = comment(text);
        // A blank line between the top-level groups (not above the first: the header comment has one).
        if (depth === 0 && pair !== node.items[0]) pair.key.spaceBefore = true;
      }
      if (isMap(pair.value) && isTodo(pair.value.toJSON())) pair.value.flow = true;
      annotate(pair.value, child, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const json = isMap(item) || isSeq(item) ? (item as { toJSON(): unknown }).toJSON() : undefined;
      if (isMap(item) && (isTodo(json) || isShortRow(json))) item.flow = true;
      else if (isSeq(item) && Array.isArray(json) && json.every((x) => typeof x === 'string')) item.flow = true;
      else annotate(item, `${key}[]`, depth + 1);
    }
    // A list of words (rooms, uses) reads best on one line.
    const json = node.toJSON() as unknown[];
    if (json.every((x) => typeof x === 'string') && JSON.stringify(json).length <= FLOW_ROW_WIDTH) node.flow = true;
  }
}

export function answersYaml(state: WizardState): string {
  const data = ordered(state.own, '') as Data;
  const doc = new Document(state.extendsPath !== undefined ? { extends: state.extendsPath, ...data } : data, { version: '1.2' });
  const type = state.type;
  doc.commentBefore = comment(
    [
      `${state.name ?? '（組織名未定）'} の回答ファイル（kitei の対話形式で作成。${type ? ORGANIZATION_TYPE_LABELS[type] : '組織の種類は未定'}）`,
      '規程の表と文は、すべてここに書いたことから作られます。書いていないことは規程に載りません。',
      '続きの入力・修正: npx kitei init --resume <このファイル>  /  文書の生成: npx kitei build <このファイル> --format docx,pdf',
    ].join('\n'),
  );
  annotate(doc.contents, '', 0);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * A file the user wrote (or a consultant keeps) is updated in place: its own comments, order and
 * explicit values stay; only the keys the wizard changed are set or removed, and a key that is new
 * gets its description as a comment.
 */
export function updatedAnswersYaml(state: WizardState, source: string): string {
  const text = source.replace(/^\ufeff/u, '');
  const doc = parseDocument(text, { version: '1.2' });
  const before = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const after = state.extendsPath !== undefined ? { extends: state.extendsPath, ...state.own } : state.own;
  const old = isPlainObject(before) ? before : {};
  sync(doc, [], old, after, '');
  const rewritten = doc.toString({ lineWidth: 0 });
  // The yaml library writes every flow collection one way; a part the user did not change keeps its own text.
  const original = topLevelParts(text);
  const updated = topLevelParts(rewritten);
  if (!original || !updated) return rewritten;
  const lines = [...original.header];
  for (const part of updated.parts) {
    const kept = original.parts.find((p) => p.key === part.key);
    if (kept && deepEqual(old[part.key], after[part.key])) lines.push(...kept.leading, ...kept.body);
    else lines.push(...(kept ? kept.leading : part.leading), ...part.body);
  }
  return lines.join('\n');
}

interface TopLevelPart {
  readonly key: string;
  /** Comment and blank lines right above the key. */
  readonly leading: string[];
  /** The key's line and everything under it. */
  readonly body: string[];
}

/**
 * A file cut at its top-level keys (written at the start of a line): the lines before the first
 * key's comments, then each key with the comments above it. Undefined for a file of another shape
 * (a flow mapping, several documents), which is then written as the yaml library gives it.
 */
function topLevelParts(text: string): { header: string[]; parts: TopLevelPart[] } | undefined {
  const lines = text.split('\n');
  const keyAt = (line: string) => /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s|$)/u.exec(line)?.[1];
  if (lines.some((line) => /^(?:---|\.\.\.|[{[])/u.test(line))) return undefined;
  const starts = lines.map((line, i) => ({ key: keyAt(line), i })).filter((s): s is { key: string; i: number } => s.key !== undefined);
  if (!starts.length) return undefined;
  const leadingStart = (i: number, floor: number) => {
    let j = i;
    while (j > floor && /^\s*(?:#.*)?$/u.test(lines[j - 1]!)) j--;
    return j;
  };
  const parts: TopLevelPart[] = [];
  let floor = 0;
  const firstLeading = leadingStart(starts[0]!.i, 0);
  // The file's own header (its first comment block) stays the header, not the first key's comment.
  const headerEnd = (() => {
    const blank = lines.slice(firstLeading, starts[0]!.i).findIndex((l) => l.trim() === '');
    return blank < 0 ? firstLeading : firstLeading + blank + 1;
  })();
  floor = headerEnd;
  starts.forEach(({ key, i }, n) => {
    const next = starts[n + 1];
    const end = next ? leadingStart(next.i, i + 1) : lines.length;
    parts.push({ key, leading: lines.slice(Math.max(floor, leadingStart(i, floor)), i), body: lines.slice(i, end) });
    floor = end;
  });
  return { header: lines.slice(0, headerEnd), parts };
}

function sync(doc: Document, path: string[], before: Data, after: Data, key: string): void {
  for (const name of Object.keys(before)) if (after[name] === undefined) doc.deleteIn([...path, name]);
  for (const [name, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const child = key ? `${key}.${name}` : name;
    const old = before[name];
    if (isPlainObject(old) && !isTodo(old) && isPlainObject(value) && !isTodo(value)) {
      sync(doc, [...path, name], old, value, child);
      continue;
    }
    if (deepEqual(old, value)) continue;
    const node = doc.createNode(ordered(value, child));
    annotate(node, child, path.length + 1);
    doc.setIn([...path, name], node);
    const text = describe(child);
    if (old === undefined && text) {
      const parent = path.length ? doc.getIn(path, true) : doc.contents;
      const pair = isMap(parent) ? (parent.items as Pair<YamlNode, YamlNode>[]).find((p) => isScalar(p.key) && p.key.value === name) : undefined;
      if (pair && isScalar(pair.key)) pair.key.commentBefore = comment(text);
    }
  }
}

/** Saves the answers: a wizard-made file fresh, a file being edited (`source` is its text) in place. */
export function saveAnswers(state: WizardState, file: string, source?: string): void {
  writeFileAtomic(file, source === undefined ? answersYaml(state) : updatedAnswersYaml(state, source));
}

/** Where a finished answers file goes: `answers/<organization>.yaml`. */
export const answersFileFor = (dir: string, name: string | undefined) => join(dir, `${safeFileName(name ?? '新しい回答', 'answers')}.yaml`);

export const isDraftFile = (file: string) => /\.draft\.ya?ml$/u.test(file);

/** The draft beside a finished file (`x.yaml` → `x.draft.yaml`); a draft is its own draft. */
export const draftFileFor = (file: string) => (isDraftFile(file) ? file : join(dirname(file), `${basename(file).replace(/\.ya?ml$/u, '')}.draft.yaml`));

/** Removes a draft once its answers are saved for good. */
export function removeDraft(file: string | undefined): void {
  if (file && isDraftFile(file) && existsSync(file)) rmSync(file, { force: true });
}
