import { z } from 'zod';
import type { PresetContext } from '../context.js';
import { incidentDefaults, incidentSchema } from './organizational-incident.js';
import { outsourcingDefaults, outsourcingSchema } from './organizational-outsourcing.js';

/**
 * Answers for the rulebook chapter 1 組織的対策: its schema and its preset defaults.
 * Sections 8 (委託管理, with 8-1) and 9 (インシデント対応) live in their own modules.
 */
export const organizationalSchema = z
  .object({
    outsourcing: outsourcingSchema,
    incident: incidentSchema,
  })
  .strict();

export type OrganizationalAnswers = z.infer<typeof organizationalSchema>;

export function organizationalDefaults(ctx: PresetContext): OrganizationalAnswers {
  return {
    outsourcing: outsourcingDefaults(ctx),
    incident: incidentDefaults(ctx),
  };
}
