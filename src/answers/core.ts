import { z } from 'zod';
import { fillable, fillableLine, isoDate, line, lines, text, todo } from './common.js';

/**
 * The parts of the answers every document uses: who the organization is, the document's own
 * data, the vocabulary, the roles and the confidentiality levels.
 */

export const ORGANIZATION_TYPES = ['company', 'llc', 'association', 'cooperative', 'npo', 'medical'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  company: '株式会社',
  llc: '合同会社',
  association: '一般社団法人・一般財団法人・公益法人（協会）',
  cooperative: '協同組合',
  npo: 'NPO法人',
  medical: '医療法人・社会福祉法人',
};

export const organizationSchema = z
  .object({
    /** 正式名称: さくら工業株式会社 */
    name: line(),
    type: z.enum(ORGANIZATION_TYPES, {
      error: `次のいずれかを記入してください: ${ORGANIZATION_TYPES.join(', ')}`,
    }),
    /** 事業内容を組織自身の言葉で（基本方針で使う） */
    business: fillable(text()),
    address: fillableLine().nullable(),
  })
  .strict();

/**
 * Words the text uses for the organization and its people. A preset fills all of them; any can be
 * overridden. Keys are named for what they mean, the values are what the reader sees.
 */
export const termsSchema = z
  .object({
    /** 自己の呼称: 当社 / 当協会 / 本組合 / 当法人 */
    self: line(),
    /** 組織を指す普通名詞（会社貸与品の「会社」）: 会社 / 協会 / 組合 / 法人 */
    org: line(),
    /** 組織の内側: 社内 / 協会内 */
    inside: line(),
    /** 組織の外側: 社外 / 協会外 */
    outside: line(),
    /** 組織全体: 全社 / 協会全体 */
    whole: line(),
    /** 組織が所有する: 社有 / 協会所有 */
    owned: line(),
    /** 業務用の（社用メールアドレス）: 社用 / 業務用 */
    business: line(),
    /** 働く人: 従業員 / 職員 */
    staff: line(),
    /** 役員: 取締役 / 理事 */
    officers: line(),
    /** 代表者: 代表取締役 / 代表社員 / 理事長 */
    head: line(),
    /** 意思決定機関: 取締役会 / 理事会 */
    board: line(),
    /** 部署: 部門 / 所属 */
    department: line(),
    /** 部署の長: 部門長 / 所属長 */
    departmentHead: line(),
    /** 本拠: 本社 / 事務局 */
    headOffice: line(),
    /** この規程の名前: 情報セキュリティ関連規程 / 情報セキュリティ対策基準 / 情報セキュリティポリシー */
    documentName: line(),
    /** 秘密として管理する情報の呼び方: 営業秘密 / 機密 */
    secrets: line(),
    /** 採用の時点: 入社時 / 採用時 */
    joining: line(),
    /** 一日の業務を終えて帰るとき: 退社時 / 退勤時 */
    leavingForTheDay: line(),
    /** 影響を受ける外部の人々: 顧客、取引先、株主等 / 会員、取引先等 */
    stakeholders: line(),
    /** 懲戒の根拠: 就業規則 */
    workRules: line(),
  })
  .strict();
export type Terms = z.infer<typeof termsSchema>;

const person = {
  /** 役職名: 代表取締役 / 総務部長 */
  title: fillableLine(),
  /** 氏名（任意） */
  person: fillableLine().nullable(),
  /** 電話番号（任意） */
  phone: fillableLine().nullable(),
  /** メールアドレス（任意） */
  email: fillableLine().nullable(),
};

const roleSchema = z
  .object({
    /** 役割の名前（改名できる）: システム管理者 → 情報システム管理者 */
    name: line(),
    /** 役割と責任 */
    duty: text(),
    ...person,
  })
  .strict();
export type Role = z.infer<typeof roleSchema>;

/** 情報セキュリティ部門責任者: 部門ごとの長が務める（役職名の一覧） */
const departmentOfficerSchema = z
  .object({
    name: line(),
    duty: text(),
    titles: z.array(fillableLine()).min(1, '少なくとも1人の役職名を記入してください'),
  })
  .strict();

