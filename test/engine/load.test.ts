import { describe, expect, it } from 'vitest';
import { AnswersError, answersFromYaml, decodeAnswers, formatIssue, loadedFromYaml } from '../../src/answers/load.js';

const issues = (yaml: string) => {
  try {
    answersFromYaml(yaml, 'answers/x.yaml');
  } catch (error) {
    if (error instanceof AnswersError) return error.issues.map(formatIssue);
    throw error;
  }
  return [];
};

/** A profile with only what every file must have. */
const BASE = 'kitei: 2\norganization:\n  name: A社\n  type: company\n  size: small\n';

describe('回答ファイルの誤りは、ファイル・行・キーを示す日本語のエラー', () => {
  it('最小のプロフィール（名前・種類・規模）は、種類の語彙で補われて通り、事実は【要記入】として残る', () => {
    const answers = answersFromYaml('kitei: 2\norganization:\n  name: 例示株式会社\n  type: company\n  size: medium\n', 'a.yaml');
    expect(answers.terms.self).toBe('当社');
    expect(answers.confidentiality.levels.map((l) => l.label)).toEqual(['極秘', '社外秘', '公開']);
    // Nobody holds the role: the title is a gap that names where the answer belongs, not the sample's 管理部長.
    expect(answers.roles.systemAdmin.title).toEqual({ todo: 'システム管理者を務める人の役職', key: 'people[].roles: systemAdmin' });
    expect(answers.technical.software.scanFrequency).toEqual({ todo: 'ウイルス対策ソフトでフルスキャンする頻度（推奨: 週次）', key: 'rules.software.virusScan' });
  });

  it('役割の名前を変えると、その役割を名指す推奨値もその名前で示す（ファイアウォールのログの確認の頻度）', () => {
    const firewall = 'inventory:\n  - { id: fw, kind: firewall, name: ファイアウォール, logs: { retention: 1年間, items: 日時 } }\n';
    const frequency = (yaml: string) => answersFromYaml(yaml, 'a.yaml').technical.logs.reviews.map((review) => review.frequency);
    expect(frequency(`${BASE}${firewall}`)).toContainEqual({ todo: 'そのほかのログ（ファイアウォール・UTM など）を確認する頻度（推奨: システム管理者の判断に基づき、適宜実施）', key: 'rules.logs.otherReview.frequency' });
    expect(frequency(`${BASE}${firewall}roles:\n  systemAdmin: { name: 情報システム担当 }\n`)).toContainEqual({
      todo: 'そのほかのログ（ファイアウォール・UTM など）を確認する頻度（推奨: 情報システム担当の判断に基づき、適宜実施）',
      key: 'rules.logs.otherReview.frequency',
    });
  });

  it('役割は people の役職名から', () => {
    const answers = answersFromYaml(`${BASE}people:\n  - { id: it, title: 情報システム課長, roles: [systemAdmin, incidentOfficer] }\n`, 'a.yaml');
    expect(answers.roles.systemAdmin.title).toBe('情報システム課長');
    expect(answers.roles.incidentOfficer.title).toBe('情報システム課長');
  });

  it('協会の語彙と部外秘', () => {
    const answers = answersFromYaml('kitei: 2\norganization:\n  name: 例示協会\n  type: association\n  size: small\n', 'a.yaml');
    expect([answers.terms.self, answers.terms.staff, answers.terms.head, answers.terms.departmentHead]).toEqual(['当協会', '職員', '理事長', '所属長']);
    expect(answers.confidentiality.levels[1]!.label).toBe('部外秘');
    expect(answers.roles.securityOfficer.duty).toContain('協会全体');
  });

  it('語彙を上書きすると、既定の文も新しい語彙になる。代表者の呼び方は people の head の役職名', () => {
    const answers = answersFromYaml('kitei: 2\norganization: { name: 例示財団, type: association, size: small }\nterms: { whole: 財団全体 }\npeople:\n  - { id: chair, title: 代表理事, roles: [head] }\n', 'a.yaml');
    expect(answers.roles.securityOfficer.duty).toContain('財団全体の情報セキュリティ方針');
    expect(answers.terms.head).toBe('代表理事');
  });

  it('YAML の構文誤り・重複キー・タブの字下げ', () => {
    expect(issues('kitei: 2\norganization:\n  name: "閉じない\n  type: company\n')[0]).toMatch(/^answers\/x\.yaml:\d+: YAML/u);
    expect(issues('kitei: 2\norganization:\n  name: A社\n  name: B社\n  type: company\n')).toEqual(['answers/x.yaml:4: organization.name: 同じキーが2回書かれています（最初は3行目）']);
    expect(issues('kitei: 2\norganization:\n\tname: A社\n')[0]).toMatch(/^answers\/x\.yaml:3: .*タブ/u);
  });

  it('形式の版がない・以前の形式のファイルは、docs/migration.md を示して拒む', () => {
    expect(issues('organization:\n  name: A社\n  type: company\n  size: small\n')).toEqual(['answers/x.yaml:1: kitei: 回答ファイルの先頭に形式の版 kitei: 2 を書いてください']);
    const old = issues('organization:\n  name: A社\n  type: company\noptions:\n  telework: false\ntechnical:\n  webRestriction: both\n');
    expect(old).toHaveLength(1);
    expect(old[0]).toMatch(/^answers\/x\.yaml:1: kitei: この回答ファイルは以前の形式です（technical・options の章ごとの回答）。.*docs\/migration\.md/u);
    expect(issues('kitei: 1\norganization:\n  name: A社\n  type: company\n  size: small\n')).toEqual(['answers/x.yaml:1: kitei: 次のいずれかを記入してください: 2']);
  });

  it('組織の種類・規模がない・誤っている', () => {
    expect(issues('kitei: 2\norganization:\n  name: A社\n')[0]).toMatch(/^answers\/x\.yaml:2: organization\.type: 組織の種類がありません/u);
    expect(issues('kitei: 2\norganization:\n  name: A社\n  type: kabushiki\n')[0]).toMatch(/^answers\/x\.yaml:4: organization\.type: 「kabushiki」は組織の種類として使えません/u);
    expect(issues('kitei: 2\norganization:\n  name: A社\n  type: company\n')).toEqual(['answers/x.yaml:2: organization.size: 次のいずれかを記入してください: small, medium']);
  });

  it('知らないキーは行を示し、近いキーを提案する（入れ子の組の中でも）', () => {
    expect(issues(`${BASE}terms:\n  slef: 弊社\n`)).toEqual(['answers/x.yaml:7: terms.slef: このキーは使えません。もしかして「self」ですか？']);
    expect(issues('kitei: 2\norganisation:\n  name: A社\norganization:\n  name: A社\n  type: company\n  size: small\n')).toEqual([
      'answers/x.yaml:2: organisation: このキーは使えません。もしかして「organization」ですか？',
    ]);
    expect(issues(`${BASE}rules:\n  software:\n    virusScn: 週次\n`)).toEqual(['answers/x.yaml:8: rules.software.virusScn: このキーは使えません。もしかして「virusScan」ですか？']);
    // Inside a part that may also be `none`: the key of the part's own field.
    expect(issues(`${BASE}telework:\n  configurations: [cloud]\n  netwroks: [wiredHub]\n  devices: [{ device: PC, lent: none, private: prohibited }]\n`)).toEqual([
      'answers/x.yaml:6: telework.networks: 値がありません。記入してください',
      'answers/x.yaml:8: telework.netwroks: このキーは使えません。もしかして「networks」ですか？',
    ]);
  });

  it('型の誤り・空文字・改行できない値・仮の値', () => {
    expect(issues(`${BASE}telework: はい\n`)).toEqual(['answers/x.yaml:6: telework: 「キー: 値」の組、または none を記入してください（いまは文字列「はい」）']);
    expect(issues(`${BASE}people:\n  - { id: admin, title: "" }\n`)[0]).toMatch(/^answers\/x\.yaml:7: people\.0\.title: /u);
    expect(issues(`${BASE}terms:\n  self: "当\\n社"\n`)).toEqual(['answers/x.yaml:7: terms.self: 改行は使えません']);
    expect(issues(`${BASE}people:\n  - { id: audit, title: ○○部長, roles: [auditor] }\n`)[0]).toMatch(/^answers\/x\.yaml:7: people\.0\.title: .*仮の値/u);
    expect(issues(`${BASE}document:\n  effectiveDate: 2026-02-30\n`)[0]).toMatch(/^answers\/x\.yaml:7: document\.effectiveDate: /u);
    expect(issues(`${BASE}rules:\n  physical:\n    screenLockMinutes: 五分\n`)).toEqual(['answers/x.yaml:8: rules.physical.screenLockMinutes: 数値を記入してください（いまは文字列「五分」）']);
  });

  it('id の重複と、どこにもない id への参照は誤り（もしかして…）', () => {
    expect(issues(`${BASE}people:\n  - { id: admin, title: 総務課長 }\n  - { id: admin, title: 総務係長 }\n`)).toEqual([
      'answers/x.yaml:8: people.1.id: id「admin」は people の 1 番目でも使われています（id は一意にしてください）',
    ]);
    expect(issues(`${BASE}people:\n  - { id: sales-head, title: 営業部長 }\ndepartments:\n  - { id: sales, name: 営業部, head: sales-haed }\n`)).toEqual([
      'answers/x.yaml:9: departments.0.head: 「sales-haed」という人（people の id）がいません。もしかして「sales-head」ですか？',
    ]);
  });

  it('食い違いは誤りではなく警告（ファイルと行つき）', () => {
    const loaded = loadedFromYaml(`${BASE}people:\n  - { id: ceo, title: 代表取締役, roles: [head, securityOfficer, auditor] }\n`, 'answers/x.yaml');
    expect(loaded.warnings.map(formatIssue)).toEqual([
      'answers/x.yaml:7: people.0.roles: 代表取締役が情報セキュリティ責任者と監査・点検責任者を兼ねています。監査・点検は対策を進める人以外が行うのが原則です',
    ]);
  });

  it('機密区分のラベルは機密性レベルのいずれか', () => {
    expect(issues(`${BASE}document:\n  classification: 秘密\n`)).toEqual(['answers/x.yaml:7: document.classification: 機密性レベルのラベル（極秘・社外秘・公開）のいずれかを記入してください']);
  });

  it('UTF-8 でないファイル（Shift_JIS）と BOM', () => {
    const sjis = new Uint8Array([0x82, 0xa0, 0x82, 0xa2]); // 「あい」 in Shift_JIS
    expect(() => decodeAnswers(sjis, 'sjis.yaml')).toThrow(/sjis\.yaml: 文字コードが UTF-8 ではありません/u);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('kitei: 2\norganization: { name: A社, type: company, size: small }\n')]);
    expect(answersFromYaml(decodeAnswers(bom, 'bom.yaml'), 'bom.yaml').organization.name).toBe('A社');
  });
});
