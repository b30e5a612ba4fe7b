import type { Block, Chapter, Document, Inline, ListItem, Section, TableCell, TableRow, ChartBox } from '../model/types.js';
import { chapterHeading, headingNumber } from './numbering.js';
import { inlineText } from '../model/text.js';

/**
 * Fills every cross-reference with the target's current number and title, across all documents
 * of one build: 「6.5 パスワードの設定」 in the same chapter, 「4.技術的対策」の「1.2 利用者認証方法」
 * from another chapter, and 『…』の「…」 from another document. A reference to a section that the
 * answers left out, or to no section at all, is an error naming both ends.
 */

export class ReferenceError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`参照先のない相互参照があります:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

interface Target {
  readonly document: Document;
  readonly chapter?: Chapter;
  readonly section?: Section;
}

interface Where {
  readonly document: Document;
  readonly chapter?: Chapter;
  readonly section?: Section;
}

/** Ids that exist in some template, with their title as written there, to tell "left out" from "misspelt". */
export type KnownIds = ReadonlyMap<string, string>;

export function resolveReferences(documents: readonly Document[], knownIds: KnownIds): Document[] {
  const targets = new Map<string, Target>();
  for (const document of documents) {
    targets.set(document.id, { document });
    const visit = (blocks: readonly Block[], chapter?: Chapter) => {
      for (const node of blocks) {
        if (node.type === 'chapter') {
          targets.set(node.id, { document, chapter: node });
          visit(node.children, node);
        } else if (node.type === 'section') {
          targets.set(node.id, { document, chapter, section: node });
          visit(node.children, chapter);
        }
      }
    };
    visit(document.children);
  }

  const problems: string[] = [];
  const resolveOne = (target: string, where: Where, previous?: Target): Resolved => {
    const found = targets.get(target);
    if (found) return { text: referenceText(found, where, previous), target: found };
    const source = describe(where);
    const known = knownIds.get(target);
    problems.push(
      known !== undefined
        ? `${source} が参照している「${known}」（${target}）は、回答の設定により除外されています`
        : `${source} が参照している ${target} という節はありません`,
    );
    return { text: '' };
  };

  const resolved = documents.map((document) => mapDocument(document, resolveOne));
  if (problems.length) throw new ReferenceError(problems);
  return resolved;
}

const quote = (s: string) => `「${s}」`;

/** 「6.5 パスワードの設定」, 「1.組織」, 「8-1 …」, 「第5条（再委託）」, 「附則」. */
function sectionLabel(section: Section): string {
  const number = headingNumber(section);
  const title = inlineText(section.title);
  if (!number) return title;
  if (section.numbering === 'article') return `${number}（${title}）`;
  return section.level === 1 && !section.annex ? `${number}${title}` : `${number} ${title}`;
}

/** 「4.技術的対策」, 「第2章 組織体制」. */
function chapterLabel(chapter: Chapter): string {
  return chapter.numbering === 'decimal' ? `${chapter.number}.${chapter.title}` : chapterHeading(chapter).replace('\u3000', ' ');
}

/**
 * The reference as the reader sees it. Right after another reference into the same document
 * (「…」及び「…」), the document and a shared chapter are not repeated:
 * 『規程』の「1.組織的対策」の「8.1 …」及び「8.2 …」.
 */
function referenceText(target: Target, where: Where, previous?: Target): string {
  const parts: string[] = [];
  const otherDocument = target.document !== where.document;
  const sameDocumentAsPrevious = previous !== undefined && previous.document === target.document && previous.section !== undefined && target.section !== undefined;
  const sameChapterAsPrevious = sameDocumentAsPrevious && previous.chapter === target.chapter;
  if (otherDocument && !sameDocumentAsPrevious) parts.push(`『${target.document.meta.title}』`);
  // Articles are numbered through the whole document: 「第5条（再委託）」 needs no chapter.
  const article = target.section?.numbering === 'article' || (target.section !== undefined && target.chapter !== undefined && target.chapter.numbering !== 'decimal');
  if (target.chapter && !article && !sameChapterAsPrevious && (otherDocument || target.chapter !== where.chapter || !target.section)) {
    parts.push(quote(chapterLabel(target.chapter)));
  }
  if (target.section) parts.push(quote(sectionLabel(target.section)));
  return parts.join('の');
}

function describe(where: Where): string {
  const parts = [`『${where.document.meta.title}』`];
  if (where.chapter) parts.push(quote(chapterLabel(where.chapter)));
  if (where.section) parts.push(quote(sectionLabel(where.section)));
  return parts.join('の');
}

interface Resolved {
  readonly text: string;
  readonly target?: Target;
}

type Resolve = (target: string, where: Where, previous?: Target) => Resolved;

/** What may stand between two references for the second to leave out what it shares with the first. */
const JOINING = /^(?:及び|並びに|又は|若しくは|、|・|と)?$/u;

function mapDocument(document: Document, resolve: Resolve): Document {
  const mapInlines = (nodes: readonly Inline[], where: Where): Inline[] => {
    let previous: Target | undefined;
    let between = '';
    return nodes.map((node): Inline => {
      if (node.type === 'xref') {
        const resolved = resolve(node.target, where, JOINING.test(between) ? previous : undefined);
        previous = resolved.target;
        between = '';
        return { ...node, text: resolved.text };
      }
      between += node.type === 'text' ? node.value : '\u0000';
      if (node.type === 'strong' || node.type === 'link' || node.type === 'changed') return { ...node, children: mapInlines(node.children, where) };
      return node;
    });
  };
  const mapBox = (box: ChartBox, where: Where): ChartBox => ({
    ...box,
    lines: box.lines.map((line) => mapInlines(line, where)),
    children: box.children.map((child) => mapBox(child, where)),
  });
  const mapBlocks = (nodes: readonly Block[], where: Where): Block[] =>
    nodes.map((node): Block => {
      switch (node.type) {
        case 'chapter': {
          const inner = { document, chapter: node };
          return { ...node, scope: mapInlines(node.scope, inner), children: mapBlocks(node.children, inner) };
        }
        case 'section': {
          const inner = { ...where, section: node };
          return { ...node, title: mapInlines(node.title, where), children: mapBlocks(node.children, inner) };
        }
        case 'paragraph':
        case 'label':
          return { ...node, children: mapInlines(node.children, where) };
        case 'list':
          return {
            ...node,
            children: node.children.map((item): ListItem => ({ ...item, children: mapBlocks(item.children, where) })),
          };
        case 'table':
          return {
            ...node,
            children: node.children.map(
              (row): TableRow => ({
                ...row,
                children: row.children.map((cell): TableCell => ({ ...cell, children: mapBlocks(cell.children, where) })),
              }),
            ),
          };
        case 'note':
        case 'clause':
          return { ...node, children: mapBlocks(node.children, where) };
        case 'part':
          return { ...node, children: mapBlocks(node.children, where) };
        case 'fields':
          return { ...node, children: node.children.map((field) => ({ ...field, label: mapInlines(field.label, where), hint: mapInlines(field.hint, where) })) };
        case 'signature':
          return { ...node, lines: node.lines.map((line) => mapInlines(line, where)) };
        case 'chart':
          return { ...node, root: mapBox(node.root, where) };
        case 'pageBreak':
        case 'closing':
          return node;
      }
    });
  return { ...document, children: mapBlocks(document.children, { document }) };
}
