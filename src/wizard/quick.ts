import { KINDS, type InventoryKind } from '../profile/kinds.js';
import { typicalPeople } from '../profile/presets.js';
import { RECOMMENDED_RULES, recommendedValue } from '../profile/recommended.js';
import { ROLE_KEYS, type RoleKey } from '../profile/roles.js';
import { isNone } from '../profile/schema.js';
import { ORGANIZATION_SIZE_LABELS, ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, type OrganizationType } from '../profile/types.js';
import { askForm, help, joinWords, splitWords, type Ctx, type Outcome } from './ask.js';
import { CATEGORIES, kindName, productsOf, requiredFields, type Category, type CategoryId } from './catalog.js';
import { DATE_FORMS } from './dates.js';
import type { Step } from './flow.js';
import { addProduct, catalogOf, factApplied, holdsData, inventory, isBackupDestination, isCloud, itemName, removeItem, setItem, withFacts, type Item } from './inventory.js';
import { courtFor, policeFor } from './places.js';
import { isPlainObject, type Data } from './state.js';
import { textTable } from './table.js';
import { isBack, type FormField } from './types.js';

/**
 * かんたんモード: about twenty screens that give a small organization a complete policy. The
 * questions follow the profile — who you are, who does what, where, what you use, who you work
 * with, the rules — and each fact is asked once; what a product usually brings is offered as facts
 * to tick; role holders are suggested by type and size; recommended rule values are shown and
 * accepted on one screen. Every answer goes to the one place of the profile it belongs to, and from
 * there into every table that needs it.
 */

export const SECTIONS = ['組織について', 'だれが何をするか', 'どこで仕事をするか', '何を使っているか', 'データと事業の継続', '働き方', '取引先と外部の窓口', '社内のきまり'] as const;
type Section = (typeof SECTIONS)[number];

const step = (id: string, section: Section, run: Step['run'], applies?: Step['applies']): Step => ({ id, section, run, ...(applies ? { applies } : {}) });

// ── 1 組織について ───────────────────────────────────────────────────────────────────────────

export const typeStep = step('organization.type', '組織について', async (ctx, progress) => {
  const type = await ctx.prompts.select<OrganizationType>({
    id: 'organization.type',
    message: '組織の種類',
    progress,
    help: help('規程の言葉づかい（当社・当法人、従業員・職員）と役職の提案が、種類によって決まります。', '例: 株式会社なら「当社」「従業員」「代表取締役」、協会なら「当協会」「職員」「理事長」'),
    choices: ORGANIZATION_TYPES.map((t) => ({ value: t, name: ORGANIZATION_TYPE_LABELS[t] })),
    default: ctx.state.type ?? 'company',
  });
  if (isBack(type)) return 'back';
  ctx.state.set(['organization', 'type'], type);
  return 'next';
});

/** A made-up organization of each type, for the examples of the first questions. */
const EXAMPLE_ORGANIZATION: Record<OrganizationType, { readonly name: string; readonly business: string; readonly size: string }> = {
  company: { name: 'こもれび設計株式会社', business: '住宅・店舗の設計及び工事監理', size: '12人の設計事務所' },
  llc: { name: '合同会社こもれびデザイン', business: 'ウェブサイトの制作及び運用支援', size: '6人の制作会社' },
  association: { name: '一般社団法人ひかり地域振興協会', business: '地域の観光振興と公共施設の指定管理', size: '15人の協会' },
  cooperative: { name: 'みどり野菜生産協同組合', business: '組合員の野菜の共同出荷と資材の共同購入', size: '職員10人の組合' },
  npo: { name: '特定非営利活動法人こもれび子ども支援', business: '子ども食堂の運営と学習支援', size: '職員5人の法人' },
  medical: { name: '医療法人社団こもれび会', business: '内科・小児科の診療所の運営', size: '職員18人の診療所' },
  welfare: { name: '社会福祉法人こもれび福祉会', business: '通所介護と訪問介護の事業所の運営', size: '職員20人の事業所' },
  professional: { name: 'こもれび税理士事務所', business: '税務申告・記帳代行・経営相談', size: '8人の事務所' },
};

export const organizationStep = step('organization', '組織について', async (ctx, progress) => {
  const example = EXAMPLE_ORGANIZATION[ctx.state.type ?? 'company'];
  return askForm(ctx, {
    id: 'organization',
    message: '組織のこと',
    progress,
    base: [],
    help: '↑↓ で欄を移り、入力して Enter で次の欄へ。最後の「決定して次へ」で Enter を押します。',
    specs: [
      { key: 'organization.name', label: '正式名称', required: true, help: help('表紙と本文に載り、保存するファイルと出力フォルダーの名前にもなります。', example.name) },
      {
        key: 'organization.size',
        label: '働いている人数',
        kind: 'choice',
        choices: [
          { value: 'small', name: ORGANIZATION_SIZE_LABELS.small },
          { value: 'medium', name: '21人以上（部門があり、情報システムの担当者がいる）' },
        ],
        initial: 'small',
        help: help('役割の分担の提案と、運用ルールの推奨値が人数で変わります。← → で選びます。', `${example.size}なら「おおむね20人まで」`),
      },
      { key: 'organization.business', label: '事業内容', required: true, help: help('公開する「情報セキュリティ基本方針」の冒頭で、何をしている組織かを述べる文に入ります。', example.business) },
      { key: 'organization.address', label: '所在地（任意）', kind: 'optional', help: help('契約の裁判所と、警察の相談窓口の提案に使います。空欄でもかまいません。', '神奈川県横浜市中区架空通3-4-5') },
      { key: 'document.effectiveDate', label: '規程を使い始める日', kind: 'date', required: true, help: help('施行日として表紙・改訂履歴・各章に載ります（今日の日付は使いません）。', `${DATE_FORMS} のどの形でも`) },
    ],
  });
});

// ── 2 だれが何をするか ───────────────────────────────────────────────────────────────────────

const SHORT_ROLE: Record<RoleKey, string> = {
  head: '代表者',
  securityOfficer: '情報セキュリティ責任者',
  systemAdmin: 'システム管理者',
  educationOfficer: '教育責任者',
  incidentOfficer: 'インシデント（事故）対応責任者',
  complaintsOfficer: '個人情報の苦情相談',
  privacyOfficer: '個人情報保護管理者',
  auditor: '点検・監査',
  myNumberManager: 'マイナンバー事務の責任者',
  myNumberClerk: 'マイナンバー事務の担当者',
  publicRelations: '報道対応',
};

type Person = Data & { id: string; title: string; roles: RoleKey[] };

const people = (ctx: Ctx): Person[] => ctx.state.list(['people']) as Person[];

/** The people to show: the profile's, or the holders suggested for the type and size. */
function proposedPeople(ctx: Ctx): Person[] {
  const current = people(ctx);
  if (current.length) return current;
  const type = ctx.state.type ?? 'company';
  const taken = new Set<string>();
  return typicalPeople(type, ctx.state.size).map((p) => ({ id: personId(p.roles, taken), title: p.title, roles: [...p.roles] }));
}

