import * as z from '../../zod.js';
import { fillableLine, line, lines, texts } from '../common.js';
import type { PresetContext } from '../context.js';
import { thresholdAt, thresholdSchema } from '../core.js';

/** Answers for 8 委託管理 and 8-1 委託先チェックリスト: schema and preset defaults. */

const checklistItemSchema = z
  .object({
    category: line().describe('区分（同じ区分が続く行は表で1つのセルに結合される）: ガバナンスの整備'),
    item: line().describe('確認項目（委託先への質問）'),
  })
  .strict();

const criteriaSchema = z
  .object({
    isms: z.boolean().describe('「情報セキュリティマネジメントシステム（ISMS）適合性評価制度の認証を取得している」を基準に含める'),
    privacyMark: z.boolean().describe('「個人情報保護マネジメントシステム（PMS）に適合し、プライバシーマーク付与を受けている」を基準に含める'),
    securityAction: z.enum(['oneStar', 'twoStars']).nullable().describe('SECURITY ACTION の段階: oneStar（一つ星）/ twoStars（二つ星）/ null（基準に含めない）'),
    scs: z.enum(['star3', 'star4']).nullable().describe('SCS評価制度の段階: star3（★３）/ star4（★４）/ null（基準に含めない）'),
    audit: z.boolean().describe('「情報セキュリティ監査を定期的に実施している」を基準に含める'),
    publishedPolicy: z.boolean().describe('「情報セキュリティに関する方針を公開している」を基準に含める'),
    checklist: z.enum(['all', 'atLeast', 'planned', 'necessary']).nullable().describe('「委託先情報セキュリティ対策状況確認リスト」による基準: all（全ての対策を実施している）/ atLeast（checklistCount 個以上の対策を実施している）/ planned（checklistCount 個以上の対策を実施する予定を確認している）/ necessary（取り扱う情報資産に必要な対策を実施している）/ null（基準に含めない）'),
    checklistCount: z.number().int().min(1).max(200).nullable().describe('checklist が atLeast・planned のときの対策の個数（確認リストの項目数以下）。それ以外は null'),
    additional: lines().describe('組織が独自に加える評価基準（箇条書きの末尾に追加）'),
  })
  .strict();

export const outsourcingSchema = z
  .object({
    threshold: thresholdSchema.describe('委託先を評価する業務: 取り扱う情報資産の重要度の下限（8.1）。既定は最も低い非公開レベルの評価値'),
    criteria: criteriaSchema.describe('委託先評価基準（8.1）'),
    contractItems: texts().min(1, '委託契約書に明記する事項を1つ以上記入してください').describe('委託契約書に明記する事項（8.3）。契約条項のひな形はこの一覧を満たすように作る'),
    evaluationFrequency: fillableLine().describe('委託開始後に委託先の対策状況を評価する頻度（8.4）: 年1回以上'),
    sharingCounterparties: line().describe('機密情報を提供・共有し、契約終了時に回収・破棄を確認する相手（8.7）: 子会社又は取引先'),
    checklist: z.array(checklistItemSchema).min(1, '確認項目を1つ以上記入してください').max(200).describe('委託先情報セキュリティ対策状況確認リスト（8-1）の行'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const { checklist, checklistCount } = value.criteria;
    const needsCount = checklist === 'atLeast' || checklist === 'planned';
    if (needsCount && checklistCount === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', 'checklistCount'],
        message: 'criteria.checklist が atLeast・planned のときは、対策の個数（checklistCount）を記入してください',
      });
    }
    if (!needsCount && checklistCount !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', 'checklistCount'],
        message: 'checklistCount は criteria.checklist が atLeast・planned のときだけ使います（それ以外は null にしてください）',
      });
    }
    if (checklistCount !== null && checklistCount > value.checklist.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteria', 'checklistCount'],
        message: `対策の個数が確認リストの項目数（${value.checklist.length}）を超えています`,
      });
    }
  });

export type OutsourcingAnswers = z.infer<typeof outsourcingSchema>;

