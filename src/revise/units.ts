import { inlineText } from '../model/text.js';
import type { Block, Chapter, ChartBox, Document, Inline, Section } from '../model/types.js';
import { chapterHeading, headingAffixes } from '../transform/numbering.js';

/**
 * A document cut into the pieces a comparison table (新旧対照表) aligns: the title page facts, each
 * chapter's heading (with its 適用範囲), and each section or article with its own text (its
 * subsections are pieces of their own). Pieces are keyed by the stable ids of the templates, never by
 * position, so a section that moved to another number is still compared with itself.
 *
 * The text of a piece is made of blocks that can stand in a table cell in every writer: headings
 * become bold lines, the committee chart a nested list, form fields and closing lines paragraphs.
 */

export interface Unit {
  /** `front`, `intro`, `chapter:<id>`, or the section's id. */
  readonly key: string;
  readonly kind: 'front' | 'intro' | 'chapter' | 'section';
  /** Key of the chapter the piece belongs to (its own key for a chapter), if any. */
  readonly chapter: string | undefined;
  /** Keys of the sections around it, outermost first. */
  readonly ancestors: readonly string[];
  /** The heading as printed, number included (「4.2 パソコンの利用」「第5条（再委託）」); empty for front and intro. */
  readonly heading: readonly Inline[];
  /** The heading's number as printed (「4.2」「第5条」「1.」), '' when none. */
  readonly number: string;
  /** Its own text, without its subsections. */
  readonly body: readonly Block[];
}

const text = (value: string): Inline => ({ type: 'text', value });
const paragraph = (children: readonly Inline[]): Block => ({ type: 'paragraph', children });

/** Blocks of a section's own text, made fit for a table cell. */
export function cellBlocks(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    switch (block.type) {
      case 'paragraph':
      case 'label':
        return [block];
      case 'list':
        return [{ ...block, children: block.children.map((item) => ({ ...item, children: cellBlocks(item.children) })) }];
      case 'table':
        // A form's empty answer rows are tall for writing in; compared, they are ordinary rows.
        return [{ ...block, variant: 'default', children: block.children.map((row) => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: cellBlocks(cell.children) })) })) }];
      case 'note':
      case 'clause':
        return [{ ...block, children: cellBlocks(block.children) }];
      case 'chart':
        return [...(block.title ? [paragraph([text(block.title)])] : []), { type: 'list', ordered: false, start: 1, children: [chartItem(block.root)] }];
      case 'fields':
        return block.children.map((field) => paragraph([...field.label, text('：'), ...field.hint]));
      case 'signature':
        return block.lines.map((line) => paragraph(line));
      case 'pageBreak':
      case 'closing':
      case 'section':
      case 'chapter':
      case 'part':
        return [];
    }
  });
}

/** A box of the committee chart as a list item: 「役割：役職、役職」, its boxes below it. */
function chartItem(box: ChartBox): { type: 'listItem'; children: Block[] } {
  const [role = [], ...titles] = box.lines;
  const line: Inline[] = [...role];
  titles.forEach((title, i) => line.push(text(i === 0 ? '：' : '、'), ...title));
  const children: Block[] = [paragraph(line)];
  if (box.children.length) children.push({ type: 'list', ordered: false, start: 1, children: box.children.map(chartItem) });
  return { type: 'listItem', children };
}

/** The facts of the title page that are part of what is approved: the name, the approver, the classification. */
function frontUnit(document: Document): Unit {
  const m = document.meta;
  const body = [paragraph([text(`文書名：${m.title}`)])];
  if (m.front === 'cover') body.push(paragraph([text(`承認者：${m.approver}`)]));
  if (m.classification) body.push(paragraph([text(`文書区分：${m.classification}`)]));
  return { key: 'front', kind: 'front', chapter: undefined, ancestors: [], heading: [], number: '', body };
}

function sectionHeading(section: Section): { heading: Inline[]; number: string } {
  const { before, after } = headingAffixes(section);
  const number = before.replace(/[（\s]+$/u, '');
  return { heading: [...(before ? [text(before)] : []), ...section.title, ...(after ? [text(after)] : [])], number };
}

/** Every piece of a document, in reading order. */
export function documentUnits(document: Document): Unit[] {
  const units: Unit[] = [frontUnit(document)];
  const sections = (blocks: readonly Block[], chapter: string | undefined, ancestors: readonly string[]) => {
    for (const block of blocks) {
      if (block.type !== 'section') continue;
      const { heading, number } = sectionHeading(block);
      units.push({ key: block.id, kind: 'section', chapter, ancestors, heading, number, body: cellBlocks(block.children.filter((b) => b.type !== 'section')) });
      sections(block.children, chapter, [...ancestors, block.id]);
    }
  };
  const own = (blocks: readonly Block[]) => blocks.filter((b) => b.type !== 'section' && b.type !== 'chapter');
  const intro = cellBlocks(own(document.children));
  if (intro.length) units.push({ key: 'intro', kind: 'intro', chapter: undefined, ancestors: [], heading: [], number: '', body: intro });
  for (const block of document.children) {
    if (block.type === 'chapter') {
      units.push(chapterUnit(block));
      const key = `chapter:${block.id}`;
      const lead = cellBlocks(own(block.children));
      if (lead.length) units.push({ key: `intro:${block.id}`, kind: 'intro', chapter: key, ancestors: [], heading: [], number: '', body: lead });
      sections(block.children, key, []);
    } else if (block.type === 'section') {
      sections([block], undefined, []);
    }
  }
  return units;
}

function chapterUnit(chapter: Chapter): Unit {
  const heading = chapterHeading(chapter);
  // The 改訂日 in the chapter's header table is the bookkeeping of revisions, not their subject.
  const body = chapter.scope.length ? [paragraph([text('適用範囲：'), ...chapter.scope])] : [];
  const number = chapter.numbering === 'none' ? '' : heading.slice(0, heading.length - chapter.title.length).trim();
  return { key: `chapter:${chapter.id}`, kind: 'chapter', chapter: `chapter:${chapter.id}`, ancestors: [], heading: [text(heading)], number, body };
}

/** The heading's words without its number, to tell a renumbered section from a retitled one. */
export const headingTitle = (unit: Unit): string => inlineText(unit.heading).slice(unit.number.length);
