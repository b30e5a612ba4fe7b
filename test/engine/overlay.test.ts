import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswersError, loadAnswersFile } from '../../src/answers/load.js';
import { buildAnswers } from '../../src/build.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import type { Part } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { loadTemplates, OverlayError, templateSources, type TemplateSet } from '../../src/templates/load.js';
import { answersFile, ROOT } from '../support/build.js';

/**
 * House templates (overlays): an office's or an organization's own wording and sections laid over
 * kitei's templates. What an overlay can do (replace, add, remove, a new chapter, a new document),
 * how overlays stack, that numbers and references follow, and that a faulty overlay is refused with
 * its file and line before anything is built.
 */

const EXAMPLE = join(ROOT, 'examples', 'office', 'office-templates');
const AOBA = answersFile(join(ROOT, 'answers', 'aoba-seiki.yaml'));

/** A fresh overlay directory holding the given files (paths inside it). */
function overlay(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kitei-overlay-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const build = (...overlays: string[]): GenerateResult => generate(AOBA, loadTemplates(undefined, overlays));
/** A document of a build as Markdown. */
const markdown = (result: GenerateResult, id = 'rulebook'): string => renderMarkdown(result.documents.find((d) => d.id === id)!);
const headings = (text: string): string[] => text.split('\n').filter((line) => /^#{2,4} /u.test(line));
/** The issues an overlay set is refused with, as `file:line: message`. */
function refused(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof OverlayError) return error.message.split('\n');
    throw error;
  }
  throw new Error('独自テンプレートが誤りなく読み込まれました');
}

const base = markdown(build());

