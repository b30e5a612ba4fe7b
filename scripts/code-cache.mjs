// `npm run build`, after the bundle: runs the bundled example (every document, every format) once
// through bin/kitei.js so that it leaves V8's code cache of the CLI in dist/bundle/code-cache/ —
// the bytecode of every function a build calls, for the Node.js that ran the build
// (bin/load-bundle.js explains why). Another Node.js makes its own on its first build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'kitei-code-cache-run-'));
try {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'kitei.js'), 'build', join(ROOT, 'answers', 'aoba-seiki.yaml'), '--format', 'md,docx,pdf', '--out', out, '--no-history'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KITEI_WRITE_CODE_CACHE: join(ROOT, 'dist', 'bundle', 'code-cache') },
  });
  if (result.status !== 0) throw new Error(`コードキャッシュを作るための例の生成に失敗しました（終了コード ${result.status}）:\n${result.stderr}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
