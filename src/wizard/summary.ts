import { KINDS, type InventoryKind } from '../profile/kinds.js';
import { ROLE_LABELS, type RoleKey } from '../profile/roles.js';
import { isNone } from '../profile/schema.js';
import { ORGANIZATION_SIZE_LABELS, ORGANIZATION_TYPE_LABELS } from '../profile/types.js';
import type { Ctx } from './ask.js';
import { showDate } from './dates.js';
import { inventory, itemName } from './inventory.js';
import { applicableRules, ruleLabel, ruleText } from './quick.js';
import { isPlainObject, type Data } from './state.js';

/**
 * The review: everything the documents will print as the organization's own facts and rules, in
 * plain words, grouped as the questions were. Read from the profile itself, so what is listed here
 * is exactly what the answers file says.
 */

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const words = (value: unknown): string => (Array.isArray(value) ? value.map(str).filter(Boolean).join('、') : str(value));

const ROLE_SHORT = (role: RoleKey) => ROLE_LABELS[role].replace(/（.*$/u, '');

const FIELD_NAMES: Record<string, string> = {
  version: 'バージョン',
  update: '更新',
  definitions: '定義ファイル',
  access: 'アクセス権',
  auth: 'ログイン',
  deviceAuth: '端末の登録',
  storage: '保管',
  app: 'アプリの用途',
};

const TELEWORK_NAMES: Record<string, string> = {
  cloud: 'クラウドサービスに直接つなぐ',
  vpn: 'VPN',
  remoteDesktop: 'リモートデスクトップ',
  standalone: '持ち帰り',
  wiredHub: '自宅の有線LAN',
  wirelessRouter: '自宅の Wi-Fi',
  mobileRouter: 'モバイルWi-Fiルーター',
  publicWifi: '公衆Wi-Fi',
  prohibited: '私物は禁止',
  measures: '私物は対策をして利用',
  asNeeded: '私物も必要に応じて',
};

