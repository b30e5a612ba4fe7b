import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readAnswersFile } from '../src/build.js';
import { generate } from '../src/generate.js';
import { renderDocx } from '../src/render/docx/index.js';
import { loadTemplates } from '../src/templates/load.js';

/**
 * How long the Word writer takes for each example: the median of several renders of the same
 * document model (after one warm-up), and the size of the file. Not a test: it prints figures.
 *
 *   npx tsx bench/docx.ts [runs]
 */

const ROOT = join(import.meta.dirname, '..');
const runs = Math.max(1, Number(process.argv[2] ?? 7));

const examples = [
  join(ROOT, 'test', 'fixtures', 'answers', 'ipa-sample.yaml'),
  ...readdirSync(join(ROOT, 'answers'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(ROOT, 'answers', f)),
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const templates = loadTemplates();
console.log(`docx: median of ${runs} renders per document (after one warm-up), node ${process.version}`);
console.log(['example', 'document', 'median ms', 'min ms', 'max ms', 'KiB'].join('\t'));
for (const file of examples) {
  for (const doc of generate(readAnswersFile(file), templates).documents) {
    const bytes = await renderDocx(doc);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await renderDocx(doc);
      times.push(performance.now() - start);
    }
    console.log(
      [basename(file, '.yaml'), doc.id, median(times).toFixed(0), Math.min(...times).toFixed(0), Math.max(...times).toFixed(0), (bytes.byteLength / 1024).toFixed(0)].join('\t'),
    );
  }
}
