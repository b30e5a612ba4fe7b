import { describe, expect, it } from 'vitest';
import type * as md from 'mdast';
import { MarkdownSyntaxError, parseMarkdown } from '../../src/templates/markdown.js';
import { parseTemplateMarkdown, TemplateError } from '../../src/templates/parse.js';
import { ValueTable } from '../../src/templates/values.js';

/** The tree without positions, for comparing shapes. */
const shape = (node: md.Nodes): unknown => {
  const { position: _position, ...rest } = node as md.Nodes & { children?: md.Nodes[] };
  return 'children' in rest && Array.isArray(rest.children) ? { ...rest, children: rest.children.map(shape) } : rest;
};
const blocks = (markdown: string) => parseMarkdown(markdown).children.map(shape);
/** The phrasing content of a Markdown that is one paragraph. */
const phrasing = (markdown: string) => {
  const [paragraph, ...rest] = parseMarkdown(markdown).children;
  expect(rest).toEqual([]);
  expect(paragraph?.type).toBe('paragraph');
  return (paragraph as md.Paragraph).children.map(shape);
};
const text = (value: string) => ({ type: 'text', value });
const templateError = (markdown: string): TemplateError => {
  try {
    parseTemplateMarkdown(markdown, 'test.md', new ValueTable());
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('TemplateError が出ませんでした');
};

describe('テンプレートの Markdown（markdown-it → mdast）', () => {
  it('入れ子のコンテナは外側のコロンが多く、内側の ::: では外側が閉じない', () => {
    const [outer, after] = parseMarkdown(['::::note', ':::table{widths="1,3"}', '- - a', '  - b', ':::', '', '本文', '::::', '', '後'].join('\n')).children;
    expect(shape(outer!)).toEqual({
      type: 'containerDirective',
      name: 'note',
      attributes: {},
      children: [
        {
          type: 'containerDirective',
          name: 'table',
          attributes: { widths: '1,3' },
          children: [
            {
              type: 'list',
              ordered: false,
              start: null,
              spread: false,
              children: [
                {
                  type: 'listItem',
                  spread: false,
                  children: [
                    {
                      type: 'list',
                      ordered: false,
                      start: null,
                      spread: false,
                      children: [
                        { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text('a')] }] },
                        { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text('b')] }] },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
        { type: 'paragraph', children: [text('本文')] },
      ],
    });
    expect(shape(after!)).toEqual({ type: 'paragraph', children: [text('後')] });
    // A container inside a list item, and one that is never closed (it runs to the end).
    expect(blocks('- 項目\n\n  :::note\n  注記\n  :::\n')[0]).toMatchObject({
      type: 'list',
      children: [{ children: [{ type: 'paragraph' }, { type: 'containerDirective', name: 'note', children: [{ type: 'paragraph', children: [text('注記')] }] }] }],
    });
    expect(blocks(':::note\n開いたまま')).toEqual([{ type: 'containerDirective', name: 'note', attributes: {}, children: [{ type: 'paragraph', children: [text('開いたまま')] }] }]);
  });

  it('属性は micromark-extension-directive と同じに読む', () => {
    const attributes = (markdown: string) => (parseMarkdown(markdown).children[0] as { attributes?: unknown }).attributes;
    expect(attributes(':::table{widths="1,3" header=1 headcol=true kind=checklist}\n:::')).toEqual({ widths: '1,3', header: '1', headcol: 'true', kind: 'checklist' });
    expect(attributes(":::chart{title='体制図' #main .a .b}\n:::")).toEqual({ title: '体制図', id: 'main', class: 'a b' });
    expect(attributes('::pagebreak{a="x &amp; y" b c=1 c=2}')).toEqual({ a: 'x & y', b: '', c: '2' });
    expect(parseMarkdown('::pagebreak').children).toEqual([expect.objectContaining({ type: 'leafDirective', name: 'pagebreak', attributes: {} })]);
    // Braces that are no attributes, or text after them, leave the line a paragraph (as micromark does).
    expect(blocks(':::table{widths="1,3}\n:::')).toEqual([{ type: 'paragraph', children: [text(':::table{widths="1,3}\n:::')] }]);
    expect(blocks('::pagebreak 後')).toEqual([{ type: 'paragraph', children: [text('::pagebreak 後')] }]);
    expect(blocks('::: note')).toEqual([{ type: 'paragraph', children: [text('::: note')] }]);
  });

  it('[ラベル] は文中・葉では子、コンテナでは先頭の段落になる', () => {
    expect(blocks(':::note[**注**]{a=1}\n本文\n:::')).toEqual([
      {
        type: 'containerDirective',
        name: 'note',
        attributes: { a: '1' },
        children: [
          { type: 'paragraph', data: { directiveLabel: true }, children: [{ type: 'strong', children: [text('注')] }] },
          { type: 'paragraph', children: [text('本文')] },
        ],
      },
    ]);
    expect(blocks('::pagebreak[改[ページ]]')).toEqual([{ type: 'leafDirective', name: 'pagebreak', attributes: {}, children: [text('改[ページ]')] }]);
    expect(phrasing(':ref[*参照*]{to=x}')).toEqual([{ type: 'textDirective', name: 'ref', attributes: { to: 'x' }, children: [{ type: 'emphasis', children: [text('参照')] }] }]);
  });

  it(':ref は文中・GFM の表・:::table のセルで相互参照になり、コロンの後や \\: は文字のまま', () => {
    const ref = (to: string) => ({ type: 'textDirective', name: 'ref', attributes: { to }, children: [] });
    expect(phrasing('詳細は:ref{to=org-a}及び:ref{to=org-b}を参照。')).toEqual([text('詳細は'), ref('org-a'), text('及び'), ref('org-b'), text('を参照。')]);
    const [table] = parseMarkdown('| 項目 | 参照 |\n| --- | --- |\n| 委託 | :ref{to=org-vendor} |\n').children;
    expect(shape(table!)).toMatchObject({ type: 'table', children: [{}, { type: 'tableRow', children: [{ children: [text('委託')] }, { children: [ref('org-vendor')] }] }] });
    expect(blocks(':::table\n- - :ref{to=tech-x}\n:::')).toMatchObject([{ children: [{ children: [{ children: [{ children: [{ children: [{ children: [ref('tech-x')] }] }] }] }] }] }]);
    expect(phrasing('例\\:ID と a::ref{to=x}')).toEqual([text('例:ID と a::ref{to=x}')]);
    // As in micromark, a name may start with a digit: `10:30` holds a directive named 30 (parse.ts rejects it).
    expect(phrasing('10:30')).toEqual([text('10'), { type: 'textDirective', name: '30', attributes: {}, children: [] }]);
  });

  it('段落内の改行は text の "\\n"、行末の空白 2 つ以上は break、行頭・行末の空白（全角を除く）は落ちる', () => {
    expect(phrasing('一行目\n二行目')).toEqual([text('一行目\n二行目')]);
    expect(phrasing('一行目 \n   二行目\t\n三行目')).toEqual([text('一行目\n二行目\n三行目')]);
    expect(phrasing('一行目  \n二行目')).toEqual([text('一行目'), { type: 'break' }, text('二行目')]);
    // A tab among the trailing spaces makes it a soft line ending again (micromark; markdown-it alone keeps the tab).
    expect(phrasing('一行目 \t \n二行目')).toEqual([text('一行目\n二行目')]);
    expect(phrasing('　字下げ\n　次の行　')).toEqual([text('　字下げ\n　次の行　')]);
    expect(blocks('| 　年　月　日 |\n| - |')).toMatchObject([{ type: 'table', children: [{ children: [{ children: [text('　年　月　日')] }] }] }]);
  });

  it('見出しの {#id .annex} は最後の text に残り、値のトークン（私用領域の文字）はそのまま通る', () => {
    const token = '\ue000organization.name\ue001';
    expect(blocks(`## **${token}**の方針 {#org-policy .annex}`)).toEqual([
      { type: 'heading', depth: 2, children: [{ type: 'strong', children: [text(token)] }, text('の方針 {#org-policy .annex}')] },
    ]);
    expect(phrasing(`${token}：:ref{to=a}${token}`)).toEqual([text(`${token}：`), { type: 'textDirective', name: 'ref', attributes: { to: 'a' }, children: [] }, text(token)]);
  });

  it('コード・リンク・強調は mdast と同じ値になる', () => {
    expect(phrasing('`a\nb` と <https://例え.jp/パス> と [IPA](https://www.ipa.go.jp/ "t")')).toEqual([
      { type: 'inlineCode', value: 'a\nb' },
      text(' と '),
      { type: 'link', url: 'https://例え.jp/パス', children: [text('https://例え.jp/パス')] },
      text(' と '),
      { type: 'link', url: 'https://www.ipa.go.jp/', children: [text('IPA')] },
    ]);
    // micromark's rule of three looks at what is left of a run: 「*。*情**」 nests two emphases.
    expect(phrasing('「*。*情**')).toEqual([text('「'), { type: 'emphasis', children: [text('。'), { type: 'emphasis', children: [text('情')] }] }]);
    expect(phrasing('**強調**と*斜体*')).toEqual([{ type: 'strong', children: [text('強調')] }, text('と'), { type: 'emphasis', children: [text('斜体')] }]);
  });

  it('ブロックの行番号は markdown-it の行、文中の記法はその行を持つ', () => {
    const tree = parseMarkdown('# 見出し {#a}\n\n本文\n続き:ref{to=x}\n\n- 一\n- 二\n');
    const line = (node: md.Node | undefined) => node?.position?.start.line;
    const [heading, paragraph, list] = tree.children as [md.Heading, md.Paragraph, md.List];
    expect([line(heading), line(paragraph), line(list), line(list.children[1])]).toEqual([1, 3, 6, 7]);
    expect(line(paragraph.children[1])).toBe(4);
  });

  it('使えない記法・不明な記法・深すぎる入れ子はファイルと行を示すエラー', () => {
    expect(templateError('本文\n\n\n> 引用').message).toBe('test.md:4: テンプレートで使えない要素です: blockquote');
    expect(templateError('一行目\n二行目<b>太字</b>').message).toBe('test.md:2: テンプレートで使えない記法です: html');
    expect(templateError('一行目\n二行目\n:unknown{a=1}').message).toBe('test.md:3: 不明な記法 :unknown');
    expect(templateError('本文\n\n```\ncode\n```').message).toBe('test.md:3: テンプレートで使えない要素です: code');
    expect(templateError('[a]: https://example.jp/\n\n[リンク][a]').message).toBe('test.md:3: テンプレートで使えない記法です: linkReference');
    const deep = Array.from({ length: 60 }, (_, i) => `${' '.repeat(2 * i)}- 項目`).join('\n');
    expect(() => parseMarkdown(deep)).toThrow(MarkdownSyntaxError);
    expect(templateError(deep).message).toMatch(/^test\.md:\d+: 入れ子が深すぎます$/u);
  });
});
