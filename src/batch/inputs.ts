import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { parse } from 'yaml';
import { baseFileOf } from '../answers/load.js';
import { UsageError } from '../render/index.js';

/**
 * The answers files of a batch, from directories, files and glob patterns. Conventions:
 * - a directory contributes its `*.yaml` / `*.yml` files (not its subdirectories);
 * - from a directory or a pattern, names starting with `_` or `.` are left out: that is where a
 *   consultant keeps shared defaults (`_事務所.yaml`) that clients name with `extends`;
 * - a file that another input names with `extends` and that has no `organization.name` of its own
 *   is a shared base too, not a client (a client that others extend is still built).
 */

export interface BatchInputs {
  /** Answers files to build, in code-point order of their paths. */
  readonly clients: readonly string[];
  /** Inputs left out because they are bases of other inputs. */
  readonly bases: readonly string[];
}

const isAnswers = (name: string): boolean => ['.yaml', '.yml'].includes(extname(name).toLowerCase());
const isShared = (name: string): boolean => /^[_.]/u.test(basename(name));

function expand(arg: string): string[] {
  const stat = statSync(arg, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    const files = readdirSync(arg, { withFileTypes: true })
      .filter((entry) => entry.isFile() && isAnswers(entry.name) && !isShared(entry.name))
      .map((entry) => join(arg, entry.name));
    if (files.length === 0) throw new UsageError(`ディレクトリ ${arg} に回答ファイル（*.yaml / *.yml）がありません`);
    return files;
  }
  if (stat) return [arg];
  if (isDynamicPattern(arg)) {
    // Patterns take forward slashes on every system.
    const pattern = arg.split('\\').join('/');
    const files = globSync(pattern, { onlyFiles: true, absolute: isAbsolute(arg) }).filter((file) => isAnswers(file) && !isShared(file));
    if (files.length === 0) throw new UsageError(`「${arg}」に一致する回答ファイル（*.yaml / *.yml）がありません`);
    return files;
  }
  throw new UsageError(`${arg} が見つかりません（回答ファイル、ディレクトリ、または *.yaml のようなパターンを指定してください）`);
}

/** What `extends` names in a file, and whether the file names its own organization; unreadable files are left to the build to report. */
function peek(file: string): { base: string | undefined; named: boolean } {
  try {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (typeof data !== 'object' || data === null) return { base: undefined, named: false };
    const record = data as { extends?: unknown; organization?: { name?: unknown } };
    return {
      base: typeof record.extends === 'string' ? resolve(baseFileOf(file, record.extends)) : undefined,
      named: typeof record.organization === 'object' && record.organization !== null && record.organization.name !== undefined,
    };
  } catch {
    return { base: undefined, named: true };
  }
}

export function batchInputs(args: readonly string[]): BatchInputs {
  if (args.length === 0) throw new UsageError('回答ファイルまたはディレクトリを指定してください');
  const byId = new Map<string, string>();
  for (const arg of args) for (const file of expand(arg)) if (!byId.has(resolve(file))) byId.set(resolve(file), file);
  const files = [...byId.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const peeks = new Map(files.map((file) => [file, peek(file)]));
  const extended = new Set([...peeks.values()].flatMap((p) => (p.base ? [p.base] : [])));
  const bases = files.filter((file) => extended.has(resolve(file)) && !peeks.get(file)!.named);
  return { clients: files.filter((file) => !bases.includes(file)), bases };
}