function personId(roles: readonly RoleKey[], taken: Set<string>): string {
  const base = roles.includes('head') ? 'head' : roles.includes('systemAdmin') ? 'admin' : roles.includes('auditor') ? 'auditor' : roles.includes('educationOfficer') ? 'education' : 'person';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

/** Whether the person is on the emergency list (代表者・インシデント対応責任者・システム管理者). */
const onCallList = (person: Person) => person.roles.some((r) => r === 'head' || r === 'incidentOfficer' || r === 'systemAdmin');

const PHONE = /^[0-9０-９+＋\-－‐ー()（）\s]+$/u;
const phoneCheck = (value: string) => (value.trim() === '' || PHONE.test(value.trim()) ? true : '電話番号は数字とハイフンで入力してください（例: 045-000-1002）');
const mailCheck = (value: string) => (value.trim() === '' || /^[^\s@]+@[^\s@]+$/u.test(value.trim()) ? true : 'メールアドレスの形になっていません（例: soumu@example.jp）');

const roleSummary = (roles: readonly RoleKey[]) => roles.map((r) => SHORT_ROLE[r]).join('・');

/** The plan chosen on the people screen, for coming back to its form. */
const plans = new WeakMap<Ctx, 'keep' | 'change'>();

export const peopleStep = step('people', 'だれが何をするか', async (ctx, progress, from) => {
  let screen: 'plan' | 'form' | 'roles' = from === 'end' ? (plans.get(ctx) === 'change' ? 'roles' : 'form') : 'plan';
  for (;;) {
    const plan = plans.get(ctx) ?? 'keep';
    if (screen === 'plan') {
      const proposed = proposedPeople(ctx);
      const auditor = proposed.find((p) => p.roles.includes('auditor'))?.title;
      ctx.prompts.say(`\n${proposed.map((p) => `  ・${p.title}: ${roleSummary(p.roles) || '（役割なし）'}`).join('\n')}`);
      const chosen = await ctx.prompts.select<'keep' | 'change'>({
        id: 'people.plan',
        message: people(ctx).length ? 'この役割の分担でよいですか' : `${ORGANIZATION_SIZE_LABELS[ctx.state.size].replace(/（.*$/u, '')}の${ORGANIZATION_TYPE_LABELS[ctx.state.type ?? 'company'].replace(/（.*$/u, '')}によくある分担です。この分担でよいですか`,
        progress,
        help: help('規程の体制表と、本文の「…が承認する」「…に報告する」に、この役職名が入ります。小さな組織では1人が複数の役割を兼ねます。', auditor ? `${auditor}がいない${ctx.state.term('org')}なら、この分担のまま進み、次の画面で「${auditor}」を点検を務める人の実際の役職名に直します` : '役職名だけ違うなら、この分担のまま進み、次の画面で直します'),
        choices: [
          { value: 'keep', name: 'この分担でよい（次の画面で役職名・氏名・連絡先を入力）' },
          { value: 'change', name: '分担を変える（だれが何を務めるかを選び直す）' },
        ],
        default: plan,
      });
      if (isBack(chosen)) return 'back';
      plans.set(ctx, chosen);
      screen = 'form';
      continue;
    }
    if (screen === 'form') {
      const outcome = await peopleForm(ctx, proposedPeople(ctx), plan === 'change', progress);
      if (outcome === 'back') screen = 'plan';
      else if (plan === 'keep') return 'next';
      else screen = 'roles';
      continue;
    }
    if ((await rolesForm(ctx, progress)) === 'next') return 'next';
    screen = 'form';
  }
});

async function peopleForm(ctx: Ctx, proposed: Person[], withExtra: boolean, progress: string): Promise<Outcome> {
  const staff = ctx.state.term('staff');
  // The titles usual for the organization's type (the proposal), as the example.
  const titles = [...new Set(proposed.map((p) => p.title).filter(Boolean))].join('、') || '代表者、総務担当';
  const fields: FormField[] = [];
  proposed.forEach((person, i) => {
    const group = `${i + 1}人目: ${roleSummary(person.roles) || '（役割は次の画面で選びます）'}`;
    fields.push({ name: `${i}.title`, label: '役職', group, default: person.title, help: help('体制表と本文に載る役職名です。', titles), validate: (v) => (v.trim() ? true : '役職を入力してください') });
    const isHead = person.roles.includes('head');
    fields.push({
      name: `${i}.name`,
      label: isHead ? '氏名' : '氏名（任意）',
      default: typeof person.name === 'string' ? person.name : '',
      help: isHead ? help('公開する基本方針の末尾に、役職と並んで署名として載ります。', '木漏 一郎') : help('体制表には役職だけが載ります。緊急連絡網の確認に使います。', '日向 花子'),
      validate: (v) => (isHead && !v.trim() ? '基本方針の署名に使います。氏名を入力してください' : true),
    });
    if (person.roles.includes('systemAdmin')) {
      fields.push({ name: `${i}.phone`, label: '職場の電話', default: typeof person.phone === 'string' ? person.phone : '', help: help(`${staff}がパソコンやシステムのことで問い合わせる先として載ります。`, '045-000-1002'), validate: phoneCheck });
    }
    if (onCallList(person)) {
      fields.push({ name: `${i}.mobile`, label: '携帯電話（緊急連絡用）', default: typeof person.mobile === 'string' ? person.mobile : '', help: help('事故（情報漏えい・ウイルス感染など）のとき、夜間・休日でも連絡する緊急連絡網に載ります。', '090-0000-1001'), validate: phoneCheck });
      fields.push({ name: `${i}.email`, label: 'メールアドレス', default: typeof person.email === 'string' ? person.email : '', help: help('緊急連絡網と問い合わせ先に載ります。', 'soumu@komorebi-sekkei.example'), validate: mailCheck });
    }
  });
  if (withExtra) {
    for (const n of [0, 1]) {
      fields.push({ name: `new${n}.title`, label: '役職', group: `ほかの人（いなければ空欄）`, default: '', help: help('役割を任せる人がほかにいれば、その役職を入力します。次の画面で役割を選びます。', '経理担当') });
    }
  }
  const answer = await ctx.prompts.form({
    id: 'people',
    message: '役職・氏名・連絡先',
    progress,
    help: help('役職名は規程の体制表に、氏名・連絡先は署名・緊急連絡網・問い合わせ先に載ります。連絡先を空欄にすると【要記入】として残ります。'),
    fields,
  });
  if (isBack(answer)) return 'back';
  const nullable = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  const taken = new Set(proposed.map((p) => p.id));
  const updated: Person[] = proposed.map((person, i) => {
    const next: Person = { ...person, title: answer[`${i}.title`]!.trim(), name: nullable(answer[`${i}.name`]) };
    for (const field of ['phone', 'mobile', 'email'] as const) if (`${i}.${field}` in answer) next[field] = nullable(answer[`${i}.${field}`]);
    return orderPerson(next);
  });
  for (const n of [0, 1]) {
    const title = answer[`new${n}.title`]?.trim();
    if (title) updated.push({ id: personId([], taken), title, name: null, roles: [] });
  }
  ctx.state.set(['people'], updated);
  return 'next';
}

/** A person's keys in the schema's order, so the saved file reads the same way every time. */
function orderPerson(person: Person): Person {
  const { id, title, name, roles, phone, mobile, email, ...rest } = person;
  return { id, title, ...(name !== undefined ? { name } : {}), roles, ...(phone !== undefined ? { phone } : {}), ...(mobile !== undefined ? { mobile } : {}), ...(email !== undefined ? { email } : {}), ...rest } as Person;
}

async function rolesForm(ctx: Ctx, progress: string): Promise<Outcome> {
  const all = people(ctx);
  const choices = all.map((p, i) => ({ value: String(i), name: p.title }));
  const roleHelp = ROLE_HELP(ctx.state.term('staff'));
  const fields: FormField[] = ROLE_KEYS.map((role) => {
    const holder = all.findIndex((p) => p.roles.includes(role));
    return { name: role, label: SHORT_ROLE[role], default: holder >= 0 ? String(holder) : '', choices, help: help(roleHelp[role]) };
  });
  const answer = await ctx.prompts.form({ id: 'people.roles', message: 'だれがどの役割を務めるか', progress, help: help('役割ごとに、務める人を ← → で選びます。1人がいくつ務めてもかまいません。'), fields });
  if (isBack(answer)) return 'back';
  ctx.state.set(
    ['people'],
    all.map((p, i) => orderPerson({ ...p, roles: ROLE_KEYS.filter((role) => answer[role] === String(i)) })),
  );
  return 'next';
}

const ROLE_HELP = (staff: string): Record<RoleKey, string> => ({
  head: '公開する基本方針に署名し、規程を承認する人です。',
  securityOfficer: '情報セキュリティ対策全体の責任者です（小さな組織では代表者が務めます）。',
  systemAdmin: 'パソコン・ネットワーク・クラウドサービスの設定やアカウントを管理する人です。',
  educationOfficer: `${staff}への情報セキュリティ教育を計画し、行う人です。`,
  incidentOfficer: '情報漏えいやウイルス感染などの事故が起きたとき、対応を指揮する人です。',
  complaintsOfficer: '個人情報の取扱いについての苦情・相談を受ける人です。',
  privacyOfficer: '個人情報の管理の責任者です。',
  auditor: '対策が守られているかを点検する人です。対策を進める人（情報セキュリティ責任者）以外が務めます。',
  myNumberManager: 'マイナンバー（個人番号）の事務の責任者です。',
  myNumberClerk: 'マイナンバーを実際に扱う担当者です。',
  publicRelations: '事故のとき、報道機関への発表を準備する人です。',
});

export const departmentsStep = step(
  'departments',
  'だれが何をするか',
  async (ctx, progress) => {
    const all = people(ctx);
    const current = ctx.state.list(['departments']);
    const fields: FormField[] = [];
    for (let i = 0; i < 6; i++) {
      const d = current[i];
      const head = all.find((p) => p.id === d?.head);
      fields.push({ name: `${i}.name`, label: '部門の名前', group: `部門 ${i + 1}（なければ空欄）`, default: typeof d?.name === 'string' ? d.name : '', help: help('部門ごとに、その長が情報セキュリティ部門責任者として体制表に載ります。', '営業部') });
      fields.push({ name: `${i}.head`, label: '部門の長の役職', default: head?.title ?? '', help: help('部門の長の役職名です。', '営業部長') });
    }
    const answer = await ctx.prompts.form({
      id: 'departments',
      message: '部門と部門の長',
      progress,
      help: help('部門の長は「情報セキュリティ部門責任者」として、自分の部門の対策を進めます。部門がなければ空欄のまま決定します。'),
      fields,
      validate: (values) => {
        for (let i = 0; i < 6; i++) {
          if (values[`${i}.name`]?.trim() && !values[`${i}.head`]?.trim()) return { field: `${i}.head`, message: '部門の長の役職を入力してください' };
        }
        return true;
      },
    });
    if (isBack(answer)) return 'back';
    const nextPeople = [...people(ctx)];
    const taken = new Set(nextPeople.map((p) => p.id));
    const departments: Data[] = [];
    for (let i = 0; i < 6; i++) {
      const name = answer[`${i}.name`]?.trim();
      const headTitle = answer[`${i}.head`]?.trim();
      if (!name || !headTitle) continue;
      let head = nextPeople.find((p) => p.title === headTitle);
      if (!head) {
        head = { id: personId([], taken), title: headTitle, name: null, roles: [] };
        nextPeople.push(head);
      }
      departments.push({ id: `dept${departments.length + 1}`, name, head: head.id });
    }
    ctx.state.set(['people'], nextPeople);
    ctx.state.set(['departments'], departments.length ? departments : undefined);
    return 'next';
  },
  (ctx) => ctx.state.get(['organization', 'size']) === 'medium',
);

// ── 3 どこで ─────────────────────────────────────────────────────────────────────────────────

export const areasStep = step('areas', 'どこで仕事をするか', async (ctx, progress) => {
  const staff = ctx.state.term('staff');
  const areas = ctx.state.list(['areas']);
  const at = (level: number) => areas.find((a) => a.level === level);
  const text = (level: number, key: string) => {
    const v = at(level)?.[key];
    return typeof v === 'string' ? v : '';
  };
  const any = (key: string) => [1, 2, 3].map((l) => text(l, key)).find(Boolean) ?? '';
  const recorded = areas.some((a) => typeof a.records === 'string');
  const answer = await ctx.prompts.form({
    id: 'areas',
    message: '事務所の場所と戸締まり',
    progress,
    help: help(`規程の「セキュリティ領域」（だれが入ってよい場所か）の表になります。来客が入る場所と、${staff}だけが入る場所に分けます。`),
    fields: [
      { name: 'rooms1', label: '来客が入る場所', default: joinWords(at(1)?.rooms), help: help('打合せ・受付など、来客を通す場所です。複数は「、」で区切ります。なければ空欄。', '打合せコーナー') },
      { name: 'devices1', label: 'そこに置く情報機器', default: text(1, 'devices'), help: help('来客が入る場所に置いてよい機器です。置かなければ空欄（「なし」と載ります）。', 'モニター（打合せ用）') },
      { name: 'rooms2', label: `${staff}だけが入る場所`, default: joinWords(at(2)?.rooms), help: help(`執務室など、${staff}だけが入る場所です。複数は「、」で区切ります。`, '執務スペース、書類保管庫'), validate: (v) => (splitWords(v).length ? true : '1か所以上入力してください') },
      { name: 'devices2', label: 'そこに置く情報機器', default: text(2, 'devices'), help: help('執務室に置く機器です。', 'パソコン、複合機、NAS、Wi-Fiルーター'), validate: (v) => (v.trim() ? true : '入力してください') },
      { name: 'rooms3', label: 'サーバーなどを置く鍵のかかる部屋', default: joinWords(at(3)?.rooms), help: help('サーバー室など、限られた人だけが入る部屋です。なければ空欄。', 'サーバー室') },
      { name: 'devices3', label: 'その部屋に置く機器', default: text(3, 'devices'), help: help('上の部屋がなければ空欄。', 'サーバー、UTM') },
      { name: 'locking', label: '帰るときの戸締まり', default: any('locking'), help: help('規程の「施錠」欄に載ります。', '最終退室者による施錠'), validate: (v) => (v.trim() ? true : '入力してください') },
      { name: 'intrusion', label: '夜間・休日の侵入への備え', default: any('intrusionDetection'), help: help('警備会社やビルの警備があれば入力します。なければ空欄（「－」と載ります）。', 'ビルの機械警備（夜間・休日）') },
      { name: 'fire', label: '火災への備え', default: any('fireProtection'), help: help('規程の「火災対策」欄に載ります。', '火災報知器、消火器設置（ビル共用）'), validate: (v) => (v.trim() ? true : '入力してください') },
      {
        name: 'records',
        label: '入退室の記録',
        default: areas.length ? (recorded ? 'yes' : 'no') : '',
        choices: [
          { value: 'no', name: '記録していない' },
          { value: 'yes', name: '記録している（入退室を所定の様式に記録）' },
        ],
        help: help('「記録していない」なら、規程の表の入退室記録の欄は「－」になります。'),
      },
    ],
    validate: (values) => (splitWords(values.rooms3 ?? '').length && !values.devices3?.trim() ? { field: 'devices3', message: 'その部屋に置く機器を入力してください' } : true),
  });
  if (isBack(answer)) return 'back';
  const common = {
    locking: answer.locking!.trim(),
    records: answer.records === 'yes' ? '入退室を所定様式に記録' : null,
    intrusionDetection: answer.intrusion?.trim() || null,
    fireProtection: answer.fire!.trim(),
  };
  const next: Data[] = [];
  for (const level of [1, 2, 3]) {
    const rooms = splitWords(answer[`rooms${level}`] ?? '');
    if (!rooms.length) continue;
    const devices = answer[`devices${level}`]?.trim() || 'なし';
    next.push({ ...(at(level) ?? {}), level, rooms, ...common, devices });
  }
  ctx.state.set(['areas'], next.map(orderArea));
  return 'next';
});

const AREA_KEYS = ['level', 'rooms', 'locking', 'devices', 'records', 'intrusionDetection', 'fireProtection', 'users', 'restrictions', 'visitors', 'visitorBadge'];
const orderArea = (area: Data): Data => Object.fromEntries(AREA_KEYS.filter((k) => k in area).map((k) => [k, area[k]]));

/** Every room the areas name, for choices. */
export const rooms = (ctx: Ctx): string[] => ctx.state.list(['areas']).flatMap((a) => (Array.isArray(a.rooms) ? (a.rooms as string[]) : []));

// ── 4 何を使っているか ───────────────────────────────────────────────────────────────────────

const OTHER = '__other';
const NONE = '__none';

const otherId = (category: CategoryId) => `${category}-other`;

/** Which category an item the catalog did not make belongs to (a hand-written file's own items). */
const KIND_CATEGORY: Partial<Record<InventoryKind, CategoryId>> = {
  'pc-os': 'devices',
  'mobile-os': 'devices',
  'cloud-service': 'cloud',
  office: 'software',
  'email-client': 'software',
  browser: 'software',
  software: 'software',
  'business-system': 'software',
  website: 'software',
  'pc-antivirus': 'antivirus',
  'mobile-antivirus': 'antivirus',
  nas: 'office',
  'external-storage': 'office',
  router: 'office',
  utm: 'office',
  firewall: 'office',
  wifi: 'office',
  proxy: 'office',
  vpn: 'office',
  monitoring: 'office',
  server: 'office',
  'server-os': 'office',
  database: 'office',
  'server-antivirus': 'office',
  'server-software': 'office',
};

const ITEM = 'item:';

function categoryStep(category: Category): Step {
  return step(`inventory.${category.id}`, '何を使っているか', async (ctx, progress, from) => {
    // Back from the next step to a category that had 「その他」: its form first.
    if (from === 'end' && inventory(ctx.state).some((item) => item.id === otherId(category.id))) {
      if ((await otherForm(ctx, category, progress)) === 'next') return 'next';
    }
    for (;;) {
      const products = productsOf(category.id);
      const have = (id: string) => inventory(ctx.state).some((item) => item.id === id);
      const chosen = products.filter((p) => p.items.every((c) => have(c.id)));
      const hasOther = have(otherId(category.id));
      // Items written by hand (or in 詳しいモード) are choices too, so 「使っていない」 can take them away.
      const own = inventory(ctx.state).filter((item) => KIND_CATEGORY[item.kind] === category.id && !catalogOf(item) && item.id !== otherId(category.id));
      const seen = visitedCategories(ctx).has(category.id);
      const picked = await ctx.prompts.checkbox<string>({
        id: `inventory.${category.id}`,
        message: category.question,
        progress,
        help: `${help(category.why, category.example)}\nスペースで印を付け・外し、Enter で決定します。`,
        choices: [
          ...products.map((p) => ({ value: p.id, name: p.choice, ...(p.description ? { description: p.description } : {}), checked: chosen.includes(p) })),
          ...own.map((item) => ({ value: `${ITEM}${item.id}`, name: `${itemName(item)}（回答ファイルにあるもの）`, checked: true })),
          { value: OTHER, name: 'その他（入力）', description: '一覧にないものは、次の画面で名前などを入力します', checked: hasOther },
          { value: NONE, name: '使っていない', checked: seen && !chosen.length && !hasOther && !own.length },
        ],
        validate: (values) => {
          if (values.includes(NONE) && values.length > 1) return '「使っていない」とほかのものを一緒には選べません';
          if (!values.length) return '使っているものに印を付けるか、「使っていない」を選んでください';
          return true;
        },
      });
      if (isBack(picked)) return 'back';
      visitedCategories(ctx).add(category.id);
      for (const p of products) {
        const on = picked.includes(p.id);
        if (on && !chosen.includes(p)) addProduct(ctx, p);
        if (!on && chosen.includes(p)) for (const c of p.items) removeItem(ctx, c.id);
      }
      for (const item of own) if (!picked.includes(`${ITEM}${item.id}`)) removeItem(ctx, item.id);
      if (!picked.includes(OTHER)) {
        if (hasOther) removeItem(ctx, otherId(category.id));
        return 'next';
      }
      const other = await otherForm(ctx, category, progress);
      if (other === 'next') return 'next';
    }
  });
}

const visited = new WeakMap<Ctx, Set<CategoryId>>();
/** Categories the user has answered in this session or before (a saved profile that has inventory). */
function visitedCategories(ctx: Ctx): Set<CategoryId> {
  let set = visited.get(ctx);
  if (!set) {
    set = new Set(ctx.state.get(['inventory']) !== undefined ? CATEGORIES.map((c) => c.id) : []);
    visited.set(ctx, set);
  }
  return set;
}

/** 「その他（入力）」: one item of the category, with everything its tables need on one screen. */
async function otherForm(ctx: Ctx, category: Category, progress: string): Promise<Outcome> {
  const id = otherId(category.id);
  const current = inventory(ctx.state).find((item) => item.id === id);
  const value = (key: string) => (typeof current?.[key] === 'string' ? (current[key] as string) : '');
  const kinds = category.otherKinds;
  const fields: FormField[] = [
    ...(kinds.length > 1 ? [{ name: 'kind', label: '種類', default: current?.kind ?? kinds[0]!, choices: kinds.map((k) => ({ value: k, name: kindName(k) })), help: help('種類によって、規程のどの表に載るかが決まります。← → で選びます。') }] : []),
    ...(category.id === 'software' ? [{ name: 'label', label: '表での呼び方（任意）', default: value('label'), help: help('標準ソフトウェアの表の「種別」欄に載ります。空欄なら種類の名前です。', 'CAD') }] : []),
    ...(category.id === 'office' ? [{ name: 'name', label: '呼び名（任意）', default: value('name'), help: help('規程の表で使う名前です。空欄なら製品名です。', 'ファイルサーバー') }] : []),
    { name: 'product', label: category.id === 'cloud' ? 'サービス名' : '製品名', default: value('product'), help: help('規程の表に載る名前です。', OTHER_EXAMPLES[category.id].product), validate: (v) => (v.trim() ? true : '入力してください') },
    { name: 'vendor', label: '開発・販売元', default: value('vendor'), help: help('標準ソフトウェア・機器の表の「開発・販売元」欄に載ります。', OTHER_EXAMPLES[category.id].vendor) },
    ...(category.id === 'cloud'
      ? [
          { name: 'auth', label: 'ログインの方法（任意）', default: value('auth'), help: help('利用者認証の表に載ります。', 'ID・パスワード及び2段階認証') },
          { name: 'access', label: 'アクセス権の決め方（任意）', default: value('access'), help: help('アクセス制御の表に載ります。', 'フォルダーごとのアクセス権') },
        ]
      : [
          { name: 'version', label: '標準とするバージョン', default: value('version'), help: help('標準ソフトウェア・機器の表の「バージョン」欄に載ります。種類によっては使いません。', OTHER_EXAMPLES[category.id].version) },
          { name: 'keep', label: category.id === 'antivirus' ? '定義ファイルの更新方法' : category.id === 'office' ? '守っていること（要件）' : '最新の状態に保つ方法', default: category.id === 'antivirus' ? value('definitions') : category.id === 'office' ? String((current?.requirements as Data[] | undefined)?.[0]?.requirement ?? '') : value('update'), help: help(category.id === 'office' ? '機器の情報セキュリティ要件の表に載ります（サーバー・NAS・ネットワーク機器）。' : 'アップデートの方法の表に載ります。', OTHER_EXAMPLES[category.id].keep) },
        ]),
  ];
  const answer = await ctx.prompts.form({
    id: `inventory.${category.id}.other`,
    message: `${category.title}: その他`,
    progress,
    help: help('一覧になかったものを1つ入力します（2つ以上あるときは、詳しいモードの「使っているもの」で足せます）。'),
    fields,
    validate: (values) => {
      const kind = (values.kind ?? kinds[0]) as InventoryKind;
      const needs = requiredFields(kind);
      const info = KINDS[kind];
      if ((info.standardSoftware || info.networkDevice || info.serverSoftware) && !values.vendor?.trim()) return { field: 'vendor', message: '開発・販売元を入力してください（規程の表に載ります）' };
      if (needs.includes('version') && !values.version?.trim()) return { field: 'version', message: 'バージョンを入力してください（例: 最新版）' };
      if ((needs.includes('update') || needs.includes('definitions') || needs.includes('requirement')) && !values.keep?.trim()) return { field: 'keep', message: '入力してください（規程の表に載ります）' };
      return true;
    },
  });
  if (isBack(answer)) return 'back';
  const kind = (answer.kind ?? kinds[0]) as InventoryKind;
  const needs = requiredFields(kind);
  const trimmed = (key: string) => answer[key]?.trim() || undefined;
  const keep = trimmed('keep');
  const item: Data = {
    ...(current ?? {}),
    id,
    kind,
    label: trimmed('label'),
    name: trimmed('name'),
    product: trimmed('product'),
    vendor: trimmed('vendor'),
    version: needs.includes('version') || trimmed('version') ? trimmed('version') : undefined,
    update: needs.includes('update') ? keep : undefined,
    definitions: needs.includes('definitions') ? keep : undefined,
    requirements: needs.includes('requirement') && keep ? [{ requirement: keep, product: null }] : undefined,
    auth: trimmed('auth') ?? (category.id === 'cloud' ? undefined : current?.auth),
    access: trimmed('access') ?? (category.id === 'cloud' ? undefined : current?.access),
  };
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
  const list = inventory(ctx.state);
  const at = list.findIndex((i) => i.id === id);
  ctx.state.set(['inventory'], at >= 0 ? list.map((i) => (i.id === id ? (item as Item) : i)) : [...list, item as Item]);
  return 'next';
}

const OTHER_EXAMPLES: Record<CategoryId, { product: string; vendor: string; version: string; keep: string }> = {
  devices: { product: 'Chrome OS', vendor: 'Google', version: '最新版', keep: '自動更新を有効にする。' },
  cloud: { product: 'サイボウズ Office', vendor: 'サイボウズ株式会社', version: '', keep: '' },
  software: { product: 'Vectorworks Architect', vendor: 'エーアンドエー', version: '2025以降', keep: '提供元の更新プログラムを、動作を確かめてから適用する。' },
  antivirus: { product: 'ウイルスセキュリティZERO', vendor: 'ソースネクスト', version: '最新版', keep: '定義ファイルを自動で更新する設定にする' },
  office: { product: 'RTX1300', vendor: 'ヤマハ', version: '最新のファームウェア', keep: '管理画面の初期パスワードの変更' },
};

export const categorySteps: readonly Step[] = CATEGORIES.map(categoryStep);

const factKey = (itemId: string, factId: string) => `${itemId}:${factId}`;

/** The facts the chosen products usually bring, ticked or not: what will be printed as the organization's own. */
export const factsStep = step('inventory.facts', '何を使っているか', async (ctx, progress, from) => {
  let screen: 'facts' | 'missing' = from === 'end' && missingFields(ctx).length ? 'missing' : 'facts';
  for (;;) {
    const items = inventory(ctx.state).filter((item) => catalogOf(item)?.facts.length);
    if (screen === 'facts') {
      // Nothing to tick: going on passes by, coming back goes further back.
      if (!items.length) {
        if (from === 'end') return 'back';
        screen = 'missing';
        continue;
      }
      const picked = await ctx.prompts.checkbox<string>({
        id: 'inventory.facts',
        message: '実際にそうしているものに印を付けてください（印の付いたものだけが規程に載ります）',
        progress,
        help: `${help(`選んだ製品によくある設定です。規程のアップデート・認証・アクセス制御・機器の要件の表に、${ctx.state.term('self')}の決まりとして載ります。`, '自動更新を有効にしていないなら、その行の印を外します')}\nスペースで印を付け・外し、Enter で決定します。↓ で続きが見えます（全部で${items.reduce((n, item) => n + catalogOf(item)!.facts.length, 0)}行）。`,
        choices: items.flatMap((item) =>
          catalogOf(item)!.facts.map((fact, i) => ({
            value: factKey(item.id, fact.id),
            name: fact.label,
            // New in this session, or never decided (a draft saved before this screen): offered ticked.
            checked: ctx.freshItems.has(item.id) || factApplied(item, fact) || !catalogOf(item)!.facts.some((f) => factApplied(item, f)),
            ...(i === 0 ? { group: itemName(item) } : {}),
          })),
        ),
      });
      if (isBack(picked)) return 'back';
      for (const item of items) {
        const catalog = catalogOf(item)!;
        const ticked = new Set(catalog.facts.filter((f) => picked.includes(factKey(item.id, f.id))).map((f) => f.id));
        setItem(ctx.state, item.id, (current) => withFacts(current, catalog, ticked));
        ctx.freshItems.delete(item.id);
      }
      screen = 'missing';
      continue;
    }
    if ((await missingForm(ctx, progress)) === 'next') return 'next';
    if (!items.length) return 'back';
    screen = 'facts';
  }
});

const FIELD_QUESTION: Record<string, { label: (name: string) => string; example: string; why: string }> = {
  version: { label: (n) => `「${n}」の標準とするバージョン`, example: '最新版', why: '標準ソフトウェア・機器の表の「バージョン」欄に載ります。' },
  update: { label: (n) => `「${n}」を最新の状態に保つ方法`, example: '自動更新を有効にする。', why: 'アップデートの方法の表に載ります。' },
  definitions: { label: (n) => `「${n}」の定義ファイルの更新方法`, example: '定義ファイルを自動で更新する設定にする', why: '定義ファイル（ウイルスの見分け方のデータ）の更新方法の表に載ります。' },
  requirement: { label: (n) => `「${n}」で守っていること`, example: '管理画面の初期パスワードの変更', why: '機器の情報セキュリティ要件の表に載ります。' },
};

const TABLES = {
  access: { label: 'アクセス権（見られる人）を決めているもの', method: 'その決め方', example: '共有フォルダーごとのアクセス権', why: 'アクセス制御の表は、どの組織も1行以上必要です。' },
  auth: { label: 'ログインに ID・パスワードなどを使うもの', method: 'ログインの方法', example: 'ID・パスワード及び多要素認証', why: '利用者認証の表は、どの組織も1行以上必要です。' },
  deviceAuth: { label: '登録した機器だけがつながるもの', method: 'その方法', example: '事務所のWi-Fiに接続する端末をルーターに登録する', why: '端末認証の表（決められた機器だけを使わせる方法）は、どの組織も1行以上必要です。' },
} as const;

/** What the tables still lack after the facts, as fields of one screen (none: nothing to ask). */
function missingFields(ctx: Ctx): FormField[] {
  const items = inventory(ctx.state);
  const fields: FormField[] = [];
  for (const item of items) {
    for (const field of requiredFields(item.kind)) {
      const has = field === 'requirement' ? Array.isArray(item.requirements) && item.requirements.length > 0 : item[field] !== undefined;
      if (has) continue;
      const q = FIELD_QUESTION[field]!;
      fields.push({ name: `${item.id}|${field}`, label: q.label(itemName(item)), help: help(q.why, q.example), validate: (v) => (v.trim() ? true : '入力してください') });
    }
  }
  const targets = items.filter((item) => !['pc-antivirus', 'mobile-antivirus', 'browser', 'office', 'email-client', 'external-storage', 'cloud-backup'].includes(item.kind));
  for (const [field, q] of Object.entries(TABLES)) {
    if (!targets.length || items.some((item) => item[field] !== undefined)) continue;
    fields.push({ name: `${field}|item`, label: q.label, choices: targets.map((t) => ({ value: t.id, name: itemName(t) })), default: targets[0]!.id, help: help(`${q.why}← → で選びます。`) });
    fields.push({ name: `${field}|method`, label: q.method, help: help(q.why, q.example), validate: (v) => (v.trim() ? true : '入力してください') });
  }
  return fields;
}

/** What the tables still lack after the facts: asked in plain words, one screen. */
async function missingForm(ctx: Ctx, progress: string): Promise<Outcome> {
  const fields = missingFields(ctx);
  if (!fields.length) return 'next';
  const answer = await ctx.prompts.form({
    id: 'inventory.missing',
    message: '規程の表にまだ足りないこと',
    progress,
    help: help('印を付けなかったものや、一覧になかったものについて、規程の表に載せることをお聞きします。'),
    fields,
  });
  if (isBack(answer)) return 'back';
  for (const [name, value] of Object.entries(answer)) {
    const [id, field] = name.split('|') as [string, string];
    if (id in TABLES) continue;
    setItem(ctx.state, id, (item) => (field === 'requirement' ? { ...item, requirements: [{ requirement: value.trim(), product: null }] } : { ...item, [field]: value.trim() }));
  }
  for (const field of Object.keys(TABLES)) {
    const target = answer[`${field}|item`];
    if (target) setItem(ctx.state, target, (item) => ({ ...item, [field]: answer[`${field}|method`]!.trim() }));
  }
  return 'next';
}

// ── 5 データと事業の継続 ─────────────────────────────────────────────────────────────────────

const NEW_CLOUD_BACKUP = '__cloud-backup';

export const continuityStep = step('continuity', 'データと事業の継続', async (ctx, progress) => {
  const items = inventory(ctx.state);
  const rank = (order: readonly string[]) => (a: Item, b: Item) => (order.indexOf(a.kind) + 1 || 99) - (order.indexOf(b.kind) + 1 || 99);
  // Where a small office keeps its files first (a NAS, a server), and where a backup usually goes (a disk, a backup service).
  const sources = items.filter(holdsData).sort(rank(['nas', 'server', 'cloud-service', 'business-system', 'software', 'website', 'database', 'pc-os']));
  const destinations = items.filter(isBackupDestination).sort(rank(['external-storage', 'cloud-backup', 'nas', 'server', 'cloud-service']));
  const withBackup = items.find((item) => Array.isArray(item.backup) && item.backup.length);
  const entry = (withBackup?.backup as Data[] | undefined)?.[0];
  const critical = items.find((item) => isPlainObject(item.critical));
  const criticalData = (critical?.critical ?? {}) as Data;
  const cloudBackup = items.find((item) => item.kind === 'cloud-backup');
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (!sources.length) {
    ctx.prompts.say('  （データを保存する機器・サービスが選ばれていないので、バックアップの質問は省きます。前の質問に戻って選べます）');
    return 'next';
  }
  const answer = await ctx.prompts.form({
    id: 'continuity',
    message: 'バックアップと、止まると困るもの',
    progress,
    help: help('バックアップの表と、事故や災害でシステムが止まったときの事業継続の規定になります。'),
    fields: [
      { name: 'data', label: 'バックアップするデータ', group: 'バックアップ', default: str(entry?.data), help: help('失うと困るデータです。', '図面データ（竣工物件の保存用）'), validate: (v) => (v.trim() ? true : '入力してください') },
      { name: 'from', label: 'そのデータがある場所', default: str(withBackup?.id) || sources[0]?.id || '', choices: sources.map((s) => ({ value: s.id, name: itemName(s) })), help: help('バックアップ元の機器・サービスです。← → で選びます。', 'NAS') },
      {
        name: 'to',
        label: 'バックアップ先',
        default: str(entry?.to) || destinations.find((d) => d.id !== (withBackup?.id ?? sources[0]?.id) && d.kind !== 'cloud-service')?.id || NEW_CLOUD_BACKUP,
        choices: [...destinations.filter((d) => d.kind !== 'cloud-backup').map((d) => ({ value: d.id, name: itemName(d) })), ...(cloudBackup ? [{ value: cloudBackup.id, name: itemName(cloudBackup) }] : [{ value: NEW_CLOUD_BACKUP, name: 'クラウドのバックアップサービス（次の欄に名前）' }])],
        help: help('バックアップを保管する機器・サービスです。← → で選びます。', '外付けハードディスク、クラウドのバックアップサービス'),
      },
      ...(cloudBackup ? [] : [{ name: 'cloudName', label: 'バックアップサービスの名前', default: '', help: help('バックアップ先にクラウドのバックアップサービスを選んだときに入力します。', 'Synology C2 Storage') }]),
      { name: 'method', label: 'バックアップの方法', default: str(entry?.method), help: help('バックアップの表の「方法」欄に載ります。', 'NAS のバックアップ機能（Hyper Backup）'), validate: (v) => (v.trim() ? true : '入力してください') },
      { name: 'every', label: 'バックアップする頻度', default: str(entry?.every), help: help('取得頻度の表に載ります。', '毎日夜間に自動でバックアップ'), validate: (v) => (v.trim() ? true : '入力してください') },
      { name: 'keep', label: '残しておく期間', default: str(entry?.keep), help: help('「…を保有」の前に入ります。', '直近30日分'), validate: (v) => (v.trim() ? true : '入力してください') },
      {
        name: 'critical',
        label: '止まると仕事が続けられないもの',
        group: '事業の継続',
        default: str(critical?.id) || sources.find(isCloud)?.id || sources[0]?.id || '',
        choices: sources.map((s) => ({ value: s.id, name: itemName(s) })),
        help: help('災害や故障で止まったときの事業継続の想定に載ります。← → で選びます。', 'Microsoft 365'),
      },
      { name: 'operations', label: 'それが止まると困る仕事', default: str(criticalData.operations), help: help('事業継続の想定で、止まる業務として載ります。', '設計図面の作成・共有と、施主・施工会社とのやり取り'), validate: (v) => (v.trim() ? true : '入力してください') },
      { name: 'rto', label: '何日で使えるようにしたいか（任意）', default: str((criticalData.rto as Data | undefined)?.target), help: help('復旧時間の目標として載ります。決めていなければ空欄（規程に載りません）。', '1営業日以内') },
    ],
    validate: (values) => {
      if (values.from === values.to) return { field: 'to', message: 'バックアップ元と同じ場所には保管できません。別の保管先を選んでください' };
      if (values.to === NEW_CLOUD_BACKUP && !values.cloudName?.trim()) return { field: 'cloudName', message: 'バックアップサービスの名前を入力してください' };
      return true;
    },
  });
  if (isBack(answer)) return 'back';
  let to = answer.to!;
  if (to === NEW_CLOUD_BACKUP) {
    const name = answer.cloudName!.trim();
    to = 'cloud-backup';
    ctx.state.set(['inventory'], [...inventory(ctx.state), { id: to, kind: 'cloud-backup', product: name } as Item]);
  }
  const backup = { data: answer.data!.trim(), method: answer.method!.trim(), to, every: answer.every!.trim(), keep: answer.keep!.trim() };
  // The backup asked here is the first one of the item it comes from; other rows (詳しいモード) stay.
  const previous = withBackup?.id;
  if (previous && previous !== answer.from) setItem(ctx.state, previous, (item) => dropFirstBackup(item));
  setItem(ctx.state, answer.from!, (item) => {
    const rest = Array.isArray(item.backup) && previous === item.id ? (item.backup as Data[]).slice(1) : Array.isArray(item.backup) ? (item.backup as Data[]) : [];
    return { ...item, backup: [backup, ...rest] };
  });
  // A backup service left over from an earlier answer (no backup goes there any more) is not used.
  const used = new Set(inventory(ctx.state).flatMap((item) => (Array.isArray(item.backup) ? (item.backup as Data[]).map((b) => b.to) : [])));
  for (const item of inventory(ctx.state)) if (item.kind === 'cloud-backup' && !used.has(item.id)) removeItem(ctx, item.id);
  if (critical && critical.id !== answer.critical) setItem(ctx.state, critical.id, ({ critical: _, ...item }) => item as Item);
  const rto = answer.rto?.trim();
  setItem(ctx.state, answer.critical!, (item) => {
    const before = (isPlainObject(item.critical) ? item.critical : {}) as Data;
    const { rto: _, ...kept } = before;
    return { ...item, critical: { ...kept, operations: answer.operations!.trim(), ...(rto ? { rto: { ...((before.rto as Data | undefined) ?? {}), target: rto } } : {}) } };
  });
  return 'next';
});

function dropFirstBackup(item: Item): Item {
  const rest = Array.isArray(item.backup) ? (item.backup as Data[]).slice(1) : [];
  const { backup: _, ...others } = item;
  return (rest.length ? { ...others, backup: rest } : others) as Item;
}

// ── 6 働き方 ─────────────────────────────────────────────────────────────────────────────────

export const teleworkStep = step('telework', '働き方', async (ctx, progress) => {
  const org = ctx.state.term('org');
  const telework = ctx.state.get(['telework']);
  const on = telework === undefined ? '' : isNone(telework) ? 'no' : 'yes';
  const t = (isPlainObject(telework) ? telework : {}) as Data;
  const devices = Array.isArray(t.devices) ? (t.devices as Data[]) : [];
  const pc = devices.find((d) => d.device === 'パソコン');
  const phone = devices.find((d) => d.device === 'スマートフォン');
  const cloud = inventory(ctx.state).filter(isCloud).filter((i) => i.kind === 'cloud-service');
  const used = inventory(ctx.state).find((i) => isPlainObject(i.telework));
  const networks = Array.isArray(t.networks) ? (t.networks as string[]) : [];
  const hasPhones = inventory(ctx.state).some((i) => i.kind === 'mobile-os');
  const configuration = Array.isArray(t.configurations) ? String(t.configurations[0]) : cloud.length ? 'cloud' : 'vpn';
  const answer = await ctx.prompts.form({
    id: 'telework',
    message: 'テレワーク（在宅勤務・外出先での仕事）',
    progress,
    help: help('「しない」なら、規程からテレワークの章が外れます。「する」なら、使う機器とつなぎ方が規程に載ります。'),
    fields: [
      { name: 'on', label: 'テレワークを', default: on, choices: [{ value: 'yes', name: 'する' }, { value: 'no', name: 'しない' }], help: help('← → で選びます。「しない」なら下の欄はそのままでかまいません（規程に載りません）。') },
      {
        name: 'configuration',
        label: 'つなぎ方',
        default: configuration,
        choices: [
          { value: 'cloud', name: 'クラウドサービスに直接つなぐ' },
          { value: 'vpn', name: 'VPN（暗号化した通信）で事務所のネットワークにつなぐ' },
          { value: 'remoteDesktop', name: 'リモートデスクトップ（事務所のパソコンを遠隔で操作）' },
          { value: 'standalone', name: '持ち帰り（ネットワークにつながず作業）' },
        ],
        help: help('規程の「テレワークのシステム構成」に載ります。', 'Microsoft 365 を自宅から使うなら「クラウドサービスに直接つなぐ」'),
      },
      {
        name: 'pc',
        label: '使うパソコン',
        default: pc ? (isNone(pc.lent) ? 'private' : pc.private === 'asNeeded' ? 'both' : 'lent') : 'lent',
        choices: [
          { value: 'lent', name: `${org}が貸与したパソコンだけ（私物は禁止）` },
          { value: 'both', name: `${org}のパソコン（私物も必要に応じて）` },
          { value: 'private', name: '私物のパソコン（決められた対策をして）' },
        ],
        help: help('規程の「テレワークで使う情報機器」の表に載ります。'),
      },
      ...(hasPhones
        ? [
            {
              name: 'phone',
              label: '使うスマートフォン',
              default: phone ? (isNone(phone.lent) ? 'private' : 'lent') : 'lent',
              choices: [
                { value: 'lent', name: `${org}が貸与したスマートフォンだけ（私物は禁止）` },
                { value: 'private', name: '私物のスマートフォン（決められた対策をして）' },
              ],
              help: help('規程の「テレワークで使う情報機器」の表に載ります。'),
            },
          ]
        : []),
      {
        name: 'networks',
        label: 'つないでよい通信',
        default: networks.includes('publicWifi') ? 'public' : networks.includes('mobileRouter') ? 'mobile' : 'home',
        choices: [
          { value: 'home', name: '自宅の Wi-Fi・有線LAN だけ' },
          { value: 'mobile', name: `自宅と、${org}のモバイルWi-Fiルーター` },
          { value: 'public', name: 'カフェ・駅などの公衆Wi-Fi も可' },
        ],
        help: help('公衆Wi-Fi を含めなければ、規程に「公衆Wi-Fi の利用禁止」が載ります。'),
      },
      ...(cloud.length
        ? [
            { name: 'service', label: 'テレワークで使うサービス', default: used?.id ?? cloud[0]!.id, choices: cloud.map((c) => ({ value: c.id, name: itemName(c) })), help: help('テレワークで利用する情報システムの表に載ります。← → で選びます。') },
            { name: 'uses', label: 'そのサービスを使う用途', default: joinWords((used?.telework as Data | undefined)?.uses), help: help('「、」で区切って入力します。', '電子メール、ファイル共有、オンライン会議') },
          ]
        : []),
    ],
    validate: (values) => {
      if (values.on === 'yes' && values.configuration === 'cloud' && !cloud.length) return { field: 'configuration', message: 'クラウドサービスを使っていないので選べません（前の質問で選ぶか、別のつなぎ方を選んでください）' };
      if (values.on === 'yes' && cloud.length && !splitWords(values.uses ?? '').length) return { field: 'uses', message: '用途を入力してください（例: 電子メール、ファイル共有）' };
      return true;
    },
  });
  if (isBack(answer)) return 'back';
  for (const item of inventory(ctx.state)) if (isPlainObject(item.telework)) setItem(ctx.state, item.id, ({ telework: _, ...rest }) => rest as Item);
  if (answer.on !== 'yes') {
    ctx.state.set(['telework'], 'none');
    return 'next';
  }
  // 「会社貸与」 in the organization's own word (事務所貸与, 法人貸与…): the rows are printed as its answers.
  const lent = `${ctx.state.term('org')}貸与`;
  const pcRow =
    answer.pc === 'private'
      ? { device: 'パソコン', lent: 'none', private: 'measures' }
      : { device: 'パソコン', lent: [`${lent}のパソコンを利用`], private: answer.pc === 'both' ? 'asNeeded' : 'prohibited' };
  const phoneRow = hasPhones ? (answer.phone === 'private' ? { device: 'スマートフォン', lent: 'none', private: 'measures' } : { device: 'スマートフォン', lent: [`${lent}のスマートフォンを利用`], private: 'prohibited' }) : undefined;
  const keptRows = devices.filter((d) => d.device !== 'パソコン' && d.device !== 'スマートフォン');
  ctx.state.set(['telework'], {
    configurations: [answer.configuration],
    networks: ['wiredHub', 'wirelessRouter', ...(answer.networks !== 'home' ? ['mobileRouter'] : []), ...(answer.networks === 'public' ? ['publicWifi'] : [])],
    devices: [mergeRow(pc, pcRow), ...(phoneRow ? [mergeRow(phone, phoneRow)] : []), ...keptRows],
  });
  if (answer.service) {
    const before = (isPlainObject(used?.telework) && used?.id === answer.service ? used.telework : {}) as Data;
    setItem(ctx.state, answer.service, (item) => ({
      ...item,
      telework: { ...before, uses: splitWords(answer.uses ?? ''), procedures: answer.pc === 'lent' ? [`${lent}のパソコンから利用`, '私有のパソコン・メールアドレスの業務利用禁止'] : ((before.procedures as string[] | undefined) ?? []) },
    }));
  }
  return 'next';
});

/** A device row as asked, keeping what 詳しいモード added to it (lentTo, alternatives). */
const mergeRow = (before: Data | undefined, row: Data): Data => ({ ...(before ?? {}), ...row, ...(row.private !== 'measures' && before?.privateAlternatives ? { privateAlternatives: null } : {}) });

export const myNumberStep = step('myNumber', '働き方', async (ctx, progress) => {
  const staff = ctx.state.term('staff');
  const current = ctx.state.get(['myNumber']);
  const mn = (isPlainObject(current) ? current : {}) as Data;
  const contact = (isPlainObject(mn.contact) ? mn.contact : {}) as Data;
  const all = people(ctx);
  const manager = all.find((p) => p.roles.includes('myNumberManager')) ?? all.find((p) => p.roles.includes('systemAdmin')) ?? all[0];
  const places = rooms(ctx);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const officeRoom = ctx.state.list(['areas']).find((a) => a.level === 2)?.rooms as string[] | undefined;
  const answer = await ctx.prompts.form({
    id: 'myNumber',
    message: 'マイナンバー（個人番号）',
    progress,
    help: help('扱うなら、特定個人情報の基本方針と取扱規程ができ、問い合わせ窓口と保管場所が載ります。扱わないなら、それらは作りません。'),
    fields: [
      {
        name: 'on',
        label: 'マイナンバーを',
        default: current === undefined ? '' : isNone(current) ? 'no' : 'yes',
        choices: [
          { value: 'yes', name: `扱う（源泉徴収票・社会保険の手続きで${staff}の番号を集める）` },
          { value: 'no', name: '扱わない（番号を集めず、保管もしない）' },
        ],
        help: help(`${staff}を雇っていれば、ふつうは「扱う」です（手続きを社労士・税理士に頼んでいても、番号を集めて渡すなら扱います）。`),
      },
      { name: 'desk', label: '問い合わせ窓口', default: str(contact.desk) || manager?.title || '', help: help('公開する基本方針に、お問合せ窓口として載ります。', '総務担当') },
      { name: 'phone', label: '窓口の電話（任意）', default: str(contact.phone) || str(manager?.phone), help: help('基本方針の問い合わせ先に載ります。', '045-000-1002'), validate: phoneCheck },
      { name: 'email', label: '窓口のメール（任意）', default: str(contact.email) || str(manager?.email), help: help('基本方針の問い合わせ先に載ります。', 'soumu@komorebi-sekkei.example'), validate: mailCheck },
      { name: 'hours', label: '受付時間（任意）', default: str(contact.hours), help: help('基本方針に載ります。', '平日 9:30〜17:30') },
      {
        name: 'management',
        label: '番号の書類を保管する場所',
        default: joinWords(mn.managementArea) || '',
        choices: places.map((p) => ({ value: p, name: p })),
        optional: true,
        help: help('「管理区域」として取扱規程に載ります。事務所の場所から ← → で選びます。', '書類保管庫'),
      },
      { name: 'handling', label: '番号を扱う事務をする席', default: joinWords(mn.handlingArea) || (officeRoom?.[0] && manager ? `${officeRoom[0]}の${manager.title}の席` : ''), help: help('「取扱区域」として取扱規程に載ります。', '執務スペースの総務担当の席') },
    ],
    validate: (values) => {
      if (values.on !== 'yes') return true;
      if (!values.desk?.trim()) return { field: 'desk', message: '問い合わせ窓口を入力してください' };
      if (!values.management) return { field: 'management', message: '保管する場所を選んでください' };
      if (!values.handling?.trim()) return { field: 'handling', message: '事務をする席を入力してください' };
      return true;
    },
  });
  if (isBack(answer)) return 'back';
  if (answer.on !== 'yes') {
    ctx.state.set(['myNumber'], 'none');
    // Nobody keeps a My Number role the organization does not have.
    ctx.state.set(['people'], people(ctx).map((p) => ({ ...p, roles: p.roles.filter((r) => r !== 'myNumberManager' && r !== 'myNumberClerk') })));
    return 'next';
  }
  const value = (key: string) => answer[key]?.trim() || null;
  ctx.state.set(['myNumber'], {
    ...mn,
    contact: { ...contact, desk: answer.desk!.trim(), phone: value('phone'), email: value('email'), hours: value('hours') },
    managementArea: [answer.management],
    handlingArea: splitWords(answer.handling!),
  });
  // Someone holds the My Number roles: the one the suggestion had, else the window's person.
  if (!people(ctx).some((p) => p.roles.includes('myNumberManager'))) {
    const holder = all.find((p) => p.title === answer.desk!.trim()) ?? manager;
    if (holder) ctx.state.set(['people'], people(ctx).map((p) => (p.id === holder.id ? orderPerson({ ...p, roles: [...p.roles, 'myNumberManager', 'myNumberClerk'] }) : p)));
  }
  return 'next';
});

// ── 7 取引先と外部の窓口 ─────────────────────────────────────────────────────────────────────

const VENDOR_ID = 'support';

export const partnersStep = step('partners', '取引先と外部の窓口', async (ctx, progress) => {
  const vendors = ctx.state.list(['vendors']);
  const vendor = vendors.find((v) => v.id === VENDOR_ID) ?? vendors[0];
  const address = ctx.state.get(['organization', 'address']);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const items = inventory(ctx.state);
  const supportsCloud = Array.isArray(vendor?.supports) && (vendor.supports as string[]).some((id) => items.find((i) => i.id === id && isCloud(i)));
  const contractOn = ctx.state.get(['documents', 'outputs', 'contractClauses']) !== false;
  const answer = await ctx.prompts.form({
    id: 'partners',
    message: '保守を頼んでいる業者と、外部の窓口',
    progress,
    help: help('業者は、システムが止まったときの連絡先として事業継続の表に載ります。裁判所は業務委託契約の条項に載ります。'),
    fields: [
      { name: 'vendor', label: '保守を頼んでいる業者（任意）', group: '業者', default: str(vendor?.name), help: help('パソコン・ネットワーク・NAS などの導入や保守を頼んでいる会社です。いなければ空欄。', '株式会社みなとITサポート') },
      { name: 'service', label: '頼んでいること（任意）', default: str(vendor?.service), help: help('業者名の後ろに括弧書きで載ります。', 'Microsoft 365 と NAS の導入・保守') },
      { name: 'contact', label: '業者の連絡先（任意）', default: str(vendor?.contact), help: help('事業継続の連絡先に使います。', '045-000-2000'), validate: (v) => (v.trim() === '' ? true : phoneCheck(v) === true || mailCheck(v) === true ? true : '電話番号かメールアドレスを入力してください') },
      {
        name: 'scope',
        label: 'その業者が見ているもの',
        default: supportsCloud ? 'all' : 'office',
        choices: [
          { value: 'office', name: '事務所の機器（ルーター・NAS など）' },
          { value: 'all', name: '事務所の機器とクラウドサービス' },
        ],
        help: help('← → で選びます。'),
      },
      ...(contractOn
        ? [{ name: 'court', label: '契約でもめたときの裁判所', group: '外部の窓口', default: str(ctx.state.get(['documents', 'contract', 'court'])) || courtFor(address) || '', help: help('業務委託契約の機密保持条項の「合意管轄」に載ります。ふつうは本社の所在地の地方裁判所です。', '横浜地方裁判所'), validate: (v: string) => (v.trim() ? true : '入力してください') }]
        : []),
      { name: 'police', label: 'サイバー犯罪の相談先（任意）', ...(contractOn ? {} : { group: '外部の窓口' }), default: str(ctx.state.get(['contacts', 'police'])) || policeFor(address) || '', help: help('不正アクセスの被害を届け出る先として載ります。空欄なら「都道府県警察本部のサイバー犯罪相談窓口」と載ります。', '神奈川県警察本部のサイバー犯罪相談窓口') },
    ],
  });
  if (isBack(answer)) return 'back';
  const name = answer.vendor?.trim();
  const others = vendors.filter((v) => v !== vendor);
  if (name) {
    // What a maintenance company looks after: the machines, where backups go, and (if so answered) the cloud services.
    const looked = (i: Item) => KINDS[i.kind].networkDevice || KINDS[i.kind].serverDevice || i.kind === 'external-storage' || i.kind === 'cloud-backup' || (answer.scope === 'all' && isCloud(i));
    const supports = items.filter((i) => looked(i) === true).map((i) => i.id);
    ctx.state.set(['vendors'], [{ ...(vendor ?? {}), id: str(vendor?.id) || VENDOR_ID, name, supports, service: answer.service?.trim() || null, contact: answer.contact?.trim() || null }, ...others]);
  } else ctx.state.set(['vendors'], others.length ? others : undefined);
  if (answer.court !== undefined) ctx.state.set(['documents', 'contract', 'court'], answer.court.trim());
  ctx.state.set(['contacts', 'police'], answer.police?.trim() || undefined);
  return 'next';
});

// ── 8 社内のきまり ───────────────────────────────────────────────────────────────────────────

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: `毎年${i + 1}月`, name: `毎年${i + 1}月` }));

