import * as z from '../zod.js';
import { confidentialitySchema, documentSchema, termsSchema } from '../answers/core.js';
import { answerFillable as fillable, answerFillableLine as fillableLine, answerFillableText as fillableText, isoDate, line, lines, text, texts } from '../answers/common.js';
import { CONTRACT_CLAUSES, MY_NUMBER_PURPOSES } from '../answers/chapters/companion.js';

export { MY_NUMBER_PURPOSES };
import { templatesSchema } from '../answers/templates.js';
import { VENDOR_CHECKLIST_LENGTH } from '../answers/chapters/organizational-outsourcing.js';
import { ORGANIZATION_SIZES, ORGANIZATION_TYPES } from './types.js';
import { INVENTORY_KINDS } from './kinds.js';
import { ROLE_KEYS } from './roles.js';

/**
 * The answers file, format 2: a profile of the organization. Each fact is written once — a person,
 * a room, a product, a vendor — and has an id when something else refers to it; every table and
 * sentence of the documents that names it is computed from here (src/profile/view.ts). Rules the
 * organization sets for itself are under `rules`; a rule value that the IPA sample only shows as an
 * example (a frequency, a period, a count) has no default: it is answered, or it is a gap.
 *
 * This schema is the single source of the `Profile` type; docs/answers.md is generated from it.
 */

/** An id other entries refer to: letters (any script), digits, `-` and `_`. */
const id = () =>
  z
    .string()
    .min(1, '空にはできません')
    .max(60, '60文字以内で記入してください')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'id は文字・数字・「-」「_」で書いてください（空白や記号は使えません）');

/** A reference to an id written elsewhere in the profile. */
const ref = (what: string) => id().describe(`${what}の id`);

/** `none` / `なし` as a first-class answer for an optional part; `false` means the same. */
export const NONE_WORDS = ['none', 'なし'] as const;
const noneSchema = z.union([z.literal(false), z.enum(NONE_WORDS)]);
export const isNone = (value: unknown): boolean => value === false || value === 'none' || value === 'なし';

/** `everyone` / `全員`: an answer of its own, never what an empty value means. */
export const EVERYONE_WORDS = ['everyone', '全員'] as const;
export const isEveryone = (value: unknown): boolean => value === 'everyone' || value === '全員';

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

// ── who we are ────────────────────────────────────────────────────────────────────────────────

const organizationSchema = z
  .object({
    name: line().describe('正式名称（例: さくら設計事務所株式会社）。出力先のフォルダー名にもなる'),
    type: z
      .enum(ORGANIZATION_TYPES, { error: `次のいずれかを記入してください: ${ORGANIZATION_TYPES.join(', ')}` })
      .describe('組織の種類。語彙（当社／当法人、従業員／職員…）と規程の文言の既定値が決まる'),
    size: z
      .enum(ORGANIZATION_SIZES, { error: `次のいずれかを記入してください: ${ORGANIZATION_SIZES.join(', ')}` })
      .describe('規模: small（おおむね20人まで。1人が複数の役割を持ち、クラウドサービス中心）/ medium（部門があり、自前のサーバーや情報システム担当がいる）'),
    business: fillable(text()).optional().describe('事業内容を組織自身の言葉で（基本方針の前文に使う）'),
    address: fillableLine().nullable().default(null).describe('所在地（任意）'),
    developsSoftware: z
      .boolean()
      .optional()
      .describe('自組織でシステムの開発・保守を行う（技術的対策「システム開発及び保守」を含める）。書かなければ規模が medium なら true、small なら false'),
  })
  .strict();

// ── who does what ─────────────────────────────────────────────────────────────────────────────

const personSchema = z
  .object({
    id: id().describe('この人（役職）を指す id（例: ceo、admin）'),
    title: line().describe('役職名（例: 代表取締役、総務担当）。役割の担当者として表に載る'),
    name: fillableLine().nullable().default(null).describe('氏名（任意。代表者は基本方針の署名に使う）'),
    roles: z
      .array(z.enum(ROLE_KEYS))
      .max(ROLE_KEYS.length)
      .refine(unique, { message: '同じ役割が2回書かれています' })
      .default([])
      .describe(`この人が務める役割（複数可）: ${ROLE_KEYS.join(' / ')}`),
    phone: fillableLine().nullable().default(null).describe('職場の電話番号（任意。問い合わせ先として載る）'),
    mobile: fillableLine().nullable().default(null).describe('緊急時の電話番号（携帯電話。任意。緊急連絡網に載る）'),
    email: fillableLine().nullable().default(null).describe('メールアドレス（任意）'),
  })
  .strict();

const departmentSchema = z
  .object({
    id: id().describe('部門の id'),
    name: line().describe('部門の名前（例: 営業部）'),
    head: ref('部門の長（people）').describe('部門の長（people の id）。情報セキュリティ部門責任者になる'),
  })
  .strict();

const roleWordingSchema = z
  .object({
    name: line().optional().describe('役割の名前を変える（例: システム管理者 → 情報システム管理者）'),
    duty: text().optional().describe('役割と責任の文を変える'),
  })
  .strict();

// ── where ─────────────────────────────────────────────────────────────────────────────────────

const deliverySchema = z
  .object({
    item: line().describe('搬入物: 郵便物 / 宅配便'),
    via: line().describe('受け渡し場所: 本社1階受付'),
  })
  .strict();

const siteSchema = z
  .object({
    id: id().describe('事業所の id'),
    name: line().describe('事業所の名前（例: 本社）'),
    deliveries: z.array(deliverySchema).max(20).default([]).describe('搬入物の受け渡し場所（物理的対策「搬入物の受け渡し」）'),
  })
  .strict();

