import { describe, expect, it } from 'vitest';
import { AnswersError } from '../../src/answers/load.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, List, Section } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { answersFrom, MINIMAL_COMPANY } from '../support/build.js';
import { chapterTemplates, templateSet } from '../support/templates.js';
import { blocksText, chapterTitled, inlineRuns, numbered, sectionOf, sectionsIn, tableRows, tablesIn, xrefsIn } from '../support/model.js';

/**
 * 組織的対策 1〜7: the profile's rules.audit / policyAccess / labeling / storage / laptopEncryption /
 * smallMediaMeasure / accounts / confidentialEmail, confidentiality, and the OS of the inventory (6.10).
 *
 * The real template files 01–07 run inside a small template set whose other chapters are stand-ins
 * holding the ids these sections refer to (技術的対策 1.アクセス制御及び認証に関する標準設定等 with
 * 1.2 and 1.3), so the tests depend only on this part's templates; the completeness test checks the
 * same files inside the whole rulebook.
 */


const TEMPLATES = templateSet({
  組織的対策: chapterTemplates('1-organizational', /^0[1-7]-/u),
  人的対策: {},
  物理的対策: {},
  技術的対策: {
    '01.md': [
      '# アクセス制御及び認証に関する標準設定等 {#tech-access-standards}',
      '## アクセス制御対象情報システム {#tech-access-systems}',
      '本文',
      '## 利用者認証方法 {#tech-user-auth}',
      '本文',
      '## 端末認証方法 {#tech-device-auth}',
      '本文',
    ].join('\n\n'),
  },
});

/** A company with a department (so 5.6 has a 所属部門長) and a representative who is the security officer. */
const COMPANY = `${MINIMAL_COMPANY}document: { effectiveDate: 2026-04-01 }
people:
  - { id: ceo, title: 代表取締役, roles: [head, securityOfficer] }
  - { id: sales-head, title: 営業部長 }
departments:
  - { id: sales, name: 営業部, head: sales-head }
`;

const ASSOCIATION = `
kitei: 2
organization: { name: 一般社団法人テスト協会, type: association, size: medium }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: chair, title: 理事長, roles: [head, securityOfficer] }
  - { id: secretariat, title: 事務局長 }
departments:
  - { id: office, name: 事務局, head: secretariat }
`;

/** The sample's values of 6.10, as an organization that adopts them writes them. */
const SAMPLE_ACCOUNTS = `
    privileged: { lockoutThreshold: 3, lockoutDuration: 6, lockoutUnit: hours, minLength: 12 }
    general: { lockoutThreshold: 10, lockoutDuration: 1, lockoutUnit: hours, minLength: 8, fallbackMinLength: 10 }
    unlockMinLength: 6
`;

const run = (yaml: string): GenerateResult => generate(answersFrom(yaml), TEMPLATES);
const rulebookOf = (yaml: string): Document => run(yaml).documents[0]!;

const organizational = (doc: Document): Chapter => chapterTitled(doc, '組織的対策');
const section = (doc: Document, id: string): Section => sectionOf(organizational(doc), id);
const textOf = (blocks: readonly Block[]): string => blocksText(blocks);
const sectionText = (doc: Document, id: string): string => textOf([section(doc, id)]);
const linesOf = (doc: Document, id: string): string[] => inlineRuns([section(doc, id)]).map(inlineText);
const topLevel = (doc: Document) => sectionsIn(organizational(doc).children).map(numbered);
const subsections = (doc: Document, id: string) => sectionsIn(section(doc, id).children).map(numbered);
const tables = tablesIn;

function listItems(doc: Document, id: string, index = 0): string[] {
  const list = section(doc, id).children.filter((b): b is List => b.type === 'list')[index];
  if (!list) throw new Error(`${id} に箇条書きがありません`);
  return list.children.map((item) => textOf(item.children));
}

const xrefs = xrefsIn;

const errorOf = (yaml: string): AnswersError => {
  try {
    answersFrom(yaml);
  } catch (error) {
    if (error instanceof AnswersError) return error;
    throw error;
  }
  throw new Error('回答が通ってしまいました');
};

