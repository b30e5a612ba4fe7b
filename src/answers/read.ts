import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Reading an answers file, and the `extends:` bases it names, with bounds: only a regular file of
 * at most MAX_ANSWERS_BYTES is read (a device, a FIFO or a socket is refused before it is opened,
 * and again on the open descriptor), a base must be an answers file inside the folder the command
 * was given, and a chain is at most MAX_CHAIN files. Whatever a file holds, reading it takes
 * bounded time and memory, and a file that is not an answers file is never read, let alone echoed.
 */

/** 512 KiB: seventeen times the largest bundled example (30 KB), and parsed in about a second. */
export const MAX_ANSWERS_BYTES = 512 * 1024;
/** Keys and list items of one file together (the complete example has about 800). */
export const MAX_ANSWERS_NODES = 10_000;
/** Levels of 「キー: 値」 and lists inside each other (the schema's deepest key is six). */
export const MAX_ANSWERS_DEPTH = 32;
/** Files of an `extends:` chain, the client's own included (office → industry → client is three). */
export const MAX_CHAIN = 10;

/** Why a file was not read, as the end of a sentence about it. */
export class ReadRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly code?: string,
    /** It is no regular file (a folder, a device, a FIFO, a socket). */
    readonly notAFile = false,
  ) {
    super(reason);
  }
}

const kindOf = (stats: Stats): string | undefined =>
  stats.isFile()
    ? undefined
    : stats.isDirectory()
      ? 'ディレクトリです'
      : stats.isFIFO()
        ? '名前付きパイプ（FIFO）です'
        : stats.isSocket()
          ? 'ソケットです'
          : stats.isCharacterDevice() || stats.isBlockDevice()
            ? 'デバイスです'
            : '通常のファイルではありません';

const tooLarge = (bytes: number): ReadRefusal =>
  new ReadRefusal(`大きすぎます（${bytes.toLocaleString('ja-JP')} バイト）。回答ファイルは ${MAX_ANSWERS_BYTES.toLocaleString('ja-JP')} バイト（512 KB）までです`);

/**
 * The bytes of a regular file of at most `maxBytes`; a ReadRefusal otherwise. The type is checked
 * on the path first (so a FIFO is never opened, which would wait for a writer) and again on the
 * open descriptor (the path may have changed in between); O_NONBLOCK keeps even that open from
 * waiting. The read stops one byte past the limit, so a file that grows is refused too.
 */
export function readBoundedFile(file: string, maxBytes = MAX_ANSWERS_BYTES): Uint8Array {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadRefusal(code === 'ENOENT' || code === 'ENOTDIR' ? '見つかりません' : `読み込めません（${code ?? String(error)}）`, code);
  }
  const kind = kindOf(stats);
  if (kind) throw new ReadRefusal(kind, stats.isDirectory() ? 'EISDIR' : undefined, true);
  if (stats.size > maxBytes) throw tooLarge(stats.size);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadRefusal(`読み込めません（${code ?? String(error)}）`, code);
  }
  try {
    const opened = fstatSync(fd);
    const openedKind = kindOf(opened);
    if (openedKind) throw new ReadRefusal(openedKind, undefined, true);
    if (opened.size > maxBytes) throw tooLarge(opened.size);
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // It grew since fstat: read on only to learn whether it is now over the limit.
        if (length > maxBytes) throw tooLarge(length);
        break;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (error) {
    if (error instanceof ReadRefusal) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadRefusal(`読み込めません（${code ?? String(error)}）`, code);
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` is `root` or inside it (both already absolute and resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The file an `extends: <base>` in `file` names: relative to that file, so a chain works from any working directory. */
export const baseFileOf = (file: string, base: string): string => (isAbsolute(base) ? base : join(dirname(file), base));

/** A scheme and `//`, or a scheme like `mailto:` (two letters at least, so `C:\…` is a path). */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:/iu;

/** The folder `extends:` may read from when none is given: the one holding the answers file the command names. */
export const defaultExtendsRoot = (file: string): string => dirname(resolve(file));

/**
 * Why `base` (as written in `file`) may not be read as a base, or undefined when it may. Checked
 * before the file is touched: a URL, a file that is not an answers file by its name, a path outside
 * `root`; then, for a path inside, where its symbolic links lead.
 */
export function baseProblem(file: string, base: string, root: string): string | undefined {
  if (URL_LIKE.test(base.trim())) {
    return 'URL は使えません。基にする回答ファイルは、この回答ファイルからの相対パス（例: extends: _共通.yaml）で書いてください';
  }
  const baseFile = baseFileOf(file, base);
  if (!['.yaml', '.yml'].includes(extname(baseFile).toLowerCase())) {
    return `基にする回答ファイルは .yaml か .yml のファイルにしてください（${base} は読みません）`;
  }
  const outside = `基にする回答ファイル ${resolve(baseFile)} は、読んでよいフォルダー ${resolve(root)} の外にあるので読みません（extends: で読めるのは回答ファイルのあるフォルダーとその下だけです。ほかのフォルダーは --extends-root で指定します）`;
  const rootReal = realOrSelf(resolve(root));
  if (!isInside(resolve(root), resolve(baseFile)) && !isInside(rootReal, resolve(baseFile))) return outside;
  let real: string;
  try {
    real = realpathSync(baseFile);
  } catch {
    return undefined; // missing: reported by the read, with the extends line
  }
  return isInside(rootReal, real) ? undefined : outside;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
