import { describe, expect, it } from 'vitest';
import { AnswersError } from '../../src/answers/load.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, List, Paragraph, Section, Table } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { ReferenceError } from '../../src/transform/xref.js';
import { answersFrom } from '../support/build.js';
import { itemOf, sampleProfileYaml } from '../support/sample-profile.js';
import { chapterTemplates, stubSection, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, findSection, inlineRuns, numbered, sectionOf, sectionsIn, tableRows, tablesIn, xrefsIn } from '../support/model.js';

/**
 * 技術的対策 4 バックアップ・5 リストア手順・6 システム開発及び保守, made from the inventory's
 * `backup` and `critical` facts and from `rules.backup` / `rules.vulnerability`.
 *
 * The three real template files run inside a small template set whose other sections are stand-ins
 * with the ids this part refers to (so the tests depend only on this part's templates); the
 * completeness test checks the same files inside the whole rulebook.
 */

const MINE = chapterTemplates('4-technical', /^0[456]-/u);

const TEMPLATES = templateSet({
  組織的対策: {
    '01.md': stubSection('情報セキュリティのための組織', 'org-organization'),
    '02.md': stubSection('情報セキュリティ取組みの監査・点検', 'org-audit'),
    '03.md': stubSection('情報セキュリティに関する情報共有', 'org-information-sharing'),
  },
  人的対策: { '01.md': stubSection('雇用条件', 'hr-employment') },
  物理的対策: {
    '01.md': stubSection('入退管理', 'phys-entry'),
    '02.md': stubSection('施設', 'phys-facilities'),
    '03.md': stubSection('領域', 'phys-area-rules'),
    '04.md': stubSection('搬入', 'phys-deliveries'),
    '05.md': stubSection('クリアデスク', 'phys-clear-desk-screen'),
    '06.md': stubSection('廃棄・返却・譲渡', 'phys-disposal'),
  },
  技術的対策: {
    '01.md': stubSection('アクセス制御及び認証に関する標準設定等', 'tech-access-standards'),
    '02.md': stubSection('IT機器利用', 'tech-it-use'),
    '03.md': stubSection('IT基盤運用管理', 'tech-infrastructure'),
    ...MINE,
  },
});

/** A company that states nothing but its name (medium: it develops software unless it says otherwise). */
const COMPANY = `
kitei: 2
organization: { name: テスト工業株式会社, type: company, size: medium }
document: { effectiveDate: 2026-04-01 }
`;
/** The IPA sample's own facts. */
const SAMPLE = sampleProfileYaml();

const run = (yaml: string): GenerateResult => generate(answersFrom(yaml), TEMPLATES);
const rulebookOf = (yaml: string): Document => run(yaml).documents[0]!;

const technical = (doc: Document): Chapter => chapterTitled(doc, '技術的対策');
const section = (doc: Document, id: string): Section => sectionOf(technical(doc), id);
const textOf = (blocks: readonly Block[]): string => blocksText(blocks);
const sectionText = (doc: Document, id: string): string => textOf([section(doc, id)]);
const linesOf = (doc: Document, id: string): string[] => inlineRuns([section(doc, id)]).map(inlineText);
const topLevel = (doc: Document) => sectionsIn(technical(doc).children).map(numbered);
const subsections = (doc: Document, id: string) => sectionsIn(section(doc, id).children).map(numbered);
const gapsOf = (result: GenerateResult) => result.unfilled.map((u) => `${u.key} ${u.question}`);

function firstTable(blocks: readonly Block[]): Table {
  const [table] = tablesIn(blocks);
  if (!table) throw new Error('表がありません');
  return table;
}

const xrefs = xrefsIn;

