import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { answersFile, fixture, ROOT, testTemplates } from '../support/build.js';
import { generate } from '../../src/generate.js';
import type { Document } from '../../src/model/types.js';

/** Shared helpers of the Word writer's tests. */

/** The parts of a .docx as text, by path. */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/**
 * Pretty-prints WordprocessingML so a golden diff shows what changed: one element per line,
 * indented; an element holding only text stays on its line, so text is never reflowed.
 */
export function prettyXml(xml: string): string {
  const tokens = xml.match(/<[^>]+>|[^<]+/gu) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const pad = '  '.repeat(depth);
    if (token.startsWith('<?')) lines.push(token);
    else if (token.startsWith('</')) {
      depth--;
      lines.push('  '.repeat(depth) + token);
    } else if (token.startsWith('<')) {
      if (token.endsWith('/>')) lines.push(pad + token);
      else if (tokens[i + 1] !== undefined && !tokens[i + 1]!.startsWith('<') && tokens[i + 2]?.startsWith('</')) {
        lines.push(pad + token + tokens[i + 1] + tokens[i + 2]);
        i += 2;
      } else if (tokens[i + 1]?.startsWith('</')) {
        lines.push(pad + token + tokens[i + 1]);
        i += 1;
      } else {
        lines.push(pad + token);
        depth++;
      }
    } else if (token.trim()) lines.push(pad + token);
  }
  return `${lines.join('\n')}\n`;
}

export interface Example {
  /** File stem: `ipa-sample`, `sakura-kogyo`. */
  readonly name: string;
  readonly file: string;
}

/** Every example the docx tests cover: the IPA fixture and each answers/*.yaml that exists. */
export function examples(): Example[] {
  const dir = join(ROOT, 'answers');
  const own = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ name: basename(f, '.yaml'), file: join(dir, f) }))
    : [];
  const ipa = { name: 'ipa-sample', file: fixture('answers', 'ipa-sample.yaml') };
  return [ipa, ...own.filter((e) => e.name !== ipa.name)];
}

/** The documents of an example as a draft build gives them (gaps included). */
export const exampleDocuments = (example: Example): readonly Document[] => generate(answersFile(example.file), testTemplates()).documents;

/** The example's combined pack for distribution, or null. */
export const examplePack = (example: Example): Document | null => generate(answersFile(example.file), testTemplates()).pack;
