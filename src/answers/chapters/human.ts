import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for the rulebook chapter 「human」: its schema and its preset defaults. */
export const humanSchema = z.object({}).strict();

export type HumanAnswers = z.infer<typeof humanSchema>;

export function humanDefaults(_ctx: PresetContext): HumanAnswers {
  return {};
}
