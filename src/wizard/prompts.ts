import { checkbox, confirm, editor, input, select } from '@inquirer/prompts';
import type { Choice, Prompts } from './types.js';
import { WizardCancelled, WizardNeedsTerminal } from './types.js';

/**
 * The one module that imports @inquirer/prompts: a thin adapter from the wizard's `Prompts` to
 * inquirer, with every word inquirer shows by itself (key hints, confirm answers, the editor note)
 * in Japanese. The CLI loads the wizard with a dynamic import, so `kitei build` and `kitei batch`
 * never load this file.
 */

const KEY_ACTIONS: Record<string, string> = {
  navigate: '移動',
  select: '選択',
  submit: '決定',
  all: 'すべて',
  invert: '反転',
};

// Plain ANSI (node:util styleText needs Node 20.12); NO_COLOR turns it off as inquirer's colors do.
const color = !process.env.NO_COLOR;
const dim = (text: string) => (color ? `\u001b[2m${text}\u001b[22m` : text);
const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[22m` : text);
const cyan = (text: string) => (color ? `\u001b[36m${text}\u001b[39m` : text);
const keysHelpTip = (keys: [string, string][]) => keys.map(([key, action]) => `${bold(key === 'space' ? 'スペース' : key)} ${dim(KEY_ACTIONS[action] ?? action)}`).join(dim(' • '));

/** inquirer's own help phrases (the editor's) in Japanese; anything else passes through. */
const helpText = (text: string) =>
  dim(
    text
      .replace(/^Press .* to launch your preferred editor\.$/u, 'Enter でエディタを開きます（保存して閉じると入力されます）')
      .replace(/^Received$/u, '受け取りました'),
  );

const theme = { style: { keysHelpTip, help: helpText } };
/** The checkbox's answer line: the chosen names joined the Japanese way. */
const checkboxTheme = { style: { ...theme.style, renderSelectedChoices: (chosen: readonly { short: string }[]) => (chosen.length ? chosen.map((c) => c.short).join('、') : '（なし）') } };

/** Ctrl+C in inquirer rejects with ExitPromptError; the wizard sees its own WizardCancelled. */
async function guarded<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new WizardCancelled();
    throw error;
  }
}

const showHelp = (help: string | undefined) => {
  if (help) process.stdout.write(`${help.split('\n').map((line) => dim(`  ${line}`)).join('\n')}\n`);
};

const toInquirerChoices = <T>(choices: readonly Choice<T>[]) =>
  choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}), ...(c.checked !== undefined ? { checked: c.checked } : {}) }));

/** The real terminal. Refuses to start without one (a pipe or CI cannot answer questions). */
export function createPrompts(): Prompts {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new WizardNeedsTerminal();
  }
  return {
    async input(q) {
      showHelp(q.help);
      const validate = q.validate;
      const emptyLabel = q.emptyLabel;
      return guarded(
        input({
          message: q.message,
          ...(q.default ? { default: q.default } : {}),
          ...(validate ? { validate: (v: string) => validate(v) } : {}),
          ...(emptyLabel ? { transformer: (v: string, { isFinal }: { isFinal: boolean }) => (isFinal && v === '' ? dim(emptyLabel) : isFinal ? cyan(v) : v) } : {}),
          theme,
        }),
      );
    },
    async select(q) {
      showHelp(q.help);
      return guarded(select({ message: q.message, choices: toInquirerChoices(q.choices), default: q.default, pageSize: 12, theme }));
    },
    async checkbox(q) {
      showHelp(q.help);
      const validate = q.validate;
      return guarded(
        checkbox({
          message: q.message,
          choices: toInquirerChoices(q.choices),
          pageSize: 12,
          theme: checkboxTheme,
          ...(validate ? { validate: (chosen: readonly { value: (typeof q.choices)[number]['value'] }[]) => validate(chosen.map((c) => c.value)) } : {}),
        }),
      );
    },
    async confirm(q) {
      showHelp(q.help);
      return guarded(confirm({ message: q.message, default: q.default ?? true, transformer: (yes) => (yes ? 'はい' : 'いいえ'), theme }));
    },
    async editor(q) {
      showHelp(q.help);
      const validate = q.validate;
      return guarded(
        editor({ message: q.message, default: q.default ?? '', postfix: '.txt', waitForUserInput: true, ...(validate ? { validate: (v: string) => validate(v) } : {}), theme }),
      );
    },
    say(text) {
      process.stdout.write(`${text}\n`);
    },
  };
}