describe('IPA サンプルの事実（株式会社・クラウドへのバックアップと自社開発あり）', () => {
  const doc = rulebookOf(SAMPLE);

  it('4 バックアップ・5 リストア手順・6 システム開発及び保守がサンプルの順と番号で並ぶ', () => {
    expect(topLevel(doc).slice(3)).toEqual(['4 バックアップ', '5 リストア手順', '6 システム開発及び保守']);
    expect(subsections(doc, 'tech-backup')).toEqual([
      '4.1 バックアップ取得対象',
      '4.2 バックアップ媒体の取り扱い',
      '4.3 クラウドサービスを利用したバックアップ',
      '4.4 バックアップの取得頻度と保管期間',
    ]);
    expect(subsections(doc, 'tech-restore')).toEqual([
      '5.1 リストア手順書の整備',
      '5.2 リストア前の準備',
      '5.3 リストアの手順',
      '5.4 定期的な訓練と手順書の見直し',
      '5.5 重要事項',
    ]);
    expect(subsections(doc, 'tech-development').map((s) => s.split(' ')[0])).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6']);
    expect(subsections(doc, 'tech-vulnerability-management')).toEqual([
      '6.6.1 脆弱性管理手順書の整備',
      '6.6.2 役割・責任',
      '6.6.3 脆弱性情報の収集',
      '6.6.4 脆弱性情報の対応要否判断',
      '6.6.5 脆弱性情報の対応手順',
      '6.6.6 脆弱性の残存状況を把握するための仕組みを整備',
      '6.6.7 脆弱性対応状況一覧の作成・確認',
      '6.6.8 手順書の見直し',
    ]);
  });

  it('4.1 の表は、バックアップを書いた項目ごと・行ごとに、保管先の項目の名前で出る', () => {
    expect(tableRows(firstTable([section(doc, 'tech-backup-targets')]))).toEqual([
      ['機器名', '対象', '方法', '保管先'],
      ['ファイルサーバー', 'ユーザーファイル', 'Windows Server バックアップ', 'NASサーバー'],
      ['ファイルサーバー', '設定ファイル', 'Windows Server バックアップ', 'NASサーバー'],
      ['給与計算システム', 'アプリケーションデータ', 'ファイルコピー', '専用外付けHDD（暗号化機能付）'],
      ['会計システム', 'アプリケーションデータ', 'アプリケーションバックアップ機能', 'クラウドバックアップサービス'],
      ['業務システム', 'アプリケーションデータ', '同期ツール', '外付けHDD'],
      ['業務システム', 'プログラムファイル', '同期ツール', 'クラウドバックアップサービス'],
      ['Webサーバー（ホスティングサービス）', 'ホームページ', '同期ツール', 'NASサーバー'],
    ]);
  });

  it('4.2 の保管は保管先の項目の storage、4.4 はデータの種類ごとに 1 行', () => {
    expect(linesOf(doc, 'tech-backup-media')).toEqual(
      expect.arrayContaining(['＜保管＞', 'NASサーバー：施錠付きサーバーラックに収納', '可搬電子媒体：施錠付きキャビネットに保管']),
    );
    const lines = linesOf(doc, 'tech-backup-frequency');
    expect(lines.filter((line) => line.startsWith('業務データ：'))).toEqual(['業務データ：週に１回フルバックアップし、その他の日に差分バックアップ']);
    expect(lines).toContain('ホームページ：更新時にバックアップ');
  });

  it('相互参照は現在の番号で出る（4.2 → 物理的対策、6.2 ↔ 6.6、6.6.3 → 組織的対策、6.6.5 → 6.6.7・6.2）', () => {
    expect(xrefs([section(doc, 'tech-backup-media')])).toEqual([{ target: 'phys-disposal', text: '「3.物理的対策」の「6.廃棄・返却・譲渡」' }]);
    expect(xrefs([section(doc, 'tech-dev-vulnerabilities')])).toEqual([{ target: 'tech-vulnerability-management', text: '「6.6 脆弱性管理」' }]);
    expect(xrefs([section(doc, 'tech-dev-maintenance')])).toEqual([{ target: 'tech-vulnerability-management', text: '「6.6 脆弱性管理」' }]);
    expect(xrefs([section(doc, 'tech-vuln-collection')])).toEqual([
      { target: 'org-information-sharing', text: '「1.組織的対策」の「3.情報セキュリティに関する情報共有」' },
    ]);
    expect(xrefs([section(doc, 'tech-vuln-response')])).toEqual([
      { target: 'tech-dev-vulnerabilities', text: '「6.2 脆弱性への対処」' },
      { target: 'tech-vuln-status-list', text: '「6.6.7 脆弱性対応状況一覧の作成・確認」' },
    ]);
  });

  it('5.3 のリストア手順は手順1〜5の下に番号付きの小手順を持つ', () => {
    const [outer] = section(doc, 'tech-restore-procedure').children.filter((b): b is List => b.type === 'list');
    const procedure = outer!.children[1]!;
    const steps = procedure.children.find((b): b is List => b.type === 'list')!;
    expect(steps.children.map((item) => inlineText((item.children[0] as Paragraph).children))).toEqual([
      '手順 1: システムの初期状態確認',
      '手順 2: バックアップデータの取得',
      '手順 3: データの復元',
      '手順 4: システムの動作確認',
      '手順 5: 関係者への報告',
    ]);
    const inner = steps.children.map((item) => item.children.find((b): b is List => b.type === 'list')!);
    expect(inner.map((list) => [list.ordered, list.children.length])).toEqual([
      [true, 2],
      [true, 2],
      [true, 4],
      [true, 2],
      [true, 2],
    ]);
  });

  it('5.2 の目標と 5.5 の復旧時間目標は、事業継続に欠かせない項目の critical から作る', () => {
    expect(linesOf(doc, 'tech-restore-preparation')).toEqual(
      expect.arrayContaining(['ファイルサーバー：24時間以内（前日の定期バックアップを基準とする）', '業務システム：2時間以内（業務停止の影響を最小化するため）']),
    );
    expect(linesOf(doc, 'tech-restore-essentials')).toContain('定められた復旧時間目標（ファイルサーバー：4時間以内、業務システム：2時間以内）を遵守する。');
    expect(linesOf(doc, 'tech-restore-essentials')).toContain('復旧ポイント目標（RPO）を満たす最新のバックアップおよびトランザクションデータログを常に確保する。');
  });
});

