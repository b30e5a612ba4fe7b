import * as z from '../../zod.js';
import { fillableLine, fillableText, line, lines, todo } from '../common.js';
import type { PresetContext } from '../context.js';
import { continuityDefaults, continuitySchema } from './technical-continuity.js';

/**
 * Answers for the rulebook chapter 4 技術的対策: its schema and its preset defaults.
 * Sections 1 (アクセス制御及び認証に関する標準設定等), 2 (IT機器利用) and 3 (IT基盤運用管理) are here;
 * sections 4 (バックアップ), 5 (リストア手順) and 6 (システム開発及び保守) live in technical-continuity.ts.
 */

/** 表の1行: 情報システムとその方法（1.1〜1.3） */
const systemMethodSchema = z
  .object({
    system: fillableLine().describe('情報システム・サービスの名称: ファイルサーバー'),
    method: fillableText().describe('方法: Windows Active Directory / アプリケーションのユーザー認証'),
  })
  .strict();

/** 標準ソフトウェア・標準機器の表の1行（種別・名称・開発・販売元・バージョン） */
const standardItemSchema = z
  .object({
    kind: fillableLine().describe('種別: パソコンOS / ルーター'),
    name: fillableLine().describe('名称: Windows'),
    vendor: fillableLine().describe('開発・販売元: Microsoft'),
    version: fillableLine().describe('バージョン（「11以降」のように書く）: 標準ネットワーク機器では OSバージョン等'),
  })
  .strict();

/** アップデート方法の表の1行（種別・名称・開発・販売元・アップデート方法） */
const updateItemSchema = z
  .object({
    name: fillableLine().describe('名称: Windows'),
    vendor: fillableLine().describe('開発・販売元: Microsoft'),
    method: fillableText().describe('アップデート方法: Windows Updateの自動更新機能が有効化されている'),
  })
  .strict();

/** 種別ごとにまとめたアップデート方法（種別の欄は縦に結合して表示） */
const updateGroupSchema = z
  .object({
    kind: line().describe('種別: 業務用ソフト'),
    items: z.array(updateItemSchema).min(1).max(50).describe('その種別のソフトウェア（1つ以上）'),
  })
  .strict();

/** ウイルス対策ソフトウェアの定義ファイルの更新方法の表の1行 */
const definitionUpdateSchema = z
  .object({
    kind: fillableLine().describe('種別: パソコン用ウイルス対策'),
    name: fillableLine().describe('名称（製品名）'),
    vendor: fillableLine().describe('開発・販売元'),
    method: fillableText().describe('更新方法: 定義ファイル更新方法を自動に設定する'),
  })
  .strict();

/** 機器ごとの情報セキュリティ要件（対象機器の欄は縦に結合して表示） */
const deviceRequirementsSchema = z
  .object({
    device: fillableLine().describe('対象機器: ファイルサーバー / ルーター'),
    requirements: z
      .array(
        z
          .object({
            requirement: fillableText().describe('セキュリティ要件: 利用者認証機能'),
            product: fillableLine().nullable().describe('利用技術・製品（未定なら null で空欄）'),
          })
          .strict(),
      )
      .min(1)
      .max(50).describe('要件（1つ以上）'),
  })
  .strict();

/** 取得するログの表の1行 */
const logKindSchema = z
  .object({
    kind: fillableLine().describe('ログの種類: ファイアウォール'),
    retention: fillableLine().describe('保存期間: 3年間'),
    items: fillableText().describe('取得項目: 日時、送信元IP アドレス及び送信先IP アドレス'),
  })
  .strict();

/** ログのレビューの頻度と観点（対象ごと） */
const logReviewSchema = z
  .object({
    target: line().describe('対象のログ: PC等の認証ログ'),
    frequency: fillableLine().describe('頻度: 月1回以上の頻度'),
    checks: lines().min(1).describe('異常の検知の観点（箇条書き）'),
  })
  .strict();