const areaSchema = z
  .object({
    level: z.number().int().min(1, '1〜3で記入してください').max(3, '1〜3で記入してください').describe('セキュリティ領域のレベル: 1（来客も入る）/ 2（執務室）/ 3（サーバールームなど）'),
    rooms: lines().min(1, '部屋・場所を1つ以上記入してください').describe('この領域に当たる部屋・場所（例: 事務所、打合せスペース）'),
    locking: fillableText().describe('施錠の方法（例: 最終退室者による施錠）'),
    devices: fillableText().describe('設置してよい情報機器（例: パソコン、複合機、電話機）'),
    records: fillableText().nullable().describe('入退室の記録（例: 入退室を所定様式に記録）。null は記録しない（「－」と表示）'),
    intrusionDetection: fillableText().nullable().describe('侵入検知（例: センサーによる警備会社通報）。null はなし（「－」と表示）'),
    fireProtection: fillableText().describe('火災対策（例: 火災検知器、消火器設置）'),
    users: text().optional().describe('利用者（書かなければレベルごとのサンプルの文言）'),
    restrictions: text().optional().describe('制限事項（書かなければレベルごとのサンプルの文言）'),
    visitors: text().optional().describe('部外者管理（書かなければレベルごとのサンプルの文言）'),
    visitorBadge: text().optional().describe('来客用名札（書かなければレベル1は「着用不要」、2以上は「要着用」）'),
  })
  .strict();

// ── what we use ───────────────────────────────────────────────────────────────────────────────

const requirementSchema = z
  .object({
    requirement: fillableText().describe('情報セキュリティ要件（例: 利用者認証機能）'),
    product: fillableLine().nullable().default(null).describe('要件を満たす技術・製品（任意）'),
  })
  .strict();

const backupSchema = z
  .object({
    data: line().describe('バックアップするデータ（例: 図面データ）'),
    category: line().optional().describe('データの種類（取得頻度と保管期間の表で行をまとめる名前。例: 業務データ、設定ファイル）。書かなければ data'),
    method: fillableLine().describe('方法（例: NAS のスナップショット機能）'),
    to: ref('保管先の機器・サービス（inventory）').describe('保管先（inventory の id。外付けHDD・NAS・クラウドバックアップも inventory に書く）'),
    every: fillableLine().describe('取得頻度（例: 毎日夜間にバックアップ）'),
    keep: fillableLine().describe('保管期間（「…を保有」の前に入る語。例: 直近30日分）'),
  })
  .strict();

const recoveryTargetSchema = z
  .object({
    target: fillableLine().describe('目標値（例: 24時間以内）'),
    reason: line().nullable().default(null).describe('目標の理由・前提（任意）'),
  })
  .strict();

const criticalSchema = z
  .object({
    operations: fillableLine().describe('このシステムに依存している業務（例: 受注から出荷・請求までの業務）。事業継続の想定に載る'),
    rpo: recoveryTargetSchema.nullable().default(null).describe('復旧ポイント目標（RPO: どの時点のデータまで戻せればよいか）。null は定めない'),
    rto: recoveryTargetSchema.nullable().default(null).describe('復旧時間目標（RTO: 何時間で使えるようにするか）。null は定めない'),
    owners: z.array(ref('復旧責任者（people）')).max(10).optional().describe('復旧責任者（people の id）。書かなければインシデント対応責任者とシステム管理者'),
  })
  .strict();

const teleworkUseSchema = z
  .object({
    uses: lines().min(1, '用途を1つ以上記入してください').describe('テレワークでの用途（例: 電子メール、ファイル共有）'),
    procedures: texts().default([]).describe('導入手順・制限事項（例: 会社貸与のPCから利用）'),
    url: fillableLine().nullable().default(null).describe('直接アクセスするURL（任意）'),
    manual: fillableLine().nullable().default(null).describe('手順書のファイル名（任意）'),
  })
  .strict();

const logSchema = z
  .object({
    retention: fillableLine().describe('ログの保存期間（例: 1年間）'),
    items: fillableText().describe('取得項目（例: 日時、送信元IPアドレス及び送信先IPアドレス）'),
    scope: line().optional().describe('ログ分析手順書の適用範囲に書く名前（書かなければ「<名前>のログ」。認証ログの設定では使わない）'),
    review: z
      .object({
        frequency: fillableLine().describe('このログを確認する頻度（例: 週1回）'),
        checks: lines().min(1).describe('異常の検知の観点（例: 勤務時間外の接続がないか）'),
      })
      .strict()
      .optional()
      .describe('このログだけの確認の頻度と観点（書かなければ「その他のログ」として rules.logs.otherReview に従う。認証ログの設定では使わない）'),
  })
  .strict();

const inventoryItemSchema = z
  .object({
    id: id().describe('この機器・ソフトウェア・サービスを指す id（例: m365、nas）'),
    kind: z
      .enum(INVENTORY_KINDS, { error: `次のいずれかを記入してください: ${INVENTORY_KINDS.join(', ')}` })
      .describe(`種類: ${INVENTORY_KINDS.join(' / ')}（docs/answers.md の「inventory の種類」）`),
    label: line().optional().describe('表の「種別」欄の呼び方を変える（例: 3次元CAD）。書かなければ種類の名前'),
    name: line().optional().describe('組織での呼び名（例: ファイルサーバー、生産管理システム）。書かなければ製品名'),
    product: fillableLine().optional().describe('製品・サービス名（例: Microsoft 365 Business Standard）'),
    vendor: fillableLine().optional().describe('開発・販売元（例: Microsoft）'),
    version: fillableLine().optional().describe('標準とするバージョン（例: 11以降、最新版）'),
    update: fillableText().optional().describe('最新の状態に保つ方法（ソフトウェアのアップデート方法の表に載る）'),
    definitions: fillableText().optional().describe('定義ファイルの更新方法（ウイルス対策ソフトのみ。例: 自動更新に設定する）'),
    access: fillableText().optional().describe('アクセス制御の方法（例: フォルダーごとのアクセス権）。書いたものはアクセス制御の対象の表に載る'),
    auth: fillableText().optional().describe('利用者認証の方法（例: ID・パスワード及び多要素認証）'),
    deviceAuth: fillableText().optional().describe('端末認証の方法（例: 端末のMACアドレスを登録）'),
    requirements: z.array(requirementSchema).max(30).optional().describe('機器の情報セキュリティ要件（サーバー・NAS・ネットワーク機器。技術的対策 3.5.1 の表）。書かなければ要記入。その機器に独自の要件がなければ requirements: []'),
    holds: lines().optional().describe('保存している情報（例: 図面データ、顧客情報）。バックアップの確認に使う'),
    backup: z.union([z.array(backupSchema).max(20), noneSchema]).optional().describe('バックアップ（行のリスト）。none はバックアップしない（クラウドサービス側で保全されるものなど）'),
    storage: line().optional().describe('バックアップ先の機器・媒体の保管方法（例: 施錠付きキャビネットに保管）'),
    critical: criticalSchema.optional().describe('事業の継続に欠かせないシステムなら書く（事業継続の想定・復旧目標に載る）'),
    logs: logSchema.optional().describe('このシステム・機器のログを取得・保存する（ログの管理の表に載る）'),
    telework: teleworkUseSchema.optional().describe('テレワークで使う（テレワークで利用する情報システムの表に載る）'),
    app: line().optional().describe('スマートフォン・タブレットに入れる標準アプリとしての用途（例: セキュリティソフト、多要素認証）'),
  })
  .strict();

