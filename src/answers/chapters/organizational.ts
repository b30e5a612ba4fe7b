import * as z from '../../zod.js';
import { fillable, fillableLine, line, todo } from '../common.js';
import type { OrganizationType } from '../core.js';
import type { PresetContext } from '../context.js';
import { incidentDefaults, incidentSchema } from './organizational-incident.js';
import { outsourcingDefaults, outsourcingSchema } from './organizational-outsourcing.js';

/**
 * Answers for the rulebook chapter 1 組織的対策: its schema and its preset defaults.
 * Sections 2–7 are here; 8 (委託管理, with 8-1) and 9 (インシデント対応) live in their own modules.
 * Section 1 (the committee) is drawn from `roles`; the audit kind chosen here also names the
 * auditor role (see `presetFor` in schema.ts, which reads `organizational.audit.kind`).
 */

/** 「対象：方法」の1行（5.2 表示方法、5.5 保管方法） */
const targetMethodSchema = z
  .object({
    target: fillableLine().describe('対象: 電子データ / 書類'),
    method: z.union([line(), z.literal('')]).describe('方法（「対象：」の後に続く文）: 保存先サーバーのフォルダー名に表示。空は対象の欄が未記入のとき'),
  })
  .strict();

/** 5.1 / 6.10: 回数・時間・文字数（未回答なら要記入） */
const count = (max: number) => fillable(z.number().int('整数で記入してください').min(1, '1以上の数を記入してください').max(max, `${max}以下の数を記入してください`));

/** 6.10 アカウントロックとパスワードの長さ（特権アカウント・一般アカウントで共通の項目） */
const accountClassSchema = {
  lockoutThreshold: count(100).describe('ロックアウトのしきい値（連続して認証に失敗した回数）: 特権 3 / 一般 10'),
  lockoutDuration: count(999).describe('ロックアウトの時間（単位は「時間」か「分」を別に選ぶ）: 特権 6 / 一般 1'),
  lockoutUnit: fillable(z.enum(['hours', 'minutes'])).describe('ロックアウトの時間の単位: hours（時間）/ minutes（分）'),
  minLength: count(128).describe('パスワードの最小文字数: 特権 12 / 一般 8'),
};

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const organizationalSchema = z
  .object({
    audit: z
      .object({
        kind: z.enum(['audit', 'inspection']).describe('取組みの確認の形: audit（「監査・点検」、監査・点検責任者）/ inspection（「点検」のみ、点検責任者）。責任者の名前（roles.auditor.name）の既定値もこれに従う'),
        month: fillableLine().describe('点検を行う月（「…に点検を行い」の前に入る語）: 8月 / 毎年4月'),
      })
      .strict().describe('2 情報セキュリティ取組みの監査・点検'),
    informationSharing: z
      .object({
        sources: z
          .array(
            z
              .object({
                name: line().describe('機関の名前: 独立行政法人情報処理推進機構（略称：IPA）'),
                url: line().nullable().describe('URL（任意）: https://www.ipa.go.jp/security/'),
              })
              .strict(),
          )
          .min(1, '専門機関を少なくとも1つ記入してください')
          .max(20).describe('情報を入手する専門機関（名前と URL）'),
      })
      .strict().describe('3 情報セキュリティに関する情報共有'),
    basicPolicy: z
      .object({
        publicationMethods: z.array(fillableLine()).min(1, '参照できるようにする方法を少なくとも1つ記入してください').max(20).describe('最新の基本方針を参照できるようにする方法（箇条書き）: 社内イントラネットへの掲載 / 当社ホームページでの公表'),
      })
      .strict().describe('4 情報セキュリティ基本方針の制定・管理'),
    assets: z
      .object({
        labeling: z.array(targetMethodSchema).min(1, '表示方法を少なくとも1つ記入してください').max(20).describe('5.2 機密性の表示方法（対象ごと）'),
        storage: z.array(targetMethodSchema).min(1, '保管方法を少なくとも1つ記入してください').max(20).describe('5.5 非公開の情報資産の保管方法（対象ごと）'),
        laptopEncryption: z.enum(['hardDisk', 'folder', 'data']).describe('5.6 ノートパソコンで持ち出すときに暗号化するもの: hardDisk（ハードディスク）/ folder（フォルダー）/ data（データ）'),
        smallMediaMeasure: z.enum(['tag', 'strap', 'bell']).describe('5.6 USBメモリ等の小型電子媒体の紛失対策: tag（大きなタグを付ける）/ strap（ストラップで体やカバンに固定する）/ bell（鈴を付ける）'),
        externalSystemProviders: line().describe('5.7 外部情報システムを管理・提供する組織の例（括弧内）: 顧客、関係会社、クラウドサービス提供者を含む取引先等'),
      })
      .strict().describe('5 情報資産・IT資産の管理'),
    accounts: z
      .object({
        removalDeadline: line().describe('6.4 不要になったアカウントを削除・無効化する期限（「…までに実施する」の前）: 当該アカウントが不要になった日の翌日'),
        forbiddenPrivilegedNames: z.array(line()).max(20).describe('6.10 禁止する特権アカウント名（OS ごとの行）: WindowsOS：administrator、admin'),
        generalAccountNames: z.array(line()).min(1, 'アカウント名に使うものを少なくとも1つ記入してください').max(20).describe('6.10 一般アカウントのアカウント名に使うもの: 従業員番号 / 従業員コード'),
        privileged: z.object(accountClassSchema).strict().describe('6.10 特権アカウントの条件'),
        general: z
          .object({
            ...accountClassSchema,
            fallbackMinLength: count(128).describe('多要素認証も試行回数の制限もできない場合のパスワードの最小文字数: 10'),
          })
          .strict().describe('6.10 一般アカウントの条件（しきい値と最小文字数は多要素認証の代替条件の文にも使う）'),
        unlockMinLength: count(128).describe('6.10 ロック解除に使うパスワード又はPINの最小文字数: 6'),
      })
      .strict().describe('6 アクセス制御及び認証'),
    email: z
      .object({
        confidentialSending: z
          .array(z.enum(['encryptedAttachment', 'smime', 'transferService']))
          .min(1, '送信方法を少なくとも1つ選んでください')
          .refine(unique, { message: '同じ送信方法が2回書かれています' }).describe('7.3 非公開の情報資産をメールで送る方法（複数可、2つ以上なら「いずれかの方法」）: encryptedAttachment（添付ファイルを暗号化して送信）/ smime（S/MIME などの暗号技術）/ transferService（法人向けデータ転送サービスやクラウドサービス）'),
      })
      .strict().describe('7 インターネットの利用'),
    outsourcing: outsourcingSchema.describe('8 委託管理と 8-1 委託先チェックリスト'),
    incident: incidentSchema.describe('9 情報セキュリティインシデント対応及び事業継続管理'),
  })
  .strict();

