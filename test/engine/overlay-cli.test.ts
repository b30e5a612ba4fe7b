import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { acceptBuiltIn, diffOverlay, exportTemplates, formatDiff } from '../../src/templates/overlay.js';
import { docxParts } from '../docx/support.js';
import { pdfText, squash } from '../pdf/support.js';
import { ROOT } from '../support/build.js';

/**
 * House templates from the command line: `--templates` on build and check, and `kitei templates
 * export` / `diff`, including what diff says after kitei's own text changed under an overlay.
 */

const EXAMPLE = join(ROOT, 'examples', 'office', 'office-templates');
const AOBA = join(ROOT, 'answers', 'aoba-seiki.yaml');
const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `kitei-${name}-`));

async function kitei(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();

describe('kitei build --templates: 例の独自テンプレートで Markdown・Word・PDF を作る', () => {
  it('3 つの形式と合本のすべてに、事務所の 7.2 と「8. SNSの業務利用」が入る', async () => {
    const out = tempDir('overlay-build');
    const result = await kitei('build', AOBA, '--no-history', '--templates', EXAMPLE, '--format', 'md,docx,pdf', '--out', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const dir = join(out, 'あおば精機株式会社');
    const md = readFileSync(join(dir, '情報セキュリティ関連規程.md'), 'utf8');
    expect(md).toContain('## 8. SNSの業務利用');
    expect(md).toContain('### 7.2 SNSの個人利用\n\n従業員が個人のアカウントでSNSを利用する場合は、以下を守る。');
    const documentXml = docxParts(readFileSync(join(dir, '情報セキュリティ関連規程.docx'))).get('word/document.xml')!;
    expect(documentXml).toContain('SNSの業務利用');
    expect(documentXml).toContain('従業員が個人のアカウントでSNSを利用する場合は、以下を守る。');
    const pdf = squash(pdfText(readFileSync(join(dir, '情報セキュリティ関連規程.pdf'))));
    expect(pdf).toContain('8.SNSの業務利用');
    expect(pdf).toContain('「10.情報セキュリティインシデント対応及び事業継続管理」に従って対応する');
    const pack = squash(pdfText(readFileSync(join(dir, '情報セキュリティ関連規程（配布用）.pdf'))));
    expect(pack).toContain('8.SNSの業務利用');
  }, 120_000);

  it('誤った独自テンプレートは終了コード 1、ファイルと行を示し、何も書き出さない（check も同じ）', async () => {
    const bad = tempDir('overlay-bad');
    cpSync(EXAMPLE, bad, { recursive: true });
    const sns = join(bad, 'rulebook', '1-organizational', '07_1-sns.md');
    writeFileSync(sns, readFileSync(sns, 'utf8').replace('{{roles.securityOfficer.name}}', '{{roles.securityOficer.name}}'));
    const out = tempDir('overlay-bad-out');
    const build = await kitei('build', AOBA, '--no-history', '--templates', bad, '--out', out);
    expect(build.code).toBe(1);
    expect(build.err).toBe(
      `エラー: 独自テンプレートに誤りがあります（何も書き出していません）:\n  ${sns}:7: 変数「roles.securityOficer.name」は回答にありません（使える変数は docs/templates.md の「Handlebars で使えるもの」）\n`,
    );
    expect(readdirSync(out)).toEqual([]);
    const check = await kitei('check', AOBA, '--templates', bad);
    expect(check.code).toBe(1);
    expect(check.err).toBe(build.err);
    const missing = await kitei('check', AOBA, '--templates', join(bad, 'no-such'));
    expect(missing.err).toBe(`エラー: 独自テンプレートに誤りがあります（何も書き出していません）:\n  ${join(bad, 'no-such')}: 独自テンプレートのディレクトリが見つかりません\n`);
  });
});

describe('kitei templates export', () => {
  it('同梱のテンプレート（1 つの文書）を書き出し、SHA-256 を記録する。既にあるファイルは上書きしない', async () => {
    const dir = join(tempDir('overlay-export'), 'house');
    const first = await kitei('templates', 'export', dir, '--document', 'basic-policy');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`2 個のファイルを ${dir} に書き出しました`);
    expect(files(dir)).toEqual(['basic-policy/01-policy.md', 'basic-policy/document.yaml', 'kitei-export.json']);
    expect(readFileSync(join(dir, 'basic-policy', '01-policy.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'templates', 'basic-policy', '01-policy.md'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(dir, 'kitei-export.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(['basic-policy/01-policy.md', 'basic-policy/document.yaml']);

    // A second document goes next to the first; the manifest keeps both.
    expect((await kitei('templates', 'export', dir, '--document', 'exit-checklist')).code).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(join(dir, 'kitei-export.json'), 'utf8')) as { files: object }).files)).toHaveLength(4);

    // An overlay that was written on is never overwritten.
    writeFileSync(join(dir, 'basic-policy', '01-policy.md'), '# 方針 {#bp-policy}\n\n事務所の文言。\n');
    const again = await kitei('templates', 'export', dir, '--document', 'basic-policy');
    expect(again.code).toBe(1);
    expect(again.err).toContain('には同じ名前のファイルが既にあります（basic-policy/01-policy.md、basic-policy/document.yaml）');
    expect(readFileSync(join(dir, 'basic-policy', '01-policy.md'), 'utf8')).toBe('# 方針 {#bp-policy}\n\n事務所の文言。\n');

    const unknown = await kitei('templates', 'export', dir, '--document', 'no-such');
    expect(unknown.err).toMatch(/^エラー: 文書「no-such」はありません（書き出せる文書: asset-ledger, basic-policy, /u);
  });

  it('書き出したままの独自テンプレートは、同梱のテンプレートだけのときと同じ文書を作る', async () => {
    const dir = tempDir('overlay-export-all');
    expect((await kitei('templates', 'export', dir)).code).toBe(0);
    const plain = tempDir('overlay-plain');
    const overlaid = tempDir('overlay-exported');
    expect((await kitei('build', AOBA, '--no-history', '--out', plain)).code).toBe(0);
    expect((await kitei('build', AOBA, '--no-history', '--out', overlaid, '--templates', dir)).code).toBe(0);
    const names = files(plain);
    expect(files(overlaid)).toEqual(names);
    expect(names.filter((name) => !readFileSync(join(plain, name)).equals(readFileSync(join(overlaid, name))))).toEqual([]);
  });
});