describe('置き換え・追加（examples/office の独自テンプレート）', () => {
  const result = build(EXAMPLE);
  const rulebook = markdown(result);

  it('同じパスのファイルが同梱のものを置き換え、7.2 が事務所の文言になる', () => {
    expect(base).toContain('- 当社の業務に関わる情報の書き込みは行わない。');
    expect(rulebook).not.toContain('- 当社の業務に関わる情報の書き込みは行わない。');
    expect(rulebook).toContain('### 7.2 SNSの個人利用\n\n従業員が個人のアカウントでSNSを利用する場合は、以下を守る。当社の公式アカウントの運用は、「8.SNSの業務利用」による。');
    // The rest of the replaced file is the office's copy of kitei's text, so 7.1, 7.3 and 7.4 are unchanged.
    const section7 = (text: string) => text.slice(text.indexOf('## 7. インターネットの利用'), text.indexOf('### 7.2'));
    expect(section7(rulebook)).toBe(section7(base));
  });

  it('新しい節のファイルは名前の順の位置に入り、後の節の番号と、それを指す参照が繰り下がる', () => {
    const chapter1 = (text: string) => headings(text.slice(text.indexOf('# 1. 組織的対策'), text.indexOf('# 2. 人的対策'))).filter((h) => h.startsWith('## '));
    expect(chapter1(base).slice(6)).toEqual(['## 7. インターネットの利用', '## 8. 委託管理', '## 8-1 委託先情報セキュリティ対策状況確認リスト', '## 9. 情報セキュリティインシデント対応及び事業継続管理']);
    expect(chapter1(rulebook).slice(6)).toEqual([
      '## 7. インターネットの利用',
      '## 8. SNSの業務利用',
      '## 9. 委託管理',
      '## 9-1 委託先情報セキュリティ対策状況確認リスト',
      '## 10. 情報セキュリティインシデント対応及び事業継続管理',
    ]);
    // kitei's own text refers to sections after the new one by their new numbers, in this document and the others.
    expect(base).toContain('「1.組織的対策」の「9.情報セキュリティインシデント対応及び事業継続管理」参照のこと');
    expect(rulebook).toContain('「1.組織的対策」の「10.情報セキュリティインシデント対応及び事業継続管理」参照のこと');
    expect(markdown(result, 'my-number-rules')).toContain('『情報セキュリティ関連規程』の「1.組織的対策」の「10.情報セキュリティインシデント対応及び事業継続管理」に定めるところによるほか');
  });

  it('参照は独自の節から同梱の節へも、同梱の位置（置き換えた 7.2）から独自の節へも解決される', () => {
    expect(rulebook).toContain('### 8.1 公式アカウントの管理');
    expect(rulebook).toContain('パスワードは「6.5 パスワードの設定」に従って設定する');
    expect(rulebook).toContain('「10.情報セキュリティインシデント対応及び事業継続管理」に従って対応する');
    expect(rulebook).toContain('従業員が個人のアカウントで利用する場合は、「7.2 SNSの個人利用」による');
    // The built-in my-number rules refer into the replaced file (7.3 電子メールの利用) and still find it.
    expect(markdown(result, 'my-number-rules')).toContain('「7.3 電子メールの利用」に定めるところにより');
  });

  it('語彙は組織の種類の回答から入る（協会なら当協会・職員）', () => {
    const association = generate(answersFile(join(ROOT, 'answers', 'hikari-kyokai.yaml')), loadTemplates(undefined, [EXAMPLE]));
    expect(markdown(association)).toContain('職員が個人のアカウントでSNSを利用する場合は、以下を守る。当協会の公式アカウントの運用は、「8.SNSの業務利用」による。');
  });

  it('テンプレートの組の同一性: 同梱と独自テンプレートのどのファイルか、その SHA-256', () => {
    const plain = loadTemplates();
    const overlaid = loadTemplates(undefined, [EXAMPLE]);
    expect(plain.identity.overlays).toEqual([]);
    expect(overlaid.identity.overlays).toEqual([EXAMPLE]);
    expect(overlaid.identity.files.filter((f) => f.overlay !== null).map((f) => f.path)).toEqual([
      'rulebook/1-organizational/07-internet.md',
      'rulebook/1-organizational/07_1-sns.md',
    ]);
    const replaced = overlaid.identity.files.find((f) => f.overlay !== null && f.path.endsWith('07-internet.md'))!;
    expect(replaced.sha256).toMatch(/^[0-9a-f]{64}$/u);
    // The replaced file of kitei's is not part of the set any more.
    expect(overlaid.identity.files.filter((f) => f.path === 'rulebook/1-organizational/07-internet.md')).toHaveLength(1);
    expect(overlaid.identity.digest).not.toBe(plain.identity.digest);
    // The same files elsewhere are the same templates; one changed character is not.
    const copy = overlay({
      'rulebook/1-organizational/07-internet.md': readFileSync(join(EXAMPLE, 'rulebook/1-organizational/07-internet.md'), 'utf8'),
      'rulebook/1-organizational/07_1-sns.md': readFileSync(join(EXAMPLE, 'rulebook/1-organizational/07_1-sns.md'), 'utf8'),
    });
    expect(loadTemplates(undefined, [copy]).identity.digest).toBe(overlaid.identity.digest);
    writeFileSync(join(copy, 'rulebook/1-organizational/07_1-sns.md'), `${readFileSync(join(copy, 'rulebook/1-organizational/07_1-sns.md'), 'utf8')}\n追記。\n`);
    expect(loadTemplates(undefined, [copy]).identity.digest).not.toBe(overlaid.identity.digest);
  });
});

