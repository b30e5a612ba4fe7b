import { emitKeypressEvents } from 'node:readline';
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isTabKey,
  isUpKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { checkbox, input, select, Separator } from '@inquirer/prompts';
import stringWidth from 'string-width';
import { wrapText } from '../output/terminal.js';
import type { Choice, FormField, FormQuestion, Prompts } from './types.js';
import { BACK, WizardCancelled, WizardNeedsTerminal, type Back } from './types.js';

/**
 * The one module that imports @inquirer: a thin adapter from the wizard's `Prompts` to inquirer's
 * select, checkbox and input, plus a form (several answers on one screen) made with its core. Every
 * word on screen is Japanese, and every screen can be left with Esc (「戻る」): Esc aborts the
 * inquirer prompt, which the wizard sees as `BACK`. The CLI loads the wizard with a dynamic import,
 * so `kitei build` and `kitei batch` never load this file.
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
const red = (text: string) => (color ? `\u001b[31m${text}\u001b[39m` : text);
const inverse = (text: string) => (color ? `\u001b[7m${text}\u001b[27m` : `[${text}]`);

const KEY_NAMES: Record<string, string> = { space: 'スペース', '⏎': 'Enter' };
const keyHints = (keys: readonly (readonly [string, string])[]) =>
  keys.map(([key, action]) => `${bold(KEY_NAMES[key] ?? key)} ${dim(KEY_ACTIONS[action] ?? action)}`).join(dim(' • '));
/** inquirer's key line, with Esc 戻る added: every screen says how to go back. */
const keysHelpTip = (keys: [string, string][]) => keyHints([...keys, ['Esc', '戻る']]);

const theme = { style: { keysHelpTip } };
/** The checkbox's answer line: the chosen names joined the Japanese way (a long list as its count). */
const checkboxTheme = {
  style: {
    keysHelpTip,
    renderSelectedChoices: (chosen: readonly { short: string }[]) =>
      chosen.length === 0 ? '（なし）' : chosen.length <= 4 ? chosen.map((c) => c.short).join('、') : `${chosen.slice(0, 2).map((c) => c.short).join('、')} ほか${chosen.length - 2}件`,
  },
};

/** Help text wrapped to the terminal by display width, each line indented. */
const wrap = (text: string, width: number, indent: string): string[] => wrapText(text, width - stringWidth(indent)).map((line) => indent + line);

const columns = () => Math.max(40, (process.stdout.columns || 100) - 2);

const showHelp = (help: string | undefined) => {
  if (help) process.stdout.write(`${wrap(help, columns(), '  ').map(dim).join('\n')}\n`);
};

const titled = (q: { message: string; progress?: string }) => (q.progress ? `${dim(`［${q.progress}］`)} ${q.message}` : q.message);

const toInquirerChoices = <T>(choices: readonly Choice<T>[]) =>
  choices.flatMap((c) => [
    ...(c.group ? [new Separator(dim(`── ${c.group} ──`))] : []),
    { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}), ...(c.checked !== undefined ? { checked: c.checked } : {}) },
  ]);

/**
 * Runs one inquirer prompt with Esc as 「戻る」: Esc aborts it (its signal), which is `BACK`; Ctrl+C
 * (ExitPromptError) is the wizard's WizardCancelled.
 */
