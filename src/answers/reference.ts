import { stringify } from 'yaml';
import { isTodo } from './common.js';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from './core.js';
import { defOf, fieldShape, isTodoOption, type SchemaDef } from './introspect.js';
import { answersSchema, presetFor } from './schema.js';

/**
 * The answers reference (docs/answers.md), generated from the zod schema itself: every key with its
 * description, its form and the company preset's default. A test keeps the committed file equal to
 * this output, so the documentation cannot drift from the schema.
 */

export interface ReferenceRow {
  /** Dotted key; list items as `[]`: `technical.continuity.backup.targets[].device`. */
  readonly key: string;
  readonly description: string;
  readonly form: string;
  readonly nullable: boolean;
  readonly fillable: boolean;
  /** Enum values, for the wizard's choices. */
  readonly choices: readonly string[];
  readonly isGroup: boolean;
}

/** Walks the schema in declaration order, one row per key (objects and lists of objects are groups). */
export function referenceRows(): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  const visit = (schema: unknown, key: string, inherited?: string) => {
    const shape = fieldShape(schema);
    const { nullable, fillable, date } = shape;
    const description = shape.description ?? inherited;
    const current = shape.schema;
    const def = defOf(current);
    if (def.type === 'object') {
      if (key && !key.endsWith('[]')) rows.push({ key, description: description ?? '', form: '組', nullable, fillable, choices: [], isGroup: true });
      for (const [child, childSchema] of Object.entries(def.shape ?? {})) visit(childSchema, key ? `${key}.${child}` : child);
      return;
    }
    if (def.type === 'array') {
      const element = defOf(unwrap(def.element));
      if (element.type === 'object') {
        rows.push({ key, description: description ?? '', form: `リスト（各行は ${key}[] の組）${sizeNote(def)}`, nullable, fillable, choices: [], isGroup: true });
        visit(def.element, `${key}[]`, undefined);
        return;
      }
    }
    rows.push({ key, description: description ?? '', form: (date ? '日付（YYYY-MM-DD）' : formOf(current)) + (nullable ? '、null 可' : '') + (fillable ? '、未定なら { todo: 質問 }' : ''), nullable, fillable, choices: choicesOf(current), isGroup: false });
  };
  visit(answersSchema, '');
  return rows;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let def = defOf(current); ['nullable', 'optional', 'default', 'pipe', 'union'].includes(def.type); def = defOf(current)) {
    if (def.type === 'pipe') current = def.out;
    else if (def.type === 'union') {
      const next = def.options?.find((o) => !isTodoOption(o));
      if (!next || next === current) break;
      current = next;
    } else current = def.innerType;
  }
  return current;
}

function sizeNote(def: SchemaDef): string {
  const min = def.checks?.find((c) => c._zod?.def?.check === 'min_length')?._zod?.def?.minimum;
  return min ? `、${min}行以上` : '';
}

function choicesOf(schema: unknown): string[] {
  const def = defOf(schema);
  return def.type === 'enum' ? Object.values(def.entries ?? {}) : [];
}

function formOf(schema: unknown): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const max = def.checks?.find((c) => c._zod?.def?.check === 'max_length')?._zod?.def?.maximum;
      return max !== undefined && max <= 200 ? '文字列（1行）' : '文字列（改行可）';
    }
    case 'number': {
      const min = def.checks?.find((c) => c._zod?.def?.check === 'greater_than')?._zod?.def?.value;
      const max = def.checks?.find((c) => c._zod?.def?.check === 'less_than')?._zod?.def?.value;
      return min !== undefined && max !== undefined ? `整数（${min}〜${max}）` : '数値';
    }
    case 'boolean':
      return 'true / false';
    case 'enum':
      return `${choicesOf(schema).join(' / ')} のいずれか`;
    case 'array':
      return `${formOf(unwrap(def.element))}のリスト${sizeNote(def)}`;
    case 'pipe':
      return '日付（YYYY-MM-DD）';
    case 'union':
      return (def.options ?? []).map(formOf).join('、または');
    default:
      return def.type;
  }
}

const valueAt = (data: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined), data);

/** A default value, short enough for a table cell. */
function shortValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (isTodo(value)) return `（要記入: ${value.todo}）`;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const joined = value.join('、');
    return joined.length > 80 ? `${value.length}項目（${joined.slice(0, 60)}…）` : `[${joined}]`;
  }
  if (Array.isArray(value)) return `${value.length}行（サンプルの例）`;
  const text = typeof value === 'string' ? value : stringify(value).trim();
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const cell = (s: string) => s.replace(/\|/gu, '\\|').replace(/\n/gu, '<br>');

export function answersReference(): string {
  const company = presetFor('company', {});
  const out: string[] = [
    '# 回答ファイルのキー一覧',
    '',
    '<!-- このファイルは src/answers/reference.ts がスキーマから生成します。直接編集せず、',
    '     `UPDATE=1 npx vitest run test/reference.test.ts` で更新してください。 -->',
    '',
    '回答ファイル（YAML）に書けるキーの一覧です。書かなかったキーは、組織の種類（`organization.type`）のプリセットの値になります。',
    '「既定値」は株式会社（`company`）のプリセットの値です。ほかの種類では語彙（当協会・職員・理事長・部外秘など）が変わります。',
    '',
    `組織の種類: ${ORGANIZATION_TYPES.map((t) => `\`${t}\`（${ORGANIZATION_TYPE_LABELS[t]}）`).join('、')}`,
    '',
    '- 「組」は「キー: 値」を字下げして並べたもの、「リスト」は `- ` で始まる行の並びです。',
    '- 書いたキーだけがプリセットを上書きします。組はキーごとに、リストは丸ごと置き換わります。',
    '- 「未定なら { todo: 質問 }」の値は、まだ決まっていなければ `{ todo: 質問文 }` と書けます。下書き（`--draft`）では【要記入：質問文】と表示され、`kitei check` が一覧にします。',
    '',
  ];
  let group = '';
  for (const row of referenceRows()) {
    const top = row.key.split('.')[0]!;
    if (top !== group) {
      group = top;
      out.push('', `## ${top}`, '', '| キー | 内容 | 形式 | 既定値（株式会社） |', '| --- | --- | --- | --- |');
    }
    const defaultValue = row.key.includes('[]') || row.isGroup ? '' : shortValue(valueAt(company, row.key));
    const key = row.isGroup ? `**${row.key}**` : `\`${row.key}\``;
    out.push(`| ${key} | ${cell(row.description)} | ${cell(row.form)} | ${cell(defaultValue)} |`);
  }
  return `${out.join('\n')}\n`;
}