export const technicalSchema = z
  .object({
    accessControl: z
      .object({
        systems: z.array(systemMethodSchema).max(100).describe('1.1 アクセス制御の対象とする情報システム・サービスとアクセス制御方法'),
        userAuthentication: z.array(systemMethodSchema).max(100).describe('1.2 情報システムごとの利用者認証方法'),
        deviceAuthentication: z.array(systemMethodSchema).max(100).describe('1.3 情報システムごとの端末認証方法'),
      })
      .strict().describe('1 アクセス制御及び認証に関する標準設定等'),
    software: z
      .object({
        scanFrequency: fillableLine().describe('2.1.4.1 ウイルス対策ソフトウェアのフルスキャンの頻度: 週次'),
        standard: z.array(standardItemSchema).max(100).describe('2.4.1 標準ソフトウェア'),
        updates: z.array(updateGroupSchema).max(50).describe('2.4.2 ソフトウェアのアップデート方法（種別ごと）'),
        definitionUpdates: z.array(definitionUpdateSchema).max(50).describe('2.4.3 ウイルス対策ソフトウェアの定義ファイルの更新方法'),
      })
      .strict().describe('2.1 ソフトウェアの利用、2.4 標準等'),
    webRestriction: z.enum(['notice', 'filtering', 'both']).describe('2.2・3.3 業務に不要・有害なウェブサイトの閲覧を制限する手段: notice（社内周知）/ filtering（ウェブフィルタリングソフト）/ both（両方）'),
    privateDevices: z
      .object({
        remoteAccess: z.enum(['prohibited', 'permitted']).describe('2.3.3 私有機器からの社内LANへのリモート接続: prohibited（禁止）/ permitted（システム管理者の許可制）'),
        bringIn: z.enum(['permitted', 'prohibited']).describe('2.3.4 私有機器の社内への持ち込み: permitted（システム管理者の許可制）/ prohibited（禁止）'),
        officeLan: z.enum(['prohibited', 'permitted']).describe('2.3.4 持ち込んだ私有機器の社内LANへの接続: prohibited（禁止）/ permitted（システム管理者の許可制）'),
      })
      .strict().describe('2.3 私有IT機器・電子媒体の利用（options.privateDevices が permitted のとき）'),
    infrastructure: z
      .object({
        softwareLists: z.enum(['both', 'whitelist', 'blacklist']).describe('3.2.2 サーバーに導入するソフトウェアのリスト: both（ホワイトリスト/ブラックリスト）/ whitelist（ホワイトリストのみ）/ blacklist（ブラックリストのみ）'),
        serverRequirements: z.array(deviceRequirementsSchema).max(50).describe('3.5.1 機器（サーバー）の情報セキュリティ要件'),
        serverSoftware: z.array(standardItemSchema).max(100).describe('3.5.1 IT基盤の標準ソフトウェア'),
        networkRequirements: z.array(deviceRequirementsSchema).max(50).describe('3.5.1 ネットワーク機器の情報セキュリティ要件'),
        networkDevices: z.array(standardItemSchema).max(100).describe('3.5.1 標準ネットワーク機器（version は OSバージョン等）'),
      })
      .strict().describe('3 IT基盤運用管理'),
    logs: z
      .object({
        scope: z.array(fillableLine()).min(1).describe('3.8.2 ログ分析手順書の対象とするログ（箇条書き）'),
        kinds: z.array(logKindSchema).min(1).max(50).describe('3.8.3 取得するログの種類・保存期間・取得項目'),
        cloudRetention: fillableLine().describe('3.8.3 クラウドサービスのログに求める保存期間: 3年間'),
        reviews: z.array(logReviewSchema).min(1).max(20).describe('3.8.5 ログのレビューの頻度と観点'),
        procedureReview: fillableLine().describe('3.8.7 ログ分析手順書を見直す間隔（「少なくとも○○、または重大なインシデント発生時」）: 年1回'),
      })
      .strict().describe('3.8 ログの管理'),
    continuity: continuitySchema.describe('4 バックアップ・5 リストア手順・6 システム開発及び保守'),
  })
  .strict();

export type TechnicalAnswers = z.infer<typeof technicalSchema>;

const version = (name: string, example: string) => todo(`標準ソフトウェア「${name}」のバージョン（例: ${example}）`);

