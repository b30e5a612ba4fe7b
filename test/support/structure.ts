import { inlineText } from '../../src/model/text.js';
import type { Block, Document, Inline, Section } from '../../src/model/types.js';

/**
 * What a generated document must never show, whatever the answers left out: a heading with nothing
 * under it, a table without rows, an empty list, a sentence that introduces what follows
 * (「以下…」「＜保管＞」) with nothing following, a hole in the numbering, a cross-reference whose
 * text does not carry its target's current number, or a sample stand-in. Returns one line per
 * problem, naming where it is, so a test can expect `[]` and show what went wrong.
 */
export function structureProblems(documents: readonly Document[]): string[] {
  const problems: string[] = [];
  const sections = new Map<string, Section>();
  const collect = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'section') sections.set(block.id, block);
      if (block.type === 'chapter' || block.type === 'section' || block.type === 'part') collect(block.children);
    }
  };
  documents.forEach((doc) => collect(doc.children));

  for (const doc of documents) {
    const visitInlines = (where: string, nodes: readonly Inline[]) => {
      const text = inlineText(nodes);
      if (/○○|●●|20yy|\*\*\*\*|undefined|\[object|編集時注意/u.test(text)) problems.push(`${where}: 仮の値が残っている「${text}」`);
      for (const node of nodes) {
        if (node.type !== 'xref') continue;
        const target = sections.get(node.target);
        if (!node.text) problems.push(`${where}: 参照 ${node.target} の文字列が空`);
        else if (target?.number && !node.text.includes(target.number)) problems.push(`${where}: 参照「${node.text}」に ${node.target} の番号 ${target.number} がない`);
      }
    };

    /**
     * Blocks of one container (a chapter, a section, a list item, a cell): siblings are judged
     * together. `parentNumber` is the number the container's sections extend (null: not numbered
     * here); `intros` says whether a sentence introducing what follows must be followed here (a
     * list item may point at a table elsewhere).
     */
    const visitBlocks = (where: string, blocks: readonly Block[], parentNumber: string | null, intros = true) => {
      let count = 0;
      blocks.forEach((block, index) => {
        const next = blocks.slice(index + 1).find((b) => b.type !== 'pageBreak');
        switch (block.type) {
          case 'chapter':
            visitInlines(`${where}${block.title}（適用範囲）`, block.scope);
            if (!block.children.length) problems.push(`${where}${block.title}: 章が空`);
            visitBlocks(`${block.title} `, block.children, '');
            break;
          case 'part':
            visitBlocks(`${block.title} `, block.children, '');
            break;
          case 'section': {
            const label = `${where}${block.number} ${inlineText(block.title)}`;
            visitInlines(label, block.title);
            if (!block.children.length) problems.push(`${label}: 見出しの下に何もない`);
            if (parentNumber !== null && block.numbering === 'decimal' && !block.annex) {
              count++;
              const expected = parentNumber ? `${parentNumber}.${count}` : String(count);
              if (block.number !== expected) problems.push(`${label}: 番号が ${expected} でない（番号の飛び・重複）`);
            }
            visitBlocks(`${label} > `, block.children, block.numbering === 'decimal' ? block.number : null);
            break;
          }
          case 'paragraph':
          case 'label': {
            visitInlines(where, block.children);
            if (!intros) break;
            const label = labelOf(block.children);
            const last = inlineText(block.children).split('\n').pop()!.trim();
            // 「（以下「番号法」という。）」 names a term; 「以下を実施する。」「以下の通り」 announce what follows.
            const announces = label !== null || /以下(?:を|の|に|とする|のとおり|の通り)[^「」]*(?:。|：|:)$/u.test(last.replace(/（以下「[^」]*」[^）]*）/gu, ''));
            const nextLabel = next?.type === 'paragraph' || next?.type === 'label' ? labelOf(next.children) : null;
            // A label (＜保管＞) needs content before the next label of its kind; a sentence needs anything after it.
            const followed = next !== undefined && (label === null ? true : next.type !== 'section' && !(nextLabel !== null && nextLabel[0] === label[0]));
            if (announces && !followed) problems.push(`${where}: 「${last}」の後に続くものがない`);
            break;
          }
          case 'list':
            if (!block.children.length) problems.push(`${where}: 空の箇条書き`);
            block.children.forEach((item, i) => {
              if (!item.children.length) problems.push(`${where}: 箇条 ${i + 1} が空`);
              visitBlocks(where, item.children, null, false);
            });
            break;
          case 'table':
            if (block.children.length <= block.headerRows) problems.push(`${where}: 行のない表`);
            block.children.forEach((row) => row.children.forEach((cell) => visitBlocks(where, cell.children, null)));
            break;
          case 'note':
          case 'clause':
            visitBlocks(where, block.children, null);
            break;
          default:
            break;
        }
      });
    };
    visitBlocks(doc.id === 'rulebook' ? '' : `${doc.meta.title} `, doc.children, doc.children.some((b) => b.type === 'chapter') ? null : '');
  }
  return problems;
}

/** A paragraph that only names what follows (＜保管＞, 【ネットワークに関する情報】), not a gap's 【要記入：…】. */
function labelOf(nodes: readonly Inline[]): string | null {
  const [only] = nodes;
  if (nodes.length !== 1 || only?.type !== 'text') return null;
  const text = only.value.trim();
  return /^[＜【][^＞】]+[＞】]$/u.test(text) ? text : null;
}
