import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswersFile } from '../../src/answers/load.js';
import { EXIT_INTERRUPTED, runWizard } from '../../src/wizard/index.js';
import { ROOT } from '../support/build.js';
import { CANCEL, ScriptedPrompts } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));

describe('中断と再開', () => {
  it('Ctrl+C で下書きを保存して終了コード 130、--resume で続きから答えて完成させる', async () => {
    const dir = tempDir();
    const answersDir = join(dir, 'answers');
    const first = new ScriptedPrompts({
      'organization.type': 'association',
      'organization.name': '一般社団法人 中断協会',
      'wizard.mode': 'quick',
      'organization.business': '会員向けの研修事業',
      'document.effectiveDate': '2026-07-01',
      'roles#pick': ['auditor', ''],
      'roles.auditor.title': '監査室長',
      'organizational.audit.month': CANCEL,
    });
    expect(await runWizard({ prompts: first, answersDir, out: join(dir, 'output') })).toBe(EXIT_INTERRUPTED);
    const draft = join(answersDir, '一般社団法人 中断協会.draft.yaml');
    expect(first.output).toContain(`ここまでの回答を ${draft} に保存しました`);
    expect(first.output).toContain(`npx kitei init --resume ${draft}`);
    const saved = parse(readFileSync(draft, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(saved.organization).toEqual({ name: '一般社団法人 中断協会', type: 'association', business: '会員向けの研修事業' });
    expect(saved.roles).toEqual({ auditor: { title: '監査室長' } });

    // Resume: the answers typed before are the defaults now; the rest continues.
    const second = new ScriptedPrompts({
      'wizard.mode': 'quick',
      'organizational.audit.month': '毎年6月',
      'wizard.review': 'save',
      'wizard.formats': [[]],
    });
    expect(await runWizard({ prompts: second, resume: draft, out: join(dir, 'output') })).toBe(0);
    expect(second.ids()).not.toContain('organization.name');
    expect(second.ids()).not.toContain('organization.type');
    expect(second.asked.find((a) => a.id === 'organization.business')!.default).toBe('会員向けの研修事業');
    expect(second.asked.find((a) => a.id === 'document.effectiveDate')!.default).toBe('2026-07-01');
    expect(second.output).toMatch(/を読み込みました（プリセットと違う回答 \d+ 項目、未記入 \d+ 件）/u);
    const file = join(answersDir, '一般社団法人 中断協会.yaml');
    const answers = loadAnswersFile(file);
    expect(answers.organizational.audit.month).toBe('毎年6月');
    expect(answers.roles.auditor.title).toBe('監査室長');
    expect(answers.terms.self).toBe('当協会');
    // The draft has served its purpose once the answers are saved for good.
    expect(existsSync(draft)).toBe(false);
  });

  it('1年後: 完成した回答ファイルを --resume で開き、いくつかの回答だけ直してその場で保存する', async () => {
    const dir = tempDir();
    const file = join(dir, 'あおば精機.yaml');
    copyFileSync(join(ROOT, 'answers', 'aoba-seiki.yaml'), file);
    const before = loadAnswersFile(file);
    const prompts = new ScriptedPrompts({
      'wizard.mode': 'review',
      'wizard.review': ['chapter', 'save'],
      'wizard.chapter': 'document',
      'document.version': '2.0',
      'document.effectiveDate': '2027-04-01',
      'document.revisions#action': ['add', 'done'],
      'document.revisions.1.version': '2.0',
      'document.revisions.1.date': '2027-04-01',
      'document.revisions.1.description': '組織変更に伴う見直し',
      'wizard.formats': [[]],
    });
    expect(await runWizard({ prompts, resume: file, out: join(dir, 'output') })).toBe(0);
    // Saved in place (no question about overwriting the file being edited).
    expect(prompts.ids()).not.toContain('wizard.overwrite');
    const after = loadAnswersFile(file);
    expect(after.document.version).toBe('2.0');
    expect(after.document.revisions.map((r) => r.version)).toEqual(['1.0', '2.0']);
    // Nothing else changed, and the file keeps its author's comments and layout.
    expect({ ...after, document: before.document }).toEqual(before);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# 例: 架空の製造業の会社（従業員 45 名）。');
    expect(text).toContain('# 任意の部分: テレワークあり');
    expect(text).toContain('  version: "2.0"\n  effectiveDate: 2027-04-01');
  });

  it('完成した回答ファイルの編集を中断しても元のファイルは変わらず、横に下書きができる', async () => {
    const dir = tempDir();
    const file = join(dir, 'aoba.yaml');
    copyFileSync(join(ROOT, 'answers', 'aoba-seiki.yaml'), file);
    const original = readFileSync(file);
    const prompts = new ScriptedPrompts({ 'wizard.mode': 'quick', 'organization.business': '精密機械部品の製造', 'document.effectiveDate': CANCEL });
    expect(await runWizard({ prompts, resume: file })).toBe(EXIT_INTERRUPTED);
    expect(readFileSync(file).equals(original)).toBe(true);
    const draft = join(dir, 'aoba.draft.yaml');
    expect(loadAnswersFile(draft).organization.business).toBe('精密機械部品の製造');
    expect(readFileSync(draft, 'utf8')).toContain('# 例: 架空の製造業の会社');
  });

  it('extends: を使う回答ファイルは基の値を既定値として見せ、保存しても extends を保つ', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '_事務所.yaml'), 'roles:\n  auditor:\n    title: 内部監査室長\ndocument:\n  fonts: { body: 游明朝, heading: 游ゴシック }\n');
    const file = join(dir, 'さくら工業.yaml');
    writeFileSync(file, 'extends: _事務所.yaml\norganization:\n  name: さくら工業株式会社\n  type: company\n');
    const prompts = new ScriptedPrompts({
      'wizard.mode': 'quick',
      'organization.business': '金属加工',
      'wizard.review': 'saveOnly',
    });
    expect(await runWizard({ prompts, resume: file })).toBe(0);
    expect(prompts.output).toMatch(/監査・点検責任者 +\| 内部監査室長/u);
    const saved = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved.extends).toBe('_事務所.yaml');
    expect(saved.roles).toBeUndefined();
    const answers = loadAnswersFile(file);
    expect(answers.roles.auditor.title).toBe('内部監査室長');
    expect(answers.organization.business).toBe('金属加工');
  });

  it('予期しないエラーでも、それまでの回答を下書きに保存してからエラーを伝える', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({
      'organization.name': '故障株式会社',
      'organization.business': '製造',
      'document.effectiveDate': () => {
        throw new Error('端末が切断されました');
      },
    });
    await expect(runWizard({ prompts, answersDir: join(dir, 'answers') })).rejects.toThrow('端末が切断されました');
    const draft = join(dir, 'answers', '故障株式会社.draft.yaml');
    expect(prompts.output).toContain(`ここまでの回答を ${draft} に保存しました`);
    expect(loadAnswersFile(draft).organization.business).toBe('製造');
  });

  it('保存のあと形式を選ぶところで中断しても、下書きは作らず保存済みのファイルを示す', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ 'organization.name': '保存済株式会社', 'wizard.formats': CANCEL });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers') })).toBe(EXIT_INTERRUPTED);
    const file = join(dir, 'answers', '保存済株式会社.yaml');
    expect(prompts.output).toContain(`回答は ${file} に保存済みです`);
    expect(existsSync(join(dir, 'answers', '保存済株式会社.draft.yaml'))).toBe(false);
  });

  it('何も入力しないうちに中断すると、何も保存しない', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'answers'));
    const prompts = new ScriptedPrompts({ 'organization.type': CANCEL });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers') })).toBe(EXIT_INTERRUPTED);
    expect(prompts.output).toContain('保存したものはありません');
  });

  it('すでにある回答ファイルは、確かめてから上書きする（断れば別の名前で保存）', async () => {
    const dir = tempDir();
    const answersDir = join(dir, 'answers');
    mkdirSync(answersDir);
    writeFileSync(join(answersDir, '重複株式会社.yaml'), 'organization:\n  name: 重複株式会社\n  type: company\n');
    const prompts = new ScriptedPrompts({
      'organization.name': '重複株式会社',
      'wizard.review': 'saveOnly',
      'wizard.overwrite': false,
      'wizard.file': ['重複.txt', '重複株式会社-2.yaml'],
    });
    expect(await runWizard({ prompts, answersDir })).toBe(0);
    expect(prompts.refused).toEqual([['wizard.file', '.yaml で終わる名前にしてください']]);
    expect(existsSync(join(answersDir, '重複株式会社-2.yaml'))).toBe(true);
  });
});

describe('回答ファイルの誤りを確認画面で直す', () => {
  it('ほかの回答と合わない値・使えないキーは、確認画面で尋ね直して直せる', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.yaml');
    writeFileSync(file, 'organization:\n  name: 誤り株式会社\n  type: company\n  typo: 1\ndocument:\n  classification: 秘密\n');
    const prompts = new ScriptedPrompts({
      'wizard.mode': 'review',
      'wizard.review': ['fix', 'saveOnly'],
      'wizard.fix.remove': true,
      'document.classification': '社外秘',
    });
    expect(await runWizard({ prompts, resume: file })).toBe(0);
    expect(prompts.output).toContain('誤り: 2 件');
    expect(prompts.output).toContain('document.classification: 機密性レベルのラベル（極秘・社外秘・公開）のいずれかを記入してください');
    const answers = loadAnswersFile(file);
    expect(answers.document.classification).toBe('社外秘');
    expect(readFileSync(file, 'utf8')).not.toContain('typo');
  });
});
