import * as z from '../zod.js';
import { fillable, fillableLine, isoDate, line, lines, text, todo } from './common.js';

/**
 * The parts of the answers every document uses: who the organization is, the document's own
 * data, the vocabulary, the roles and the confidentiality levels.
 */

import { ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../profile/types.js';

export { ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS, type OrganizationType };

export const organizationSchema = z
  .object({
    name: line().describe('正式名称（例: あおば精機株式会社）。出力先のフォルダー名にもなる'),
    type: z
      .enum(ORGANIZATION_TYPES, {
        error: `次のいずれかを記入してください: ${ORGANIZATION_TYPES.join(', ')}`,
      })
      .describe('組織の種類。語彙・役職・機密区分などの既定値（プリセット）が決まる'),
    business: fillable(text()).describe('事業内容を組織自身の言葉で（基本方針で使う）'),
    address: fillableLine().nullable().describe('所在地（任意）'),
  })
  .strict();

/**
 * Words the text uses for the organization and its people. A preset fills all of them; any can be
 * overridden. Keys are named for what they mean, the values are what the reader sees.
 */
export const termsSchema = z
  .object({
    self: line().describe('自己の呼称: 当社 / 当協会 / 本組合 / 当法人'),
    org: line().describe('組織を指す普通名詞（会社貸与品の「会社」）: 会社 / 協会 / 組合 / 法人'),
    inside: line().describe('組織の内側: 社内 / 協会内'),
    outside: line().describe('組織の外側: 社外 / 協会外'),
    whole: line().describe('組織全体: 全社 / 協会全体'),
    owned: line().describe('組織が所有する: 社有 / 協会所有'),
    business: line().describe('業務用の（社用メールアドレス）: 社用 / 業務用'),
    staff: line().describe('働く人: 従業員 / 職員'),
    officers: line().describe('役員: 取締役 / 理事'),
    head: line().describe('代表者: 代表取締役 / 代表社員 / 理事長'),
    board: line().describe('意思決定機関: 取締役会 / 理事会'),
    department: line().describe('部署: 部門 / 所属'),
    departmentHead: line().describe('部署の長: 部門長 / 所属長'),
    headOffice: line().describe('本拠: 本社 / 事務局'),
    documentName: line().describe('この規程の名前: 情報セキュリティ関連規程 / 情報セキュリティ対策基準 / 情報セキュリティポリシー'),
    secrets: line().describe('秘密として管理する情報の呼び方: 営業秘密 / 機密'),
    joining: line().describe('採用の時点: 入社時 / 採用時'),
    leavingForTheDay: line().describe('一日の業務を終えて帰るとき: 退社時 / 退勤時'),
    stakeholders: line().describe('影響を受ける外部の人々: 顧客、取引先、株主等 / 会員、取引先等'),
    workRules: line().describe('懲戒の根拠: 就業規則'),
  })
  .strict();
export type Terms = z.infer<typeof termsSchema>;

const person = {
  title: fillableLine().describe('役職名: 代表取締役 / 総務部長'),
  person: fillableLine().nullable().describe('氏名（任意）'),
  phone: fillableLine().nullable().describe('電話番号（任意）'),
  email: fillableLine().nullable().describe('メールアドレス（任意）'),
};

const roleSchema = z
  .object({
    name: line().describe('役割の名前（改名できる）: システム管理者 → 情報システム管理者'),
    duty: text().describe('役割と責任'),
    ...person,
  })
  .strict();
export type Role = z.infer<typeof roleSchema>;

/** 情報セキュリティ部門責任者: 部門ごとの長が務める（役職名の一覧） */
const departmentOfficerSchema = z
  .object({
    name: line().describe('役割の名前（改名できる）'),
    duty: text().describe('役割と責任'),
    titles: z.array(fillableLine()).describe('各部門で務める役職名の一覧（例: 営業部長、技術部長）。部門がなければ空'),
  })
  .strict();

export const rolesSchema = z
  .object({
    securityOfficer: roleSchema.describe('情報セキュリティ責任者'),
    departmentOfficer: departmentOfficerSchema.describe('情報セキュリティ部門責任者'),
    systemAdmin: roleSchema.describe('システム管理者'),
    educationOfficer: roleSchema.describe('教育責任者'),
    incidentOfficer: roleSchema.describe('インシデント対応責任者'),
    complaintsOfficer: roleSchema.describe('個人情報苦情相談対応者'),
    privacyOfficer: roleSchema.describe('個人情報保護管理者'),
    auditor: roleSchema.describe('監査・点検責任者 / 点検責任者'),
    myNumberManager: roleSchema.describe('特定個人情報 事務取扱責任者（マイナンバーを扱う場合）'),
    myNumberClerk: roleSchema.describe('特定個人情報 事務取扱担当者（マイナンバーを扱う場合）'),
  })
  .strict();
export type Roles = z.infer<typeof rolesSchema>;
export type RoleKey = keyof Roles;

const confidentialityLevelSchema = z
  .object({
    label: line().describe('表示ラベル: 極秘 / 社外秘 / 部外秘 / 関係者外秘 / 公開'),
    value: z.number().int().min(0).max(9).describe('評価値: 3 / 2 / 1（または 2 / 1 / 0）'),
    criteria: lines().min(1).describe('該当する基準（箇条書き）'),
    takeOutApprover: line().nullable().describe('持ち出しの許可者（「所属部門長」「代表取締役」）。null は持ち出し禁止。公開レベルでは使わない'),
  })
  .strict();

const ratingLevelSchema = z
  .object({
    value: z.number().int().min(0).max(9).describe('評価値'),
    criteria: lines().min(1).describe('該当する基準'),
  })
  .strict();

export const confidentialitySchema = z
  .object({
    levels: z
      .array(confidentialityLevelSchema)
      .min(2, '機密性のレベルは2つ以上必要です（最後が公開）')
      .max(5)
      .refine((levels) => levels.every((l, i) => i === 0 || levels[i - 1]!.value > l.value), {
        message: '機密性のレベルは評価値の高い順に並べてください',
      })
      .refine((levels) => new Set(levels.map((l) => l.label)).size === levels.length, {
        message: '機密性のレベルのラベルが重複しています',
      }).describe('機密性のレベル（高い順、最後が公開）'),
    integrity: z.array(ratingLevelSchema).min(2).nullable().describe('完全性の評価基準（任意。例: 2 = 改ざん等で業務に支障、1 = それ以外）'),
    availability: z.array(ratingLevelSchema).min(2).nullable().describe('可用性の評価基準（任意）'),
  })
  .strict();
export type Confidentiality = z.infer<typeof confidentialitySchema>;

/**
 * A rule that applies from a confidentiality value up (「重要度が2以上」): the value and the labels
 * it takes in, lowest first, so that the text can say which levels it means (「社外秘又は極秘」).
 */
export const thresholdSchema = z
  .object({
    value: z.number().int().min(0).max(9).describe('評価値の下限'),
    labels: lines().min(1).describe('その評価値以上の機密性のレベルのラベル（低い順）'),
  })
  .strict();
export type Threshold = z.infer<typeof thresholdSchema>;

/** The threshold at a value, or by default at the lowest non-public level (the level above 公開). */
export function thresholdAt(levels: Confidentiality['levels'], value?: number): Threshold {
  const at = value ?? levels[levels.length - 2]?.value ?? levels[0]!.value;
  return { value: at, labels: levels.filter((level) => level.value >= at).map((level) => level.label).reverse() };
}

const chapterDatesSchema = z
  .object({
    organizational: fillable(isoDate()).nullable().describe('1 組織的対策の改訂日（null は施行日）'),
    human: fillable(isoDate()).nullable().describe('2 人的対策の改訂日（null は施行日）'),
    physical: fillable(isoDate()).nullable().describe('3 物理的対策の改訂日（null は施行日）'),
    technical: fillable(isoDate()).nullable().describe('4 技術的対策の改訂日（null は施行日）'),
  })
  .strict();

const chapterScopesSchema = z
  .object({
    organizational: text().describe('1 組織的対策の適用範囲'),
    human: text().describe('2 人的対策の適用範囲'),
    physical: text().describe('3 物理的対策の適用範囲'),
    technical: text().describe('4 技術的対策の適用範囲'),
  })
  .strict();

export const documentSchema = z
  .object({
    version: line().describe('版: 1.0'),
    effectiveDate: fillable(isoDate()).describe('施行日（YYYY-MM-DD）。出力の日付はすべて回答から取り、実行日時は使わない'),
    approver: fillableLine().describe('承認者（表紙）: 代表取締役'),
    classification: line().nullable().describe('文書そのものの機密区分ラベル（機密性レベルのラベルのいずれか）。null は最も低い非公開レベル'),
    revisions: z
      .array(
        z
          .object({
            version: line().describe('版'),
            date: fillable(isoDate()).describe('改訂日（YYYY-MM-DD）'),
            description: text().describe('改訂の内容'),
          })
          .strict(),
      )
      .max(100).describe('改訂履歴（空なら「制定」の 1 行。kitei revise が行を足し、それまでの行を残す）'),
    chapterRevised: chapterDatesSchema.describe('章ごとの改訂日（null は施行日。kitei revise が、変わった章を新しい施行日に、変わらない章を前の日付にする）'),
    chapterScope: chapterScopesSchema.describe('章ごとの適用範囲'),
    fonts: z.object({ body: line().describe('本文の書体名'), heading: line().describe('見出しの書体名') }).strict().describe('書体（Word 出力で指定する名前）'),
  })
  .strict();

export const optionsSchema = z
  .object({
    telework: z.boolean().describe('テレワークを実施する（人的対策 6 を含める）'),
    privateDevices: z.enum(['permitted', 'prohibited']).describe('私有IT機器・電子媒体の業務利用: permitted（許可制）/ prohibited（禁止）'),
    systemDevelopment: z.boolean().describe('自社でシステム開発・保守を行う（技術的対策 6 を含める）'),
    cloudBackup: z.boolean().describe('クラウドサービスを利用したバックアップを行う（技術的対策 4.3 を含める）'),
    myNumber: z.boolean().describe('マイナンバー（特定個人情報）を扱う（特定個人情報の基本方針と特定個人情報取扱規程を作り、情報資産管理台帳に特定個人情報ファイルの登録方法を載せる）'),
  })
  .strict();
export type Options = z.infer<typeof optionsSchema>;

export { todo };
