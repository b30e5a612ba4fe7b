// One batch run for the bench, in its own process so that its peak RSS is its own:
// node bench/batch-child.mjs <package root> <clients-dir> <out> <formats> <jobs>  → one JSON line on stdout.
// Uses the compiled modules (dist/) of that package and the command's V8 settings, as `kitei batch` does.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, dir, out, formats, jobs] = process.argv.slice(2);
// The V8 settings of the `kitei` command (bin/kitei.js): the workers run under them too.
const { tuneV8 } = await import(pathToFileURL(join(root, 'bin', 'v8-flags.js')).href);
tuneV8();
const { runBatch } = await import(pathToFileURL(join(root, 'dist', 'batch', 'run.js')).href);
const started = performance.now();
const summary = await runBatch({ inputs: [dir], out, formats: formats.split(','), draft: true, jobs: Number(jobs) });
process.stdout.write(
  `${JSON.stringify({
    ms: performance.now() - started,
    ok: summary.clients.filter((c) => c.status === 'ok').length,
    failed: summary.clients.filter((c) => c.status !== 'ok').map((c) => c.error),
    pages: summary.clients.reduce((sum, c) => sum + (c.pages ?? 0), 0),
    workerMemoryPeak: summary.workerMemoryPeak,
    maxRss: process.resourceUsage().maxRSS * 1024,
    // CPU time of every thread: what the run costs whatever else the machine is doing.
    cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
  })}\n`,
);