describe('既定（株式会社）', () => {
  const result = run(COMPANY);
  const doc = result.documents[0]!;

  it('1〜7 がサンプルの順と番号で並び、小節も 5.1〜5.8・6.1〜6.10・7.1〜7.4 になる', () => {
    expect(topLevel(doc)).toEqual([
      '1 情報セキュリティのための組織',
      '2 情報セキュリティ取組みの監査・点検',
      '3 情報セキュリティに関する情報共有',
      '4 情報セキュリティ基本方針の制定・管理',
      '5 情報資産・IT資産の管理',
      '6 アクセス制御及び認証',
      '7 インターネットの利用',
    ]);
    expect(subsections(doc, 'org-assets')).toEqual([
      '5.1 情報資産の特定と機密性の評価',
      '5.2 情報資産の分類の表示',
      '5.3 情報資産の管理責任者',
      '5.4 情報資産の利用者',
      '5.5 情報資産の保管先',
      '5.6 情報資産の社外持ち出し',
      '5.7 外部情報システムの管理',
      '5.8 IT資産の管理',
    ]);
    expect(subsections(doc, 'org-access-control')).toEqual([
      '6.1 アクセス制御方針',
      '6.2 利用者の認証',
      '6.3 利用者アカウントの登録',
      '6.4 利用者アカウントの管理',
      '6.5 パスワードの設定',
      '6.6 従業員以外の者に対する利用者アカウントの発行',
      '6.7 特権アカウント',
      '6.8 端末の識別による認証',
      '6.9 端末のタイムアウト機能',
      '6.10 利用者アカウント・パスワードの条件',
    ]);
    expect(subsections(doc, 'org-user-auth')).toEqual(['6.2.1 認証に関する基本方針', '6.2.2 多要素認証']);
    expect(subsections(doc, 'org-internet')).toEqual([
      '7.1 オンラインサービス',
      '7.2 SNSの個人利用',
      '7.3 電子メールの利用',
      '7.4 ウイルス感染の防止',
    ]);
  });

  it('相互参照は現在の番号で出る（サンプルの「1.2利用者認証方法」も正しい形になる）', () => {
    expect(xrefs([section(doc, 'org-access-policy')])).toEqual([
      { target: 'tech-access-standards', text: '「4.技術的対策」の「1.アクセス制御及び認証に関する標準設定等」' },
    ]);
    expect(xrefs([section(doc, 'org-auth-policy')])).toEqual([{ target: 'tech-user-auth', text: '「4.技術的対策」の「1.2 利用者認証方法」' }]);
    expect(xrefs([section(doc, 'org-mfa')])).toEqual([{ target: 'org-password', text: '「6.5 パスワードの設定」' }]);
    expect(xrefs([section(doc, 'org-account-registration')])).toEqual([
      { target: 'org-account-conditions', text: '「6.10 利用者アカウント・パスワードの条件」' },
    ]);
    expect(xrefs([section(doc, 'org-device-auth')])).toEqual([{ target: 'tech-device-auth', text: '「4.技術的対策」の「1.3 端末認証方法」' }]);
  });

  it('監査・点検の月は要記入で、kitei check の一覧に回答ファイルのキーで出る', () => {
    expect(linesOf(doc, 'org-audit')[1]).toContain('【要記入：監査・点検を行う月（例: 毎年9月）】に点検を行い、監査・点検結果および推進計画を');
    expect(result.unfilled).toContainEqual({ key: 'rules.audit.month', question: '監査・点検を行う月（例: 毎年9月）' });
  });

  it('3 の専門機関は IPA・JVN・JPCERT/CC・個人情報保護委員会（組織の回答ではなく規程の文言）', () => {
    expect(listItems(doc, 'org-information-sharing')).toEqual([
      '独立行政法人情報処理推進機構（略称：IPA）\nhttps://www.ipa.go.jp/security/',
      'JVN（Japan Vulnerability Notes）\nhttps://jvn.jp/index.html',
      '一般社団法人 JPCERT コーディネーションセンター（略称：JPCERT/CC）\nhttps://www.jpcert.or.jp/',
      '個人情報保護委員会\nhttps://www.ppc.go.jp/',
    ]);
  });

  it('4・5.2・5.5 の方法は回答がなければ1行の要記入（サンプルの例を組織の方法として書かない）', () => {
    expect(listItems(doc, 'org-basic-policy')).toEqual(['【要記入：基本方針・規程を従業員が参照できるようにする方法（例: 共有フォルダーへの格納）】']);
    expect(listItems(doc, 'org-asset-labeling')).toEqual(['【要記入：機密性の表示方法（例: 電子データ：ファイル名の先頭に表示）】']);
    expect(listItems(doc, 'org-asset-storage')).toEqual(['【要記入：非公開の情報資産の保管方法（例: 書類：施錠可能なキャビネット）】']);
    const keys = result.unfilled.map((u) => u.key);
    for (const key of ['rules.policyAccess', 'rules.labeling', 'rules.storage']) expect(keys).toContain(key);
  });

  it('5.1 の表は機密性レベルごとの行で、基準が1つのレベルは箇条書きにしない', () => {
    const [table] = tables([section(doc, 'org-asset-evaluation')]);
    expect(table!.headerRows).toBe(0);
    expect(table!.headerColumn).toBe(true);
    expect(tableRows(table!).map((row) => row[0])).toEqual(['機密性3：極秘', '機密性2：社外秘', '機密性1：公開']);
    const cells = table!.children.map((row) => row.children[1]!.children[0]!.type);
    expect(cells).toEqual(['list', 'paragraph', 'paragraph']);
    expect(tableRows(table!)[0]![1]).toContain('営業秘密（秘密として管理されているもの）として指定されている');
    // 完全性・可用性は設定したときだけ
    expect(sectionText(doc, 'org-asset-evaluation')).not.toContain('完全性');
  });

  it('5.6 は社外秘・極秘の順に許可者を書き、青字の選択肢は既定（ハードディスク・タグ）になる', () => {
    const items = listItems(doc, 'org-asset-take-out');
    expect(items.slice(0, 3)).toEqual([
      '社外秘の場合は所属部門長の許可を得る。',
      '極秘の場合は代表取締役の許可を得る。',
      'ノートパソコンのハードディスクに保存して持ち出す場合は、ハードディスクを暗号化する。',
    ]);
    expect(items).toContain('USBメモリ等の小型電子媒体は、大きなタグを付ける。');
    expect(items).toContain('屋外でネットワークへ接続して極秘又は社外秘の情報資産を送受信する場合は、暗号化する。');
    expect(items[items.length - 1]).toContain('共有日/時刻\n');
  });

  it('6.10 の表はサンプルの3行で、しきい値・時間・文字数は回答がなければ推奨値付きの要記入、禁止アカウント名は OS がなければ出さない', () => {
    const [table] = tables([section(doc, 'org-account-conditions')]);
    const rows = tableRows(table!);
    expect(rows.map((row) => row[0])).toEqual(['', 'アカウント名', 'アカウントロック', 'パスワード']);
    expect(rows[0]).toEqual(['', '特権アカウント', '一般アカウント']);
    expect(rows[1]![1]).not.toContain('禁止アカウント名');
    expect(rows[1]![2]).toBe('従業員番号\n従業員コード');
    expect(rows[2]).toEqual([
      'アカウントロック',
      'ロックアウトのしきい値は【要記入：特権アカウント（管理者）のロックアウトのしきい値（連続して失敗した回数）（推奨: 3回）】回、時間は【要記入：特権アカウントのロックアウトの時間（推奨: 6時間）】に設定する',
      'ロックアウトのしきい値は【要記入：一般アカウントのロックアウトのしきい値（連続して失敗した回数）（推奨: 10回）】回、時間は【要記入：一般アカウントのロックアウトの時間（推奨: 1時間）】に設定する',
    ]);
    expect(rows[3]![1]).toContain('【要記入：特権アカウントのパスワードの最小文字数（推奨: 12文字）】文字以上');
    expect(rows[3]![1]).toContain('最低でも【要記入：ロック解除に使うパスワード又はPINの最小文字数（推奨: 6文字）】文字以上のパスワード又はPINを利用する。');
    expect(rows[3]![2]).toContain('数字を含めた【要記入：多要素認証も試行回数の制限もできない場合のパスワードの最小文字数（推奨: 10文字）】文字以上とする。');
    const keys = result.unfilled.map((u) => u.key);
    for (const which of ['privileged', 'general']) {
      for (const field of ['lockoutThreshold', 'lockoutDuration', 'minLength']) expect(keys).toContain(`rules.accounts.${which}.${field}`);
    }
    expect(keys).toContain('rules.accounts.general.fallbackMinLength');
    expect(keys).toContain('rules.accounts.unlockMinLength');
  });

  it('6.10 は inventory の OS から禁止アカウント名を作り、サンプルの値を答えるとサンプルの文になる', () => {
    const sample = rulebookOf(`${COMPANY}
inventory:
  - { id: windows, kind: pc-os, product: Windows 11 Pro }
  - { id: ubuntu, kind: server-os, product: Ubuntu Server 24.04 LTS }
rules:
  accounts:${SAMPLE_ACCOUNTS}`);
    const rows = tableRows(tables([section(sample, 'org-account-conditions')])[0]!);
    expect(rows[1]![1]).toContain('＜禁止アカウント名＞\nWindowsOS：administrator、admin\nLinuxOS：root');
    expect(rows[1]![2]).toBe('従業員番号\n従業員コード');
    expect(rows[2]).toEqual([
      'アカウントロック',
      'ロックアウトのしきい値は3回、時間は6時間に設定する',
      'ロックアウトのしきい値は10回、時間は1時間に設定する',
    ]);
    expect(rows[3]![1]).toContain('12文字以上');
    expect(rows[3]![1]).toContain('最低でも6文字以上のパスワード又はPINを利用する。');
    expect(rows[3]![2]).toContain('試行が少なくとも10回失敗した場合にアカウントロックするように制限したうえで、パスワードの長さを8文字以上とする');
    expect(rows[3]![2]).toContain('数字を含めた10文字以上とする。');
    // Windows only: no LinuxOS line.
    const windowsOnly = rulebookOf(`${COMPANY}\ninventory: [{ id: windows, kind: pc-os, product: Windows 11 Pro }]\n`);
    const names = tableRows(tables([section(windowsOnly, 'org-account-conditions')])[0]!)[1]![1];
    expect(names).toContain('＜禁止アカウント名＞\nWindowsOS：administrator、admin');
    expect(names).not.toContain('LinuxOS');
  });

  it('7.3 は既定で添付ファイルの暗号化を書き、＜添付ファイル暗号化の方法＞を含める', () => {
    const lines = linesOf(doc, 'org-email');
    expect(lines).toContain('社外秘又は極秘の情報資産を送信する場合は、メール本文ではなく添付ファイルに記載し、ファイルを暗号化して送信する。');
    expect(lines).toContain('＜添付ファイル暗号化の方法＞');
  });

  it('7.4 の標的型攻撃メールの表は4行で、見出し列を持つ', () => {
    const [table] = tables([section(doc, 'org-virus-prevention')]);
    expect(table!.headerColumn).toBe(true);
    expect(tableRows(table!).map((row) => row[0])).toEqual(['メールのテーマ', '差出人のメールアドレス', 'メールの本文', '添付ファイル']);
    expect(tableRows(table!)[3]![1]).toContain('ファイル名にRLOが使用されている');
  });
});

