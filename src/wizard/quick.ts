import { isTodo } from '../answers/common.js';
import { askLeaf, editList, fillSameQuestion, type Ctx } from './ask.js';
import { textTable } from './table.js';
import { checkField, fieldAt, parseKey, type LeafField, type ListField, type Path } from './tree.js';

/**
 * かんたんモード: the answers every organization has to give itself, with hand-written help (why the
 * answer matters, where it shows up, an example from the sample). Everything else keeps the
 * preset's value; what is still a stand-in is offered afterwards on the review screen.
 */

const leaf = (key: string) => fieldAt(parseKey(key)) as LeafField;
const list = (key: string) => fieldAt(parseKey(key)) as ListField;

async function ask(ctx: Ctx, key: string, message: string, help: string): Promise<void> {
  // A curated key the schema no longer has is left out (test/wizard/quick.test.ts lists what is asked).
  if (fieldAt(parseKey(key))?.kind !== 'leaf') return;
  await askLeaf(ctx, parseKey(key), leaf(key), { message, help: `${help}\n${hint(ctx, key)}` });
}

/** How to answer, after the hand-written help. */
function hint(ctx: Ctx, key: string): string {
  const field = leaf(key);
  const current = ctx.state.get(parseKey(key));
  const notes = [
    isTodo(current) ? '未記入です。Enter で後回し（【要記入】のまま）' : field.fillable ? '「?」で後回し' : '',
    field.nullable ? '「-」で「なし」' : '',
    current !== undefined && current !== null && !isTodo(current) ? 'Enter でそのまま' : '',
  ].filter(Boolean);
  return notes.join('、');
}

const OPTION_CHOICES = [
  { value: 'telework', name: 'テレワーク（在宅勤務・モバイルワーク）を行う', description: '人的対策「6 テレワークにおける対策」を含めます' },
  { value: 'privateDevices', name: '私物のパソコン・スマートフォンを許可制で業務に使える', description: '外すと私有機器の業務利用は「禁止」になります（技術的対策 2.3）' },
  { value: 'systemDevelopment', name: '自社でシステムの開発・保守を行う', description: '技術的対策「6 システム開発及び保守」を含めます' },
  { value: 'cloudBackup', name: 'クラウドサービスにバックアップを取る', description: '技術的対策「4.3 クラウドサービスを利用したバックアップ」を含めます' },
  { value: 'myNumber', name: 'マイナンバー（特定個人情報）を扱う', description: '事務取扱責任者・担当者の役割を体制に含めます' },
] as const;
type OptionName = (typeof OPTION_CHOICES)[number]['value'];

const ROLE_KEYS = ['securityOfficer', 'systemAdmin', 'educationOfficer', 'incidentOfficer', 'complaintsOfficer', 'privacyOfficer', 'auditor', 'myNumberManager', 'myNumberClerk'] as const;

/** The keys かんたんモード asks (besides the organization's type and name), in order. */
export const QUICK_KEYS = [
  'organization.business',
  'document.effectiveDate',
  'document.approver',
  'companion.signatory.name',
  'options',
  'roles.*.title',
  'roles.departmentOfficer.titles',
  'roles.systemAdmin.person/phone/email',
  'confidentiality.levels[].label',
  'organizational.audit.month',
  'organizational.incident.bcp.system',
  'technical.continuity.backup.targets',
  'technical.software.standard',
  'organizational.incident.contacts',
] as const;

