import { inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, Inline, Section, Table } from '../../src/model/types.js';

/** Walking the document model in tests: sections, text runs, tables and references. */

export const sectionsIn = (blocks: readonly Block[]): Section[] => blocks.filter((b): b is Section => b.type === 'section');

/** The chapter with that title (the first chapter when no title is given). */
export const chapterTitled = (doc: Document, title?: string): Chapter => {
  const chapter = doc.children.find((b): b is Chapter => b.type === 'chapter' && (title === undefined || b.title === title));
  if (!chapter) throw new Error(`章「${title ?? ''}」がありません`);
  return chapter;
};

/** A section anywhere below some blocks, by id. */
export function findSection(blocks: readonly Block[], id: string): Section | undefined {
  for (const section of sectionsIn(blocks)) {
    if (section.id === id) return section;
    const inner = findSection(section.children, id);
    if (inner) return inner;
  }
  return undefined;
}

export function sectionOf(chapter: Chapter, id: string): Section {
  const found = findSection(chapter.children, id);
  if (!found) throw new Error(`節 ${id} がありません`);
  return found;
}

export interface RunOptions {
  /** Put before the first run of each list item (e.g. 「・」, to read cells as the sample prints them). */
  readonly listMarker?: string;
}

/** All inline runs of some blocks in reading order: headings, paragraphs, list items, table cells, notes. */
export function inlineRuns(blocks: readonly Block[], options: RunOptions = {}): (readonly Inline[])[] {
  const out: (readonly Inline[])[] = [];
  const walk = (nodes: readonly Block[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'section':
          out.push(node.title);
          walk(node.children);
          break;
        case 'paragraph':
        case 'label':
          out.push(node.children);
          break;
        case 'list':
          node.children.forEach((item) => {
            const first = out.length;
            walk(item.children);
            if (options.listMarker && out[first]) out[first] = [{ type: 'text', value: options.listMarker }, ...out[first]!];
          });
          break;
        case 'table':
          node.children.forEach((row) => row.children.forEach((cell) => walk(cell.children)));
          break;
        case 'note':
          walk(node.children);
          break;
        default:
          break;
      }
    }
  };
  walk(blocks);
  return out;
}

export const blocksText = (blocks: readonly Block[], options: RunOptions = {}): string => inlineRuns(blocks, options).map(inlineText).join('\n');

/** 「6.2 利用者の認証」 */
export const numbered = (section: Section): string => `${section.number} ${inlineText(section.title)}`;

/** The tables of some blocks, looking into sections (not into cells). */
export function tablesIn(blocks: readonly Block[]): Table[] {
  const out: Table[] = [];
  for (const node of blocks) {
    if (node.type === 'table') out.push(node);
    else if (node.type === 'section') out.push(...tablesIn(node.children));
  }
  return out;
}

export const tableRows = (table: Table, options: RunOptions = {}): string[][] =>
  table.children.map((row) => row.children.map((cell) => blocksText(cell.children, options)));

/** Every cross-reference below some blocks, with its resolved text. */
export function xrefsIn(blocks: readonly Block[]): { target: string; text: string }[] {
  const out: { target: string; text: string }[] = [];
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'xref') out.push({ target: node.target, text: node.text });
      if (node.type === 'strong' || node.type === 'link') visit(node.children);
    }
  };
  inlineRuns(blocks).forEach(visit);
  return out;
}