function suggestedPolicyAccess(ctx: Ctx): string {
  const ids = new Set(inventory(ctx.state).map((i) => i.id));
  if (ids.has('m365')) return 'SharePoint・OneDrive の共有フォルダーへの掲載、事務所内への掲示';
  if (ids.has('google')) return 'Google ドライブの共有フォルダーへの掲載、事務所内への掲示';
  return '共有フォルダーへの格納、事務所内への掲示';
}

export const ownRulesStep = step('rules.own', '社内のきまり', async (ctx, progress) => {
  const staff = ctx.state.term('staff');
  const rules = (ctx.state.get(['rules']) ?? {}) as Data;
  const pair = (list: unknown, target: string) => (Array.isArray(list) ? ((list as Data[]).find((r) => r.target === target)?.method as string | undefined) : undefined);
  const audit = (rules.audit ?? {}) as Data;
  const answer = await ctx.prompts.form({
    id: 'rules.own',
    message: '情報の扱い方と点検のきまり',
    progress,
    help: help(`規程に「${ctx.state.term('self')}の決まり」として載ります。入っている文は、小さな組織によくある決め方の提案です。実際と違うところを直してください。`),
    fields: [
      { name: 'policyAccess', label: `規程を${staff}が見られる場所`, default: joinWords(rules.policyAccess) || suggestedPolicyAccess(ctx), help: help(`基本方針と規程を、${staff}がいつでも見られるようにする方法です。「、」で区切ります。`, '共有フォルダーへの格納、事務所内への掲示') },
      { name: 'labelData', label: '秘密の電子データの見分け方', group: '秘密の情報（社外秘など）', default: pair(rules.labeling, '電子データ') ?? 'ファイル名の先頭に機密区分を表示', help: help('機密性の表示方法として載ります。', 'ファイル名の先頭に機密区分を表示') },
      { name: 'labelPaper', label: '秘密の書類の見分け方', default: pair(rules.labeling, '書類') ?? '表紙に機密区分を表示', help: help('機密性の表示方法として載ります。', '表紙に機密区分の印を押印') },
      { name: 'storeData', label: '秘密の電子データの保管場所', default: pair(rules.storage, '電子データ') ?? 'アクセス権を設定した共有フォルダー', help: help('非公開の情報の保管方法として載ります。', 'アクセス権を設定した SharePoint のサイト') },
      { name: 'storePaper', label: '秘密の書類の保管場所', default: pair(rules.storage, '書類') ?? '施錠できるキャビネット', help: help('非公開の情報の保管方法として載ります。', '書類保管庫の施錠できるキャビネット') },
      {
        name: 'auditKind',
        label: '守られているかの確認',
        group: '点検',
        default: typeof audit.kind === 'string' ? audit.kind : ctx.state.size === 'small' ? 'inspection' : 'audit',
        choices: [
          { value: 'inspection', name: '点検（自分たちで確認する）' },
          { value: 'audit', name: '監査・点検（監査役などが確認する）' },
        ],
        help: help('規程の「監査・点検」の書き方が変わります。小さな組織では「点検」がふつうです。'),
      },
      { name: 'auditMonth', label: '点検する月', default: typeof audit.month === 'string' ? audit.month : '', choices: MONTHS, help: help('「毎年…に点検を行い」に入ります。← → で選びます。', '決算や年度替わりと重ならない月') },
    ],
    validate: (values) => {
      for (const key of ['policyAccess', 'labelData', 'labelPaper', 'storeData', 'storePaper']) if (!values[key]?.trim()) return { field: key, message: '入力してください' };
      return true;
    },
  });
  if (isBack(answer)) return 'back';
  ctx.state.set(['rules', 'audit', 'kind'], answer.auditKind);
  ctx.state.set(['rules', 'audit', 'month'], answer.auditMonth);
  ctx.state.set(['rules', 'policyAccess'], splitWords(answer.policyAccess!));
  ctx.state.set(['rules', 'labeling'], [
    { target: '電子データ', method: answer.labelData!.trim() },
    { target: '書類', method: answer.labelPaper!.trim() },
  ]);
  ctx.state.set(['rules', 'storage'], [
    { target: '電子データ', method: answer.storeData!.trim() },
    { target: '書類', method: answer.storePaper!.trim() },
  ]);
  return 'next';
});

