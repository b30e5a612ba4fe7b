import type { CheckboxQuestion, ConfirmQuestion, EditorQuestion, InputQuestion, Prompts, SelectQuestion } from '../../src/wizard/types.js';
import { WizardCancelled } from '../../src/wizard/types.js';

/**
 * A scripted terminal for the wizard tests: answers come from a script keyed by question id (an
 * array is consumed in order, a single value answers every time, a function sees the question),
 * anything unscripted takes the question's default, as pressing Enter would. Every question and
 * every validation message is recorded, so a test can assert what was asked and what was refused.
 */

export const CANCEL = Symbol('Ctrl+C');

type Answer = unknown;
export type Script = Record<string, Answer | Answer[] | ((question: Asked) => Answer)>;

export interface Asked {
  readonly kind: 'input' | 'select' | 'checkbox' | 'confirm' | 'editor';
  readonly id: string;
  readonly message: string;
  readonly help: string | undefined;
  readonly default: unknown;
  readonly choices: readonly unknown[] | undefined;
}

export class ScriptedPrompts implements Prompts {
  readonly asked: Asked[] = [];
  readonly said: string[] = [];
  /** Validation messages shown under a question: [id, message]. */
  readonly refused: [string, string][] = [];
  private readonly script: Map<string, Answer[] | { always: Answer }>;

  constructor(script: Script = {}, private readonly limit = 20_000) {
    this.script = new Map(Object.entries(script).map(([id, a]) => [id, Array.isArray(a) && !id.endsWith('!') ? [...a] : { always: a }]));
  }

  get output(): string {
    return this.said.join('\n');
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

  async input(q: InputQuestion): Promise<string> {
    for (;;) {
      const scripted = this.take(record('input', q, q.default));
      const typed = scripted === undefined ? '' : String(scripted);
      const value = typed === '' ? (q.default ?? '') : typed;
      const check = q.validate ? q.validate(value) : true;
      if (check === true) return value;
      this.refused.push([q.id, check]);
      if (!this.hasMore(q.id)) throw new Error(`${q.id}: 「${value}」が受け付けられず、次の答えがありません: ${check}`);
    }
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    const scripted = this.take(record('select', q, q.default, q.choices.map((c) => c.value)));
    if (scripted === undefined) return q.default !== undefined ? q.default : q.choices[0]!.value;
    const choice = q.choices.find((c) => c.value === scripted || c.name === scripted);
    if (!choice) throw new Error(`${q.id}: 選択肢にない答え ${String(scripted)}（選択肢: ${q.choices.map((c) => String(c.value)).join(', ')}）`);
    return choice.value;
  }

  async checkbox<T>(q: CheckboxQuestion<T>): Promise<T[]> {
    for (;;) {
      const defaults = q.choices.filter((c) => c.checked).map((c) => c.value);
      const scripted = this.take(record('checkbox', q, defaults, q.choices.map((c) => c.value)));
      const value = scripted === undefined ? defaults : (scripted as T[]);
      const check = q.validate ? q.validate(value) : true;
      if (check === true) return value;
      this.refused.push([q.id, check]);
      if (!this.hasMore(q.id)) throw new Error(`${q.id}: 受け付けられず、次の答えがありません: ${check}`);
    }
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const scripted = this.take(record('confirm', q, q.default));
    return scripted === undefined ? (q.default ?? true) : Boolean(scripted);
  }

  async editor(q: EditorQuestion): Promise<string> {
    for (;;) {
      const scripted = this.take(record('editor', q, q.default));
      const value = scripted === undefined ? (q.default ?? '') : String(scripted);
      const check = q.validate ? q.validate(value) : true;
      if (check === true) return value;
      this.refused.push([q.id, check]);
      if (!this.hasMore(q.id)) throw new Error(`${q.id}: 受け付けられず、次の答えがありません: ${check}`);
    }
  }

  say(text: string): void {
    this.said.push(text);
  }
}

const record = (kind: Asked['kind'], q: { id: string; message: string; help?: string }, def: unknown, choices?: readonly unknown[]): Asked => ({
  kind,
  id: q.id,
  message: q.message,
  help: q.help,
  default: def,
  choices,
});