// ── who we work with ──────────────────────────────────────────────────────────────────────────

const vendorSchema = z
  .object({
    id: id().describe('事業者の id'),
    name: line().describe('事業者名（例: 株式会社みなとネットサービス）'),
    supports: z.array(ref('担当する機器・サービス（inventory）')).max(50).default([]).describe('保守・提供している機器・サービス（inventory の id）'),
    service: line().nullable().default(null).describe('担当の内容（任意。例: UTM・回線の保守）'),
    contact: line().nullable().default(null).describe('連絡先（任意。例: 03-0000-0000、契約書の連絡先参照）'),
  })
  .strict();

const deskSchema = z
  .object({
    title: line().describe('窓口・届出の種類: 情報漏えいの報告'),
    url: line().nullable().default(null).describe('案内ページのURL（任意）'),
    phone: line().nullable().default(null).describe('電話番号（任意）'),
    email: line().nullable().default(null).describe('電子メールアドレス（任意）'),
  })
  .strict();

const authoritySchema = z
  .object({
    name: line().describe('機関名: ○○市 情報政策課 / 所管省庁'),
    desks: z.array(deskSchema).min(1, '窓口を1つ以上記入してください').max(20).describe('窓口（1つ以上）'),
    reportAtOnce: z
      .boolean()
      .default(false)
      .describe('インシデントが起きたら直ちに報告する機関か（指定管理者・補助事業者・許認可事業者として、協定・契約・法令で報告を求められている自治体・監督官庁など）。true なら組織的対策「対応手順」の初動と事故レベルごとの手順に載る'),
    reportWhen: line()
      .optional()
      .describe('直ちに報告する場合（「…場合」の形。例: 指定管理業務に関わるインシデントが発生した場合）。書かなければすべてのインシデント（初動と、事故レベル2・3の手順に載る）'),
  })
  .strict();

const contactsSchema = z
  .object({
    police: line().optional().describe('不正アクセスの被害を届け出る警察の窓口（書かなければ「都道府県警察本部のサイバー犯罪相談窓口」）'),
    ipaDesks: z.array(deskSchema).max(20).optional().describe('IPA（情報処理推進機構）の届出・相談窓口（書かなければウイルス・不正アクセスの届出と相談窓口の3つ。空のリストは IPA の項を載せない）'),
    authorities: z.array(authoritySchema).max(20).default([]).describe('個人情報保護委員会のほかに届出・報告・相談する機関（所在地の自治体、監督官庁など）'),
  })
  .strict();

const recoveryRowSchema = z
  .object({
    targets: lines().min(1, '被害対象を1つ以上記入してください').describe('被害対象（例: 電源設備、空調機）'),
    owners: z.array(ref('復旧責任者（people）')).min(1, '復旧責任者を1人以上記入してください').max(10).describe('復旧責任者（people の id）'),
    contacts: z.array(line()).max(20).default([]).describe('関係者連絡先（vendors の id、または「従業員名簿参照」のような文）'),
  })
  .strict();

const continuitySchema = z
  .object({
    cause: line().optional().describe('停止の原因として想定する事象（書かなければサンプルの「大型地震の発生に伴う設備の倒壊、回線の途絶、停電等」）'),
    recovery: z.array(recoveryRowSchema).max(30).default([]).describe('システム以外の復旧責任者の表の行（電源・空調、顧客、従業員など）。システムの行は inventory の critical から作る'),
  })
  .strict();

// ── how we work (telework, My Number) ─────────────────────────────────────────────────────────

export const TELEWORK_CONFIGURATIONS = ['vpn', 'remoteDesktop', 'standalone', 'cloud'] as const;
export const TELEWORK_NETWORKS = ['wiredHub', 'wirelessRouter', 'mobileRouter', 'publicWifi'] as const;
export const TELEWORK_DEVICE_KINDS = ['pc', 'mobile', 'media', 'other'] as const;

const teleworkDeviceSchema = z
  .object({
    device: line().describe('情報機器: パソコン / スマホ・タブレット'),
    kind: z
      .enum(TELEWORK_DEVICE_KINDS)
      .optional()
      .describe('機器の種類: pc（パソコン）/ mobile（スマートフォン・タブレット）/ media（USBメモリ・外付けHDD などの電子媒体）/ other（そのほか）。貸与する機器・私有機器を使ってよい機器の種類で、人的対策「組織の機器を利用する場合」「私有機器を利用する場合」の＜パソコン＞＜スマホ・タブレット＞＜USBメモリ＞の対策を載せるかが決まる。書かなければ device の名前から（パソコン・PC → pc、スマホ・スマートフォン・タブレット・携帯 → mobile、USB・HDD・媒体・メモリ → media、ほかは other）'),
    lent: z
      .union([lines().min(1), noneSchema])
      .describe('組織の機器を使う場合の利用方法（例: 会社貸与のノートPCを利用）。none は組織の機器を貸与しない'),
    lentTo: z
      .union([z.enum(EVERYONE_WORDS), fillableLine()])
      .default('everyone')
      .describe('組織の機器を貸与する相手: everyone（全員）または「営業部員」のような文'),
    private: z.enum(['measures', 'asNeeded', 'prohibited']).describe('私有機器の扱い: measures（対策を実施して利用）/ asNeeded（必要に応じて利用）/ prohibited（業務利用禁止）'),
    privateAlternatives: line().nullable().default(null).describe('私有機器のほかに使えるサービス（任意、measures のとき）: コンビニ・レンタルオフィス等のサービス'),
  })
  .strict();

