/**
 * The one character policy for every string a user types (each answers value, `todo:` text,
 * `--contractor`), and how a message shows a character: as U+XXXX, never raw, so a message cannot
 * drive the terminal (ESC, CSI) or look different from what it says (bidi controls, invisible marks).
 */

/** What a refused character is, in words the user reads. */
export type CharacterKind = 'control' | 'bidi' | 'privateUse' | 'noncharacter' | 'surrogate' | 'lineSeparator';

/**
 * Every character a typed value may not hold: C0 controls but tab and line feed, DEL and the C1
 * controls; bidi controls; private use (外字, planes 0, 15 and 16); noncharacters (U+FDD0–FDEF and
 * the last two of every plane); lone surrogates (the `u` flag matches one only when unpaired); line
 * and paragraph separators.
 */
const REFUSED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{f0000}-\u{10ffff}]/u;

/**
 * Characters that show nothing by themselves: zero-width marks, joiners, the soft hyphen, fillers,
 * variation selectors and tags. They are kept inside a value (a joiner in an emoji sequence), but a
 * value of nothing else would print as a blank name.
 */
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2064\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;
const INVISIBLE_OR_SPACE = new RegExp(`^(?:\\s|${INVISIBLE.source})*$`, 'u');

/** U+001B, U+1F600: how every message names a character. */
export const codePointLabel = (codePoint: number): string => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

export function characterKind(codePoint: number): CharacterKind | undefined {
  const character = String.fromCodePoint(codePoint);
  if (!REFUSED.test(character)) return undefined;
  if (codePoint <= 0x9f) return 'control';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'lineSeparator';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'surrogate';
  if ((codePoint >= 0xe000 && codePoint <= 0xf8ff) || codePoint >= 0xf0000) return (codePoint & 0xfffe) === 0xfffe ? 'noncharacter' : 'privateUse';
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return 'noncharacter';
  return 'bidi';
}

const KIND_WORDS: Readonly<Record<CharacterKind, string>> = {
  control: '制御文字',
  bidi: '書字方向を変える文字',
  privateUse: '私用領域の文字（外字）',
  noncharacter: '文字として使えない符号（非文字）',
  surrogate: '壊れた文字（対になっていないサロゲート）',
  lineSeparator: '行区切り文字',
};

const KIND_REASONS: Readonly<Record<CharacterKind, string>> = {
  control: '',
  bidi: '（画面と印刷で違う文字列に見せる細工になるため）',
  privateUse: '（ほかの環境では別の字になるため）',
  noncharacter: '（Word などが文書を開けなくなるため）',
  surrogate: '（文字化けして出力されるため）',
  lineSeparator: '（改行は普通の改行で書いてください）',
};

/** The first refused character of `text` and where it is (1-based, in characters), or undefined. */
export function firstRefused(text: string): { codePoint: number; kind: CharacterKind; position: number } | undefined {
  if (!REFUSED.test(text)) return undefined;
  let position = 0;
  for (const character of text) {
    position++;
    const codePoint = character.codePointAt(0)!;
    const kind = characterKind(codePoint);
    if (kind) return { codePoint, kind, position };
  }
  return undefined;
}

/** Why `text` may not be typed, in Japanese (naming the character as U+XXXX), or undefined when it may. */
export function characterProblem(text: string): string | undefined {
  const refused = firstRefused(text);
  if (refused) {
    const at = [...text].length > 1 ? `（${refused.position}文字目）` : '';
    return `${KIND_WORDS[refused.kind]} ${codePointLabel(refused.codePoint)}${at}は使えません${KIND_REASONS[refused.kind]}`;
  }
  if (text !== '' && text.trim() !== '' && INVISIBLE_OR_SPACE.test(text)) {
    const invisible = [...text].find((character) => INVISIBLE.test(character))!;
    return `見えない文字（${codePointLabel(invisible.codePointAt(0)!)} など）と空白だけの値は使えません`;
  }
  return undefined;
}

/**
 * Text made safe to print in a message: every refused or invisible character becomes <U+XXXX>
 * (line feeds and tabs too, unless `multiline`), and a long value is cut to `max` characters.
 */
export function printable(text: string, { max = Infinity, multiline = false }: { max?: number; multiline?: boolean } = {}): string {
  let out = '';
  let count = 0;
  for (const character of text) {
    if (++count > max) return `${out}…`;
    const codePoint = character.codePointAt(0)!;
    const keep = multiline && (character === '\n' || character === '\t');
    out += !keep && (characterKind(codePoint) || INVISIBLE.test(character) || character === '\n' || character === '\t') ? `<${codePointLabel(codePoint)}>` : character;
  }
  return out;
}

/**
 * A whole message for the terminal: its lines kept, any refused character (one that could act on
 * the terminal or reorder the line) shown as <U+XXXX>. Invisible marks stay: they are harmless there.
 */
export function printableMessage(text: string): string {
  if (!REFUSED.test(text)) return text;
  let out = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    out += character !== '\n' && character !== '\t' && characterKind(codePoint) ? `<${codePointLabel(codePoint)}>` : character;
  }
  return out;
}
