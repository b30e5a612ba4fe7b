import type { Confidentiality, OrganizationType, Roles, Terms } from './core.js';

/**
 * What a chapter's defaults may depend on: the organization type and the already resolved
 * vocabulary, roles and confidentiality levels (the user's overrides applied), plus the user's raw
 * input for choices that change other defaults.
 */
export interface PresetContext {
  readonly type: OrganizationType;
  readonly terms: Terms;
  readonly roles: Roles;
  readonly confidentiality: Confidentiality;
  /** The user's own answers before defaults, as parsed from YAML (untrusted shape). */
  readonly input: Readonly<Record<string, unknown>>;
}
