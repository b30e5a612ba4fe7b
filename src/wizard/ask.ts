import { isTodo } from '../answers/common.js';
import { parseDate } from './dates.js';
import { deepEqual, keyOf, parseKey, type Path, type WizardState } from './state.js';
import { textTable } from './table.js';
import { BACK, isBack, type FormField, type Prompts } from './types.js';

/**
 * The pieces every step is made of: a help text that says why the question is asked with an
 * example, forms made from a list of answers (each with its kind: text, a list of words, a number,
 * a date, a choice), and the list editor (a table shown as it will be printed, a row edited on one
 * screen). Values are checked with the profile schema while the form is still on screen.
 */

export interface Ctx {
  readonly prompts: Prompts;
  readonly state: WizardState;
  /** Width for tables. */
  readonly width: number;
  /** Inventory items added in this session whose facts were not yet shown (their facts start ticked). */
  readonly freshItems: Set<string>;
  /** かんたんモード or 詳しいモード (chosen after the organization's name). */
  readonly session: { mode: 'quick' | 'detailed' };
}

export type Outcome = 'next' | 'back';

/** 「なぜ聞くのか」 and an example, the two lines every question shows. */
export const help = (why: string, example?: string): string => [`なぜ聞くのか: ${why}`, ...(example ? [example.startsWith('例') ? example : `例: ${example}`] : [])].join('\n');

/** The words of a list typed on one line: 「執務スペース、書類保管庫」. */
export const splitWords = (text: string): string[] =>
  text
    .split(/[、,，]/u)
    .map((s) => s.trim())
    .filter(Boolean);
export const joinWords = (value: unknown): string => (Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('、') : typeof value === 'string' ? value : '');

export interface Spec {
  /** Where the answer goes, relative to the form's base path: `version`, `contact.desk`. */
  readonly key: string;
  readonly label: string;
  readonly help?: string;
  /**
   * text: one line; optional: one line, empty removes the key; nullable: empty is 「なし」 (null);
   * words: a list typed as 「A、B」; int; date; choice; bool (はい / いいえ).
   */
  readonly kind?: 'text' | 'optional' | 'nullable' | 'words' | 'int' | 'date' | 'choice' | 'bool';
  readonly choices?: readonly { readonly value: string; readonly name: string }[];
  /** For a choice: the choice that means 「書かない」 (the documents' default wording). */
  readonly unsetChoice?: string;
  /** A choice whose values are numbers in the profile (セキュリティ領域のレベル). */
  readonly numeric?: boolean;
  /** Shown when the key holds nothing yet. */
  readonly initial?: string;
  readonly group?: string;
  readonly min?: number;
  readonly max?: number;
  /** Empty is not an answer. */
  readonly required?: boolean;
  /** A value that is not written (the documents' own default): typing it removes the key. */
  readonly same?: unknown;
  /** For a choice: the choice that means 「なし」 (null). */
  readonly nullChoice?: string;
  /** Own conversions, for answers that are neither text nor a list of words (delivery routes, people by title). */
  readonly show?: (value: unknown) => string;
  readonly parse?: (text: string) => Read;
}

const NONE_TEXT = 'なし';

/** The value at a key as the form shows it. */
export function shown(spec: Spec, value: unknown): string {
  if (spec.show) return value === undefined ? (spec.initial ?? '') : spec.show(value);
  if (spec.kind === 'choice' && value === null && spec.nullChoice !== undefined) return spec.nullChoice;
  if (value === undefined || isTodo(value)) return spec.kind === 'choice' && spec.unsetChoice !== undefined ? spec.unsetChoice : (spec.initial ?? '');
  if (value === null) return spec.kind === 'nullable' ? '' : '';
  switch (spec.kind) {
    case 'words':
      return joinWords(value);
    case 'bool':
      return value === true ? 'yes' : 'no';
    default:
      return String(value);
  }
}

export type Read = { ok: true; value: unknown } | { ok: false; message: string };

/** What the form typed → the value to keep (`undefined` removes the key). */
export function read(spec: Spec, typed: string): Read {
  const r = spec.parse ? spec.parse(typed.trim()) : readValue(spec, typed);
  if (r.ok && spec.same !== undefined && deepEqual(r.value, spec.same)) return { ok: true, value: undefined };
  if (r.ok && spec.required && (r.value === undefined || r.value === null)) return { ok: false, message: '入力してください' };
  return r;
}

