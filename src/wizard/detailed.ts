import { confidentialityPreset, rolesPreset, scopesPreset, TERMS } from '../answers/presets.js';
import { INVENTORY_KINDS, KINDS, type InventoryKind } from '../profile/kinds.js';
import { CONTRACT_CLAUSES, MY_NUMBER_PURPOSES, PUBLICATION_METHODS, isNone } from '../profile/schema.js';
import { askForm, askTopic, editList, help, joinWords, shown, splitWords, type Ctx, type Outcome, type Read, type Spec } from './ask.js';
import { kindName, requiredFields } from './catalog.js';
import type { Step } from './flow.js';
import { inventory, itemName, removeItem } from './inventory.js';
import { deepEqual, isPlainObject, type Data, type Path } from './state.js';
import { isBack } from './types.js';

/**
 * 詳しいモード: after the questions of かんたんモード, the rest of the profile by topic — the
 * wording of the documents, roles' names, departments, the details of each room, product and
 * vendor, the rules the sample words one way by default. Each topic shows its current answers and
 * offers 「このまま」; nothing asked here was asked before.
 */

const SECTION = '詳しい設定';

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A value as the topic's table shows it. */
function display(spec: Spec, value: unknown): string {
  if (value === undefined) {
    if (!spec.initial) return '（既定の文）';
    const choices = spec.kind === 'bool' ? [{ value: 'yes', name: 'はい' }, { value: 'no', name: 'いいえ' }] : (spec.choices ?? []);
    return `${choices.find((c) => c.value === spec.initial)?.name ?? spec.initial}（既定）`;
  }
  if (value === null) return spec.kind === 'choice' && spec.nullChoice ? (spec.choices?.find((c) => c.value === spec.nullChoice)?.name ?? 'なし') : 'なし';
  const text = shown(spec, value);
  if (spec.kind === 'choice' || spec.kind === 'bool') {
    const choices = spec.kind === 'bool' ? [{ value: 'yes', name: 'はい' }, { value: 'no', name: 'いいえ' }] : (spec.choices ?? []);
    return choices.find((c) => c.value === text)?.name ?? text;
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

interface FormTopic {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly base: Path;
  readonly specs: (ctx: Ctx) => readonly Spec[];
  readonly applies?: (ctx: Ctx) => boolean;
  /** More screens after the form (a list that belongs to the topic). */
  readonly more?: (ctx: Ctx) => Promise<Outcome>;
  readonly moreRows?: (ctx: Ctx) => readonly (readonly [string, string])[];
}

/** A topic as a step of 詳しいモード: its table of answers, then 「このまま」 or `edit`. */
function topicStep(topic: { id: string; title: string; why: string; applies?: (ctx: Ctx) => boolean }, screens: (ctx: Ctx) => { shownRows: () => readonly (readonly [string, string])[]; edit: () => Promise<Outcome> }): Step {
  return {
    id: `topic.${topic.id}`,
    section: SECTION,
    applies: (ctx) => ctx.session.mode === 'detailed' && (topic.applies?.(ctx) ?? true),
    run: (ctx, progress) => askTopic(ctx, { id: topic.id, title: topic.title, why: topic.why, progress, ...screens(ctx) }),
  };
}

function formTopic(topic: FormTopic): Step {
  return topicStep(topic, (ctx) => ({
    shownRows: () => {
      let group = '';
      return [
        ...topic.specs(ctx).map((spec) => {
          group = spec.group ?? group;
          return [group ? `${group}：${spec.label}` : spec.label, display(spec, ctx.state.get([...topic.base, ...spec.key.split('.')]))] as const;
        }),
        ...(topic.moreRows?.(ctx) ?? []),
      ];
    },
    edit: async () => {
      const outcome = await askForm(ctx, { id: `topic.${topic.id}.form`, message: topic.title, base: topic.base, specs: topic.specs(ctx), help: help(topic.why) });
      if (outcome === 'next' && topic.more) return topic.more(ctx);
      return outcome;
    },
  }));
}

interface ListTopic {
  readonly id: string;
  readonly title: string;
  readonly why: string;
  readonly path: Path;
  readonly applies?: (ctx: Ctx) => boolean;
  readonly columns: readonly string[];
  readonly cells: (row: Data, ctx: Ctx) => readonly string[];
  readonly row: (ctx: Ctx, index: number) => readonly Spec[];
  readonly blank: (ctx: Ctx) => Data;
  /** The rows to start from when the profile has none (the documents' default rows). */
  readonly seed?: (ctx: Ctx) => Data[];
  readonly onRemove?: (ctx: Ctx, row: Data) => void;
  readonly min?: number;
}

function listTopic(topic: ListTopic): Step {
  return topicStep(topic, (ctx) => ({
    shownRows: () => {
      const rows = ctx.state.list(topic.path);
      return (rows.length ? rows : (topic.seed?.(ctx) ?? [])).map((row, i) => [`${i + 1}`, topic.cells(row, ctx).filter(Boolean).join(' / ')] as const);
    },
    edit: async () => {
      // The documents' default rows to start from; written only if they are changed.
      const seed = !ctx.state.list(topic.path).length && topic.seed ? topic.seed(ctx) : undefined;
      if (seed) ctx.state.set(topic.path, seed);
      const outcome = await editList(ctx, {
        id: `topic.${topic.id}`,
        title: topic.title,
        help: help(topic.why),
        path: topic.path,
        row: topic.row,
        columns: topic.columns,
        cells: (row) => topic.cells(row, ctx),
        blank: topic.blank,
        ...(topic.onRemove ? { onRemove: topic.onRemove } : {}),
        ...(topic.min ? { min: topic.min } : {}),
      });
      if (seed && deepEqual(ctx.state.get(topic.path), seed)) ctx.state.remove(topic.path);
      return outcome;
    },
  }));
}

// ── conversions for answers that are neither text nor words ──────────────────────────────────

const ok = (value: unknown): Read => ({ ok: true, value });

/** Sentences typed on one line, separated by 「／」. */
const sentences = (why: string, example: string): Partial<Spec> => ({
  show: (v) => (Array.isArray(v) ? v.map(str).join('／') : ''),
  parse: (text) => {
    const items = text.split(/[／/]/u).map((s) => s.trim()).filter(Boolean);
    return ok(items.length ? items : undefined);
  },
  help: help(`${why}いくつかあるときは「／」で区切ります。空欄なら既定の文です。`, example),
});

/** People named by title (「代表取締役、総務担当」) ↔ their ids. */
const peopleByTitle = (ctx: Ctx): Partial<Spec> => ({
  show: (v) => (Array.isArray(v) ? v.map((id) => str(ctx.state.list(['people']).find((p) => p.id === id)?.title) || str(id)).join('、') : ''),
  parse: (text) => {
    const titles = splitWords(text);
    const all = ctx.state.list(['people']);
    const unknown = titles.find((t) => !all.some((p) => p.title === t));
    if (unknown) return { ok: false, message: `「${unknown}」という役職の人がいません（${all.map((p) => str(p.title)).join('、')} から入力してください）` };
    return ok(titles.length ? titles.map((t) => all.find((p) => p.title === t)!.id) : undefined);
  },
});

/** Inventory items named as people call them ↔ their ids. */
const itemsByName = (ctx: Ctx): Partial<Spec> => ({
  show: (v) => (Array.isArray(v) ? v.map((id) => { const item = inventory(ctx.state).find((i) => i.id === id); return item ? itemName(item) : str(id); }).join('、') : ''),
  parse: (text) => {
    const names = splitWords(text);
    const all = inventory(ctx.state);
    const unknown = names.find((n) => !all.some((i) => itemName(i) === n));
    if (unknown) return { ok: false, message: `「${unknown}」は使っているものにありません（${all.map(itemName).join('、')} から入力してください）` };
    return ok(names.map((n) => all.find((i) => itemName(i) === n)!.id));
  },
});

/** Fixed values named in Japanese (公表の方法・条項・送信方法) ↔ the profile's words. */
const named = (names: Record<string, string>): Partial<Spec> => ({
  show: (v) => (Array.isArray(v) ? v.map((x) => names[str(x)] ?? str(x)).join('、') : ''),
  parse: (text) => {
    const parts = splitWords(text);
    const byName = Object.entries(names);
    const unknown = parts.find((p) => !byName.some(([, n]) => n === p));
    if (unknown) return { ok: false, message: `「${unknown}」は選べません（${Object.values(names).join('、')} から入力してください）` };
    return ok(parts.length ? parts.map((p) => byName.find(([, n]) => n === p)![0]) : undefined);
  },
});

// A value equal to the documents' default is not written (`same`): opening a topic and keeping it changes nothing.
const bool = (key: string, label: string, why: string, initial: boolean): Spec => ({ key, label, kind: 'bool', initial: initial ? 'yes' : 'no', same: initial, help: help(why) });
const choice = (key: string, label: string, why: string, choices: Record<string, string>, initial?: string): Spec => ({
  key,
  label,
  kind: 'choice',
  choices: Object.entries(choices).map(([value, name]) => ({ value, name })),
  ...(initial ? { initial, same: initial } : {}),
  help: help(`${why}← → で選びます。`),
});

// ── the topics ───────────────────────────────────────────────────────────────────────────────

const organizationTopic = formTopic({
  id: 'organization',
  title: '規程そのものの情報',
  why: '表紙・各文書の日付・書体など、規程の体裁に関わることです。',
  base: [],
  specs: (ctx): Spec[] => ([
    { key: 'document.version', label: '版', kind: 'optional', initial: '1.0', same: '1.0', help: help('表紙と改訂履歴に「第1.0版」のように載ります。', '1.0') },
    { key: 'document.approver', label: '承認者', kind: 'optional', initial: '', help: help('表紙の「承認者」欄です。空欄なら代表者の役職です。', '取締役会') },
    {
      key: 'document.classification',
      label: '規程そのものの機密区分',
      kind: 'choice',
      unsetChoice: '',
      choices: [{ value: '', name: '最も低い非公開の区分' }, ...levels(ctx).map((l) => ({ value: l, name: l }))],
      initial: '',
      help: help('表紙とページの上に表示する区分です。← → で選びます。'),
    },
    choice('organization.developsSoftware', '自分たちでシステムを開発・保守するか', '「する」なら技術的対策「システム開発及び保守」と脆弱性管理の規定が入ります。', { yes: 'する', no: 'しない' }, ctx.state.size === 'small' ? 'no' : 'yes'),
    choice('documents.dateStyle', '日付の書き方', '規程に載る日付の形です。', { western: '西暦（2026年4月1日）', japanese: '和暦（令和8年4月1日）' }, ['company', 'llc', 'professional'].includes(ctx.state.type ?? 'company') ? 'western' : 'japanese'),
    { key: 'document.fonts.body', label: 'Word の本文の書体', kind: 'optional', initial: '游明朝', same: '游明朝', help: help('Word で開いたときの本文の書体名です。', '游明朝') },
    { key: 'document.fonts.heading', label: 'Word の見出しの書体', kind: 'optional', initial: '游ゴシック', same: '游ゴシック', help: help('Word で開いたときの見出しの書体名です。', '游ゴシック') },
  ] as Spec[]).map((spec) => (spec.key === 'organization.developsSoftware' ? { ...spec, same: spec.initial === 'yes', show: (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : ''), parse: (t: string) => ok(t === 'yes' ? true : t === 'no' ? false : undefined) } : spec)),
});

function levels(ctx: Ctx): string[] {
  const own = ctx.state.list(['confidentiality', 'levels']);
  const list = own.length ? own : confidentialityPreset(ctx.state.type ?? 'company', TERMS[ctx.state.type ?? 'company']).levels;
  return list.map((l) => str(l.label));
}

const TERM_LABELS: Record<string, string> = {
  self: '自分たちの呼び方',
  org: '組織を指す語（会社貸与の「会社」）',
  inside: '内側（社内）',
  outside: '外側（社外）',
  whole: '全体（全社）',
  owned: '組織が持つ（社有）',
  business: '業務用の（社用メール）',
  staff: '働く人',
  officers: '役員',
  head: '代表者',
  board: '意思決定の会議',
  department: '部署',
  departmentHead: '部署の長',
  headOffice: '本拠',
  documentName: '規程の名前',
  secrets: '秘密の情報の呼び方',
  joining: '採用の時点',
  leavingForTheDay: '帰るとき',
  stakeholders: '影響を受ける外部の人々',
  workRules: '懲戒の根拠',
};

const termsTopic = formTopic({
  id: 'terms',
  title: '言葉づかい',
  why: '規程の全文で使う言葉です。組織の種類の言葉が入っています。変えたものだけが回答ファイルに書かれます。',
  base: ['terms'],
  specs: (ctx) => {
    const terms = TERMS[ctx.state.type ?? 'company'] as unknown as Record<string, string>;
    const head = ctx.state.list(['people']).find((p) => Array.isArray(p.roles) && p.roles.includes('head'));
    return Object.entries(TERM_LABELS).map(([key, label]) => {
      const base = key === 'head' && head ? str(head.title) : terms[key]!;
      return { key, label, kind: 'optional' as const, initial: base, same: base, help: help(`規程の全文で「${base}」と書くところに使います。`, base) };
    });
  },
});

const ROLE_NAME_KEYS = ['securityOfficer', 'departmentOfficer', 'systemAdmin', 'educationOfficer', 'incidentOfficer', 'complaintsOfficer', 'privacyOfficer', 'auditor', 'myNumberManager', 'myNumberClerk'] as const;

const rolesTopic = formTopic({
  id: 'roles',
  title: '役割の呼び方と責任の文',
  why: '体制表に載る役割の名前と、その責任を述べる文です。変えたものだけが回答ファイルに書かれます。',
  base: ['roles'],
  specs: (ctx) => {
    const type = ctx.state.type ?? 'company';
    const audit = ctx.state.get(['rules', 'audit', 'kind']) === 'inspection' ? 'inspection' : 'audit';
    const preset = rolesPreset(type, TERMS[type], audit) as unknown as Record<string, { name: string; duty: string }>;
    return ROLE_NAME_KEYS.flatMap((key) => [
      { key: `${key}.name`, label: '呼び方', group: preset[key]!.name, kind: 'optional' as const, initial: preset[key]!.name, same: preset[key]!.name, help: help('体制表と本文で、この役割を呼ぶ名前です。', preset[key]!.name) },
      { key: `${key}.duty`, label: '責任', kind: 'optional' as const, initial: preset[key]!.duty, same: preset[key]!.duty, help: help('体制表の「役割と責任」欄の文です。') },
    ]);
  },
});

const departmentsTopic = listTopic({
  id: 'departments',
  title: '部門',
  why: '部門の長が「情報セキュリティ部門責任者」として体制表に載ります。部門がなければ空のままにします。',
  path: ['departments'],
  applies: (ctx) => ctx.state.size === 'small',
  columns: ['部門', '部門の長'],
  cells: (row, ctx) => [str(row.name), str(ctx.state.list(['people']).find((p) => p.id === row.head)?.title)],
  row: (ctx) => [
    { key: 'name', label: '部門の名前', required: true, help: help('体制表に載ります。', '設計部') },
    { key: 'head', label: '部門の長', kind: 'choice', choices: ctx.state.list(['people']).map((p) => ({ value: str(p.id), name: str(p.title) })), help: help('「だれが何をするか」で答えた人から ← → で選びます。') },
  ],
  blank: (ctx) => ({ id: `dept${ctx.state.list(['departments']).length + 1}`, name: '', head: str(ctx.state.list(['people'])[0]?.id) }),
});

const levelsTopic = listTopic({
  id: 'confidentiality',
  title: '機密性のレベル（情報に付ける区分）',
  why: '「極秘」「社外秘」「公開」のような区分と、それぞれに当たる情報・持ち出しを許可する人です。上から高い順で、最後が公開です。',
  path: ['confidentiality', 'levels'],
  columns: ['区分', '評価値', '当たる情報', '持ち出しの許可'],
  cells: (row) => [str(row.label), str(row.value), joinWords(row.criteria), row.takeOutApprover === null ? '持ち出し禁止' : str(row.takeOutApprover)],
  seed: (ctx) => confidentialityPreset(ctx.state.type ?? 'company', TERMS[ctx.state.type ?? 'company']).levels as unknown as Data[],
  row: () => [
    { key: 'label', label: '区分の名前', required: true, help: help('書類・データに表示する名前です。', '社外秘') },
    { key: 'value', label: '評価値', kind: 'int', min: 0, max: 9, required: true, help: help('上の区分ほど大きい数にします。', '2') },
    { key: 'criteria', label: '当たる情報', kind: 'words', required: true, help: help('機密性のレベルの表の「基準」欄に載ります。「、」で区切ります。', '漏えいすると事業に大きな影響がある') },
    { key: 'takeOutApprover', label: '持ち出しを許可する人', kind: 'nullable', help: help('空欄なら「持ち出し禁止」です。公開の区分では使いません。', '代表取締役') },
  ],
  blank: () => ({ label: '', value: 1, criteria: [], takeOutApprover: null }),
  min: 2,
});

const sitesTopic = listTopic({
  id: 'sites',
  title: '事業所と、郵便物・宅配便の受け取り',
  why: '物理的対策「搬入物の受け渡し」に、事業所ごとの受け取り方が載ります。',
  path: ['sites'],
  columns: ['事業所', '受け取り'],
  cells: (row) => [str(row.name), Array.isArray(row.deliveries) ? (row.deliveries as Data[]).map((d) => `${str(d.item)}：${str(d.via)}`).join('、') : ''],
  row: () => [
    { key: 'name', label: '事業所の名前', required: true, help: help('搬入物の受け渡しの表で、事業所ごとの見出しになります。', '本社') },
    {
      key: 'deliveries',
      label: '受け取り方',
      show: (v) => (Array.isArray(v) ? (v as Data[]).map((d) => `${str(d.item)}：${str(d.via)}`).join('、') : ''),
      parse: (text) => {
        const parts = splitWords(text);
        const rows = parts.map((p) => p.split(/[：:]/u).map((s) => s.trim()));
        if (rows.some((r) => r.length !== 2 || !r[0] || !r[1])) return { ok: false, message: '「郵便物：受付」のように、物と受け取る場所を「：」でつないでください' };
        return ok(rows.map(([item, via]) => ({ item, via })));
      },
      help: help('「物：受け取る場所」を「、」で区切ります。', '郵便物・宅配便：事務所受付（総務担当が受領）'),
    },
  ],
  blank: (ctx) => ({ id: `site${ctx.state.list(['sites']).length + 1}`, name: '', deliveries: [] }),
});

const AREA_LEVELS = [
  { value: '1', name: 'レベル1（来客も入る場所）' },
  { value: '2', name: 'レベル2（組織の人だけが入る場所）' },
  { value: '3', name: 'レベル3（限られた人だけの部屋）' },
];

const areasTopic = listTopic({
  id: 'areas',
  title: 'セキュリティ領域の詳しいこと',
  why: '場所ごとの利用者・制限・来客の扱いです。空欄の欄はレベルごとの既定の文になります。',
  path: ['areas'],
  columns: ['レベル', '場所', '機器'],
  cells: (row) => [str(row.level), joinWords(row.rooms), str(row.devices)],
  row: (ctx) => [
    { key: 'level', label: 'レベル', kind: 'choice', numeric: true, choices: AREA_LEVELS, help: help('← → で選びます。') },
    { key: 'rooms', label: '場所', kind: 'words', required: true, help: help('「、」で区切ります。', '執務スペース、書類保管庫') },
    { key: 'locking', label: '施錠', required: true, help: help('セキュリティ領域の表の「施錠」欄に載ります。', '最終退室者による施錠') },
    { key: 'devices', label: '置いてよい情報機器', required: true, help: help('セキュリティ領域の表の「設置してよい情報機器」欄に載ります。', 'パソコン、複合機') },
    { key: 'records', label: '入退室の記録', kind: 'nullable', help: help('空欄なら「－」です。', '入退室を所定様式に記録') },
    { key: 'intrusionDetection', label: '侵入検知', kind: 'nullable', help: help('空欄なら「－」です。', 'ビルの機械警備') },
    { key: 'fireProtection', label: '火災対策', required: true, help: help('セキュリティ領域の表の「火災対策」欄に載ります。', '火災報知器、消火器設置') },
    { key: 'users', label: '利用者', kind: 'optional', help: help('空欄ならレベルごとの既定の文です。', `${ctx.state.term('staff')}及び許可された来訪者`) },
    { key: 'restrictions', label: '制限事項', kind: 'optional', help: help('空欄ならレベルごとの既定の文です。') },
    { key: 'visitors', label: '部外者の扱い', kind: 'optional', help: help('空欄ならレベルごとの既定の文です。') },
    { key: 'visitorBadge', label: '来客用名札', kind: 'optional', help: help('空欄ならレベル1は「着用不要」、2以上は「要着用」です。') },
  ],
  blank: () => ({ level: 2, rooms: [], locking: '', devices: '', records: null, intrusionDetection: null, fireProtection: '' }),
});

const KIND_CHOICES = INVENTORY_KINDS.map((k) => ({ value: k, name: kindName(k) }));

function inventoryRow(ctx: Ctx, index: number): Spec[] {
  const item = ctx.state.list(['inventory'])[index] ?? {};
  const kind = item.kind as InventoryKind;
  const info = KINDS[kind] ?? {};
  const needs = requiredFields(kind);
  return [
    { key: 'kind', label: '種類', kind: 'choice', choices: KIND_CHOICES, help: help('種類によって、規程のどの表に載るかが決まります。← → で選びます。') },
    { key: 'name', label: '呼び名', kind: 'optional', help: help('規程の表で使う名前です。空欄なら製品名です。', 'ファイルサーバー') },
    { key: 'label', label: '表の「種別」欄', kind: 'optional', help: help('空欄なら種類の名前です。', 'CAD') },
    { key: 'product', label: '製品・サービス名', kind: 'optional', help: help('標準ソフトウェア・機器の表の「製品名」欄に載ります。', 'Microsoft 365 Business Standard') },
    { key: 'vendor', label: '開発・販売元', kind: 'optional', help: help('標準ソフトウェア・機器の表の「開発・販売元」欄に載ります。', 'Microsoft') },
    ...(needs.includes('version') ? [{ key: 'version', label: '標準とするバージョン', kind: 'optional' as const, help: help('標準ソフトウェア・機器の表の「バージョン」欄に載ります。', '最新版') }] : []),
    ...(needs.includes('update') ? [{ key: 'update', label: '最新の状態に保つ方法', kind: 'optional' as const, help: help('アップデートの方法の表に載ります。', '自動更新を有効にする。') }] : []),
    ...(needs.includes('definitions') ? [{ key: 'definitions', label: '定義ファイルの更新方法', kind: 'optional' as const, help: help('定義ファイル（ウイルスの見分け方のデータ）の更新方法の表に載ります。', '自動で更新する設定にする') }] : []),
    { key: 'access', label: 'アクセス権の決め方', kind: 'optional', help: help('書けばアクセス制御の表に載ります。', 'フォルダーごとのアクセス権') },
    { key: 'auth', label: 'ログインの方法', kind: 'optional', help: help('書けば利用者認証の表に載ります。', 'ID・パスワード及び多要素認証') },
    { key: 'deviceAuth', label: '端末の登録の方法', kind: 'optional', help: help('書けば端末認証の表に載ります。', '接続する端末を登録') },
    { key: 'holds', label: '保存している情報', kind: 'words', help: help('バックアップの確認に使います。「、」で区切ります。', '図面データ、顧客情報') },
    ...(info.cloud || kind === 'nas' || kind === 'external-storage' ? [{ key: 'storage', label: '媒体の保管方法', kind: 'optional' as const, help: help('バックアップ先のときに載ります。', '施錠付きキャビネットに保管') }] : []),
    { key: 'app', label: 'スマートフォンのアプリとしての用途', kind: 'optional', help: help('書けば標準アプリの表に載ります。', '多要素認証') },
    { key: 'logs.retention', label: 'ログの保存期間', kind: 'optional', group: 'ログ（取るときだけ）', help: help('書けばログの管理の表に載ります。', '1年間') },
    { key: 'logs.items', label: 'ログの取得項目', kind: 'optional', help: help('ログの管理の表の「取得項目」欄に載ります。', '日時、送信元IPアドレス及び送信先IPアドレス') },
    { key: 'critical.operations', label: 'これが止まると困る仕事', kind: 'optional', group: '事業の継続（欠かせないときだけ）', help: help('書けば事業継続の想定に載ります。', '受注から請求までの業務') },
    { key: 'critical.rpo.target', label: 'どの時点まで戻せればよいか', kind: 'optional', help: help('復旧ポイントの目標です。', '前日の業務終了時点') },
    { key: 'critical.rto.target', label: '何日で使えるようにするか', kind: 'optional', help: help('復旧時間の目標です。', '1営業日以内') },
    { key: 'critical.owners', label: '復旧の責任者（役職）', ...peopleByTitle(ctx), help: help('事業継続の表の復旧責任者です。空欄ならインシデント対応責任者とシステム管理者です。「、」で区切ります。', '総務担当') },
    ...(isPlainObject(item.telework)
      ? [
          { key: 'telework.url', label: 'テレワークで開くURL', kind: 'nullable' as const, group: 'テレワーク', help: help('テレワークで利用する情報システムの表に載ります。空欄なら載りません。', 'https://www.office.com/') },
          { key: 'telework.manual', label: '手順書の名前', kind: 'nullable' as const, help: help('テレワークで利用する情報システムの表に載ります。空欄なら載りません。', 'テレワーク接続手順書') },
        ]
      : []),
  ];
}

const inventoryTopic = listTopic({
  id: 'inventory',
  title: '使っているものの詳しいこと',
  why: '機器・ソフトウェア・サービスごとの細かい事実です。書いたものだけが規程の表に載ります。',
  path: ['inventory'],
  columns: ['名前', '種類', '開発・販売元'],
  cells: (row) => [itemName(row), row.label ? str(row.label) : (KINDS[row.kind as InventoryKind]?.label ?? ''), str(row.vendor)],
  row: inventoryRow,
  blank: (ctx) => {
    const taken = new Set(inventory(ctx.state).map((i) => i.id));
    let n = 1;
    while (taken.has(`item${n}`)) n++;
    return { id: `item${n}`, kind: 'software' };
  },
  onRemove: (ctx, row) => {
    // The row is gone already; references to it go too.
    ctx.state.set(['inventory'], [...inventory(ctx.state), row]);
    removeItem(ctx, str(row.id));
  },
});

const requirementsTopic = topicStep(
  { id: 'itemTables', title: '機器の要件とバックアップの行', why: 'サーバー・NAS・ネットワーク機器の情報セキュリティ要件と、機器・サービスごとのバックアップの行です。', applies: (ctx) => inventory(ctx.state).length > 0 },
  (ctx) => ({
      shownRows: () =>
        inventory(ctx.state).flatMap((item) => [
          ...(Array.isArray(item.requirements) ? (item.requirements as Data[]).map((r) => [`${itemName(item)}の要件`, `${str(r.requirement)}${r.product ? `（${str(r.product)}）` : ''}`] as const) : []),
          ...(Array.isArray(item.backup)
            ? (item.backup as Data[]).map((b) => {
                const to = inventory(ctx.state).find((i) => i.id === b.to);
                return [`${itemName(item)}のバックアップ`, `${str(b.data)} → ${to ? itemName(to) : str(b.to)}`] as const;
              })
            : []),
        ]),
      edit: async () => {
        const items = inventory(ctx.state);
        const picked = await ctx.prompts.select<string>({ id: 'topic.itemTables.item', message: 'どの機器・サービスの表を直しますか', choices: items.map((i) => ({ value: i.id, name: itemName(i) })) });
        if (isBack(picked)) return 'back';
        const index = items.findIndex((i) => i.id === picked);
        const item = items[index]!;
        if (KINDS[item.kind]?.serverDevice || KINDS[item.kind]?.networkDevice) {
          const outcome = await editList(ctx, {
            id: 'topic.requirements',
            title: `${itemName(item)}の情報セキュリティ要件`,
            path: ['inventory', index, 'requirements'],
            columns: ['要件', '技術・製品'],
            cells: (row) => [str(row.requirement), str(row.product)],
            row: () => [
              { key: 'requirement', label: '要件', required: true, help: help('機器の情報セキュリティ要件の表に載ります。', '利用者認証機能') },
              { key: 'product', label: 'それを満たす技術・製品', kind: 'nullable', help: help('空欄なら「－」です。', 'RAID構成') },
            ],
            blank: () => ({ requirement: '', product: null }),
          });
          if (outcome === 'back') return 'back';
        }
        if (isNone(item.backup)) return 'next';
        return editList(ctx, {
          id: 'topic.backup',
          title: `${itemName(item)}のバックアップ`,
          path: ['inventory', index, 'backup'],
          columns: ['データ', '保管先', '頻度', '期間'],
          cells: (row) => {
            const to = inventory(ctx.state).find((i) => i.id === row.to);
            return [str(row.data), to ? itemName(to) : str(row.to), str(row.every), str(row.keep)];
          },
          row: () => [
            { key: 'data', label: 'バックアップするデータ', required: true, help: help('バックアップの表の「対象」欄に載ります。', '顧客データ') },
            { key: 'category', label: 'データの種類（任意）', kind: 'optional', help: help('頻度と期間の表で行をまとめる名前です。', '業務データ') },
            { key: 'method', label: '方法', required: true, help: help('バックアップの表の「方法」欄に載ります。', 'NAS のスナップショット機能') },
            { key: 'to', label: '保管先', kind: 'choice', choices: inventory(ctx.state).filter((i) => i.id !== item.id).map((i) => ({ value: i.id, name: itemName(i) })), help: help('← → で選びます。') },
            { key: 'every', label: '頻度', required: true, help: help('取得頻度の表に載ります。', '毎日夜間にバックアップ') },
            { key: 'keep', label: '保管期間', required: true, help: help('「…を保有」の前に入ります。', '直近30日分') },
          ],
          blank: () => ({ data: '', method: '', to: str(inventory(ctx.state).find((i) => i.id !== item.id)?.id), every: '', keep: '' }),
        });
      },
  }),
);

const vendorsTopic = listTopic({
  id: 'vendors',
  title: '業者',
  why: '保守・提供をしている業者です。担当している機器が止まったときの連絡先として、事業継続の表に載ります。',
  path: ['vendors'],
  columns: ['業者', '担当の内容', '連絡先'],
  cells: (row) => [str(row.name), str(row.service), str(row.contact)],
  row: (ctx) => [
    { key: 'name', label: '業者名', required: true, help: help('事業継続の表の連絡先に載ります。', '株式会社みなとネットサービス') },
    { key: 'service', label: '担当の内容', kind: 'nullable', help: help('業者名の後ろに括弧書きで載ります。', 'UTM・回線の保守') },
    { key: 'contact', label: '連絡先', kind: 'nullable', help: help('事業継続のとき、この業者に連絡する先です。', '03-0000-0000') },
    { key: 'supports', label: '担当している機器・サービス', ...itemsByName(ctx), help: help('使っているものの名前を「、」で区切ります。', inventory(ctx.state).slice(0, 2).map(itemName).join('、')) },
  ],
  blank: (ctx) => ({ id: `vendor${ctx.state.list(['vendors']).length + 1}`, name: '', supports: [] }),
});

const contactsTopic = formTopic({
  id: 'contacts',
  title: '外部の連絡先と事業継続の想定',
  why: '事故のときに届け出る先と、事業継続で想定する出来事です。',
  base: [],
  specs: (ctx) => [
    { key: 'continuity.cause', label: '停止の原因として想定すること', kind: 'optional', help: help('事業継続の規定で、システムが止まる原因として載ります。空欄なら「大型地震の発生に伴う設備の倒壊、回線の途絶、停電等」です。', '大型地震や水害による停電・回線の途絶') },
    { key: 'rules.incident.emergencyContacts', label: '緊急連絡網に載せる人（役職）', ...peopleByTitle(ctx), help: help('事故のときの緊急連絡網に、この順で載ります。空欄なら代表者・インシデント対応責任者・システム管理者です。「、」で区切ります。', '代表取締役、総務担当') },
  ],
  more: async (ctx) => {
    const authorities = await editList(ctx, {
      id: 'topic.authorities',
      title: '届出・相談する機関（個人情報保護委員会のほか）',
      path: ['contacts', 'authorities'],
      columns: ['機関', '窓口', '連絡先'],
      cells: (row) => {
        const desk = (Array.isArray(row.desks) ? (row.desks as Data[])[0] : undefined) ?? {};
        return [str(row.name), str(desk.title), [desk.url, desk.phone, desk.email].map(str).filter(Boolean).join(' ')];
      },
      row: () => [
        { key: 'name', label: '機関名', required: true, help: help('インシデントのときに届け出る先の表に載ります。', '横浜市 市民局') },
        { key: 'desks.0.title', label: '窓口・届出の種類', required: true, help: help('届け出る先の表の「窓口」欄に載ります。', '個人情報の漏えい等の報告') },
        { key: 'desks.0.url', label: '案内ページ', kind: 'nullable', help: help('届け出る先の表に載ります。空欄なら載りません。', 'https://www.city.example.jp/') },
        { key: 'desks.0.phone', label: '電話', kind: 'nullable', help: help('届け出る先の表に載ります。空欄なら載りません。', '045-000-0000') },
        { key: 'desks.0.email', label: 'メール', kind: 'nullable', help: help('届け出る先の表に載ります。空欄なら載りません。', 'soudan@city.example.jp') },
        { key: 'reportAtOnce', label: 'インシデントが起きたら直ちに報告する', kind: 'bool', initial: 'no', help: help('指定管理や補助事業などで報告を求められている機関なら「はい」。インシデント対応の初動の手順に載ります。') },
        { key: 'reportWhen', label: '直ちに報告する場合', kind: 'optional', help: help('「…場合」の形で書きます。空欄ならすべてのインシデントです。', '指定管理業務に関わるインシデントが発生した場合') },
      ],
      blank: () => ({ name: '', desks: [{ title: '' }] }),
    });
    if (authorities === 'back') return 'back';
    return editList(ctx, {
      id: 'topic.recovery',
      title: `システム以外の復旧責任者（電源・顧客・${ctx.state.term('staff')}など）`,
      path: ['continuity', 'recovery'],
      columns: ['被害対象', '復旧責任者', '連絡先'],
      cells: (row) => [joinWords(row.targets), (peopleByTitle(ctx).show as (v: unknown) => string)(row.owners), joinWords(row.contacts)],
      row: () => [
        { key: 'targets', label: '被害対象', kind: 'words', required: true, help: help('「、」で区切ります。', '施主・施工会社') },
        { key: 'owners', label: '復旧責任者（役職）', ...peopleByTitle(ctx), required: true, help: help('「だれが何をするか」で答えた役職を「、」で区切ります。', '代表取締役') },
        { key: 'contacts', label: '関係者の連絡先', kind: 'words', help: help('「、」で区切ります。', `${ctx.state.term('staff')}名簿参照`) },
      ],
      blank: () => ({ targets: [], owners: [], contacts: [] }),
    });
  },
});

const teleworkTopic = listTopic({
  id: 'telework',
  title: 'テレワークで使う情報機器',
  why: 'テレワークで使う機器ごとの、会社の機器・私物の扱いです。',
  path: ['telework', 'devices'],
  applies: (ctx) => isPlainObject(ctx.state.get(['telework'])),
  columns: ['機器', '会社の機器', '私物'],
  cells: (row) => [str(row.device), isNone(row.lent) ? '貸与しない' : joinWords(row.lent), { measures: '対策をして利用', asNeeded: '必要に応じて利用', prohibited: '禁止' }[str(row.private)] ?? ''],
  row: () => [
    { key: 'device', label: '機器', required: true, help: help('テレワークで使う情報機器の表の行になります。', 'パソコン') },
    {
      key: 'kind',
      label: '機器の種類',
      kind: 'choice',
      unsetChoice: '',
      choices: [
        { value: '', name: '名前から決める' },
        { value: 'pc', name: 'パソコン' },
        { value: 'mobile', name: 'スマートフォン・タブレット' },
        { value: 'media', name: 'USBメモリなどの電子媒体' },
        { value: 'other', name: 'そのほか' },
      ],
      help: help('種類によって、人的対策に載る機器ごとの対策（パソコン・スマホ・USBメモリ）が決まります。← → で選びます。'),
    },
    {
      key: 'lent',
      label: '会社の機器を使う場合の利用方法',
      show: (v) => (isNone(v) ? '' : joinWords(v)),
      parse: (text) => ok(splitWords(text).length ? splitWords(text) : 'none'),
      help: help('空欄なら「会社の機器は貸与しない」です。「、」で区切ります。', '会社貸与のノートPCを利用'),
    },
    { key: 'lentTo', label: '貸与する相手', show: (v) => (v === 'everyone' || v === '全員' ? '' : str(v)), parse: (t) => ok(t ? t : undefined), help: help('空欄なら全員です。', '営業部員') },
    { key: 'private', label: '私物の扱い', kind: 'choice', choices: [{ value: 'prohibited', name: '禁止' }, { value: 'measures', name: '対策をして利用' }, { value: 'asNeeded', name: '必要に応じて利用' }], help: help('← → で選びます。') },
    { key: 'privateAlternatives', label: '私物のほかに使えるサービス', kind: 'nullable', help: help('私物を対策をして使うときだけ。', 'コンビニ・レンタルオフィス等のサービス') },
  ],
  blank: () => ({ device: '', lent: 'none', private: 'prohibited' }),
  min: 1,
});

const PUBLICATION_NAMES: Record<(typeof PUBLICATION_METHODS)[number], string> = { website: 'ウェブサイト', posted: '事業所内に掲示', onRequest: '求めに応じて提供' };

const PURPOSE_NAMES: Record<string, string> = {
  fees: '報酬・料金等の支払調書',
  rent: '不動産の使用料等の支払調書',
  propertyPurchase: '不動産等の譲受けの対価の支払調書',
  dividends: '配当等の支払調書',
  remuneration: '役員報酬等の源泉徴収票・支払調書',
  withholding: '源泉徴収票',
  declarations: '扶養控除等申告書等',
  healthPension: '健康保険・厚生年金保険',
  employmentInsurance: '雇用保険・労災保険',
};
const SUBJECT_NAMES: Record<keyof typeof MY_NUMBER_PURPOSES, string> = { vendors: '取引先', shareholders: '株主', officers: '役員', staff: '従業者', families: '従業者の家族' };

const myNumberTopic = formTopic({
  id: 'myNumber',
  title: 'マイナンバーの詳しいこと',
  why: '特定個人情報の基本方針の制定日・公表の方法と、番号を使う目的です。',
  base: ['myNumber'],
  applies: (ctx) => isPlainObject(ctx.state.get(['myNumber'])),
  specs: () => [
    { key: 'policyDate', label: '基本方針の制定日', kind: 'date', help: help('空欄なら施行日です。', '2026年4月1日') },
    { key: 'publication', label: '公表の方法', ...named(PUBLICATION_NAMES), help: help(`空欄なら情報セキュリティ基本方針と同じです。「、」で区切ります（${Object.values(PUBLICATION_NAMES).join('、')}）。`) },
  ],
  moreRows: (ctx) =>
    Object.entries(SUBJECT_NAMES).map(([who, name]) => {
      const purposes = ctx.state.get(['myNumber', 'subjects', who, 'purposes']);
      return [`番号を使う目的（${name}）`, Array.isArray(purposes) ? (purposes.length ? purposes.map((p) => PURPOSE_NAMES[str(p)] ?? str(p)).join('、') : '載せない') : '種類ごとの既定'] as const;
    }),
  more: async (ctx) => {
    const choices = Object.entries(MY_NUMBER_PURPOSES).flatMap(([who, purposes]) =>
      purposes.map((p, i) => ({ value: `${who}:${p}`, name: PURPOSE_NAMES[p] ?? p, ...(i === 0 ? { group: SUBJECT_NAMES[who as keyof typeof MY_NUMBER_PURPOSES] } : {}), checked: purposeChecked(ctx, who, p) })),
    );
    const picked = await ctx.prompts.checkbox({ id: 'topic.myNumber.purposes', message: '番号を使う目的（基本方針に載ります）', help: help('本人の区分ごとに、番号を使う手続きに印を付けます。印がない区分は載りません。'), choices });
    if (isBack(picked)) return 'back';
    for (const [who, purposes] of Object.entries(MY_NUMBER_PURPOSES)) {
      const chosen = purposes.filter((p) => picked.includes(`${who}:${p}`));
      const byDefault = purposes.filter((p) => purposeChecked(ctx, who, p, true));
      // The type's own list is not written: only a change of it is the organization's answer.
      ctx.state.set(['myNumber', 'subjects', who, 'purposes'], ctx.state.get(['myNumber', 'subjects', who, 'purposes']) === undefined && deepEqual(chosen, byDefault) ? undefined : chosen);
    }
    return 'next';
  },
});

function purposeChecked(ctx: Ctx, who: string, purpose: string, byDefault = false): boolean {
  const own = ctx.state.get(['myNumber', 'subjects', who, 'purposes']);
  if (Array.isArray(own) && !byDefault) return own.includes(purpose);
  // The documents' default: what the type lists (staff and families always; vendors, officers, shareholders by type).
  return who === 'staff' || who === 'families' || who === 'vendors' || who === 'officers' || (who === 'shareholders' && ctx.state.type === 'company');
}

const accountsTopic = formTopic({
  id: 'accounts',
  title: 'アカウントとパスワード',
  why: 'アカウントの削除の期限と名前の付け方、ロックアウトの時間の単位です。',
  base: ['rules', 'accounts'],
  specs: (ctx) => {
    const staff = ctx.state.term('staff');
    return [
      { key: 'removalDeadline', label: '不要なアカウントを消す期限', kind: 'optional', initial: '当該アカウントが不要になった日の翌日', same: '当該アカウントが不要になった日の翌日', help: help('アカウント管理の規定に載ります。', '退職日の翌日') },
      { key: 'generalAccountNames', label: '一般アカウントの名前に使うもの', kind: 'words', initial: `${staff}番号、${staff}コード`, same: [`${staff}番号`, `${staff}コード`], help: help('「、」で区切ります。', `${staff}番号、氏名のローマ字`) },
      { key: 'privileged.lockoutUnit', label: '特権アカウントのロックアウトの単位', kind: 'choice', choices: [{ value: 'hours', name: '時間' }, { value: 'minutes', name: '分' }], help: help('← → で選びます。') },
      { key: 'general.lockoutUnit', label: '一般アカウントのロックアウトの単位', kind: 'choice', choices: [{ value: 'hours', name: '時間' }, { value: 'minutes', name: '分' }], help: help('← → で選びます。') },
    ];
  },
});

const EMAIL_NAMES = { encryptedAttachment: '添付ファイルの暗号化', smime: '電子署名・暗号化メール（S/MIME）', transferService: 'ファイル転送サービス' };

const handlingTopic = formTopic({
  id: 'handling',
  title: '情報の持ち出しと送り方',
  why: 'ノートパソコン・USBメモリを持ち出すときの対策と、秘密の情報をメールで送る方法です。',
  base: ['rules'],
  specs: (ctx) => [
    choice('laptopEncryption', 'ノートパソコンで暗号化するもの', '持ち出すときの暗号化の範囲です。', { hardDisk: 'ハードディスク全体', folder: 'フォルダー', data: 'データ' }, 'hardDisk'),
    choice('smallMediaMeasure', 'USBメモリなどの紛失対策', '持ち出すときの紛失対策として規程に載ります。', { tag: '大きなタグを付ける', strap: 'ストラップで体やカバンに固定する', bell: '鈴を付ける' }, 'tag'),
    { key: 'confidentialEmail', label: '秘密の情報をメールで送る方法', ...named(EMAIL_NAMES), initial: EMAIL_NAMES.encryptedAttachment, same: ['encryptedAttachment'], help: help(`「、」で区切ります（${Object.values(EMAIL_NAMES).join('、')}）。`) },
    { key: 'externalSystemProviders', label: '外部の情報システムを提供する組織の例', kind: 'optional', help: help('空欄なら種類ごとの既定の文です。', '顧客、関係会社、クラウドサービス提供者を含む取引先等') },
    { key: 'secretsThreshold', label: '秘密として管理する情報（機密性の評価値がこれ以上）', kind: 'int', min: 0, max: 9, help: help(`人的対策「${ctx.state.term('staff')}の責務」に載ります。空欄なら最も低い非公開の区分の評価値です。`, '2') },
    { key: 'outsourcing.sharingCounterparties', label: '機密情報を共有する相手', kind: 'optional', help: help('空欄なら種類ごとの既定の文です。', '施工会社又は協力設計事務所') },
  ],
});

const criteriaTopic = formTopic({
  id: 'criteria',
  title: '委託先を選ぶ基準',
  why: '業務を委託する先の情報セキュリティを評価する基準です。',
  base: ['rules', 'outsourcing'],
  specs: () => [
    { key: 'threshold', label: '評価する委託（扱う情報の重要度がこれ以上）', kind: 'int', min: 0, max: 9, help: help('組織的対策「委託先の選定」に載ります。空欄なら最も低い非公開の区分の評価値です。公開の情報だけを扱う委託も評価するなら 1。', '2') },
    bool('criteria.isms', 'ISMS 認証を基準に含める', 'ISMS: 情報セキュリティの管理の仕組みの認証です。', true),
    bool('criteria.privacyMark', 'プライバシーマークを基準に含める', '委託先を選ぶ基準の1つとして載ります。', true),
    { ...choice('criteria.securityAction', 'SECURITY ACTION（中小企業の自己宣言）', '委託先を選ぶ基準の1つとして載ります。', { oneStar: '一つ星', twoStars: '二つ星', none: '含めない' }, 'oneStar'), nullChoice: 'none' },
    { ...choice('criteria.scs', 'SCS 評価制度', 'サプライチェーンの対策の評価制度です。', { star3: '★３', star4: '★４', none: '含めない' }, 'star3'), nullChoice: 'none' },
    bool('criteria.audit', '情報セキュリティ監査の実施を含める', '委託先を選ぶ基準の1つとして載ります。', true),
    bool('criteria.publishedPolicy', '方針の公開を含める', '委託先を選ぶ基準の1つとして載ります。', true),
    { ...choice('criteria.checklist', '確認リストによる基準', '委託先に確認リストで対策を答えてもらうときの基準です。', { all: 'すべての対策', atLeast: '決めた数以上を実施', planned: '決めた数以上を実施予定', necessary: '必要な対策', none: '含めない' }, 'all'), nullChoice: 'none' },
    { key: 'criteria.checklistCount', label: '決めた数', kind: 'int', min: 1, max: 200, help: help('「決めた数以上」を選んだときの数です。', '10') },
    { key: 'criteria.additional', label: '独自に加える基準', kind: 'words', help: help('委託先を選ぶ基準の箇条書きの最後に加わります。「、」で区切ります。', '情報セキュリティの担当者を置いている') },
  ],
});

const peopleRulesTopic = formTopic({
  id: 'employment',
  title: '雇用と教育',
  why: '雇うときの守秘義務の取り方と、教育の対象・テーマ・推奨する資格です。',
  base: ['rules'],
  specs: (ctx) => [
    choice('employment.confidentiality', '雇うときの守秘義務', '雇用条件の規定に、守秘義務の取り方として載ります。', { pledge: '誓約書', contract: '秘密保持契約' }, 'pledge'),
    bool('employment.externalStaff', '派遣・委託の要員は、その企業と秘密保持契約を結ぶ', '雇用条件の規定に載ります。', true),
    { key: 'education.audience', label: '教育の対象者', kind: 'optional', initial: `全${ctx.state.term('staff')}`, same: `全${ctx.state.term('staff')}`, help: help('情報セキュリティ教育の規定に載ります。', `全${ctx.state.term('staff')}（パート・アルバイトを含む）`) },
    { key: 'education.topics', label: '教育のテーマ', ...sentences('情報セキュリティ教育で扱うテーマとして載ります。', '情報セキュリティ関連規程の説明（入社時）／標的型攻撃メールへの対応') },
    { key: 'education.qualifications', label: '推奨する資格・試験', kind: 'words', help: help('空欄なら既定の4つです。「、」で区切ります。', '情報セキュリティマネジメント試験') },
  ],
});

const physicalTopic = formTopic({
  id: 'physical',
  title: '設備と媒体の廃棄',
  why: '関連設備の管理と、書類・媒体の廃棄・再利用の方法です。',
  base: ['rules', 'physical'],
  specs: () => [{ key: 'facilities', label: '関連設備の管理', ...sentences('物理的対策「関連設備の管理」に載ります。', 'LANケーブルは床下配線とする。') }],
  more: async (ctx) => {
    for (const [key, title] of [
      ['disposal', '媒体の廃棄方法'],
      ['reuse', '媒体の再利用'],
    ] as const) {
      const outcome = await editList(ctx, {
        id: `topic.physical.${key}`,
        title,
        help: help('行がなければ既定の表です。'),
        path: ['rules', 'physical', key],
        columns: ['媒体', '方法'],
        cells: (row) => [str(row.media), str(row.method)],
        row: () => [
          { key: 'media', label: '媒体', required: true, help: help('媒体の廃棄・再利用の表の行になります。', '書類・フィルム') },
          { key: 'method', label: '方法', required: true, help: help('媒体の廃棄・再利用の表の「方法」欄に載ります。', '細断') },
        ],
        blank: () => ({ media: '', method: '' }),
      });
      if (outcome === 'back') return 'back';
    }
    return 'next';
  },
});

const softwareTopic = formTopic({
  id: 'software',
  title: 'ウェブ閲覧と私物の機器',
  why: '有害なサイトの閲覧の制限と、私物のパソコン・スマートフォン・USBメモリの扱いです。',
  base: ['rules'],
  specs: (ctx) => [
    choice('software.webRestriction', '有害サイトの閲覧制限', 'ウェブ閲覧の規定に載ります。', { notice: '周知する', filtering: 'ウェブフィルタリング', both: '両方' }, 'notice'),
    ...(inventory(ctx.state).some((i) => KINDS[i.kind]?.serverDevice) ? [choice('software.serverSoftwareLists', 'サーバーに入れるソフトのリスト', 'サーバーに入れてよいソフトの決め方として載ります。', { both: '許可と禁止の両方', whitelist: '許可リスト', blacklist: '禁止リスト' }, 'both')] : []),
    choice('privateDevices.use', '私物の機器の業務利用', '「禁止」なら、私物の機器に関する規定が「業務利用禁止」になります。', { permitted: '許可制', prohibited: '禁止' }, 'permitted'),
    choice('privateDevices.remoteAccess', '私物から社内のネットワークへのリモート接続', '私有機器の規定に載ります。', { prohibited: '禁止', permitted: '許可' }, 'prohibited'),
    choice('privateDevices.bringIn', '私物の機器の持ち込み', '私有機器の規定に載ります。', { permitted: '許可', prohibited: '禁止' }, 'permitted'),
    choice('privateDevices.officeLan', '持ち込んだ私物の社内ネットワークへの接続', '私有機器の規定に載ります。', { prohibited: '禁止', permitted: '許可' }, 'prohibited'),
  ],
});

const logsTopic = formTopic({
  id: 'logs',
  title: 'ログの確認',
  why: '認証ログ（ログインの記録）で取る項目と、確認するときの観点です。',
  base: ['rules', 'logs'],
  specs: () => [
    { key: 'authentication.items', label: '認証ログの取得項目', kind: 'optional', help: help('空欄なら既定の項目です。', '日時、ユーザーID及び成功/失敗') },
    { key: 'authenticationReview.checks', label: '認証ログで確かめる観点', ...sentences('認証ログを確認するときの観点として載ります。', '深夜・休日のログイン／ログインの失敗が続いていないか') },
  ],
});

const vulnerabilityTopic = formTopic({
  id: 'vulnerability',
  title: '脆弱性（ソフトウェアの弱点）の管理',
  why: '自分たちで開発・保守するシステムの、弱点の情報の入手先です。',
  base: ['rules', 'vulnerability'],
  applies: (ctx) => (ctx.state.get(['organization', 'developsSoftware']) ?? ctx.state.size === 'medium') === true,
  specs: () => [
    { key: 'department', label: '担当するシステム管理者の部門', kind: 'optional', help: help('脆弱性管理の規定で、システム管理者の後ろに括弧書きで載ります。', '情報システム課') },
    { key: 'sources', label: '弱点の情報の入手先', kind: 'words', help: help('空欄なら JVN iPedia と IPA です。「、」で区切ります。', 'JVN iPedia、IPA') },
  ],
});

const OUTPUT_NAMES = {
  basicPolicy: '情報セキュリティ基本方針',
  contractClauses: '業務委託契約 機密保持条項',
  vendorChecklist: '委託先の対策状況確認リスト',
  exitChecklist: '退職時チェックリスト',
  sharingChecksheet: '機密情報共有事項チェックシート',
  assetLedger: '情報資産管理台帳',
  pack: '配布用の合本（PDF・Word）',
} as const;

const CLAUSE_NAMES: Record<(typeof CONTRACT_CLAUSES)[number], string> = {
  confidentiality: '機密保持',
  personalData: '個人情報の取扱い',
  subcontracting: '再委託',
  assignment: '権利義務の譲渡',
  intellectualProperty: '知的財産権',
  ipDisputes: '知的財産権の紛争',
  damages: '損害賠償',
  survival: '存続条項',
  consultation: '協議',
  jurisdiction: '合意管轄',
};

const documentsTopic = formTopic({
  id: 'documents',
  title: '一緒に作る文書',
  why: '規程と同じ回答から作る文書と、その中身です。',
  base: ['documents'],
  specs: () => [
    { key: 'basicPolicy.date', label: '基本方針の制定日', kind: 'date', help: help('空欄なら施行日です。', '2026年4月1日') },
    { key: 'basicPolicy.introduction', label: '基本方針の前文', kind: 'optional', help: help('空欄なら事業内容から作ります。') },
    { key: 'basicPolicy.publication', label: '基本方針の公表の方法', ...named(PUBLICATION_NAMES), initial: PUBLICATION_NAMES.website, same: ['website'], help: help(`「、」で区切ります（${Object.values(PUBLICATION_NAMES).join('、')}）。`) },
    { key: 'contract.contractor', label: '契約の相手（乙）', kind: 'nullable', same: null, help: help('空欄なら記入用の空欄です。', '株式会社サンプル精工') },
    { key: 'contract.clauses', label: '載せる条項', ...named(CLAUSE_NAMES), help: help(`空欄ならすべてです。「、」で区切ります（${Object.values(CLAUSE_NAMES).join('、')}）。`) },
    choice('contract.damagesCap', '損害賠償の上限', '業務委託契約の損害賠償の条項に載ります。', { contractPriceExceptLeaks: '委託料の総額（情報の漏えいは上限なし）', contractPrice: '委託料の総額', none: '上限なし' }, 'contractPriceExceptLeaks'),
    { key: 'forms.assetLedgerRows', label: '情報資産管理台帳の空欄の行数', kind: 'int', min: 1, max: 200, initial: '20', same: 20, help: help('記入用の情報資産管理台帳に、この数だけ空欄の行ができます。', '20') },
    { key: 'packTitle', label: '合本の題名', kind: 'optional', help: help('配布用の合本の表紙に載ります。空欄なら「規程の名前（配布用）」です。', '情報セキュリティ規程集') },
    { key: 'forms.sharingChecksheet', label: '機密情報共有事項チェックシートの確認事項', ...sentences('チェックシートの確認事項になります。', '共有する情報の範囲を確認した／返却・廃棄の時期を決めた') },
  ],
  moreRows: (ctx) => [['作る文書', Object.entries(OUTPUT_NAMES).filter(([key]) => ctx.state.get(['documents', 'outputs', key]) !== false).map(([, name]) => name).join('、')]],
  more: async (ctx) => {
    const picked = await ctx.prompts.checkbox({
      id: 'topic.documents.outputs',
      message: '規程と一緒に作る文書',
      help: help('印を外した文書は作りません。'),
      choices: Object.entries(OUTPUT_NAMES).map(([value, name]) => ({ value, name, checked: ctx.state.get(['documents', 'outputs', value]) !== false })),
    });
    if (isBack(picked)) return 'back';
    for (const key of Object.keys(OUTPUT_NAMES)) ctx.state.set(['documents', 'outputs', key], picked.includes(key) ? undefined : false);
    const commitments = await editList(ctx, {
      id: 'topic.commitments',
      title: '基本方針の方針（番号付きの見出しと本文）',
      help: help('行がなければ種類ごとの5項目です。'),
      path: ['documents', 'basicPolicy', 'commitments'],
      columns: ['見出し', '本文'],
      cells: (row) => [str(row.title), str(row.text)],
      row: (ctx) => [
        { key: 'title', label: '見出し', required: true, help: help('基本方針の番号付きの方針の見出しになります。', '経営者の責任') },
        { key: 'text', label: '本文', required: true, help: help('基本方針の番号付きの方針の本文になります。', `${ctx.state.term('self')}は、情報セキュリティの維持及び改善に取り組みます。`) },
      ],
      blank: () => ({ title: '', text: '' }),
    });
    if (commitments === 'back') return 'back';
    return editList(ctx, {
      id: 'topic.exitChecklist',
      title: '退職時チェックリストの項目',
      help: help('行がなければ標準の項目です。'),
      path: ['documents', 'forms', 'exitChecklist'],
      columns: ['区分', '確認項目'],
      cells: (row) => [str(row.category), str(row.item)],
      row: () => [
        { key: 'category', label: '区分', required: true, help: help('チェックリストの「区分」欄になります。', '情報機器') },
        { key: 'item', label: '確認項目', required: true, help: help('チェックリストの「確認項目」欄になります。', '貸与したパソコンを返却した') },
      ],
      blank: () => ({ category: '', item: '' }),
    });
  },
});

const CHAPTERS = { organizational: '1 組織的対策', human: '2 人的対策', physical: '3 物理的対策', technical: '4 技術的対策' } as const;

const revisionsTopic = formTopic({
  id: 'chapters',
  title: '章ごとの改訂日と適用範囲',
  why: '各章の見出しの表に載る改訂日と適用範囲です。空欄なら施行日と種類ごとの既定の文です。',
  base: ['document'],
  specs: (ctx) => {
    const scopes = scopesPreset(ctx.state.type ?? 'company', TERMS[ctx.state.type ?? 'company']) as Record<string, string>;
    return Object.entries(CHAPTERS).flatMap(([key, name]) => [
      { key: `chapterRevised.${key}`, label: '改訂日', group: name, kind: 'date' as const, help: help('空欄なら施行日です。', '2027年4月1日') },
      { key: `chapterScope.${key}`, label: '適用範囲', kind: 'optional' as const, initial: scopes[key], same: scopes[key], help: help('章の見出しの表の「適用範囲」欄に載ります。', scopes[key]) },
    ]);
  },
  more: (ctx) =>
    editList(ctx, {
      id: 'topic.revisions',
      title: '改訂履歴',
      help: help('行がなければ「制定」の1行です。'),
      path: ['document', 'revisions'],
      columns: ['版', '日付', '内容'],
      cells: (row) => [str(row.version), str(row.date), str(row.description)],
      row: () => [
        { key: 'version', label: '版', required: true, help: help('改訂履歴の表の「版」欄に載ります。', '1.1') },
        { key: 'date', label: '日付', kind: 'date', required: true, help: help('改訂履歴の表の「改訂日」欄に載ります。', '2027年4月1日') },
        { key: 'description', label: '内容', required: true, help: help('改訂履歴の表の「改訂内容」欄に載ります。', '組織変更に伴う見直し') },
      ],
      blank: () => ({ version: '', date: '', description: '' }),
    }),
});

/** The topics of 詳しいモード, in the order of the profile. */
export const DETAILED_STEPS: readonly Step[] = [
  organizationTopic,
  termsTopic,
  rolesTopic,
  departmentsTopic,
  levelsTopic,
  sitesTopic,
  areasTopic,
  inventoryTopic,
  requirementsTopic,
  vendorsTopic,
  contactsTopic,
  teleworkTopic,
  myNumberTopic,
  accountsTopic,
  handlingTopic,
  criteriaTopic,
  peopleRulesTopic,
  physicalTopic,
  softwareTopic,
  logsTopic,
  vulnerabilityTopic,
  documentsTopic,
  revisionsTopic,
];

export const DETAILED_SECTION = SECTION;
