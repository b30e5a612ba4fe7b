import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for the rulebook chapter 「physical」: its schema and its preset defaults. */
export const physicalSchema = z.object({}).strict();

export type PhysicalAnswers = z.infer<typeof physicalSchema>;

export function physicalDefaults(_ctx: PresetContext): PhysicalAnswers {
  return {};
}
