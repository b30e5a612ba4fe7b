import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import { inlineText } from '../../src/model/text.js';
import type { Block, Document, Inline } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { compareDocuments, comparisonDocument, type ComparisonHeader, type DocumentComparison } from '../../src/revise/compare.js';
import { changedRanges, markInlines, words } from '../../src/revise/diff.js';
import { changeSummary } from '../../src/revise/issue.js';
import { answersFrom, testTemplates } from '../support/build.js';
import { pdfText } from '../pdf/support.js';
import { ANTIVIRUS, editedTemplates, EXAMPLE, exampleWith, golden, NEW_ANTIVIRUS, PRIVATE_DEVICES_OFF } from './support.js';

/**
 * The 新旧対照表 of four kinds of change, as model (JSON), Markdown and the text of its PDF, kept as
 * golden files (`UPDATE=1 npx vitest run test/revise` rewrites them; review the diff); and the word
 * diff under it.
 */

const HEADER: ComparisonHeader = {
  after: { version: '1.1', effectiveDate: '2027-04-01' },
  before: { version: '1.0', effectiveDate: '2026-04-01' },
  reason: '見直し',
  proposal: false,
};

const documentsOf = (yaml: string, templates = testTemplates()): readonly Document[] => generate(answersFrom(yaml, 'answers/aoba-seiki.yaml'), templates).documents;

function compared(before: readonly Document[], after: readonly Document[]): DocumentComparison[] {
  return compareDocuments(before, after);
}

/** The words marked as changed in a column, in order. */
function marked(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const inlines = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'changed') out.push(inlineText(node.children));
      else if (node.type === 'strong' || node.type === 'link') inlines(node.children);
    }
  };
  const visit = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'paragraph') inlines(b.children);
      else if (b.type === 'list') b.children.forEach((item) => visit(item.children));
      else if (b.type === 'table') b.children.forEach((row) => row.children.forEach((cell) => visit(cell.children)));
      else if (b.type === 'note' || b.type === 'clause') visit(b.children);
    }
  };
  visit(blocks);
  return out;
}

/** The columns of the comparison table: 改正後 and 改正前, below the header row. */
function columns(table: Document): { after: Block[]; before: Block[] } {
  const grid = table.children.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table' && b.variant === 'comparison')!;
  const rows = grid.children.slice(1);
  return { after: rows.flatMap((r) => r.children[0]!.children), before: rows.flatMap((r) => r.children[1]!.children) };
}

async function goldenTable(name: string, comparison: DocumentComparison, header = HEADER): Promise<Document> {
  const table = comparisonDocument(comparison, header);
  golden(`${name}.model.json`, `${JSON.stringify(table, null, 1)}\n`);
  golden(`${name}.md`, renderMarkdown(table));
  golden(`${name}.pdf.txt`, pdfText(await renderPdf(table), '-layout'));
  return table;
}

describe('語の差分（Intl.Segmenter の語と diff パッケージ）', () => {
  it('日本語を語に分け、つなげれば元に戻る', () => {
    const text = 'パソコン用ウイルス対策はMicrosoft Defender for Endpointを利用する。';
    expect(words(text).join('')).toBe(text);
    expect(words(text)).toContain('ウイルス');
    expect(words(text)).toContain('Defender');
  });

  it('置き換わった語だけを両側で示し、空白1つを挟む変更は1つにまとめる', () => {
    const before = 'パソコン用ウイルス対策はMicrosoft Defender for Endpointを利用する。';
    const after = 'パソコン用ウイルス対策はESET PROTECT Essentialsを利用する。';
    const ranges = changedRanges(before, after);
    expect(ranges.before.map((r) => before.slice(r.start, r.end))).toEqual(['Microsoft Defender for Endpoint']);
    expect(ranges.after.map((r) => after.slice(r.start, r.end))).toEqual(['ESET PROTECT Essentials']);
  });

  it('同じ文字列なら何も示さない', () => {
    expect(changedRanges('同じ文', '同じ文')).toEqual({ before: [], after: [] });
  });

  it('太字や相互参照の中の変更も、その場所で示す（相互参照は丸ごと）', () => {
    const nodes: Inline[] = [
      { type: 'text', value: '詳細は' },
      { type: 'xref', target: 'x', text: '「2.3 旧名」' },
      { type: 'text', value: 'による。' },
      { type: 'strong', children: [{ type: 'text', value: '重要な語' }] },
    ];
    const text = inlineText(nodes);
    const out = markInlines(nodes, [{ start: text.indexOf('旧'), end: text.indexOf('旧') + 1 }, { start: text.indexOf('重要'), end: text.indexOf('重要') + 2 }]);
    expect(out[1]).toEqual({ type: 'changed', children: [nodes[1]] });
    expect(out[out.length - 1]).toEqual({ type: 'strong', children: [{ type: 'changed', children: [{ type: 'text', value: '重要' }] }, { type: 'text', value: 'な語' }] });
    expect(inlineText(out)).toBe(text);
  });
});

