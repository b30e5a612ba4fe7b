import * as z from '../../zod.js';
import { fillableLine, line, todo } from '../common.js';
import type { PresetContext } from '../context.js';

/**
 * Answers for 技術的対策 4 バックアップ, 5 リストア手順, 6 システム開発及び保守: schema and preset
 * defaults (answers key `technical.continuity`). Whether 4.3 and 6 appear at all is decided by
 * `options.cloudBackup` and `options.systemDevelopment`.
 */

const backupTargetSchema = z
  .object({
    device: fillableLine().describe('機器名（機器・システムの名前）: ファイルサーバー / 会計システム'),
    data: line().describe('バックアップの対象: ユーザーファイル / アプリケーションデータ'),
    method: fillableLine().describe('バックアップの方法: Windows Server バックアップ / 同期ツール'),
    destination: fillableLine().describe('保管先: NASサーバー / 外付けHDD / クラウドバックアップサービス'),
  })
  .strict();

const mediaStorageSchema = z
  .object({
    medium: line().describe('機器・媒体の種類: 可搬電子媒体 / NASサーバー'),
    place: line().describe('保管の方法（「媒体：」の後に続く文）: 施錠付きキャビネットに保管'),
  })
  .strict();

const backupScheduleSchema = z
  .object({
    data: line().describe('データの種類: 業務データ / プログラムファイル / 設定ファイル'),
    frequency: fillableLine().describe('取得頻度（「データの種類：」の後に続く文）: 週に１回バックアップ'),
    retention: fillableLine().describe('保管期間（「を保有」の前に入る語）: 直近12週間分 / 5年分'),
  })
  .strict();

const recoveryTargetSchema = z
  .object({
    system: fillableLine().describe('システム: 業務システム / ファイルサーバー'),
    target: fillableLine().describe('目標値: 1時間以内 / 24時間以内'),
    reason: line().nullable().describe('目標の理由・前提（括弧書き、任意）: 前日の定期バックアップを基準とする'),
  })
  .strict();

export const continuitySchema = z
  .object({
    backup: z
      .object({
        targets: z.array(backupTargetSchema).max(50).describe('4.1 バックアップ取得対象（機器名・対象・方法・保管先の表の行）'),
        mediaStorage: z.array(mediaStorageSchema).max(20).describe('4.2 バックアップに利用した機器・媒体の保管方法（＜保管＞の箇条。空なら＜保管＞を省く）'),
        schedule: z.array(backupScheduleSchema).max(20).describe('4.4 データの種類ごとの取得頻度と保管期間'),
      })
      .strict().describe('4 バックアップ'),
    restore: z
      .object({
        rpo: z.array(recoveryTargetSchema).max(20).describe('5.2 復旧ポイント目標（RPO）: システムごとの目標値と理由'),
        rto: z.array(recoveryTargetSchema).max(20).describe('5.2 復旧時間目標（RTO）: システムごとの目標値と理由（5.5 の重要事項にも使う）'),
        trainingFrequency: fillableLine().describe('5.4 リストア訓練の頻度（「定期的（…）に実施」）: 年2回'),
        manualReviewFrequency: fillableLine().describe('5.4 リストア手順書の見直し頻度（「…の頻度で見直し」）: 年1回以上'),
      })
      .strict().describe('5 リストア手順'),
    development: z
      .object({
        systemDepartment: line().nullable().describe('6.6.2 脆弱性管理を担うシステム管理者の所属部門（括弧書き）。null は部門名を書かない: システム部門'),
        vulnerabilitySources: z.array(line()).min(1, '脆弱性情報の入手先を少なくとも1つ記入してください').max(20).describe('6.6.3 日常的に確認する脆弱性情報の入手先: JVN iPedia脆弱性対策情報データベース / IPA脆弱性対策情報'),
        sourceCheckFrequency: fillableLine().describe('6.6.3 脆弱性情報を確認する頻度（「…で確認する」）: 日次'),
        urgencyHighDeadline: fillableLine().describe('6.6.4 緊急度「高」の対応期限の目安: 1週間以内'),
        urgencyMediumDeadline: fillableLine().describe('6.6.4 緊急度「中」の対応期限の目安: 1か月以内'),
        scanFrequency: fillableLine().describe('6.6.6 脆弱性スキャンの頻度: 月1回以上'),
        statusListReviewFrequency: fillableLine().describe('6.6.7 脆弱性対応状況一覧を確認する頻度（「…で確認する」）: 月次'),
        procedureReviewFrequency: fillableLine().describe('6.6.8 脆弱性管理手順書の見直し頻度（「少なくとも…」）: 年1回'),
      })
      .strict().describe('6 システム開発及び保守（options.systemDevelopment が true のときだけ使う）'),
  })
  .strict();

