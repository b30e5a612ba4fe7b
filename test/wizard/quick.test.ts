import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswersFromFile } from '../../src/answers/load.js';
import { checkFile } from '../../src/build.js';
import { CATEGORIES, productsOf } from '../../src/wizard/catalog.js';
import { runWizard } from '../../src/wizard/index.js';
import { KEY_PATH, OFFICE_NAME, officeScript } from './office.js';
import { ScriptedPrompts } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));


async function office() {
  const dir = tempDir();
  const prompts = new ScriptedPrompts(officeScript());
  const code = await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 });
  return { dir, prompts, code, file: join(dir, 'answers', `${OFFICE_NAME}.yaml`), out: join(dir, 'output', OFFICE_NAME) };
}

describe('かんたんモード（12人の設計事務所）', () => {
  it('25画面以内の答えで、kitei check が通る完成版の規程になる', async () => {
    const { prompts, code, file, out } = await office();
    expect(code).toBe(0);
    // Every screen the person answered, counted: the bound is 25.
    expect(prompts.asked.length).toBeLessThanOrEqual(25);
    expect(prompts.ids()).toEqual([
      'organization.type',
      'organization',
      'wizard.mode',
      'people.plan',
      'people',
      'areas',
      'inventory.devices',
      'inventory.cloud',
      'inventory.software',
      'inventory.software.other',
      'inventory.antivirus',
      'inventory.office',
      'inventory.facts',
      'continuity',
      'telework',
      'myNumber',
      'partners',
      'rules.own',
      'rules.recommended',
      'wizard.review',
      'wizard.formats',
    ]);
    expect(prompts.refused).toEqual([]);
    // The saved profile is complete and says nothing that contradicts itself.
    const { unfilled, warnings } = checkFile(file);
    expect(unfilled).toEqual([]);
    expect(warnings).toEqual([]);
    expect(prompts.output).toContain('未記入: なし（そのまま完成版の規程を作れます）');
    // A finished policy, not a draft.
    const markdown = readFileSync(join(out, '情報セキュリティ関連規程.md'), 'utf8');
    expect(markdown).not.toMatch(/【要記入|下書き|○○|●●|20yy|undefined|\[object/u);
  });

  it('答えは、それが要るすべての表に載る', async () => {
    const { out } = await office();
    const markdown = readFileSync(join(out, '情報セキュリティ関連規程.md'), 'utf8');
    // The CAD typed as 「その他」: the standard software table and the update table.
    expect(markdown).toMatch(/\| CAD \| Vectorworks Architect \| エーアンドエー \| 2025以降 \|/u);
    expect(markdown).toMatch(/Vectorworks Architect \| エーアンドエー \| 総務担当が動作を確認したうえで/u);
    // Facts ticked for the router: device authentication and the network device's requirements.
    expect(markdown).toContain('登録した端末だけを接続する（MACアドレス認証）');
    expect(markdown).toContain('管理画面の初期パスワードの変更');
    // Microsoft 365: authentication, access control, business continuity and telework.
    expect(markdown).toContain('ID・パスワード及び多要素認証');
    expect(markdown).toContain('OneDrive・SharePoint のフォルダー・サイトごとのアクセス権');
    expect(markdown).toContain('設計図面の作成・共有と、施主・施工会社とのやり取り');
    expect(markdown).toMatch(/社内連絡[^\n]*オンライン打合せ/u);
    // The backup to a new cloud backup service, and the cloud backup section it brings.
    expect(markdown).toContain('Synology C2 Storage');
    expect(markdown).toContain('クラウドサービスを利用したバックアップ');
    // People: the auditor renamed on the people screen, the contacts in the emergency list.
    expect(markdown).toContain('設計主任');
    expect(markdown).toContain('090-0000-1002');
    // The court suggested from the address, and the My Number window.
    expect(readFileSync(join(out, '業務委託契約 機密保持条項.md'), 'utf8')).toContain('横浜地方裁判所');
    expect(readFileSync(join(out, '個人番号及び特定個人情報の適正な取扱いに関する基本方針.md'), 'utf8')).toContain('平日 9:30〜17:30');
    // 令和9年4月1日 typed as the start date: the company writes dates the western way.
    expect(markdown).toContain('2027年4月1日');
  });

  it('会社のスマートフォンの MDM は選んだときだけ規程に載り、iPhone だけなら Android の手順は載らない', async () => {
    const rulebook = (out: string) => readFileSync(join(out, '情報セキュリティ関連規程.md'), 'utf8');
    const without = rulebook((await office()).out);
    expect(without).not.toContain('MDM');
    expect(without).toContain('iPhoneの場合');
    expect(without).not.toContain('Android');
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ ...officeScript(), 'inventory.devices': [['windows', 'iphone', 'intune']] });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 })).toBe(0);
    expect(rulebook(join(dir, 'output', OFFICE_NAME))).toContain('指定されたMDM（モバイル機器管理）エージェントをインストールし');
    expect(loadAnswersFromFile(join(dir, 'answers', `${OFFICE_NAME}.yaml`)).profile.inventory.map((item) => item.kind)).toContain('mdm');
  });

  it('貸与の機器の行は組織の語で書く（士業事務所なら「事務所貸与」、会社の語は残らない）', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ ...officeScript(), 'organization.type': 'professional' });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 })).toBe(0);
    const rulebook = readFileSync(join(dir, 'output', OFFICE_NAME, '情報セキュリティ関連規程.md'), 'utf8');
    expect(rulebook).toContain('事務所貸与のパソコンを利用');
    expect(rulebook).not.toContain('会社貸与');
  });

  it('画面の言葉と例は組織の種類に合わせる（協会なら「職員」、例も協会の名前。会社の「従業員」は種類を選ぶ画面の説明だけ）', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ ...officeScript(), 'organization.type': 'association' });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 })).toBe(0);
    const screens = prompts.asked.filter((a) => a.id !== 'organization.type');
    const shown = screens.map((a) => [a.message, a.help ?? '', ...(a.fields ?? []).flatMap((f) => [f.label, f.help ?? '', f.group ?? '', f.default ?? ''])].join('\n')).join('\n');
    expect(shown).toContain('職員だけが入る場所');
    expect(shown).toContain('一般社団法人ひかり地域振興協会');
    expect(shown).not.toMatch(/従業員|当社|会社の|会社が貸与|こもれび設計株式会社|監査役|設計主任/u);
    expect(prompts.output).not.toContain('従業員');
    // A company sees the company's words and example.
    const company = (await office()).prompts;
    expect(company.screens).toContain('従業員だけが入る場所');
    expect(company.screens).toContain('例: こもれび設計株式会社');
  });

  it('製品の「よくある設定」は組織の種類によらない言葉で書く（従業員・職員のどちらも入れない: 回答にそのまま載るため）', () => {
    const facts = CATEGORIES.flatMap((c) => productsOf(c.id)).flatMap((p) => p.items.flatMap((item) => item.facts));
    expect(facts.length).toBeGreaterThan(20);
    for (const fact of facts) expect(`${fact.value} ${fact.product ?? ''}`, fact.label).not.toMatch(/従業員|職員|当社|会社/u);
  });

  it('画面は日本語だけで、どの質問にも「なぜ聞くのか」と例がある', async () => {
    const { prompts } = await office();
    const screens = prompts.screens;
    expect(screens).not.toMatch(KEY_PATH);
    expect(screens).not.toMatch(/\bnull\b|\\n|\(Y\/n\)|エディタ/u);
    // Every screen says where the user is.
    for (const asked of prompts.asked.filter((a) => !a.id.startsWith('wizard.review') && a.id !== 'wizard.formats')) expect(asked.progress, asked.id).toMatch(/^質問 \d+\/\d+$/u);
    // Every question says why it is asked; text answers come with an example that fits them.
    for (const asked of prompts.asked) {
      const helps = [asked.help ?? '', ...(asked.fields ?? []).map((f) => f.help ?? '')].join('\n');
      expect(helps, asked.id).toContain('なぜ聞くのか');
      for (const field of (asked.fields ?? []).filter((f) => !f.choices)) expect(field.help ?? '', `${asked.id} ${field.label}`).toMatch(/なぜ聞くのか[^\n]*\n例|例:/u);
    }
    // Jargon is explained where it appears.
    expect(screens).toMatch(/UTM: インターネットとの出入口で/u);
    expect(screens).toMatch(/MACアドレス認証: 機器ごとの番号を登録する方法/u);
    expect(screens).toMatch(/ロックアウト＝パスワードを続けて間違えたとき/u);
    // The review lists what will be printed as the organization's own, facts accepted on the facts screen included.
    expect(prompts.output).toContain('規程に、組織自身のこととして次の内容が載ります。');
    expect(prompts.output).toMatch(/Windows 11（Microsoft）[^\n]*\n\s+バージョン: 11（サポート期間中のバージョン）\n\s+更新: Windows Update の自動更新を有効にする。/u);
    expect(prompts.output).toContain('特権アカウントのパスワードの最小文字数: 12文字');
  });

  it('保存した回答ファイルは組織のプロフィールで、質問がコメントとして付き、同じ答えからは同じバイト列になる', async () => {
    const [first, second] = [await office(), await office()];
    const text = readFileSync(first.file, 'utf8');
    expect(readFileSync(second.file).equals(readFileSync(first.file))).toBe(true);
    expect(text).toMatch(/^# こもれび設計株式会社 の回答ファイル/u);
    expect(text).toContain('# 役職・氏名・連絡先と、務める役割（roles）');
    expect(text).toContain('kitei: 2');
    const saved = parse(text) as Record<string, unknown>;
    expect(Object.keys(saved)).toEqual(['kitei', 'organization', 'document', 'people', 'areas', 'inventory', 'vendors', 'contacts', 'telework', 'myNumber', 'rules', 'documents']);
    const loaded = loadAnswersFromFile(first.file);
    // Facts the user ticked are in the profile; nothing else the catalog knows.
    const windows = loaded.profile.inventory.find((item) => item.id === 'windows')!;
    expect(windows).toMatchObject({ product: 'Windows 11', vendor: 'Microsoft', update: 'Windows Update の自動更新を有効にする。' });
    expect(loaded.profile.people.map((p) => [p.title, p.roles.length])).toEqual([
      ['代表取締役', 3],
      ['総務担当', 7],
      ['設計主任', 1],
    ]);
    expect(loaded.profile.document.effectiveDate).toBe('2027-04-01');
  });

  it('製品によくある設定は、画面で印を付けたものだけが載る（外せば、足りないことを平易な言葉で尋ねる）', async () => {
    const dir = tempDir();
    const script = officeScript();
    const prompts = new ScriptedPrompts({
      ...script,
      // Everything ticked except Windows' automatic update and both ways of registering devices.
      'inventory.facts': (asked: { choices?: readonly unknown[] }) =>
        (asked.choices as { value: string }[]).map((c) => c.value).filter((v) => v !== 'windows:update' && v !== 'router-nec:mac' && v !== 'router-nec:guest'),
      'inventory.missing': { 'windows|update': '毎月第2水曜日の翌日に、総務担当が更新を適用する。', 'deviceAuth|method': 'パソコンを NAS に登録し、登録したものだけが接続できる' },
    });
    expect(await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 })).toBe(0);
    const missing = prompts.asked.find((a) => a.id === 'inventory.missing')!;
    expect(missing.fields!.map((f) => f.label)).toEqual(['「Windows 11」を最新の状態に保つ方法', '登録した機器だけがつながるもの', 'その方法']);
    const markdown = readFileSync(join(dir, 'output', OFFICE_NAME, '情報セキュリティ関連規程.md'), 'utf8');
    expect(markdown).toContain('毎月第2水曜日の翌日に、総務担当が更新を適用する。');
    expect(markdown).not.toContain('Windows Update の自動更新を有効にする。');
    expect(markdown).not.toContain('MACアドレス認証');
    expect(checkFile(join(dir, 'answers', `${OFFICE_NAME}.yaml`)).unfilled).toEqual([]);
  });

  it('Enter だけで進めると、選んでいない答えはその場で求められ、先へは進まない', async () => {
    const dir = tempDir();
    const prompts = new ScriptedPrompts({ organization: [{}, { 'organization.name': '空欄株式会社', 'organization.business': '製造', 'document.effectiveDate': '2026/4/1' }] });
    await expect(runWizard({ prompts, answersDir: join(dir, 'answers') })).rejects.toThrow(/people|areas|受け付けられず/u);
    expect(prompts.refused[0]).toEqual(['organization.organization.name', '入力してください']);
    expect(existsSync(join(dir, 'answers', '空欄株式会社.draft.yaml'))).toBe(true);
  });
});
