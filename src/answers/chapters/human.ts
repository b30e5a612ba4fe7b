import * as z from '../../zod.js';
import { fillableLine, line, lines, texts, todo } from '../common.js';
import type { PresetContext } from '../context.js';
import { thresholdAt, thresholdSchema } from '../core.js';

/**
 * Answers for the rulebook chapter 2 人的対策: its schema and its preset defaults.
 * Section 6 (テレワークにおける対策) is included only with `options.telework`; its parts about
 * 私有機器 follow `options.privateDevices`.
 */

const employmentSchema = z
  .object({
    confidentiality: z.enum(['pledge', 'contract']).describe('雇用時の守秘義務の取り方: pledge（守秘義務ルールを説明の上、誓約書を提出させる）/ contract（秘密保持契約を締結する）'),
    externalStaff: z.boolean().describe('社外要員（派遣・委託）について、当該企業と秘密保持契約を締結する旨を書く'),
  })
  .strict();

const educationSchema = z
  .object({
    audience: line().describe('教育の対象者: 全従業員'),
    frequency: fillableLine().describe('教育の開催頻度: 新規受け入れ時、異動時、役割変更時、年1回以上の頻度'),
    topics: texts().min(1, '教育テーマを1つ以上記入してください').describe('必須の教育テーマ（1項目1テーマ。括弧で実施時期。2行目以降は補足として改行して表示）'),
    recordItems: lines().min(1, '研修記録の内容を1つ以上記入してください').describe('研修記録に含める内容'),
  })
  .strict();

const developmentSchema = z
  .object({
    qualifications: lines().min(1, '推奨資格を1つ以上記入してください').describe('推奨資格・試験'),
  })
  .strict();

/** 6.1.1 テレワークで利用する情報システム（表の1行） */
const teleworkSystemSchema = z
  .object({
    kind: fillableLine().describe('情報システム・サービスの種類: 電子メールソフト / クラウド型グループウェア'),
    product: fillableLine().nullable().describe('製品・サービス名（任意）'),
    uses: lines().describe('用途（複数なら「・」付きで並ぶ）'),
    procedures: texts().describe('導入手順・制限事項（複数なら「・」付きで並ぶ。改行も可）'),
    url: fillableLine().nullable().describe('直接アクセスするURL（任意。手順の下に表示）'),
    manual: fillableLine().nullable().describe('手順書のファイル名（任意。「… 参照」と表示）'),
  })
  .strict();

/** 6.1.2 テレワークで利用する機器（表の1行） */
const teleworkDeviceSchema = z
  .object({
    device: fillableLine().describe('情報機器: パソコン / スマホ・タブレット'),
    ownedFor: fillableLine().nullable().describe('組織の機器を貸与する対象（任意）: 営業部員。null は全員'),
    owned: lines().describe('組織の機器の利用方法（複数なら「・」付きで並ぶ）'),
    private: z.enum(['measures', 'asNeeded', 'prohibited']).describe('私有機器の扱い: measures（私有機器を利用する場合の対策を実施して利用）/ asNeeded（必要に応じて私有機器を利用）/ prohibited（私有機器の業務利用禁止）。options.privateDevices が prohibited のときはすべて禁止になる'),
    privateAlternatives: line().nullable().describe('私有機器のほかに使えるサービス（任意、measures のとき）: コンビニ・レンタルオフィス等のサービス'),
  })
  .strict();

/** 6.2.3 社内標準アプリ（表の1行） */
const teleworkAppSchema = z
  .object({
    purpose: line().describe('用途: セキュリティソフト'),
    product: fillableLine().describe('アプリ名'),
  })
  .strict();

/** 6.6 問い合わせ先・緊急連絡先（1人分） */
const teleworkContactSchema = z
  .object({
    role: line().describe('役割: システム管理者'),
    title: fillableLine().nullable().describe('役職名（任意）: 管理部長'),
    phone: fillableLine().nullable().describe('電話番号（任意）'),
    email: fillableLine().nullable().describe('メールアドレス（任意）'),
  })
  .strict();

export const TELEWORK_CONFIGURATIONS = ['vpn', 'remoteDesktop', 'standalone', 'cloud'] as const;
export const TELEWORK_NETWORKS = ['wiredHub', 'wirelessRouter', 'mobileRouter', 'publicWifi'] as const;