export function technicalDefaults(ctx: PresetContext): TechnicalAnswers {
  const t = ctx.terms;
  const admin = ctx.roles.systemAdmin.name;
  const businessSystem = (table: string) =>
    todo(`${table}の対象とする業務システムの名称（例: 販売管理システム）`);
  return {
    accessControl: {
      systems: [
        { system: 'ファイルサーバー', method: 'Windows Active Directory' },
        { system: '給与計算システム', method: 'アプリケーションのユーザー認証' },
        { system: businessSystem('アクセス制御'), method: 'アプリケーションのユーザー認証' },
        { system: 'メールサーバー（ホスティングサービス）', method: 'ホスティングサービスのユーザー認証' },
        { system: 'Webサーバー（ホスティングサービス）', method: 'ホスティングサービスのユーザー認証' },
        { system: `${t.inside}無線LAN`, method: 'ルーターの端末認証' },
      ],
      userAuthentication: [
        { system: 'ファイルサーバー', method: 'Windowsログオン認証：アカウント名・パスワード' },
        { system: '給与計算システム', method: 'アプリケーションのユーザー認証：ID・パスワード' },
        { system: businessSystem('利用者認証'), method: 'アプリケーションのユーザー認証：ID・パスワード' },
      ],
      deviceAuthentication: [
        { system: `${t.inside}無線LAN`, method: 'Wi-Fiルーターに端末のMACアドレスを登録' },
        { system: businessSystem('端末認証'), method: 'パソコンにデジタル証明書をインストール' },
      ],
    },
    software: {
      scanFrequency: '週次',
      standard: [
        { kind: 'パソコンOS', name: 'Windows', vendor: 'Microsoft', version: version('Windows', '11以降') },
        { kind: 'オフィス系ソフト', name: 'Office', vendor: 'Microsoft', version: version('Office', '2021以降') },
        { kind: '電子メール', name: 'Outlook', vendor: 'Microsoft', version: version('Outlook', '2021以降') },
        {
          kind: 'パソコン用ウイルス対策',
          name: todo('パソコン用ウイルス対策ソフトの製品名'),
          vendor: todo('パソコン用ウイルス対策ソフトの開発・販売元'),
          version: todo('パソコン用ウイルス対策ソフトのバージョン（例: Ver.10以降）'),
        },
        {
          kind: 'スマートフォン用ウイルス対策',
          name: todo('スマートフォン用ウイルス対策ソフトの製品名'),
          vendor: todo('スマートフォン用ウイルス対策ソフトの開発・販売元'),
          version: todo('スマートフォン用ウイルス対策ソフトのバージョン（例: Ver.10以降）'),
        },
        {
          kind: 'ブラウザ',
          name: todo('標準のブラウザの名称'),
          vendor: todo('標準のブラウザの開発・販売元'),
          version: todo('標準のブラウザのバージョン（例: Ver.120以降）'),
        },
      ],
      updates: [
        {
          kind: 'パソコンOS',
          items: [{ name: 'Windows', vendor: 'Microsoft', method: 'Windows Updateの自動更新機能が有効化されている' }],
        },
        {
          kind: '業務用ソフト',
          items: [
            { name: 'Office', vendor: 'Microsoft', method: 'Windows Updateの自動更新機能が有効化されている' },
            { name: 'Adobe Reader', vendor: 'Adobe', method: '自動アップデートを有効にする。' },
          ],
        },
        {
          kind: 'ブラウザ',
          items: [
            {
              name: todo('アップデート方法を定めるブラウザの名称'),
              vendor: todo('そのブラウザの開発・販売元'),
              method: todo('そのブラウザのアップデート方法（例: 自動アップデートを有効にする。）'),
            },
          ],
        },
        {
          kind: 'スマートフォンOS',
          items: [
            { name: 'Android', vendor: 'Google', method: '機種毎の情報を常に調べて必要に応じて対応する。' },
            { name: 'iOS', vendor: 'Apple', method: 'iOSアップデート' },
          ],
        },
      ],
      definitionUpdates: [
        {
          kind: 'パソコン用ウイルス対策',
          name: todo('パソコン用ウイルス対策ソフトの製品名'),
          vendor: todo('パソコン用ウイルス対策ソフトの開発・販売元'),
          method: '定義ファイル更新方法を自動に設定する',
        },
        {
          kind: 'スマートフォン用ウイルス対策',
          name: todo('スマートフォン用ウイルス対策ソフトの製品名'),
          vendor: todo('スマートフォン用ウイルス対策ソフトの開発・販売元'),
          method: '定義ファイル更新方法を自動に設定する',
        },
      ],
    },
    webRestriction: 'notice',
    privateDevices: {
      remoteAccess: 'prohibited',
      bringIn: 'permitted',
      officeLan: 'prohibited',
    },
    infrastructure: {
      softwareLists: 'both',
      serverRequirements: [
        {
          device: 'ファイルサーバー',
          requirements: [
            { requirement: '利用者認証機能', product: 'Windows Active Directory' },
            { requirement: 'セキュリティログ取得機能', product: 'Windows' },
            { requirement: 'システムログ取得機能', product: 'Windows' },
            { requirement: 'ユーザーアクセスログ取得機能', product: todo('ファイルサーバーのユーザーアクセスログを取得する技術・製品') },
            {
              requirement: todo('ファイルサーバーのハードディスクの要件（例: ハードディスク：容量4TB以上、RAID構成）'),
              product: todo('ファイルサーバーのハードディスクの要件を満たす技術・製品'),
            },
          ],
        },
        {
          device: 'NASサーバー',
          requirements: [
            { requirement: '利用者認証機能', product: null },
            { requirement: 'ディスク暗号化機能', product: todo('NASサーバーのディスク暗号化に使う技術・製品') },
            { requirement: todo('NASサーバーのハードディスクの要件（例: ハードディスク：容量500GB以上）'), product: null },
          ],
        },
      ],
      serverSoftware: [
        {
          kind: 'ＯＳ',
          name: 'Windows Server',
          vendor: 'Microsoft',
          version: todo('サーバーOS「Windows Server」のバージョン（例: 2022以降）'),
        },
        {
          kind: 'ＲＤＢ',
          name: todo('サーバーで使うデータベース（RDB）の製品名（例: PostgreSQL）'),
          vendor: todo('そのデータベースの開発・販売元'),
          version: todo('そのデータベースのバージョン（例: Ver.16以降）'),
        },
        {
          kind: 'ウイルス対策',
          name: todo('サーバー用ウイルス対策ソフトの製品名'),
          vendor: todo('サーバー用ウイルス対策ソフトの開発・販売元'),
          version: todo('サーバー用ウイルス対策ソフトのバージョン（例: Ver.10以降）'),
        },
        {
          kind: 'ブラウザ',
          name: todo('サーバーで使うブラウザの名称'),
          vendor: todo('サーバーで使うブラウザの開発・販売元'),
          version: todo('サーバーで使うブラウザのバージョン（例: Ver.120以降）'),
        },
      ],
      networkRequirements: [
        {
          device: 'ルーター',
          requirements: [
            { requirement: '利用者認証機能', product: todo('ルーターの利用者認証に使う技術・製品') },
            { requirement: 'MACアドレス認証', product: todo('ルーターのMACアドレス認証に使う技術・製品') },
            { requirement: '通信ログ取得', product: todo('ルーターの通信ログ取得に使う技術・製品') },
          ],
        },
        {
          device: todo('監視ツールの名称（例: ネットワーク監視ツール）'),
          requirements: [{ requirement: 'ユーザーアクセス監視', product: todo('ユーザーアクセス監視に使う技術・製品') }],
        },
      ],
      networkDevices: [
        {
          kind: 'ルーター',
          name: todo('標準のルーターの製品名'),
          vendor: todo('標準のルーターの開発・販売元'),
          version: todo('標準のルーターのOSバージョン等（例: Ver.15以降）'),
        },
        {
          kind: 'ＵＴＭ',
          name: todo('標準のUTMの製品名'),
          vendor: todo('標準のUTMの開発・販売元'),
          version: todo('標準のUTMのOSバージョン等（例: Ver.7以降）'),
        },
        {
          kind: '監視ツール',
          name: todo('標準の監視ツールの製品名'),
          vendor: todo('標準の監視ツールの開発・販売元'),
          version: todo('標準の監視ツールのバージョン（例: Ver.6以降）'),
        },
      ],
    },
    logs: {
      scope: [
        `ファイアウォールのログ（${t.inside}の${t.department}間や、取引先等と接続する閉域網の入口に設置されるものも含む）`,
        'プロキシサーバーのログ',
        '情報機器および情報システムの認証ログ',
      ],
      kinds: [
        { kind: 'ファイアウォール', retention: '3年間', items: '日時、送信元IP アドレス及び送信先IP アドレス' },
        { kind: 'プロキシサーバー', retention: '3年間', items: '日時、リクエスト元IP アドレス及びURL' },
        { kind: 'PC等の認証ログ', retention: '3年間', items: '日時、接続元IP アドレス、ユーザーID及び成功/失敗' },
      ],
      cloudRetention: '3年間',
      reviews: [
        {
          target: 'PC等の認証ログ',
          frequency: '月1回以上の頻度',
          checks: ['不審な認証試行を検知していないか（大量の認証失敗など）'],
        },
        {
          target: 'その他のログ（ファイアウォール、プロキシサーバー）',
          frequency: `${admin}の判断に基づき、適宜実施`,
          checks: [
            '管理外のインターネット接続がないか',
            '許可なく接続された機器や無線LAN機器はないか',
            '不審な通信が行われていないか（異常な接続元IPなど）',
          ],
        },
      ],
      procedureReview: '年1回',
    },
    continuity: continuityDefaults(ctx),
  };
}