const teleworkSchema = z
  .object({
    configurations: z
      .array(z.enum(TELEWORK_CONFIGURATIONS))
      .min(1, 'システム構成を1つ以上選んでください')
      .refine(unique, { message: '同じ構成が2回書かれています' })
      .describe('利用するシステム構成: vpn（VPN方式）/ remoteDesktop（リモートデスクトップ方式）/ standalone（持ち帰り方式）/ cloud（クラウドサービス方式）'),
    networks: z
      .array(z.enum(TELEWORK_NETWORKS))
      .min(1, '通信機器・サービスを1つ以上選んでください')
      .refine(unique, { message: '同じものが2回書かれています' })
      .describe('利用を認める通信: wiredHub（自宅の有線LAN）/ wirelessRouter（自宅の無線LANルーター）/ mobileRouter（モバイルWi-Fiルーター）/ publicWifi（公衆Wi-Fi。外すと利用禁止の規定になる）'),
    devices: z.array(teleworkDeviceSchema).min(1, '情報機器を1つ以上記入してください').max(30).describe('テレワークで利用する情報機器と、組織の機器・私有機器の扱い'),
  })
  .strict();


const subjectSchema = <T extends readonly [string, ...string[]]>(purposes: T, what: string) =>
  z
    .object({
      label: line().optional().describe('本人の区分の呼び方（書かなければ種類ごとの既定の呼び方）'),
      purposes: z
        .array(z.enum(purposes))
        .max(purposes.length)
        .refine(unique, { message: '同じ利用目的が2回書かれています' })
        .optional()
        .describe(`${what}（空のリストはこの区分を載せない。書かなければ種類ごとの既定）`),
    })
    .strict();

export const PUBLICATION_METHODS = ['website', 'posted', 'onRequest'] as const;

const myNumberSchema = z
  .object({
    policyDate: fillable(isoDate()).nullable().default(null).describe('特定個人情報の基本方針の制定日（YYYY-MM-DD）。null は document.effectiveDate'),
    rulesDate: fillable(isoDate()).nullable().default(null).describe('特定個人情報取扱規程の附則の施行日（YYYY-MM-DD）。null は document.effectiveDate。kitei revise が、取扱規程を変えない改訂のときに前の日付で固定する'),
    subjects: z
      .object({
        vendors: subjectSchema(MY_NUMBER_PURPOSES.vendors, '取引先の利用目的: fees（報酬・料金等の支払調書）/ rent（不動産の使用料等の支払調書）/ propertyPurchase（不動産等の譲受けの対価の支払調書）').optional().describe('取引先の特定個人情報等'),
        shareholders: subjectSchema(MY_NUMBER_PURPOSES.shareholders, '株主・出資者の利用目的: dividends（配当等の支払調書）').optional().describe('株主（出資者）の特定個人情報等'),
        officers: subjectSchema(MY_NUMBER_PURPOSES.officers, '役員の利用目的: remuneration（報酬等の源泉徴収票・支払調書）').optional().describe('役員の特定個人情報等'),
        staff: subjectSchema(MY_NUMBER_PURPOSES.staff, '従業者の利用目的: withholding（源泉徴収票）/ declarations（扶養控除等申告書等）/ healthPension（健康保険・厚生年金保険）/ employmentInsurance（雇用保険・労災保険）').optional().describe('従業者の特定個人情報等'),
        families: subjectSchema(MY_NUMBER_PURPOSES.families, '従業者の配偶者・親族の利用目的: withholding / declarations / healthPension').optional().describe('従業者の配偶者及び親族の特定個人情報等'),
      })
      .strict()
      .prefault({})
      .describe('利用目的（本人の区分ごとに標準の一覧から選ぶ）'),
    contact: z
      .object({
        desk: fillableLine().describe('お問合せ・苦情・開示等の請求の窓口（例: 総務担当）'),
        phone: fillableLine().nullable().default(null).describe('窓口の電話番号（任意）'),
        email: fillableLine().nullable().default(null).describe('窓口のメールアドレス（任意）'),
        hours: line().nullable().default(null).describe('受付時間（任意）: 平日 9:00〜17:00'),
      })
      .strict()
      .describe('特定個人情報等に関するお問合せ窓口（基本方針と取扱規程に載る）'),
    publication: z
      .array(z.enum(PUBLICATION_METHODS))
      .min(1, '公表の方法を1つ以上選んでください')
      .refine(unique, { message: '同じ方法が2回書かれています' })
      .optional()
      .describe('特定個人情報の基本方針の公表の方法（複数可）: website / posted / onRequest。書かなければ情報セキュリティ基本方針と同じ（documents.basicPolicy.publication）'),
    deletionTiming: fillableLine().optional().describe('保存期間を過ぎた個人番号を削除し、書類を廃棄する時期（例: 毎年度末）'),
    managementArea: lines().min(1, '部屋・場所を1つ以上記入してください').describe('管理区域: 特定個人情報ファイルを扱う機器を置く部屋・場所（areas の rooms のいずれか）'),
    handlingArea: lines().min(1, '部屋・場所を1つ以上記入してください').describe('取扱区域: 特定個人情報等を扱う事務を行う部屋・席（areas の rooms のいずれか、または「総務担当の席」のような場所）'),
  })
  .strict();

// ── rules the organization sets for itself ────────────────────────────────────────────────────

const count = (max: number) => z.number().int('整数で記入してください').min(1, '1以上の数を記入してください').max(max, `${max}以下の数を記入してください`);