export async function quickMode(ctx: Ctx): Promise<void> {
  const { prompts, state } = ctx;
  prompts.say('\nかんたんモード: 組織ごとに決める必要のある約15問に答えます。ほかの項目はサンプルどおりの値（プリセット）になります。');

  await ask(ctx, 'organization.business', '事業内容', '基本方針の冒頭で、何を営む組織かを述べる文に入ります。例: 精密機械部品の設計・製造・販売');
  await ask(ctx, 'document.effectiveDate', '施行日（この規程を使い始める日）', '表紙・改訂履歴・各章の日付になります（実行した日付は使いません）。例: 2026-04-01');
  await ask(ctx, 'document.approver', '規程を承認する人・機関', '表紙の「承認者」欄に載ります。例: 代表取締役 / 取締役会 / 理事会');
  const signatory = state.get(['companion', 'signatory', 'title']);
  const head = typeof signatory === 'string' ? signatory : String(state.get(['terms', 'head']));
  await ask(ctx, 'companion.signatory.name', `基本方針に署名する${head}の氏名`, `公開用の「情報セキュリティ基本方針」の末尾に、役職名と並んで載ります。例: ${head} 青葉 一郎`);

  const options = state.get(['options']) as Record<string, unknown>;
  const chosen = await prompts.checkbox<OptionName>({
    id: 'options',
    message: '当てはまるものを選んでください（規程に含める部分）',
    help: '外したものは規程から外れ、関係する質問も省きます。例: テレワークをしない組織は「テレワーク」を外します（サンプルはすべて含む形です）\nスペースで選択・解除、Enter で決定',
    choices: OPTION_CHOICES.map((c) => ({ ...c, checked: c.value === 'privateDevices' ? options.privateDevices === 'permitted' : options[c.value] === true })),
  });
  for (const c of OPTION_CHOICES) {
    const on = chosen.includes(c.value);
    const value = c.value === 'privateDevices' ? (on ? 'permitted' : 'prohibited') : on;
    if (options[c.value] !== value) state.set(['options', c.value], value);
  }

  await rolesStep(ctx);
  await editList(ctx, ['roles', 'departmentOfficer', 'titles'], list('roles.departmentOfficer.titles'), {
    message: '各部門の長（情報セキュリティ部門責任者を務める役職）',
    help: '体制表の「情報セキュリティ部門責任者」の欄に並びます。部門ごとに1行です。例: 営業部長、技術部長、製造部長',
  });

  const admin = state.get(['roles', 'systemAdmin', 'name']) as string;
  prompts.say(`\n■ ${admin}の連絡先`);
  const contactHelp = `テレワークの問い合わせ先と緊急連絡網の表に載ります（任意）。`;
  await ask(ctx, 'roles.systemAdmin.person', `${admin}の氏名`, `${contactHelp}例: 佐藤 健太`);
  await ask(ctx, 'roles.systemAdmin.phone', `${admin}の電話番号`, `${contactHelp}例: 022-000-0003`);
  await ask(ctx, 'roles.systemAdmin.email', `${admin}のメールアドレス`, `${contactHelp}例: system@aoba-seiki.example`);

  await levelsStep(ctx);
  await ask(ctx, 'organizational.audit.month', '情報セキュリティの監査・点検を行う月', '「1 組織的対策 2」の「毎年…に点検を行い」に入ります。例: 毎年9月 / 8月');

  await ask(
    ctx,
    'organizational.incident.bcp.system',
    '止まると事業が続けられない主な業務システム',
    '事業継続の項（組織的対策 9.8）で停止を想定するシステムです。アクセス制御・認証・バックアップの表の「業務システム」の行にも同じ名前を入れます。例: 販売管理システム / 生産管理システム',
  );
  const system = state.get(['organizational', 'incident', 'bcp', 'system']);
  if (typeof system === 'string') fillBusinessSystem(ctx, system);

  await editList(ctx, ['technical', 'continuity', 'backup', 'targets'], list('technical.continuity.backup.targets'), {
    message: 'バックアップを取る機器・システム（技術的対策 4.1 の表）',
    help: '表の行ごとに、機器名・バックアップの対象・方法・保管先を定めます。サンプルの例: ファイルサーバー / ユーザーファイル / Windows Server バックアップ / NASサーバー',
  });
  await editList(ctx, ['technical', 'software', 'standard'], list('technical.software.standard'), {
    message: '標準ソフトウェアと開発・販売元（技術的対策 2.4.1 の表）',
    help: '従業員が使ってよいソフトウェアの一覧になります。【要記入】の製品名・開発元・バージョンを埋めてください。例: パソコンOS / Windows / Microsoft / 11以降',
  });
  await editList(ctx, ['organizational', 'incident', 'contacts'], list('organizational.incident.contacts'), {
    message: 'インシデントの緊急連絡先（組織的対策 9.3 の連絡網）',
    help: '事故が起きたときに夜間・休日でも連絡する相手です。携帯電話の番号とメールアドレスを入れます。例: インシデント対応責任者 / 090-0000-0000',
  });
}

