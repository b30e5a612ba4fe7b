import { stringify } from 'yaml';
import { isTodo } from './common.js';
import { ORGANIZATION_SIZE_LABELS, ORGANIZATION_SIZES, ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from '../profile/types.js';
import { INVENTORY_KINDS, KINDS } from '../profile/kinds.js';
import { RECOMMENDED_RULES, recommendedText } from '../profile/recommended.js';
import { ROLE_KEYS, ROLE_LABELS } from '../profile/roles.js';
import { profileSchema } from '../profile/schema.js';
import { defOf, fieldShape, isTodoOption, type SchemaDef } from './introspect.js';

/**
 * The answers reference (docs/answers.md), generated from the profile schema itself: every key with
 * its description, its form and what happens when it is not written (a default, a recommended value
 * for a gap, or a gap). A test keeps the committed file equal to this output, so the documentation
 * cannot drift from the schema.
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
    let current = shape.schema;
    let def = defOf(current);
    let none = '';
    // `list | none` and `{…} | none`: the structure is the non-none option; none is noted in the form.
    if (def.type === 'union' && def.options?.some(isNoneOption)) {
      current = unwrap(def.options.find((o) => !isNoneOption(o)));
      def = defOf(current);
      none = '、または none（なし）';
    }
    if (def.type === 'object') {
      if (key && !key.endsWith('[]')) rows.push({ key, description: description ?? '', form: `組${none}`, nullable, fillable, choices: [], isGroup: true });
      for (const [child, childSchema] of Object.entries(def.shape ?? {})) visit(childSchema, key ? `${key}.${child}` : child);
      return;
    }
    if (def.type === 'array') {
      const element = defOf(unwrap(def.element));
      if (element.type === 'object') {
        rows.push({ key, description: description ?? '', form: `リスト（各行は ${key}[] の組）${sizeNote(def)}${none}`, nullable, fillable, choices: [], isGroup: true });
        visit(def.element, `${key}[]`, undefined);
        return;
      }
    }
    if (def.type === 'record') {
      rows.push({ key, description: description ?? '', form: `組（キーは ${[...ROLE_KEYS, 'departmentOfficer'].join(' / ')}、値は { name, duty }）`, nullable, fillable, choices: [], isGroup: false });
      return;
    }
    rows.push({ key, description: description ?? '', form: (date ? '日付（YYYY-MM-DD）' : formOf(current)) + (nullable ? '、null 可' : '') + (fillable ? '、未定なら { todo: 質問 }' : ''), nullable, fillable, choices: choicesOf(current), isGroup: false });
  };
  visit(profileSchema, '');
  return rows;
}

/** The `false | 'none' | 'なし'` option of a union. */
function isNoneOption(option: unknown): boolean {
  const def = defOf(option);
  if (def.type === 'union') return (def.options ?? []).some(isNoneOption);
  return def.type === 'literal' && (def as { values?: unknown[] }).values?.[0] === false;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let def = defOf(current); ['nullable', 'optional', 'default', 'prefault', 'pipe', 'union'].includes(def.type); def = defOf(current)) {
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
    case 'literal':
      return `${String((def as { values?: unknown[] }).values?.[0] ?? '')}`;
    case 'union': {
      const options = (def.options ?? []).map((o) => formOf(unwrap(o)));
      return options.join('、または ');
    }
    case 'enum':
      return `${choicesOf(schema).join(' / ')} のいずれか`;
    case 'array':
      return `${formOf(unwrap(def.element))}のリスト${sizeNote(def)}`;
    case 'pipe':
      return '日付（YYYY-MM-DD）';
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

/** A profile with nothing but what is required, to read every default off the schema. */
const EMPTY_PROFILE = profileSchema.parse({ kitei: 2, organization: { name: '例', type: 'company', size: 'medium' } });
const recommended = new Map(RECOMMENDED_RULES.map((rule) => [rule.key, rule] as const));

/** What a key gives when the file does not write it. */
function whenOmitted(row: ReferenceRow): string {
  const rule = recommended.get(row.key);
  if (rule) {
    const [small, medium] = [recommendedText(rule, 'small'), recommendedText(rule, 'medium')];
    return small === medium ? `要記入（推奨: ${medium}）` : `要記入（推奨: 小規模 ${small}、中規模 ${medium}）`;
  }
  if (row.key.includes('[]') || row.isGroup) return '';
  const value = valueAt(EMPTY_PROFILE, row.key);
  if (value !== undefined) return shortValue(value);
  if (/書かなければ/u.test(row.description)) return '（説明のとおり）';
  if (row.key.startsWith('document.chapterRevised.')) return 'null（施行日）';
  if (row.key.startsWith('document.chapterScope.')) return '（種類ごとの文言）';
  return row.fillable || /^(organization\.business|document\.effectiveDate)$/u.test(row.key) ? '要記入' : '';
}

export function answersReference(): string {
  const out: string[] = [
    '# 回答ファイル（組織のプロフィール）のキー一覧',
    '',
    '<!-- このファイルは src/answers/reference.ts がスキーマから生成します。直接編集せず、',
    '     `UPDATE=1 npx vitest run test/reference.test.ts` で更新してください。 -->',
    '',
    '回答ファイル（YAML、先頭に `kitei: 2`）に書けるキーの一覧です。回答ファイルは組織のプロフィールです。',
    '人・部屋・機器・ソフトウェア・サービス・事業者をそれぞれ1回だけ書き、規程の表と文はすべてそこから作られます。',
    '以前の形式からの移し替えは [migration.md](migration.md)、種類・規模ごとの既定値と推奨値は [presets.md](presets.md) にあります。',
    '',
    `組織の種類（\`organization.type\`）: ${ORGANIZATION_TYPES.map((t) => `\`${t}\`（${ORGANIZATION_TYPE_LABELS[t]}）`).join('、')}`,
    '',
    `規模（\`organization.size\`）: ${ORGANIZATION_SIZES.map((s) => `\`${s}\`（${ORGANIZATION_SIZE_LABELS[s]}）`).join('、')}`,
    '',
    '- 「組」は「キー: 値」を字下げして並べたもの、「リスト」は `- ` で始まる行の並びです。',
    '- 「書かないとき」の列: 値があるものはその値が使われます。「要記入」は規程に【要記入】として残り（`kitei build` は `--draft` なしでは書き出しません）、`kitei check` が一覧にします。',
    '  サンプルが例として示す頻度・期間・回数は、回答に書いたときだけ規程に載ります（推奨値は `kitei check` の質問にも表示されます）。',
    '- 「ない」ことも答えです: リストは空（`[]`）か書かない、`telework: none`・`myNumber: none`・`backup: none` のように書くと、それに関わる文と表が規程から消えます。',
    '- 「未定なら { todo: 質問 }」の値は、まだ決まっていなければ `{ todo: 質問文 }` と書けます。',
    '- id は同じリストの中で一意にし、ほかの場所からはその id で指します（例: `departments[].head: admin`、`backup[].to: nas`）。',
    '',
    '## 役割（`people[].roles`）',
    '',
    '| 役割 | 意味 |',
    '| --- | --- |',
    ...ROLE_KEYS.map((role) => `| \`${role}\` | ${ROLE_LABELS[role]} |`),
    '',
    '情報セキュリティ部門責任者は `departments` の各部門の長（`head`）です。',
    '',
    '## inventory の種類（`inventory[].kind`）',
    '',
    '| 種類 | 表での呼び方 | 載る表 |',
    '| --- | --- | --- |',
    ...INVENTORY_KINDS.map((kind) => `| \`${kind}\` | ${KINDS[kind].label} | ${tablesOf(kind)} |`),
    '',
    'どの種類でも、`access`・`auth`・`deviceAuth` を書けばアクセス制御・利用者認証・端末認証の表に、`backup` を書けばバックアップの表に、',
    '`critical` を書けば事業継続の想定と復旧目標に、`logs` を書けばログの管理の表に、`telework` を書けばテレワークのシステムの表に、',
    '`app` を書けば標準アプリの表に載ります。',
  ];
  let group = '';
  for (const row of referenceRows()) {
    const top = row.key.split('.')[0]!;
    if (top !== group) {
      group = top;
      out.push('', `## ${top}`, '', '| キー | 内容 | 形式 | 書かないとき |', '| --- | --- | --- | --- |');
    }
    const key = row.isGroup ? `**${row.key}**` : `\`${row.key}\``;
    out.push(`| ${key} | ${cell(row.description)} | ${cell(row.form)} | ${cell(whenOmitted(row))} |`);
  }
  return `${out.join('\n')}\n`;
}

function tablesOf(kind: (typeof INVENTORY_KINDS)[number]): string {
  const info = KINDS[kind];
  const tables = [
    info.standardSoftware ? '技術的対策 2.4.1 標準ソフトウェア' : '',
    info.updateGroup ? `2.4.2 アップデート方法（${info.updateGroup}）` : '',
    info.antivirus && kind !== 'server-antivirus' ? '2.4.3 定義ファイルの更新方法' : '',
    info.serverSoftware ? '3.5.1 標準ソフトウェア（サーバー）' : '',
    info.serverDevice ? '3.5.1 機器の情報セキュリティ要件' : '',
    info.networkDevice ? '3.5.1 ネットワーク機器の要件と標準ネットワーク機器' : '',
    info.cloud ? 'バックアップ先ならクラウドバックアップの規定（4.3）を含める' : '',
    kind === 'external-storage' || kind === 'nas' ? 'バックアップ先なら 4.2 保管' : '',
    kind === 'mdm' ? '表には載らず、あれば人的対策 6.2.1 の「指定されたMDM（モバイル機器管理）エージェントをインストールし…」が入る' : '',
  ].filter(Boolean);
  return tables.length ? tables.join('、') : '（共通の項目の表だけ）';
}
