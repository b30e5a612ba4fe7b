import * as z from '../../zod.js';
import { fillable, fillableLine, isoDate, line, text, texts, todo } from '../common.js';
import type { PresetContext } from '../context.js';

/**
 * Answers for the documents made alongside the rulebook from the same answers file: the public
 * 情報セキュリティ基本方針, the My Number policy and handling rules, the contract clauses for
 * outsourcing, the printable forms and the combined pack for distribution. Schema and preset
 * defaults.
 */

/** Documents the answers may switch off (the My Number documents follow options.myNumber). */
const outputsSchema = z
  .object({
    basicPolicy: z.boolean().describe('情報セキュリティ基本方針（公開用、1ページ）を作る'),
    contractClauses: z.boolean().describe('業務委託契約 機密保持条項（契約書に挿入する条項のひな形）を作る'),
    vendorChecklist: z.boolean().describe('委託先情報セキュリティ対策状況確認リスト（記入用の様式）を作る'),
    exitChecklist: z.boolean().describe('退職時チェックリスト（記入用の様式）を作る'),
    sharingChecksheet: z.boolean().describe('機密情報共有事項チェックシート（記入用の様式）を作る'),
    assetLedger: z.boolean().describe('情報資産管理台帳（記入用の様式）を作る'),
    pack: z.boolean().describe('配布用の合本（表紙・全体の目次・基本方針・規程・特定個人情報取扱規程・付録の様式）を PDF・Word で作る'),
  })
  .strict();

const signatorySchema = z
  .object({
    title: fillableLine().describe('署名する代表者の役職名: 代表取締役 / 理事長'),
    name: fillableLine().describe('署名する代表者の氏名'),
  })
  .strict();

const commitmentSchema = z
  .object({
    title: text().describe('方針の見出し: 経営者の責任'),
    text: text().describe('方針の本文'),
  })
  .strict();

export const PUBLICATION_METHODS = ['website', 'posted', 'onRequest'] as const;

const basicPolicySchema = z
  .object({
    date: fillable(isoDate()).nullable().describe('制定日（YYYY-MM-DD）。null は document.effectiveDate'),
    introduction: text().nullable().describe('前文。null は organization.business（事業内容）から「当社は、…を事業としております。…」と作る'),
    commitments: z.array(commitmentSchema).min(1, '方針を1つ以上記入してください').max(20).describe('方針（番号付きの見出しと本文）'),
    publication: z
      .array(z.enum(PUBLICATION_METHODS))
      .min(1, '公表の方法を1つ以上選んでください')
      .max(PUBLICATION_METHODS.length)
      .describe('公表の方法（複数可）: website（ウェブサイトで公表）/ posted（事業所内に掲示）/ onRequest（求めに応じて提供）'),
  })
  .strict();

/** The standard usage purposes of a private business, by whose My Number it is. */
export const MY_NUMBER_PURPOSES = {
  vendors: ['fees', 'rent', 'propertyPurchase'],
  shareholders: ['dividends'],
  officers: ['remuneration'],
  staff: ['withholding', 'declarations', 'healthPension', 'employmentInsurance'],
  families: ['withholding', 'declarations', 'healthPension'],
} as const;

const subjectSchema = <T extends readonly [string, ...string[]]>(purposes: T, what: string, labelExample: string) =>
  z
    .object({
      label: line().describe(`本人の区分の呼び方: ${labelExample}`),
      purposes: z
        .array(z.enum(purposes))
        .max(purposes.length)
        .refine((list) => new Set(list).size === list.length, { message: '同じ利用目的が2回書かれています' })
        .describe(`${what}（空のリストはこの区分を載せない）`),
    })
    .strict();

/** Rooms or desks of a My Number area that lie in the same security area (its name, or null when the profile does not place them). */
const areaPlacesSchema = z
  .object({
    places: z.array(fillableLine()).min(1).describe('部屋・場所・席'),
    area: line().nullable().describe('その部屋・場所が属するセキュリティ領域の名前（例: レベル2領域）。null は物理的対策の表にない場所'),
  })
  .strict();

