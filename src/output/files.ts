import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * File output: names that are safe on Windows, macOS and Linux whatever the organization's name
 * holds, writes that never leave a half-written file (temp file + rename), and the mark that tells
 * kitei's own temporary files from anyone else's, so that only those are ever deleted.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;

/** A single path segment made from any text. */
export function safeFileName(name: string, fallback = 'organization'): string {
  let out = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069\ue000-\uf8ff]/gu, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[. ]+$/u, '');
  if (/^\.+$/u.test(out) || out === '') out = fallback;
  if (WINDOWS_RESERVED.test(out)) out = `_${out}`;
  // Most file systems cap a name at 255 bytes; leave room for a suffix and extension.
  while (Buffer.byteLength(out, 'utf8') > 180) out = [...out].slice(0, -1).join('');
  return out;
}

/** Resolves `name` inside `root` and refuses anything that would land outside it. */
export function insideDirectory(root: string, ...segments: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...segments);
  const rel = relative(base, target);
  // `..` only as a whole segment: a safe name may well begin with dots (`.._etc` from `../etc`).
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || resolve(base, rel) !== target) {
    throw new Error(`出力先 ${root} の外には書き込めません: ${join(...segments)}`);
  }
  return target;
}

/**
 * A run's token: its process id and eight random hex digits. Every temporary file and staging
 * folder a run makes carries `.kitei-<token>` in its name; a later run removes such a leftover only
 * when the process that made it is gone, and never a file without the mark (a user's `x.1.tmp`).
 */
export const newRunToken = (): string => `${process.pid}-${randomBytes(4).toString('hex')}`;

/** The token of this process, for writes outside a build or batch run (the wizard saving answers). */
const processToken = newRunToken();

/** `<name>.kitei-<pid>-<hex>.tmp` (a file being written) or `.kitei-<pid>-<hex>.staging` (a client's set being written). */
const MARKED = /\.kitei-(\d+)-([0-9a-f]{8})\.(tmp|staging)$/u;

export interface MarkedEntry {
  readonly pid: number;
  readonly token: string;
  readonly kind: 'tmp' | 'staging';
}

/** The run that made `name`, if `name` carries kitei's mark. */
export function markedEntry(name: string): MarkedEntry | undefined {
  const match = MARKED.exec(name);
  return match ? { pid: Number(match[1]), token: `${match[1]}-${match[2]}`, kind: match[3] as MarkedEntry['kind'] } : undefined;
}

export const tempName = (path: string, token: string): string => `${path}.kitei-${token}.tmp`;
export const stagingName = (token: string): string => `.kitei-${token}.staging`;

/** Whether the process `pid` still runs (a process of another user counts as running). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A leftover of a run that cannot be running any more (or of the run `own`, which is ending). */
export const isLeftover = (entry: MarkedEntry, own?: string): boolean => entry.token === own || !isRunning(entry.pid);

/**
 * `mkdir -p`, one directory at a time from the nearest one that exists. Node 20's
 * `mkdirSync(…, { recursive: true })` never returns for a path under /proc or a dangling symlink
 * (it steps between ENOENT and EEXIST forever); this fails with the first directory it cannot make.
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Another batch worker made it in the meantime: fine, if it is a directory.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(dir).isDirectory()) throw error;
    }
  }
}

/**
 * Test hook: called before every file kitei writes, with its path; what it throws is thrown as the
 * file system's error would be (a full disk at a chosen file). Unset outside tests.
 */
export const writeFaults: { before?: (path: string) => void } = {};

/** writeFileSync that never follows or replaces what is already at `path` (O_EXCL: a planted symlink fails with EEXIST). */
export function writeNewFile(path: string, data: string | Uint8Array): void {
  writeFaults.before?.(path);
  writeFileSync(path, data, { flag: 'wx' });
}

/** Writes a file completely or not at all: an existing file is replaced only by a finished one. */
export function writeFileAtomic(path: string, data: string | Uint8Array, token: string = processToken): void {
  makeDirectory(dirname(path));
  const temp = tempName(path, token);
  try {
    writeNewFile(temp, data);
    renameSync(temp, path);
  } catch (error) {
    // Only a temp file this call made: one that was there already (EEXIST) is not ours to delete.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true });
    throw error;
  }
}
