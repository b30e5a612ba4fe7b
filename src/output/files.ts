import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * File output: names that are safe on Windows, macOS and Linux whatever the organization's name
 * holds, and writes that never leave a half-written file (temp file + rename).
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

let counter = 0;

/** Name of the temp file writeFileAtomic writes before renaming: `<name>.<pid>.<n>.tmp`. */
const TEMP_NAME = /\.(\d+)\.\d+\.tmp$/u;

/** The process id in a temp file's name, if `name` is one of writeFileAtomic's temp files. */
export function tempFileOwner(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

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

/** Writes a file completely or not at all: an existing file is replaced only by a finished one. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  makeDirectory(dirname(path));
  const temp = `${path}.${process.pid}.${++counter}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
