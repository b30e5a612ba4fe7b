import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFromFile } from '../../src/answers/load.js';
import { checkFile } from '../../src/build.js';
import { parseDate } from '../../src/wizard/dates.js';
import { runWizard } from '../../src/wizard/index.js';
import { OFFICE_NAME, officeScript } from './office.js';
import { BACK, ScriptedPrompts, type Asked } from './scripted-prompts.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-wizard-'));

async function run(script: ReturnType<typeof officeScript>) {
  const dir = tempDir();
  const prompts = new ScriptedPrompts(script);
  const code = await runWizard({ prompts, answersDir: join(dir, 'answers'), out: join(dir, 'output'), width: 100 });
  const out = join(dir, 'output', OFFICE_NAME);
  return { prompts, code, file: join(dir, 'answers', `${OFFICE_NAME}.yaml`), rulebook: () => readFileSync(join(out, '情報セキュリティ関連規程.md'), 'utf8'), out };
}

const fieldDefault = (asked: Asked, name: string) => asked.fields!.find((f) => f.name === name)!.default;

describe('「戻る」', () => {
  it('どの画面からも前の質問に戻れ、それまでの答えは残っている', async () => {
    const script = officeScript();
    const { prompts, code, file } = await run({
      ...script,
      // Esc on the places: back to the people, whose typed values are still there; then on again.
      areas: [BACK, script.areas],
      people: [script.people, {}],
      // Esc twice from the facts: back over the office devices to the antivirus, and forward again.
      'inventory.facts': [BACK, undefined],
      'inventory.office': [(script['inventory.office'] as unknown[])[0], BACK, undefined],
      'inventory.antivirus': [(script['inventory.antivirus'] as unknown[])[0], undefined],
      // Esc on the first form of a step that has a choice before it: back to the choice.
      'rules.recommended': [BACK, 'accept'],
      'rules.own': [script['rules.own'], {}],
    } as ReturnType<typeof officeScript>);
    expect(code).toBe(0);
    const ids = prompts.ids();
    expect(ids.slice(ids.indexOf('people'), ids.indexOf('people') + 4)).toEqual(['people', 'areas', 'people', 'areas']);
    const again = prompts.asked.filter((a) => a.id === 'people')[1]!;
    expect(fieldDefault(again, '0.name')).toBe('木漏 一郎');
    expect(fieldDefault(again, '2.title')).toBe('設計主任');
    const facts = ids.indexOf('inventory.facts');
    expect(ids.slice(facts, facts + 5)).toEqual(['inventory.facts', 'inventory.office', 'inventory.antivirus', 'inventory.office', 'inventory.facts']);
    // Going back and on again keeps the choices: the office devices are still ticked.
    const office = prompts.asked.filter((a) => a.id === 'inventory.office');
    expect(office[1]!.default).toEqual(['router-nec', 'nas-synology']);
    expect(ids.filter((id) => id === 'rules.own')).toHaveLength(2);
    // The answers given before going back are the ones saved.
    expect(checkFile(file).unfilled).toEqual([]);
    expect(loadAnswersFromFile(file).profile.people[0]!.name).toBe('木漏 一郎');
  });

  it('どの画面にも進み具合が出て、戻っても数え方は変わらない', async () => {
    const script = officeScript();
    const { prompts } = await run({ ...script, telework: [BACK, script.telework], continuity: [script.continuity, {}] } as ReturnType<typeof officeScript>);
    const progress = prompts.asked.filter((a) => a.progress).map((a) => `${a.id} ${a.progress}`);
    expect(progress).toContain('organization.type 質問 1/17');
    expect(progress.filter((p) => p.startsWith('continuity '))).toEqual(['continuity 質問 12/17', 'continuity 質問 12/17']);
    expect(prompts.output).toMatch(/■ 1\/8 組織について[\s\S]*■ 4\/8 何を使っているか[\s\S]*■ 8\/8 社内のきまり/u);
  });
});

