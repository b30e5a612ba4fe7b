import { describe, expect, it } from 'vitest';
import { lintTemplateSource } from '../src/templates/lint.js';
import { loadTemplates, templateSources } from '../src/templates/load.js';

/**
 * The template lint (src/templates/lint.ts) over kitei's own templates: the rules that keep
 * templates data and keep user values data. The loader applies the same rules to every house
 * template (test/engine/overlay.test.ts); the rules over the whole set (unique ids, every reference
 * target exists) are the loader's, so loading kitei's templates without an error is their check.
 * (Strict mode itself — an unknown variable fails — is exercised by every build in the suite.)
 */

const templates = loadTemplates();
const files = templateSources(templates).filter(({ file }) => file.endsWith('.md'));

describe('テンプレートの規則（templates/ の lint）', () => {
  it('テンプレートがある', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.file, f.source]))('%s: lint の規則を守る（{{{ }}}・パーシャル・内部のプロパティ・仮の値・知らないヘルパーがない）', (file, source) => {
    expect(lintTemplateSource(file, source)).toEqual([]);
  });

  it('見出しの id はすべてのテンプレートを通して一意で、相互参照の参照先はどれかのテンプレートにある（読み込みが検査する）', () => {
    expect(templates.knownIds.size).toBeGreaterThan(200);
    expect(templates.knownIds.get('org-sns')).toBe('SNSの個人利用');
  });
});

describe('lint はそれぞれの規則で誤りを見つけ、行を示す', () => {
  const lint = (source: string) => lintTemplateSource('x.md', source).map((issue) => `${issue.line}: ${issue.message}`);

  it('{{{ }}}', () => {
    expect(lint('# 題 {#a}\n\n{{{organization.name}}}\n')).toEqual(['3: {{{ }}}（エスケープしない差し込み）は使えません。値はいつも {{ }} で差し込みます']);
  });

  it('パーシャルとデコレーター', () => {
    expect(lint('本文\n{{> header}}\n')).toEqual(['2: パーシャル（{{> …}}）は使えません']);
    expect(lint('{{#*inline "x"}}y{{/inline}}\n')).toEqual(['1: デコレーター（{{* …}}）は使えません']);
  });

  it('JavaScript の内部のプロパティと、log・lookup', () => {
    expect(lint('a\n{{organization.constructor}}\n')).toEqual(['2: 「constructor」は参照できません（JavaScript の内部のプロパティです）']);
    expect(lint('{{#if (eq terms.__proto__ 1)}}x{{/if}}\n')).toEqual(['1: 「__proto__」は参照できません（JavaScript の内部のプロパティです）']);
    expect(lint('{{log terms.self}}\n')).toEqual(['1: ヘルパー「log」は使えません']);
  });

  it('仮の値と編集時注意', () => {
    expect(lint('a\nb\n担当は○○部長とする。\n')).toEqual(['3: 仮の値・編集時注意（○○）は書けません。組織ごとに違う値は回答から {{ }} で差し込みます']);
  });

  it('知らないヘルパー（strict・knownHelpersOnly でのコンパイル）と Handlebars の書き方の誤り', () => {
    expect(lint('a\n\n{{upper terms.self}}\n')).toEqual(['3: ヘルパー「upper」はありません（使えるヘルパーは docs/templates.md の「Handlebars で使えるもの」）']);
    expect(lint('a\n{{#if options.telework}}\nb\n')).toEqual(['2: この行で開いた Handlebars のブロック（{{#if}}・{{#each}} など）が、ファイルの終わりまで閉じられていません（{{/if}} などを確かめてください）']);
    expect(lint('a\n{{terms.self}\n')[0]).toMatch(/^2: Handlebars の書き方に誤りがあります/u);
  });
});
