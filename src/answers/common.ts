import * as z from '../zod.js';
import { characterProblem } from '../characters.js';

/**
 * Building blocks shared by every part of the answers schema.
 *
 * A value the organization still has to supply is written `{ todo: "質問" }` (by a preset, or by the
 * wizard for a skipped question). It renders as 【要記入：質問】 in a draft and blocks a final build.
 */

/** The sample's stand-ins; a finished policy never contains them. */
export const PLACEHOLDER_PATTERN = /○○|〇○|○〇|〇〇|●●|△△|◇◇|20yy|\*\*\*\*|※編集時注意/u;

/**
 * The character policy (src/characters.ts) for any typed string: no character that would corrupt
 * an output or read differently from what it is, and not only spaces or invisible marks.
 */
const typedString = (schema: z.ZodString) =>
  schema.superRefine((s, ctx) => {
    const problem = characterProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    // A value of spaces alone would print as a blank name; '' is already reported by min(1).
    else if (s !== '' && s.trim() === '') ctx.addIssue({ code: 'custom', message: '空白だけの値は使えません' });
  });

const checkedText = (schema: z.ZodString) =>
  typedString(schema).refine((s) => !PLACEHOLDER_PATTERN.test(s), {
    message: '「○○」「●●」「20yy」「****」などの仮の値が残っています。実際の値を記入してください',
  });

/**
 * The building blocks below are made once and shared: zod schemas never change (every method
 * returns a new one, `.describe()` included), and the answers schema uses them some 600 times,
 * each of which built five or six schemas in turn at every start (~20 ms of a cold run).
 */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

/** Any text a user may type: one or more lines, kept exactly as typed. */
export const text = once(() => checkedText(z.string().min(1, '空にはできません').max(2000, '2000文字以内で記入してください')));

/** Text that must stay on one line (titles, names, labels). */
export const line = once(() =>
  checkedText(
    z
      .string()
      .min(1, '空にはできません')
      .max(200, '200文字以内で記入してください')
      .refine((s) => !/[\r\n]/u.test(s), { message: '改行は使えません' }),
  ),
);

export const todoSchema = z
  .object({
    // The question shows in a draft and in `kitei check`: the same characters as any typed text.
    todo: typedString(z.string().min(1, '空にはできません（まだ決まっていない項目なら、質問を書いてください）').max(2000, '2000文字以内で記入してください')),
  })
  .strict();

/**
 * A gap as the profile's derivation hands it to the templates: the question, and the key of the
 * answers file where the value belongs (so `kitei check` points at the answers, not at a table).
 */
export interface Todo {
  readonly todo: string;
  readonly key?: string;
}
/** The view's gaps: a `todo` that may name its answers key. */
export const gapSchema = z.object({ todo: z.string().min(1), key: z.string().min(1).optional() }).strict();

/** A value in the derived view that may still be a gap (a gap may carry its answers key). */
export const fillable = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, gapSchema]);
export const fillableText = once(() => fillable(text()));
export const fillableLine = once(() => fillable(line()));

/** A value the user writes that may still be a stand-in `{ todo: 質問 }`. */
export const answerFillable = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, todoSchema]);
export const answerFillableText = once(() => answerFillable(text()));
export const answerFillableLine = once(() => answerFillable(line()));
export type Fillable<T = string> = T | Todo;

export const todo = (question: string, key?: string): Todo => (key === undefined ? { todo: question } : { todo: question, key });
export const isTodo = (value: unknown): value is Todo =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  'todo' in value &&
  typeof (value as { todo: unknown }).todo === 'string' &&
  Object.keys(value).every((k) => k === 'todo' || k === 'key');

/** A list of lines (a bulleted list in the output). */
export const lines = once(() => z.array(line()).max(200));
export const texts = once(() => z.array(text()).max(200));

/** A calendar date written in the answers as YYYY-MM-DD (YAML may hand us a Date). */
export const isoDate = once(() =>
  z.preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/u, 'YYYY-MM-DD の形式で記入してください（例: 2026-04-01）')
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
        message: '存在しない日付です',
      }),
  ),
);