describe('「使っていない」・「しない」・「扱わない」', () => {
  it('使っていないものに関わる文と表は、規程から消える', async () => {
    const full = await run(officeScript());
    const script = officeScript();
    const none = await run({
      ...script,
      'inventory.devices': [['windows']],
      'inventory.office': [['__none']],
      continuity: { ...(script.continuity as Record<string, string>), from: 'm365', to: '__cloud-backup' },
      // Without a router, how devices are registered is asked in plain words.
      'inventory.missing': { 'deviceAuth|method': '会社が貸与したパソコンだけを、Microsoft 365 に登録して使う' },
      telework: { on: 'no' },
      myNumber: { on: 'no' },
      partners: { ...(script.partners as Record<string, string>), scope: 'all' },
    } as ReturnType<typeof officeScript>);
    expect(none.code).toBe(0);
    expect(checkFile(none.file).unfilled).toEqual([]);
    const before = full.rulebook();
    const after = none.rulebook();
    // No smartphone: its update row is gone.
    expect(before).toContain('iOS の自動アップデートを有効にする。');
    expect(after).not.toContain('スマートフォンOS');
    // No NAS, no router: the machines' requirements and the network devices' table are gone.
    expect(before).toContain('ネットワーク機器の情報セキュリティ要件');
    expect(after).not.toContain('ネットワーク機器の情報セキュリティ要件');
    expect(after).not.toContain('MACアドレス認証');
    // No telework: its chapter is gone; no My Number: its documents are not made.
    expect(before).toContain('テレワークにおける対策');
    expect(after).not.toContain('テレワークにおける対策');
    expect(existsSync(join(full.out, '特定個人情報取扱規程.md'))).toBe(true);
    expect(existsSync(join(none.out, '特定個人情報取扱規程.md'))).toBe(false);
    // Nobody keeps a My Number role, and the review says what is left out.
    expect(loadAnswersFromFile(none.file).profile.people.some((p) => p.roles.includes('myNumberManager'))).toBe(false);
    expect(none.prompts.output).toContain('テレワーク: しない（テレワークの章は規程に入りません）');
    expect(none.prompts.output).toContain('マイナンバー: 扱わない（特定個人情報の文書は作りません）');
  });

  it('「使っていない」はほかの選択と一緒には選べない', async () => {
    const { prompts } = await run({ ...officeScript(), 'inventory.office': [['router-nec', '__none'], ['router-nec', 'nas-synology']] } as ReturnType<typeof officeScript>);
    expect(prompts.refused).toEqual([['inventory.office', '「使っていない」とほかのものを一緒には選べません']]);
  });
});

describe('日付', () => {
  it('2026-04-01・2026/4/1・2026年4月1日・令和8年4月1日（全角数字も）は同じ日', () => {
    for (const typed of ['2026-04-01', '2026-4-1', '2026/4/1', '2026年4月1日', '令和8年4月1日', '令和８年４月１日', 'R8.4.1', '２０２６／４／１']) {
      expect(parseDate(typed), typed).toEqual({ ok: true, value: '2026-04-01' });
    }
    expect(parseDate('令和元年5月1日')).toEqual({ ok: true, value: '2019-05-01' });
    expect(parseDate('平成31年4月30日')).toEqual({ ok: true, value: '2019-04-30' });
  });

  it('読めない日付・存在しない日付は、何を入力すればよいかを言う', () => {
    expect(parseDate('令和8年2月30日')).toEqual({ ok: false, message: '存在しない日付です（2026年2月は28日までです）' });
    expect(parseDate('2026-13-01')).toEqual({ ok: false, message: '13月はありません。2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日 のように入力してください' });
    expect(parseDate('来年の4月')).toEqual({ ok: false, message: '日付として読めません。2026-04-01、2026/4/1、2026年4月1日、令和8年4月1日 のように入力してください' });
    expect(parseDate('令和1年4月1日')).toMatchObject({ ok: false, message: expect.stringContaining('令和の期間外の日付です') });
    expect(parseDate('平成32年1月1日')).toMatchObject({ ok: false, message: expect.stringContaining('平成の期間外の日付です') });
  });

  it('対話形式では、誤った日付はその欄の下に理由が出て、和暦の答えは施行日になる', async () => {
    const script = officeScript();
    const organization = script.organization as Record<string, string>;
    const { prompts, file } = await run({ ...script, organization: [{ ...organization, 'document.effectiveDate': '令和8年2月30日' }, { ...organization, 'document.effectiveDate': '令和8年4月1日' }] } as ReturnType<typeof officeScript>);
    expect(prompts.refused).toEqual([['organization.document.effectiveDate', '存在しない日付です（2026年2月は28日までです）']]);
    expect(loadAnswersFromFile(file).profile.document.effectiveDate).toBe('2026-04-01');
  });
});