describe('事実を書いていない組織', () => {
  const result = run(COMPANY);
  const doc = result.documents[0]!;

  it('4.1 と 4.4 は inventory[].backup を指す要記入の行になり、サンプルの行は出ない', () => {
    const rows = tableRows(firstTable([section(doc, 'tech-backup-targets')]));
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe('【要記入：バックアップを取る機器・システムと、その方法・保管先・頻度・保管期間（inventory の backup）】');
    expect(result.unfilled.map((u) => u.key)).toContain('inventory[].backup');
    expect(linesOf(doc, 'tech-backup-frequency')[2]).toMatch(/^データ：【要記入：/u);
    expect(textOf(technical(doc).children)).not.toMatch(/ファイルサーバー|給与計算システム|NASサーバー|Windows Server/u);
  });

  it('クラウドの保管先も保管方法もなく、復旧目標もなければ、その節・文がなくなり番号が詰まる', () => {
    expect(subsections(doc, 'tech-backup')).toEqual(['4.1 バックアップ取得対象', '4.2 バックアップ媒体の取り扱い', '4.3 バックアップの取得頻度と保管期間']);
    expect(subsections(doc, 'tech-restore')).toEqual([
      '5.1 リストア手順書の整備',
      '5.2 リストアの手順',
      '5.3 定期的な訓練と手順書の見直し',
      '5.4 重要事項',
    ]);
    expect(sectionText(doc, 'tech-backup-media')).not.toContain('＜保管＞');
    expect(linesOf(doc, 'tech-restore-essentials')).toEqual([
      '重要事項',
      '最新のバックアップおよびトランザクションデータログを常に確保する。',
      '復旧作業中は、システム管理者と緊密に連携する。',
    ]);
  });

  it('頻度・期限は推奨値付きの要記入（規模に合わせた推奨）', () => {
    expect(gapsOf(result)).toEqual(
      expect.arrayContaining([
        'rules.backup.restoreTraining バックアップからの復元（リストア）訓練の頻度（推奨: 年2回）',
        'rules.backup.restoreManualReview リストア手順書を見直す頻度（推奨: 年1回以上）',
        'rules.vulnerability.sourceCheck 脆弱性情報（JVN・IPA）を確認する頻度（推奨: 日次）',
        'rules.vulnerability.urgencyHigh 緊急度「高」の脆弱性に対応する期限の目安（推奨: 1週間以内）',
      ]),
    );
    const small = run(COMPANY.replace('size: medium', 'size: small, developsSoftware: true'));
    expect(gapsOf(small)).toEqual(
      expect.arrayContaining([
        'rules.backup.restoreTraining バックアップからの復元（リストア）訓練の頻度（推奨: 年1回）',
        'rules.vulnerability.sourceCheck 脆弱性情報（JVN・IPA）を確認する頻度（推奨: 週次）',
      ]),
    );
  });

  it('バックアップしないと答えた項目（backup: none）だけなら、4.1 は要記入のまま', () => {
    const none = run(`${COMPANY}\ninventory: [{ id: m365, kind: cloud-service, name: Microsoft 365, backup: none }]`);
    expect(none.unfilled.map((u) => u.key)).toContain('inventory[].backup');
    expect(subsections(none.documents[0]!, 'tech-backup').map((s) => s.split(' ')[0])).toEqual(['4.1', '4.2', '4.3']);
  });
});

