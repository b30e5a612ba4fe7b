import type { Block, Chapter, Clause, Document, Section } from '../model/types.js';

/**
 * Gives chapters and sections their current numbers, so that leaving a section out renumbers the
 * rest, in one of two styles.
 *
 * `decimal` (the rulebook): chapters count 1, 2, …; level-1 sections restart in each chapter;
 * deeper levels extend the parent (`6`, `6.2`, `6.2.1`). An annex takes the number of the level-1
 * section before it plus `-1`, `-2` (the sample's 「8-1」) and does not use up a number.
 *
 * `article` (rules, contract clauses): chapters are 第1章, 第2章 …; level-1 sections are articles
 * numbered through the whole document (第1条 … 第N条), and the blocks of each article are grouped
 * into clauses (項): every paragraph opens a clause, the lists and tables after it belong to it; the
 * second and later clauses are numbered ２, ３ …. Headings marked `.unnumbered` (附則) take no number.
 */

export type NumberingStyle = 'decimal' | 'article';

export class NumberingError extends Error {}

export function numberDocument(doc: Document, style: NumberingStyle = 'decimal'): Document {
  return style === 'article' ? numberArticles(doc) : numberDecimal(doc);
}

function numberDecimal(doc: Document): Document {
  let chapterCount = 0;
  const children = doc.children.map((node): Block => {
    if (node.type === 'chapter') {
      if (node.numbering === 'none') return { ...node, number: '', children: numberSections(node.children, '') };
      chapterCount++;
      const chapter: Chapter = { ...node, numbering: 'decimal', number: String(chapterCount), children: numberSections(node.children, '') };
      return chapter;
    }
    return node;
  });
  // A document without chapters numbers its sections directly (1., 2. …).
  return { ...doc, children: doc.children.some((node) => node.type === 'chapter') ? children : numberSections(children, '') };
}

function numberSections(blocks: readonly Block[], parentNumber: string): Block[] {
  let count = 0;
  let annexCount = 0;
  let lastNumber = parentNumber;
  return blocks.map((node): Block => {
    if (node.type !== 'section') return node;
    let number: string;
    if (node.numbering === 'none') {
      number = '';
    } else if (node.annex) {
      annexCount++;
      number = `${lastNumber}-${annexCount}`;
    } else {
      count++;
      annexCount = 0;
      number = parentNumber ? `${parentNumber}.${count}` : String(count);
      lastNumber = number;
    }
    const section: Section = { ...node, numbering: node.numbering === 'none' ? 'none' : 'decimal', number, children: numberSections(node.children, number) };
    return section;
  });
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** 12 → １２: clause numbers are printed in full-width digits. */
export const fullWidth = (n: number): string => [...String(n)].map((d) => FULL_WIDTH_DIGITS[Number(d)]).join('');

function numberArticles(doc: Document): Document {
  let chapterCount = 0;
  let articleCount = 0;
  const articles = (blocks: readonly Block[]): Block[] =>
    blocks.map((node): Block => {
      if (node.type === 'chapter') throw new NumberingError(`『${doc.meta.title}』: 章の中に章は置けません（${node.id}）`);
      if (node.type !== 'section') return node;
      if (node.level !== 1) throw new NumberingError(`『${doc.meta.title}』: 条の中に見出しは置けません（${node.id}）。条の中は段落（項）と箇条書き（号）で書きます`);
      if (node.annex) throw new NumberingError(`『${doc.meta.title}』: 条には .annex を使えません（${node.id}）`);
      const numbered = node.numbering !== 'none';
      if (numbered) articleCount++;
      const section: Section = {
        ...node,
        numbering: numbered ? 'article' : 'none',
        number: numbered ? String(articleCount) : '',
        children: clauses(node.children),
      };
      return section;
    });
  const children = doc.children.map((node): Block => {
    if (node.type !== 'chapter') return articles([node])[0]!;
    if (node.numbering === 'none') return { ...node, number: '', revised: '', scope: [], children: articles(node.children) };
    chapterCount++;
    const chapter: Chapter = { ...node, numbering: 'article', number: String(chapterCount), revised: '', scope: [], children: articles(node.children) };
    return chapter;
  });
  return { ...doc, children };
}

/** Groups an article's blocks into clauses: each paragraph opens one; a lone clause has no number. */
function clauses(blocks: readonly Block[]): Block[] {
  const groups: Block[][] = [];
  for (const node of blocks) {
    if (node.type === 'section' || node.type === 'chapter') throw new NumberingError(`条の中に見出しは置けません（${node.id}）`);
    if (node.type === 'paragraph' || groups.length === 0) groups.push([node]);
    else groups[groups.length - 1]!.push(node);
  }
  return groups.map((children, i): Clause => ({ type: 'clause', number: i === 0 ? '' : fullWidth(i + 1), children }));
}

/** How a section's number is written in a heading: 「1.」, 「6.2」, 「8-1」, 「第5条」, or '' (附則). */
export function headingNumber(section: Pick<Section, 'number' | 'level' | 'annex' | 'numbering'>): string {
  if (section.numbering === 'none' || section.number === '') return '';
  if (section.numbering === 'article') return `第${section.number}条`;
  return section.level === 1 && !section.annex ? `${section.number}.` : section.number;
}

/**
 * What a heading prints around its title: 「6.2 」+ title, 「第5条（」+ title +「）」, or the title
 * alone. Writers put the title's inlines between the two.
 */
export function headingAffixes(section: Pick<Section, 'number' | 'level' | 'annex' | 'numbering'>): { readonly before: string; readonly after: string } {
  const number = headingNumber(section);
  if (!number) return { before: '', after: '' };
  if (section.numbering === 'article') return { before: `${number}（`, after: '）' };
  return { before: `${number} `, after: '' };
}

/** A chapter's heading: 「1. 組織的対策」, 「第1章　総則」, or the title alone (附則). */
export function chapterHeading(chapter: Pick<Chapter, 'number' | 'title' | 'numbering'>): string {
  if (chapter.numbering === 'none' || chapter.number === '') return chapter.title;
  return chapter.numbering === 'article' ? `第${chapter.number}章\u3000${chapter.title}` : `${chapter.number}. ${chapter.title}`;
}
