import { ROLE_LABELS, type RoleKey } from './roles.js';
import type { OrganizationSize } from './types.js';

/**
 * Values the IPA sample shows as examples for the rules an organization sets itself — how often,
 * how long, how many. They are offered (in a gap's question, by the wizard, in docs/presets.md)
 * and enter a profile only when the user accepts or writes them: a rule value is never printed as
 * the organization's own unless its answers file says so.
 */

export interface RecommendedRule {
  /** Dotted key under the profile, e.g. `rules.software.virusScan`. */
  readonly key: string;
  /** What is asked, in plain Japanese. */
  readonly question: string;
  /** The recommended value by size (the sample's value for medium). */
  readonly value: Readonly<Record<OrganizationSize, string | number>>;
  /** How a number reads to a person (回, 文字, 分…); the answers file holds the number alone. */
  readonly unit?: string;
  /** The value names this role by its default name: an organization that renames the role gets its own name there. */
  readonly namesRole?: RoleKey;
}

/** The organization's names for the roles it renamed (`roles.<role>.name`). */
export type RoleNames = Partial<Record<RoleKey, string>>;

const same = (value: string | number) => ({ small: value, medium: value });

export const RECOMMENDED_RULES: readonly RecommendedRule[] = [
  { key: 'rules.accounts.privileged.lockoutThreshold', question: '特権アカウント（管理者）のロックアウトのしきい値（連続して失敗した回数）', value: same(3), unit: '回' },
  { key: 'rules.accounts.privileged.lockoutDuration', question: '特権アカウントのロックアウトの時間', value: same(6), unit: '時間' },
  { key: 'rules.accounts.privileged.lockoutUnit', question: '特権アカウントのロックアウトの時間の単位（hours / minutes）', value: same('hours') },
  { key: 'rules.accounts.privileged.minLength', question: '特権アカウントのパスワードの最小文字数', value: same(12), unit: '文字' },
  { key: 'rules.accounts.general.lockoutThreshold', question: '一般アカウントのロックアウトのしきい値（連続して失敗した回数）', value: same(10), unit: '回' },
  { key: 'rules.accounts.general.lockoutDuration', question: '一般アカウントのロックアウトの時間', value: same(1), unit: '時間' },
  { key: 'rules.accounts.general.lockoutUnit', question: '一般アカウントのロックアウトの時間の単位（hours / minutes）', value: same('hours') },
  { key: 'rules.accounts.general.minLength', question: '一般アカウントのパスワードの最小文字数', value: same(8), unit: '文字' },
  { key: 'rules.accounts.general.fallbackMinLength', question: '多要素認証も試行回数の制限もできない場合のパスワードの最小文字数', value: same(10), unit: '文字' },
  { key: 'rules.accounts.unlockMinLength', question: 'ロック解除に使うパスワード又はPINの最小文字数', value: same(6), unit: '文字' },
  { key: 'rules.outsourcing.reviewFrequency', question: '委託先の情報セキュリティ対策の状況を評価する頻度', value: same('年1回以上') },
  { key: 'rules.incident.lessonsFrequency', question: 'インシデントの事例と対応策を共有する頻度', value: same('年1回以上') },
  { key: 'rules.education.frequency', question: '情報セキュリティ教育を行う時期・頻度', value: { small: '採用時及び年1回以上の頻度', medium: '新規受け入れ時、異動時、役割変更時、年1回以上の頻度' } },
  { key: 'rules.physical.entryLogRetention', question: '入退室記録の保管期間', value: same('1年間') },
  { key: 'rules.physical.screenLockMinutes', question: 'スクリーンセーバー・スリープが起動するまでの時間の上限（分）', value: same(5), unit: '分' },
  { key: 'rules.software.virusScan', question: 'ウイルス対策ソフトでフルスキャンする頻度', value: same('週次') },
  { key: 'rules.logs.authentication.retention', question: '情報機器・情報システムの認証ログの保存期間', value: { small: '1年間', medium: '3年間' } },
  { key: 'rules.logs.authenticationReview.frequency', question: '認証ログを確認（レビュー）する頻度', value: same('月1回以上の頻度') },
  { key: 'rules.logs.otherReview.frequency', question: 'そのほかのログ（ファイアウォール・UTM など）を確認する頻度', value: same(`${ROLE_LABELS.systemAdmin}の判断に基づき、適宜実施`), namesRole: 'systemAdmin' },
  { key: 'rules.logs.cloudRetention', question: 'クラウドサービスのログに求める保存期間', value: { small: '1年間', medium: '3年間' } },
  { key: 'rules.logs.procedureReview', question: 'ログ分析の手順書を見直す間隔', value: same('年1回') },
  { key: 'rules.backup.restoreTraining', question: 'バックアップからの復元（リストア）訓練の頻度', value: { small: '年1回', medium: '年2回' } },
  { key: 'rules.backup.restoreManualReview', question: 'リストア手順書を見直す頻度', value: same('年1回以上') },
  { key: 'rules.vulnerability.sourceCheck', question: '脆弱性情報（JVN・IPA）を確認する頻度', value: { small: '週次', medium: '日次' } },
  { key: 'rules.vulnerability.urgencyHigh', question: '緊急度「高」の脆弱性に対応する期限の目安', value: same('1週間以内') },
  { key: 'rules.vulnerability.urgencyMedium', question: '緊急度「中」の脆弱性に対応する期限の目安', value: same('1か月以内') },
  { key: 'rules.vulnerability.scan', question: '脆弱性スキャンの頻度', value: same('月1回以上') },
  { key: 'rules.vulnerability.statusListReview', question: '脆弱性対応状況の一覧を確認する頻度', value: same('月次') },
  { key: 'rules.vulnerability.procedureReview', question: '脆弱性管理の手順書を見直す頻度', value: same('年1回') },
  { key: 'documents.contract.reportingDeadline', question: '委託先が機密情報の管理体制を報告する期限', value: same('本契約締結後14日以内') },
  { key: 'documents.contract.incidentNoticeHours', question: '委託先が事故を知ってから相手方に通知するまでの期限', value: same(24), unit: '時間' },
  { key: 'documents.contract.survivalYears', question: '契約終了後も機密保持などの条項が効力を持つ年数', value: same(5), unit: '年' },
  { key: 'myNumber.deletionTiming', question: '保存期間を過ぎた個人番号を削除し、書類を廃棄する時期', value: same('毎年度末') },
];

