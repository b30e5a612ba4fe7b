import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { isLeftover, makeDirectory, markedEntry, stagingName, writeNewFile } from './files.js';

/**
 * A client's documents are one set: the whole set is written to a staging folder inside the
 * client's folder (`<組織名>/.kitei-<token>.staging/`), and only when every file is there are they
 * moved over the previous ones, each old file kept in the staging folder until the last is in. A
 * failure on the way moves the old files back; a run killed on the way leaves a journal, and the
 * next run that writes the folder puts the old set back. So the folder holds one whole set, old or
 * new, never a mix, and a run never follows a symbolic link below --out.
 */

/** A write that the file system or the folder's state refused: the user's to fix, not a bug (exit 1). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

const HINTS: Readonly<Record<string, string>> = {
  ENOSPC: 'ディスクの空きが足りません。空きを作ってからやり直してください',
  EDQUOT: 'ディスクの使用量の上限に達しています。空きを作ってからやり直してください',
  EROFS: '読み取り専用の場所です。--out に書き込めるディレクトリを指定してください',
  EACCES: '書き込む権限がありません。--out に書き込めるディレクトリを指定してください',
  EPERM: '書き込む権限がないか、ファイルがほかのアプリ（Word など）で開かれています',
  EBUSY: 'ファイルがほかのアプリ（Word など）で開かれていないか確かめてください',
};

/** The file system's refusal as the message the user reads; anything that is not one is returned as it is (a bug). */
export function outputFailure(error: unknown, path: string, kept = true): unknown {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return error;
  const hint = HINTS[code] ?? '--out に書き込めるディレクトリを指定してください';
  return new OutputError(`出力先に書き込めません（${code}）: ${path}。${hint}${kept ? '（前回の文書はそのままです）' : ''}`);
}

const JOURNAL = '.kitei-journal';
const OLD = '.kitei-old';

/** A client's set, complete in its staging folder, not yet moved in. */
export interface StagedSet {
  /** The client's folder, `<out>/<組織名>`. */
  readonly dir: string;
  readonly staging: string;
  /** File names, in the order they were written. */
  readonly names: readonly string[];
  /** The client's folder did not exist before this run. */
  readonly created: boolean;
}

const entryAt = (path: string) => lstatSync(path, { throwIfNoEntry: false });

/**
 * The client's folder, made when missing; refused when it is a symbolic link (writing there would
 * write wherever it points) or not a folder. Returns whether it was made now.
 */
function prepareFolder(dir: string): boolean {
  for (let attempt = 0; ; attempt++) {
    const stats = entryAt(dir);
    if (stats?.isSymbolicLink()) {
      throw new OutputError(
        `出力先 ${dir} はシンボリックリンクです。kitei は --out の下のシンボリックリンクをたどりません（リンク先に書き込まないため）。リンクを削除するか、別の --out を指定してください`,
      );
    }
    if (stats?.isDirectory()) return false;
    if (stats) throw new OutputError(`出力先 ${dir} はフォルダーではなくファイルです。そのファイルを移すか、別の --out を指定してください`);
    makeDirectory(dirname(dir));
    try {
      mkdirSync(dir);
      return true;
    } catch (error) {
      // Made (or planted) in the meantime: look again what it is.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
  }
}

/**
 * Puts the folder back as it was before the staging folder's swap began: every file the journal
 * names goes back from the old files, a new file that had no old one is removed. Safe at any point
 * of a swap, and again after an interrupted rollback.
 */
function rollBack(dir: string, staging: string): void {
  const journal = join(staging, JOURNAL);
  if (entryAt(journal)) {
    const names = (JSON.parse(readFileSync(journal, 'utf8')) as { names: string[] }).names;
    for (const name of names) {
      const backup = join(staging, OLD, name);
      if (entryAt(backup)) renameSync(backup, join(dir, name));
      else if (!entryAt(join(staging, name)) && entryAt(join(dir, name))?.isFile()) unlinkSync(join(dir, name));
    }
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Clears what earlier runs left in `dir` (a client's folder or --out): marked temp files, and
 * staging folders, whose interrupted swap is rolled back first. Only entries that carry kitei's
 * mark and whose run is gone (or is `own`, ending) are touched.
 */
export function recoverLeftovers(dir: string, own?: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const entry = markedEntry(name);
    if (!entry || !isLeftover(entry, own)) continue;
    const path = join(dir, name);
    const stats = entryAt(path);
    if (entry.kind === 'tmp' && stats?.isFile()) rmSync(path, { force: true });
    else if (entry.kind === 'staging' && stats?.isDirectory()) rollBack(dir, path);
  }
}

/** Writes one client's set into a staging folder; nothing shows in the client's folder until commitStaged. */
export class StagingWriter {
  private readonly names: string[] = [];

  private constructor(
    readonly dir: string,
    readonly staging: string,
    /** The client's folder did not exist before this run. */
    readonly created: boolean,
  ) {}

  static open(dir: string, token: string): StagingWriter {
    const created = prepareFolder(dir);
    recoverLeftovers(dir, token);
    const staging = join(dir, stagingName(token));
    mkdirSync(staging);
    return new StagingWriter(dir, staging, created);
  }

  write(name: string, data: Uint8Array): void {
    writeNewFile(join(this.staging, name), data);
    this.names.push(name);
  }

  finish(): StagedSet {
    return { dir: this.dir, staging: this.staging, names: [...this.names], created: this.created };
  }

  /** Drops the staging folder (and the client's folder, when this run made it and left it empty). */
  discard(): void {
    discardStaged(this.finish());
  }
}

export function discardStaged(set: StagedSet): void {
  rmSync(set.staging, { recursive: true, force: true });
  if (set.created) removeIfEmpty(set.dir);
}

/** rmdir, which fails on a folder that holds anything: only an empty one this run made goes. */
export function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or gone: either way nothing to do
  }
}

/** What kitei writes: a file of these kinds in a client's folder that this run did not write is listed as stale. */
const DOCUMENT_EXTENSIONS = new Set(['.md', '.docx', '.pdf']);

/**
 * Moves a staged set over the client's folder. Each old file goes into the staging folder first,
 * then the new one takes its place; a journal written before the first move lets a later run roll
 * back a swap that was killed. On a failure every old file goes back and the error is thrown.
 * Returns the documents in the folder that this set does not hold (written before, under other
 * answers, or put there by someone): kitei never deletes those, it names them.
 */
export function commitStaged(set: StagedSet): { stale: string[] } {
  const { dir, staging, names } = set;
  try {
    writeNewFile(join(staging, JOURNAL), JSON.stringify({ names }));
    mkdirSync(join(staging, OLD));
    for (const name of names) {
      const target = join(dir, name);
      const old = entryAt(target);
      if (old?.isDirectory()) throw new OutputError(`出力先に書き込めません: ${target} はフォルダーです。移すか名前を変えてください（前回の文書はそのままです）`);
      if (old) renameSync(target, join(staging, OLD, name));
      renameSync(join(staging, name), target);
    }
    // Without its journal a staging folder is never rolled back: the new set is in.
    unlinkSync(join(staging, JOURNAL));
  } catch (error) {
    rollBack(dir, staging);
    throw outputFailure(error, dir);
  }
  rmSync(staging, { recursive: true, force: true });
  const written = new Set(names);
  const stale = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !written.has(entry.name) && !markedEntry(entry.name) && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { stale };
}