const myNumberSchema = z
  .object({
    policyDate: fillable(isoDate()).nullable().describe('特定個人情報の基本方針の制定日（YYYY-MM-DD）。null は document.effectiveDate'),
    rulesDate: fillable(isoDate()).nullable().describe('特定個人情報取扱規程の附則の施行日（YYYY-MM-DD）。null は document.effectiveDate。kitei revise が、規程を変えない改訂のときに前の日付で固定する'),
    subjects: z
      .object({
        vendors: subjectSchema(
          MY_NUMBER_PURPOSES.vendors,
          '取引先の利用目的: fees（報酬、料金、契約金及び賞金の支払調書）/ rent（不動産の使用料等の支払調書）/ propertyPurchase（不動産等の譲受けの対価の支払調書）',
          '取引先',
        ).describe('取引先の特定個人情報等'),
        shareholders: subjectSchema(MY_NUMBER_PURPOSES.shareholders, '株主・出資者の利用目的: dividends（配当、剰余金の分配等の支払調書）', '株主 / 組合員').describe(
          '株主（出資者）の特定個人情報等',
        ),
        officers: subjectSchema(MY_NUMBER_PURPOSES.officers, '役員・評議員の利用目的: remuneration（報酬等の源泉徴収票・支払調書）', '役員及び評議員').describe(
          '役員・評議員の特定個人情報等（従業者として給与を受ける役員は staff に含めてよい）',
        ),
        staff: subjectSchema(
          MY_NUMBER_PURPOSES.staff,
          '従業者の利用目的: withholding（源泉徴収票）/ declarations（扶養控除等（異動）申告書その他の源泉徴収に関する申告書）/ healthPension（健康保険・厚生年金保険）/ employmentInsurance（雇用保険・労災保険）',
          '従業員 / 職員',
        ).describe('従業者の特定個人情報等'),
        families: subjectSchema(
          MY_NUMBER_PURPOSES.families,
          '従業者の配偶者・親族の利用目的: withholding（源泉徴収票）/ declarations（扶養控除等（異動）申告書その他の申告書）/ healthPension（健康保険の被扶養者・国民年金第3号被保険者）',
          '従業員の配偶者及び扶養親族',
        ).describe('従業者の配偶者及び親族の特定個人情報等'),
      })
      .strict()
      .describe('利用目的（本人の区分ごとに、標準の一覧から選ぶ）'),
    contact: z
      .object({
        desk: fillableLine().describe('お問合せ・苦情・開示等の請求の窓口（部署名）: 総務部 総務課'),
        phone: fillableLine().nullable().describe('窓口の電話番号（任意）'),
        email: fillableLine().nullable().describe('窓口のメールアドレス（任意）'),
        hours: line().nullable().describe('受付時間（任意）: 平日 9:00〜17:00'),
      })
      .strict()
      .describe('特定個人情報等の取扱いに関するお問合せ・苦情・開示等の請求の窓口（基本方針と取扱規程に載る）'),
    publication: z
      .array(z.enum(PUBLICATION_METHODS))
      .min(1, '公表の方法を1つ以上選んでください')
      .max(PUBLICATION_METHODS.length)
      .refine((list) => new Set(list).size === list.length, { message: '同じ公表の方法が2回書かれています' })
      .describe('特定個人情報の基本方針の公表の方法（複数可）: website / posted / onRequest。書かなければ情報セキュリティ基本方針と同じ（companion.basicPolicy.publication）'),
    deletionTiming: fillableLine().describe('保存期間を過ぎた個人番号を削除し、書類を廃棄する時期（「…に、まとめて削除・廃棄する」の前）: 毎年度末'),
    managementArea: z
      .array(areaPlacesSchema)
      .min(1)
      .describe('管理区域（特定個人情報ファイルを扱う情報システムを管理する区域）とする部屋・場所を、属するセキュリティ領域ごとにまとめたもの'),
    handlingArea: z
      .array(areaPlacesSchema)
      .min(1)
      .describe('取扱区域（特定個人情報等を扱う事務を行う区域）とする部屋・席を、属するセキュリティ領域ごとにまとめたもの'),
  })
  .strict();

export const CONTRACT_CLAUSES = [
  'confidentiality',
  'personalData',
  'subcontracting',
  'assignment',
  'intellectualProperty',
  'ipDisputes',
  'damages',
  'survival',
  'consultation',
  'jurisdiction',
] as const;

/** The clauses the 存続 article keeps alive after the contract ends (templates/contract-clauses/06_1-survival.md). */
const SURVIVING_CLAUSES: readonly (typeof CONTRACT_CLAUSES)[number][] = ['confidentiality', 'personalData', 'intellectualProperty', 'ipDisputes', 'damages', 'jurisdiction'];