describe('選択肢', () => {
  it('audit.kind: inspection で見出し・責任者名・結果が「点検」だけになる', () => {
    const doc = rulebookOf(`${COMPANY}\nrules: { audit: { kind: inspection, month: 毎年8月 } }`);
    expect(topLevel(doc)[1]).toBe('2 情報セキュリティ取組みの点検');
    const text = sectionText(doc, 'org-audit');
    expect(text).toContain('点検責任者は、情報セキュリティ関連規程の実施状況について、毎年8月に点検を行い、点検結果および推進計画を');
    expect(text).not.toContain('監査');
    expect(tableRows(tables([section(doc, 'org-organization')])[0]!).map((row) => row[0])).toContain('点検責任者');
  });

  it('audit.kind: audit で「監査・点検」になる', () => {
    const doc = rulebookOf(`${COMPANY}\nrules: { audit: { kind: audit, month: 8月 } }`);
    expect(sectionText(doc, 'org-audit')).toContain('監査・点検責任者は、情報セキュリティ関連規程の実施状況について、8月に点検を行い、監査・点検結果');
  });

  it.each([
    ['hardDisk', 'ハードディスクを暗号化する。'],
    ['folder', 'フォルダーを暗号化する。'],
    ['data', 'データを暗号化する。'],
  ])('rules.laptopEncryption: %s', (choice, expected) => {
    const doc = rulebookOf(`${COMPANY}\nrules: { laptopEncryption: ${choice} }`);
    expect(listItems(doc, 'org-asset-take-out')).toContain(`ノートパソコンのハードディスクに保存して持ち出す場合は、${expected}`);
  });

  it.each([
    ['tag', '大きなタグを付ける。'],
    ['strap', 'ストラップで体やカバンに固定する。'],
    ['bell', '落としてもすぐに分かるように鈴を付ける。'],
  ])('rules.smallMediaMeasure: %s', (choice, expected) => {
    const doc = rulebookOf(`${COMPANY}\nrules: { smallMediaMeasure: ${choice} }`);
    expect(listItems(doc, 'org-asset-take-out')).toContain(`USBメモリ等の小型電子媒体は、${expected}`);
  });

  it.each([
    ['smime', 'S/MIMEなどの暗号技術を利用する。'],
    ['transferService', '法人向けデータ転送サービスやクラウドサービスを利用する。'],
  ])('rules.confidentialEmail: [%s] は1文で書き、添付ファイル暗号化の方法を省く', (choice, expected) => {
    const doc = rulebookOf(`${COMPANY}\nrules: { confidentialEmail: [${choice}] }`);
    const lines = linesOf(doc, 'org-email');
    expect(lines).toContain(`社外秘又は極秘の情報資産を送信する場合は、${expected}`);
    expect(lines).not.toContain('＜添付ファイル暗号化の方法＞');
    expect(sectionText(doc, 'org-email')).not.toContain('ZIP');
  });

  it('rules.confidentialEmail に複数を選ぶと「いずれかの方法」の箇条になる', () => {
    const doc = rulebookOf(`${COMPANY}\nrules: { confidentialEmail: [transferService, encryptedAttachment] }`);
    const item = listItems(doc, 'org-email', 2)[0]!;
    expect(item).toBe(
      [
        '社外秘又は極秘の情報資産を送信する場合は、以下のいずれかの方法による。',
        '法人向けデータ転送サービスやクラウドサービスを利用する。',
        'メール本文ではなく添付ファイルに記載し、ファイルを暗号化して送信する。',
      ].join('\n'),
    );
    expect(linesOf(doc, 'org-email')).toContain('＜添付ファイル暗号化の方法＞');
  });

  it('6.10 のしきい値・時間の単位・文字数は回答どおりに出る', () => {
    const doc = rulebookOf(`${COMPANY}
rules:
  accounts:
    privileged: { lockoutThreshold: 5, lockoutDuration: 30, lockoutUnit: minutes, minLength: 16 }
    general: { lockoutThreshold: 7, lockoutDuration: 2, lockoutUnit: hours, minLength: 9, fallbackMinLength: 14 }
    unlockMinLength: 4
`);
    const rows = tableRows(tables([section(doc, 'org-account-conditions')])[0]!);
    expect(rows[2]).toEqual([
      'アカウントロック',
      'ロックアウトのしきい値は5回、時間は30分に設定する',
      'ロックアウトのしきい値は7回、時間は2時間に設定する',
    ]);
    expect(rows[3]![1]).toContain('16文字以上');
    expect(rows[3]![1]).toContain('最低でも4文字以上のパスワード又はPINを利用する。');
    expect(rows[3]![2]).toContain('試行が少なくとも7回失敗した場合にアカウントロックするように制限したうえで、パスワードの長さを9文字以上とする');
    expect(rows[3]![2]).toContain('数字を含めた14文字以上とする。');
  });
});

