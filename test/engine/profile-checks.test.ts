import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { AnswersError, loadedFromYaml } from '../../src/answers/load.js';
import { sampleProfile } from '../support/sample-profile.js';

/**
 * `kitei check` finds contradictions, not only gaps (issue 13): ids that name nothing are errors at
 * their line; things that leave the policy true but are probably not meant are warnings.
 */

const BASE = `kitei: 2
organization: { name: テスト設計株式会社, type: company, size: small }
people:
  - { id: ceo, title: 代表取締役, roles: [head, securityOfficer] }
  - { id: admin, title: 総務担当, roles: [systemAdmin, incidentOfficer] }
`;

const errorsOf = (yaml: string): string => {
  try {
    loadedFromYaml(yaml, 'test.yaml');
  } catch (error) {
    if (error instanceof AnswersError) return error.message;
    throw error;
  }
  return '';
};
const warningsOf = (yaml: string): string[] => loadedFromYaml(yaml, 'test.yaml').warnings.map((w) => `${w.file}:${w.line}: ${w.key}: ${w.message}`);

describe('誤り: 書いた id がどこにもない（規程が存在しないものを名指すことになる）', () => {
  it('部門の長・バックアップ先・復旧責任者・緊急連絡先・保守事業者の担当は、それぞれの一覧の id で書き、ない id はその行で報告する', () => {
    const message = errorsOf(`${BASE}departments:
  - { id: sales, name: 営業部, head: sale }
inventory:
  - { id: nas, kind: nas, name: NAS, backup: [{ data: 図面, method: 複製, to: cloud, every: 毎日, keep: 30日分 }], critical: { operations: 図面の共有, owners: [boss] } }
vendors:
  - { id: vendor, name: 保守会社, supports: [nass] }
continuity:
  recovery: [{ targets: [電源設備], owners: [ceo2] }]
rules:
  incident: { emergencyContacts: [admin, nobody] }
`);
    expect(message).toContain('test.yaml:7: departments.0.head: 「sale」という人（people の id）がいません');
    expect(message).toContain('test.yaml:9: inventory.0.backup.0.to: 「cloud」という機器・サービス（inventory の id）がありません');
    expect(message).toContain('inventory.0.critical.owners.0: 「boss」という人（people の id）がいません');
    expect(message).toContain('vendors.0.supports.0: 「nass」という機器・サービス（inventory の id）がありません。もしかして「nas」ですか？');
    expect(message).toContain('continuity.recovery.0.owners.0: 「ceo2」という人（people の id）がいません。もしかして「ceo」ですか？');
    expect(message).toContain('rules.incident.emergencyContacts.1: 「nobody」という人（people の id）がいません');
  });

  it('規程に少なくとも1行が要る一覧（基本方針の参照方法・機密性の表示・保管方法）を空にすると、その行で報告する', () => {
    const message = errorsOf(`${BASE}rules:\n  policyAccess: []\n  labeling: []\n  storage: []\n`);
    expect(message).toContain('test.yaml:7: rules.policyAccess: 参照できるようにする方法を少なくとも1つ記入してください');
    expect(message).toContain('test.yaml:8: rules.labeling: 表示方法を少なくとも1つ記入してください');
    expect(message).toContain('test.yaml:9: rules.storage: 保管方法を少なくとも1つ記入してください');
    expect(message).not.toContain('規程の表に直したときの誤り');
  });

  it('どの一覧を空にしても、誤りは回答ファイルのキーとその行で報告する（規程の表に直してからの誤りにならない）', () => {
    const lists: string[][] = [];
    const walk = (value: unknown, path: string[]): void => {
      if (Array.isArray(value)) {
        lists.push(path);
        value.forEach((entry, i) => walk(entry, [...path, String(i)]));
      } else if (value && typeof value === 'object') for (const [key, entry] of Object.entries(value)) walk(entry, [...path, key]);
    };
    walk(sampleProfile(), []);
    expect(lists.length).toBeGreaterThan(50);
    const unlocated = lists.flatMap((path) => {
      const profile = sampleProfile() as unknown as Record<string, unknown>;
      let parent = profile;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      parent[path[path.length - 1]!] = [];
      const message = errorsOf(stringify(profile));
      return message.includes('規程の表に直したときの誤り') ? [`${path.join('.')}: ${message}`] : [];
    });
    expect(unlocated).toEqual([]);
  });

  it('委託先評価基準をすべて外すと、その行で報告する（評価の基準のない評価を規程に書かない）', () => {
    const none = 'rules:\n  outsourcing:\n    criteria: { isms: false, privacyMark: false, securityAction: null, scs: null, audit: false, publishedPolicy: false, checklist: null }\n';
    expect(errorsOf(`${BASE}${none}`)).toContain('test.yaml:8: rules.outsourcing.criteria: 委託先評価基準がありません');
    expect(errorsOf(`${BASE}${none.replace('checklist: null', 'checklist: null, additional: [取引実績が3年以上ある]')}`)).toBe('');
  });

  it('同じ一覧の中で id が重なる、代表者が2人いる', () => {
    expect(errorsOf(`${BASE}inventory:\n  - { id: pc, kind: pc-os, product: Windows }\n  - { id: pc, kind: browser, product: Edge }\n`)).toContain('inventory.1.id: id「pc」は inventory の 1 番目でも使われています');
    expect(errorsOf(BASE.replace('roles: [systemAdmin, incidentOfficer]', 'roles: [head, systemAdmin]'))).toContain('代表者（head）は1人にしてください（代表取締役・総務担当）');
  });

  it('事業継続に欠かせないシステムに復旧責任者がいない（owners もインシデント対応責任者・システム管理者もいない）', () => {
    const nobody = `kitei: 2\norganization: { name: テスト株式会社, type: company, size: small }\ninventory:\n  - { id: m365, kind: cloud-service, name: Microsoft 365, critical: { operations: 受注業務 } }\n`;
    expect(errorsOf(nobody)).toContain('inventory.0.critical: 事業継続に欠かせないシステム「Microsoft 365」の復旧責任者がいません');
  });
});

