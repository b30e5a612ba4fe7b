import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Handlebars templates compiled to JavaScript when kitei itself is built (`npm run build` runs
 * scripts/precompile-templates.mjs), so that a run does not parse and compile some 40 template
 * files again (~0.15 s of a cold build). Looked up by the SHA-256 of the template's source: a
 * template edited after the build, or one from another directory, simply compiles at run time.
 */

export type TemplateSpec = object;

/** Package root/dist/…: the same from dist/templates/, from the bundle in dist/bundle/ and from src/templates/. */
export const PRECOMPILED_FILE = fileURLToPath(new URL('../../dist/precompiled-templates.cjs', import.meta.url));

export const sourceDigest = (source: string): string => createHash('sha256').update(source).digest('base64url');

let table: Readonly<Record<string, TemplateSpec>> | undefined;

export function precompiledSpec(source: string): TemplateSpec | undefined {
  // A CommonJS file, so that the synchronous pipeline can load it with require().
  table ??= existsSync(PRECOMPILED_FILE) ? (createRequire(import.meta.url)(PRECOMPILED_FILE) as Record<string, TemplateSpec>) : {};
  const digest = sourceDigest(source);
  return Object.hasOwn(table, digest) ? table[digest] : undefined;
}

/**
 * The bundled templates' document.yaml files, read into data when kitei is built (the same
 * script), by the SHA-256 (hex) of the file's text: a run skips the YAML parser for them (~10 ms
 * of a cold build) and parses a file only when it is not there (edited or an overlay's) or when
 * a problem needs its line numbers.
 */
export const PRECOMPILED_SPECS_FILE = fileURLToPath(new URL('../../dist/precompiled-specs.json', import.meta.url));

let specTable: Readonly<Record<string, unknown>> | undefined;

export function precompiledSpecData(sha256: string): unknown {
  specTable ??= existsSync(PRECOMPILED_SPECS_FILE) ? (JSON.parse(readFileSync(PRECOMPILED_SPECS_FILE, 'utf8')) as Record<string, unknown>) : {};
  return Object.hasOwn(specTable, sha256) ? specTable[sha256] : undefined;
}
