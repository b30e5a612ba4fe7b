// `npm run build`, next to last step (scripts/code-cache.mjs follows): bundles the compiled CLI
// (dist/cli/main.js) and the batch worker into dist/bundle/ with esbuild. Why: a cold `kitei build`
// spent ~0.45 s of its ~1.8 s resolving, reading and compiling some 600 module files. The CLI is one
// CommonJS script (main.cjs; the Word, PDF and wizard code in it runs only when imported), which
// bin/load-bundle.js runs with a code cache; the worker an ES module with its shared chunks.
// zod is imported as a namespace (`import * as z`, in src/zod.ts): esbuild then keeps only the parts
// used, not zod's 64 locales and JSON Schema converters (~0.6 MB of the bundle).
// The bundle sits two directories below the package root like every dist/<dir>/<file>.js, so the
// paths the modules resolve from import.meta.url (templates/, package.json) stay the same.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'bundle');
const require = createRequire(join(ROOT, 'package.json'));

/**
 * Modules that pdfkit, fontkit and BudouX import for features kitei never asks of them — WOFF2 fonts
 * (brotli), encryption (AES), pdfkit's own line breaking, OpenType shaping (Unicode properties),
 * BudouX's HTML processing (linkedom, a DOM) — and that cost ~70 ms to load and initialise at every start. Each becomes a small module whose
 * functions load the real one (CommonJS, from node_modules) the first time they are called, so
 * nothing changes if one is ever used. Likewise what the CLI needs only for some commands: the
 * terminal width of text (string-width, with its emoji and East Asian width tables: help and the
 * wizard), the batch's progress bar (cli-progress, which loads readline) and commander's
 * executable subcommands, which kitei has none of (child_process, which loads net and dgram).
 */
const ON_FIRST_USE = ['brotli/decompress.js', '@noble/ciphers/aes', 'linebreak', 'unicode-properties', 'linkedom', 'cli-progress', 'node:child_process'];
/**
 * The same, only where kitei's own modules import them: packages of the wizard (wrap-ansi, under
 * @inquirer) import string-width too, some as CommonJS, which would call the module object.
 */
const ON_FIRST_USE_BY_KITEI = ['string-width'];
const KITEI_DIST = join(ROOT, 'dist');

function loadedOnFirstUse(specifier) {
  const real = require(specifier);
  const named = Object.keys(real).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/u.test(name) && typeof real[name] === 'function');
  const main = typeof real === 'function' ? 'load()' : typeof real.default === 'function' ? 'load().default' : undefined;
  return [
    "import { createRequire } from 'node:module';",
    `let real; const load = () => (real ??= createRequire(import.meta.url)(${JSON.stringify(specifier)}));`,
    // `new` on a function that returns an object gives that object: classes work through it too.
    ...(main ? [`export default function (...args) { const f = ${main}; return new.target ? new f(...args) : f(...args); }`] : []),
    ...named.map((name) => `export function ${name}(...args) { const f = load().${name}; return new.target ? new f(...args) : f.apply(this, args); }`),
  ].join('\n');
}

const deferUnusedModules = {
  name: 'defer-unused-modules',
  setup(b) {
    // (esbuild's filters are Go regular expressions: no `u` flag.)
    const exactly = (specifiers) => new RegExp(`^(${specifiers.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')).join('|')})$`);
    const deferred = (args) => ({ path: args.path, namespace: 'on-first-use' });
    b.onResolve({ filter: exactly(ON_FIRST_USE) }, deferred);
    b.onResolve({ filter: exactly(ON_FIRST_USE_BY_KITEI) }, (args) => (args.importer.startsWith(KITEI_DIST) ? deferred(args) : undefined));
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({ contents: loadedOnFirstUse(args.path), loader: 'js', resolveDir: ROOT }));
  },
};

/** What both bundles share: minified whitespace and syntax only (names stay as written in stack traces). */
const COMMON = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node22',
  plugins: [deferUnusedModules],
  legalComments: 'none',
  // Less to read and compile at every start (~4.3 → ~2.8 MB); KITEI_DEBUG=1 maps names to dist/ lines (bin/kitei.js).
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

rmSync(OUT, { recursive: true, force: true });
// The CLI: one CommonJS script, so that bin/kitei.js can run it through vm.Script with a code cache
// made after a whole run (bin/load-bundle.js). The Word, PDF and wizard code it imports on demand
// stays in the file but runs only when imported.
const cli = await build({
  ...COMMON,
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: OUT,
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // The modules find templates/, package.json and the fonts from their own URL: the script's.
  define: { 'import.meta.url': '__kiteiModuleUrl' },
  banner: { js: "const __kiteiModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The batch's worker thread: an ES module with its chunks, as before.
const worker = await build({
  ...COMMON,
  entryPoints: { worker: 'dist/batch/worker.js' },
  outdir: OUT,
  splitting: true,
  format: 'esm',
  // CommonJS packages inside an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __kiteiCreateRequire } from 'node:module'; const require = __kiteiCreateRequire(import.meta.url);" },
  // Deterministic chunk names and contents: the same sources give the same bundle.
  chunkNames: 'chunk-[hash]',
});
// The code cache is made for this exact script: its name carries the script's digest (bin/load-bundle.js).
const main = join(OUT, 'main.cjs');
writeFileSync(`${main}.sha256`, `${createHash('sha256').update(readFileSync(main)).digest('hex')}\n`);
const metafile = { outputs: { ...cli.metafile.outputs, ...worker.metafile.outputs } };

// One `import { z } from 'zod'` anywhere brings every locale back into the bundle.
const bundled = Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs).filter(([, use]) => use.bytesInOutput > 0).map(([input]) => input));
// (The CommonJS bundle keeps a few bytes of locales/index.js, the namespace object, and no locale.)
const locales = bundled.filter((input) => /node_modules\/zod\/v4\/locales\/(?!(en|index)\.js$)/u.test(input));
if (locales.length) throw new Error(`zod の全ロケール（${locales.length} ファイル）がバンドルに入っています。zod は src/zod.ts から読み込んでください（import { z } from 'zod' は全ロケールを読み込みます）`);
