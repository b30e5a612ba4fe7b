import * as z from '../zod.js';
import {
  confidentialitySchema,
  documentSchema,
  optionsSchema,
  organizationSchema,
  rolesSchema,
  termsSchema,
} from './core.js';
import { companionIssues, companionSchema } from './chapters/companion.js';
import { humanSchema } from './chapters/human.js';
import { organizationalSchema } from './chapters/organizational.js';
import { physicalSchema } from './chapters/physical.js';
import { technicalSchema } from './chapters/technical.js';
import { templatesSchema } from './templates.js';

/**
 * The complete answers: the single source of the `Answers` type. Every key is present after the
 * preset is applied (optional things are `null`), so templates never meet a missing key.
 */
export const answersSchema = z
  .object({
    organization: organizationSchema.describe('組織の基本情報'),
    document: documentSchema.describe('文書そのものの情報（版・施行日・承認者・改訂履歴・章ごとの改訂日と適用範囲・書体）'),
    terms: termsSchema.describe('本文の語彙（プリセットの値をどれでも上書きできる）'),
    roles: rolesSchema.describe('情報セキュリティ委員会の役割（役割の名前・役割と責任・担当する役職名・氏名・連絡先）'),
    confidentiality: confidentialitySchema.describe('情報資産の機密性（と任意で完全性・可用性）の評価基準'),
    options: optionsSchema.describe('任意の部分を含めるかどうか'),
    organizational: organizationalSchema.describe('1 組織的対策の回答'),
    human: humanSchema.describe('2 人的対策の回答'),
    physical: physicalSchema.describe('3 物理的対策の回答'),
    technical: technicalSchema.describe('4 技術的対策の回答'),
    companion: companionSchema.describe('規程と同じ回答から作る文書（基本方針・特定個人情報の基本方針と取扱規程・業務委託契約の機密保持条項・記入用の様式・配布用の合本）の回答'),
    has: z.record(z.string(), z.boolean()).describe('組織が持っているもの（サーバー・ネットワーク機器・部門…）。本文の出し入れに使う（プロフィールから計算）'),
    templates: templatesSchema,
  })
  .strict()
  .superRefine((answers, ctx) => {
    const labels = answers.confidentiality.levels.map((l) => l.label);
    if (answers.document.classification !== null && !labels.includes(answers.document.classification)) {
      ctx.addIssue({
        code: 'custom',
        path: ['document', 'classification'],
        message: `機密性レベルのラベル（${labels.join('・')}）のいずれかを記入してください`,
      });
    }
    for (const issue of companionIssues(answers)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type Answers = z.infer<typeof answersSchema>;


type Input = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Input =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * The user's values over the defaults: objects merge key by key, anything else (lists, text, a
 * `{ todo }` stand-in) replaces the default whole.
 */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over) || 'todo' in over || 'todo' in base) return over;
  const out: Input = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value);
  return out;
}


