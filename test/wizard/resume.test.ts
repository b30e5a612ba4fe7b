import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnswersError, loadAnswersFromFile } from '../../src/answers/load.js';
import { checkFile } from '../../src/build.js';
import { EXIT_INTERRUPTED, runWizard } from '../../src/wizard/index.js';
import { ROOT } from '../support/build.js';
import { OFFICE_NAME, officeScript } from './office.js';
import { CANCEL, ScriptedPrompts } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));

describe('中断と再開', () => {
  it('Ctrl+C で下書きを保存して場所を示し（終了コード 130）、--resume で答えを残したまま続ける', async () => {
    const dir = tempDir();
    const answersDir = join(dir, 'answers');
    const script = officeScript();
    const first = new ScriptedPrompts({ ...script, 'inventory.office': CANCEL });
    expect(await runWizard({ prompts: first, answersDir, out: join(dir, 'output') })).toBe(EXIT_INTERRUPTED);
    const draft = join(answersDir, `${OFFICE_NAME}.draft.yaml`);
    expect(first.output).toContain(`ここまでの回答を ${draft} に保存しました`);
    expect(first.output).toContain(`npx kitei init --resume ${draft}`);
    const saved = parse(readFileSync(draft, 'utf8')) as Record<string, unknown>;
    expect(saved.kitei).toBe(2);
    expect((saved.organization as Record<string, unknown>).business).toBe('住宅・店舗の設計及び工事監理');
    expect((saved.inventory as { id: string }[]).map((i) => i.id)).toEqual(['windows', 'iphone', 'm365', 'm365-apps', 'outlook', 'edge', 'software-other', 'virusbuster']);

    // Resume: every question again, with what was typed before as its answer; the rest continues.
    const second = new ScriptedPrompts({
      'wizard.resume': 'quick',
      'inventory.office': script['inventory.office'],
      continuity: script.continuity,
      telework: script.telework,
      myNumber: script.myNumber,
      partners: script.partners,
      'rules.own': script['rules.own'],
      'wizard.review': 'saveOnly',
    });
    expect(await runWizard({ prompts: second, resume: draft, out: join(dir, 'output') })).toBe(0);
    expect(second.output).toMatch(/を読み込みました（未記入 \d+ 件）/u);
    expect(second.ids()).toContain('organization.type');
    const people = second.asked.find((a) => a.id === 'people')!;
    expect(people.fields!.find((f) => f.name === '1.email')!.default).toBe('soumu@komorebi-sekkei.example');
    expect(second.asked.find((a) => a.id === 'inventory.devices')!.default).toEqual(['windows', 'iphone']);
    const file = join(answersDir, `${OFFICE_NAME}.yaml`);
    expect(checkFile(file).unfilled).toEqual([]);
    // The draft has served its purpose once the answers are saved for good.
    expect(existsSync(draft)).toBe(false);
  });

  it('1年後: 手で書いた回答ファイルを --resume で開き、1つ直してその場で保存する（コメントと並びはそのまま）', async () => {
    const dir = tempDir();
    const file = join(dir, 'komorebi.yaml');
    copyFileSync(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), file);
    const before = readFileSync(file, 'utf8');
    const prompts = new ScriptedPrompts({
      'wizard.resume': 'review',
      'wizard.review': ['revisit', 'saveOnly'],
      'wizard.revisit': '組織について',
      organization: { 'organization.business': '住宅・店舗・事務所の設計及び工事監理' },
    });
    expect(await runWizard({ prompts, resume: file })).toBe(0);
    // Saved in place: no question about overwriting the file being edited.
    expect(prompts.ids()).not.toContain('wizard.overwrite');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('business: 住宅・店舗の設計及び工事監理', 'business: 住宅・店舗・事務所の設計及び工事監理'));
    // The file's own facts are listed on the review, as what will be printed.
    expect(prompts.output).toContain('Vectorworks Architect（エーアンドエー） ［CAD］');
  });

  it('手で書いたファイルの品目も「使っているもの」の選択肢になり、外せばその品目と参照が消える', async () => {
    const dir = tempDir();
    const file = join(dir, 'komorebi.yaml');
    copyFileSync(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), file);
    const prompts = new ScriptedPrompts({
      'wizard.resume': 'review',
      'wizard.review': ['revisit', 'saveOnly'],
      'wizard.revisit': '何を使っているか',
      // The NAS written by hand is offered (ticked) with the router; taking it away removes it.
      'inventory.office': [['item:router']],
    });
    expect(await runWizard({ prompts, resume: file })).toBe(0);
    const office = prompts.asked.find((a) => a.id === 'inventory.office')!;
    expect(office.default).toEqual(['item:nas', 'item:router']);
    expect((office.choices as { name: string }[]).map((c) => c.name)).toEqual(expect.arrayContaining(['NAS（回答ファイルにあるもの）', 'Wi-Fiルーター（回答ファイルにあるもの）']));
    const { profile } = loadAnswersFromFile(file);
    expect(profile.inventory.map((i) => i.id)).not.toContain('nas');
    expect(profile.vendors[0]!.supports).toEqual(['m365', 'router']);
    // The NAS held the only backup: the policy now asks for one, in plain words.
    expect(checkFile(file).unfilled.map((u) => u.key)).toContain('inventory[].backup');
    expect(prompts.output).toMatch(/未記入: \d+ 件/u);
  });

  it('完成した回答ファイルの編集を中断しても元のファイルは変わらず、横に下書きができる', async () => {
    const dir = tempDir();
    const file = join(dir, 'komorebi.yaml');
    copyFileSync(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), file);
    const original = readFileSync(file);
    const prompts = new ScriptedPrompts({ 'wizard.resume': 'quick', organization: { 'organization.business': '設計' }, 'wizard.mode': CANCEL, 'people.plan': CANCEL });
    expect(await runWizard({ prompts, resume: file })).toBe(EXIT_INTERRUPTED);
    expect(readFileSync(file).equals(original)).toBe(true);
    const draft = join(dir, 'komorebi.draft.yaml');
    expect(loadAnswersFromFile(draft).profile.organization.business).toBe('設計');
    expect(readFileSync(draft, 'utf8')).toContain('# 例: 架空の小さな設計事務所（12 名）');
  });

  it('extends: を使う回答ファイルは基の値を答えとして見せ、保存しても extends を保つ', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '_事務所.yaml'), 'kitei: 2\nrules:\n  audit: { kind: inspection, month: 毎年10月 }\ndocuments:\n  contract: { court: 東京地方裁判所 }\n');
    const file = join(dir, 'さくら.yaml');
    writeFileSync(file, 'extends: _事務所.yaml\nkitei: 2\norganization:\n  name: さくら工業株式会社\n  type: company\n  size: small\n');
    const prompts = new ScriptedPrompts({ 'wizard.resume': 'review', 'wizard.review': ['revisit', 'saveOnly'], 'wizard.revisit': '社内のきまり', 'rules.recommended': 'accept' });
    expect(await runWizard({ prompts, resume: file })).toBe(0);
    const own = prompts.asked.find((a) => a.id === 'rules.own')!;
    expect(own.fields!.find((f) => f.name === 'auditMonth')!.default).toBe('毎年10月');
    const saved = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved.extends).toBe('_事務所.yaml');
    expect(loadAnswersFromFile(file).profile.documents.contract.court).toBe('東京地方裁判所');
  });

  it('以前の形式の回答ファイルは開かず、移し替えの方法を示す', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.yaml');
    writeFileSync(file, 'organization:\n  name: 旧株式会社\n  type: company\noptions:\n  telework: false\n');
    await expect(runWizard({ prompts: new ScriptedPrompts(), resume: file })).rejects.toThrow(AnswersError);
    await expect(runWizard({ prompts: new ScriptedPrompts(), resume: file })).rejects.toThrow(/以前の形式です。.*docs\/migration\.md/u);
  });

  it('予期しないエラーでも、それまでの回答を下書きに保存してからエラーを伝える', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({
      ...officeScript(),
      'people.plan': () => {
        throw new Error('端末が切断されました');
      },
    });
    await expect(runWizard({ prompts, answersDir: join(dir, 'answers') })).rejects.toThrow('端末が切断されました');
    const draft = join(dir, 'answers', `${OFFICE_NAME}.draft.yaml`);
    expect(prompts.output).toContain(`ここまでの回答を ${draft} に保存しました`);
    expect(loadAnswersFromFile(draft).profile.organization.business).toBe('住宅・店舗の設計及び工事監理');
  });

  it('保存のあと形式を選ぶところで中断しても、下書きは作らず保存済みのファイルを示す', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ ...officeScript(), 'wizard.formats': CANCEL });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers') })).toBe(EXIT_INTERRUPTED);
    const file = join(dir, 'answers', `${OFFICE_NAME}.yaml`);
    expect(prompts.output).toContain(`回答は ${file} に保存済みです`);
    expect(existsSync(join(dir, 'answers', `${OFFICE_NAME}.draft.yaml`))).toBe(false);
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
    writeFileSync(join(answersDir, `${OFFICE_NAME}.yaml`), 'kitei: 2\n');
    const prompts = new ScriptedPrompts({ ...officeScript(), 'wizard.review': 'saveOnly', 'wizard.overwrite': false, 'wizard.file': ['こもれび.txt', 'こもれび-2.yaml'] });
    expect(await runWizard({ prompts, answersDir })).toBe(0);
    expect(prompts.refused).toEqual([['wizard.file', '「.yaml」で終わる名前にしてください']]);
    expect(checkFile(join(answersDir, 'こもれび-2.yaml')).unfilled).toEqual([]);
    expect(readFileSync(join(answersDir, `${OFFICE_NAME}.yaml`), 'utf8')).toBe('kitei: 2\n');
  });

  it('完成した規程を開き直して変えると、黙って作り直さず、改訂（新しい版・施行日・新旧対照表）か手直しか下書きかを選ぶ', async () => {
    const dir = tempDir();
    const file = join(dir, 'komorebi.yaml');
    const out = join(dir, 'output');
    copyFileSync(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), file);
    const history = join(dir, 'komorebi.history');
    const build = { 'wizard.resume': 'review', 'wizard.review': 'save', 'wizard.formats': [['md']] };

    // First build of the finished policy: issued and recorded as kitei build would.
    const first = new ScriptedPrompts(build);
    expect(await runWizard({ prompts: first, resume: file, out })).toBe(0);
    expect(readdirSync(history)).toEqual(['1.0.json']);
    expect(first.output).toContain('記録しました');

    // A year later the antivirus changes.
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('ウイルスバスター ビジネスセキュリティサービス', 'ESET PROTECT Essentials').replaceAll('トレンドマイクロ', 'キヤノンマーケティングジャパン'));
    const second = new ScriptedPrompts({
      ...build,
      'wizard.issue': 'revise',
      'wizard.revision': [
        { version: '1.1', date: '2026年3月1日', reason: 'ウイルス対策ソフトの変更' },
        { date: '令和10年4月1日' },
      ],
    });
    expect(await runWizard({ prompts: second, resume: file, out })).toBe(0);
    expect(second.output).toMatch(/発行した第1\.0版（施行日 2027年4月1日）と次の箇所が違います/u);
    expect(second.output).toContain('技術的対策');
    // A date before the issued version's is refused and asked again, the typed values kept.
    expect(second.output).toContain('！ 施行日 2026年3月1日 は第1.0版の 2027年4月1日 より後の日付にしてください');
    expect(second.ids().filter((id) => id === 'wizard.revision')).toHaveLength(2);
    expect(second.output).toContain('第1.1版（施行日 2028年4月1日）として改訂しました');
    expect(readdirSync(history).sort()).toEqual(['1.0.json', '1.1.json']);
    const profile = loadAnswersFromFile(file).profile;
    expect(profile.document.version).toBe('1.1');
    const written = readdirSync(join(out, 'こもれび設計株式会社'));
    expect(written).toContain('情報セキュリティ関連規程 新旧対照表（第1.1版）.md');
    const rulebook = readFileSync(join(out, 'こもれび設計株式会社', '情報セキュリティ関連規程.md'), 'utf8');
    expect(rulebook).toContain('ESET PROTECT Essentials');
    expect(rulebook).toContain('ウイルス対策ソフトの変更');

    // Changed again, made as a draft: nothing recorded, the adopted files untouched.
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('ESET PROTECT Essentials', 'Microsoft Defender'));
    const third = new ScriptedPrompts({ ...build, 'wizard.issue': 'draft' });
    expect(await runWizard({ prompts: third, resume: file, out })).toBe(0);
    expect(readdirSync(history).sort()).toEqual(['1.0.json', '1.1.json']);
    expect(readdirSync(join(out, 'こもれび設計株式会社'))).toContain('情報セキュリティ関連規程（下書き）.md');
    expect(readFileSync(join(out, 'こもれび設計株式会社', '情報セキュリティ関連規程.md'), 'utf8')).toBe(rulebook);
  });
});