function readValue(spec: Spec, typed: string): Read {
  const text = typed.trim();
  switch (spec.kind) {
    case 'optional':
      return { ok: true, value: text === '' ? undefined : text };
    case 'nullable':
      return { ok: true, value: text === '' || text === NONE_TEXT ? null : text };
    case 'words': {
      const words = splitWords(text);
      return { ok: true, value: words.length ? words : undefined };
    }
    case 'int': {
      if (text === '') return { ok: true, value: undefined };
      const normalized = text.normalize('NFKC');
      if (!/^\d+$/u.test(normalized)) return { ok: false, message: '数字で入力してください（例: 12）' };
      const n = Number(normalized);
      if (spec.min !== undefined && n < spec.min) return { ok: false, message: `${spec.min}以上の数を入力してください` };
      if (spec.max !== undefined && n > spec.max) return { ok: false, message: `${spec.max}以下の数を入力してください` };
      return { ok: true, value: n };
    }
    case 'date': {
      if (text === '') return { ok: true, value: undefined };
      const parsed = parseDate(text);
      return parsed.ok ? { ok: true, value: parsed.value } : parsed;
    }
    case 'choice':
      return { ok: true, value: text === spec.unsetChoice ? undefined : text === spec.nullChoice ? null : spec.numeric ? Number(text) : text };
    case 'bool':
      return { ok: true, value: text === 'yes' };
    default:
      return text === '' ? { ok: false, message: '入力してください' } : { ok: true, value: text };
  }
}

const BOOL_CHOICES = [
  { value: 'yes', name: 'はい' },
  { value: 'no', name: 'いいえ' },
];

export interface FormOptions {
  readonly id: string;
  readonly message: string;
  readonly help?: string;
  readonly progress?: string;
  /** Where the specs' keys start. */
  readonly base: Path;
  readonly specs: readonly Spec[];
  /** Checks the typed values together (`true`, or the spec key and a message). */
  readonly validate?: (values: Readonly<Record<string, string>>) => true | { field: string; message: string };
}