export type OrganizationalAnswers = z.infer<typeof organizationalSchema>;

/** 5.7 外部情報システムを管理・提供する組織の例 */
const EXTERNAL_SYSTEM_PROVIDERS: Record<OrganizationType, string> = {
  company: '顧客、関係会社、クラウドサービス提供者を含む取引先等',
  llc: '顧客、関係会社、クラウドサービス提供者を含む取引先等',
  association: '会員、関係団体、クラウドサービス提供者を含む取引先等',
  cooperative: '組合員、関係団体、クラウドサービス提供者を含む取引先等',
  npo: '会員、関係団体、クラウドサービス提供者を含む取引先等',
  medical: '関係医療機関、委託先、クラウドサービス提供者を含む取引先等',
  welfare: '関係機関、委託先、クラウドサービス提供者を含む取引先等',
  professional: '顧問先、関係機関、クラウドサービス提供者を含む取引先等',
};

export function organizationalDefaults(ctx: PresetContext): OrganizationalAnswers {
  const t = ctx.terms;
  return {
    audit: {
      kind: 'audit',
      month: todo('監査・点検を行う月（例: 8月）'),
    },
    informationSharing: {
      sources: [
        { name: '独立行政法人情報処理推進機構（略称：IPA）', url: 'https://www.ipa.go.jp/security/' },
        { name: 'JVN（Japan Vulnerability Notes）', url: 'https://jvn.jp/index.html' },
        { name: '一般社団法人 JPCERT コーディネーションセンター（略称：JPCERT/CC）', url: 'https://www.jpcert.or.jp/' },
        { name: '個人情報保護委員会', url: 'https://www.ppc.go.jp/' },
      ],
    },
    basicPolicy: {
      publicationMethods: [
        `${t.inside}イントラネットへの掲載`,
        `${t.inside}メールによる全${t.staff}への一斉送信`,
        '文書管理システムへの格納',
      ],
    },
    assets: {
      labeling: [
        { target: '電子データ', method: '保存先サーバーのフォルダー名に表示' },
        { target: '書類', method: '保管先キャビネット、ファイル、バインダーに表示' },
      ],
      storage: [
        { target: '電子データ', method: 'アクセス制御が可能なサーバー、パソコン' },
        { target: '書類', method: '施錠可能なキャビネット' },
      ],
      laptopEncryption: 'hardDisk',
      smallMediaMeasure: 'tag',
      externalSystemProviders: EXTERNAL_SYSTEM_PROVIDERS[ctx.type],
    },
    accounts: {
      removalDeadline: '当該アカウントが不要になった日の翌日',
      forbiddenPrivilegedNames: ['WindowsOS：administrator、admin', 'LinuxOS：root'],
      generalAccountNames: [`${t.staff}番号`, `${t.staff}コード`],
      privileged: { lockoutThreshold: 3, lockoutDuration: 6, lockoutUnit: 'hours', minLength: 12 },
      general: { lockoutThreshold: 10, lockoutDuration: 1, lockoutUnit: 'hours', minLength: 8, fallbackMinLength: 10 },
      unlockMinLength: 6,
    },
    email: {
      confidentialSending: ['encryptedAttachment'],
    },
    outsourcing: outsourcingDefaults(ctx),
    incident: incidentDefaults(ctx),
  };
}