describe('削除・新しい章・新しい文書', () => {
  it('document.yaml の remove で節を外すと、後の節と、それを指す参照の番号が繰り上がる', () => {
    const dir = overlay({ 'rulebook/document.yaml': '# 搬入物の受け渡しはしない\nremove:\n  - 3-physical/04-deliveries.md\n' });
    const result = build(dir);
    const rulebook = markdown(result);
    expect(base).toContain('## 4. 搬入物の受け渡し');
    expect(rulebook).not.toContain('搬入物の受け渡し');
    expect(rulebook).toContain('## 4. クリアデスク・クリアスクリーン');
    expect(markdown(result, 'my-number-rules')).toContain('『情報セキュリティ関連規程』の「3.物理的対策」の「4.クリアデスク・クリアスクリーン」');
  });

  it('外した節を同梱の節が参照していれば、参照している行と外した remove の行を示して止まる', () => {
    const dir = overlay({ 'rulebook/document.yaml': 'remove:\n  - 3-physical/04-deliveries.md\n  - 3-physical/05-clear-desk-screen.md\n' });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `my-number-rules/5-safeguards/01-safeguards.md:33: 参照先 phys-clear-desk-screen がありません。rulebook/3-physical/05-clear-desk-screen.md にあった見出しですが、${join(dir, 'rulebook', 'document.yaml')}:3 の remove で外しています（参照を直すか、見出しの {#phys-clear-desk-screen} を残してください）`,
    ]);
  });

  it('document.yaml の chapters で章を加える（番号は続き、章の id は参照先になる）', () => {
    const chapters = readFileSync(join(ROOT, 'templates', 'rulebook', 'document.yaml'), 'utf8').slice(
      readFileSync(join(ROOT, 'templates', 'rulebook', 'document.yaml'), 'utf8').indexOf('chapters:'),
    );
    const dir = overlay({
      'rulebook/document.yaml': `${chapters}  - id: sns\n    title: SNS利用対策\n    dir: 5-sns\n`,
      'rulebook/5-sns/01-accounts.md': '# 公式アカウント {#sns-accounts}\n\n公式アカウントは:ref{to=org-sns}と:ref{to=tech}を踏まえて運用する。\n',
    });
    const rulebook = markdown(build(dir));
    expect(rulebook).toContain('# 5. SNS利用対策');
    expect(rulebook).toContain('## 1. 公式アカウント\n\n公式アカウントは「1.組織的対策」の「7.2 SNSの個人利用」と「4.技術的対策」を踏まえて運用する。');
  });

  it('新しい文書は自身の document.yaml で加わり、order の位置に並び、合本の pack の位置に入る', () => {
    const dir = overlay({
      'sns-rules/document.yaml': [
        '# SNS利用規程（事務所の独自の文書）',
        'title: SNS利用規程',
        'order: 15',
        'numbering: article',
        'pack: { role: main, order: 3 }',
      ].join('\n'),
      'sns-rules/01-rules.md': [
        '# 目的 {#sns-purpose}',
        '',
        'この規程は、{{terms.self}}の公式アカウントの運用について、:ref{to=org-sns}に定めるもののほか、必要な事項を定める。',
        '',
        '# 運用担当者 {#sns-operators}',
        '',
        '運用担当者は、{{roles.securityOfficer.name}}が指名する。',
        '',
        '運用担当者は、:ref{to=sns-purpose}の目的に従って投稿する。',
        '',
      ].join('\n'),
    });
    const result = build(dir);
    // order: 15 puts it between the rulebook (10) and the basic policy (20).
    const kitei = build().documents.map((d) => d.id);
    expect(kitei.slice(0, 2)).toEqual(['rulebook', 'basic-policy']);
    expect(result.documents.map((d) => d.id)).toEqual(['rulebook', 'sns-rules', ...kitei.slice(1)]);
    const rules = markdown(result, 'sns-rules');
    expect(rules).toContain('# SNS利用規程');
    expect(rules).toContain('第1条（目的）');
    expect(rules).toContain('『情報セキュリティ関連規程』の「1.組織的対策」の「7.2 SNSの個人利用」に定めるもののほか');
    expect(rules).toContain('「第1条（目的）」の目的に従って投稿する');
    expect((result.pack!.children as Part[]).map((part) => `${part.number}${part.id}`).slice(0, 4)).toEqual(['basic-policy', 'rulebook', 'sns-rules', 'my-number-rules']);
  });

  it('同梱の文書の題名などは、独自の document.yaml に書いたキーだけが変わる', () => {
    const dir = overlay({ 'basic-policy/document.yaml': 'title: 情報セキュリティ方針\n' });
    const policy = build(dir).documents.find((d) => d.id === 'basic-policy')!;
    expect(policy.meta.title).toBe('情報セキュリティ方針');
    expect(policy.meta.classification).toBe('公開'); // still `classification: public` from kitei's document.yaml
  });
});

