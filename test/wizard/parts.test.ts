import { describe, expect, it } from 'vitest';
import { answersFromData } from '../../src/answers/load.js';
import { listPreview, parseTyped } from '../../src/wizard/ask.js';
import { WizardState } from '../../src/wizard/state.js';
import { stringWidth, textTable } from '../../src/wizard/table.js';
import { checkField, choiceLabel, fieldAt, parseKey, type LeafField, type ListField } from '../../src/wizard/tree.js';

const leaf = (key: string) => fieldAt(parseKey(key)) as LeafField;

describe('質問の部品', () => {
  it('表は全角文字の幅で揃い、端末の幅に収まる', () => {
    const table = textTable(['機器名', 'Data'], [['ファイルサーバー', 'x'], ['NAS', 'とても長い説明がここに入って端末の幅を超えてしまう文字列です']], 40);
    const widths = table.split('\n').map((line) => stringWidth(line));
    expect(new Set(widths).size).toBe(1);
    expect(widths[0]).toBeLessThanOrEqual(40);
    expect(table).toContain('…');
  });

  it('列の多い表は、行が少なければサンプルと同じく縦横を入れ替えて見せる', () => {
    const areas = fieldAt(parseKey('physical.entry.areas')) as ListField;
    const rows = new WizardState({ organization: { name: 'A', type: 'company' } }).get(['physical', 'entry', 'areas']) as unknown[];
    expect(listPreview(areas, rows, 120).split('\n')[0]).toMatch(/^ {2}\| 項目 +\| 1 +\| 2 +\| 3 +\|$/u);
  });

  it('入力の読み取り: ? は後回し、- はなし、全角数字も整数に、空欄は項目に応じて', () => {
    const title = leaf('roles.systemAdmin.title');
    expect(parseTyped(title, '?', '管理部長', '役職名')).toEqual({ ok: true, value: { todo: '役職名' } });
    expect(parseTyped(title, '-', '管理部長', '役職名')).toEqual({ ok: false, message: 'この項目は「なし」にできません。値を記入してください' });
    const phone = leaf('roles.systemAdmin.phone');
    expect(parseTyped(phone, '－', '03', '電話')).toEqual({ ok: true, value: null });
    expect(parseTyped(phone, '', null, '電話')).toEqual({ ok: true, value: null });
    const minutes = leaf('physical.clearScreen.lockMinutes');
    expect(parseTyped(minutes, '１０', 5, '')).toEqual({ ok: true, value: 10 });
    expect(parseTyped(minutes, '', 5, '')).toEqual({ ok: false, message: '空にはできません' });
    expect(parseTyped(minutes, '?', 5, '')).toMatchObject({ ok: false });
    expect(parseTyped(leaf('document.effectiveDate'), '２０２６/４/０１', undefined, '')).toEqual({ ok: true, value: '2026-04-01' });
    expect(parseTyped(leaf('document.effectiveDate'), '2026年4月1日', undefined, '')).toEqual({ ok: true, value: '2026-04-01' });
    expect(checkField(leaf('document.effectiveDate'), '2026-4-01')).toBe('YYYY-MM-DD の形式で記入してください（例: 2026-04-01）');
    expect(parseTyped(leaf('document.chapterScope.physical'), '本社\\n工場', '', '')).toEqual({ ok: true, value: '本社\n工場' });
  });

  it('選択肢の名前は説明から取る', () => {
    const field = leaf('organizational.assets.smallMediaMeasure');
    expect(field.choices.map((c) => choiceLabel(field, c))).toEqual(['大きなタグを付ける', 'ストラップで体やカバンに固定する', '鈴を付ける']);
    expect(choiceLabel(leaf('organization.type'), 'cooperative')).toBe('協同組合');
  });

  it('保存するのはプリセットと違う回答だけで、読み直すと同じ回答になる', () => {
    const state = new WizardState({ organization: { name: '差分株式会社', type: 'company' } });
    state.set(['technical', 'continuity', 'backup', 'targets', 1, 'destination'], 'テープ');
    state.set(['terms', 'self'], '当社'); // equal to the preset: not written
    state.set(['roles', 'auditor', 'title'], '監査役');
    const decisions = state.decisions();
    expect(Object.keys(decisions)).toEqual(['organization', 'roles', 'technical']);
    expect(decisions.terms).toBeUndefined();
    expect(answersFromData(decisions, 'x.yaml')).toEqual(answersFromData(state.data, 'x.yaml'));
  });
});
