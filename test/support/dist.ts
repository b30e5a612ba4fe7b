import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.js';

/**
 * The compiled, bundled CLI (dist/bundle/, as `bin/kitei.js` runs it), rebuilt with `npm run build`
 * when a source or template is newer (CI builds it in `npm ci`; locally it may be stale).
 */
export function ensureBuilt(): void {
  const built = join(ROOT, 'dist', 'bundle', 'main.cjs');
  const newest = Math.max(
    ...['src', 'templates', 'scripts'].flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true }).map((p) => statSync(join(ROOT, dir, String(p))).mtimeMs)),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  // (Type errors are the typecheck's business; tsc emits the JavaScript anyway.)
  if (!existsSync(built)) throw new Error(`npm run build が dist/bundle/main.cjs を作りませんでした:\n${result.stdout}${result.stderr}`);
}

export const KITEI_BIN = join(ROOT, 'bin', 'kitei.js');