export function summaryLines(ctx: Ctx): string[] {
  const { state } = ctx;
  const lines: string[] = [];
  const section = (title: string) => lines.push(`■ ${title}`);
  const line = (text: string) => lines.push(`  ${text}`);

  const org = (state.get(['organization']) ?? {}) as Data;
  section('組織');
  line(`${str(org.name) || '（名前未定）'}（${state.type ? ORGANIZATION_TYPE_LABELS[state.type].replace(/（.*$/u, '') : '種類未定'}・${ORGANIZATION_SIZE_LABELS[state.size].replace(/（.*$/u, '')}）`);
  if (org.business) line(`事業内容: ${str(org.business)}`);
  if (org.address) line(`所在地: ${str(org.address)}`);
  const date = state.get(['document', 'effectiveDate']);
  line(`施行日: ${typeof date === 'string' ? showDate(date) : '（未記入）'}`);

  section('人と役割');
  for (const person of state.list(['people'])) {
    const roles = (Array.isArray(person.roles) ? (person.roles as RoleKey[]) : []).map(ROLE_SHORT).join('・');
    const contacts = [person.phone && `電話 ${str(person.phone)}`, person.mobile && `携帯 ${str(person.mobile)}`, person.email && `メール ${str(person.email)}`].filter(Boolean).join('、');
    line(`${str(person.title)}${person.name ? ` ${str(person.name)}` : ''}: ${roles || '（役割なし）'}${contacts ? `（${contacts}）` : ''}`);
  }
  for (const department of state.list(['departments'])) {
    const head = state.list(['people']).find((p) => p.id === department.head);
    line(`部門 ${str(department.name)}: 長は${str(head?.title) || str(department.head)}`);
  }

  section('場所');
  const staff = state.term('staff');
  const names = ['', '来客が入る場所', `${staff}だけが入る場所`, '鍵のかかる部屋'];
  for (const area of state.list(['areas'])) line(`${names[Number(area.level)] ?? `レベル${str(area.level)}`}: ${words(area.rooms)}（機器: ${str(area.devices)}）`);
  const first = state.list(['areas'])[0];
  if (first) line(`戸締まり: ${str(first.locking)}／夜間・休日: ${str(first.intrusionDetection) || 'なし'}／火災: ${str(first.fireProtection)}／入退室の記録: ${first.records ? 'する' : 'しない'}`);

  section('使っているもの');
  for (const item of inventory(state)) {
    const facts = Object.entries(FIELD_NAMES)
      .filter(([field]) => typeof item[field] === 'string')
      .map(([field, name]) => `${name}: ${str(item[field])}`);
    const requirements = Array.isArray(item.requirements) ? (item.requirements as Data[]).map((r) => str(r.requirement)) : [];
    const vendor = item.vendor ? `（${str(item.vendor)}）` : '';
    const kind = item.label ? str(item.label) : (KINDS[item.kind as InventoryKind]?.label ?? '');
    line(`${itemName(item)}${vendor} ${kind ? `［${kind}］` : ''}`);
    for (const fact of facts) line(`    ${fact}`);
    if (requirements.length) line(`    守っていること: ${requirements.join('、')}`);
  }

  section('バックアップと事業の継続');
  for (const item of inventory(state)) {
    if (!Array.isArray(item.backup)) continue;
    for (const entry of item.backup as Data[]) {
      const to = inventory(state).find((i) => i.id === entry.to);
      line(`${itemName(item)}の${str(entry.data)} → ${to ? itemName(to) : str(entry.to)}（${str(entry.every)}、${str(entry.keep)}を保有。方法: ${str(entry.method)}）`);
    }
  }
  for (const item of inventory(state)) {
    if (!isPlainObject(item.critical)) continue;
    const c = item.critical;
    const rto = isPlainObject(c.rto) ? `。目標: ${str(c.rto.target)}` : '';
    line(`止まると困るもの: ${itemName(item)}（${str(c.operations)}${rto}）`);
  }

  section('働き方');
  const telework = state.get(['telework']);
  if (telework === undefined) line('テレワーク: （未回答）');
  else if (isNone(telework)) line('テレワーク: しない（テレワークの章は規程に入りません）');
  else if (isPlainObject(telework)) {
    const t = telework as Data;
    const devices = (Array.isArray(t.devices) ? (t.devices as Data[]) : []).map((d) => `${str(d.device)}: ${isNone(d.lent) ? '' : `${words(d.lent)}、`}${TELEWORK_NAMES[str(d.private)] ?? ''}`);
    line(`テレワーク: する（${[...(t.configurations as string[]), ...(t.networks as string[])].map((v) => TELEWORK_NAMES[v] ?? v).join('、')}）`);
    for (const d of devices) line(`    ${d}`);
    for (const item of inventory(state)) if (isPlainObject(item.telework)) line(`    ${itemName(item)}: ${words(item.telework.uses)}`);
  }
  const myNumber = state.get(['myNumber']);
  if (myNumber === undefined) line('マイナンバー: （未回答）');
  else if (isNone(myNumber)) line('マイナンバー: 扱わない（特定個人情報の文書は作りません）');
  else if (isPlainObject(myNumber)) {
    const contact = (myNumber.contact ?? {}) as Data;
    line(`マイナンバー: 扱う（窓口: ${[contact.desk, contact.phone, contact.email, contact.hours].map(str).filter(Boolean).join('、')}）`);
    line(`    保管する場所: ${words(myNumber.managementArea)}／事務をする席: ${words(myNumber.handlingArea)}`);
  }

  section('取引先と外部の窓口');
  for (const vendor of state.list(['vendors'])) {
    const supports = (Array.isArray(vendor.supports) ? (vendor.supports as string[]) : []).map((id) => inventory(state).find((i) => i.id === id)).filter((i) => i !== undefined).map(itemName);
    line(`業者: ${str(vendor.name)}${vendor.service ? `（${str(vendor.service)}）` : ''}${vendor.contact ? ` ${str(vendor.contact)}` : ''}${supports.length ? ` 担当: ${supports.join('、')}` : ''}`);
  }
  const court = state.get(['documents', 'contract', 'court']);
  if (court) line(`契約の裁判所: ${str(court)}`);
  const police = state.get(['contacts', 'police']);
  if (police) line(`サイバー犯罪の相談先: ${str(police)}`);

  section('社内のきまり');
  const rules = (state.get(['rules']) ?? {}) as Data;
  if (rules.policyAccess) line(`規程を${staff}が見られる場所: ${words(rules.policyAccess)}`);
  for (const [key, name] of [
    ['labeling', '秘密の情報の表示'],
    ['storage', '秘密の情報の保管'],
  ] as const) {
    if (Array.isArray(rules[key])) line(`${name}: ${(rules[key] as Data[]).map((r) => `${str(r.target)}：${str(r.method)}`).join('／')}`);
  }
  const audit = (rules.audit ?? {}) as Data;
  if (audit.month) line(`${audit.kind === 'inspection' ? '点検' : '監査・点検'}: ${str(audit.month)}`);
  const keys = applicableRules(ctx);
  if (keys.some((key) => state.get(key.split('.')) !== undefined)) {
    line('運用のきまり:');
    for (const key of keys) {
      const value = state.get(key.split('.'));
      line(`    ${ruleLabel(key)}: ${value === undefined ? '（未記入）' : ruleText(ctx, key, value)}`);
    }
  }
  return lines;
}