const accountClass = {
  lockoutThreshold: count(100).describe('ロックアウトのしきい値（連続して認証に失敗した回数）'),
  lockoutDuration: count(999).describe('ロックアウトの時間（単位は lockoutUnit）'),
  lockoutUnit: z.enum(['hours', 'minutes']).describe('ロックアウトの時間の単位: hours（時間）/ minutes（分）'),
  minLength: count(128).describe('パスワードの最小文字数'),
};

const targetMethodSchema = z
  .object({
    target: line().describe('対象: 電子データ / 書類'),
    method: line().describe('方法（「対象：」の後に続く文）'),
  })
  .strict();

const mediaRuleSchema = z
  .object({
    media: line().describe('媒体: 書類・フィルム'),
    method: text().describe('方法（改行可）: 細断/溶解/焼却'),
  })
  .strict();

const logReviewSchema = z
  .object({
    frequency: fillableLine().describe('頻度（例: 月1回以上の頻度）'),
    checks: lines().min(1).optional().describe('異常の検知の観点（書かなければサンプルの観点）'),
  })
  .strict();

const rulesSchema = z
  .object({
    audit: z
      .object({
        kind: z.enum(['audit', 'inspection']).default('audit').describe('取組みの確認: audit（監査・点検）/ inspection（点検のみ）'),
        month: fillableLine().optional().describe('点検を行う月（「…に点検を行い」の前。例: 毎年9月）'),
      })
      .strict()
      .prefault({})
      .describe('情報セキュリティ取組みの監査・点検'),
    informationSources: z
      .array(z.object({ name: line().describe('機関の名前'), url: line().nullable().default(null).describe('URL（任意）') }).strict())
      .min(1, '専門機関を少なくとも1つ記入してください')
      .max(20)
      .optional()
      .describe('脅威・脆弱性の情報を入手する専門機関（書かなければ IPA・JVN・JPCERT/CC・個人情報保護委員会）'),
    secretsThreshold: z
      .number()
      .int('整数で記入してください')
      .min(0)
      .max(9)
      .optional()
      .describe('秘密（営業秘密・機密）として管理する情報: 「情報資産管理台帳」の機密性評価値がこの値以上（人的対策「従業員の責務」）。書かなければ最も低い非公開レベルの評価値（3段階なら2。公開の情報は秘密として管理しない）'),
    policyAccess: lines().min(1, '参照できるようにする方法を少なくとも1つ記入してください').optional().describe('最新の基本方針・規程を従業員が参照できるようにする方法（例: 共有フォルダーへの格納、事務所内への掲示）'),
    labeling: z.array(targetMethodSchema).min(1, '表示方法を少なくとも1つ記入してください').max(20).optional().describe('機密性の表示方法（対象ごと。例: 電子データ：ファイル名の先頭に表示）'),
    storage: z.array(targetMethodSchema).min(1, '保管方法を少なくとも1つ記入してください').max(20).optional().describe('非公開の情報資産の保管方法（対象ごと。例: 書類：施錠可能なキャビネット）'),
    laptopEncryption: z.enum(['hardDisk', 'folder', 'data']).default('hardDisk').describe('ノートパソコンで持ち出すときに暗号化するもの: hardDisk / folder / data'),
    smallMediaMeasure: z.enum(['tag', 'strap', 'bell']).default('tag').describe('USBメモリ等の紛失対策: tag（大きなタグ）/ strap（ストラップ）/ bell（鈴）'),
    externalSystemProviders: line().optional().describe('外部情報システムを提供する組織の例（括弧内。書かなければ種類ごとの文言）'),
    accounts: z
      .object({
        removalDeadline: line().optional().describe('不要になったアカウントを削除・無効化する期限（書かなければ「当該アカウントが不要になった日の翌日」）'),
        generalAccountNames: lines().min(1).optional().describe('一般アカウントのアカウント名に使うもの（書かなければ「従業員番号」「従業員コード」）'),
        privileged: z.object(accountClass).strict().optional().describe('特権アカウントの条件'),
        general: z
          .object({ ...accountClass, fallbackMinLength: count(128).describe('多要素認証も試行回数の制限もできない場合のパスワードの最小文字数') })
          .strict()
          .optional()
          .describe('一般アカウントの条件'),
        unlockMinLength: count(128).optional().describe('ロック解除に使うパスワード又はPINの最小文字数'),
      })
      .strict()
      .prefault({})
      .describe('アカウントとパスワード'),
    confidentialEmail: z
      .array(z.enum(['encryptedAttachment', 'smime', 'transferService']))
      .min(1, '送信方法を少なくとも1つ選んでください')
      .refine(unique, { message: '同じ送信方法が2回書かれています' })
      .default(['encryptedAttachment'])
      .describe('非公開の情報資産をメールで送る方法（複数可）: encryptedAttachment / smime / transferService'),
    outsourcing: z
      .object({
        threshold: z
          .number()
          .int('整数で記入してください')
          .min(0)
          .max(9)
          .optional()
          .describe('委託先を評価する業務: 取り扱う情報資産の「重要度」がこの値以上（組織的対策「委託先の選定」）。書かなければ最も低い非公開レベルの評価値（3段階なら2。公開の情報資産だけを扱う委託は評価しない）。サンプルどおり公開を含むすべての委託を評価するなら最も低い評価値（1）'),
        reviewFrequency: fillableLine().optional().describe('委託先の対策状況を評価する頻度（例: 年1回以上）'),
        sharingCounterparties: line().optional().describe('機密情報を提供・共有する相手（書かなければ種類ごとの文言）'),
        criteria: z
          .object({
            isms: z.boolean().default(true).describe('「ISMS適合性評価制度の認証を取得している」を基準に含める'),
            privacyMark: z.boolean().default(true).describe('「プライバシーマーク付与を受けている」を基準に含める'),
            securityAction: z.enum(['oneStar', 'twoStars']).nullable().default('oneStar').describe('SECURITY ACTION の段階: oneStar（一つ星）/ twoStars（二つ星）/ null（含めない）'),
            scs: z.enum(['star3', 'star4']).nullable().default('star3').describe('SCS評価制度の段階: star3（★３）/ star4（★４）/ null（含めない）'),
            audit: z.boolean().default(true).describe('「情報セキュリティ監査を定期的に実施している」を基準に含める'),
            publishedPolicy: z.boolean().default(true).describe('「情報セキュリティに関する方針を公開している」を基準に含める'),
            checklist: z.enum(['all', 'atLeast', 'planned', 'necessary']).nullable().default('all').describe('確認リストによる基準: all（全ての対策）/ atLeast（checklistCount 個以上実施）/ planned（checklistCount 個以上実施予定）/ necessary（必要な対策）/ null（含めない）'),
            checklistCount: z.number().int().min(1).max(200).nullable().default(null).describe('checklist が atLeast・planned のときの対策の個数'),
            additional: lines().default([]).describe('組織が独自に加える評価基準（箇条書きの末尾に追加）'),
          })
          .strict()
          // Checked here so that the error names this key and its line (the view's own check cannot).
          .superRefine(({ checklist, checklistCount, ...others }, ctx) => {
            // 8.1 evaluates vendors against these criteria: with none, the rule would promise an evaluation against nothing.
            const { additional, ...named } = others;
            if (checklist === null && additional.length === 0 && Object.values(named).every((value) => value === false || value === null)) {
              ctx.addIssue({ code: 'custom', path: [], message: '委託先評価基準がありません。基準を少なくとも1つ含めるか、additional に独自の基準を書いてください' });
            }
            const needsCount = checklist === 'atLeast' || checklist === 'planned';
            const path = ['checklistCount'];
            if (needsCount && checklistCount === null) ctx.addIssue({ code: 'custom', path, message: 'checklist が atLeast・planned のときは、対策の個数（checklistCount）を記入してください' });
            if (!needsCount && checklistCount !== null) ctx.addIssue({ code: 'custom', path, message: 'checklistCount は checklist が atLeast・planned のときだけ使います（それ以外は書かないでください）' });
          })
          .prefault({})
          .describe('委託先評価基準（docs/answers.md の rules.outsourcing.criteria）'),
        contractItems: texts().min(1, '委託契約書に明記する事項を1つ以上記入してください').optional().describe('委託契約書に明記する事項（書かなければサンプルの12項目。契約条項のひな形はこの一覧を満たすように作られている）'),
        checklist: z
          .array(z.object({ category: line().describe('区分（同じ区分が続く行は表で1つのセルに結合される）'), item: line().describe('確認項目（委託先への質問）') }).strict())
          .min(1, '確認項目を1つ以上記入してください')
          .max(200)
          .optional()
          .describe('委託先情報セキュリティ対策状況確認リスト（8-1）の行（書かなければサンプルの26項目）'),
      })
      .strict()
      // Checked here so that the error names this key and its line (the view's own check cannot).
      .superRefine(({ criteria, checklist }, ctx) => {
        const length = checklist?.length ?? VENDOR_CHECKLIST_LENGTH;
        if (criteria.checklistCount !== null && criteria.checklistCount > length) {
          ctx.addIssue({ code: 'custom', path: ['criteria', 'checklistCount'], message: `対策の個数が確認リストの項目数（${length}）を超えています` });
        }
      })
      .prefault({})
      .describe('委託管理'),
    incident: z
      .object({
        lessonsFrequency: fillableLine().optional().describe('インシデント事例と対応策を共有する頻度（例: 年1回以上）'),
        emergencyContacts: z.array(ref('緊急連絡先に載せる人（people）')).max(20).optional().describe('緊急連絡網に載せる人（people の id、上から順に）。書かなければ代表者・インシデント対応責任者・システム管理者。空のリストは連絡網の表を載せない'),
      })
      .strict()
      .prefault({})
      .describe('インシデント対応'),
    employment: z
      .object({
        confidentiality: z.enum(['pledge', 'contract']).default('pledge').describe('雇用時の守秘義務: pledge（誓約書）/ contract（秘密保持契約）'),
        externalStaff: z.boolean().default(true).describe('派遣・委託の要員について、その企業と秘密保持契約を結ぶ'),
      })
      .strict()
      .prefault({})
      .describe('雇用条件'),
    education: z
      .object({
        frequency: fillableLine().optional().describe('教育の開催頻度（例: 採用時及び年1回以上）'),
        audience: line().optional().describe('教育の対象者（書かなければ「全従業員」）'),
        topics: texts().min(1).optional().describe('教育テーマ（書かなければサンプルのテーマ）'),
        qualifications: lines().min(1).optional().describe('推奨資格・試験（書かなければサンプルの4つ）'),
        recordItems: lines().min(1).optional().describe('研修記録に含める内容（書かなければサンプルの5項目）'),
      })
      .strict()
      .prefault({})
      .describe('情報セキュリティ教育と人材育成'),
    physical: z
      .object({
        facilities: texts().optional().describe('関連設備の管理（例: LANケーブルは床下配線とする。）。書かなければ、サーバー・NAS があるときはサンプルのサーバーの施錠の規定、なければこの節を載せない'),
        entryLogRetention: fillableLine().optional().describe('入退室記録の保管期間（例: 1年間）'),
        entryLogItems: lines().min(1).optional().describe('入退室記録に含める内容（書かなければサンプルの6項目）'),
        screenLockMinutes: z.number().int().min(1).max(60).optional().describe('スクリーンセーバー・スリープの起動時間の上限（分）'),
        disposal: z.array(mediaRuleSchema).min(1).max(20).optional().describe('媒体の廃棄方法（書かなければサンプルの表）'),
        reuse: z.array(mediaRuleSchema).min(1).max(20).optional().describe('媒体の再利用（書かなければサンプルの表）'),
      })
      .strict()
      .prefault({})
      .describe('物理的対策'),
    software: z
      .object({
        virusScan: fillableLine().optional().describe('ウイルス対策ソフトのフルスキャンの頻度（例: 週次）'),
        webRestriction: z.enum(['notice', 'filtering', 'both']).default('notice').describe('有害サイトの閲覧制限: notice（周知）/ filtering（ウェブフィルタリング）/ both（両方）'),
        serverSoftwareLists: z.enum(['both', 'whitelist', 'blacklist']).default('both').describe('サーバーに導入するソフトウェアのリスト: both / whitelist / blacklist'),
      })
      .strict()
      .prefault({})
      .describe('ソフトウェアとウェブ閲覧'),
    privateDevices: z
      .object({
        use: z.enum(['permitted', 'prohibited']).default('permitted').describe('私有のIT機器・電子媒体の業務利用: permitted（許可制）/ prohibited（禁止）'),
        remoteAccess: z.enum(['prohibited', 'permitted']).default('prohibited').describe('私有機器から組織内LANへのリモート接続'),
        bringIn: z.enum(['permitted', 'prohibited']).default('permitted').describe('私有機器の持ち込み'),
        officeLan: z.enum(['prohibited', 'permitted']).default('prohibited').describe('持ち込んだ私有機器の組織内LANへの接続'),
      })
      .strict()
      .prefault({})
      .describe('私有IT機器・電子媒体'),
    logs: z
      .object({
        authentication: z
          .object({
            retention: fillableLine().optional().describe('認証ログの保存期間（例: 1年間）'),
            items: fillableText().optional().describe('取得項目（書かなければ「日時、接続元IP アドレス、ユーザーID及び成功/失敗」）'),
          })
          .strict()
          .optional()
          .describe('情報機器・情報システムの認証ログの保存期間と取得項目'),
        authenticationReview: logReviewSchema.optional().describe('認証ログのレビューの頻度'),
        otherReview: logReviewSchema.optional().describe('そのほかのログ（inventory の logs）のレビューの頻度'),
        cloudRetention: fillableLine().optional().describe('クラウドサービスのログに求める保存期間（例: 1年間）'),
        procedureReview: fillableLine().optional().describe('ログ分析手順書を見直す間隔（例: 年1回）'),
      })
      .strict()
      .prefault({})
      .describe('ログの管理'),
    backup: z
      .object({
        restoreTraining: fillableLine().optional().describe('リストア訓練の頻度（例: 年1回）'),
        restoreManualReview: fillableLine().optional().describe('リストア手順書の見直しの頻度（例: 年1回以上）'),
      })
      .strict()
      .prefault({})
      .describe('バックアップとリストア'),
    vulnerability: z
      .object({
        department: line().nullable().optional().describe('脆弱性管理を担うシステム管理者の所属部門（括弧書き。任意）'),
        sources: lines().min(1).optional().describe('日常的に確認する脆弱性情報の入手先（書かなければ JVN iPedia と IPA）'),
        sourceCheck: fillableLine().optional().describe('脆弱性情報を確認する頻度（例: 週次）'),
        urgencyHigh: fillableLine().optional().describe('緊急度「高」の対応期限の目安（例: 1週間以内）'),
        urgencyMedium: fillableLine().optional().describe('緊急度「中」の対応期限の目安（例: 1か月以内）'),
        scan: fillableLine().optional().describe('脆弱性スキャンの頻度（例: 月1回以上）'),
        statusListReview: fillableLine().optional().describe('脆弱性対応状況一覧を確認する頻度（例: 月次）'),
        procedureReview: fillableLine().optional().describe('脆弱性管理手順書の見直し頻度（例: 年1回）'),
      })
      .strict()
      .prefault({})
      .describe('脆弱性管理'),
  })
  .strict();