async function withBack<T>(run: (context: { signal: AbortSignal }) => Promise<T>): Promise<T | Back> {
  const controller = new AbortController();
  const onKey = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  emitKeypressEvents(process.stdin);
  process.stdin.on('keypress', onKey);
  try {
    return await run({ signal: controller.signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortPromptError' && controller.signal.aborted) {
      // The question left behind stays on screen: say that it was left, not answered.
      process.stdout.write(`${dim('  ↩ 前の質問に戻ります')}\n`);
      return BACK;
    }
    if (error instanceof Error && error.name === 'ExitPromptError') throw new WizardCancelled();
    throw error;
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

// ── the form ───────────────────────────────────────────────────────────────────────────────────

interface FormConfig {
  readonly message: string;
  readonly fields: readonly FormField[];
  readonly validate?: FormQuestion['validate'];
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
const choiceName = (field: FormField, value: string) => field.choices?.find((c) => c.value === value)?.name ?? '（選んでください）';

/**
 * A form: one line per field, the active one editable (typed text, or ← → through its choices),
 * ↑ ↓ or Tab to move, Enter to go to the next field and, on the last line 「決定」, to submit. A
 * field is checked when it is left, and all of them on submit; the message stays under the field.
 */
const formPrompt = createPrompt<Record<string, string>, FormConfig>((config, done) => {
  const fields = config.fields;
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.default ?? ''])));
  const [active, setActive] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const prefix = usePrefix({ status, theme: makeTheme({}) });
  const submitRow = fields.length;
  const isText = (index: number) => index < submitRow && !fields[index]!.choices;

  // The first field starts with its value on the line, ready to edit.
  useEffect((rl) => {
    if (isText(0)) rl.write(values[fields[0]!.name] ?? '');
  }, []);

  const check = (field: FormField, value: string): true | string => {
    if (field.choices && !(field.optional && value === '') && !field.choices.some((c) => c.value === value)) return '← → で選んでください';
    return field.validate ? field.validate(value) : true;
  };

  useKeypress((key: KeypressEvent & { shift?: boolean; sequence?: string }, rl) => {
    if (status !== 'idle') return;
    const current = { ...values, ...(isText(active) && !isUpKey(key) && !isDownKey(key) && !isTabKey(key) && !isEnterKey(key) ? { [fields[active]!.name]: rl.line } : {}) };
    const moveTo = (index: number, next: Record<string, string> = current) => {
      setActive(index);
      rl.clearLine(0);
      if (isText(index)) rl.write(next[fields[index]!.name] ?? '');
    };
    // Esc is 「戻る」: withBack aborts the prompt.
    if (key.name === 'escape') return;
    if (isEnterKey(key)) {
      if (active === submitRow) {
        const found: Record<string, string> = {};
        for (const field of fields) {
          const result = check(field, current[field.name] ?? '');
          if (result !== true) found[field.name] = result;
        }
        const firstBad = fields.findIndex((f) => found[f.name]);
        if (firstBad >= 0) {
          setErrors(found);
          moveTo(firstBad);
          return;
        }
        const together = config.validate ? config.validate(current) : true;
        if (together !== true) {
          setErrors({ [together.field]: together.message });
          moveTo(Math.max(0, fields.findIndex((f) => f.name === together.field)));
          return;
        }
        setStatus('done');
        done(current);
        return;
      }
      const field = fields[active]!;
      const result = check(field, current[field.name] ?? '');
      if (result !== true) {
        setErrors({ ...errors, [field.name]: result });
        rl.clearLine(0);
        if (isText(active)) rl.write(current[field.name] ?? '');
        return;
      }
      const { [field.name]: _, ...rest } = errors;
      setErrors(rest);
      moveTo(active + 1);
      return;
    }
    // ↑ on the first line goes round to 決定, ↓ on 決定 back to the first.
    if (isUpKey(key) || (isTabKey(key) && key.shift)) {
      moveTo(active === 0 ? submitRow : active - 1);
      return;
    }
    if (isDownKey(key) || isTabKey(key)) {
      moveTo(active === submitRow ? 0 : active + 1);
      return;
    }
    if (active < submitRow && fields[active]!.choices && (key.name === 'left' || key.name === 'right')) {
      const field = fields[active]!;
      const choices = field.choices!;
      const at = choices.findIndex((c) => c.value === current[field.name]);
      const next = at < 0 ? (key.name === 'right' ? 0 : choices.length - 1) : (at + (key.name === 'right' ? 1 : -1) + choices.length) % choices.length;
      setValues({ ...current, [field.name]: choices[next]!.value });
      const { [field.name]: _, ...rest } = errors;
      setErrors(rest);
      rl.clearLine(0);
      return;
    }
    if (!isText(active)) {
      // Typing on a choice or on 決定 does nothing (readline put the key on its line).
      rl.clearLine(0);
      return;
    }
    if (isBackspaceKey(key) || key.sequence !== undefined) {
      setValues(current);
      if (errors[fields[active]!.name]) {
        const { [fields[active]!.name]: _, ...rest } = errors;
        setErrors(rest);
      }
    }
  });

  const labelWidth = Math.max(...fields.map((f) => stringWidth(f.label))) + 2;
  const message = `${prefix} ${bold(config.message)}`;
  if (status === 'done') {
    const shown = fields.flatMap((f) => [...(f.group ? [`  ${f.group}`] : []), `    ${pad(f.label, labelWidth)}${f.choices ? choiceName(f, values[f.name] ?? '') : values[f.name] || dim('（空欄）')}`]);
    return [message, ...shown].join('\n');
  }
  const lines: string[] = [];
  let activeLine = 0;
  fields.forEach((field, index) => {
    if (field.group) lines.push(...wrap(field.group, columns(), '  ').map(bold));
    const value = values[field.name] ?? '';
    const isActive = index === active;
    const cursor = isActive ? cyan('❯') : ' ';
    if (isActive) activeLine = lines.length;
    if (field.choices) {
      const shown = choiceName(field, value);
      lines.push(`${cursor}   ${pad(field.label, labelWidth)}${isActive ? `${cyan('◀')} ${inverse(shown)} ${cyan('▶')}` : shown}`);
    } else {
      // The active text field ends the line with what readline holds, where the cursor is.
      lines.push(`${cursor}   ${pad(field.label, labelWidth)}${isActive ? value : value || dim('（空欄）')}`);
    }
    if (errors[field.name]) lines.push(`      ${red(`！ ${errors[field.name]}`)}`);
  });
  if (active === submitRow) activeLine = lines.length;
  lines.push(`${active === submitRow ? cyan('❯') : ' '}   ${active === submitRow ? inverse('決定して次へ') : '［決定して次へ］'}`);
  const activeField = fields[active];
  const help = activeField?.help ? wrap(activeField.help, columns(), '  ').map(dim) : [];
  const hints = keyHints([
    ['↑↓', '移動'],
    ...(activeField?.choices ? ([['←→', '選ぶ']] as const) : []),
    ['Enter', active === submitRow ? '決定' : '次の欄へ'],
    ['Esc', '戻る'],
  ]);
  // Long forms scroll: a window of lines around the active one, as tall as the terminal allows.
  const room = Math.max(8, (process.stdout.rows || 40) - 6 - help.length);
  let start = 0;
  let end = lines.length;
  if (lines.length > room) {
    start = Math.max(0, Math.min(activeLine - Math.floor(room / 2), lines.length - room));
    end = start + room;
  }
  const above = [message, ...(start > 0 ? [dim('    …')] : []), ...lines.slice(start, activeLine + 1)];
  const below = [...lines.slice(activeLine + 1, end), ...(end < lines.length ? [dim('    …')] : []), ...help, hints];
  return [above.join('\n'), below.join('\n')];
});

