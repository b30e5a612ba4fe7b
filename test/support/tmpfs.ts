import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs for tests of a full disk and a read-only --out: real ENOSPC and EROFS from the
 * kernel rather than a simulation. Mounting needs root, which CI and the development machine are;
 * elsewhere the tests that need it are skipped with SKIP_WITHOUT_ROOT as the reason.
 */

export const IS_ROOT = process.getuid?.() === 0;
export const SKIP_WITHOUT_ROOT = '（root のときだけ: tmpfs を mount して満杯・読み取り専用を作るため）';

export interface Tmpfs {
  readonly dir: string;
  /** Writes a filler file so that about `leftBytes` stay free. */
  fill(leftBytes: number): void;
  /** Removes the filler. */
  free(): void;
  readOnly(): void;
  unmount(): void;
}

export function mountTmpfs(sizeBytes: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'kitei-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(sizeBytes / 1024)}k`, 'tmpfs', dir]);
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill(leftBytes) {
      const stats = statfsSync(dir);
      const free = stats.bavail * stats.bsize;
      writeFileSync(filler, Buffer.alloc(Math.max(0, free - leftBytes)));
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly() {
      execFileSync('mount', ['-o', 'remount,ro', dir]);
    },
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
