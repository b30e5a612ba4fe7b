import { isTodo, todo } from '../answers/common.js';
import { presetFor } from '../answers/schema.js';
import type { WizardState } from './state.js';
import { deepEqual, isPlainObject, valueAt } from './state.js';
import { textTable } from './table.js';
import { checkField, choiceLabel, fieldAt, keyOf, type Field, type LeafField, type ListField, type ObjectField, type Path } from './tree.js';
import type { Prompts } from './types.js';

/**
 * Asking one answer of any kind: a value (input, select), a group of answers (each in turn) or a
 * list (a table preview and a menu to change, add, remove and move rows). Every value is checked
 * with the schema while the question is still on screen, so a wrong answer is asked again.
 */

export interface Ctx {
  readonly prompts: Prompts;
  readonly state: WizardState;
  /** Width for table previews. */
  readonly width: number;
  /** Parts that an option turned off (telework questions without telework…). */
  readonly skip?: (path: Path, state: WizardState) => boolean;
}

export interface AskOptions {
  readonly message?: string;
  readonly help?: string;
}

const SKIP_MARKS = ['?', '？'];
const NONE_MARKS = ['-', '－', 'ー'];

let companyPreset: Record<string, unknown> | undefined;
/** The sample's own value for a key (the company preset follows the sample's wording). */
const sampleValue = (path: Path): unknown => valueAt((companyPreset ??= presetFor('company', {})), path);

