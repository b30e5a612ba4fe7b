import { readdirSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../render/index.js';
import type { Peek } from './protocol.js';

/**
 * The answers files of a batch, from directories, files and glob patterns. Conventions:
 * - a directory contributes its `*.yaml` / `*.yml` files (not its subdirectories);
 * - from a directory or a pattern, names starting with `_` or `.` are left out: that is where a
 *   consultant keeps shared defaults (`_事務所.yaml`) that clients name with `extends`;
 * - a file that another input names with `extends` and that has no `organization.name` of its own
 *   is a shared base too, not a client (a client that others extend is still built).
 * Listing the inputs reads no file; what each file says of itself (its Peek) comes from the workers
 * that read it, so no answers file is parsed on the main thread.
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

/** The answers files the arguments name, each once, in code-point order of their paths. */
export function inputFiles(args: readonly string[]): string[] {
  if (args.length === 0) throw new UsageError('回答ファイルまたはディレクトリを指定してください');
  const byId = new Map<string, string>();
  for (const arg of args) for (const file of expand(arg)) if (!byId.has(resolve(file))) byId.set(resolve(file), file);
  return [...byId.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Clients and bases of the input files, from what each file says of itself. */
export function batchInputs(files: readonly string[], peeks: ReadonlyMap<string, Peek>): BatchInputs {
  const extended = new Set([...peeks.values()].flatMap((p) => (p.base ? [p.base] : [])));
  const bases = files.filter((file) => extended.has(resolve(file)) && !peeks.get(file)!.named);
  return { clients: files.filter((file) => !bases.includes(file)), bases };
}
