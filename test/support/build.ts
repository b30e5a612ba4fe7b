import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answersFromYaml } from '../../src/answers/load.js';
import type { Answers } from '../../src/answers/schema.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';
import { documentText } from '../../src/model/text.js';
import type { Document } from '../../src/model/types.js';

/** Shared helpers for tests: build answers given as YAML text or as a fixture file. */

export const ROOT = join(import.meta.dirname, '..', '..');
export const fixture = (...parts: string[]) => join(ROOT, 'test', 'fixtures', ...parts);

let templates: TemplateSet | undefined;
export const testTemplates = (): TemplateSet => (templates ??= loadTemplates());

export const answersFrom = (yaml: string, file = 'test.yaml'): Answers => answersFromYaml(yaml, file);
export const answersFile = (path: string): Answers => answersFromYaml(readFileSync(path, 'utf8'), path);

export const generateYaml = (yaml: string): GenerateResult => generate(answersFrom(yaml), testTemplates());

export const rulebook = (result: GenerateResult): Document => result.documents.find((d) => d.id === 'rulebook')!;

/** Plain text of the rulebook for answers given as YAML. */
export const rulebookText = (yaml: string): string => documentText(rulebook(generateYaml(yaml)));

/** A minimal company with every stand-in that the core itself needs filled. */
export const MINIMAL_COMPANY = `
kitei: 2
organization:
  name: テスト工業株式会社
  type: company
  size: medium
`;