describe('重ねた独自テンプレート（事務所 → 業種 → 顧客）: 近いものが勝つ', () => {
  const office = EXAMPLE;
  const industry = overlay({
    'rulebook/1-organizational/07_1-sns.md': readFileSync(join(EXAMPLE, 'rulebook/1-organizational/07_1-sns.md'), 'utf8').replace(
      '## 投稿 {#org-sns-posting}\n',
      '## 投稿 {#org-sns-posting}\n\n- 製品の写真は、{{terms.self}}が公開した写真だけを使う。\n',
    ),
  });
  const client = overlay({
    'rulebook/document.yaml': 'remove:\n  - 1-organizational/03-information-sharing.md\n',
    'rulebook/4-technical/06-development.md': readFileSync(join(ROOT, 'templates/rulebook/4-technical/06-development.md'), 'utf8').replaceAll(':ref{to=org-information-sharing}', '社内の情報共有の手順'),
  });

  it('後の独自テンプレートのファイルが前のものを置き換え、前のものが加えた節も外せる', () => {
    const rulebook = markdown(build(office, industry));
    expect(rulebook).toContain('- 製品の写真は、当社が公開した写真だけを使う。');
    expect(rulebook).toContain('### 7.2 SNSの個人利用\n\n従業員が個人のアカウントで'); // the office's 7.2 stays
    const all = markdown(build(office, industry, client));
    expect(all).not.toContain('情報セキュリティに関する情報共有');
    expect(all).toContain('## 7. SNSの業務利用'); // numbers move up by one after the removal
    expect(all).toContain('- 製品の写真は、当社が公開した写真だけを使う。');
  });

  it('同一性は重ねたすべての独自テンプレートのファイルを、遠いものから並べる', () => {
    const set = loadTemplates(undefined, [office, industry, client]);
    expect(set.identity.overlays).toEqual([office, industry, client]);
    expect(set.identity.files.filter((f) => f.overlay !== null).map((f) => `${f.overlay === office ? 'office' : f.overlay === industry ? 'industry' : 'client'}:${f.path}`)).toEqual([
      'office:rulebook/1-organizational/07-internet.md',
      'industry:rulebook/1-organizational/07_1-sns.md',
      'client:rulebook/document.yaml',
      'client:rulebook/4-technical/06-development.md',
    ]);
  });
});