const contractSchema = z
  .object({
    contractor: line().nullable().describe('乙（委託先）の名称。null は記入用の空欄（kitei build --contractor でも指定できる）'),
    clauses: z
      .array(z.enum(CONTRACT_CLAUSES))
      .min(1, '条項を1つ以上選んでください')
      .max(CONTRACT_CLAUSES.length)
      .refine((list) => new Set(list).size === list.length, { message: '同じ条項が2回書かれています' })
      .describe(
        '載せる条項（並びは常にこの順、条番号は自動）: confidentiality（機密保持）/ personalData（個人情報の取扱い）/ subcontracting（再委託）/ assignment（権利義務の譲渡）/ intellectualProperty（知的財産権）/ ipDisputes（知的財産権の紛争解決）/ damages（損害賠償）/ survival（存続）/ consultation（協議）/ jurisdiction（合意管轄）。既定は全部（options.myNumber が false なら personalData を除く）',
      ),
    reportingDeadline: fillableLine().describe('機密情報の管理責任者・取扱者・対策を相手方に報告する期限: 本契約締結後14日以内'),
    damagesCap: z
      .enum(['contractPriceExceptLeaks', 'contractPrice', 'none'])
      .describe(
        '損害賠償の上限: contractPriceExceptLeaks（委託料の総額。故意・重過失と、情報・個人情報の漏えい等による損害は上限の外）/ contractPrice（委託料の総額。漏えい等による損害にも上限が及ぶと明記）/ none（上限なし）',
      ),
    incidentNoticeHours: fillable(
      z.number().int('整数で記入してください').min(1, '1時間以上にしてください').max(72, '72時間以内にしてください'),
    ).describe('漏えい等の事故を知ってから相手方に通知するまでの時間の上限（「直ちに、遅くとも…時間以内に」）: 24'),
    survivalYears: fillable(
      z.number().int('整数で記入してください').min(1, '1年以上にしてください').max(30, '30年以内にしてください'),
    ).describe('機密保持の義務が契約の終了後も存続する年数（機密情報共有事項チェックシートの「有効期限」もこれを参照する）: 5'),
    court: fillableLine().describe('合意管轄裁判所: 東京地方裁判所'),
  })
  .strict();

const categoryItemSchema = z
  .object({
    category: line().describe('区分（同じ区分が続く行は表で1つのセルに結合される）'),
    item: text().describe('確認項目'),
  })
  .strict();

const formsSchema = z
  .object({
    exitChecklist: z
      .array(categoryItemSchema)
      .min(1, '確認項目を1つ以上記入してください')
      .max(100)
      .describe('退職時チェックリストの返還物・確認事項（人的対策「雇用の終了」に基づく）'),
    sharingChecksheet: texts().min(1, '確認事項を1つ以上記入してください').describe('機密情報共有事項チェックシートの確認事項（組織的対策「機密情報共有事項チェックシートの管理」に基づく）'),
    assetLedgerRows: z.number().int().min(1).max(200).describe('情報資産管理台帳の空欄の行数'),
  })
  .strict();

export const companionSchema = z
  .object({
    outputs: outputsSchema.describe('規程のほかに作る文書（特定個人情報の2文書は options.myNumber に従う）'),
    dateStyle: z
      .enum(['western', 'japanese'])
      .describe('すべての文書の日付の書き方（表紙・改訂履歴・章の表の改訂日・本文・署名、Markdown も同じ）: western（2026年4月1日）/ japanese（令和8年4月1日）'),
    signatory: signatorySchema.describe('基本方針・特定個人情報の基本方針に署名する代表者'),
    basicPolicy: basicPolicySchema.describe('情報セキュリティ基本方針（公開用）'),
    myNumber: myNumberSchema.describe('特定個人情報の基本方針と特定個人情報取扱規程（options.myNumber が true のとき）'),
    contract: contractSchema.describe('業務委託契約 機密保持条項（甲＝当組織、乙＝委託先）'),
    forms: formsSchema.describe('記入用の様式'),
    packTitle: line().describe('配布用の合本の題名（ファイル名にもなる）: 情報セキュリティ関連規程（配布用）'),
  })
  .strict();

export type CompanionAnswers = z.infer<typeof companionSchema>;

