import * as z from '../../zod.js';
import { fillable, fillableLine, fillableText, line, lines, text, texts } from '../common.js';
import type { PresetContext } from '../context.js';

/** Answers for the rulebook chapter 3 物理的対策: its schema and its preset defaults. */

/** 1.2 セキュリティ領域（縦型の表 1 つ分） */
const securityAreaSchema = z
  .object({
    name: line().describe('領域の名前: レベル1領域'),
    places: fillableText().describe('該当する場所: 本社受付・応接スペース・商談室・倉庫'),
    users: fillableText().describe('利用者: 従業員、社外関係者、部外者が立ち入り可'),
    locking: fillableText().describe('施錠: 最終退室者による施錠'),
    devices: fillableText().describe('設置可能情報機器: プロジェクター、ホワイトボード'),
    restrictions: fillableText().describe('制限事項: 未使用時に社外秘又は極秘の情報資産の放置禁止'),
    visitors: fillableText().describe('部外者管理: 従業員の許可を受けて入室可能'),
    records: fillableText().nullable().describe('管理記録（null は「－」）: 入退室を所定様式に記録'),
    intrusionDetection: fillableText().nullable().describe('侵入検知（null は「－」）: センサーによる警備会社通報'),
    visitorBadge: fillableText().describe('来客用名札: 着用不要 / 要着用'),
    fireProtection: fillableText().describe('火災対策: 火災検知器、消火器設置'),
  })
  .strict();

const entrySchema = z
  .object({
    areas: z.array(securityAreaSchema).min(1, 'セキュリティ領域を1つ以上記入してください').max(10).describe('1.2 セキュリティ領域（レベルの低い順）'),
    logRetention: fillableLine().describe('入退室記録の保管期間: 1年間'),
    logItems: lines().min(1, '入退室記録の内容を1つ以上記入してください').describe('入退室記録に含める内容'),
  })
  .strict();

/** 4 搬入物の受け渡し（事業所 1 か所分） */
const deliverySiteSchema = z
  .object({
    site: line().describe('事業所: 本社'),
    routes: z
      .array(
        z
          .object({
            item: line().describe('搬入物: 郵便物 / 宅配便'),
            via: line().describe('受け渡し場所: 本社1階受付'),
          })
          .strict(),
      )
      .min(1).describe('搬入物ごとの受け渡し場所'),
  })
  .strict();

/** 6.2・6.3 媒体ごとの処分（表の1行） */
const mediaRuleSchema = z
  .object({
    media: line().describe('媒体: 書類・フィルム'),
    method: text().describe('処分方法（改行可）: 細断/溶解/焼却'),
  })
  .strict();

export const physicalSchema = z
  .object({
    entry: entrySchema.describe('1 入室権限およびセキュリティ領域'),
    facilities: texts().describe('2 関連設備の管理（設置する設備、1項目1行）'),
    deliveries: z.array(deliverySiteSchema).max(20).describe('4 搬入物の受け渡し（事業所ごと）'),
    clearScreen: z
      .object({
        lockMinutes: fillable(z.number().int().min(1).max(60)).describe('スクリーンセーバー・スリープの起動時間の上限（分）: 5'),
      })
      .strict().describe('5.2 クリアスクリーン'),
    disposal: z
      .object({
        methods: z.array(mediaRuleSchema).min(1).max(20).describe('6.2 媒体の廃棄方法'),
        reuse: z.array(mediaRuleSchema).min(1).max(20).describe('6.3 媒体の再利用'),
      })
      .strict().describe('6 廃棄・返却・譲渡'),
  })
  .strict();

export type PhysicalAnswers = z.infer<typeof physicalSchema>;

