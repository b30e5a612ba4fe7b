import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Nodes } from 'mdast';
import { generate } from '../../src/generate.js';
import { documentText } from '../../src/model/text.js';
import type { Block, Chapter, Section } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { ReferenceError } from '../../src/transform/xref.js';
import { answersFrom } from '../support/build.js';
import { templateSet } from '../support/templates.js';

const COMPANY = `
kitei: 2
organization: { name: テスト株式会社, type: company, size: medium }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: audit, title: 内部監査室長, roles: [auditor] }
`;

/** The same company with a NAS backed up to a cloud service: the parts about cloud backup apply. */
const WITH_CLOUD_BACKUP = `${COMPANY}inventory:
  - { id: nas, kind: nas, name: NAS, backup: [{ data: 共有フォルダー, method: スナップショット, to: cloud, every: 毎日, keep: 直近30日分 }] }
  - { id: cloud, kind: cloud-backup, product: クラウドバックアップ }
`;

const sections = (blocks: readonly Block[]): Section[] => blocks.filter((b): b is Section => b.type === 'section');
const chapters = (blocks: readonly Block[]): Chapter[] => blocks.filter((b): b is Chapter => b.type === 'chapter');

/** Text of a Markdown tree with hard breaks as "\n" (mdast-util-to-string drops them). */
const toString = (node: Nodes): string =>
  node.type === 'break' ? '\n' : 'value' in node ? node.value : 'children' in node ? node.children.map((c) => toString(c as Nodes)).join('') : '';

describe('番号付け', () => {
  const templates = templateSet({
    組織的対策: {
      'a.md': '# 組織 {#s-org}\n\n## 体制 {#s-org-a}\n\n{{#if options.telework}}\n## 任意 {#s-org-optional}\n{{/if}}\n\n## 連絡 {#s-org-c}\n\n### 詳細 {#s-org-c-1}\n',
      'b.md': '# 委託 {#s-vendor}\n',
      'c.md': '# チェックリスト {#s-checklist .annex}\n',
      'd.md': '# 事故 {#s-incident}\n',
    },
    人的対策: { 'e.md': '# 雇用 {#s-employment}\n' },
  });

  it('章・節・小節・付録に現在の番号が付く', () => {
    const doc = generate(answersFrom(COMPANY), templates).documents[0]!;
    const [org, hr] = chapters(doc.children);
    expect([org!.number, hr!.number]).toEqual(['1', '2']);
    const top = sections(org!.children);
    expect(top.map((s) => s.number)).toEqual(['1', '2', '2-1', '3']);
    expect(sections(top[0]!.children).map((s) => s.number)).toEqual(['1.1', '1.2', '1.3']);
    expect(sections(sections(top[0]!.children)[2]!.children)[0]!.number).toBe('1.3.1');
    expect(sections(hr!.children)[0]!.number).toBe('1');
  });

  it('節を外すと後ろの番号が繰り上がる', () => {
    const doc = generate(answersFrom(`${COMPANY}telework: none\n`), templates).documents[0]!;
    const org = sections(chapters(doc.children)[0]!.children)[0]!;
    expect(sections(org.children).map((s) => `${s.number} ${s.id}`)).toEqual(['1.1 s-org-a', '1.2 s-org-c']);
    expect(sections(sections(org.children)[1]!.children)[0]!.number).toBe('1.2.1');
  });
});