// ── the documents made from the profile ───────────────────────────────────────────────────────

const commitmentSchema = z
  .object({
    title: text().describe('方針の見出し'),
    text: text().describe('方針の本文'),
  })
  .strict();

export { CONTRACT_CLAUSES };

const categoryItemSchema = z
  .object({
    category: line().describe('区分'),
    item: text().describe('確認項目'),
  })
  .strict();

const documentsSchema = z
  .object({
    outputs: z
      .object({
        basicPolicy: z.boolean().default(true).describe('情報セキュリティ基本方針（公開用）'),
        contractClauses: z.boolean().default(true).describe('業務委託契約 機密保持条項'),
        vendorChecklist: z.boolean().default(true).describe('委託先情報セキュリティ対策状況確認リスト'),
        exitChecklist: z.boolean().default(true).describe('退職時チェックリスト'),
        sharingChecksheet: z.boolean().default(true).describe('機密情報共有事項チェックシート'),
        assetLedger: z.boolean().default(true).describe('情報資産管理台帳'),
        pack: z.boolean().default(true).describe('配布用の合本（PDF・Word）'),
      })
      .strict()
      .prefault({})
      .describe('規程のほかに作る文書'),
    dateStyle: z.enum(['western', 'japanese']).optional().describe('日付の書き方: western（2026年4月1日）/ japanese（令和8年4月1日）。書かなければ株式会社・合同会社・士業は western、ほかは japanese'),
    basicPolicy: z
      .object({
        date: fillable(isoDate()).nullable().default(null).describe('制定日（YYYY-MM-DD）。null は document.effectiveDate'),
        introduction: text().nullable().default(null).describe('前文。null は organization.business から作る'),
        commitments: z.array(commitmentSchema).min(1).max(20).optional().describe('方針（書かなければ種類ごとの5項目）'),
        publication: z
          .array(z.enum(PUBLICATION_METHODS))
          .min(1, '公表の方法を1つ以上選んでください')
          .refine(unique, { message: '同じ方法が2回書かれています' })
          .default(['website'])
          .describe('公表の方法（複数可）: website（ウェブサイト）/ posted（事業所内に掲示）/ onRequest（求めに応じて提供）'),
      })
      .strict()
      .prefault({})
      .describe('情報セキュリティ基本方針（公開用）'),
    contract: z
      .object({
        contractor: line().nullable().default(null).describe('乙（委託先）の名称。null は記入用の空欄'),
        clauses: z
          .array(z.enum(CONTRACT_CLAUSES))
          .min(1)
          .refine(unique, { message: '同じ条項が2回書かれています' })
          .optional()
          .describe(`載せる条項（並びは常にこの順、条番号は自動）: ${CONTRACT_CLAUSES.join(' / ')}。書かなければすべて（マイナンバーを扱わなければ personalData を除く）`),
        reportingDeadline: fillableLine().optional().describe('機密情報の管理体制を相手方に報告する期限（例: 本契約締結後14日以内）'),
        damagesCap: z
          .enum(['contractPriceExceptLeaks', 'contractPrice', 'none'])
          .default('contractPriceExceptLeaks')
          .describe('損害賠償の上限: contractPriceExceptLeaks（委託料の総額。ただし情報の漏えい等による損害は上限なし）/ contractPrice（委託料の総額）/ none（上限なし）'),
        incidentNoticeHours: z.number().int('整数で記入してください').min(1, '1時間以上にしてください').max(72, '72時間以内にしてください').optional().describe('事故を知ってから相手方に通知する期限（時間）'),
        survivalYears: z.number().int('整数で記入してください').min(1, '1年以上にしてください').max(30, '30年以内にしてください').optional().describe('契約終了後も機密保持などの条項が効力を持つ年数（機密情報共有事項チェックシートの「有効期限」もこれを参照する）'),
        court: fillableLine().optional().describe('合意管轄裁判所（例: 東京地方裁判所）'),
      })
      .strict()
      .prefault({})
      .describe('業務委託契約 機密保持条項'),
    forms: z
      .object({
        exitChecklist: z.array(categoryItemSchema).min(1).max(100).optional().describe('退職時チェックリストの項目（書かなければ標準の項目）'),
        sharingChecksheet: texts().min(1).optional().describe('機密情報共有事項チェックシートの確認事項（書かなければ標準の項目）'),
        assetLedgerRows: z.number().int().min(1).max(200).default(20).describe('情報資産管理台帳の空欄の行数'),
      })
      .strict()
      .prefault({})
      .describe('記入用の様式'),
    packTitle: line().optional().describe('配布用の合本の題名（書かなければ「<規程の名前>（配布用）」）'),
  })
  .strict();

