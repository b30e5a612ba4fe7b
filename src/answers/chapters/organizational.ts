import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for the rulebook chapter 「organizational」: its schema and its preset defaults. */
export const organizationalSchema = z.object({}).strict();

export type OrganizationalAnswers = z.infer<typeof organizationalSchema>;

export function organizationalDefaults(_ctx: PresetContext): OrganizationalAnswers {
  return {};
}