export interface CompanionIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/** Checks across modules: the My Number areas name security areas, and My Numbers are used for something. */
export function companionIssues(answers: {
  readonly options: { readonly myNumber: boolean };
  readonly physical: { readonly entry: { readonly areas: readonly { readonly name: string }[] } };
  readonly companion: CompanionAnswers;
}): CompanionIssue[] {
  const issues: CompanionIssue[] = [];
  const clauses = answers.companion.contract.clauses;
  if (clauses.includes('survival') && !clauses.some((c) => SURVIVING_CLAUSES.includes(c))) {
    issues.push({
      path: ['documents', 'contract', 'clauses'],
      message: `存続（survival）は、終了後も効力を残す条項（${SURVIVING_CLAUSES.join('・')}）のいずれかと一緒に選んでください`,
    });
  }
  if (!answers.options.myNumber) return issues;
  if (Object.values(answers.companion.myNumber.subjects).every((s) => s.purposes.length === 0)) {
    issues.push({ path: ['myNumber', 'subjects'], message: 'マイナンバーを扱う場合は、利用目的を少なくとも1つ選んでください' });
  }
  return issues;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The basic policy's publication methods as the user wrote them, else the preset's: the My Number policy's default. */
function basicPolicyPublication(ctx: PresetContext): (typeof PUBLICATION_METHODS)[number][] {
  const companion = ctx.input.companion;
  const basicPolicy = isObject(companion) ? companion.basicPolicy : undefined;
  const written = isObject(basicPolicy) ? basicPolicy.publication : undefined;
  const known = (m: unknown): m is (typeof PUBLICATION_METHODS)[number] => (PUBLICATION_METHODS as readonly unknown[]).includes(m);
  return Array.isArray(written) && written.length && written.every(known) ? [...written] : ['website'];
}

export function companionDefaults(ctx: PresetContext): CompanionAnswers {
  const t = ctx.terms;
  const isCompany = ctx.type === 'company' || ctx.type === 'llc';
  const internal = isCompany ? t.inside : '内部';
  const secret = ctx.confidentiality.levels
    .slice(0, -1)
    .map((l) => l.label)
    .reverse();
  const secretOr = secret.length <= 1 ? secret.join('') : `${secret.slice(0, -1).join('、')}又は${secret[secret.length - 1]}`;
  const staff = t.staff;
  const options = ctx.input.options;
  const privateDevices = !(isObject(options) && options.privateDevices === 'prohibited');
  const myNumber = !(isObject(options) && options.myNumber === false);
  return {
    outputs: {
      basicPolicy: true,
      contractClauses: true,
      vendorChecklist: true,
      exitChecklist: true,
      sharingChecksheet: true,
      assetLedger: true,
      pack: true,
    },
    dateStyle: isCompany || ctx.type === 'professional' ? 'western' : 'japanese',
    signatory: { title: t.head, name: todo(`基本方針に署名する${t.head}の氏名`) },
    basicPolicy: {
      date: null,
      introduction: null,
      commitments: [
        isCompany
          ? { title: '経営者の責任', text: `${t.self}は、経営者が主導して、組織的かつ継続的に情報セキュリティの維持及び改善に取り組みます。` }
          : {
              title: `${t.officers}の責任`,
              // A professional office's head is its only officer (所長): not 「所長をはじめとする所長」.
              text: `${t.self}は、${t.head === t.officers ? t.head : `${t.head}をはじめとする${t.officers}`}が主導して、組織的かつ継続的に情報セキュリティの維持及び改善に取り組みます。`,
            },
        {
          title: `${internal}体制の整備`,
          text: `${t.self}は、情報セキュリティの維持及び改善のための体制を整備し、情報セキュリティ対策を${t.inside}の正式な規則として定めます。`,
        },
        {
          title: `${staff}の取組み`,
          text: `${t.self}の${staff}は、情報セキュリティのために必要な知識及び技術を習得し、日々の業務において情報セキュリティへの取組みを確かなものにします。`,
        },
        {
          title: '法令及び契約上の要求事項の遵守',
          // The sample's company speaks of its お客様; another organization answers to all its stakeholders, not one group of them.
          text: isCompany
            ? `${t.self}は、情報セキュリティに関わる法令、規制、規範及びお客様との契約上の要求事項を遵守し、お客様の期待に応えます。`
            : `${t.self}は、情報セキュリティに関わる法令、規制及び規範並びに${t.stakeholders}との契約上の要求事項を遵守し、その期待に応えます。`,
        },
        {
          title: '違反及び事故への対応',
          text: `${t.self}は、情報セキュリティに関わる法令違反、契約違反及び事故が発生した場合には適切に対処し、再発防止に努めます。`,
        },
      ],
      publication: ['website'],
    },
    myNumber: {
      policyDate: null,
      rulesDate: null,
      subjects: {
        vendors: { label: '取引先', purposes: ctx.type === 'association' ? ['fees', 'rent'] : ['fees'] },
        shareholders: {
          label: ctx.type === 'cooperative' ? '組合員' : '株主',
          purposes: ctx.type === 'company' || ctx.type === 'cooperative' ? ['dividends'] : [],
        },
        // Every type pays its officers (取締役・理事・監事・業務執行社員) and issues 源泉徴収票 with their numbers.
        officers: { label: ctx.type === 'association' ? `${t.officers}及び評議員` : t.officers, purposes: ['remuneration'] },
        staff: { label: staff, purposes: ['withholding', 'declarations', 'healthPension', 'employmentInsurance'] },
        families: { label: `${staff}の配偶者及び扶養親族`, purposes: ['withholding', 'declarations', 'healthPension'] },
      },
      contact: {
        desk: todo('特定個人情報等に関するお問合せ窓口の部署名（例: 総務部 総務課）'),
        phone: todo('お問合せ窓口の電話番号'),
        email: null,
        hours: null,
      },
      publication: basicPolicyPublication(ctx),
      deletionTiming: '毎年度末',
      managementArea: [{ places: [todo('管理区域とする部屋・場所（特定個人情報ファイルを扱う機器を置く部屋）')], area: null }],
      handlingArea: [{ places: [todo('取扱区域とする部屋・席（特定個人情報等を扱う事務を行う場所）')], area: null }],
    },
    contract: {
      contractor: null,
      clauses: CONTRACT_CLAUSES.filter((c) => c !== 'personalData' || myNumber),
      reportingDeadline: todo('機密情報の管理体制を相手方に報告する期限（例: 本契約締結後14日以内）'),
      damagesCap: 'contractPriceExceptLeaks',
      incidentNoticeHours: 24,
      survivalYears: 5,
      court: todo('業務委託契約の合意管轄裁判所（例: 東京地方裁判所）'),
    },
    forms: {
      exitChecklist: [
        { category: '資料・媒体', item: `在職中に交付された業務に関連する資料（印刷物）及びその複製物` },
        { category: '資料・媒体', item: '個人情報を含む資料及びその複製物' },
        { category: '資料・媒体', item: `顧客・取引先から${t.self}が交付を受けた資料及びその複製物` },
        { category: '資料・媒体', item: `${secretOr}の情報資産を保存した記憶媒体（USBメモリ、外付けHDD等）` },
        { category: '情報機器', item: `${t.org}が貸与したパソコン` },
        { category: '情報機器', item: `${t.org}が貸与したスマートフォン・タブレット等のスマートデバイス` },
        { category: '情報機器', item: `その他の貸与機器（モバイルルーター、周辺機器等）` },
        { category: 'アクセス権', item: '情報システム・クラウドサービスの利用者アカウントの削除又は無効化' },
        { category: 'アクセス権', item: '入館証・IDカード' },
        { category: 'アクセス権', item: '事務所・キャビネット等の鍵' },
        ...(privateDevices ? [{ category: 'その他', item: '私有の機器・媒体に保存した業務上の情報の消去' }] : []),
        { category: 'その他', item: `退職後も${t.secrets}を漏らさず競業に利用しない旨の誓約書の提出` },
      ],
      sharingChecksheet: [
        `提供・共有した${secretOr}の情報資産（名称・機密区分）`,
        `${secretOr}の情報資産の回収/廃棄方法（回収・廃棄・消去の別と実施日）`,
        '回収/廃棄の証跡（受領書・廃棄証明書等）',
        `${secretOr}の情報資産へのアクセス権の制御方法（付与したアカウント・鍵等）`,
        'アクセス権の削除・無効化を確認した日',
        '秘密保持契約の締結日',
        '秘密保持契約の有効期限（契約終了後の存続期間を含む）',
      ],
      assetLedgerRows: 20,
    },
    packTitle: `${t.documentName}（配布用）`,
  };
}