/** How a recommended rule value reads: 6 → 6時間, 12 → 12文字. */
const UNITS: Record<string, string> = {
  'rules.accounts.privileged.lockoutThreshold': '回',
  'rules.accounts.general.lockoutThreshold': '回',
  'rules.accounts.privileged.minLength': '文字',
  'rules.accounts.general.minLength': '文字',
  'rules.accounts.general.fallbackMinLength': '文字',
  'rules.accounts.unlockMinLength': '文字',
  'rules.physical.screenLockMinutes': '分',
  'documents.contract.incidentNoticeHours': '時間',
  'documents.contract.survivalYears': '年',
};

/** The plain question of a rule (the recommended list's, without the English unit note). */
export const ruleLabel = (key: string) => RECOMMENDED_RULES.find((r) => r.key === key)!.question.replace(/（hours \/ minutes）/u, '').replace(/（分）|（時間）/u, '');

/**
 * The rule values the documents use, given what the organization has: those it has answered, and
 * those the documents ask for now (a rule of a part the organization left out is not asked).
 */
export function applicableRules(ctx: Ctx): string[] {
  const asked = new Set(ctx.state.unfilled('回答').map((gap) => gap.key));
  const loads = ctx.state.load('回答').loaded !== undefined;
  // A My Number rule goes into the My Number answers: only once they are given (it would make them incomplete).
  const myNumber = isPlainObject(ctx.state.get(['myNumber']));
  return RECOMMENDED_RULES.map((r) => r.key).filter(
    (key) => !key.endsWith('.lockoutUnit') && (!key.startsWith('myNumber.') || myNumber) && (ctx.state.get(key.split('.')) !== undefined || asked.has(key) || !loads),
  );
}