describe('kitei templates diff', () => {
  it('例の独自テンプレート: 置き換えている節（違う見出し）と追加している節', async () => {
    const result = await kitei('templates', 'diff', EXAMPLE);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `独自テンプレート ${EXAMPLE} と kitei 0.1.0 に同梱のテンプレートとの違い`,
      '',
      '置き換えているファイル（1）',
      '  rulebook/1-organizational/07-internet.md 「インターネットの利用」{#org-internet}',
      '    同梱と違う箇所: 「SNSの個人利用」{#org-sns}',
    ]);
    // Whether kitei's 07-internet.md changed since the example was exported depends on later kitei work.
    expect(lines[5]).toMatch(/^ {4}(独自の文言です。同梱の本文は書き出した後に変わっていません|要確認: 同梱の本文が書き出した後に変わりました)$/u);
    expect(lines.slice(6)).toEqual([
      '追加している節（1）',
      '  rulebook/1-organizational/07_1-sns.md 「SNSの業務利用」{#org-sns-official}',
      '外している節: なし',
      '追加している文書: なし',
      '',
      expect.stringMatching(/^要確認: /u),
      '',
    ]);
  });

  it('kitei の更新で同梱の本文が変わると「要確認」になり、--accept で確認済みになる', () => {
    // kitei's templates as a directory of their own, so that a test can play a kitei upgrade.
    const kitei = tempDir('overlay-kitei');
    cpSync(join(ROOT, 'templates'), kitei, { recursive: true });
    const house = tempDir('overlay-house');
    exportTemplates(house, 'rulebook', kitei);
    // The consultant keeps what they change: 7.2 in their words, 2.4 as exported, and a hand-written 3.5.
    for (const path of files(house)) {
      if (!['rulebook/1-organizational/07-internet.md', 'rulebook/2-human/04-education.md', 'kitei-export.json'].includes(path)) rmSync(join(house, path));
    }
    const internet = join(house, 'rulebook/1-organizational/07-internet.md');
    writeFileSync(internet, readFileSync(internet, 'utf8').replace('- {{terms.self}}の業務に関わる情報の書き込みは行わない。', '- 業務の情報は書き込まない。'));
    writeFileSync(join(house, 'rulebook/3-physical/05-clear-desk-screen.md'), '# クリアデスク・クリアスクリーン {#phys-clear-desk-screen}\n\n## クリアデスク {#phys-clear-desk}\n\n机の上に書類を置かない。\n');
    // A file written by hand at the place of one of kitei's, never exported: whether kitei changed cannot be told.
    mkdirSync(join(house, 'contract-clauses'));
    writeFileSync(join(house, 'contract-clauses/06-damages.md'), '# 損害賠償 {#cc-damages}\n\n乙は、本契約に違反して甲に損害を与えたときは、その損害を賠償する。\n');
    const statuses = () => Object.fromEntries(diffOverlay(house, kitei).replaced.map((item) => [item.path, item.status]));
    expect(statuses()).toEqual({
      'contract-clauses/06-damages.md': 'unknown',
      'rulebook/1-organizational/07-internet.md': 'unchanged',
      'rulebook/2-human/04-education.md': 'same',
      'rulebook/3-physical/05-clear-desk-screen.md': 'unchanged',
    });

    // kitei upgrades: its 7.1 gains a sentence, and 2.4 changes too.
    const theirs = join(kitei, 'rulebook/1-organizational/07-internet.md');
    writeFileSync(theirs, readFileSync(theirs, 'utf8').replace('利用する際には以下に注意する。', '利用する際には以下に注意する。利用の記録を残す。'));
    const education = join(kitei, 'rulebook/2-human/04-education.md');
    writeFileSync(education, `${readFileSync(education, 'utf8')}\n追加の一文。\n`);
    const diff = diffOverlay(house, kitei);
    expect(statuses()).toEqual({
      'contract-clauses/06-damages.md': 'unknown',
      'rulebook/1-organizational/07-internet.md': 'changed',
      'rulebook/2-human/04-education.md': 'changed',
      'rulebook/3-physical/05-clear-desk-screen.md': 'unchanged',
    });
    const text = formatDiff(diff);
    expect(text).toContain(
      [
        '  rulebook/1-organizational/07-internet.md 「インターネットの利用」{#org-internet}',
        '    同梱と違う箇所: 「オンラインサービス」{#org-online-services}、「SNSの個人利用」{#org-sns}',
        '    要確認: 同梱の本文が書き出した後に変わりました',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        '  rulebook/3-physical/05-clear-desk-screen.md 「クリアデスク・クリアスクリーン」{#phys-clear-desk-screen}',
        '    同梱と違う箇所: 「クリアデスク」{#phys-clear-desk}、「クリアスクリーン」{#phys-clear-screen}（独自のファイルにはありません）',
        '    独自の文言です。同梱の本文は書き出した後に変わっていません',
      ].join('\n'),
    );
    expect(text).toContain('  contract-clauses/06-damages.md 「損害賠償」{#cc-damages}\n    同梱と違う箇所: （最初の見出しの前）、「損害賠償」{#cc-damages}\n    書き出しの記録がありません（同梱の本文が変わったかは分かりません）');
    expect(text).toContain(`要確認: 2 件。同梱の新しい本文（kitei templates export <別のディレクトリ> で書き出せます）と見比べて独自のファイルを直したら、kitei templates diff ${house} --accept で確認済みにしてください`);
    // The hand-written 3.5 dropped 3.5.2, which the my-number rules do not refer to: it still builds.
    expect(diff.problems).toBeUndefined();

    expect(acceptBuiltIn(house, kitei)).toBe(3);
    expect(statuses()).toEqual({
      'contract-clauses/06-damages.md': 'unchanged',
      'rulebook/1-organizational/07-internet.md': 'unchanged',
      'rulebook/2-human/04-education.md': 'unchanged',
      'rulebook/3-physical/05-clear-desk-screen.md': 'unchanged',
    });
    // The manifest now lists only the files the overlay holds.
    expect(Object.keys((JSON.parse(readFileSync(join(house, 'kitei-export.json'), 'utf8')) as { files: object }).files)).toEqual([
      'contract-clauses/06-damages.md',
      'rulebook/1-organizational/07-internet.md',
      'rulebook/2-human/04-education.md',
      'rulebook/3-physical/05-clear-desk-screen.md',
    ]);
  });

  it('外している節・追加している文書・同梱からなくなったファイル・文書を作れない誤り', () => {
    const kitei = tempDir('overlay-kitei2');
    cpSync(join(ROOT, 'templates'), kitei, { recursive: true });
    const house = tempDir('overlay-house2');
    exportTemplates(house, 'rulebook', kitei);
    for (const path of files(house)) if (path !== 'rulebook/3-physical/04-deliveries.md' && path !== 'kitei-export.json') rmSync(join(house, path));
    writeFileSync(join(house, 'rulebook', 'document.yaml'), 'remove:\n  - 2-human/06-telework.md\n');
    cpSync(join(ROOT, 'examples', 'office', 'office-templates', 'rulebook'), join(house, 'sns', 'x'), { recursive: true });
    writeFileSync(join(house, 'sns', 'document.yaml'), 'title: SNS利用規程\n');
    rmSync(join(house, 'sns', 'x'), { recursive: true });
    writeFileSync(join(house, 'sns', '01.md'), '# 目的 {#sns-purpose}\n\n本文。\n');
    // kitei renames a file the overlay had exported.
    cpSync(join(kitei, 'rulebook/3-physical/04-deliveries.md'), join(kitei, 'rulebook/3-physical/04-delivery.md'));
    rmSync(join(kitei, 'rulebook/3-physical/04-deliveries.md'));
    const diff = diffOverlay(house, kitei);
    const text = formatDiff(diff);
    expect(text).toContain(`外している節（1）\n  rulebook/2-human/06-telework.md 「テレワークにおける対策」{#hr-telework}（${join(house, 'rulebook', 'document.yaml')}:2）`);
    expect(text).toContain('追加している文書（1）\n  sns 「SNS利用規程」');
    expect(text).toContain('同梱のテンプレートからなくなったファイル（1）: 書き出した時にはあった同梱のファイルです。独自のファイルは、置き換えではなく新しい節として入っています\n  rulebook/3-physical/04-deliveries.md');
    // The old file and kitei's renamed one now both define phys-deliveries.
    expect(text).toContain('この独自テンプレートでは文書を作れません:');
    expect(diff.problems!.issues[0]!.message).toMatch(/^id「phys-deliveries」は /u);
  });

  it('CLI: 記録より新しい同梱の本文は「要確認」、--accept の後は確認済み', async () => {
    const house = tempDir('overlay-house3');
    cpSync(EXAMPLE, house, { recursive: true });
    // As if the office had exported from an older kitei, whose 07-internet.md was different.
    writeFileSync(join(house, 'kitei-export.json'), JSON.stringify({ generator: 'kitei 0.0.9', files: { 'rulebook/1-organizational/07-internet.md': '0'.repeat(64) } }));
    const before = await kitei('templates', 'diff', house);
    expect(before.out).toContain('    要確認: 同梱の本文が書き出した後に変わりました');
    expect(before.out).toContain('要確認: 1 件。');
    const accept = await kitei('templates', 'diff', house, '--accept');
    expect(accept.code).toBe(0);
    expect(accept.out).toBe(`${house}/kitei-export.json に、置き換えているファイルのいまの同梱の本文を確認済みとして記録しました（1 件更新）。\n`);
    const after = await kitei('templates', 'diff', house);
    expect(after.out).toContain('    独自の文言です。同梱の本文は書き出した後に変わっていません');
    expect(after.out).toContain('\n要確認: なし\n');
    expect(existsSync(join(house, 'kitei-export.json'))).toBe(true);
  });
});