describe('誤った独自テンプレートは、ファイルと行を示して何も作らない', () => {
  const section = 'rulebook/1-organizational/07_1-sns.md';

  it('lint: {{{ }}}・パーシャル・仮の値・知らないヘルパー・閉じないブロック', () => {
    const dir = overlay({ [section]: '# SNS {#org-sns-official}\n\n{{{organization.name}}}\n\n{{> footer}}\n\n担当は○○とする。\n\n{{upper terms.self}}\n\n{{#if options.telework}}\n' });
    const file = join(dir, section);
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${file}:7: 仮の値・編集時注意（○○）は書けません。組織ごとに違う値は回答から {{ }} で差し込みます`,
      `${file}:11: この行で開いた Handlebars のブロック（{{#if}}・{{#each}} など）が、ファイルの終わりまで閉じられていません（{{/if}} などを確かめてください）`,
    ]);
    const closed = overlay({ [section]: '# SNS {#org-sns-official}\n\n{{{organization.name}}}\n\n{{> footer}}\n\n{{upper terms.self}}\n' });
    expect(refused(() => loadTemplates(undefined, [closed]))).toEqual([
      `${join(closed, section)}:3: {{{ }}}（エスケープしない差し込み）は使えません。値はいつも {{ }} で差し込みます`,
      `${join(closed, section)}:5: パーシャル（{{> …}}）は使えません`,
      `${join(closed, section)}:7: ヘルパー「upper」はありません（使えるヘルパーは docs/templates.md の「Handlebars で使えるもの」）`,
    ]);
  });

  it('id の重複（同梱の見出しと）と、参照先のない参照', () => {
    const dir = overlay({ [section]: '# SNS {#org-sns-official}\n\n## 個人利用 {#org-sns}\n\n:ref{to=org-sns-typo}を見る。\n' });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${join(dir, section)}:3: id「org-sns」は rulebook/1-organizational/07-internet.md:20 でも使われています（id は全文書で一意にしてください）`,
      `${join(dir, section)}:5: 参照先 org-sns-typo という見出し・章・文書はありません`,
    ]);
  });

  it('id の重複（同梱の document.yaml の章と）: 行は事前に読み込んだ document.yaml でも示す', () => {
    const dir = overlay({ [section]: '# SNS {#org-sns-official}\n\n## 組織 {#org}\n\n本文。\n' });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${join(dir, section)}:3: id「org」は rulebook/document.yaml:11 でも使われています（id は全文書で一意にしてください）`,
    ]);
  });

  it('置き換えたファイルが、同梱の節が参照する見出しをなくした', () => {
    const dir = overlay({ 'rulebook/1-organizational/07-internet.md': '# インターネットの利用 {#org-internet}\n\n## メール {#org-mail}\n\n本文。\n' });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `my-number-rules/5-safeguards/01-safeguards.md:44: 参照先 org-email がありません。rulebook/1-organizational/07-internet.md にあった見出しですが、${join(dir, 'rulebook/1-organizational/07-internet.md')} で置き換えています（参照を直すか、見出しの {#org-email} を残してください）`,
    ]);
  });

  it('どの章にも入らない場所のファイル（ディレクトリ名の誤り）、ない文書のディレクトリ', () => {
    const dir = overlay({ 'rulebook/1-organisational/07_1-sns.md': '# SNS {#org-sns-official}\n', 'rulebok/1-organizational/x.md': '# X {#x}\n' });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${join(dir, 'rulebok/1-organizational/x.md')}: 文書「rulebok」はありません（新しい文書なら rulebok/document.yaml を置いてください）`,
      `${join(dir, 'rulebook/1-organisational/07_1-sns.md')}: この節のファイルはどの章にも入りません（節を置ける場所: rulebook/1-organizational/、rulebook/2-human/、rulebook/3-physical/、rulebook/4-technical/）`,
    ]);
  });

  it('document.yaml の誤り: 知らないキー・値の形・ない節の remove・新しい文書の題名の欠落', () => {
    const dir = overlay({
      'rulebook/document.yaml': 'numbering: roman\nchapter: []\nremove:\n  - 1-organizational/99-none.md\n',
      'new-doc/document.yaml': 'order: 5\n',
      'new-doc/01.md': '# 新 {#new-1}\n',
    });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${join(dir, 'rulebook/document.yaml')}:1: numbering: 次のいずれかを書いてください: decimal, article`,
      `${join(dir, 'rulebook/document.yaml')}:2: chapter: このキーは使えません（使えるキー: id, title, order, when, classification, front, numbering, orientation, pack, chapters, remove）`,
    ]);
    const second = overlay({ 'rulebook/document.yaml': 'remove:\n  - 1-organizational/99-none.md\n', 'new-doc/document.yaml': 'order: 5\n', 'new-doc/01.md': '# 新 {#new-1}\n' });
    expect(refused(() => loadTemplates(undefined, [second]))).toEqual([
      `${join(second, 'new-doc/document.yaml')}:1: 新しい文書の document.yaml には title（題名）が必要です`,
      `${join(second, 'rulebook/document.yaml')}:2: remove: 1-organizational/99-none.md という節のファイルはありません（外せるのは、下にあるテンプレートの節のファイルです）`,
    ]);
  });

  it('回答にない変数・使えない記法は、生成の時にファイルと行を示す（利用者の誤り）', () => {
    const unknown = overlay({ [section]: '# SNS {#org-sns-official}\n\n{{roles.systemAdmin.nmae}}に報告する。\n' });
    expect(refused(() => build(unknown))).toEqual([
      `${join(unknown, section)}:3: 変数「roles.systemAdmin.nmae」は回答にありません（使える変数は docs/templates.md の「Handlebars で使えるもの」）`,
    ]);
    const directive = overlay({ [section]: '# SNS {#org-sns-official}\n\n本文\n\n:::warning\n注意\n:::\n' });
    expect(refused(() => build(directive))[0]).toMatch(new RegExp(`^${join(directive, section).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}:5: `, 'u'));
  });

  it('誤った独自テンプレートでは何も書き出さない（半分の文書も）', async () => {
    const dir = overlay({ [section]: '# SNS {#org-sns-official}\n\n{{roles.systemAdmin.nmae}}に報告する。\n' });
    const out = mkdtempSync(join(tmpdir(), 'kitei-overlay-out-'));
    await expect(buildAnswers(AOBA, 'aoba-seiki.yaml', { out, formats: ['md'], draft: false, overlays: [dir] })).rejects.toThrow(OverlayError);
    expect(() => readFileSync(join(out, 'あおば精機株式会社', '情報セキュリティ関連規程.md'))).toThrow(/ENOENT/u);
  });
});