describe('機密性レベル', () => {
  it('takeOutApprover: null のレベルは持ち出し禁止になり、レベルは低い順に並ぶ', () => {
    const doc = rulebookOf(`${COMPANY}
confidentiality:
  levels:
    - { label: 極秘, value: 3, criteria: [漏えいすると取引先や顧客に大きな影響がある], takeOutApprover: null }
    - { label: 関係者外秘, value: 2, criteria: [関係者以外に漏れると業務に支障がある], takeOutApprover: 部門長 }
    - { label: 社外秘, value: 1, criteria: [漏えいすると事業に大きな影響がある], takeOutApprover: 課長 }
    - { label: 公開, value: 0, criteria: [漏えいしても事業にほとんど影響はない], takeOutApprover: null }
`);
    expect(listItems(doc, 'org-asset-take-out').slice(0, 4)).toEqual([
      '社外秘の場合は課長の許可を得る。',
      '関係者外秘の場合は部門長の許可を得る。',
      '極秘にあたる情報資産は持ち出してはならない。',
      'ノートパソコンのハードディスクに保存して持ち出す場合は、ハードディスクを暗号化する。',
    ]);
    expect(linesOf(doc, 'org-asset-storage')).toContain('社外秘、関係者外秘又は極秘の情報資産は、以下の方法で保管する。');
    expect(tableRows(tables([section(doc, 'org-asset-evaluation')])[0]!).map((row) => row[0])).toEqual([
      '機密性3：極秘',
      '機密性2：関係者外秘',
      '機密性1：社外秘',
      '機密性0：公開',
    ]);
  });

  it('完全性・可用性の基準を設定すると 5.1 にそれぞれの表が出る', () => {
    const doc = rulebookOf(`${COMPANY}
confidentiality:
  integrity:
    - { value: 2, criteria: [改ざん又は破損により業務の遂行に支障を及ぼすおそれがある] }
    - { value: 1, criteria: [完全性2以外] }
  availability:
    - { value: 2, criteria: [滅失又は利用不可能により業務の遂行に支障を及ぼすおそれがある, 復旧に1日以上かかる] }
    - { value: 1, criteria: [可用性2以外] }
`);
    const lines = linesOf(doc, 'org-asset-evaluation');
    expect(lines).toContain('情報資産の完全性は、以下の基準に従って評価する。');
    expect(lines).toContain('情報資産の可用性は、以下の基準に従って評価する。');
    const [, integrity, availability] = tables([section(doc, 'org-asset-evaluation')]);
    expect(tableRows(integrity!)).toEqual([
      ['完全性2', '改ざん又は破損により業務の遂行に支障を及ぼすおそれがある'],
      ['完全性1', '完全性2以外'],
    ]);
    expect(tableRows(availability!)[0]).toEqual(['可用性2', '滅失又は利用不可能により業務の遂行に支障を及ぼすおそれがある\n復旧に1日以上かかる']);
  });
});