/** Several answers on one screen, kept once the profile schema accepts them. */
export async function askForm(ctx: Ctx, options: FormOptions): Promise<Outcome> {
  const { state } = ctx;
  const at = (spec: Spec): Path => [...options.base, ...parseKey(spec.key)];
  const fields: FormField[] = options.specs.map((spec) => ({
    name: spec.key,
    label: spec.label,
    ...(spec.help ? { help: spec.help } : {}),
    ...(spec.group ? { group: spec.group } : {}),
    default: shown(spec, state.get(at(spec))),
    ...(spec.kind === 'choice' ? { choices: spec.choices ?? [] } : spec.kind === 'bool' ? { choices: BOOL_CHOICES } : {}),
    validate: (typed: string) => {
      const r = read(spec, typed);
      if (!r.ok) return r.message;
      const problems = state.check([[at(spec), r.value]]);
      return problems.get(keyOf(at(spec))) ?? true;
    },
  }));
  const answer = await ctx.prompts.form({
    id: options.id,
    message: options.message,
    ...(options.help ? { help: options.help } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    fields,
    validate: (values) => {
      const own = options.validate ? options.validate(values) : true;
      if (own !== true) return own;
      // The answers together: a value may need another (a recovery target needs the work it protects).
      const changes = options.specs.map((spec) => {
        const r = read(spec, values[spec.key] ?? '');
        return [at(spec), r.ok ? r.value : undefined] as const;
      });
      // Only what these answers touch: issues under the objects that hold them.
      const parents = changes.map(([path]) => keyOf(path.slice(0, -1)));
      const issue = state.issuesWith(changes).find(({ path }) => parents.some((parent) => keyOf(path) === parent || keyOf(path).startsWith(`${parent}.`)));
      if (!issue) return true;
      // Shown under the answer nearest to where the schema found it.
      const shared = (spec: Spec) => at(spec).findIndex((segment, i) => issue.path[i] !== segment);
      const nearest = [...options.specs].sort((a, b) => (shared(b) < 0 ? 99 : shared(b)) - (shared(a) < 0 ? 99 : shared(a)))[0]!;
      return { field: nearest.key, message: issue.message };
    },
  });
  if (isBack(answer)) return 'back';
  for (const spec of options.specs) {
    const r = read(spec, answer[spec.key] ?? '');
    if (!r.ok) throw new Error(`検証済みの回答を読み取れません: ${spec.key}`);
    state.set(at(spec), r.value);
  }
  return 'next';
}

// ── lists ──────────────────────────────────────────────────────────────────────────────────────

export interface ListOptions {
  readonly id: string;
  /** What the list is, as a heading: 「部門」. */
  readonly title: string;
  readonly help?: string;
  readonly path: Path;
  /** The row's answers, keys relative to the row. */
  readonly row: (ctx: Ctx, index: number) => readonly Spec[];
  /** The table's columns and one row's cells. */
  readonly columns: readonly string[];
  readonly cells: (row: Record<string, unknown>) => readonly string[];
  /** A new row before its form is filled (ids and the keys the form does not ask). */
  readonly blank: (ctx: Ctx) => Record<string, unknown>;
  /** Removing a row may need other answers to follow (references to it). */
  readonly onRemove?: (ctx: Ctx, row: Record<string, unknown>) => void;
  /** At least this many rows. */
  readonly min?: number;
}

type ListAction = 'done' | 'edit' | 'add' | 'remove';

/** A list shown as its table; rows are edited one screen each, added and removed. */
export async function editList(ctx: Ctx, options: ListOptions): Promise<Outcome> {
  const { prompts, state } = ctx;
  for (;;) {
    const rows = state.list(options.path);
    prompts.say(`\n■ ${options.title}\n${rows.length ? textTable(['#', ...options.columns], rows.map((row, i) => [String(i + 1), ...options.cells(row)]), ctx.width) : '  （まだありません）'}`);
    const action = await prompts.select<ListAction>({
      id: `${options.id}#action`,
      message: `${options.title}（${rows.length}件）`,
      ...(options.help ? { help: options.help } : {}),
      choices: [
        { value: 'done', name: 'これでよい（次へ）' },
        ...(rows.length ? [{ value: 'edit' as const, name: '1件を直す' }] : []),
        { value: 'add', name: '1件足す' },
        ...(rows.length ? [{ value: 'remove' as const, name: '1件消す' }] : []),
      ],
      default: 'done',
    });
    if (isBack(action)) return 'back';
    if (action === 'done') {
      if (options.min && rows.length < options.min) {
        prompts.say(`  ！ ${options.min}件以上必要です`);
        continue;
      }
      return 'next';
    }
    if (action === 'add') {
      const index = rows.length;
      state.set([...options.path, index], options.blank(ctx));
      const outcome = await askForm(ctx, { id: `${options.id}.row`, message: `${options.title}: ${index + 1}件目`, base: [...options.path, index], specs: options.row(ctx, index) });
      if (outcome === 'back') state.set(options.path, state.list(options.path).filter((_, i) => i !== index));
      continue;
    }
    const index = await pickRow(ctx, options, rows, action === 'edit' ? '直す' : '消す');
    if (index === undefined) continue;
    if (action === 'edit') {
      await askForm(ctx, { id: `${options.id}.row`, message: `${options.title}: ${index + 1}件目`, base: [...options.path, index], specs: options.row(ctx, index) });
    } else {
      const removed = rows[index]!;
      state.set(options.path, rows.filter((_, i) => i !== index));
      options.onRemove?.(ctx, removed);
    }
  }
}

async function pickRow(ctx: Ctx, options: ListOptions, rows: readonly Record<string, unknown>[], what: string): Promise<number | undefined> {
  if (rows.length === 1) return 0;
  const choice = await ctx.prompts.select<number>({
    id: `${options.id}#row`,
    message: `${what}ものを選んでください`,
    choices: rows.map((row, i) => ({ value: i, name: `${i + 1}. ${options.cells(row).filter(Boolean).slice(0, 3).join(' / ')}` })),
  });
  return isBack(choice) ? undefined : choice;
}

/** A topic of 詳しいモード: its current answers as a table, then 「このまま」 or a form. */
export async function askTopic(
  ctx: Ctx,
  topic: { id: string; title: string; why: string; progress?: string; shownRows: () => readonly (readonly [string, string])[]; edit: () => Promise<Outcome> },
): Promise<Outcome> {
  for (;;) {
    const rows = topic.shownRows();
    ctx.prompts.say(`\n■ ${topic.title}\n${rows.length ? textTable(['項目', '今の答え'], rows.map(([a, b]) => [a, b]), ctx.width, '  ', Math.max(32, Math.floor((ctx.width - 10) * 0.6))) : '  （答えはまだありません）'}`);
    const choice = await ctx.prompts.select<'keep' | 'edit'>({
      id: `topic.${topic.id}`,
      message: topic.title,
      help: help(topic.why),
      ...(topic.progress ? { progress: topic.progress } : {}),
      choices: [
        { value: 'keep', name: 'このまま（次へ）' },
        { value: 'edit', name: '直す' },
      ],
      default: 'keep',
    });
    if (isBack(choice)) return 'back';
    if (choice === 'keep') return 'next';
    await topic.edit();
  }
}

export { BACK };
