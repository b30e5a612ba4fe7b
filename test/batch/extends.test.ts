import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswersError, loadAnswersFile } from '../../src/answers/load.js';
import { ROOT } from '../support/build.js';

const here = (name: string) => join(ROOT, 'test', 'batch', 'extends', name);

/** The formatted problems of a file that must not load. */
function problems(file: string): string[] {
  try {
    loadAnswersFile(file);
  } catch (error) {
    if (error instanceof AnswersError) return error.message.split('\n');
    throw error;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('extends: 事務所の既定値を顧客の回答に引き継ぐ', () => {
  it('連鎖（顧客 → _house → _common）: 基の値が入り、近いファイルの値が勝つ', () => {
    const answers = loadAnswersFile(here('extends-chain.yaml'));
    expect(answers.organization.name).toBe('連鎖工業株式会社');
    expect(answers.terms.documentName).toBe('情報セキュリティ規程'); // _common
    expect(answers.document.effectiveDate).toBe('2026-04-01'); // _house
    expect(answers.roles.auditor.title).toBe('内部監査室長'); // _house's people replace _common's as a whole
    expect([answers.roles.systemAdmin.title, answers.roles.systemAdmin.phone]).toEqual(['総務部長', '03-0000-0000']); // _house
    expect(answers.organizational.audit.month).toBe('毎年3月'); // the client wins
    expect(answers.organizational.audit.kind).toBe('inspection'); // kept from _house beside the client's month
  });

  it('リストは丸ごと置き換わる（キーごとには混ざらない）', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-extends-'));
    writeFileSync(join(dir, '_levels.yaml'), readFixture('_levels.yaml'));
    writeFileSync(
      join(dir, 'client.yaml'),
      'extends: _levels.yaml\nkitei: 2\norganization: { name: 区分株式会社, type: company, size: small }\nconfidentiality:\n  levels:\n    - { label: 秘密, value: 1, criteria: [影響がある], takeOutApprover: 部門長 }\n    - { label: 公開, value: 0, criteria: [影響はない], takeOutApprover: null }\n',
    );
    expect(loadAnswersFile(join(dir, 'client.yaml')).confidentiality.levels.map((l) => l.label)).toEqual(['秘密', '公開']);
  });

  it('循環はエラー: 循環を閉じる extends の行と、ファイルの並びを示す', () => {
    expect(problems(here('extends-cycle-a.yaml'))).toEqual([
      `${here('extends-cycle-b.yaml')}:2: extends: 基にする回答ファイルが循環しています: ${here('extends-cycle-a.yaml')} → ${here('extends-cycle-b.yaml')} → ${here('extends-cycle-a.yaml')}`,
    ]);
  });

  it('自分自身を基にするのも循環', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-extends-'));
    writeFileSync(join(dir, 'self.yaml'), 'extends: ./self.yaml\n');
    expect(problems(join(dir, 'self.yaml'))[0]).toMatch(/self\.yaml:1: extends: 基にする回答ファイルが循環しています/u);
  });

  it('基のファイルがないときは、extends を書いたファイルと行を示す', () => {
    expect(problems(here('extends-missing.yaml'))).toEqual([
      `${here('extends-missing.yaml')}:7: extends: 基にする回答ファイル ${here('_no-such-house.yaml')} が見つかりません`,
    ]);
  });

  it('extends の値が文字列でなければエラー', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-extends-'));
    writeFileSync(join(dir, 'list.yaml'), 'kitei: 2\norganization: { name: A社, type: company, size: small }\nextends: [a.yaml, b.yaml]\n');
    expect(problems(join(dir, 'list.yaml'))[0]).toBe(`${join(dir, 'list.yaml')}:3: extends: 基にする回答ファイルのパスを文字列で書いてください（例: extends: _共通.yaml）`);
  });

  it('基のファイルの誤りは、そのファイルの行を示す', () => {
    expect(problems(here('extends-error-in-base.yaml'))).toEqual([`${here('_house-typo.yaml')}:4: rules.audit.monht: このキーは使えません。もしかして「month」ですか？`]);
  });

  it('顧客が置き換えたリストの誤りは、基ではなく顧客のファイルの行を示す', () => {
    expect(problems(here('extends-list-replaced.yaml'))).toEqual([
      `${here('extends-list-replaced.yaml')}:8: confidentiality.levels.1.value: 数値を記入してください（いまは文字列「ゼロ」）`,
    ]);
  });

  it('基のファイルの YAML の誤りも、そのファイルの行を示す', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-extends-'));
    writeFileSync(join(dir, '_house.yaml'), 'people:\n  - id: audit\n    title: "閉じていない\n');
    writeFileSync(join(dir, 'client.yaml'), 'extends: _house.yaml\nkitei: 2\norganization: { name: A社, type: company, size: small }\n');
    expect(problems(join(dir, 'client.yaml'))[0]).toMatch(new RegExp(`^${escape(join(dir, '_house.yaml'))}:\\d+: YAML`, 'u'));
  });

  it('基は、作業ディレクトリではなく extends を書いたファイルの場所から探す（フォルダーの外は --extends-root で許したときだけ）', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-extends-'));
    mkdirSync(join(dir, 'clients'));
    writeFileSync(join(dir, '_house.yaml'), 'kitei: 2\npeople:\n  - { id: audit, title: 監査役, roles: [auditor] }\n');
    writeFileSync(join(dir, 'clients', 'client.yaml'), 'extends: ../_house.yaml\norganization: { name: A社, type: company, size: small }\n');
    // The working directory (the repository) is not the client's directory.
    const client = relative(process.cwd(), join(dir, 'clients', 'client.yaml'));
    expect(loadAnswersFile(client, { extendsRoot: dir }).roles.auditor.title).toBe('監査役');
    expect(problems(client)[0]).toContain(`の外にあるので読みません`);
  });
});

const readFixture = (name: string): string => readFileSync(here(name), 'utf8');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