const rulePath = (key: string) => key.split('.');
const unitPath = (key: string) => key.replace(/lockoutDuration$/u, 'lockoutUnit');

export function ruleText(ctx: Ctx, key: string, value: unknown): string {
  if (key.endsWith('.lockoutDuration')) {
    const unit = ctx.state.get(rulePath(unitPath(key))) ?? RECOMMENDED_RULES.find((r) => r.key === unitPath(key))!.value[ctx.state.size];
    return `${String(value)}${unit === 'minutes' ? '分' : '時間'}`;
  }
  return `${String(value)}${UNITS[key] ?? ''}`;
}

/** Words of the rule table a 総務担当 may not know. */
const WORDS: readonly (readonly [string, string])[] = [
  ['特権アカウント', '設定を変えられる管理者用のアカウント'],
  ['ロックアウト', 'パスワードを続けて間違えたとき、しばらくログインできなくすること'],
  ['認証ログ', 'だれがいつログインしたかの記録'],
  ['リストア', 'バックアップから元に戻すこと'],
  ['脆弱性', 'ソフトウェアの弱点'],
];

/** The recommended value, naming a role as the organization has renamed it (detailed mode's 言葉づかい). */
const recommended = (ctx: Ctx, key: string) => {
  const rule = RECOMMENDED_RULES.find((r) => r.key === key)!;
  const renamed = rule.namesRole ? ctx.state.get(['roles', rule.namesRole, 'name']) : undefined;
  return recommendedValue(rule, ctx.state.size, typeof renamed === 'string' && rule.namesRole ? { [rule.namesRole]: renamed } : {});
};

