import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for 4 バックアップ, 5 リストア手順, 6 システム開発及び保守: schema and preset defaults. */
export const continuitySchema = z.object({}).strict();

export type ContinuityAnswers = z.infer<typeof continuitySchema>;

export function continuityDefaults(_ctx: PresetContext): ContinuityAnswers {
  return {};
}
