import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../src/generate.js';
import { documentText } from '../src/model/text.js';
import { answersFile, fixture, rulebook, testTemplates } from './support/build.js';
import { sampleChapterLines, type ChapterKey } from './support/sample.js';

/**
 * Completeness against the IPA sample: with the company preset (the sample's own values) and every
 * option on, every rule line of the sample appears in the generated rulebook. A line the tool
 * deliberately words differently (a blue choice, a corrected reference, a table the answers fill)
 * is listed with its reason in test/fixtures/sample-exceptions/<chapter>.yaml; an exception that is
 * no longer needed fails the test, so the list stays honest.
 */

interface Exception {
  readonly line: string;
  readonly reason: string;
}

const CHAPTERS: ChapterKey[] = ['organizational', 'human', 'physical', 'technical'];

const output = documentText(rulebook(generate(answersFile(fixture('answers', 'ipa-sample.yaml')), testTemplates())));
const normalizedOutput = output.replace(/[ \t]+/gu, ' ');

/** Exceptions of a chapter: every `<chapter>*.yaml` (one file per part when a chapter is split). */
function exceptions(chapter: ChapterKey): Exception[] {
  const dir = fixture('sample-exceptions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(chapter) && name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => (parse(readFileSync(join(dir, name), 'utf8')) as Exception[] | null) ?? []);
}

describe.each(CHAPTERS)('IPA サンプル「%s」の網羅性', (chapter) => {
  const lines = sampleChapterLines(chapter);
  const excepted = exceptions(chapter);
  const exceptedLines = new Set(excepted.map((e) => e.line));

  it('サンプルのすべての規定行が出力に含まれる（例外は理由付きで列挙）', () => {
    const missing = lines.filter((line) => !exceptedLines.has(line) && !normalizedOutput.includes(line));
    expect(missing, `出力にない行 ${missing.length}/${lines.length}`).toEqual([]);
  });

  it('例外リストの各行はサンプルにあり、実際に出力と異なる', () => {
    for (const e of excepted) {
      expect(e.reason, e.line).toBeTruthy();
      expect(lines, `サンプルにない例外行: ${e.line}`).toContain(e.line);
      expect(normalizedOutput.includes(e.line), `不要になった例外: ${e.line}`).toBe(false);
    }
  });
});