describe('協会の語彙', () => {
  const doc = rulebookOf(ASSOCIATION);

  it('当協会・職員・協会外・部外秘・所属長・理事長で書く', () => {
    expect(subsections(doc, 'org-assets')[5]).toBe('5.6 情報資産の協会外持ち出し');
    expect(subsections(doc, 'org-access-control')[5]).toBe('6.6 職員以外の者に対する利用者アカウントの発行');
    expect(listItems(doc, 'org-asset-take-out')[0]).toBe('部外秘の場合は所属長の許可を得る。');
    expect(linesOf(doc, 'org-asset-evaluation')[1]).toMatch(/^当協会の保有する情報及び個人情報/u);
    expect(linesOf(doc, 'org-basic-policy')).toContain('また、改訂時には、改訂内容を全職員へ周知する。');
    expect(sectionText(doc, 'org-audit')).toContain('情報セキュリティ対策基準の実施状況について');
    expect(sectionText(doc, 'org-audit')).toContain('協会内の関係部署に共有する');
    expect(sectionText(doc, 'org-account-registration')).toContain('理事長又は情報セキュリティ責任者の承認に基づき登録する');
    expect(sectionText(doc, 'org-external-systems')).toContain('当協会以外の組織（会員、関係団体、クラウドサービス提供者を含む取引先等）');
    expect(tableRows(tables([section(doc, 'org-account-conditions')])[0]!)[1]![2]).toBe('職員番号\n職員コード');
    expect(sectionText(doc, 'org-online-services')).toContain('業務用メールアドレスを登録する');
    const all = textOf(organizational(doc).children.filter((b) => b.type === 'section' && /^org-(audit|information|basic|assets|access|internet)/u.test(b.id)));
    for (const word of ['当社', '社外秘', '従業員', '代表取締役', '社内', '社有', '所属所属長']) expect(all, word).not.toContain(word);
  });
});

