import stringWidth from 'string-width';

/**
 * Text for a terminal: widths counted as the terminal shows them (a kanji takes two columns) and
 * lines broken anywhere Japanese allows, never with punctuation or a small kana at a line start.
 * The CLI's help and the wizard's screens share it.
 */

export const displayWidth = (text: string): number => stringWidth(text);

/** Characters a line may not start with (句読点・閉じ括弧・長音・小書きの仮名): they stay on the line before. */
const NO_LINE_START = /[、。，．・：；？！）」』】〕］｝〉》ー〜…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ]/u;

/** Lines of at most `width` columns (a no-start character may end a line one column over). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/u)) {
    let line = '';
    let lineWidth = 0;
    for (const char of paragraph) {
      const w = stringWidth(char);
      if (lineWidth + w > width && line.trim() !== '' && !NO_LINE_START.test(char)) {
        // A Latin word is not cut: the line breaks at the space before it when there is one.
        const space = /[ -~]$/u.test(line) && /[!-~]/u.test(char) ? line.lastIndexOf(' ') : -1;
        if (space > 0) {
          lines.push(line.slice(0, space));
          line = line.slice(space + 1);
        } else {
          lines.push(line.trimEnd());
          line = '';
        }
        lineWidth = stringWidth(line);
        if (char === ' ' && line === '') continue;
      }
      line += char;
      lineWidth += w;
    }
    lines.push(line);
  }
  return lines;
}
