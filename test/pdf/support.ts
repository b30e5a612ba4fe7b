import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** poppler-utils (pdftotext, pdfinfo, pdftohtml) run on PDF bytes, for tests. */

function withFile<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kitei-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text pdftotext extracts, pages separated by form feeds. */
export const pdfText = (pdf: Uint8Array, ...args: string[]): string =>
  withFile(pdf, (file) => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

export const pdfInfo = (pdf: Uint8Array): Record<string, string> =>
  withFile(pdf, (file) =>
    Object.fromEntries(
      execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.includes(':'))
        .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
    ),
  );

/** Names of the embedded fonts, with pdffonts' embedded and subset flags. */
export const pdfFonts = (pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean; unicode: boolean }[] =>
  withFile(pdf, (file) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/u);
        const [emb, sub, uni] = cols.slice(-5, -2);
        return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
      }),
  );

export interface OutlineItem {
  readonly title: string;
  readonly page: number;
  readonly children: OutlineItem[];
}

/** The bookmarks as pdftohtml reads them. */
export function pdfOutline(pdf: Uint8Array): OutlineItem[] {
  const xml = withFile(pdf, (file) => execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', '-f', '1', '-l', '1', file], { encoding: 'utf8' }));
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const root: OutlineItem[] = [];
  const stack: OutlineItem[][] = [];
  let current = root;
  let last: OutlineItem | undefined;
  for (const m of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/gu)) {
    if (m[0] === '<outline>') {
      if (last) {
        stack.push(current);
        current = last.children;
      }
    } else if (m[0] === '</outline>') {
      current = stack.pop() ?? root;
    } else {
      last = { title: m[2]!.replace(/&amp;/gu, '&'), page: Number(m[1]), children: [] };
      current.push(last);
    }
  }
  return root;
}

/** Whitespace is layout, not text: compare without it. */
export const squash = (text: string): string => text.normalize('NFC').replace(/\s+/gu, '');

/**
 * Whether `needle` occurs in `haystack` whole, or in up to four consecutive pieces of at least ten
 * characters with at most 120 characters between them (what a page break inserts: running header,
 * footer, a repeated table header and merged label).
 */
export function findAcrossPageBreaks(haystack: string, needle: string): boolean {
  if (haystack.includes(needle)) return true;
  const attempt = (from: number, rest: string, pieces: number): boolean => {
    if (rest.length === 0) return true;
    if (pieces === 0) return false;
    for (let length = rest.length; length >= Math.min(10, rest.length); length--) {
      const at = haystack.indexOf(rest.slice(0, length), from);
      if (at < 0 || (pieces < 4 && at - from > 120)) continue;
      if (attempt(at + length, rest.slice(length), pieces - 1)) return true;
    }
    return false;
  };
  return attempt(0, needle, 4);
}
