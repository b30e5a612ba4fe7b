import type * as z from '../zod.js';
import { isTodo } from '../answers/common.js';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../answers/core.js';
import { answersSchema } from '../answers/schema.js';
import { defOf, fieldShape, type SchemaDef } from '../answers/introspect.js';

/**
 * The answers schema as a tree of questions: every key with its Japanese description, its kind
 * (one line, text, date, integer, yes/no, one of several, a list), its limits and its own zod schema,
 * so the wizard asks exactly what a YAML author could write and validates with the same rules.
 */

export type LeafType = 'line' | 'text' | 'date' | 'int' | 'bool' | 'enum';

interface FieldBase {
  /** Schema key, list items as `[]`: `technical.continuity.backup.targets[].device`. */
  readonly id: string;
  /** The last segment of the key. */
  readonly name: string;
  readonly description: string;
  /** The description up to its examples (before the first ": "). */
  readonly label: string;
  /** The examples in the description (after ": "), mostly the sample's own words. */
  readonly example: string | undefined;
  readonly nullable: boolean;
  /** May be left as `{ todo: 質問 }`. */
  readonly fillable: boolean;
  /** The key's whole schema (with null and `{ todo }` allowed where they are). */
  readonly schema: z.ZodType;
}

export interface LeafField extends FieldBase {
  readonly kind: 'leaf';
  readonly type: LeafType;
  readonly choices: readonly string[];
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The schema of a real value (no null, no `{ todo }`). */
  readonly base: z.ZodType;
}

export interface ObjectField extends FieldBase {
  readonly kind: 'object';
  readonly fields: readonly Field[];
}

export interface ListField extends FieldBase {
  readonly kind: 'list';
  readonly element: Field;
  readonly min: number;
  readonly max: number | undefined;
}

export type Field = LeafField | ObjectField | ListField;

const checkValue = (def: SchemaDef, check: string, prop: 'minimum' | 'maximum' | 'value') =>
  def.checks?.find((c) => c._zod?.def?.check === check)?._zod?.def?.[prop];

/** `label: examples`, split at the first ": " outside brackets (「正式名称（例: …）」 keeps its bracket). */
function splitDescription(description: string): { label: string; example: string | undefined } {
  let depth = 0;
  for (let i = 0; i < description.length - 1; i++) {
    const char = description[i]!;
    if (char === '（' || char === '(') depth++;
    else if ((char === '）' || char === ')') && depth > 0) depth--;
    else if (char === ':' && description[i + 1] === ' ' && depth === 0) return { label: description.slice(0, i), example: description.slice(i + 2) };
  }
  return { label: description, example: undefined };
}

/**
 * Top-level keys the wizard does not ask about: `templates` names directories of house templates,
 * which a consultant sets up by hand (docs/templates.md). A file that has it keeps it when saved.
 */
const NOT_ASKED = new Set(['templates']);

function build(schema: unknown, id: string, name: string): Field {
  const { schema: current, description, nullable, fillable, date } = fieldShape(schema);
  const base = { id, name, description: description ?? '', ...splitDescription(description ?? ''), nullable, fillable, schema: schema as z.ZodType };
  const def = defOf(current);
  if (def.type === 'object') {
    const children = Object.entries(def.shape ?? {}).filter(([key]) => id !== '' || !NOT_ASKED.has(key));
    return { ...base, kind: 'object', fields: children.map(([key, child]) => build(child, id ? `${id}.${key}` : key, key)) };
  }
  if (def.type === 'array') {
    return { ...base, kind: 'list', element: build(def.element, `${id}[]`, `${name}[]`), min: checkValue(def, 'min_length', 'minimum') ?? 0, max: checkValue(def, 'max_length', 'maximum') };
  }
  const leaf = (type: LeafType, extra: Partial<Pick<LeafField, 'choices' | 'min' | 'max'>> = {}): LeafField => ({
    ...base,
    kind: 'leaf',
    type,
    choices: extra.choices ?? [],
    min: extra.min,
    max: extra.max,
    base: current as z.ZodType,
  });
  if (date) return leaf('date');
  switch (def.type) {
    case 'string': {
      const max = checkValue(def, 'max_length', 'maximum');
      return leaf(max !== undefined && max <= 200 ? 'line' : 'text', { max });
    }
    case 'number':
      return leaf('int', { min: checkValue(def, 'greater_than', 'value'), max: checkValue(def, 'less_than', 'value') });
    case 'boolean':
      return leaf('bool');
    case 'enum':
      return leaf('enum', { choices: Object.values(def.entries ?? {}) });
    default:
      throw new Error(`回答のスキーマに対話形式で扱えない形があります: ${id}（${def.type}）`);
  }
}

