import { z } from 'zod';
import type { PresetContext } from '../context.js';
import { continuityDefaults, continuitySchema } from './technical-continuity.js';

/**
 * Answers for the rulebook chapter 4 技術的対策: its schema and its preset defaults.
 * Sections 4 (バックアップ), 5 (リストア手順) and 6 (システム開発及び保守) live in technical-continuity.ts.
 */
export const technicalSchema = z
  .object({
    continuity: continuitySchema,
  })
  .strict();

export type TechnicalAnswers = z.infer<typeof technicalSchema>;

export function technicalDefaults(ctx: PresetContext): TechnicalAnswers {
  return {
    continuity: continuityDefaults(ctx),
  };
}
