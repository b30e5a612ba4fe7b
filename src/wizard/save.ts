import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { isTodo } from '../answers/common.js';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../answers/core.js';
import { safeFileName, writeFileAtomic } from '../output/files.js';
import { deepEqual, isPlainObject, type WizardState } from './state.js';
import { answersTree, type Field } from './tree.js';

/**
 * The answers file the wizard writes: only the organization's own decisions (what differs from the
 * preset), each key with its question as a comment, so a person who never learnt YAML can read it
 * and a consultant can diff it. Written atomically; no date or time, so the same answers give the
 * same bytes.
 */

const FLOW_ROW_WIDTH = 100;

/** One YAML comment line per description line (a comment must not span lines). */
const comment = (text: string) => text.split('\n').map((l) => ` ${l}`).join('\n');

const isShortScalarRow = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) &&
  JSON.stringify(value).length <= FLOW_ROW_WIDTH;

function annotate(node: unknown, field: Field | undefined, depth: number): void {
  if (isMap(node)) {
    const fields = field?.kind === 'object' ? field.fields : [];
    for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const child = fields.find((f) => f.name === name);
      if (isScalar(pair.key) && child) {
        pair.key.commentBefore = comment(describe(child));
        // A blank line between the top-level groups (not above the first: the header comment has one).
        if (depth === 0 && pair !== node.items[0]) pair.key.spaceBefore = true;
      }
      if (isMap(pair.value) && isTodo(pair.value.toJSON())) pair.value.flow = true;
      annotate(pair.value, child, depth + 1);
    }
  } else if (isSeq(node)) {
    const element = field?.kind === 'list' ? field.element : undefined;
    for (const item of node.items) {
      if (isMap(item) && (isTodo(item.toJSON()) || isShortScalarRow(item.toJSON()))) item.flow = true;
      // Keys inside list rows are explained once, on the list itself ("各行: …").
      else annotate(item, element?.kind === 'object' ? { ...element, fields: [] } : element, depth + 1);
    }
  }
}

/** The comment above a key: its question, and for a list of rows what each row holds. */
function describe(field: Field): string {
  if (field.kind === 'list' && field.element.kind === 'object') {
    const columns = field.element.fields.map((f) => `${f.name}（${f.label.replace(/^[\d.]+\s+/u, '').split(/[（(。:]/u)[0]}）`).join('、');
    return `${field.description}\n各行: ${columns}`;
  }
  return field.description;
}

export function answersYaml(state: WizardState): string {
  const decisions = state.decisions();
  const data = state.extendsPath !== undefined ? { extends: state.extendsPath, ...decisions } : decisions;
  const doc = new Document(data, { version: '1.2' });
  const type = state.type;
  doc.commentBefore = comment(
    [
      `${state.name ?? '（組織名未定）'} の回答ファイル（kitei の対話形式で作成）`,
      `組織の種類（${type ? ORGANIZATION_TYPE_LABELS[type as OrganizationType] : '未定'}）のプリセットと違う回答だけを書いています。書いていない項目はプリセットの値です。`,
      '続きの入力・修正: npx kitei init --resume <このファイル>  /  文書の生成: npx kitei build <このファイル> --format docx,pdf',
    ].join('\n'),
  );
  annotate(doc.contents, answersTree(), 0);
  return doc.toString({ lineWidth: 0 });
}

/**
 * A file the user wrote (or a consultant keeps) is updated in place instead: its own comments,
 * order and explicit values stay; only the keys the wizard changed are set or removed, and a key
 * that is new gets its question as a comment.
 */
export function updatedAnswersYaml(state: WizardState, source: string): string {
  const doc = parseDocument(source.replace(/^\ufeff/u, ''), { version: '1.2' });
  const before = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const after = state.extendsPath !== undefined ? { extends: state.extendsPath, ...state.own } : state.own;
  sync(doc, [], isPlainObject(before) ? before : {}, after, answersTree());
  return doc.toString({ lineWidth: 0 });
}

function sync(doc: Document, path: string[], before: Record<string, unknown>, after: Record<string, unknown>, field: Field | undefined): void {
  for (const key of Object.keys(before)) if (after[key] === undefined) doc.deleteIn([...path, key]);
  const fields = field?.kind === 'object' ? field.fields : [];
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const child = fields.find((f) => f.name === key);
    const old = before[key];
    if (isPlainObject(old) && !isTodo(old) && isPlainObject(value) && !isTodo(value)) {
      sync(doc, [...path, key], old, value, child);
      continue;
    }
    if (deepEqual(old, value)) continue;
    const node = doc.createNode(value);
    annotate(node, child, path.length + 1);
    if (isMap(node) && isTodo(value)) node.flow = true;
    doc.setIn([...path, key], node);
    if (old === undefined && child) {
      const parent = path.length ? doc.getIn(path, true) : doc.contents;
      const pair = isMap(parent) ? (parent.items as Pair<YamlNode, YamlNode>[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      if (pair && isScalar(pair.key)) pair.key.commentBefore = comment(describe(child));
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
