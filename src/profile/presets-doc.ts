import { confidentialityPreset, scopesPreset, TERMS } from '../answers/presets.js';
import { RECOMMENDED_RULES, recommendedText } from './recommended.js';
import { ROLE_LABELS } from './roles.js';
import { profileSchema } from './schema.js';
import { typicalPeople } from './presets.js';
import { profileView } from './view.js';
import { ORGANIZATION_SIZES, ORGANIZATION_SIZE_LABELS, ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, type OrganizationType } from './types.js';
import type { Terms } from '../answers/core.js';

/**
 * docs/presets.md, generated from the presets themselves: every type's vocabulary and default
 * wording, what size changes, the recommended rule values and the wizard's suggestions. A test keeps
 * the committed file equal to this output.
 */

const TERM_LABELS: Record<keyof Terms, string> = {
  self: '自己の呼称',
  org: '組織を指す語',
  inside: '内側',
  outside: '外側',
  whole: '全体',
  owned: '所有',
  business: '業務用の',
  staff: '働く人',
  officers: '役員',
  head: '代表者',
  board: '意思決定機関',
  department: '部署',
  departmentHead: '部署の長',
  headOffice: '本拠',
  documentName: '規程の名前',
  secrets: '秘密の呼び方',
  joining: '採用の時点',
  leavingForTheDay: '帰るとき',
  stakeholders: '利害関係者',
  workRules: '懲戒の根拠',
};

const cell = (s: string) => s.replace(/\|/gu, '\\|').replace(/\n/gu, '<br>');

/** The view of a profile with nothing but the type and size: the wording defaults of that preset. */
function presetView(type: OrganizationType) {
  const profile = profileSchema.parse({ kitei: 2, organization: { name: '例', type, size: 'medium' } });
  return profileView(profile) as { organizational: { assets: { externalSystemProviders: string }; outsourcing: { sharingCounterparties: string } }; companion: { dateStyle: string } };
}

export function presetsReference(): string {
  const types = ORGANIZATION_TYPES;
  const header = (first: string) => [`| ${first} | ${types.map((t) => `\`${t}\``).join(' | ')} |`, `| --- | ${types.map(() => '---').join(' | ')} |`];
  const views = Object.fromEntries(types.map((t) => [t, presetView(t)])) as Record<OrganizationType, ReturnType<typeof presetView>>;
  const out: string[] = [
    '# プリセット: 組織の種類と規模ごとの既定値',
    '',
    '<!-- このファイルは src/profile/presets-doc.ts がプリセットから生成します。直接編集せず、',
    '     `UPDATE=1 npx vitest run test/presets-doc.test.ts` で更新してください。 -->',
    '',
    '組織の種類（`organization.type`）は本文の語彙と規程の文言の既定値を、規模（`organization.size`）は含める部分の既定と',
    '推奨値・対話形式の提案を決めます。ここにあるのは**文言と選択肢の既定値**と**提案**だけです。組織の事実（人・部屋・機器・',
    '製品・頻度・期間）は、回答に書いたときだけ規程に載ります。',
    '',
    `種類: ${types.map((t) => `\`${t}\`（${ORGANIZATION_TYPE_LABELS[t]}）`).join('、')}`,
    '',
    `規模: ${ORGANIZATION_SIZES.map((s) => `\`${s}\`（${ORGANIZATION_SIZE_LABELS[s]}）`).join('、')}`,
    '',
    '## 語彙（`terms`、どれも回答で変えられる）',
    '',
    '代表者（`terms.head`）は、`people` に代表者（`roles: [head]`）を書けばその役職名になります。',
    '',
    ...header('語'),
    ...(Object.keys(TERM_LABELS) as (keyof Terms)[]).map((key) => `| ${TERM_LABELS[key]}（\`${key}\`） | ${types.map((t) => cell(TERMS[t][key])).join(' | ')} |`),
    '',
    '## 文言の既定値',
    '',
    ...header('項目'),
    `| 機密性のラベル（高い順） | ${types.map((t) => confidentialityPreset(t, TERMS[t]).levels.map((l) => `${l.value}:${l.label}`).join('・')).join(' | ')} |`,
    `| 1 組織的対策の適用範囲 | ${types.map((t) => cell(scopesPreset(t, TERMS[t]).organizational)).join(' | ')} |`,
    `| 外部情報システムを提供する組織の例 | ${types.map((t) => cell(views[t].organizational.assets.externalSystemProviders)).join(' | ')} |`,
    `| 機密情報を共有する相手 | ${types.map((t) => cell(views[t].organizational.outsourcing.sharingCounterparties)).join(' | ')} |`,
    `| 日付の書き方（\`documents.dateStyle\`） | ${types.map((t) => (views[t].companion.dateStyle === 'western' ? '西暦' : '和暦')).join(' | ')} |`,
    '',
    '## 規模で変わるもの',
    '',
    '| 項目 | `small` | `medium` |',
    '| --- | --- | --- |',
    '| システム開発及び保守（`organization.developsSoftware`） | 含めない | 含める |',
    '| 部門（`departments`） | ふつうは書かない（情報セキュリティ部門責任者の行がなく、その務めは情報セキュリティ責任者が負う） | 部門ごとに部門の長を書く |',
    '',
    '## 運用ルールの推奨値（`rules.*` など）',
    '',
    '書かなければ規程では【要記入】になり、`kitei check` の質問に推奨値が表示されます。対話形式では、一覧を見て「推奨値でよい」と答えると',
    'これらの値が回答ファイルに書き込まれます。',
    '',
    '| キー | 内容 | `small` | `medium` |',
    '| --- | --- | --- | --- |',
    ...RECOMMENDED_RULES.map((rule) => `| \`${rule.key}\` | ${cell(rule.question)} | ${cell(recommendedText(rule, 'small'))} | ${cell(recommendedText(rule, 'medium'))} |`),
    '',
    '## 対話形式が提案する役割の担当（回答に書くまで使われない）',
    '',
  ];
  for (const type of types) {
    out.push(`### ${ORGANIZATION_TYPE_LABELS[type]}（\`${type}\`）`, '', '| 規模 | 役職 | 役割 |', '| --- | --- | --- |');
    for (const size of ORGANIZATION_SIZES) {
      for (const person of typicalPeople(type, size)) out.push(`| \`${size}\` | ${person.title} | ${person.roles.map((r) => ROLE_LABELS[r].replace(/（.*$/u, '')).join('、')} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
