import type { Block, Chapter, Document, Section } from '../model/types.js';

/**
 * Gives chapters and sections their current numbers, so that leaving a section out renumbers the
 * rest. Chapters count 1, 2, …; level-1 sections restart in each chapter; deeper levels extend the
 * parent (`6`, `6.2`, `6.2.1`). An annex takes the number of the level-1 section before it plus
 * `-1`, `-2` (the sample's 「8-1」) and does not use up a number.
 */
export function numberDocument(doc: Document): Document {
  let chapterCount = 0;
  const children = doc.children.map((node): Block => {
    if (node.type !== 'chapter') return node;
    chapterCount++;
    const chapter: Chapter = { ...node, number: String(chapterCount), children: numberSections(node.children, '') };
    return chapter;
  });
  return { ...doc, children };
}

function numberSections(blocks: readonly Block[], parentNumber: string): Block[] {
  let count = 0;
  let annexCount = 0;
  let lastNumber = parentNumber;
  return blocks.map((node): Block => {
    if (node.type !== 'section') return node;
    let number: string;
    if (node.annex) {
      annexCount++;
      number = `${lastNumber}-${annexCount}`;
    } else {
      count++;
      annexCount = 0;
      number = parentNumber ? `${parentNumber}.${count}` : String(count);
      lastNumber = number;
    }
    const section: Section = { ...node, number, children: numberSections(node.children, number) };
    return section;
  });
}

/** How a section's number and title are written in a heading: 「1. 組織」, 「6.2 利用者の認証」. */
export function headingNumber(section: Pick<Section, 'number' | 'level' | 'annex'>): string {
  return section.level === 1 && !section.annex ? `${section.number}.` : section.number;
}