export function physicalDefaults(ctx: PresetContext): PhysicalAnswers {
  const t = ctx.terms;
  const isCompany = ctx.type === 'company' || ctx.type === 'llc';
  const levels = ctx.confidentiality.levels;
  const secretAscending = levels
    .slice(0, -1)
    .map((l) => l.label)
    .reverse();
  const secretOrList =
    secretAscending.length <= 1
      ? secretAscending.join('')
      : `${secretAscending.slice(0, -1).join('、')}又は${secretAscending[secretAscending.length - 1]}`;
  const headRoom = isCompany ? '社長室' : `${t.head}室`;
  return {
    entry: {
      areas: [
        {
          name: 'レベル1領域',
          places: isCompany ? `${t.headOffice}受付・応接スペース・商談室・倉庫` : `${t.headOffice}受付・応接スペース・会議室・倉庫`,
          users: `${t.staff}、${t.outside}関係者、部外者が立ち入り可`,
          locking: '最終退室者による施錠',
          devices: 'プロジェクター、ホワイトボード',
          restrictions: `未使用時に${secretOrList}の情報資産の放置禁止`,
          visitors: `${t.staff}の許可を受けて入室可能`,
          records: null,
          intrusionDetection: null,
          visitorBadge: '着用不要',
          fireProtection: '火災検知器、消火器設置',
        },
        {
          name: 'レベル2領域',
          places: isCompany ? `${t.headOffice}執務室・${headRoom}・書庫・工場・営業所` : `${t.headOffice}執務室・${headRoom}・書庫`,
          users: `${t.staff}以外の入室は${t.staff}の許可又はエスコートが必要`,
          locking: '最終退室者による施錠及び警備会社への通報装置作動',
          devices: 'プロジェクター、ホワイトボード、パソコン、複合機、電話機\nLANケーブルハブ、無線LAN中継器',
          restrictions: '情報機器・設備の無断操作禁止・無断持出し禁止',
          // The sample's 「従業員/受付守衛/総務部受付」 is a choice of who admits visitors; the first needs no desk the organization may lack.
          visitors: `${t.staff}の許可を受けて入室可能`,
          records: '入退室を所定様式に記録',
          intrusionDetection: 'センサーによる警備会社通報',
          visitorBadge: '要着用',
          fireProtection: 'スプリンクラー、消火器設置',
        },
        {
          name: 'レベル3領域',
          places: 'サーバールーム/鍵付きサーバーラック',
          users: 'あらかじめ許可された業務上アクセスが必要な者',
          locking: `常時施錠及び警備会社への通報装置作動、鍵の管理責任者（${ctx.roles.systemAdmin.name}）`,
          devices: 'サーバー、ルーター等のネットワーク機器',
          restrictions:
            '情報機器・設備の無断操作禁止・無断持出し禁止\nスマートフォン、USBメモリ、HDD、CD-R、デジタルカメラその他の情報記憶媒体の無断持込み禁止',
          visitors: '保守・点検時等に登録者のエスコート付で入室可能',
          records: '入退室を所定様式に記録、監視カメラによる記録',
          intrusionDetection: 'センサーによる警備会社通報',
          visitorBadge: '要着用',
          fireProtection: '不活性ガス系消火設備、純水ベース消火器、空調設備',
        },
      ],
      logRetention: '1年間',
      logItems: [
        '入退場区分（入場/退場など）',
        '入退場の日付/時刻',
        `入退場者名の情報（区分（${isCompany ? '社員' : t.staff}・委託先・訪問者など）、${isCompany ? '会社名' : '所属団体名'}、所属先、氏名など）`,
        '入退場の目的（点検、立ち合いなど）',
        `許可者/承認者の情報（氏名、${isCompany ? '会社名' : '所属団体名'}、部署名など）`,
        '入退場手段（ICカード、鍵など）',
      ],
    },
    facilities: [
      'LANケーブルは回線盗聴防止のため床下配線とする。',
      'サーバーの設置に当たって、サーバーの設置エリアを施錠、又は施錠が出来ないエリアにサーバーが設置されている場合、サーバーを専用ラックに入れて施錠する。いずれかの安全確保策を適用する。',
    ],
    deliveries: [
      {
        site: t.headOffice,
        routes: isCompany
          ? [
              { item: '郵便物', via: `${t.headOffice}施錠ポスト/書留便の場合は総務部` },
              { item: '宅配便', via: `${t.headOffice}1階受付` },
            ]
          : [
              { item: '郵便物', via: `${t.headOffice}施錠ポスト/書留便の場合は${t.headOffice}受付` },
              { item: '宅配便', via: `${t.headOffice}受付` },
            ],
      },
    ],
    clearScreen: { lockMinutes: 5 },
    disposal: {
      methods: [
        { media: '書類・フィルム', method: '細断/溶解/焼却' },
        { media: 'USBメモリ・HDD・CD・DVD', method: '破壊/細断/完全消去\n※OSによる削除・クイックフォーマットは不可' },
      ],
      reuse: [
        { media: '書類', method: '裏紙再利用禁止' },
        {
          media: 'USBメモリ・HDD・CD-RWディスク・DVD-RWディスク',
          method: '完全消去後再利用\n※OSによる削除・クイックフォーマットは不可',
        },
        { media: 'CD-R・DVD-R', method: '再利用不可' },
      ],
    },
  };
}
