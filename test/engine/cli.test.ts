import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fixture } from '../support/build.js';

async function kitei(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-cli-'));

describe('kitei コマンド', () => {
  it('ヘルプは日本語', async () => {
    const { code, out } = await kitei('--help');
    expect(code).toBe(0);
    expect(out).toContain('使い方: kitei');
    expect(out).toContain('コマンド:');
    expect(out).not.toMatch(/Usage:|Options:/u);
    const build = await kitei('build', '--help');
    expect(build.out).toContain('--draft');
    expect(build.out).toContain('既定値');
  });

  it('未記入の項目があると build は拒否し（終了コード 1）、何も書かない', async () => {
    const dir = tempDir();
    const answers = join(dir, 'minimal.yaml');
    writeFileSync(answers, 'kitei: 2\norganization:\n  name: 例示株式会社\n  type: company\n  size: small\n');
    const { code, err } = await kitei('build', answers, '--out', join(dir, 'out'));
    expect(code).toBe(1);
    expect(err).toContain('未記入の項目が');
    // The question first, then the answers key where the value belongs and the file:line to write it at.
    expect(err).toContain(`  - 施行日（YYYY-MM-DD）\n    （document.effectiveDate、${answers}:1）`);
    // A rule the organization sets itself is never taken from the sample: it is asked, with the recommended value.
    expect(err).toContain(`  - ウイルス対策ソフトでフルスキャンする頻度（推奨: 週次）\n    （rules.software.virusScan、${answers}:1）`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--draft なら【要記入】付きで書き出し、check は一覧を出して終了コード 1', async () => {
    const dir = tempDir();
    const answers = join(dir, 'minimal.yaml');
    writeFileSync(answers, 'kitei: 2\norganization:\n  name: "例示/株式会社"\n  type: company\n  size: small\n');
    const built = await kitei('build', answers, '--out', join(dir, 'out'), '--draft');
    expect(built.code).toBe(0);
    const files = readdirSync(join(dir, 'out', '例示_株式会社')).sort();
    // The rulebook and the documents made from the same answers, each named as a draft; the pack is written only as Word and PDF.
    expect(files).toEqual(
      [
        '情報セキュリティ関連規程（下書き）.md',
        '情報セキュリティ基本方針（下書き）.md',
        '個人番号及び特定個人情報の適正な取扱いに関する基本方針（下書き）.md',
        '特定個人情報取扱規程（下書き）.md',
        '業務委託契約 機密保持条項（下書き）.md',
        '委託先情報セキュリティ対策状況確認リスト（下書き）.md',
        '退職時チェックリスト（下書き）.md',
        '機密情報共有事項チェックシート（下書き）.md',
        '情報資産管理台帳（下書き）.md',
      ].sort(),
    );
    const markdown = readFileSync(join(dir, 'out', '例示_株式会社', '情報セキュリティ関連規程（下書き）.md'), 'utf8');
    expect(markdown).toContain('【要記入：施行日（YYYY-MM-DD）】');
    const checked = await kitei('check', answers);
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(/未記入の項目が\d+件あります/u);
  });

  it('誤った回答は終了コード 1、スタックトレースなし', async () => {
    const dir = tempDir();
    const answers = join(dir, 'bad.yaml');
    writeFileSync(answers, 'kitei: 2\norganization:\n  name: A社\n  type: company\n  size: small\n  typo: 1\n');
    const { code, err } = await kitei('build', answers);
    expect(code).toBe(1);
    expect(err).toContain(`${answers}:6: organization.typo: このキーは使えません`);
    expect(err).not.toMatch(/\n\s+at /u);
  });

  it('存在しないファイル・不明な形式・不明なコマンドは終了コード 1', async () => {
    expect((await kitei('build', '/nonexistent/x.yaml')).err).toContain('ファイルが見つかりません');
    expect((await kitei('build', fixture('answers', 'ipa-sample.yaml'), '--format', 'odt')).code).toBe(1);
    expect((await kitei('frobnicate')).code).toBe(1);
  });
});
