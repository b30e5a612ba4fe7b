import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { fixture } from './build.js';

/**
 * The IPA sample's own facts as a profile (test/fixtures/answers/ipa-sample.yaml), as data a test
 * can change one fact of before building: the sample's tables and numbering come from it, so a
 * test states "the sample, except …" instead of copying the whole profile.
 */

export const SAMPLE_PROFILE_FILE = fixture('answers', 'ipa-sample.yaml');

export interface ItemData {
  id: string;
  kind: string;
  name?: string;
  product?: unknown;
  [field: string]: unknown;
}

export interface ProfileData {
  inventory: ItemData[];
  [key: string]: unknown;
}

/** A fresh copy of the sample's profile. */
export const sampleProfile = (): ProfileData => parse(readFileSync(SAMPLE_PROFILE_FILE, 'utf8')) as ProfileData;

/** The sample's profile after `change`, as answers-file text. */
export function sampleProfileYaml(change: (profile: ProfileData) => void = () => {}): string {
  const profile = sampleProfile();
  change(profile);
  return stringify(profile);
}

/** The inventory item with that id (a test that names a missing one is wrong). */
export function itemOf(profile: ProfileData, id: string): ItemData {
  const item = profile.inventory.find((entry) => entry.id === id);
  if (!item) throw new Error(`inventory に ${id} がありません`);
  return item;
}
