import { describe, expect, it } from 'vitest';
import { AnswersError, answersFromYaml, decodeAnswers, formatIssue } from '../../src/answers/load.js';

const issues = (yaml: string) => {
  try {
    answersFromYaml(yaml, 'answers/x.yaml');
  } catch (error) {
    if (error instanceof AnswersError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
};

describe('回答ファイルの誤りは、ファイル・行・キーを示す日本語のエラー', () => {
  it('最小の回答（名前と種類）は、プリセットで補われて通る', () => {
    const answers = answersFromYaml('organization:\n  name: 例示株式会社\n  type: company\n', 'a.yaml');
    expect(answers.terms.self).toBe('当社');
    expect(answers.confidentiality.levels.map((l) => l.label)).toEqual(['極秘', '社外秘', '公開']);
    expect(answers.roles.systemAdmin.title).toBe('管理部長');
  });

  it('協会のプリセットは協会の語彙と部外秘', () => {
    const answers = answersFromYaml('organization:\n  name: 例示協会\n  type: association\n', 'a.yaml');
    expect([answers.terms.self, answers.terms.staff, answers.terms.head, answers.terms.departmentHead]).toEqual(['当協会', '職員', '理事長', '所属長']);
    expect(answers.confidentiality.levels[1]!.label).toBe('部外秘');
    expect(answers.roles.securityOfficer.duty).toContain('協会全体');
  });

  it('語彙を上書きすると、プリセットの既定の文も新しい語彙になる', () => {
    const answers = answersFromYaml('organization: { name: 例示財団, type: association }\nterms: { whole: 財団全体 }\n', 'a.yaml');
    expect(answers.roles.securityOfficer.duty).toContain('財団全体の情報セキュリティ方針');
  });

  it('YAML の構文誤り・重複キー・タブの字下げ', () => {
    expect(issues('organization:\n  name: "閉じない\n  type: company\n')[0]).toMatch(/^answers\/x\.yaml:\d+: YAML/u);
    expect(issues('organization:\n  name: A社\n  name: B社\n  type: company\n')).toEqual(['answers/x.yaml:3: organization.name: 同じキーが2回書かれています（最初は2行目）']);
    expect(issues('organization:\n\tname: A社\n')[0]).toMatch(/^answers\/x\.yaml:2: .*タブ/u);
  });

  it('組織の種類がない・誤っている', () => {
    expect(issues('organization:\n  name: A社\n')[0]).toMatch(/^answers\/x\.yaml:1: organization\.type: 組織の種類がありません/u);
    expect(issues('organization:\n  name: A社\n  type: kabushiki\n')[0]).toMatch(/^answers\/x\.yaml:3: organization\.type: 「kabushiki」は組織の種類として使えません/u);
  });

  it('知らないキーは行を示し、近いキーを提案する', () => {
    expect(issues('organization:\n  name: A社\n  type: company\nterms:\n  slef: 弊社\n')).toEqual([
      'answers/x.yaml:5: terms.slef: このキーは使えません。もしかして「self」ですか？',
    ]);
    expect(issues('organisation:\n  name: A社\norganization:\n  name: A社\n  type: company\n')).toEqual([
      'answers/x.yaml:1: organisation: このキーは使えません。もしかして「organization」ですか？',
    ]);
  });

  it('型の誤り・空文字・改行できない値・仮の値', () => {
    const base = 'organization:\n  name: A社\n  type: company\n';
    expect(issues(`${base}options:\n  telework: はい\n`)).toEqual([
      'answers/x.yaml:5: options.telework: true か false を記入してください（いまは文字列「はい」）',
    ]);
    expect(issues(`${base}roles:\n  systemAdmin:\n    title: ""\n`)[0]).toMatch(/^answers\/x\.yaml:6: roles\.systemAdmin\.title: /u);
    expect(issues(`${base}terms:\n  self: "当\\n社"\n`)).toEqual(['answers/x.yaml:5: terms.self: 改行は使えません']);
    expect(issues(`${base}roles:\n  auditor:\n    title: ○○部長\n`)[0]).toMatch(/roles\.auditor\.title: .*仮の値/u);
    expect(issues(`${base}document:\n  effectiveDate: 2026-02-30\n`)[0]).toMatch(/^answers\/x\.yaml:5: document\.effectiveDate: /u);
  });

  it('機密区分のラベルは機密性レベルのいずれか', () => {
    expect(issues('organization: { name: A社, type: company }\ndocument:\n  classification: 秘密\n')[0]).toMatch(
      /^answers\/x\.yaml:3: document\.classification: 機密性レベルのラベル（極秘・社外秘・公開）/u,
    );
  });

  it('UTF-8 でないファイル（Shift_JIS）と BOM', () => {
    const sjis = new Uint8Array([0x82, 0xa0, 0x82, 0xa2]); // 「あい」 in Shift_JIS
    expect(() => decodeAnswers(sjis, 'sjis.yaml')).toThrow(/sjis\.yaml: 文字コードが UTF-8 ではありません/u);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('organization: { name: A社, type: company }\n')]);
    expect(answersFromYaml(decodeAnswers(bom, 'bom.yaml'), 'bom.yaml').organization.name).toBe('A社');
  });
});