const byKey = new Map(RECOMMENDED_RULES.map((rule) => [rule.key, rule] as const));

/** The gap question for a rule value: what is asked, and the recommendation in brackets. */
export function ruleQuestion(key: string, size: OrganizationSize, roleNames: RoleNames = {}): string {
  const rule = byKey.get(key);
  if (!rule) throw new Error(`内部エラー: 推奨値のない規則 ${key}`);
  return `${rule.question}（推奨: ${recommendedText(rule, size, roleNames)}）`;
}

/** The recommended value for an organization of that size, with its own name for a role the value names. */
export function recommendedValue(rule: RecommendedRule, size: OrganizationSize, roleNames: RoleNames = {}): string | number {
  const value = rule.value[size];
  const own = rule.namesRole && roleNames[rule.namesRole];
  return own && typeof value === 'string' ? value.replaceAll(ROLE_LABELS[rule.namesRole!], own) : value;
}

/** A recommended value as a person reads it: 「10回」「hours（時間）」. */
export function recommendedText(rule: RecommendedRule, size: OrganizationSize, roleNames: RoleNames = {}): string {
  const value = recommendedValue(rule, size, roleNames);
  if (value === 'hours') return 'hours（時間）';
  if (value === 'minutes') return 'minutes（分）';
  return `${String(value)}${rule.unit ?? ''}`;
}
