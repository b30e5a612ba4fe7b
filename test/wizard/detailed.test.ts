import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFromFile } from '../../src/answers/load.js';
import { checkFile } from '../../src/build.js';
import { runWizard } from '../../src/wizard/index.js';
import { KEY_PATH, OFFICE_NAME, officeScript } from './office.js';
import { BACK, ScriptedPrompts } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));

async function detailed(extra: Record<string, unknown>) {
  const dir = tempDir();
  const prompts = new ScriptedPrompts({ ...officeScript(), 'wizard.mode': 'detailed', ...extra });
  const code = await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 });
  return { prompts, code, file: join(dir, 'answers', `${OFFICE_NAME}.yaml`), dir };
}

const TOPICS = [
  'organization',
  'terms',
  'roles',
  'departments',
  'confidentiality',
  'sites',
  'areas',
  'inventory',
  'itemTables',
  'vendors',
  'contacts',
  'telework',
  'myNumber',
  'accounts',
  'handling',
  'criteria',
  'employment',
  'physical',
  'software',
  'logs',
  'documents',
  'chapters',
];

describe('詳しいモード', () => {
  it('かんたんモードの質問のあと、残りを項目ごとに尋ね、どの項目も「このまま」で飛ばせる（同じことは二度尋ねない）', async () => {
    const quick = await detailed({ 'wizard.mode': 'quick' });
    const { prompts, code, file } = await detailed({});
    expect(code).toBe(0);
    const ids = prompts.ids();
    expect(ids.filter((id) => id.startsWith('topic.'))).toEqual(TOPICS.map((t) => `topic.${t}`));
    // Every question of かんたんモード once, then only topics.
    const quickIds = quick.prompts.ids().filter((id) => !id.startsWith('wizard.'));
    expect(ids.filter((id) => !id.startsWith('wizard.') && !id.startsWith('topic.'))).toEqual(quickIds);
    for (const asked of prompts.asked.filter((a) => a.id.startsWith('topic.'))) {
      expect((asked.choices as { name: string }[]).map((c) => c.name)).toContain('このまま（次へ）');
      expect(asked.help, asked.id).toContain('なぜ聞くのか');
    }
    // 「このまま」 writes nothing: the same answers file as かんたんモード.
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(quick.file, 'utf8'));
    expect(prompts.output).not.toMatch(KEY_PATH);
    expect(prompts.screens).not.toMatch(/\bnull\b|\\n/u);
  });

  it('項目を直すと、その答えだけが回答ファイルに加わる（言葉づかい・部門・業者の行）', async () => {
    const { prompts, code, file } = await detailed({
      'topic.terms': ['edit', 'keep'],
      'topic.terms.form': { self: '弊社' },
      'topic.departments': ['edit', 'keep'],
      'topic.departments#action': ['add', 'done'],
      'topic.departments.row': { name: '設計部', head: 'auditor' },
      'topic.vendors': ['edit', 'keep'],
      'topic.vendors#action': ['add', 'done'],
      'topic.vendors.row': [{ name: 'ネット回線株式会社', service: '光回線', supports: 'ルーターではない名前' }, { name: 'ネット回線株式会社', service: '光回線', supports: 'Wi-Fiルーター' }],
    });
    expect(code).toBe(0);
    // A value that is not a product name is refused under its field, with the names to choose from.
    expect(prompts.refused[0]![0]).toBe('topic.vendors.row.supports');
    expect(prompts.refused[0]![1]).toMatch(/^「ルーターではない名前」は使っているものにありません（Windows 11、/u);
    const { profile, answers } = loadAnswersFromFile(file);
    expect(profile.terms).toEqual({ self: '弊社' });
    expect(profile.departments).toEqual([{ id: 'dept1', name: '設計部', head: 'auditor' }]);
    expect(profile.vendors[1]).toEqual({ id: 'vendor2', name: 'ネット回線株式会社', service: '光回線', contact: null, supports: ['router-nec'] });
    expect(answers.roles.departmentOfficer.titles).toEqual(['設計主任']);
    expect(checkFile(file).unfilled).toEqual([]);
    // The table is shown as it will be printed before a row is changed.
    expect(prompts.output).toMatch(/\| # +\| 業者 +\| 担当の内容 +\| 連絡先 +\|/u);
  });

  it('欄の初めの値は組織の語で示す（協会なら「職員番号、職員コード」「全職員」。文書の既定と同じ）', async () => {
    const { prompts, code, file } = await detailed({
      'organization.type': 'association',
      'topic.accounts': ['edit', 'keep'],
      'topic.accounts.form': {},
      'topic.employment': ['edit', 'keep'],
      'topic.employment.form': {},
    });
    expect(code).toBe(0);
    const field = (form: string, label: string) => prompts.asked.find((a) => a.id === form)?.fields?.find((f) => f.label === label);
    expect(field('topic.accounts.form', '一般アカウントの名前に使うもの')?.default).toBe('職員番号、職員コード');
    expect(field('topic.employment.form', '教育の対象者')?.default).toBe('全職員');
    // Taken as shown, they are the documents' own defaults: nothing is written, and the rulebook says 職員.
    const { profile } = loadAnswersFromFile(file);
    expect(profile.rules?.accounts?.generalAccountNames).toBeUndefined();
    expect(prompts.screens).not.toMatch(/従業員番号|全従業員/u);
  });

  it('どの項目の画面にも、欄ごとに「なぜ聞くのか」がある', async () => {
    const open = Object.fromEntries(TOPICS.flatMap((t) => [[`topic.${t}`, ['edit', 'keep']], [`topic.${t}.form`, BACK], [`topic.${t}#action`, BACK]]));
    const { prompts, code } = await detailed(open);
    expect(code).toBe(0);
    const forms = prompts.asked.filter((a) => a.kind === 'form' && a.id.startsWith('topic.'));
    expect(forms.length).toBe(14);
    for (const form of forms) for (const field of form.fields!) expect(field.help ?? '', `${form.id} ${field.label}`).toMatch(/^なぜ聞くのか: \S/u);
    expect(prompts.screens).not.toMatch(KEY_PATH);
    expect(prompts.screens).not.toMatch(/\bnull\b|\\n/u);
  });

  it('1画面の答えは合わせて確かめる: 復旧の目標だけを書いて、止まると困る仕事を書かなければ、その欄の下に理由が出る', async () => {
    const { prompts, code } = await detailed({
      'topic.inventory': ['edit', 'keep'],
      'topic.inventory#action': ['edit', 'done'],
      'topic.inventory#row': [0],
      'topic.inventory.row': [{ 'critical.rto.target': '2営業日以内' }, {}],
    });
    expect(code).toBe(0);
    expect(prompts.refused).toEqual([['topic.inventory.row.critical.operations', '入力してください']]);
  });

  it('項目を開いて何も変えずに決定しても、回答ファイルは変わらない（既定の文はファイルに書かない）', async () => {
    const quick = await detailed({ 'wizard.mode': 'quick' });
    const open = Object.fromEntries(TOPICS.flatMap((t) => [[`topic.${t}`, ['edit', 'keep']], [`topic.${t}#action`, 'done']]));
    const { code, file, prompts } = await detailed({ ...open, 'topic.itemTables.item': BACK, 'topic.myNumber.purposes': (q: { default: unknown }) => q.default, 'topic.documents.outputs': (q: { default: unknown }) => q.default });
    expect(code).toBe(0);
    expect(prompts.ids().filter((id) => id.endsWith('.form'))).toHaveLength(14);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(quick.file, 'utf8'));
  });
});