/** The roles as a table of their titles; the user picks the ones to change. */
async function rolesStep(ctx: Ctx): Promise<void> {
  const { prompts, state } = ctx;
  const roles = () => {
    const myNumber = state.get(['options', 'myNumber']) !== false;
    return ROLE_KEYS.filter((k) => myNumber || !k.startsWith('myNumber')).map((key) => ({ key, role: state.get(['roles', key]) as Record<string, unknown> }));
  };
  let help = '情報セキュリティ委員会の体制表と、本文の「…が承認する」などに入ります。変える役割を選び、最後に「これでよい」を選びます。例: システム管理者 = 情報システム課長';
  for (;;) {
    const rows = roles();
    prompts.say(`\n■ 役割と役職\n${textTable(['役割', '担当する役職'], rows.map(({ role }) => [String(role.name), isTodo(role.title) ? '【要記入】' : String(role.title)]), ctx.width)}`);
    const pick = await prompts.select<string>({
      id: 'roles#pick',
      message: '役職を変える役割を選んでください',
      help,
      choices: [{ value: '', name: 'これでよい（次へ）' }, ...rows.map(({ key, role }) => ({ value: key, name: `${String(role.name)}: ${isTodo(role.title) ? '【要記入】' : String(role.title)}` }))],
      default: '',
    });
    help = '';
    if (!pick) {
      const missing = rows.filter(({ role }) => isTodo(role.title));
      if (missing.length === 0) return;
      const later = await prompts.confirm({
        id: 'roles#later',
        message: `${missing.map(({ role }) => String(role.name)).join('・')}の役職が未記入です。後回しにしますか（【要記入】として残ります）`,
        default: true,
      });
      if (later) return;
      continue;
    }
    const name = String(state.get(['roles', pick, 'name']));
    await ask(ctx, `roles.${pick}.title`, `${name}を務める役職`, `体制表の${name}の欄に載ります。例: 総務部長 / 情報システム課長 / 監査役`);
  }
}

/** The confidentiality labels (極秘 / 社外秘 / 公開), asked level by level until they are distinct. */
async function levelsStep(ctx: Ctx): Promise<void> {
  const { prompts, state } = ctx;
  const levelsField = list('confidentiality.levels');
  const labelField = fieldAt(parseKey('confidentiality.levels.0.label')) as LeafField;
  prompts.say('\n■ 機密性のレベル（情報資産に付けるラベル）');
  for (;;) {
    const levels = state.get(['confidentiality', 'levels']) as { label: string; value: number }[];
    for (const [i, level] of levels.entries()) {
      const last = i === levels.length - 1;
      await askLeaf(ctx, ['confidentiality', 'levels', i, 'label'], labelField, {
        message: `機密性 ${level.value} の呼び方${last ? '（公開してよい情報）' : ''}`,
        help:
          i === 0
            ? '書類・データに付けるラベルで、規程全体に出てきます（持ち出し・廃棄・メール送信などの規則がラベルごとに決まります）。例: 極秘 / 社外秘 / 公開（株式会社のサンプル）、部外秘（協会）\nEnter でそのまま'
            : 'Enter でそのまま',
      });
    }
    const check = checkField(levelsField, state.get(['confidentiality', 'levels']));
    if (check === true) return;
    prompts.say(`  ！ ${check}`);
  }
}

/** The main business system's name goes into every table row that asks for "the business system". */
function fillBusinessSystem(ctx: Ctx, name: string): void {
  const filled = fillSameQuestion(ctx, (question) => /業務システムの名称/u.test(question), name, []);
  if (filled.length) ctx.prompts.say(`  「${name}」を次の表にも入れました: ${filled.map(tableName).join('、')}`);
}

const tableName = (path: Path): string => {
  const listPath = path.slice(0, path.findIndex((s) => typeof s === 'number'));
  return fieldAt(listPath)?.label.split(/[（:]/u)[0] ?? listPath.join('.');
};

