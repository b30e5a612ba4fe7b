import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for 8 委託管理 and 8-1 委託先チェックリスト: schema and preset defaults. */
export const outsourcingSchema = z.object({}).strict();

export type OutsourcingAnswers = z.infer<typeof outsourcingSchema>;

export function outsourcingDefaults(_ctx: PresetContext): OutsourcingAnswers {
  return {};
}