describe('ゴールデン: 新旧対照表', () => {
  const base = documentsOf(EXAMPLE);

  it('製品名を1つ変えた: その語だけに下線、ほかの節は（略）', async () => {
    const after = documentsOf(exampleWith([ANTIVIRUS, NEW_ANTIVIRUS]));
    const comparisons = compared(base, after);
    expect(comparisons.filter((c) => c.status !== 'unchanged').map((c) => c.id)).toEqual(['rulebook']);
    const rulebook = comparisons[0]!;
    expect(changeSummary(rulebook)).toBe(
      '技術的対策 2.4.1 標準ソフトウェア（変更）、技術的対策 2.4.3 ウイルス対策ソフトウェアの定義ファイルの更新方法（変更）、技術的対策 3.5.1 機器・ソフトウェアの情報セキュリティ要件及び標準（変更）',
    );
    const table = await goldenTable('product-name', rulebook);
    const { after: left, before: right } = columns(table);
    expect(new Set(marked(left))).toEqual(new Set([NEW_ANTIVIRUS]));
    expect(new Set(marked(right))).toEqual(new Set([ANTIVIRUS]));
    expect(inlineText((left[0] as Extract<Block, { type: 'paragraph' }>).children)).toBe('（略）');
  });

  it('任意の節を外した（私有機器の利用を禁止）: （削除）と、繰り上がった節の両方の番号', async () => {
    const after = documentsOf(exampleWith(PRIVATE_DEVICES_OFF));
    const rulebook = compared(base, after).find((c) => c.id === 'rulebook')!;
    const statuses = Object.fromEntries(rulebook.units.filter((u) => u.status !== 'unchanged').map((u) => [u.key, u.status]));
    expect(statuses['hr-telework-private-devices']).toBe('removed');
    expect(statuses['tech-private-devices-start']).toBe('removed');
    expect(statuses['hr-telework-apps']).toBe('renumbered');
    const table = await goldenTable('section-removed', rulebook);
    const { after: left, before: right } = columns(table);
    const text = (blocks: Block[]) => blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : '')).join('\n');
    expect(text(left)).toContain('（削除）');
    expect(text(right)).toContain('6.2.2 私有機器を利用する場合');
    // The section that moved up shows its new number on the left and its old one on the right, the numbers marked whole.
    expect(text(left)).toContain('6.2.2 社内標準アプリ\n（略）');
    expect(text(right)).toContain('6.2.3 社内標準アプリ\n（略）');
    expect(marked(left)).toContain('6.2.2');
    expect(marked(right)).toContain('6.2.3');
  });

  it('契約条項に条を加えた: 第2条（新設）と、繰り下がった条の番号と条の間の参照', async () => {
    const without = EXAMPLE.replace(
      '  contract:\n',
      '  contract:\n    clauses: [confidentiality, personalData, assignment, intellectualProperty, ipDisputes, damages, survival, consultation, jurisdiction]\n',
    );
    const comparisons = compared(documentsOf(without), base);
    const clauses = comparisons.find((c) => c.id === 'contract-clauses')!;
    expect(clauses.status).toBe('changed');
    const statuses = clauses.units.filter((u) => u.status !== 'unchanged').map((u) => `${u.key}:${u.status}`);
    expect(statuses[0]).toBe('cc-subcontracting:added');
    expect(statuses).toContain('cc-assignment:renumbered');
    const table = await goldenTable('article-added', clauses);
    const { after: left, before: right } = columns(table);
    expect(marked(left)[0]).toBe('第3条（再委託）');
    expect(inlineText((right.find((b) => b.type === 'paragraph' && inlineText(b.children) === '（新設）') as Extract<Block, { type: 'paragraph' }>).children)).toBe('（新設）');
  });

  it('kitei のテンプレートだけが変わった: 回答が同じでも、記録したモデルとの違いとして示す', async () => {
    const templates = editedTemplates('教育計画を年度単位で立案する。', '教育計画を年度ごとに立案し、情報セキュリティ委員会の承認を得る。', 'rulebook/2-human/04-education.md');
    const after = documentsOf(EXAMPLE, templates);
    const rulebook = compared(base, after).find((c) => c.id === 'rulebook')!;
    expect(rulebook.units.filter((u) => u.status !== 'unchanged').map((u) => u.key)).toEqual(['hr-education-plan']);
    const table = await goldenTable('template-only', rulebook);
    const { after: left, before: right } = columns(table);
    // 「立案」 stayed: the words around it are marked on each side.
    expect(marked(left)).toEqual(['ごとに', 'し、情報セキュリティ委員会の承認を得る']);
    expect(marked(right)).toEqual(['単位で', 'する']);
  });

  it('変わらなければ違いはない', () => {
    expect(compared(base, documentsOf(EXAMPLE)).every((c) => c.status === 'unchanged')).toBe(true);
  });
});
