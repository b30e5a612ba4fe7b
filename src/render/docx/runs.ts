import { textRun, type Highlight } from './xml.js';

/** Formatting a run inherits from the inlines around it. */
export interface RunFormat {
  readonly bold?: boolean;
  readonly style?: string;
  /** Inside a hyperlink already: Word does not nest them. */
  readonly inLink?: boolean;
  readonly highlight?: Highlight;
  /** Changed words of a comparison table (新旧対照表). */
  readonly underline?: boolean;
}

/** Runs for text whose "\n" are line breaks inside the paragraph. */
export function textRuns(value: string, format: RunFormat = {}): string {
  if (!value.includes('\n')) return textRun(value, format);
  return value
    .split('\n')
    .map((line, i) => textRun(line, format, i > 0))
    .join('');
}