describe('独自テンプレートはディレクトリの外に出られず、ファイルもネットワークも読めない', () => {
  it('章の dir と remove に ../ は書けない', () => {
    const dir = overlay({ 'rulebook/document.yaml': 'chapters:\n  - { id: x, title: X, dir: ../../etc }\nremove:\n  - ../../etc/passwd.md\n' });
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${join(dir, 'rulebook/document.yaml')}:2: chapters.0.dir: ディレクトリの名前を 1 つ書いてください（/・\\・「..」は使えません）`,
      `${join(dir, 'rulebook/document.yaml')}:4: remove.0: 文書のディレクトリからの節のファイルのパスを書いてください（例: 2-human/06-telework.md。「..」は使えません）`,
    ]);
  });

  it('ディレクトリの外を指すシンボリックリンクは読まない', () => {
    const outside = overlay({ 'secret.md': '# 秘密 {#secret}\n\n外のファイル\n' });
    const dir = overlay({});
    mkdirSync(join(dir, 'rulebook', '1-organizational'), { recursive: true });
    symlinkSync(join(outside, 'secret.md'), join(dir, 'rulebook', '1-organizational', '07_1-sns.md'));
    symlinkSync(outside, join(dir, 'rulebook', '2-human'));
    expect(refused(() => loadTemplates(undefined, [dir]))).toEqual([
      `${join(dir, 'rulebook/2-human')}: 独自テンプレートのディレクトリの外を指すシンボリックリンクは使えません`,
      `${join(dir, 'rulebook/1-organizational/07_1-sns.md')}: 独自テンプレートのディレクトリの外を指すシンボリックリンクは使えません`,
    ]);
  });

  it('リンク先はウェブかメールアドレスだけ（file: は書けない）、log ヘルパーも使えない', () => {
    const link = overlay({ 'rulebook/1-organizational/07_1-sns.md': '# SNS {#org-sns-official}\n\n[手順](file:///etc/passwd)を見る。\n' });
    expect(refused(() => build(link))).toEqual([
      `${join(link, 'rulebook/1-organizational/07_1-sns.md')}:3: リンク先は https:// ・ http:// ・ mailto: で始まる URL にしてください（file:///etc/passwd）`,
    ]);
    const log = overlay({ 'rulebook/1-organizational/07_1-sns.md': '# SNS {#org-sns-official}\n\n{{log organization.name}}\n' });
    expect(refused(() => loadTemplates(undefined, [log]))).toEqual([`${join(log, 'rulebook/1-organizational/07_1-sns.md')}:3: ヘルパー「log」は使えません`]);
  });

  it('ない独自テンプレートのディレクトリ', () => {
    expect(refused(() => loadTemplates(undefined, [join(tmpdir(), 'kitei-no-such-overlay')]))).toEqual([`${join(tmpdir(), 'kitei-no-such-overlay')}: 独自テンプレートのディレクトリが見つかりません`]);
  });
});

