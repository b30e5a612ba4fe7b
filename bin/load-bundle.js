// Loads the bundled CLI (dist/bundle/main.cjs) with a V8 code cache that holds the bytecode of
// every function a whole run compiled. Node.js's own compile cache (module.enableCompileCache) is
// made right after a module is compiled, when V8 has compiled little more than its top level: the
// functions a build calls were compiled again at every start (~0.1 s of a cold `kitei build`). A
// cache made by vm.Script's createCachedData() after a run keeps them.
//
// Where the cache comes from, first found first:
//  1. dist/bundle/code-cache/: made by `npm run build` (scripts/code-cache.mjs runs the example
//     through this loader), for the Node.js that built it;
//  2. a folder of the user's own under the system's temporary folder, made at the end of the first
//     `build`/`revise`/`batch` that found no cache (another Node.js version, an install without
//     the build step).
// A cache is named by the script's SHA-256 (written by scripts/bundle.mjs), the Node.js version and
// the machine: V8 itself refuses one made by another V8 or with other flags, and it is then
// ignored. KITEI_NO_CODE_CACHE=1 loads without one; KITEI_DEBUG loads the script with require()
// so that stack traces map to dist/ (source maps).
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const BUNDLE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle');
const SCRIPT = join(BUNDLE_DIR, 'main.cjs');
const require = createRequire(SCRIPT);

/** Commands whose run is worth keeping as the cache: they call most of the CLI (generation and the writers). */
const CACHE_WORTHY = new Set(['build', 'revise', 'batch']);

/** The user's own cache folder, made private; undefined when it cannot be trusted (someone else's, or open to others). */
function userCacheDir(create) {
  const dir = join(tmpdir(), `kitei-code-cache-${process.getuid?.() ?? 'user'}`);
  try {
    if (create && !existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
    const stat = statSync(dir);
    if (!stat.isDirectory()) return undefined;
    if (process.getuid && stat.uid !== process.getuid()) return undefined;
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

function readIfPresent(file) {
  try {
    const fd = openSync(file, 'r');
    try {
      return fstatSync(fd).size > 0 ? readFileSync(fd) : undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * The CLI module's exports ({ run }). `argv` decides whether this run may write the cache; with
 * `writeDir` (scripts/code-cache.mjs) the cache is written into that folder at exit whatever was found.
 */
export function loadCli(argv, { writeDir } = {}) {
  if (process.env.KITEI_DEBUG) return require(SCRIPT);
  const source = readFileSync(SCRIPT, 'utf8');
  const digest = readFileSync(`${SCRIPT}.sha256`, 'utf8').trim();
  const name = `main-${digest.slice(0, 16)}-${process.version}-${process.platform}-${process.arch}.bin`;
  const useCache = !process.env.KITEI_NO_CODE_CACHE;
  const shipped = join(BUNDLE_DIR, 'code-cache', name);
  const userDir = useCache ? userCacheDir(false) : undefined;
  // The user's own first: it exists only where the shipped one was missing or refused.
  const cachedData = useCache && !writeDir ? ((userDir ? readIfPresent(join(userDir, name)) : undefined) ?? readIfPresent(shipped)) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: SCRIPT,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  const ownDir = !writeDir && useCache && !accepted && CACHE_WORTHY.has(argv[0]) ? userCacheDir(true) : undefined;
  const target = writeDir ? join(writeDir, name) : ownDir && join(ownDir, name);
  if (target) {
    // At exit: by then V8 has compiled what the run used. Best effort: a cache is only ever an aid.
    process.once('exit', (code) => {
      // A run that stopped early (a mistake in the answers) has compiled too little to keep.
      if (code !== 0 && !writeDir) return;
      try {
        const data = script.createCachedData();
        mkdirSync(dirname(target), { recursive: true });
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, data, { mode: writeDir ? 0o644 : 0o600 });
        renameSync(temporary, target);
        // This Node.js's caches of earlier builds of kitei are of no more use (other versions' are kept).
        if (!writeDir) {
          const stale = (file) => file.startsWith('main-') && file.endsWith(`-${process.version}-${process.platform}-${process.arch}.bin`) && file !== name;
          for (const file of readdirSync(dirname(target))) if (stale(file)) rmSync(join(dirname(target), file), { force: true });
        }
      } catch (error) {
        if (writeDir) throw error;
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, SCRIPT, BUNDLE_DIR);
  return module.exports;
}
