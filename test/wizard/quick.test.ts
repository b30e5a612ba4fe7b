import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswersFile } from '../../src/answers/load.js';
import { checkFile } from '../../src/build.js';
import { runWizard } from '../../src/wizard/index.js';
import { ScriptedPrompts } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));

/** The questions a person answers in かんたんモード, in order (menus and list rows aside). */
const QUICK_QUESTIONS = [
  'organization.type',
  'organization.name',
  'organization.business',
  'document.effectiveDate',
  'document.approver',
  'companion.signatory.name',
  'options',
  'roles.auditor.title',
  'roles.systemAdmin.person',
  'roles.systemAdmin.phone',
  'roles.systemAdmin.email',
  'confidentiality.levels.0.label',
  'confidentiality.levels.1.label',
  'confidentiality.levels.2.label',
  'organizational.audit.month',
  'organizational.incident.bcp.system',
];

describe('かんたんモード', () => {
  it('約15問・表の編集・検証のやり直しを経て、回答ファイルと文書ができる', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({
      'organization.type': 'company',
      'organization.name': 'テスト精機株式会社',
      'wizard.mode': 'quick',
      'organization.business': '精密部品の設計・製造',
      'companion.signatory.name': '精機 一郎',
      // A date that does not exist is refused under the question, then a real one is accepted.
      'document.effectiveDate': ['2026-13-01', '2026/04/01'],
      options: [['telework', 'privateDevices', 'systemDevelopment', 'cloudBackup']],
      'roles#pick': ['auditor', ''],
      'roles.auditor.title': ['○○', '監査役'],
      'roles.departmentOfficer.titles#action': ['remove', 'done'],
      'roles.departmentOfficer.titles#row': [2],
      'roles.systemAdmin.person': '佐藤 健太',
      'roles.systemAdmin.phone': '03-0000-0003',
      'roles.systemAdmin.email': 'system@example.jp',
      'confidentiality.levels.1.label': '部外秘',
      'organizational.audit.month': '毎年9月',
      'organizational.incident.bcp.system': '販売管理システム',
      'technical.continuity.backup.targets#action': ['add', 'done'],
      'technical.continuity.backup.targets.5.device': '基幹サーバー',
      'technical.continuity.backup.targets.5.data': 'データベース',
      'technical.continuity.backup.targets.5.method': 'データベースのダンプ',
      'technical.continuity.backup.targets.5.destination': 'NASサーバー',
      'technical.software.standard#action': ['edit', 'done'],
      'technical.software.standard#row': [3],
      // In a row of several keys, the keys to change are picked from a menu.
      'technical.software.standard.3#field': ['name', 'vendor', 'version', ''],
      'technical.software.standard.3.name': 'ウイルスバスター',
      'technical.software.standard.3.vendor': 'トレンドマイクロ',
      'technical.software.standard.3.version': '?',
      'wizard.review': 'save',
      'wizard.formats': [['md', 'docx']],
    });
    const code = await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 });
    expect(code).toBe(0);

    // What was asked, and that each real question says why it matters with an example.
    // (A question refused and asked again counts once.)
    const questions = prompts
      .ids()
      .filter((id) => !id.includes('#') && !id.startsWith('wizard.') && !/\.\d+\.(?!label)/u.test(id))
      .filter((id, i, all) => id !== all[i - 1]);
    expect(questions).toEqual(QUICK_QUESTIONS);
    for (const asked of prompts.asked.filter((a) => QUICK_QUESTIONS.includes(a.id) && !a.id.startsWith('confidentiality.levels.'))) {
      expect(asked.help, asked.id).toMatch(/例/u);
    }
    expect(prompts.refused).toEqual([
      ['document.effectiveDate', '存在しない日付です'],
      ['roles.auditor.title', '「○○」「●●」「20yy」「****」などの仮の値が残っています。実際の値を記入してください'],
    ]);
    // A list is shown as the table it produces before it is changed.
    expect(prompts.output).toMatch(/\| # +\| 機器名 +\| バックアップの対象 +\| バックアップの方法 +\| 保管先 +\|/u);

    // The saved file: only the organization's own decisions, each key with its question as a comment.
    const file = join(dir, 'answers', 'テスト精機株式会社.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# 正式名称（例: あおば精機株式会社）');
    expect(text).toContain('# 事業内容を組織自身の言葉で（基本方針で使う）\n  business: 精密部品の設計・製造');
    expect(text).toContain('effectiveDate: 2026-04-01');
    expect(text).not.toMatch(/^terms:/mu);
    const saved = parse(text) as Record<string, Record<string, unknown>>;
    expect(Object.keys(saved)).toEqual(['organization', 'document', 'roles', 'confidentiality', 'options', 'organizational', 'technical', 'companion']);
    expect(saved.companion).toEqual({ signatory: { name: '精機 一郎' } });
    expect(saved.options).toEqual({ myNumber: false });
    expect(saved.document).toEqual({ effectiveDate: '2026-04-01' });

    // The file is a valid answers file, and holds every answer.
    const answers = loadAnswersFile(file);
    expect(answers.roles.auditor.title).toBe('監査役');
    expect(answers.roles.departmentOfficer.titles).toEqual(['営業部長', '技術部長', '製造部長']);
    expect(answers.confidentiality.levels.map((l) => l.label)).toEqual(['極秘', '部外秘', '公開']);
    expect(answers.technical.continuity.backup.targets.at(-1)).toEqual({ device: '基幹サーバー', data: 'データベース', method: 'データベースのダンプ', destination: 'NASサーバー' });
    // The main system goes into every "business system" row; an antivirus answer fills the same stand-in elsewhere.
    expect(answers.technical.accessControl.systems[2]!.system).toBe('販売管理システム');
    expect(answers.technical.continuity.backup.targets[3]!.device).toBe('販売管理システム');
    expect(answers.technical.software.standard[3]!.version).toEqual({ todo: 'パソコン用ウイルス対策ソフトのバージョン（例: Ver.10以降）' });
    expect(answers.technical.software.definitionUpdates[0]).toMatchObject({ name: 'ウイルスバスター', vendor: 'トレンドマイクロ' });
    // The contact typed for the system administrator reaches the incident contact list.
    expect(answers.organizational.incident.contacts[2]).toMatchObject({ phone: '03-0000-0003', email: 'system@example.jp' });

    // Built at once, as a draft (stand-ins remain), in the chosen formats.
    const out = join(dir, 'output', 'テスト精機株式会社');
    expect(existsSync(join(out, '情報セキュリティ関連規程.docx'))).toBe(true);
    const markdown = readFileSync(join(out, '情報セキュリティ関連規程.md'), 'utf8');
    expect(markdown).toContain('販売管理システム');
    expect(markdown).toContain('部外秘');
    expect(markdown).toContain('ウイルスバスター');
    expect(markdown).toContain('【要記入：');
    expect(prompts.output).toContain('下書き（【要記入：…】入り）として作ります');
    expect(prompts.output).toContain(`npx kitei init --resume ${file}`);
  });

  it('Enter だけで進めても有効な回答ファイルになり、文書を作らない選択もできる', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ 'organization.name': '最小株式会社', 'wizard.formats': [[]] });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output') })).toBe(0);
    const file = join(dir, 'answers', '最小株式会社.yaml');
    expect(parse(readFileSync(file, 'utf8'))).toEqual({ organization: { name: '最小株式会社', type: 'company' } });
    expect(loadAnswersFile(file).organization.name).toBe('最小株式会社');
    expect(existsSync(join(dir, 'output'))).toBe(false);
    // The review said how many values are still to fill in.
    expect(prompts.output).toMatch(/未記入: \d+ 件/u);
  });

  it('確認画面から未記入の項目だけに答えられ、「?」で後回しにした項目は kitei check に残る', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({
      'organization.name': '後回し株式会社',
      // Skipped in かんたんモード: the approver becomes a stand-in, the date stays one.
      'document.approver': '?',
      'companion.signatory.name': '後回 太郎',
      'wizard.review': ['todos', 'save'],
      'document.effectiveDate': ['', '2026-04-01'],
      'wizard.todos.continue': false,
      'wizard.formats': [[]],
    });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers') })).toBe(0);
    const file = join(dir, 'answers', '後回し株式会社.yaml');
    const unfilled = checkFile(file).unfilled.map((u) => u.key);
    expect(unfilled).toContain('document.approver');
    expect(unfilled).not.toContain('document.effectiveDate');
    expect(loadAnswersFile(file).document.effectiveDate).toBe('2026-04-01');
    // The walk asked the stand-ins of one chapter with their own questions, then offered to stop.
    const walk = prompts.asked.slice(prompts.ids().indexOf('wizard.review') + 1);
    expect(walk.find((a) => a.id === 'document.effectiveDate')!.message).toBe('施行日（YYYY-MM-DD）');
    expect(walk.some((a) => a.id === 'wizard.todos.continue')).toBe(true);
    expect(prompts.output).toContain('未記入の項目に答えます');
  });

  it('同じ回答からは同じバイト列の回答ファイルになる', async () => {
    const files = await Promise.all(
      [0, 1].map(async () => {
        const dir = tempDir();
        const prompts = new ScriptedPrompts({ 'organization.name': '同一株式会社', 'organization.business': '製造', 'confidentiality.levels.1.label': '部外秘', 'wizard.formats': [[]] });
        await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output') });
        return readFileSync(join(dir, 'answers', '同一株式会社.yaml'));
      }),
    );
    expect(files[0]!.equals(files[1]!)).toBe(true);
  });
});