const teleworkSchema = z
  .object({
    systems: z.array(teleworkSystemSchema).max(50).describe('6.1.1 テレワークで利用する情報システム・サービス'),
    devices: z.array(teleworkDeviceSchema).min(1).max(50).describe('6.1.2 テレワークで利用する情報機器'),
    configurations: z.array(z.enum(TELEWORK_CONFIGURATIONS)).min(1, 'システム構成を1つ以上選んでください').describe('6.1.3 利用するシステム構成: vpn（VPN方式）/ remoteDesktop（リモートデスクトップ方式）/ standalone（スタンドアロン（持ち帰り）方式）/ cloud（クラウドサービス方式）'),
    apps: z.array(teleworkAppSchema).max(50).describe('6.2.3 社内標準アプリ'),
    networks: z.array(z.enum(TELEWORK_NETWORKS)).min(1, '通信機器・サービスを1つ以上選んでください').describe('6.3 利用を認める通信機器・サービス: wiredHub（自宅の有線LANハブ）/ wirelessRouter（自宅の無線LANルーター）/ mobileRouter（外出先のモバイルWi-Fiルーター）/ publicWifi（外出先の公衆Wi-Fiサービス）。publicWifi を外すと公衆Wi-Fiの利用禁止になる'),
    inquiryContacts: z.array(teleworkContactSchema).min(1).max(20).describe('6.6 問い合わせ先'),
    emergencyContacts: z.array(teleworkContactSchema).min(1).max(20).describe('6.6 緊急連絡先（夜間休日を問わない）'),
  })
  .strict();

export const humanSchema = z
  .object({
    employment: employmentSchema.describe('1 雇用条件'),
    duties: z
      .object({ secretsThreshold: thresholdSchema.describe('秘密（営業秘密・機密）として管理する情報の機密性評価値の下限。既定は最も低い非公開レベルの評価値') })
      .strict()
      .describe('2 従業員の責務'),
    education: educationSchema.describe('4 情報セキュリティ教育'),
    development: developmentSchema.describe('5 人材育成'),
    telework: teleworkSchema.describe('6 テレワークにおける対策（options.telework が true のとき）'),
  })
  .strict();

export type HumanAnswers = z.infer<typeof humanSchema>;

