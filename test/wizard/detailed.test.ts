import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.js';
import { runWizard, skipped } from '../../src/wizard/index.js';
import { loadState } from '../../src/wizard/resume.js';
import { answersTree, parseKey, type Field } from '../../src/wizard/tree.js';
import { ScriptedPrompts } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));

/** The question ids 詳しいモード must ask: every key outside list rows (a list is one question: its menu). */
function expectedIds(field: Field, path: string[] = []): string[] {
  const id = path.join('.');
  if (field.kind === 'object') return field.fields.flatMap((f) => expectedIds(f, [...path, f.name]));
  if (field.kind === 'list') return [field.element.kind === 'leaf' && field.element.type === 'enum' ? id : `${id}#action`];
  return [id];
}

describe('詳しいモード', () => {
  it('すべての項目を章ごとに尋ね、オプションで外した部分は尋ねない', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({
      'organization.name': '詳細精機株式会社',
      'wizard.mode': 'detailed',
      'options.telework': false,
      'document.effectiveDate': '2026-10-01',
      'terms.self': '弊社',
      'roles.auditor.title': '監査役',
      // Integers: text and out-of-range values are refused in Japanese and asked again.
      'organizational.accounts.privileged.minLength': ['十二', '0', '14'],
      'organizational.assets.laptopEncryption': 'folder',
      'organizational.outsourcing.criteria.checklist': 'atLeast',
      'organizational.outsourcing.criteria.checklistCount': '10',
      // A list of lines edited in the editor, one item per line.
      'human.education.topics#action': ['editor', 'done'],
      'human.education.topics#editor': '情報セキュリティ関連規程の説明（入社時）\n\n標的型攻撃メールへの対応（年1回）\n',
      // A nullable table switched on, with two rows (an integrity rating must have 2 or more).
      'confidentiality.integrity#use': true,
      'confidentiality.integrity#action': ['done', 'add', 'add', 'done'],
      'confidentiality.integrity.0.value': '2',
      'confidentiality.integrity.0.criteria#action': ['add', 'done'],
      'confidentiality.integrity.0.criteria.0': '改ざんされると事業に大きな影響がある',
      'confidentiality.integrity.1.value': '1',
      'confidentiality.integrity.1.criteria#action': ['add', 'done'],
      'confidentiality.integrity.1.criteria.0': '改ざんされても影響は小さい',
      // A table inside a table row: one more program under the first kind of software.
      'technical.software.updates#action': ['edit', 'done'],
      'technical.software.updates#row': [0],
      'technical.software.updates.0.items#action': ['add', 'done'],
      'technical.software.updates.0.items.1.name': '生産管理システム',
      'technical.software.updates.0.items.1.vendor': '自社開発',
      'technical.software.updates.0.items.1.method': '情報システム課が月1回、修正版を配布する。',
      'wizard.review': 'save',
      'wizard.formats': [['md']],
    });
    const code = await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 });
    expect(code).toBe(0);

    const asked = new Set(prompts.ids());
    const top = answersTree().fields.map((f) => f.name);
    const chapters = ['organization', 'options', ...top.filter((n) => n !== 'organization' && n !== 'options')];
    expect(prompts.ids().filter((id) => id.startsWith('wizard.chapter.'))).toEqual(chapters.map((c) => `wizard.chapter.${c}`));
    const file = join(dir, 'answers', '詳細精機株式会社.yaml');
    // Parts an option switched off (telework here; documents not made) are not asked.
    const final = loadState(file);
    const expected = expectedIds(answersTree()).filter((id) => !parseKey(id.replace(/#action$/u, '')).some((_, i, path) => skipped(path.slice(0, i + 1), final)));
    expect(expected.length).toBeGreaterThan(150);
    const missing = expected.filter((id) => !asked.has(id) && !asked.has(id.replace(/#action$/u, '#use')));
    expect(missing).toEqual([]);
    expect([...asked].filter((id) => id.startsWith('human.telework'))).toEqual([]);

    expect(prompts.refused.map(([id]) => id)).toEqual(['organizational.accounts.privileged.minLength', 'organizational.accounts.privileged.minLength']);
    expect(prompts.refused[0]![1]).toBe('整数（半角数字）で記入してください');
    expect(prompts.refused[1]![1]).toMatch(/^1以上/u);
    // A table left too short is not accepted: the menu comes back with the reason.
    expect(prompts.output).toContain('！ 少なくとも2行必要です');

    const answers = loadAnswersFile(file);
    expect(answers.terms.self).toBe('弊社');
    expect(answers.organizational.accounts.privileged.minLength).toBe(14);
    expect(answers.organizational.assets.laptopEncryption).toBe('folder');
    expect(answers.organizational.outsourcing.criteria).toMatchObject({ checklist: 'atLeast', checklistCount: 10 });
    expect(answers.human.education.topics).toEqual(['情報セキュリティ関連規程の説明（入社時）', '標的型攻撃メールへの対応（年1回）']);
    expect(answers.confidentiality.integrity).toEqual([
      { value: 2, criteria: ['改ざんされると事業に大きな影響がある'] },
      { value: 1, criteria: ['改ざんされても影響は小さい'] },
    ]);
    expect(answers.options.telework).toBe(false);
    expect(answers.technical.software.updates[0]!.items.at(-1)).toEqual({ name: '生産管理システム', vendor: '自社開発', method: '情報システム課が月1回、修正版を配布する。' });
    const markdown = readFileSync(join(dir, 'output', '詳細精機株式会社', '情報セキュリティ関連規程.md'), 'utf8');
    expect(markdown).toContain('弊社');
    expect(markdown).toContain('改ざんされると事業に大きな影響がある');
  });

  it('章ごとに「今の値のまま次へ」を選べる', async () => {
    const dir = tempDir();
    const skipAll = Object.fromEntries(answersTree().fields.map((f) => [`wizard.chapter.${f.name}`, false]));
    const prompts = new ScriptedPrompts({ 'organization.name': '省略株式会社', 'wizard.mode': 'detailed', ...skipAll, 'wizard.formats': [[]] });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output') })).toBe(0);
    expect(prompts.ids().filter((id) => !id.startsWith('wizard.'))).toEqual(['organization.type', 'organization.name']);
  });
});
