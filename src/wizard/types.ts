/**
 * The wizard's view of a terminal: five kinds of question. src/wizard/prompts.ts implements it with
 * @inquirer/prompts (the only module that imports inquirer); tests script it with a fake. Every
 * question carries an `id` (the answers key, or the name of a menu) so a script can answer it and a
 * test can assert what was asked.
 */

/** Returns an error message (Japanese) to show under the question and ask again, or `true`. */
export type Validate<T> = (value: T) => true | string;

export interface QuestionBase {
  /** Answers key (`roles.systemAdmin.title`, list rows as `…targets.2.device`) or a menu name (`wizard.mode`). */
  readonly id: string;
  readonly message: string;
  /** One or two lines shown before the question: why it matters and an example. */
  readonly help?: string;
}

export interface InputQuestion extends QuestionBase {
  /** Accepted with Enter; Tab puts it on the line to edit it. */
  readonly default?: string;
  readonly validate?: Validate<string>;
  /** What the answer line shows when the answer is empty (「（後回し）」「（なし）」). */
  readonly emptyLabel?: string;
}

export interface Choice<T> {
  readonly value: T;
  readonly name: string;
  /** Shown under the list while the choice is highlighted. */
  readonly description?: string;
  readonly checked?: boolean;
}

export interface SelectQuestion<T> extends QuestionBase {
  readonly choices: readonly Choice<T>[];
  readonly default?: T;
}

export interface CheckboxQuestion<T> extends QuestionBase {
  readonly choices: readonly Choice<T>[];
  readonly validate?: Validate<readonly T[]>;
}

export interface ConfirmQuestion extends QuestionBase {
  readonly default?: boolean;
}

export interface EditorQuestion extends QuestionBase {
  readonly default?: string;
  readonly validate?: Validate<string>;
}

export interface Prompts {
  input(question: InputQuestion): Promise<string>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T>(question: CheckboxQuestion<T>): Promise<T[]>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  editor(question: EditorQuestion): Promise<string>;
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