describe('回答ファイルの templates: 書いたファイルの場所から探し、extends で重なる', () => {
  const root = mkdtempSync(join(tmpdir(), 'kitei-overlay-answers-'));
  const officeOverlay = join(root, 'office', 'office-templates');
  mkdirSync(join(root, 'office', 'clients'), { recursive: true });
  writeFileSync(join(root, 'office', '_office.yaml'), 'kitei: 2\ntemplates: office-templates\n');
  mkdirSync(officeOverlay, { recursive: true });
  mkdirSync(join(root, 'office', 'clients', 'sakura-templates'), { recursive: true });

  it('基の templates が先、顧客の templates が後（近いものが勝つ）。パスはそれぞれのファイルから', () => {
    writeFileSync(join(root, 'office', 'clients', 'sakura.yaml'), 'extends: ../_office.yaml\ntemplates: [sakura-templates]\norganization: { name: さくら株式会社, type: company, size: small }\n');
    expect(loadAnswersFile(join(root, 'office', 'clients', 'sakura.yaml'), { extendsRoot: join(root, 'office') }).templates).toEqual([officeOverlay, join(root, 'office', 'clients', 'sakura-templates')]);
    writeFileSync(join(root, 'office', 'clients', 'plain.yaml'), 'kitei: 2\norganization: { name: 無地株式会社, type: company, size: small }\n');
    expect(loadAnswersFile(join(root, 'office', 'clients', 'plain.yaml')).templates).toEqual([]);
  });

  it('ないディレクトリ・文字列でない値は、書いたファイルと行を示す', () => {
    writeFileSync(join(root, 'office', 'clients', 'missing.yaml'), 'extends: ../_office.yaml\norganization: { name: A社, type: company, size: small }\ntemplates:\n  - sakura-templates\n  - no-such-dir\n');
    const problems = (file: string) => {
      try {
        loadAnswersFile(file, { extendsRoot: join(root, 'office') });
      } catch (error) {
        if (error instanceof AnswersError) return error.message;
        throw error;
      }
      return '';
    };
    expect(problems(join(root, 'office', 'clients', 'missing.yaml'))).toBe(
      `${join(root, 'office', 'clients', 'missing.yaml')}:5: templates: 独自テンプレートのディレクトリ ${join(root, 'office', 'clients', 'no-such-dir')} が見つかりません`,
    );
    writeFileSync(join(root, 'office', 'clients', 'number.yaml'), 'kitei: 2\norganization: { name: A社, type: company, size: small }\ntemplates: 3\n');
    expect(problems(join(root, 'office', 'clients', 'number.yaml'))).toBe(`${join(root, 'office', 'clients', 'number.yaml')}:3: templates: 独自テンプレートのディレクトリを、文字列か文字列のリストで書いてください`);
  });

  it('テンプレートは templates の値（ディレクトリのパス）を文書に書けない', () => {
    const dir = overlay({ 'rulebook/1-organizational/07_1-sns.md': '# SNS {#org-sns-official}\n\n{{templates}}\n' });
    expect(refused(() => generate({ ...AOBA, templates: [dir] }, loadTemplates(undefined, [dir])))[0]).toContain('変数「templates」は回答にありません');
  });
});

describe('事前コンパイルしたテンプレートと独自テンプレート', () => {
  it('独自テンプレートのファイルは実行時にコンパイルされ、同梱のままのファイルだけが事前コンパイル表から引かれる', async () => {
    const { precompiledSpec } = await import('../../src/templates/precompiled.js');
    const { ensureBuilt } = await import('../support/dist.js');
    ensureBuilt();
    const set: TemplateSet = loadTemplates(undefined, [EXAMPLE]);
    const sources = templateSources(set);
    const own = sources.filter(({ file }) => file.startsWith(EXAMPLE));
    expect(own.map(({ file }) => file.slice(EXAMPLE.length + 1))).toEqual(['rulebook/1-organizational/07-internet.md', 'rulebook/1-organizational/07_1-sns.md']);
    expect(own.filter(({ source }) => precompiledSpec(source) !== undefined)).toEqual([]);
    expect(sources.filter(({ file, source }) => !file.startsWith(EXAMPLE) && precompiledSpec(source) === undefined).map(({ file }) => file)).toEqual([]);
  }, 120_000);
});