// ── the terminal ───────────────────────────────────────────────────────────────────────────────

/** The real terminal. Refuses to start without one (a pipe or CI cannot answer questions). */
export function createPrompts(): Prompts {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new WizardNeedsTerminal();
  }
  return {
    async input(q) {
      showHelp(q.help);
      showHelp(`${bold('Enter')} 決定 • ${bold('Esc')} 前の質問に戻る`);
      const validate = q.validate;
      return withBack((context) =>
        input(
          {
            message: titled(q),
            ...(q.default ? { default: q.default, prefill: 'editable' as const } : {}),
            ...(validate ? { validate: (v: string) => validate(v) } : {}),
          },
          context,
        ),
      );
    },
    async select(q) {
      showHelp(q.help);
      return withBack((context) => select({ message: titled(q), choices: toInquirerChoices(q.choices), default: q.default, pageSize: 15, theme }, context));
    },
    async checkbox(q) {
      showHelp(q.help);
      const validate = q.validate;
      return withBack((context) =>
        checkbox(
          {
            message: titled(q),
            choices: toInquirerChoices(q.choices),
            pageSize: 18,
            theme: checkboxTheme,
            ...(validate ? { validate: (chosen: readonly { value: (typeof q.choices)[number]['value'] }[]) => validate(chosen.map((c) => c.value)) } : {}),
          },
          context,
        ),
      );
    },
    async form(q) {
      showHelp(q.help);
      return withBack((context) => formPrompt({ message: titled(q), fields: q.fields, ...(q.validate ? { validate: q.validate } : {}) }, context));
    },
    say(text) {
      process.stdout.write(`${text}\n`);
    },
  };
}