describe('相互参照', () => {
  const templates = templateSet({
    組織的対策: {
      'a.md': '# アクセス制御 {#s-access}\n\n## 方針 {#s-policy}\n\n同じ章: :ref{to=s-password}、最上位: :ref{to=s-access}、他の章: :ref{to=s-user-auth}、章: :ref{to=c2}\n\n## パスワード {#s-password}\n',
    },
    技術的対策: {
      'b.md': '# 標準設定 {#s-standards}\n\n{{#if options.cloudBackup}}\n## 利用者認証方法 {#s-user-auth}\n{{/if}}\n',
    },
  });

  it('現在の番号とタイトルで「」付きの参照文になる', () => {
    const text = documentText(generate(answersFrom(WITH_CLOUD_BACKUP), templates).documents[0]!);
    expect(text).toContain('同じ章: 「1.2 パスワード」、最上位: 「1.アクセス制御」、他の章: 「2.技術的対策」の「1.1 利用者認証方法」、章: 「2.技術的対策」');
  });

  it('回答で除外された節への参照は、参照元と参照先の両方を示すエラー', () => {
    // No backup is kept with a cloud service: the section about it is left out.
    const run = () => generate(answersFrom(COMPANY), templates);
    expect(run).toThrow(ReferenceError);
    expect(run).toThrow(/『情報セキュリティ関連規程』の「1.組織的対策」の「1.1 方針」 が参照している「利用者認証方法」（s-user-auth）は、回答の設定により除外されています/u);
  });

  it('どこにもない節への参照もエラー', () => {
    const broken = templateSet({ 組織的対策: { 'a.md': '# A {#s-a}\n\n:ref{to=s-nowhere}\n' } });
    expect(() => generate(answersFrom(COMPANY), broken)).toThrow(/s-nowhere という節はありません/u);
  });
});

describe('利用者の値は文字どおりに出力され、構造を変えない', () => {
  const hostile = 'A | B *強調* _x_ # 見出し [リンク](http://x) <script>&amp; {{terms.self}} `code`\n- 箇条書き？\n1. 番号？';
  const templates = templateSet({
    組織的対策: {
      'a.md': [
        '# 節 {#s-a}',
        '',
        '本文：{{organization.business}}',
        '',
        '- 項目：{{organization.business}}',
        '',
        ':::table',
        '- - 見出し',
        '  - 値',
        '- - 事業',
        '  - {{organization.business}}',
        ':::',
        '',
        '| 列 | 値 |',
        '| --- | --- |',
        '| 事業 | {{organization.business}} |',
      ].join('\n'),
    },
  });
  const yaml = COMPANY.replace('size: medium }', `size: medium, business: ${JSON.stringify(hostile)} }`);
  const doc = generate(answersFrom(yaml), templates).documents[0]!;
  const section = sections(chapters(doc.children)[0]!.children)[0]!;

  it('モデルの構造はテンプレートどおり（段落・リスト1項目・表2つ）で、値は入力のまま', () => {
    expect(section.children.map((b) => b.type)).toEqual(['paragraph', 'list', 'table', 'table']);
    expect(section.children[0]).toEqual({ type: 'paragraph', children: [{ type: 'text', value: `本文：${hostile}` }] });
    const list = section.children[1]!;
    expect(list.type === 'list' && list.children.length).toBe(1);
    for (const table of section.children.slice(2)) {
      expect(table.type === 'table' && table.children.map((r) => r.children.length)).toEqual([2, 2]);
    }
    expect(documentText(doc).split(hostile).length - 1).toBe(4);
  });

  it('Markdown 出力を CommonMark + GFM で読み戻すと同じ文字列になる', () => {
    const markdown = renderMarkdown(doc);
    const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    const paragraphs = tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
    // Hard breaks read back as "\n".
    expect(paragraphs).toContain(`本文：${hostile}`);
    const listItems = tree.children.filter((n) => n.type === 'list');
    expect(listItems).toHaveLength(1);
    const tables = tree.children.filter((n) => n.type === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables.slice(-2)) {
      expect(table.type === 'table' && table.children.map((r) => r.children.length)).toEqual([2, 2]);
    }
  });
});

describe('テンプレートの検査', () => {
  it('出力に仮の値や編集時注意が残るテンプレートは内部エラー（ファイルと行）', () => {
    const templates = templateSet({ 組織的対策: { 'bad.md': '# 節 {#s-a}\n\n○○月に点検する。\n' } });
    expect(() => generate(answersFrom(COMPANY), templates)).toThrow(/bad\.md:3: 出力に仮の値/u);
    const note = templateSet({ 組織的対策: { 'note.md': '# 節 {#s-a}\n\n※編集時注意：削除してください\n' } });
    expect(() => generate(answersFrom(COMPANY), note)).toThrow(/note\.md:3/u);
  });

  it('回答にない変数を使うテンプレートはエラー（strict モード）', () => {
    const templates = templateSet({ 組織的対策: { 'typo.md': '# 節 {#s-a}\n\n{{terms.slef}}\n' } });
    expect(() => generate(answersFrom(COMPANY), templates)).toThrow(/typo\.md/u);
  });
});