let cached: ObjectField | undefined;

/** The whole answers schema as a question tree (built once). */
export function answersTree(): ObjectField {
  return (cached ??= build(answersSchema, '', '') as ObjectField);
}

export type Path = readonly (string | number)[];

/** The field of a concrete path (`['technical', 'continuity', 'backup', 'targets', 2, 'device']`). */
export function fieldAt(path: Path, root: Field = answersTree()): Field | undefined {
  let field: Field | undefined = root;
  for (const segment of path) {
    if (!field) return undefined;
    if (field.kind === 'object' && typeof segment === 'string') field = field.fields.find((f) => f.name === segment);
    else if (field.kind === 'list' && typeof segment === 'number') field = field.element;
    else return undefined;
  }
  return field;
}

/** `a.b.2.c` (the form `kitei check` prints) → path. */
export const parseKey = (key: string): Path => key.split('.').map((s) => (/^\d+$/u.test(s) ? Number(s) : s));
export const keyOf = (path: Path): string => path.join('.');

/** zod's issue → one Japanese sentence (the schema's own messages are Japanese already). */
export function issueText(issue: z.core.$ZodIssue): string {
  if (/[^\u0000-\u007f]/u.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? `少なくとも${String(issue.minimum)}行必要です` : issue.origin === 'string' ? '空にはできません' : `${String(issue.minimum)}以上にしてください`;
    case 'too_big':
      return issue.origin === 'array' ? `${String(issue.maximum)}行以内にしてください` : issue.origin === 'string' ? `${String(issue.maximum)}文字以内で記入してください` : `${String(issue.maximum)}以下にしてください`;
    case 'invalid_type':
      return issue.expected === 'int' ? '整数で記入してください' : issue.expected === 'number' ? '数値で記入してください' : '値の形が正しくありません';
    case 'invalid_value':
      return `次のいずれかを選んでください: ${issue.values.map(String).join(', ')}`;
    default:
      return '値の形が正しくありません';
  }
}

/** Checks one value against its key's schema: `true`, or the message to show under the question. */
export function checkField(field: Field, value: unknown): true | string {
  if (value === null) return field.nullable ? true : '空にはできません';
  if (value === undefined) return '空にはできません';
  if (isTodo(value)) return field.fillable ? true : 'この項目は後回しにできません。値を記入してください';
  const result = (field.kind === 'leaf' ? field.base : field.schema).safeParse(value);
  if (result.success) return true;
  const issue = result.error.issues[0]!;
  const where = issue.path.length && field.kind === 'list' ? `${Number(issue.path[0]) + 1}行目: ` : '';
  return where + issueText(issue);
}

/** Japanese names of enum values, from the description's `value（名前）` notes. */
export function choiceLabel(field: Field, value: string | null): string {
  if (field.id === 'organization.type' && value !== null && value in ORGANIZATION_TYPE_LABELS) return ORGANIZATION_TYPE_LABELS[value as OrganizationType];
  const text = value === null ? 'null' : value;
  const match = new RegExp(`(?:^|[\\s/:：（(])${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}（([^）]+)）`, 'u').exec(field.description);
  if (match) return match[1]!.replace(/checklistCount ?個?/gu, '指定した数');
  return value === null ? 'なし' : value;
}
