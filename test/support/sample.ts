import { readFileSync } from 'node:fs';
import { fixture } from './build.js';

/**
 * The IPA sample (test/fixtures/ipa-sample.txt, the plain-text extraction of 付録5) cut into its
 * chapters and normalized into "rule lines": one line per paragraph, list item or table cell, with
 * the extraction's bookmarks, bullets and leading numbers removed. The completeness test checks
 * that each rule line appears in the generated rulebook.
 */

export type ChapterKey = 'organizational' | 'human' | 'physical' | 'technical';

const CHAPTER_STARTS: readonly [ChapterKey, RegExp][] = [
  ['organizational', /^\[bookmark: _Toc225334791\]組織的対策/u],
  ['human', /^\[bookmark: _Toc225334839\]人的対策/u],
  ['physical', /^\s*\[bookmark: _Toc225334854\]物理的対策/u],
  ['technical', /^\[bookmark: _Toc225334868\]技術的対策/u],
];

/** Lines that are the sample's own scaffolding, not rules: chapter header tables and editor stand-ins. */
const SKIP = [/○○|〇○|○〇|〇〇|●●|△△|◇◇|20yy|\*\*\*\*/u, /編集時注意/u, /^(改訂日|適用範囲)$/u];

export function normalizeSampleLine(raw: string): string {
  return raw
    .replace(/\[bookmark: [^\]]*\]/gu, '')
    .replace(/^[\s\u3000]*(?:[·・]\s*)?/u, '')
    .replace(/^\d+(?:\.\d+)*\.?\s+(?=\S)/u, '')
    .replace(/^\d+(?:\.\d+)+(?=[^\d\s.])/u, '')
    .replace(/[\s\u3000]+$/u, '')
    .replace(/\s+/gu, ' ');
}

export function sampleChapterLines(chapter: ChapterKey): string[] {
  const all = readFileSync(fixture('ipa-sample.txt'), 'utf8').split('\n');
  const starts = CHAPTER_STARTS.map(([key, pattern]) => [key, all.findIndex((line) => pattern.test(line))] as const);
  const index = starts.findIndex(([key]) => key === chapter);
  const from = starts[index]![1];
  const to = index + 1 < starts.length ? starts[index + 1]![1] : all.length;
  const lines = all
    .slice(from + 1, to)
    .map(normalizeSampleLine)
    .filter((line) => line.length >= 4 && !SKIP.some((p) => p.test(line)));
  // The chapter header table of the next chapter sits just before its bookmark.
  return [...new Set(lines)].filter((line) => !/^(組織的対策|人的対策|物理的対策|技術的対策)$/u.test(line));
}