export type ContinuityAnswers = z.infer<typeof continuitySchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the user said about cloud backup (the preset's default is true). */
function cloudBackupWanted(input: Readonly<Record<string, unknown>>): boolean {
  const options = input.options;
  return !(isRecord(options) && options.cloudBackup === false);
}

export function continuityDefaults(ctx: PresetContext): ContinuityAnswers {
  const cloud = cloudBackupWanted(ctx.input);
  return {
    backup: {
      targets: [
        { device: 'ファイルサーバー', data: 'ユーザーファイル', method: 'Windows Server バックアップ', destination: 'NASサーバー' },
        { device: '給与計算システム', data: 'アプリケーションデータ', method: 'ファイルコピー', destination: '専用外付けHDD（暗号化機能付）' },
        {
          device: '会計システム',
          data: 'アプリケーションデータ',
          method: 'アプリケーションバックアップ機能',
          // Without cloud backup (options.cloudBackup: false) the sample's cloud destination would contradict the policy.
          destination: cloud ? 'クラウドバックアップサービス' : todo('会計システムのバックアップの保管先（クラウドサービスを使わない場合）'),
        },
        {
          device: todo('バックアップを取得する業務システムの名称（例: 販売管理システム）'),
          data: 'アプリケーションデータ',
          method: '同期ツール',
          destination: '外付けHDD',
        },
        { device: 'Webサーバー', data: 'ホームページ', method: '同期ツール', destination: 'NASサーバー' },
      ],
      mediaStorage: [
        { medium: '可搬電子媒体', place: '施錠付きキャビネットに保管' },
        { medium: 'NASサーバー', place: '施錠付きサーバーラックに収納' },
      ],
      schedule: [
        {
          data: '業務データ',
          frequency: '週に１回フルバックアップし、その他の日に差分バックアップ',
          retention: '差分バックアップは直近14日分、フルバックアップは直近8週間分',
        },
        { data: 'プログラムファイル', frequency: 'リリース時にのみバックアップ', retention: '5年分' },
        { data: '設定ファイル', frequency: '週に１回バックアップ', retention: '直近12週間分' },
      ],
    },
    restore: {
      rpo: [
        { system: '業務システム', target: '1時間以内', reason: '重要トランザクションデータの損失を最小化するため' },
        { system: 'ファイルサーバー', target: '24時間以内', reason: '前日の定期バックアップを基準とする' },
      ],
      rto: [
        { system: '業務システム', target: '2時間以内', reason: '業務停止の影響を最小化するため' },
        { system: 'ファイルサーバー', target: '4時間以内', reason: '業務に支障が出ない範囲での目標時間とする' },
      ],
      trainingFrequency: '年2回',
      manualReviewFrequency: '年1回以上',
    },
    development: {
      systemDepartment: ctx.type === 'company' || ctx.type === 'llc' ? 'システム部門' : null,
      vulnerabilitySources: ['JVN iPedia脆弱性対策情報データベース', 'IPA脆弱性対策情報'],
      sourceCheckFrequency: '日次',
      urgencyHighDeadline: '1週間以内',
      urgencyMediumDeadline: '1か月以内',
      scanFrequency: '月1回以上',
      statusListReviewFrequency: '月次',
      procedureReviewFrequency: '年1回',
    },
  };
}

/** Words that show a backup destination is a cloud service. */