export const recommendedStep = step('rules.recommended', '社内のきまり', async (ctx, progress) => {
  for (;;) {
    const keys = applicableRules(ctx);
    const current = (key: string) => ctx.state.get(rulePath(key)) ?? recommended(ctx, key);
    ctx.prompts.say(`\n${textTable(['決めること', '値'], keys.map((key) => [ruleLabel(key), ruleText(ctx, key, current(key))]), ctx.width, '  ', Math.max(32, ctx.width - 34))}`);
    const choice = await ctx.prompts.select<'accept' | 'edit'>({
      id: 'rules.recommended',
      message: '運用のきまり（頻度・期間・回数）をこの値にしますか',
      progress,
      help: [
        help(`規程には頻度・期間・回数を決める箇所が${keys.length}か所あります。表は IPA のサンプルにもとづく推奨値です（すでに答えたものはその値）。この値でよければ、そのまま規程に載ります。`),
        `言葉の説明: ${WORDS.filter(([word]) => keys.some((key) => ruleLabel(key).includes(word))).map(([word, meaning]) => `${word}＝${meaning}`).join('、')}`,
      ].join('\n'),
      choices: [
        { value: 'accept', name: 'この値でよい（規程に載せる）' },
        { value: 'edit', name: '値を直す（1画面で）' },
      ],
      default: 'accept',
    });
    if (isBack(choice)) return 'back';
    if (choice === 'edit') {
      const edited = await ctx.prompts.form({
        id: 'rules.recommended.edit',
        message: '運用のきまり',
        progress,
        help: help('直したい値だけ書き換えます。'),
        fields: keys.map((key) => {
          const numeric = typeof recommended(ctx, key) === 'number';
          return {
            name: key,
            label: ruleLabel(key),
            default: String(current(key)),
            ...(key.endsWith('.lockoutDuration') ? { help: help('時間の単位は「時間」です（分で決めるときは詳しいモードで）。', String(recommended(ctx, key))) } : { help: help(`推奨値: ${ruleText(ctx, key, recommended(ctx, key))}`) }),
            validate: (v: string) => {
              if (!v.trim()) return '入力してください';
              if (numeric && !/^\d+$/u.test(v.trim().normalize('NFKC'))) return '数字で入力してください';
              return true;
            },
          };
        }),
      });
      if (isBack(edited)) continue;
      for (const key of keys) {
        const typed = edited[key]!.trim().normalize('NFKC');
        ctx.state.set(rulePath(key), typeof recommended(ctx, key) === 'number' ? Number(typed) : edited[key]!.trim());
      }
    } else {
      for (const key of keys) if (ctx.state.get(rulePath(key)) === undefined) ctx.state.set(rulePath(key), recommended(ctx, key));
    }
    for (const key of keys) {
      if (key.endsWith('.lockoutDuration') && ctx.state.get(rulePath(unitPath(key))) === undefined) ctx.state.set(rulePath(unitPath(key)), recommended(ctx, unitPath(key)));
    }
    return 'next';
  }
});

/** The steps of かんたんモード after the organization's type, name and the choice of mode. */
export const QUICK_STEPS: readonly Step[] = [peopleStep, departmentsStep, areasStep, ...categorySteps, factsStep, continuityStep, teleworkStep, myNumberStep, partnersStep, ownRulesStep, recommendedStep];

