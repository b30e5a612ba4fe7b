import { HighlightColor, TextRun } from 'docx';

/** Formatting a run inherits from the inlines around it. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly style?: string;
  /** Inside a hyperlink already: Word does not nest them. */
  readonly inLink?: boolean;
  readonly highlight?: (typeof HighlightColor)[keyof typeof HighlightColor];
}

/** Runs for text whose "\n" are line breaks inside the paragraph. */
export function textRuns(value: string, format: RunFormat = {}): TextRun[] {
  return value.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(format.bold ? { bold: true } : {}),
        ...(format.style ? { style: format.style } : {}),
        ...(format.highlight ? { highlight: format.highlight } : {}),
      }),
  );
}