describe('クラウドへのバックアップ・自社開発の有無', () => {
  /** The sample with its cloud backup service replaced by a disk in the office. */
  const NO_CLOUD = sampleProfileYaml((p) => {
    Object.assign(itemOf(p, 'cloud-backup'), { kind: 'external-storage', name: '遠隔地保管用HDD' });
  });

  it('保管先にクラウドの項目がなければ 4.3 がなくなり、4.4 が 4.3 に繰り上がる', () => {
    const doc = rulebookOf(NO_CLOUD);
    expect(subsections(doc, 'tech-backup')).toEqual([
      '4.1 バックアップ取得対象',
      '4.2 バックアップ媒体の取り扱い',
      '4.3 バックアップの取得頻度と保管期間',
    ]);
    expect(sectionText(doc, 'tech-backup')).not.toContain('サービス要件');
    expect(tableRows(firstTable([section(doc, 'tech-backup-targets')])).flat()).not.toContain('クラウドバックアップサービス');
    expect(topLevel(doc).slice(3)).toEqual(['4 バックアップ', '5 リストア手順', '6 システム開発及び保守']);
  });

  it('保管先がクラウドサービス（cloud-service）でも 4.3 が入る', () => {
    const doc = rulebookOf(sampleProfileYaml((p) => {
      Object.assign(itemOf(p, 'cloud-backup'), { kind: 'cloud-service', name: 'オンラインストレージ' });
    }));
    expect(subsections(doc, 'tech-backup')[2]).toBe('4.3 クラウドサービスを利用したバックアップ');
  });

  it('保管先の id が inventory になければ、その行を指して止める', () => {
    const yaml = `${COMPANY}
inventory:
  - { id: nas, kind: nas, name: NAS }
  - id: fs
    kind: server
    name: ファイルサーバー
    backup:
      - { data: 共有フォルダー, method: 同期ツール, to: nass, every: 毎日, keep: 直近7日分 }
`;
    let error: unknown;
    try {
      answersFrom(yaml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnswersError);
    const issues = (error as AnswersError).issues;
    expect(issues.map((i) => i.key)).toEqual(['inventory.1.backup.0.to']);
    expect(issues[0]!.message).toContain('「nass」という機器・サービス（inventory の id）がありません。もしかして「nas」ですか？');
    expect(issues[0]!.line).toBe(yaml.split('\n').findIndex((l) => l.includes('to: nass')) + 1);
    expect(() => answersFrom(yaml.replace('to: nass', 'to: nas'))).not.toThrow();
  });

  it('developsSoftware: false で開発の節（6.1〜6.5）がなくなり、脆弱性管理が「6」として残る（issue 14 の 9）', () => {
    const doc = rulebookOf(sampleProfileYaml((p) => {
      (p.organization as Record<string, unknown>).developsSoftware = false;
    }));
    expect(topLevel(doc).slice(3)).toEqual(['4 バックアップ', '5 リストア手順', '6 脆弱性管理']);
    for (const id of ['tech-development', 'tech-dev-new', 'tech-dev-vulnerabilities', 'tech-dev-environment', 'tech-dev-maintenance', 'tech-dev-changes']) {
      expect(findSection(technical(doc).children, id), id).toBeUndefined();
    }
    expect(findSection(technical(doc).children, 'tech-vuln-scanning')!.number).toBe('6.6');
    const all = textOf(technical(doc).children);
    expect(all).not.toContain('システム開発');
    expect(all).not.toContain('ソフトウェア開発時の脆弱性');
  });

  it('書かなければ、medium は開発・保守を行い、small は行わない', () => {
    expect(topLevel(rulebookOf(COMPANY)).slice(3)).toEqual(['4 バックアップ', '5 リストア手順', '6 システム開発及び保守']);
    expect(topLevel(rulebookOf(COMPANY.replace('size: medium', 'size: small'))).slice(3)).toEqual(['4 バックアップ', '5 リストア手順', '6 脆弱性管理']);
  });

  it('クラウドへのバックアップも開発もなくても 4 と 5 は残り、番号が詰まる', () => {
    const doc = rulebookOf(NO_CLOUD.replace('developsSoftware: true', 'developsSoftware: false'));
    expect(topLevel(doc).slice(3)).toEqual(['4 バックアップ', '5 リストア手順', '6 脆弱性管理']);
    expect(subsections(doc, 'tech-backup').map((s) => s.split(' ')[0])).toEqual(['4.1', '4.2', '4.3']);
  });

  it('6 を外した回答で 6 の節を参照するテンプレートがあれば、参照エラーになる（参照検査が効いている）', () => {
    const probe = templateSet({
      // A section of in-house development only (脆弱性管理 itself stays without it).
      組織的対策: { '01.md': '# 参照元 {#probe}\n\n:ref{to=tech-dev-maintenance}\n' },
      人的対策: {},
      物理的対策: {},
      技術的対策: { '06.md': Object.entries(MINE).find(([file]) => file.includes('/06-'))![1] },
    });
    const answers = answersFrom(COMPANY.replace('size: medium', 'size: medium, developsSoftware: false'));
    expect(() => generate(answers, probe)).toThrow(ReferenceError);
  });
});

describe('リストの回答', () => {
  const PROFILE = `${COMPANY}
people:
  - { id: admin, title: 管理部長, roles: [systemAdmin, incidentOfficer] }
  - { id: sales-head, title: 営業部長 }
departments:
  - { id: sales, name: 営業部, head: sales-head }
inventory:
  - id: core
    kind: server
    name: 基幹システム
    backup:
      - { data: 受注データ, method: スナップショット, to: remote-nas, every: 毎日フルバックアップ, keep: 直近30日分 }
      - { data: 出荷データ, category: 受注データ, method: スナップショット, to: remote-nas, every: 毎日フルバックアップ, keep: 直近30日分 }
    critical:
      operations: 受注から出荷まで
      rpo: { target: 15分以内 }
      rto: { target: 3時間以内, reason: 出荷を止めないため }
  - id: accounting
    kind: business-system
    name: 経理システム
    backup:
      - { data: 会計データ, method: ファイルコピー, to: usb, every: 毎週金曜日, keep: 直近4週分 }
    critical:
      operations: 支払と請求
      rto: { target: 翌営業日まで }
  - { id: remote-nas, kind: nas, name: 遠隔地のNAS }
  - { id: usb, kind: external-storage, name: 暗号化USBメモリ }
rules:
  backup: { restoreTraining: 年1回, restoreManualReview: 半年に1回以上 }
  vulnerability:
    department: 情報システム課
    sources: [JVN iPedia, 製品ベンダーのセキュリティ情報, JPCERT/CC 注意喚起]
    sourceCheck: 週次
    urgencyHigh: 3営業日以内
    urgencyMedium: 2週間以内
    scan: 四半期に1回以上
    statusListReview: 隔週
    procedureReview: 半年に1回
`;
  const doc = rulebookOf(PROFILE);

  it('4.1 の表は回答の行だけになる', () => {
    expect(tableRows(firstTable([section(doc, 'tech-backup-targets')])).slice(1)).toEqual([
      ['基幹システム', '受注データ', 'スナップショット', '遠隔地のNAS'],
      ['基幹システム', '出荷データ', 'スナップショット', '遠隔地のNAS'],
      ['経理システム', '会計データ', 'ファイルコピー', '暗号化USBメモリ'],
    ]);
  });

  it('4.2 の保管方法がどの保管先にもなければ＜保管＞を書かず、廃棄・再利用の規定は残る', () => {
    const text = sectionText(doc, 'tech-backup-media');
    expect(text).not.toContain('＜保管＞');
    expect(text).toContain('＜廃棄・再利用＞');
    const stored = rulebookOf(PROFILE.replace('name: 暗号化USBメモリ }', 'name: 暗号化USBメモリ, storage: 金庫に保管 }'));
    expect(linesOf(stored, 'tech-backup-media')).toEqual(expect.arrayContaining(['＜保管＞', '暗号化USBメモリ：金庫に保管']));
    expect(linesOf(stored, 'tech-backup-media').join('\n')).not.toContain('遠隔地のNAS');
  });

  it('4.4 はデータの種類ごとに頻度と保管期間を書き、同じ種類・頻度・期間は 1 行にまとめる', () => {
    const lines = linesOf(doc, 'tech-backup-frequency');
    expect(lines.slice(2)).toEqual(['受注データ：毎日フルバックアップ', '直近30日分を保有', '会計データ：毎週金曜日', '直近4週分を保有']);
    expect(lines.join('\n')).not.toContain('業務データ');
  });

  it('5.2 の RPO・RTO は critical を書いた項目の行で、理由がなければ括弧を付けない', () => {
    const lines = linesOf(doc, 'tech-restore-preparation');
    expect(lines).toContain('基幹システム：15分以内');
    expect(lines).toContain('基幹システム：3時間以内（出荷を止めないため）');
    expect(lines).toContain('経理システム：翌営業日まで');
    expect(lines.join('\n')).not.toContain('ファイルサーバー');
  });

  it('RTO を定めなければ 5.2 は RPO だけ、5.5 に復旧時間目標の文は出ない', () => {
    const rpoOnly = rulebookOf(PROFILE.replace('      rto: { target: 3時間以内, reason: 出荷を止めないため }\n', '').replace('      rto: { target: 翌営業日まで }\n', ''));
    const lines = linesOf(rpoOnly, 'tech-restore-preparation');
    expect(lines).toContain('復旧ポイント目標 (RPO)：データ損失を許容できる最大の期間');
    expect(lines.join('\n')).not.toContain('復旧時間目標 (RTO)');
    const essentials = linesOf(rpoOnly, 'tech-restore-essentials');
    expect(essentials.join('\n')).not.toContain('定められた復旧時間目標');
    expect(essentials).toContain('復旧ポイント目標（RPO）を満たす最新のバックアップおよびトランザクションデータログを常に確保する。');
  });

  it('5.4・5.5 の頻度と目標は回答に従う', () => {
    expect(linesOf(doc, 'tech-restore-training')).toEqual(
      expect.arrayContaining([
        'リストア作業の訓練を定期的（年1回）に実施し、担当者の技能を向上させる。',
        '手順書は、事業継続要件やシステム構成の変更に応じて、半年に1回以上の頻度で見直しを行う。',
      ]),
    );
    expect(linesOf(doc, 'tech-restore-essentials')).toContain('定められた復旧時間目標（基幹システム：3時間以内、経理システム：翌営業日まで）を遵守する。');
  });

  it('6.6 の部門・入手先・頻度・期限は回答に従う', () => {
    const text = sectionText(doc, 'tech-vulnerability-management');
    expect(text).toContain('脆弱性管理においては、システム管理者（情報システム課）が以下役割を担う。');
    expect(text).toContain('システム管理者の指示の下、情報システム課や各部門の関係者は適宜対応する。');
    expect(text).toContain('JVN iPediaや製品ベンダーのセキュリティ情報やJPCERT/CC 注意喚起を週次で確認する。');
    expect(text).toContain('高：速やかな対応が必要（目安：3営業日以内）。');
    expect(text).toContain('中：計画的な対応が必要（目安：2週間以内）。');
    expect(text).toContain('スキャン頻度：四半期に1回以上、脆弱性スキャナを用いて管理対象機器をスキャン。');
    expect(text).toContain('脆弱性対応状況一覧を作成し、隔週で確認する。');
    expect(text).toContain('手順書は、少なくとも半年に1回、または重大なセキュリティインシデント発生時に見直しを行い');
    expect(text).not.toContain('日次');
    expect(text).not.toContain('月1回以上');
  });

  it('部門が null なら括弧書きと「…や」を省き、部門がなければ「各部門の」も省く', () => {
    const text = sectionText(rulebookOf(`${COMPANY}\nrules: { vulnerability: { department: null } }`), 'tech-vuln-roles');
    expect(text).toContain('脆弱性管理においては、システム管理者が以下役割を担う。');
    expect(text).toContain('システム管理者の指示の下、関係者は適宜対応する。');
    expect(text).not.toContain('（');
    expect(text).not.toContain('各部門');
  });
});

describe('協会の語彙と役割名', () => {
  const doc = rulebookOf(`
kitei: 2
organization: { name: テスト振興協会, type: association, size: medium }
people:
  - { id: director, title: 事務局長 }
departments:
  - { id: office, name: 事務局, head: director }
roles: { systemAdmin: { name: 情報システム管理者 } }
inventory:
  - id: files
    kind: nas
    name: 共有フォルダー
    backup: [{ data: 会員データ, method: 同期ツール, to: cloud, every: 毎日, keep: 直近30日分 }]
  - { id: cloud, kind: cloud-backup, name: クラウドバックアップ }
`);

  it('協会・所属・規程名・改名した役割がそのまま入る', () => {
    const all = textOf(sectionsIn(technical(doc).children).slice(3));
    expect(all).toContain('サービス提供者のサービス利用約款、情報セキュリティ基本方針が、当協会の情報セキュリティ対策基準に適合している。');
    expect(all).toContain('当協会事業所がある地域で発生する震災、水害等の影響を受けない地域の施設であること。');
    expect(all).toContain('情報システム管理者は、以下の機器で処理するデータのバックアップを定期的に取得する。');
    expect(all).toContain('復旧作業中は、情報システム管理者と緊密に連携する。');
    expect(all).toContain('脆弱性管理においては、情報システム管理者が以下役割を担う。');
    expect(all).toContain('情報システム管理者の指示の下、各所属の関係者は適宜対応する。');
    expect(all).toContain('脆弱性が当協会の業務プロセスに与える影響を以下の基準で評価する。');
    expect(all).not.toMatch(/当社|自社|社外秘|従業員|システム部門|(?<!情報)システム管理者/u);
  });
});

describe('値は文字どおりに出る', () => {
  it('Markdown の記号を含む値が構造を変えない', () => {
    const tricky = '**太字** | [x](y) # 見出し <b>';
    const doc = rulebookOf(`${COMPANY}
people: [{ id: admin, title: 管理部長, roles: [systemAdmin] }]
inventory:
  - id: a
    kind: server
    name: "${tricky}"
    backup: [{ data: "a|b", method: "- 箇条", to: nas, every: 毎日, keep: 直近7日分 }]
  - { id: nas, kind: nas, name: NAS }
  - { id: core, kind: business-system, name: "*基幹*", critical: { operations: 受注, rto: { target: "1. 2時間以内" } } }
`);
    const rows = tableRows(firstTable([section(doc, 'tech-backup-targets')]));
    expect(rows).toEqual([
      ['機器名', '対象', '方法', '保管先'],
      [tricky, 'a|b', '- 箇条', 'NAS'],
    ]);
    expect(linesOf(doc, 'tech-restore-essentials')).toContain('定められた復旧時間目標（*基幹*：1. 2時間以内）を遵守する。');
    const markdown = renderMarkdown(doc);
    expect(markdown).not.toContain('| **太字** |');
    expect(markdown).not.toMatch(/^# 見出し/mu);
  });
});