describe('リストの回答', () => {
  it('参照方法・表示方法・保管方法・アカウント名はその行だけを出す（OS のない inventory には禁止アカウント名もない）', () => {
    const doc = rulebookOf(`${COMPANY}
inventory:
  - { id: m365, kind: cloud-service, product: Microsoft 365 }
rules:
  policyAccess: [当社ホームページでの公表]
  labeling: [{ target: 電子データ, method: ファイル名の先頭に表示 }]
  storage:
    - { target: 電子データ, method: アクセス制御が可能なクラウドストレージ }
    - { target: 書類, method: 施錠可能な書庫 }
    - { target: 媒体, method: 金庫 }
  accounts:
    generalAccountNames: [社員番号]
`);
    expect(listItems(doc, 'org-basic-policy')).toEqual(['当社ホームページでの公表']);
    expect(listItems(doc, 'org-asset-labeling')).toEqual(['電子データ：ファイル名の先頭に表示']);
    expect(listItems(doc, 'org-asset-storage')).toEqual([
      '電子データ：アクセス制御が可能なクラウドストレージ',
      '書類：施錠可能な書庫',
      '媒体：金庫',
    ]);
    const rows = tableRows(tables([section(doc, 'org-account-conditions')])[0]!);
    expect(rows[1]![1]).not.toContain('禁止アカウント名');
    expect(rows[1]![2]).toBe('社員番号');
  });

  it('Markdown の記号を含む値は文字どおりに出る', () => {
    const value = '**掲示板** | [告知](https://example.com) # <b>1</b> _x_ `y` {{z}} :ref{to=org-audit}';
    const yaml = `${COMPANY}
rules:
  policyAccess: ${JSON.stringify([value])}
  accounts:
    removalDeadline: "翌営業日*"
`;
    const doc = rulebookOf(yaml);
    const list = section(doc, 'org-basic-policy').children.find((b): b is List => b.type === 'list')!;
    expect(list.children).toHaveLength(1);
    expect(list.children[0]!.children).toEqual([{ type: 'paragraph', children: [{ type: 'text', value }] }]);
    expect(sectionText(doc, 'org-account-management')).toContain('当該アカウントの削除又は無効化を、翌営業日*までに実施する。');
    const markdown = renderMarkdown(doc);
    expect(markdown).not.toContain('- **掲示板**');
  });
});

