import type { Block, ChartBox, Document, Inline } from './types.js';

/** The text a reader sees for some inlines; a gap reads as its draft marker. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'strong':
        case 'link':
        case 'changed':
          return inlineText(node.children);
        case 'xref':
          return node.text;
        case 'gap':
          return gapText(node.question);
      }
    })
    .join('');
}

/** What a draft says of itself on its cover and on top of its first page. */
export const DRAFT_NOTE = '下書き（【要記入】の項目が残っています。採用された規程ではありません）';
/** The draft mark of running headers: short, beside the title. */
export const DRAFT_MARK = '【下書き】';

/** How an unfilled value shows in a draft. */
export const gapText = (question: string): string => `【要記入：${question}】`;

/** Calls `visit` with every run of inlines in the tree, in reading order. */
export function forEachInlines(doc: Document, visit: (nodes: readonly Inline[]) => void): void {
  forEachBlockInlines(doc.children, visit);
}

/** Calls `visit` with every run of inlines of some blocks, in reading order. */
export function forEachBlockInlines(nodes: readonly Block[], visit: (nodes: readonly Inline[]) => void): void {
  const box = (b: ChartBox) => {
    b.lines.forEach(visit);
    b.children.forEach(box);
  };
  const blocks = (nodes: readonly Block[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'chapter':
          visit(node.scope);
          blocks(node.children);
          break;
        case 'section':
          visit(node.title);
          blocks(node.children);
          break;
        case 'paragraph':
        case 'label':
          visit(node.children);
          break;
        case 'list':
          node.children.forEach((item) => blocks(item.children));
          break;
        case 'table':
          node.children.forEach((row) => row.children.forEach((cell) => blocks(cell.children)));
          break;
        case 'note':
          blocks(node.children);
          break;
        case 'chart':
          box(node.root);
          break;
        case 'part':
          visit([{ type: 'text', value: node.number ? `${node.number}\u3000${node.title}` : node.title }]);
          blocks(node.children);
          break;
        case 'clause':
          blocks(node.children);
          break;
        case 'fields':
          node.children.forEach((field) => {
            visit(field.label);
            visit(field.hint);
          });
          break;
        case 'signature':
          node.lines.forEach(visit);
          break;
        case 'closing':
          visit([{ type: 'text', value: node.text }]);
          break;
        case 'pageBreak':
          break;
      }
    }
  };
  blocks(nodes);
}

/** All text of a document, one run of inlines per line, for checks and tests. */
export function documentText(doc: Document): string {
  const out: string[] = [doc.meta.title];
  forEachInlines(doc, (nodes) => out.push(inlineText(nodes)));
  return out.join('\n');
}

/**
 * Inlines split at their "\n" into one list per line (a line break inside a paragraph is a new line
 * of the rules). Strong and link runs that span a break are split with it. Empty lines stay.
 */
export function inlineLines(nodes: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  const last = () => lines[lines.length - 1]!;
  for (const node of nodes) {
    if (node.type === 'text' && node.value.includes('\n')) {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) last().push({ type: 'text', value: part });
      });
    } else if (node.type === 'strong' || node.type === 'link') {
      inlineLines(node.children).forEach((children, i) => {
        if (i > 0) lines.push([]);
        if (children.length) last().push({ ...node, children });
      });
    } else last().push(node);
  }
  return lines;
}
