/**
 * The wizard's view of a terminal: four kinds of screen. src/wizard/prompts.ts implements it with
 * @inquirer (the only module that imports it); tests script it with a fake. Every screen carries an
 * `id` (the name of the step or of the profile part it asks) so a script can answer it and a test can
 * assert what was asked. Any screen can be left with 「戻る」 (Esc): the answer is then `BACK`.
 */

/** The user asked to go back to the previous question (Esc). */
export const BACK: unique symbol = Symbol('戻る');
export type Back = typeof BACK;
export const isBack = (value: unknown): value is Back => value === BACK;

/** Returns an error message (Japanese) to show under the question and ask again, or `true`. */
export type Validate<T> = (value: T) => true | string;

export interface QuestionBase {
  /** A step (`people`) or a part of the profile (`inventory.nas`): what scripts and tests refer to. */
  readonly id: string;
  readonly message: string;
  /** Lines shown before the question: why it is asked, and an example that fits it. */
  readonly help?: string;
  /** Where the user is: 「3/20」. */
  readonly progress?: string;
}

export interface InputQuestion extends QuestionBase {
  /** Shown on the line, ready to be accepted with Enter or edited. */
  readonly default?: string;
  readonly validate?: Validate<string>;
}

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  /** Shown under the list while the choice is highlighted. */
  readonly description?: string;
  readonly checked?: boolean;
  /** A heading line above this choice (a group in a long list). */
  readonly group?: string;
}

export interface SelectQuestion<T> extends QuestionBase {
  readonly choices: readonly Choice<T>[];
  readonly default?: T;
}

export interface CheckboxQuestion<T> extends QuestionBase {
  readonly choices: readonly Choice<T>[];
  readonly validate?: Validate<readonly T[]>;
}

/** One line of a form: free text, or one of a few choices (changed with ← →). */
export interface FormField {
  readonly name: string;
  readonly label: string;
  /** Why it is asked and an example, shown under the form while the field is active. */
  readonly help?: string;
  readonly default?: string;
  /** A choice field: the value is one of these. */
  readonly choices?: readonly { readonly value: string; readonly name: string }[];
  /** A heading line above this field (the person or room the next fields are about). */
  readonly group?: string;
  /** A choice that may stay unchosen (needed only with another answer, which the form checks). */
  readonly optional?: boolean;
  readonly validate?: Validate<string>;
}

/** Several answers on one screen (a table row, a person and their contacts): the values by field name. */
export interface FormQuestion extends QuestionBase {
  readonly fields: readonly FormField[];
  /** Checks the fields together; returns the field and message to show, or `true`. */
  readonly validate?: (values: Readonly<Record<string, string>>) => true | { readonly field: string; readonly message: string };
}

export interface Prompts {
  input(question: InputQuestion): Promise<string | Back>;
  select<T>(question: SelectQuestion<T>): Promise<T | Back>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[] | Back>;
  form(question: FormQuestion): Promise<Record<string, string> | Back>;
  /** Text between questions (headings, tables, notes). */
  say(text: string): void;
}

/** The user pressed Ctrl+C (or closed the terminal) during a question. */
export class WizardCancelled extends Error {
  constructor() {
    super('中断しました');
  }
}

/** Started without a terminal (pipe, CI): nobody can answer. */
export class WizardNeedsTerminal extends Error {
  constructor() {
    super('対話形式の入力には端末が必要です。回答ファイルがあれば kitei build <回答ファイル> を使ってください');
  }
}