/** A value in one short line, for defaults, tables and the review. */
export function shortText(value: unknown, field?: Field, max = 60): string {
  let text: string;
  if (value === undefined) text = '';
  else if (value === null) text = '－';
  else if (isTodo(value)) text = '【要記入】';
  else if (typeof value === 'boolean') text = value ? 'はい' : 'いいえ';
  else if (typeof value === 'string' && field?.kind === 'leaf' && field.type === 'enum') text = choiceLabel(field, value);
  else if (Array.isArray(value)) {
    const element = field?.kind === 'list' ? field.element : undefined;
    // An enum list's value names are in the list's own description.
    const item = (v: unknown) => (field && element?.kind === 'leaf' && element.type === 'enum' && typeof v === 'string' ? choiceLabel(field, v) : shortText(v, element, max));
    text = value.every((v) => typeof v === 'string' || isTodo(v)) ? value.map(item).join('、') : `${value.length}行`;
  } else if (isPlainObject(value)) text = '…';
  else text = String(value);
  text = text.replace(/\s*\n\s*/gu, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Descriptions are written for YAML authors; on screen `null` is 「なし」. */
export const readable = (text: string) => text.replace(/\bnull\b/gu, '「なし」');

/** The label up to its first bracket or sentence end, for table headers. */
const columnTitle = (field: Field) => field.label.replace(/^[\d.]+\s+/u, '').split(/[（(。]/u)[0]!.trim() || field.name;

/** "Why it matters, with an example from the sample" plus how to answer, in one or two lines. */
export function leafHelp(field: LeafField, path: Path, current: unknown): string {
  // A choice shows its own names; the codes in the description (hardDisk（ハードディスク）) would only confuse.
  if (field.type === 'enum' || field.type === 'bool') return field.label !== field.description && !field.example ? readable(field.description) : '';
  const example = field.example ?? (() => {
    const sample = sampleValue(path);
    return sample === undefined || isTodo(sample) || sample === null || typeof sample === 'boolean' ? undefined : shortText(sample, field);
  })();
  const notes: string[] = [];
  if (isTodo(current)) notes.push(`未記入です（${current.todo}）。Enter で後回しにできます`);
  else if (field.fillable) notes.push('「?」で後回し（【要記入】として残す）');
  if (field.nullable) notes.push('「-」で「なし」');
  if (field.type === 'text') notes.push('改行は \\n と入力');
  if (field.type === 'date') notes.push('YYYY-MM-DD の形で');
  if (field.type === 'int' && field.min !== undefined && field.max !== undefined) notes.push(`${field.min}〜${field.max} の整数`);
  if (current !== undefined && current !== null && !isTodo(current)) notes.push('Enter でそのまま、Tab で今の値を編集');
  const first = [field.label !== field.description && !field.example ? field.description : '', example ? `例: ${example}` : ''].filter(Boolean).join(' ');
  return readable([first, notes.join('、')].filter(Boolean).join('\n'));
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** The typed text → the value to store (null, a `{ todo }`, a number, text with line breaks). */
export function parseTyped(field: LeafField, raw: string, current: unknown, todoQuestion: string): Parsed {
  const trimmed = raw.trim();
  if (SKIP_MARKS.includes(trimmed)) {
    return field.fillable ? { ok: true, value: todo(todoQuestion) } : { ok: false, message: 'この項目は後回しにできません。値を記入してください' };
  }
  if (NONE_MARKS.includes(trimmed)) {
    return field.nullable ? { ok: true, value: null } : { ok: false, message: 'この項目は「なし」にできません。値を記入してください' };
  }
  if (trimmed === '') {
    if (isTodo(current)) return { ok: true, value: current };
    if (field.nullable) return { ok: true, value: null };
    if (field.fillable && current === undefined) return { ok: true, value: todo(todoQuestion) };
    return { ok: false, message: '空にはできません' };
  }
  switch (field.type) {
    case 'int': {
      const normalized = trimmed.normalize('NFKC');
      if (!/^-?\d+$/u.test(normalized)) return { ok: false, message: '整数（半角数字）で記入してください' };
      return { ok: true, value: Number(normalized) };
    }
    case 'date': {
      // 2026/4/1 and ２０２６年４月１日 mean the same day as 2026-04-01.
      const normalized = trimmed.normalize('NFKC').replace(/\s/gu, '');
      const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(normalized);
      return { ok: true, value: parts ? `${parts[1]}-${parts[2]!.padStart(2, '0')}-${parts[3]!.padStart(2, '0')}` : normalized };
    }
    case 'text':
      return { ok: true, value: trimmed.replace(/\\n/gu, '\n') };
    default:
      return { ok: true, value: trimmed };
  }
}

/** What `?` leaves behind: the preset's own question where there is one, else the key's label. */
function todoQuestionFor(ctx: Ctx, path: Path, field: LeafField, current: unknown): string {
  if (isTodo(current)) return current.todo;
  const preset = valueAt(ctx.state.defaults(), path);
  if (isTodo(preset)) return preset.todo;
  return field.label;
}

const displayDefault = (field: LeafField, value: unknown): string | undefined => {
  if (value === undefined || value === null || isTodo(value)) return undefined;
  const text = String(value);
  return field.type === 'text' ? text.replace(/\n/gu, '\\n') : text;
};

export async function askLeaf(ctx: Ctx, path: Path, field: LeafField, options: AskOptions = {}): Promise<void> {
  const current = ctx.state.get(path);
  const id = keyOf(path);
  const message = readable(options.message ?? field.label);
  const help = options.help ?? leafHelp(field, path, current);
  if (field.type === 'bool') {
    const value = await ctx.prompts.select({
      id,
      message,
      help,
      choices: [
        { value: true, name: 'はい' },
        { value: false, name: 'いいえ' },
      ],
      ...(typeof current === 'boolean' ? { default: current } : {}),
    });
    setIfChanged(ctx, path, current, value);
    return;
  }
  if (field.type === 'enum') {
    const choices = [
      ...field.choices.map((value) => ({ value: value as string | null, name: choiceLabel(field, value) })),
      ...(field.nullable ? [{ value: null, name: choiceLabel(field, null) }] : []),
    ];
    const value = await ctx.prompts.select({ id, message, help, choices, ...(current !== undefined && !isTodo(current) ? { default: current as string | null } : {}) });
    setIfChanged(ctx, path, current, value);
    return;
  }
  const question = todoQuestionFor(ctx, path, field, current);
  const parse = (raw: string) => parseTyped(field, raw, current, question);
  const defaultText = displayDefault(field, current);
  const raw = await ctx.prompts.input({
    id,
    message,
    help,
    ...(defaultText !== undefined ? { default: defaultText } : {}),
    ...(isTodo(current) ? { emptyLabel: '（後回し）' } : field.nullable ? { emptyLabel: '（なし）' } : {}),
    validate: (typed) => {
      const parsed = parse(typed);
      return parsed.ok ? checkField(field, parsed.value) : parsed.message;
    },
  });
  const parsed = parse(raw);
  if (!parsed.ok) throw new Error(`検証済みの回答を読み取れません: ${id}`);
  setIfChanged(ctx, path, current, parsed.value);
  // The same stand-in in another table (the antivirus product in 2.4.1 and 2.4.3) gets the same answer.
  if (isTodo(current) && !isTodo(parsed.value) && parsed.value !== null) {
    const filled = fillSameQuestion(ctx, (q) => q === current.todo, parsed.value, path);
    if (filled.length) ctx.prompts.say(`  同じ項目にも同じ値を入れました: ${filled.map(placeOf).join('、')}`);
  }
}

/** Where a key is, in words: the table and row for a list cell (`2.4.3 … の 1行目`), else the label. */
export function placeOf(path: Path): string {
  const listAt = path.findIndex((s) => typeof s === 'number');
  if (listAt < 0) return fieldAt(path)?.label.split(/[（:]/u)[0] ?? keyOf(path);
  const table = fieldAt(path.slice(0, listAt));
  return `${table?.label.split(/[（:]/u)[0] ?? keyOf(path.slice(0, listAt))} の ${Number(path[listAt]) + 1}行目`;
}

/** Enter on the shown value changes nothing: the answers file gets no key the user did not change. */
function setIfChanged(ctx: Ctx, path: Path, current: unknown, value: unknown): void {
  if (!deepEqual(current, value)) ctx.state.set(path, value);
}

/** Every stand-in whose question matches gets `value` (where its key accepts it); returns the paths filled. */
export function fillSameQuestion(ctx: Ctx, matches: (question: string) => boolean, value: unknown, except: Path): Path[] {
  const found: Path[] = [];
  const walk = (node: unknown, path: Path) => {
    if (isTodo(node)) {
      if (matches(node.todo) && keyOf(path) !== keyOf(except)) found.push(path);
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (isPlainObject(node)) for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(ctx.state.effective(), []);
  const filled: Path[] = [];
  for (const path of found) {
    const field = fieldAt(path);
    if (field && checkField(field, value) === true) {
      ctx.state.set(path, value);
      filled.push(path);
    }
  }
  return filled;
}

export async function askField(ctx: Ctx, path: Path, field: Field, options: AskOptions = {}): Promise<void> {
  if (ctx.skip?.(path, ctx.state)) return;
  if (field.kind === 'leaf') return askLeaf(ctx, path, field, options);
  if (field.kind === 'list') return editList(ctx, path, field, options);
  return askObject(ctx, path, field, options);
}

/** Each answer of a group in turn (the parts an option turned off are skipped). */
export async function askObject(ctx: Ctx, path: Path, field: ObjectField, options: AskOptions = {}): Promise<void> {
  if (field.nullable && ctx.state.get(path) === null) {
    const use = await ctx.prompts.select({
      id: `${keyOf(path)}#use`,
      message: `${options.message ?? field.label}を定めますか`,
      choices: [
        { value: false, name: '定めない（なし）' },
        { value: true, name: '定める' },
      ],
      default: false,
    });
    if (!use) return;
  }
  if (path.length) ctx.prompts.say(`\n■ ${options.message ?? field.label}`);
  for (const child of field.fields) await askField(ctx, [...path, child.name], child);
}

/** A new row: empty text, `null` where the key may be empty, empty lists. */
function blankRow(field: Field): unknown {
  if (field.kind === 'object') return Object.fromEntries(field.fields.map((f) => [f.name, blankRow(f)]));
  if (field.kind === 'list') return [];
  if (field.nullable) return null;
  if (field.type === 'bool') return false;
  if (field.type === 'enum') return field.choices[0];
  return undefined;
}

/** The rows as the table they produce (object rows) or a numbered list (text rows). */
export function listPreview(field: ListField, rows: readonly unknown[], width: number): string {
  if (rows.length === 0) return '  （まだ1行もありません）';
  const element = field.element;
  if (element.kind !== 'object') return rows.map((row, i) => `  ${i + 1}. ${shortText(row, element, width - 8)}`).join('\n');
  const columns = element.fields;
  const cell = (row: unknown, c: Field) => shortText(valueAt(row, [c.name]), c, 200);
  // A wide table of few rows (the security areas: 11 columns, 3 areas) reads best turned, as the sample prints it.
  if (columns.length > 6 && rows.length <= 4) {
    return textTable(['項目', ...rows.map((_, i) => String(i + 1))], columns.map((c) => [columnTitle(c), ...rows.map((row) => cell(row, c))]), width);
  }
  const shown = columns.length > 6 ? columns.slice(0, 5) : columns;
  const table = textTable(['#', ...shown.map(columnTitle)], rows.map((row, i) => [String(i + 1), ...shown.map((c) => cell(row, c))]), width);
  return shown.length < columns.length ? `${table}\n  （ほか ${columns.length - shown.length} 列: ${columns.slice(shown.length).map(columnTitle).join('、')}）` : table;
}

const rowSummary = (field: ListField, row: unknown): string => {
  const element = field.element;
  if (element.kind !== 'object') return shortText(row, element, 50);
  return shortText(
    element.fields
      .filter((f) => f.kind === 'leaf')
      .slice(0, 3)
      .map((f) => shortText(valueAt(row, [f.name]), f, 30))
      .join(' / '),
    undefined,
    60,
  );
};

type ListAction = 'done' | 'edit' | 'add' | 'remove' | 'up' | 'editor' | 'none';

/** A list: shown as its table, then changed row by row until the user says it is right. */
export async function editList(ctx: Ctx, path: Path, field: ListField, options: AskOptions = {}): Promise<void> {
  const id = keyOf(path);
  const label = options.message ?? field.label;
  const element = field.element;
  if (ctx.state.get(path) === null || ctx.state.get(path) === undefined) {
    const use = await ctx.prompts.select({
      id: `${id}#use`,
      message: `${label}を使いますか`,
      help: options.help ?? field.description,
      choices: [
        { value: false, name: '使わない（なし）' },
        { value: true, name: '使う（表に行を入れる）' },
      ],
      default: false,
    });
    if (!use) return;
    ctx.state.set(path, []);
  }
  if (element.kind === 'leaf' && element.type === 'enum') {
    const current = (ctx.state.get(path) as string[]) ?? [];
    const chosen = await ctx.prompts.checkbox({
      id,
      message: label,
      help: options.help ?? `${field.description}（スペースで選び、Enter で決定）`,
      choices: element.choices.map((value) => ({ value, name: choiceLabel(field, value), checked: current.includes(value) })),
      validate: (values) => checkField(field, [...values]),
    });
    setIfChanged(ctx, path, current, chosen);
    return;
  }
  let help = options.help ?? [field.label !== field.description ? field.description : '', field.min ? `${field.min}行以上必要です` : ''].filter(Boolean).join('。');
  for (;;) {
    const rows = (ctx.state.get(path) as unknown[]) ?? [];
    ctx.prompts.say(`\n■ ${label}\n${listPreview(field, rows, ctx.width)}`);
    const choices: { value: ListAction; name: string }[] = [
      { value: 'done', name: 'これでよい（次へ）' },
      ...(rows.length ? [{ value: 'edit' as const, name: '行を直す' }] : []),
      { value: 'add', name: '行を足す' },
      ...(rows.length ? [{ value: 'remove' as const, name: '行を消す' }] : []),
      ...(rows.length > 1 ? [{ value: 'up' as const, name: '行を上へ移す' }] : []),
      ...(element.kind === 'leaf' ? [{ value: 'editor' as const, name: 'エディタでまとめて直す（1行に1項目）' }] : []),
      ...(field.nullable ? [{ value: 'none' as const, name: 'この表を使わない（なし）' }] : []),
    ];
    const action = await ctx.prompts.select<ListAction>({ id: `${id}#action`, message: `${label}（${rows.length}行）`, help, choices, default: 'done' });
    help = '';
    switch (action) {
      case 'done': {
        const check = checkField(field, rows);
        if (check === true) return;
        ctx.prompts.say(`  ！ ${check}`);
        break;
      }
      case 'none':
        ctx.state.set(path, null);
        return;
      case 'add': {
        const index = rows.length;
        ctx.state.set([...path, index], blankRow(element));
        await askRow(ctx, path, field, index, true);
        break;
      }
      case 'edit': {
        const index = await pickRow(ctx, path, field, rows, '直す行');
        if (index !== undefined) await askRow(ctx, path, field, index);
        break;
      }
      case 'remove': {
        const index = await pickRow(ctx, path, field, rows, '消す行');
        if (index !== undefined) ctx.state.set(path, rows.filter((_, i) => i !== index));
        break;
      }
      case 'up': {
        const index = await pickRow(ctx, path, field, rows.slice(1), '上へ移す行', 1);
        if (index !== undefined) {
          const next = [...rows];
          [next[index - 1], next[index]] = [next[index], next[index - 1]];
          ctx.state.set(path, next);
        }
        break;
      }
      case 'editor': {
        const text = await ctx.prompts.editor({
          id: `${id}#editor`,
          message: `${label}（1行に1項目）`,
          default: rows.map((r) => (isTodo(r) ? '?' : String(r))).join('\n'),
          validate: (value) => checkField(field, linesOf(value, element as LeafField)),
        });
        ctx.state.set(path, linesOf(text, element as LeafField));
        break;
      }
    }
  }
}

/** Editor text → list items (blank lines dropped, `?` kept as a stand-in). */
const linesOf = (text: string, element: LeafField): unknown[] =>
  text
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => (SKIP_MARKS.includes(l) && element.fillable ? todo(element.label) : l));

async function pickRow(ctx: Ctx, path: Path, field: ListField, rows: readonly unknown[], what: string, offset = 0): Promise<number | undefined> {
  if (rows.length === 1 && offset === 0) return 0;
  const choice = await ctx.prompts.select<number>({
    id: `${keyOf(path)}#row`,
    message: `${what}を選んでください`,
    choices: [...rows.map((row, i) => ({ value: i + offset, name: `${i + offset + 1}. ${rowSummary(field, row)}` })), { value: -1, name: 'やめる' }],
  });
  return choice < 0 ? undefined : choice;
}

async function askRow(ctx: Ctx, path: Path, field: ListField, index: number, fresh = false): Promise<void> {
  const rowPath = [...path, index];
  const element = field.element;
  if (element.kind === 'leaf') return askLeaf(ctx, rowPath, element, { message: `${index + 1}行目` });
  if (element.kind === 'object') {
    ctx.prompts.say(`\n■ ${field.label} の ${index + 1}行目`);
    // A new row is filled in key by key; in an existing row of many keys the user picks the ones to change.
    if (fresh || element.fields.length <= 3) {
      for (const child of element.fields) await askField(ctx, [...rowPath, child.name], child);
      return;
    }
    for (;;) {
      const pick = await ctx.prompts.select<string>({
        id: `${keyOf(rowPath)}#field`,
        message: `${index + 1}行目の直す項目を選んでください`,
        choices: [
          { value: '', name: 'これでよい（表に戻る）' },
          ...element.fields.map((f) => ({ value: f.name, name: `${columnTitle(f)}: ${shortText(ctx.state.get([...rowPath, f.name]), f, 40)}` })),
        ],
        default: '',
      });
      if (!pick) return;
      const child = element.fields.find((f) => f.name === pick)!;
      await askField(ctx, [...rowPath, child.name], child);
    }
  }
  return editList(ctx, rowPath, element, { message: `${index + 1}行目` });
}