describe('警告: 文書は作れるが、たぶん意図していない', () => {
  it('本文の代表者（terms.head）と署名する代表者の役職が違う', () => {
    expect(warningsOf(`${BASE}terms: { head: 社長 }\n`).join('\n')).toContain('test.yaml:6: terms.head: 本文の代表者「社長」と、署名する代表者（people の head）の役職「代表取締役」が違います');
  });

  it('情報セキュリティ責任者が監査・点検責任者を兼ねる', () => {
    expect(warningsOf(BASE.replace('roles: [head, securityOfficer]', 'roles: [head, securityOfficer, auditor]')).join('\n')).toContain('代表取締役が情報セキュリティ責任者と監査・点検責任者を兼ねています');
  });

  it('情報を保存しているのに、どのバックアップにも入っていない（backup: none と書けば警告しない）', () => {
    const yaml = (backup: string) => `${BASE}inventory:\n  - { id: nas, kind: nas, name: NAS, holds: [図面データ]${backup} }\n`;
    expect(warningsOf(yaml('')).join('\n')).toContain('test.yaml:7: inventory.0.holds: 「NAS」は情報（図面データ）を保存していますが、どのバックアップにも入っていません');
    expect(warningsOf(yaml(', backup: none'))).toEqual([]);
  });

  it('組織の種類と食い違う利害関係者の語（社会福祉法人の「患者」）', () => {
    const welfare = `kitei: 2\norganization: { name: 社会福祉法人テスト会, type: welfare, size: small }\nterms: { stakeholders: 患者・利用者、取引先等 }\n`;
    expect(warningsOf(welfare).join('\n')).toContain('test.yaml:3: terms.stakeholders: 「患者」は医療法人（病院・診療所）の語です。組織の種類（社会福祉法人）に合う語にしてください');
  });

  it('その種類の表に載らない項目（ブラウザの requirements、NAS の version）は文書に載らないと知らせる', () => {
    const lost = warningsOf(`${BASE}inventory:\n  - { id: edge, kind: browser, product: Edge, requirements: [{ requirement: 利用者認証 }] }\n  - { id: nas, kind: nas, name: NAS, version: DSM 7 }\n`);
    expect(lost).toContain('test.yaml:7: inventory.0.requirements: requirements は種類 browser（ブラウザ）では文書に載りません');
    expect(lost).toContain('test.yaml:8: inventory.1.version: version は種類 nas（NAS）では文書に載りません');
  });

  it('行わないと答えた部分に関わる回答（telework: none なのにテレワークの用途、myNumber: none なのに事務取扱責任者）', () => {
    const yaml = `${BASE.replace('roles: [systemAdmin, incidentOfficer]', 'roles: [systemAdmin, incidentOfficer, myNumberManager]')}telework: none\nmyNumber: none\ninventory:\n  - { id: m365, kind: cloud-service, name: Microsoft 365, telework: { uses: [電子メール] } }\n`;
    const warnings = warningsOf(yaml).join('\n');
    expect(warnings).toContain('テレワークを行わない（telework: none）ので、テレワークの用途は文書に載りません');
    expect(warnings).toContain('マイナンバーを扱わない（myNumber: none）ので、特定個人情報の事務取扱責任者の役割は文書に載りません');
  });

  it('バックアップ先の名前はクラウドなのに、種類がクラウドでない（4.3 の規定が入らない）', () => {
    const yaml = `${BASE}inventory:\n  - { id: nas, kind: nas, name: NAS, backup: [{ data: 図面, method: 複製, to: c2, every: 毎日, keep: 30日分 }] }\n  - { id: c2, kind: external-storage, name: クラウドストレージ C2 }\n`;
    expect(warningsOf(yaml).join('\n')).toContain('inventory.0.backup.0.to: バックアップ先「クラウドストレージ C2」はクラウドサービスのようですが、種類が external-storage');
    expect(warningsOf(yaml.replace('kind: external-storage', 'kind: cloud-backup'))).toEqual([]);
  });

  it('管理区域がセキュリティ領域の部屋にない', () => {
    const yaml = `${BASE}areas:\n  - { level: 2, rooms: [事務所], locking: 施錠, devices: パソコン, records: null, intrusionDetection: null, fireProtection: 消火器 }\nmyNumber:\n  contact: { desk: 総務担当 }\n  managementArea: [事務所の金庫]\n  handlingArea: [総務担当の席]\n`;
    expect(warningsOf(yaml).join('\n')).toContain('myNumber.managementArea.0: 「事務所の金庫」は areas の部屋・場所にありません');
  });

  it('サーバー・NAS がないのに、関連設備の規定がサーバーの施錠を定める（サーバーがあれば警告しない）', () => {
    const rules = `rules:\n  physical:\n    facilities:\n      - LANケーブルは床下配線とする。\n      - サーバーは専用ラックに入れて施錠する。\n`;
    expect(warningsOf(`${BASE}${rules}`)).toEqual([
      'test.yaml:10: rules.physical.facilities.1: 関連設備の規定がサーバーについて定めていますが、inventory にサーバー・NAS がありません。サーバーがあるなら inventory に書き、なければこの行を消してください',
    ]);
    expect(warningsOf(`${BASE}inventory:\n  - { id: nas, kind: nas, name: NAS, backup: none }\n${rules}`)).toEqual([]);
  });

  it('食い違いのないプロフィールは警告なし（同梱の完成した例）', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['answers/aoba-seiki.yaml', 'answers/komorebi-sekkei.yaml']) expect(loadedFromYaml(readFileSync(file, 'utf8'), file).warnings).toEqual([]);
  });
});

describe('以前の形式', () => {
  it('章ごとの回答（kitei: 2 のないファイル）は、移し替えの案内とともに断る', () => {
    const message = errorsOf('organization: { name: テスト株式会社, type: company }\noptions: { telework: false }\ntechnical: { webRestriction: notice }\n');
    expect(message).toContain('test.yaml:1: kitei: この回答ファイルは以前の形式です（technical・options の章ごとの回答）');
    expect(message).toContain('docs/migration.md');
  });
});
