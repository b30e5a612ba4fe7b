import { statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import * as z from '../zod.js';
import { line } from './common.js';
import type { AnswersIssue } from './load.js';

/**
 * `templates:` in an answers file: the house templates (an office's or an organization's own
 * wording and sections, laid over kitei's) that its documents are built with. A path is relative to
 * the file that writes it, so one line in a consultant's shared base serves every client that
 * `extends` it. Unlike other keys, the values of an `extends` chain stack instead of replacing each
 * other: the farthest base's directories first, the client's own last (the nearest wins).
 */

const directory = line();

export const templatesSchema = z
  .union([directory, z.array(directory).max(20, '20個以内にしてください')])
  .describe(
    '独自テンプレート（事務所・組織の文言と節）のディレクトリ。1 つ、またはリストで書く（後のものほど優先）。この回答ファイルのある場所から探す。extends の基のファイルの templates の上に重なる: office-templates',
  );

/** One file of an `extends` chain as the loader reads it. */
export interface TemplatesLayer {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly locate: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * The overlay directories a chain names, farthest first, each resolved against the file that
 * names it; undefined when no file names any (the preset's empty list stands). A value of the
 * wrong form, or a directory that is not there, is reported at the line that names it.
 */
export function templateDirectories(layers: readonly TemplatesLayer[]): { readonly directories: string[] | undefined; readonly issues: AnswersIssue[] } {
  const issues: AnswersIssue[] = [];
  if (!layers.some((layer) => layer.data.templates !== undefined)) return { directories: undefined, issues };
  const directories: string[] = [];
  for (const layer of layers) {
    const value = layer.data.templates;
    if (value === undefined) continue;
    const parsed = templatesSchema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const path = first?.path.filter((key): key is string | number => typeof key !== 'symbol') ?? [];
      const own = first && first.code !== 'invalid_union' && first.code !== 'invalid_type' && !first.message.startsWith('Invalid') ? `: ${first.message}` : '';
      issues.push({
        file: layer.file,
        line: layer.locate(['templates', ...path]),
        key: ['templates', ...path].join('.'),
        message: `独自テンプレートのディレクトリを、文字列か文字列のリストで書いてください${own}`,
      });
      continue;
    }
    const named = typeof parsed.data === 'string' ? [parsed.data] : parsed.data;
    named.forEach((name, index) => {
      const path = isAbsolute(name) ? name : join(dirname(layer.file), name);
      const line = layer.locate(typeof value === 'string' ? ['templates'] : ['templates', index]);
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory() !== true) {
        issues.push({ file: layer.file, line, key: 'templates', message: `独自テンプレートのディレクトリ ${path} が見つかりません` });
      }
      directories.push(path);
    });
  }
  return { directories, issues };
}
