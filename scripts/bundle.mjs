// `npm run build`, second step: bundles the compiled CLI (dist/cli/main.js) and the batch worker
// into dist/bundle/ with esbuild. Why: a cold `kitei build` spent ~0.45 s of its ~1.8 s resolving,
// reading and compiling some 600 module files; one file per entry (plus shared chunks, and the Word,
// PDF and wizard code in chunks loaded only when asked) starts in a fraction of that.
// The bundle sits two directories below the package root like every dist/<dir>/<file>.js, so the
// paths the modules resolve from import.meta.url (templates/, package.json) stay the same.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/batch/worker.js' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS packages inside an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __kiteiCreateRequire } from 'node:module'; const require = __kiteiCreateRequire(import.meta.url);" },
  // Deterministic chunk names and contents: the same sources give the same bundle.
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