/** 「社外秘又は極秘」: the secret labels from the lowest up. */
function secretLabelsOr(ctx: PresetContext): string {
  const labels = ctx.confidentiality.levels
    .slice(0, -1)
    .reverse()
    .map((level) => level.label);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join('、')}又は${labels[labels.length - 1]}`;
}

/**
 * The sample's 26 checklist rows (区分, 確認項目). The questions speak to the vendor, so 自社 and
 * 従業員 are the vendor's own; Organizations other than companies get
 * neutral words (自組織, 従業者) in their defaults.
 */
const CHECKLIST: readonly (readonly [string, readonly string[]])[] = [
  [
    'ガバナンスの整備',
    [
      'セキュリティ推進活動を担当する部署、役員及び従業員を決定し、責任及び権限を割り当てていますか？',
      '守秘義務のルールを策定し、遵守させていますか？',
      '自社のセキュリティ対応方針を策定し、周知していますか？',
    ],
  ],
  [
    '取引先管理',
    [
      '取引先と自社とのビジネス又はシステム上の関係を把握していますか？',
      '自社の機密情報の取扱い方法を、共有先との間で明確にしていますか？',
      'セキュリティインシデント発生時の他社との役割及び責任を明確にしていますか？',
    ],
  ],
  [
    'リスクの特定',
    [
      '情報機器、OS及びソフトウェアに関する情報を把握していますか？',
      'ネットワークに関する情報を把握するための仕組みを整備していますか？',
      '自社の機密情報を扱う外部情報サービスを管理していますか？',
      '機密区分に応じた情報の管理ルールを定め、それに基づく管理を行っていますか？',
    ],
  ],
  [
    '攻撃等の防御',
    [
      'ユーザーIDの発行・変更・削除の手続を定めていますか？',
      '管理者IDの発行・変更・削除の手続を定めていますか？',
      'システム及び情報の重要度に応じて認証の強度及び実装方法を決定していますか？',
      'パソコン及びスマートデバイスにはロック制御を行っていますか？',
      'パスワード設定に関するルールを定め、周知していますか？',
      'パスワードの管理に関するルールを定め、周知していますか？',
      'アクセス権の管理ルールを定めていますか？',
      'セキュリティインシデント発生時の対応に関する教育・訓練を行っていますか？',
      '適切なバックアップを行っていますか？',
      '情報機器、OS及びソフトウェアの安全な構成を確立し、維持していますか？',
      '情報機器、OS及びソフトウェアへのセキュリティパッチ及びアップデートの適用に係る手続を定めていますか？',
      'システムをマルウェア感染から保護していますか？',
      'ネットワークを適切に分離し、境界部分を防護していますか？',
    ],
  ],
  ['攻撃等の検知', ['ネットワーク上の適切な場所でネットワーク接続及びデータ転送を監視していますか？']],
  ['インシデントへの対応', ['セキュリティインシデントへの対応手順、対応体制等を定めていますか？']],
  ['インシデントからの復旧', ['事業上重要なシステムについて、事業継続の要件に沿う復旧に必要な準備を行っていますか？']],
];

/** How many rows the 8-1 checklist has: a criterion of 「○個以上」 cannot ask for more. */
export const VENDOR_CHECKLIST_LENGTH = CHECKLIST.reduce((count, [, items]) => count + items.length, 0);

export function outsourcingDefaults(ctx: PresetContext): OutsourcingAnswers {
  const t = ctx.terms;
  const secret = secretLabelsOr(ctx);
  const isCompany = ctx.type === 'company' || ctx.type === 'llc';
  return {
    threshold: thresholdAt(ctx.confidentiality.levels),
    criteria: {
      isms: true,
      privacyMark: true,
      securityAction: 'oneStar',
      scs: 'star3',
      audit: true,
      publishedPolicy: true,
      checklist: 'all',
      checklistCount: null,
      additional: [],
    },
    contractItems: [
      `${t.self}の${secret}の情報資産及び個人情報の守秘義務`,
      `${secret}の情報資産の定義`,
      '取り交わす手段(受発注の手段、情報のやり取り等)',
      '取扱い(表示、保管方法、複製可否、第三者への提供可否等)',
      '再委託についての事項',
      '事故時の責任分担についての事項',
      'セキュリティ事故発生時の相手方への通知義務',
      'セキュリティ事故発生の連絡先',
      `委託業務終了時の${t.self}が提供した${secret}の情報資産及び個人情報の返却又は廃棄、消去についての事項`,
      '情報セキュリティ対策の実施状況に関する監査の方法とその権限',
      '契約内容が遵守されない場合の措置',
      '事故発生時の報告方法',
    ],
    evaluationFrequency: '年1回以上',
    sharingCounterparties: isCompany ? '子会社又は取引先' : '関係団体又は取引先',
    checklist: CHECKLIST.flatMap(([category, items]) =>
      items.map((item) => ({ category, item: isCompany ? item : item.replaceAll('自社', '自組織').replaceAll('従業員', '従業者') })),
    ),
  };
}
