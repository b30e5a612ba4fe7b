import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for the rulebook chapter 「technical」: its schema and its preset defaults. */
export const technicalSchema = z.object({}).strict();

export type TechnicalAnswers = z.infer<typeof technicalSchema>;

export function technicalDefaults(_ctx: PresetContext): TechnicalAnswers {
  return {};
}