// ── the document itself ──────────────────────────────────────────────────────────────────────

const documentShape = documentSchema.shape;
/** The document's own data; what is not written is a gap (施行日) or follows from the rest (承認者). */
const documentProfileSchema = z
  .object({
    version: documentShape.version.default('1.0'),
    effectiveDate: documentShape.effectiveDate.optional(),
    approver: documentShape.approver.optional().describe('承認者（表紙）。書かなければ代表者（people の head）の役職名'),
    classification: documentShape.classification.default(null),
    revisions: documentShape.revisions.default([]),
    chapterRevised: documentShape.chapterRevised.partial().prefault({}).describe('章ごとの改訂日（書かない・null は施行日）'),
    chapterScope: documentShape.chapterScope.partial().prefault({}).describe('章ごとの適用範囲（書かなければ種類ごとの文言。例: 全社・全従業員（…を含む））'),
    fonts: documentShape.fonts.default({ body: '游明朝', heading: '游ゴシック' }),
  })
  .strict();

// ── the whole file ────────────────────────────────────────────────────────────────────────────

export const PROFILE_FORMAT = 2;

export const profileSchema = z
  .object({
    kitei: z.literal(PROFILE_FORMAT, { error: `回答ファイルの形式の版です。kitei: ${PROFILE_FORMAT} と書いてください` }).describe(`回答ファイルの形式の版（${PROFILE_FORMAT}）`),
    organization: organizationSchema.describe('組織: 名前・種類・規模・事業内容'),
    document: documentProfileSchema.prefault({}).describe('文書そのものの情報（版・施行日・承認者・改訂履歴・章ごとの改訂日と適用範囲・書体）'),
    terms: termsSchema.partial().prefault({}).describe('本文の語彙を変える（書かなければ組織の種類の語彙。代表者は people の head の役職名）'),
    people: z.array(personSchema).max(200).default([]).describe('人と役割: 役職（と氏名）ごとに1つ。1人が複数の役割を持てる'),
    departments: z.array(departmentSchema).max(50).default([]).describe('部門と部門の長。部門がなければ空（情報セキュリティ部門責任者の行がなくなる）'),
    roles: z.partialRecord(z.enum([...ROLE_KEYS, 'departmentOfficer']), roleWordingSchema).prefault({}).describe('役割の名前と責任の文を変える（任意）'),
    confidentiality: confidentialitySchema.partial().prefault({}).describe('情報資産の機密性（と任意で完全性・可用性）の評価基準（書かなければ種類ごとの3段階）'),
    sites: z.array(siteSchema).max(20).default([]).describe('事業所'),
    areas: z.array(areaSchema).max(10).default([]).describe('セキュリティ領域（レベルと部屋・場所）'),
    inventory: z.array(inventoryItemSchema).max(300).default([]).describe('使っている機器・ソフトウェア・サービス（1つずつ1回だけ）。ないものは書かない'),
    vendors: z.array(vendorSchema).max(100).default([]).describe('保守・提供事業者'),
    contacts: contactsSchema.prefault({}).describe('外部の連絡先（警察・自治体・監督官庁など）'),
    continuity: continuitySchema.prefault({}).describe('事業継続（システム以外の復旧責任者）'),
    telework: z.union([teleworkSchema, noneSchema]).optional().describe('テレワーク。none は行わない（人的対策「テレワーク」の章がなくなる）'),
    myNumber: z.union([myNumberSchema, noneSchema]).optional().describe('マイナンバー（特定個人情報）の取扱い。none は扱わない'),
    rules: rulesSchema.prefault({}).describe('組織が定める運用ルール（頻度・期間・回数は書いたものだけが規程に載る）'),
    documents: documentsSchema.prefault({}).describe('規程と同じ回答から作る文書'),
    templates: templatesSchema.optional(),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type InventoryItem = Profile['inventory'][number];
export type Person = Profile['people'][number];
export type TeleworkProfile = z.infer<typeof teleworkSchema>;
export type MyNumberProfile = z.infer<typeof myNumberSchema>;
export type Rules = Profile['rules'];

