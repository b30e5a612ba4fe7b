import stringWidth from 'string-width';

/**
 * A plain-text table for the terminal, aligned by display width (a kanji takes two columns) and
 * drawn with ASCII only: box-drawing characters are "ambiguous width" and misalign in many
 * Japanese terminals.
 */

const truncate = (text: string, width: number): string => {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(`${out}${char}…`) > width) break;
    out += char;
  }
  return `${out}…`;
};

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

export function textTable(header: readonly string[], rows: readonly (readonly string[])[], maxWidth = 100, indent = '  ', maxColumn = 32): string {
  const cells = [header, ...rows].map((row) => row.map((c) => c.replace(/\s*\n\s*/gu, ' ')));
  const widths = header.map((_, i) => Math.min(maxColumn, Math.max(2, ...cells.map((row) => stringWidth(row[i] ?? '')))));
  // Narrow the widest column until the table fits the terminal (each column keeps at least 6).
  const total = () => widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1 + indent.length;
  while (total() > maxWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 6) break;
    widths[widest]!--;
  }
  const line = (row: readonly string[]) => `${indent}| ${widths.map((w, i) => pad(truncate(row[i] ?? '', w), w)).join(' | ')} |`;
  const rule = `${indent}|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

export { stringWidth };
