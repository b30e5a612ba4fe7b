import type { CheckboxQuestion, FormQuestion, InputQuestion, Prompts, SelectQuestion } from '../../src/wizard/types.js';
import { BACK, WizardCancelled } from '../../src/wizard/types.js';

/**
 * A scripted terminal for the wizard tests: answers come from a script keyed by screen id (an array
 * is consumed in order, a single value answers every time, a function sees the question), anything
 * unscripted takes the screen's default, as pressing Enter would. A form's answer is an object of
 * the fields to type (the others keep their value). `BACK` is Esc, `CANCEL` is Ctrl+C. Every
 * screen and every refused value is recorded, so a test can assert what was asked, how many
 * screens a person answered, and what was refused.
 */

export const CANCEL = Symbol('Ctrl+C');
export { BACK };

type Answer = unknown;
export type Script = Record<string, Answer | Answer[] | ((question: Asked) => Answer)>;

export interface Asked {
  readonly kind: 'input' | 'select' | 'checkbox' | 'form';
  readonly id: string;
  readonly message: string;
  readonly help: string | undefined;
  readonly progress: string | undefined;
  readonly default: unknown;
  readonly choices: readonly unknown[] | undefined;
  /** For a form: its fields' labels and help (what the screen shows). */
  readonly fields?: readonly { name: string; label: string; help?: string; default?: string; group?: string; choices?: readonly { value: string; name: string }[] }[];
}

export class ScriptedPrompts implements Prompts {
  readonly asked: Asked[] = [];
  readonly said: string[] = [];
  /** Validation messages shown under a question: [id, message]. */
  readonly refused: [string, string][] = [];
  private readonly script: Map<string, Answer[] | { always: Answer }>;

  constructor(
    script: Script = {},
    private readonly limit = 2_000,
  ) {
    this.script = new Map(Object.entries(script).map(([id, a]) => [id, Array.isArray(a) && !id.endsWith('!') ? [...a] : { always: a }]));
  }

  get output(): string {
    return this.said.join('\n');
  }

  /** Everything the screens showed: messages, help, choices, form fields and the text between. */
  get screens(): string {
    const shown = this.asked.map((a) =>
      [
        a.message,
        a.help ?? '',
        ...(a.choices ?? []).flatMap((c) => (typeof c === 'object' && c !== null && 'name' in c ? [String((c as { name: string }).name), String((c as { description?: string }).description ?? ''), String((c as { group?: string }).group ?? '')] : [])),
        ...(a.fields ?? []).flatMap((f) => [f.label, f.help ?? '', f.group ?? '', f.default ?? '', ...(f.choices ?? []).map((c) => c.name)]),
      ].join('\n'),
    );
    return [...shown, ...this.said].join('\n');
  }

  ids(kind?: Asked['kind']): string[] {
    return this.asked.filter((a) => !kind || a.kind === kind).map((a) => a.id);
  }

  /** The scripted answer for a question, or `undefined` for "press Enter". */
  private take(asked: Asked): Answer {
    if (this.asked.length > this.limit) throw new Error(`質問が ${this.limit} を超えました（終わらない流れ）: ${asked.id}`);
    this.asked.push(asked);
    const entry = this.script.get(asked.id);
    let answer: Answer;
    if (!entry) answer = undefined;
    else if (Array.isArray(entry)) answer = entry.shift();
    else answer = entry.always;
    if (typeof answer === 'function') answer = (answer as (q: Asked) => Answer)(asked);
    if (answer === CANCEL) throw new WizardCancelled();
    return answer;
  }

  private hasMore(id: string): boolean {
    const entry = this.script.get(id);
    return Array.isArray(entry) && entry.length > 0;
  }

  async input(q: InputQuestion): Promise<string | typeof BACK> {
    for (;;) {
      const scripted = this.take(record('input', q, q.default));
      if (scripted === BACK) return BACK;
      const value = scripted === undefined ? (q.default ?? '') : String(scripted);
      const check = q.validate ? q.validate(value) : true;
      if (check === true) return value;
      this.refused.push([q.id, check]);
      if (!this.hasMore(q.id)) throw new Error(`${q.id}: 「${value}」が受け付けられず、次の答えがありません: ${check}`);
    }
  }

  async select<T>(q: SelectQuestion<T>): Promise<T | typeof BACK> {
    const scripted = this.take(record('select', q, q.default, q.choices));
    if (scripted === BACK) return BACK;
    if (scripted === undefined) return q.default !== undefined ? q.default : q.choices[0]!.value;
    const choice = q.choices.find((c) => c.value === scripted || c.name === scripted);
    if (!choice) throw new Error(`${q.id}: 選択肢にない答え ${String(scripted)}（選択肢: ${q.choices.map((c) => String(c.value)).join(', ')}）`);
    return choice.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[] | typeof BACK> {
    for (;;) {
      const defaults = q.choices.filter((c) => c.checked).map((c) => c.value);
      const scripted = this.take(record('checkbox', q, defaults, q.choices));
      if (scripted === BACK) return BACK;
      const value = scripted === undefined ? defaults : (scripted as T[]);
      for (const v of value) if (!q.choices.some((c) => c.value === v)) throw new Error(`${q.id}: 選択肢にない答え ${String(v)}`);
      const check = q.validate ? q.validate(value) : true;
      if (check === true) return value;
      this.refused.push([q.id, check]);
      if (!this.hasMore(q.id)) throw new Error(`${q.id}: 受け付けられず、次の答えがありません: ${check}`);
    }
  }

  async form(q: FormQuestion): Promise<Record<string, string> | typeof BACK> {
    for (;;) {
      const defaults = Object.fromEntries(q.fields.map((f) => [f.name, f.default ?? '']));
      const scripted = this.take({ ...record('form', q, defaults), fields: q.fields });
      if (scripted === BACK) return BACK;
      const typed = (scripted ?? {}) as Record<string, string>;
      for (const name of Object.keys(typed)) if (!q.fields.some((f) => f.name === name)) throw new Error(`${q.id}: この画面に「${name}」の欄はありません（欄: ${q.fields.map((f) => f.name).join(', ')}）`);
      const values = { ...defaults, ...typed };
      let problem: [string, string] | undefined;
      for (const field of q.fields) {
        const value = values[field.name] ?? '';
        const check = field.choices && !(field.optional && value === '') && !field.choices.some((c) => c.value === value) ? '← → で選んでください' : field.validate ? field.validate(value) : true;
        if (check !== true) {
          problem = [`${q.id}.${field.name}`, check];
          break;
        }
      }
      if (!problem && q.validate) {
        const together = q.validate(values);
        if (together !== true) problem = [`${q.id}.${together.field}`, together.message];
      }
      if (!problem) return values;
      this.refused.push(problem);
      if (!this.hasMore(q.id)) throw new Error(`${problem[0]}: 受け付けられず、次の答えがありません: ${problem[1]}`);
    }
  }

  say(text: string): void {
    this.said.push(text);
  }
}

const record = (kind: Asked['kind'], q: { id: string; message: string; help?: string; progress?: string }, def: unknown, choices?: readonly unknown[]): Asked => ({
  kind,
  id: q.id,
  message: q.message,
  help: q.help,
  progress: q.progress,
  default: def,
  choices,
});
