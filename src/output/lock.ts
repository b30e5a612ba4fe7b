import { lstatSync, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isRunning, makeDirectory, writeNewFile } from './files.js';
import { OutputError, outputFailure, removeIfEmpty } from './set.js';

/**
 * One run at a time per --out: `build`, `batch` and the wizard take `<out>/.kitei.lock` (created
 * with O_EXCL) before they write, and remove it when they end. A second run on the same --out stops
 * with a message naming the process that holds it; a lock whose process is gone (a `kill -9`) is
 * taken over. Two batches on one --out would otherwise each write a manifest for a folder the other
 * changed.
 */

export const LOCK_FILE = '.kitei.lock';

interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
  readonly command: string;
  /** When the run began: shown to the user who finds the lock, never written into an output. */
  readonly started: string;
}

export interface OutputLock {
  readonly path: string;
  release(): void;
}

function readRecord(path: string): LockRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    return typeof record.pid === 'number' && typeof record.host === 'string' ? (record as LockRecord) : undefined;
  } catch {
    return undefined;
  }
}

const heldBy = (out: string, path: string, record: LockRecord | undefined): OutputError =>
  new OutputError(
    record
      ? `出力先 ${out} は、別の kitei が使っています（プロセス番号 ${record.pid}${record.host !== hostname() ? `、コンピューター ${record.host}` : ''}、${record.command}、${record.started} から）。` +
          `終わるのを待つか、別の --out を指定してください（そのプロセスが動いていないのにこの表示が出るときは ${path} を削除してください）`
      : `出力先 ${out} に、別の kitei が使用中の印 ${path} があります。終わるのを待つか、別の --out を指定してください（kitei が動いていないなら、その印を削除してください）`,
  );

/** Takes the lock on `out` (made if missing) for `command`; throws an OutputError when another run holds it or `out` is not writable. */
export function lockOutput(out: string, command: string, token: string): OutputLock {
  let created = false;
  try {
    created = lstatSync(out, { throwIfNoEntry: false }) === undefined;
    makeDirectory(out);
  } catch (error) {
    throw outputFailure(error, out, false);
  }
  const path = join(out, LOCK_FILE);
  const record: LockRecord = { pid: process.pid, host: hostname(), token, command, started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeNewFile(path, `${JSON.stringify(record)}\n`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputFailure(error, out, false);
      const stats = lstatSync(path, { throwIfNoEntry: false });
      // Not a file kitei made (a link, a folder): never read through it, never delete it.
      const other = stats?.isFile() ? readRecord(path) : undefined;
      const stale = other !== undefined && other.host === hostname() && other.pid !== process.pid && !isRunning(other.pid);
      if (!stale || attempt > 0) throw heldBy(out, path, other);
      try {
        unlinkSync(path);
      } catch {
        // taken over by another run in the meantime: the next attempt says by whom
      }
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: a run that took over a lock we lost must keep it.
    if (readRecord(path)?.token === token) unlinkSync(path);
    if (created) removeIfEmpty(out);
  };
  // A run ended by process.exit (a second Ctrl+C) still removes its lock.
  process.on('exit', release);
  return { path, release };
}