describe('回答の検査', () => {
  it('送信方法の重複・空のリスト・範囲外の数・未知のキーを、回答ファイルの行とキーで拒む', () => {
    const line = COMPANY.split('\n').length;
    expect(errorOf(`${COMPANY}rules: { confidentialEmail: [smime, smime] }`).message).toContain(`test.yaml:${line}: rules.confidentialEmail: 同じ送信方法が2回書かれています`);
    expect(errorOf(`${COMPANY}rules: { confidentialEmail: [] }`).message).toContain('rules.confidentialEmail: 送信方法を少なくとも1つ選んでください');
    expect(errorOf(`${COMPANY}rules: { accounts: { general: { lockoutThreshold: 0 } } }`).message).toContain(
      `test.yaml:${line}: rules.accounts.general.lockoutThreshold: 1以上の数を記入してください`,
    );
    expect(errorOf(`${COMPANY}rules: { laptopEncryption: usb }`).message).toContain('rules.laptopEncryption: 次のいずれかを記入してください: hardDisk, folder, data');
    expect(errorOf(`${COMPANY}rules: { audit: { kind: audit, mnth: 8月 } }`).message).toContain('rules.audit.mnth: このキーは使えません。もしかして「month」ですか？');
  });

  it('以前の形式の章（organizational:）は、いまの形式への移し方を示して拒む', () => {
    const message = errorOf(`${COMPANY}organizational: { audit: { month: 8月 } }`).message;
    expect(message).toContain('organizational: このキーは使えません');
    const old = errorOf('organization: { name: テスト工業株式会社, type: company }\norganizational: { audit: { month: 8月 } }\n').message;
    expect(old).toContain('以前の形式です（organizational の章ごとの回答）');
    expect(old).toContain('docs/migration.md');
  });
});