export const rolesSchema = z
  .object({
    /** 情報セキュリティ責任者 */
    securityOfficer: roleSchema,
    /** 情報セキュリティ部門責任者 */
    departmentOfficer: departmentOfficerSchema,
    /** システム管理者 */
    systemAdmin: roleSchema,
    /** 教育責任者 */
    educationOfficer: roleSchema,
    /** インシデント対応責任者 */
    incidentOfficer: roleSchema,
    /** 個人情報苦情相談対応者 */
    complaintsOfficer: roleSchema,
    /** 個人情報保護管理者 */
    privacyOfficer: roleSchema,
    /** 監査・点検責任者 / 点検責任者 */
    auditor: roleSchema,
    /** 特定個人情報 事務取扱責任者（マイナンバーを扱う場合） */
    myNumberManager: roleSchema,
    /** 特定個人情報 事務取扱担当者（マイナンバーを扱う場合） */
    myNumberClerk: roleSchema,
  })
  .strict();
export type Roles = z.infer<typeof rolesSchema>;
export type RoleKey = keyof Roles;

const confidentialityLevelSchema = z
  .object({
    /** 表示ラベル: 極秘 / 社外秘 / 部外秘 / 関係者外秘 / 公開 */
    label: line(),
    /** 評価値: 3 / 2 / 1（または 2 / 1 / 0） */
    value: z.number().int().min(0).max(9),
    /** 該当する基準（箇条書き） */
    criteria: lines().min(1),
    /**
     * 持ち出しの許可者（「所属部門長」「代表取締役」）。null は持ち出し禁止。
     * 公開レベルでは使わない。
     */
    takeOutApprover: line().nullable(),
  })
  .strict();

const ratingLevelSchema = z
  .object({
    value: z.number().int().min(0).max(9),
    criteria: lines().min(1),
  })
  .strict();

export const confidentialitySchema = z
  .object({
    /** 機密性のレベル（高い順、最後が公開） */
    levels: z
      .array(confidentialityLevelSchema)
      .min(2, '機密性のレベルは2つ以上必要です（最後が公開）')
      .max(5)
      .refine((levels) => levels.every((l, i) => i === 0 || levels[i - 1]!.value > l.value), {
        message: '機密性のレベルは評価値の高い順に並べてください',
      })
      .refine((levels) => new Set(levels.map((l) => l.label)).size === levels.length, {
        message: '機密性のレベルのラベルが重複しています',
      }),
    /** 完全性の評価基準（任意、seed 000 の例: 2 / 1） */
    integrity: z.array(ratingLevelSchema).min(2).nullable(),
    /** 可用性の評価基準（任意） */
    availability: z.array(ratingLevelSchema).min(2).nullable(),
  })
  .strict();
export type Confidentiality = z.infer<typeof confidentialitySchema>;

const chapterDatesSchema = z
  .object({
    organizational: fillable(isoDate()).nullable(),
    human: fillable(isoDate()).nullable(),
    physical: fillable(isoDate()).nullable(),
    technical: fillable(isoDate()).nullable(),
  })
  .strict();

const chapterScopesSchema = z
  .object({
    organizational: text(),
    human: text(),
    physical: text(),
    technical: text(),
  })
  .strict();

export const documentSchema = z
  .object({
    /** 版: 1.0 */
    version: line(),
    /** 施行日（YYYY-MM-DD）。出力の日付はすべて回答から取り、実行日時は使わない */
    effectiveDate: fillable(isoDate()),
    /** 承認者（表紙）: 代表取締役 */
    approver: fillableLine(),
    /** 文書そのものの機密区分ラベル（機密性レベルのラベルのいずれか）。null は最も低い非公開レベル */
    classification: line().nullable(),
    /** 改訂履歴 */
    revisions: z
      .array(
        z
          .object({
            version: line(),
            date: fillable(isoDate()),
            description: text(),
          })
          .strict(),
      )
      .max(100),
    /** 章ごとの改訂日（null は施行日） */
    chapterRevised: chapterDatesSchema,
    /** 章ごとの適用範囲 */
    chapterScope: chapterScopesSchema,
    /** 書体（Word 出力で指定する名前） */
    fonts: z.object({ body: line(), heading: line() }).strict(),
  })
  .strict();

export const optionsSchema = z
  .object({
    /** テレワークを実施する（人的対策 6 を含める） */
    telework: z.boolean(),
    /** 私有IT機器・電子媒体の業務利用: permitted（許可制）/ prohibited（禁止） */
    privateDevices: z.enum(['permitted', 'prohibited']),
    /** 自社でシステム開発・保守を行う（技術的対策 6 を含める） */
    systemDevelopment: z.boolean(),
    /** クラウドサービスを利用したバックアップを行う（技術的対策 4.3 を含める） */
    cloudBackup: z.boolean(),
    /** マイナンバー（特定個人情報）を扱う */
    myNumber: z.boolean(),
  })
  .strict();
export type Options = z.infer<typeof optionsSchema>;

export { todo };
