import type { Block, ChartBox, Inline, List, Paragraph, Part, Section, TableCell, TableRow } from '../../src/model/types.js';

/** Builders for hand-made document models (the Word and PDF writers' fixtures). */

export const text = (value: string): Inline => ({ type: 'text', value });

export const para = (...children: (Inline | string)[]): Paragraph => ({ type: 'paragraph', children: children.map((c) => (typeof c === 'string' ? text(c) : c)) });

export const list = (ordered: boolean, items: (string | Block[])[], start = 1): List => ({
  type: 'list',
  ordered,
  start,
  children: items.map((item) => ({ type: 'listItem', children: typeof item === 'string' ? [para(item)] : item })),
});

/** A cell of blocks, or of one paragraph of text; `''` is an empty cell. */
export const cell = (children: Block[] | string, rowSpan = 1, colSpan = 1): TableCell => ({
  type: 'tableCell',
  rowSpan,
  colSpan,
  children: typeof children === 'string' ? (children ? [para(children)] : []) : children,
});

export const row = (...cells: TableCell[]): TableRow => ({ type: 'tableRow', children: cells });

export const section = (id: string, level: number, number: string, title: string, children: Block[], annex = false): Section => ({
  type: 'section',
  id,
  level,
  annex,
  numbering: 'decimal',
  number,
  title: [text(title)],
  children,
});

export const box = (lines: string[], children: ChartBox[] = []): ChartBox => ({ type: 'chartBox', lines: lines.map((l) => [text(l)]), children });

/** One document of a pack (`number` 「付録1」 for an appendix, empty for a main part). */
export const part = (id: string, number: string, title: string, classification: string, orientation: Part['orientation'], children: Block[]): Part => ({
  type: 'part',
  id,
  number,
  title,
  classification,
  orientation,
  children,
});
