import { inflateSync } from 'node:zlib';

/**
 * The page count of a finished PDF, read from its bytes: the page tree's root holds the total in
 * `/Count`. The tree may be a plain object or sit in a compressed object stream (PDF 1.5, as the
 * PDF writer makes it); both are searched. Unknown (undefined) when neither shows it.
 */
export function pdfPageCount(data: Uint8Array): number | undefined {
  const text = latin1(data);
  let pages = countIn(text);
  for (const match of text.matchAll(/<<((?:(?!<<|>>)[\s\S])*?\/Type\s*\/ObjStm\b(?:(?!<<|>>)[\s\S])*)>>\s*stream\r?\n/gu)) {
    const dictionary = match[1]!;
    if (!/\/Filter\s*\/FlateDecode\b/u.test(dictionary)) continue;
    const start = match.index + match[0].length;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/u.exec(dictionary);
    const end = length ? start + Number(length[1]) : text.indexOf('endstream', start);
    try {
      const found = countIn(latin1(inflateSync(data.subarray(start, end))));
      if (found !== undefined) pages = Math.max(pages ?? 0, found);
    } catch {
      // A damaged stream says nothing about the pages.
    }
  }
  return pages;
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The largest `/Count` of a `/Type /Pages` dictionary in `text` (the root of the page tree). */
function countIn(text: string): number | undefined {
  let pages: number | undefined;
  for (const match of text.matchAll(/<<((?:(?!<<|>>)[\s\S])*?\/Type\s*\/Pages\b(?:(?!<<|>>)[\s\S])*)>>/gu)) {
    const count = /\/Count\s+(\d+)/u.exec(match[1]!);
    if (count) pages = Math.max(pages ?? 0, Number(count[1]));
  }
  return pages;
}
