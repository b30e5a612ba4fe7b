import { describe, expect, it } from 'vitest';
import { parseTemplateMarkdown, TemplateError } from '../../src/templates/parse.js';
import { ValueTable } from '../../src/templates/values.js';
import type { Section, Table } from '../../src/model/types.js';

const parse = (markdown: string, values = new ValueTable()) => parseTemplateMarkdown(markdown, 'test.md', values);

describe('テンプレートの Markdown → 文書モデル', () => {
  it('見出しは {#id} 付きの節になり、深さに応じて入れ子になる', () => {
    const [section] = parse('# 親 {#parent}\n\n本文\n\n## 子 {#child}\n\n子の本文\n\n## 付録 {#annex .annex}\n');
    expect(section).toMatchObject({ type: 'section', id: 'parent', level: 1, title: [{ type: 'text', value: '親' }] });
    const children = (section as Section).children;
    expect(children.map((c) => c.type)).toEqual(['paragraph', 'section', 'section']);
    expect(children[1]).toMatchObject({ id: 'child', level: 2, annex: false });
    expect(children[2]).toMatchObject({ id: 'annex', annex: true });
  });

  it('「＜…＞」だけの段落は小見出し（label）になり、ほかの文を含む段落はそのまま', () => {
    const blocks = parse('＜ウイルス感染時の初期対応＞\n\n本文。\n\n＜緊急連絡先＞※夜間休日を問いません\n\n- ＜禁止事項＞\n\n  私用メール\n');
    expect(blocks[0]).toEqual({ type: 'label', children: [{ type: 'text', value: '＜ウイルス感染時の初期対応＞' }] });
    expect(blocks.slice(1, 3).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    // In a list item too: writers keep it with what it introduces.
    expect(blocks[3]).toMatchObject({ type: 'list', children: [{ children: [{ type: 'label' }, { type: 'paragraph' }] }] });
  });

  it('太字だけの段落（**記入の方法**）も小見出し。太字と地の文が混ざる段落は段落のまま', () => {
    const blocks = parse('**記入の方法**\n\n本文。\n\n**重要**：持ち出さない。\n\n**太字**と**太字**\n');
    expect(blocks[0]).toEqual({ type: 'label', children: [{ type: 'strong', children: [{ type: 'text', value: '記入の方法' }] }] });
    expect(blocks.slice(1).map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });

  it('id のない見出し・階層の飛び・不明なディレクティブはファイルと行を示すエラー', () => {
    expect(() => parse('# 見出しだけ\n')).toThrow(/test\.md:1: 見出しには \{#id\} が必要/u);
    expect(() => parse('# A {#a}\n\n### C {#c}\n')).toThrow(/test\.md:3: 見出しの階層が飛んでいます/u);
    expect(() => parse('本文\n\n:::unknown\nx\n:::\n')).toThrow(TemplateError);
    expect(() => parse(':ref{}')).toThrow(/to=参照先id/u);
  });

  it(':::table はセルに複数の段落や箇条書きを持ち、^ で上のセルと結合する', () => {
    const [table] = parse(
      [
        ':::table{widths="1,3" header=1 headcol=true}',
        '- - 区分',
        '  - 内容',
        '- - A',
        '  - - 一つ目',
        '    - 二つ目',
        '- - ^',
        '  - 段落1',
        '',
        '    段落2',
        ':::',
      ].join('\n'),
    ) as Table[];
    expect(table).toMatchObject({ type: 'table', headerRows: 1, headerColumn: true, columns: [{ width: 1 }, { width: 3 }] });
    const rows = table!.children;
    expect(rows).toHaveLength(3);
    expect(rows[1]!.children[0]).toMatchObject({ rowSpan: 2 });
    expect(rows[1]!.children[1]!.children[0]).toMatchObject({ type: 'list', children: [{}, {}] });
    expect(rows[2]!.children).toHaveLength(1);
    expect(rows[2]!.children[0]!.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('行ごとのセル数がそろわない表はエラー', () => {
    expect(() => parse(':::table\n- - a\n  - b\n- - c\n:::\n')).toThrow(/セル数/u);
  });

  it(':::chart は入れ子のリストから箱の木を作る', () => {
    const [chart] = parse(':::chart{title="体制図"}\n- 責任者\n  （社長）\n  - 管理者\n    （部長）\n:::\n');
    expect(chart).toMatchObject({
      type: 'chart',
      title: '体制図',
      root: {
        lines: [[{ type: 'text', value: '責任者' }], [{ type: 'text', value: '（社長）' }]],
        children: [{ lines: [[{ value: '管理者' }], [{ value: '（部長）' }]], children: [] }],
      },
    });
  });

  it(':::fields は記入欄（見出しと欄内の文字）、:::signature は署名の行、.unnumbered は番号なしの見出し', () => {
    const [fields, signature, heading] = parse(':::fields\n- 会社名\n- 確認日\n  年　月　日\n- 承認\n  印\n:::\n\n:::signature\n2026年4月1日\n例示株式会社\n\n代表取締役　山田 太郎\n:::\n\n# 附則 {#closing .unnumbered}\n');
    expect(fields).toEqual({
      type: 'fields',
      children: [
        { type: 'field', label: [{ type: 'text', value: '会社名' }], hint: [], seal: false },
        { type: 'field', label: [{ type: 'text', value: '確認日' }], hint: [{ type: 'text', value: '年　月　日' }], seal: false },
        // A box whose hint is 「印」 is stamped: it needs the room of a seal.
        { type: 'field', label: [{ type: 'text', value: '承認' }], hint: [{ type: 'text', value: '印' }], seal: true },
      ],
    });
    expect(signature).toEqual({
      type: 'signature',
      lines: [[{ type: 'text', value: '2026年4月1日' }], [{ type: 'text', value: '例示株式会社' }], [{ type: 'text', value: '代表取締役　山田 太郎' }]],
    });
    expect(heading).toMatchObject({ type: 'section', id: 'closing', numbering: 'none', annex: false });
    expect(() => parse(':::fields\n会社名\n:::\n')).toThrow(TemplateError);
    expect(() => parse(':::signature\n- 日付\n:::\n')).toThrow(/:::signature には文/u);
    expect(() => parse('# 附則 {#x .unnumbered .annex}\n')).toThrow(/同時に使えません/u);
  });

  it('段落内の改行は文字列の "\\n" として残る', () => {
    expect(parse('一行目\n二行目\n')).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '一行目\n二行目' }] }]);
  });

  it(':ref は相互参照ノードになる', () => {
    expect(parse('詳細は:ref{to=tech-user-auth}を参照のこと。')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '詳細は' },
          { type: 'xref', target: 'tech-user-auth', text: '' },
          { type: 'text', value: 'を参照のこと。' },
        ],
      },
    ]);
  });

  it('回答の値のトークンは値に戻り、未記入はギャップになる', () => {
    const values = new ValueTable();
    const name = values.token({ kind: 'text', value: '| *危険* # <b>' });
    const gap = values.token({ kind: 'gap', key: 'a.b', question: '電話番号' });
    expect(parse(`- ${name}：${gap}\n`, values)).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        children: [
          {
            type: 'listItem',
            children: [
              {
                type: 'paragraph',
                children: [
                  { type: 'text', value: '| *危険* # <b>：' },
                  { type: 'gap', key: 'a.b', question: '電話番号' },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('回答の値はディレクティブの属性やリンク先には入れられない', () => {
    const values = new ValueTable();
    const token = values.token({ kind: 'text', value: 'x' });
    expect(() => parse(`:ref{to=${token}}`, values)).toThrow(/属性 to に回答の値は入れられません/u);
  });
});
