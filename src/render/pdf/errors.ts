/**
 * The document holds characters that the embedded fonts cannot draw. Printing them as blank boxes
 * (豆腐) would silently change the rules, so the build stops and lists them. Invalid input: the CLI
 * exits with code 1.
 */
export class MissingGlyphError extends Error {
  constructor(
    /** Each missing character once, with where it first appears. */
    readonly characters: readonly { readonly character: string; readonly context: string }[],
  ) {
    const list = characters
      .map(({ character, context }) => `  - 「${character}」（U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）: …${context}…`)
      .join('\n');
    super(`PDF のフォント（Noto Serif JP・Noto Sans JP）にない文字が${characters.length}種類あります。回答ファイルの該当箇所を別の文字に置き換えてください:\n${list}`);
    this.name = 'MissingGlyphError';
  }
}