export function humanDefaults(ctx: PresetContext): HumanAnswers {
  const t = ctx.terms;
  const admin = ctx.roles.systemAdmin;
  const isCompany = ctx.type === 'company' || ctx.type === 'llc';
  /** 「全社貸与」: 会社では全社、そのほかは組織名（協会貸与） */
  const lent = `${isCompany ? t.whole : t.org}貸与`;
  const example = isCompany ? '営業部員' : `事業課の${t.staff}`;
  const adminContact = () => ({
    role: admin.name,
    title: admin.title,
    phone: admin.phone ?? todo(`${admin.name}の電話番号（テレワークの問い合わせ・緊急連絡先）`),
    email: admin.email ?? todo(`${admin.name}のメールアドレス（テレワークの問い合わせ・緊急連絡先）`),
  });
  return {
    employment: {
      confidentiality: 'pledge',
      externalStaff: true,
    },
    duties: { secretsThreshold: thresholdAt(ctx.confidentiality.levels) },
    education: {
      audience: `全${t.staff}`,
      frequency: '新規受け入れ時、異動時、役割変更時、年1回以上の頻度',
      topics: [
        `情報セキュリティのための組織体制（${t.joining}、就業時）`,
        `${t.documentName}の説明（${t.joining}、就業時、必要に応じて異動時/役割変更時）\n（必須：電子メールやWeb閲覧によるウイルス感染予防、機密区分の定義と取扱、セキュリティインシデント発生時の対応）`,
        '最新の脅威に対する注意喚起（随時）',
        '関連法令の理解（関連法令の公布・施行時）',
        '個人情報の取り扱いに関する留意事項',
      ],
      recordItems: [
        '研修に関する情報（研修日、研修名、研修内容、研修形式、講師、対象者）',
        isCompany ? '受講者の情報（会社名、所属先、氏名など）' : '受講者の情報（所属団体名、所属先、氏名など）',
        '受講状況（受講者情報、受講ステータスなど）',
        '理解度（アンケート結果）',
        'フォローアップ状況',
      ],
    },
    development: {
      qualifications: ['ITパスポート試験', '情報セキュリティマネジメント試験', 'システム監査技術者試験', '情報処理安全確保支援士試験'],
    },
    telework: {
      systems: [
        {
          kind: '電子メールソフト',
          product: todo('テレワークで使う電子メールソフトの製品名'),
          uses: ['電子メール'],
          procedures: [`${t.inside}PCにリモートアクセスして利用`, '私有メールアドレス、メーラーの業務利用禁止'],
          url: null,
          manual: null,
        },
        {
          kind: 'クラウド型グループウェア',
          product: todo('クラウド型グループウェアの製品名'),
          uses: ['勤怠管理', `${t.inside}連絡`, 'ファイル転送・保存'],
          procedures: [`${t.inside}PCにリモートアクセスして利用または以下のURLに直接アクセスして利用`],
          url: todo('クラウド型グループウェアのログインURL'),
          manual: null,
        },
        {
          kind: 'クラウド型ビジネスチャット',
          product: todo('クラウド型ビジネスチャットの製品名'),
          uses: ['プロジェクト管理'],
          procedures: [],
          url: null,
          manual: todo('ビジネスチャットの利用手順書のファイル名'),
        },
        {
          kind: 'オンライン会議システム',
          product: todo('オンライン会議システムの製品名'),
          uses: [`${t.inside}会議`, '商談'],
          procedures: [
            '通信はエンドツーエンド暗号化を利用',
            '参加者名の設定機能を利用',
            '会議終了後に録音・録画、共有資料。チャット等の会議データをクラウド上から削除',
          ],
          url: null,
          manual: todo('オンライン会議システムの利用手順書のファイル名'),
        },
        {
          kind: '会計・給与計算ソフト',
          product: todo('会計・給与計算ソフトの製品名（シリーズ名）'),
          uses: ['会計', '給与計算'],
          procedures: [`${t.inside}PCにリモートアクセスして利用`],
          url: null,
          manual: todo('会計・給与計算ソフトの利用手順書のファイル名'),
        },
        {
          kind: 'CRMシステム',
          product: todo('CRMシステムの製品名'),
          uses: ['顧客管理'],
          procedures: ['以下のURLに直接アクセスして利用'],
          url: todo('CRMシステムのログインURL'),
          manual: todo('CRMシステムの利用手順書のファイル名'),
        },
      ],
      devices: [
        {
          device: 'パソコン',
          ownedFor: null,
          owned: [`${lent}テレワーク用PCを利用`, `${t.inside}PCを持ち出して利用`],
          private: 'measures',
          privateAlternatives: null,
        },
        {
          device: 'スマホ・タブレット',
          ownedFor: todo(`${t.org}貸与のスマホ・タブレットを使う人（例: ${example}）`),
          owned: [`${t.org}貸与品を利用`],
          private: 'measures',
          privateAlternatives: null,
        },
        {
          device: '通信機器（ルーター）',
          ownedFor: todo(`${t.org}貸与のモバイルルータを使う人（例: ${example}）`),
          owned: [`${t.org}貸与のモバイルルータを利用`],
          private: 'measures',
          privateAlternatives: null,
        },
        {
          device: 'USBメモリ・外付けHDD',
          ownedFor: null,
          owned: [`${lent}品を利用`],
          private: 'prohibited',
          privateAlternatives: null,
        },
        {
          device: 'オンライン会議用ヘッドセット',
          ownedFor: null,
          owned: [`${lent}品を利用`],
          private: 'asNeeded',
          privateAlternatives: null,
        },
        {
          device: 'オンライン会議用Webカメラ',
          ownedFor: null,
          owned: [`${t.org}貸与テレワーク用PC内蔵Webカメラを利用`],
          private: 'asNeeded',
          privateAlternatives: null,
        },
        {
          device: 'プリンタ',
          ownedFor: todo(`${t.org}貸与のプリンタを使う人（例: ${example}）`),
          owned: [`${t.org}貸与品を利用`],
          private: 'measures',
          privateAlternatives: 'コンビニ・レンタルオフィス等のサービス',
        },
      ],
      configurations: [...TELEWORK_CONFIGURATIONS],
      apps: [
        { purpose: 'セキュリティソフト', product: todo('スマホ・タブレットに入れるセキュリティソフトの製品名') },
        { purpose: `${t.inside}通話・打ち合わせ`, product: todo(`${t.inside}通話・打ち合わせに使うアプリ名`) },
        { purpose: 'メール・スケジュール管理システムへのアクセス', product: todo('メール・スケジュール管理システムへのアクセスに使うアプリ名') },
        { purpose: 'ビジネスチャットメール', product: todo('ビジネスチャットに使うアプリ名') },
      ],
      networks: [...TELEWORK_NETWORKS],
      inquiryContacts: [adminContact()],
      emergencyContacts: [adminContact()],
    },
  };
}
