import { z } from 'zod';
import type { PresetContext } from '../context.js';

/** Answers for 9 情報セキュリティインシデント対応及び事業継続管理: schema and preset defaults. */
export const incidentSchema = z.object({}).strict();

export type IncidentAnswers = z.infer<typeof incidentSchema>;

export function incidentDefaults(_ctx: PresetContext): IncidentAnswers {
  return {};
}
