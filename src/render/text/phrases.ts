import { jaModel, Parser } from 'budoux';

/**
 * Phrase boundaries (文節) of Japanese text from BudouX's model, so that titles, headings, labels
 * and short table cells break between words and never inside one (「…に関す / る基本方針」).
 * Worked out once per distinct text: the same headings and labels come back in every document of
 * a pack and every client of a batch.
 */

let parser: Parser | undefined;
const cache = new Map<string, readonly boolean[]>();
const CACHE_LIMIT = 4000;

/**
 * For each character (code point) of `chars`, whether a phrase starts there. The first character
 * starts one; a character inside a phrase does not.
 */
export function phraseStarts(chars: readonly string[]): readonly boolean[] {
  const text = chars.join('');
  let starts = cache.get(text);
  if (!starts) {
    parser ??= new Parser(jaModel);
    // BudouX counts UTF-16 code units; the layout counts code points.
    const boundaries = new Set(parser.parseBoundaries(text));
    const out: boolean[] = [];
    let unit = 0;
    for (const ch of chars) {
      out.push(unit === 0 || boundaries.has(unit));
      unit += ch.length;
    }
    starts = out;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(text, starts);
  }
  return starts;
}
