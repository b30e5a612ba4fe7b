import { describe, expect, it } from 'vitest';
import { TERMS } from '../src/answers/presets.js';
import { documentText } from '../src/model/text.js';
import { ORGANIZATION_SIZES, ORGANIZATION_TYPES, type OrganizationSize, type OrganizationType } from '../src/profile/types.js';
import { generateYaml, rulebook } from './support/build.js';

/**
 * A type's vocabulary runs through every document: a welfare corporation's forms never say 会社名,
 * only a medical corporation speaks of 患者, and nothing outside a company says 当社・従業員・代表取締役,
 * whatever the size and whatever parts the profile has.
 */

type Word = string | RegExp;

/** Words that belong to some types of organization; every other type's documents must not contain them. */
const VOCABULARY: readonly { readonly types: readonly OrganizationType[]; readonly words: readonly Word[] }[] = [
  {
    types: ['company', 'llc'],
    words: ['当社', '自社', '従業員', '代表取締役', '取締役', '社外秘', '社内', '社外', '全社', '社有', '社用', '本社', '入社', '退社', '社長', '営業秘密', '社員', '派遣社員', '会社名', '会社貸与', '企業LAN', 'お客様', '経営者'],
  },
  { types: ['company'], words: ['株主'] },
  { types: ['llc'], words: ['代表社員', '業務執行社員'] },
  { types: ['association'], words: ['当協会', '協会内', '協会外', '協会全体', '協会所有'] },
  { types: ['association', 'npo'], words: ['会員'] },
  { types: ['cooperative'], words: ['本組合', '組合内', '組合外', '組合全体', '組合所有', '組合員'] },
  { types: ['npo'], words: ['支援者', '受益者'] },
  { types: ['npo', 'medical', 'welfare'], words: ['当法人', '法人内', '法人外', '法人全体', '法人所有'] },
  { types: ['medical'], words: ['患者'] },
  { types: ['welfare'], words: ['施設長', '施設・事業所', '法人本部', '利用者及びその家族'] },
  // 事業所内 is every type's word.
  { types: ['professional'], words: ['当事務所', /(?<!事業)所内/u, /(?<!事業)所外/u, '所外秘', '事務所全体', '事務所所有', '顧問先', '依頼者', '所長'] },
  { types: ['association', 'cooperative', 'npo', 'medical', 'welfare', 'professional'], words: ['職員'] },
  { types: ['association', 'cooperative', 'npo', 'medical', 'welfare'], words: ['理事長', '部外秘'] },
];

/** Substitutions that are no Japanese in any type (issue 14 item 14): 協会外要員, 法人内体制, 所属に従事する職員… */
const AWKWARD: readonly Word[] = [
  /(?:協会|組合|法人|事務所|所)外要員/u,
  /(?:協会|組合|法人|事務所|所)外公開サーバー/u,
  /(?:協会|組合|法人|事務所)内体制/u,
  '所属に従事',
  // 「所長をはじめとする所長」
  /([^、。\s]{2,8})をはじめとする\1が/u,
];

/** Every document of a draft, as one text. */
const allText = (yaml: string): string =>
  generateYaml(yaml)
    .documents.map((d) => documentText(d))
    .join('\n');

/** A profile with only the organization: the draft is the wording of the type with gaps. */
const minimal = (type: OrganizationType, size: OrganizationSize) => `kitei: 2
organization:
  name: 例示の組織
  type: ${type}
  size: ${size}
`;

/**
 * A profile with every part that brings text of its own (departments, servers, network, telework,
 * My Number, backups, a critical system), in words of no type, so that what the documents say in
 * a type's vocabulary comes from the type alone.
 */
const full = (type: OrganizationType, size: OrganizationSize) => `kitei: 2
organization: { name: 例示の組織, type: ${type}, size: ${size}, business: 地域の事業者への支援, developsSoftware: true }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: head, title: ${TERMS[type].head}, name: 見本 一郎, roles: [head, securityOfficer], mobile: 090-0000-0001, email: head@example.jp }
  - { id: it, title: 情報システム担当, roles: [systemAdmin, incidentOfficer], phone: 03-0000-0002, mobile: 090-0000-0002, email: it@example.jp }
  - { id: office, title: 事務長, roles: [educationOfficer, complaintsOfficer, privacyOfficer, myNumberManager, myNumberClerk, publicRelations] }
  - { id: auditor, title: 監査担当, roles: [auditor] }
  - { id: first, title: 第一課長 }
departments:
  - { id: first, name: 第一課, head: first }
  - { id: office, name: 事務課, head: office }
sites:
  - { id: main, name: 本拠, deliveries: [{ item: 郵便物, via: 受付 }] }
areas:
  - { level: 1, rooms: [受付], locking: 最終退室者による施錠, devices: ホワイトボード, records: null, intrusionDetection: null, fireProtection: 消火器設置 }
  - { level: 2, rooms: [執務室], locking: 最終退室者による施錠, devices: パソコン、複合機, records: 入退室を記録, intrusionDetection: センサーによる通報, fireProtection: 消火器設置 }
  - { level: 3, rooms: [サーバー室], locking: 常時施錠, devices: サーバー、NAS, records: 入退室を記録, intrusionDetection: センサーによる通報, fireProtection: 消火器設置 }
inventory:
  - { id: windows, kind: pc-os, product: Windows 11 Pro, vendor: Microsoft, version: 最新版, update: 自動更新を有効にする。, auth: ID・パスワード }
  - { id: office-suite, kind: office, product: 表計算・文書作成ソフト, vendor: 開発元A, version: 最新版, update: 自動更新を有効にする。 }
  - { id: browser, kind: browser, product: ブラウザB, vendor: 開発元B, version: 最新版, update: 自動更新を有効にする。 }
  - { id: antivirus, kind: pc-antivirus, product: ウイルス対策C, vendor: 開発元C, version: 最新版, definitions: 自動で更新する }
  - { id: phone-os, kind: mobile-os, product: スマートフォンOS, vendor: 開発元D, update: 自動更新を有効にする。 }
  - { id: phone-av, kind: mobile-antivirus, product: ウイルス対策D, vendor: 開発元C, version: 最新版, definitions: 自動で更新する, app: セキュリティソフト }
  - id: server
    kind: server
    name: 業務サーバー
    access: フォルダーごとのアクセス権
    requirements: [{ requirement: 利用者認証機能, product: OSの認証 }]
    holds: [業務データ]
    backup: [{ data: 業務データ, method: 複製, to: nas, every: 毎日, keep: 直近30日分 }]
    critical: { operations: 日々の業務, rpo: { target: 24時間以内 }, rto: { target: 1営業日以内 } }
  - { id: nas, kind: nas, name: NAS, requirements: [{ requirement: 利用者認証機能, product: NASの認証 }], storage: 施錠したラック, backup: [{ data: 業務データの複製, method: 転送, to: cloud-backup, every: 毎日, keep: 直近90日分 }] }
  - { id: cloud-backup, kind: cloud-backup, product: クラウドバックアップE }
  - { id: server-os, kind: server-os, product: Linux, vendor: 開発元F, version: 最新版 }
  - { id: router, kind: router, product: ルーターG, vendor: 開発元G, version: 最新版, requirements: [{ requirement: 管理画面の初期パスワードの変更, product: null }] }
  - { id: utm, kind: utm, product: UTM H, vendor: 開発元H, version: 最新版, logs: { retention: 1年間, items: 日時、送信元及び送信先 } }
  - { id: wifi, kind: wifi, product: 無線LAN I, vendor: 開発元I, version: 最新版, deviceAuth: 端末を登録 }
  - { id: vpn, kind: vpn, product: VPN J, vendor: 開発元H, version: 最新版, auth: ID・パスワード及びワンタイムパスワード }
  - { id: mail, kind: cloud-service, product: メールサービスK, access: アカウントごとの権限, auth: ID・パスワード及び多要素認証, backup: none, telework: { uses: [電子メール], procedures: [貸与のパソコンから利用] } }
  - { id: site, kind: website, name: ホームページ, holds: [公開情報], backup: none }
vendors:
  - { id: maintainer, name: 保守事業者L, service: ネットワークの保守, supports: [router, utm, vpn] }
continuity:
  recovery:
    - { targets: [電源設備], owners: [office], contacts: [maintainer] }
telework:
  configurations: [vpn, cloud]
  networks: [wiredHub, wirelessRouter, mobileRouter, publicWifi]
  devices:
    - { device: パソコン, lent: [貸与のノートパソコンを利用], private: measures }
    - { device: スマートフォン, lent: none, private: asNeeded }
myNumber:
  contact: { desk: 事務課, phone: 03-0000-0003 }
  managementArea: [サーバー室]
  handlingArea: [執務室]
rules:
  audit: { month: 毎年9月 }
`;

const PROFILES = { minimal, full } as const;

/** The words of `list` found in `text`, each with a little of its context. */
function found(text: string, list: readonly Word[]): string[] {
  return list.flatMap((word) => {
    const pattern = typeof word === 'string' ? new RegExp(word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'gu') : new RegExp(word.source, `${word.flags}g`);
    return [...text.matchAll(pattern)].map((m) => `${m[0]}: …${text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)}…`);
  });
}

const cases = ORGANIZATION_TYPES.flatMap((type) => ORGANIZATION_SIZES.flatMap((size) => (['minimal', 'full'] as const).map((profile) => ({ type, size, profile }))));
const texts = new Map(cases.map((c) => [`${c.type}/${c.size}/${c.profile}`, allText(PROFILES[c.profile](c.type, c.size))]));
const textOf = (type: OrganizationType, size: OrganizationSize, profile: keyof typeof PROFILES) => texts.get(`${type}/${size}/${profile}`)!;

describe('組織の種類の語彙（種類 × 規模 × 最小と全部入りのプロフィール、全文書）', () => {
  it.each(cases.map((c) => [c.type, c.size, c.profile, c] as const))('%s・%s（%s）: ほかの種類の語が現れない', (_type, _size, _profile, { type, size, profile }) => {
    const text = textOf(type, size, profile);
    const foreign = VOCABULARY.filter((group) => !group.types.includes(type)).flatMap((group) => found(text, group.words));
    expect(foreign).toEqual([]);
    expect(found(text, AWKWARD)).toEqual([]);
  });

  it.each(VOCABULARY.map((group) => [group.types.join('・'), group] as const))('%s の語は、その種類の文書に実際に現れる（一覧が語彙である）', (_, group) => {
    for (const type of group.types) {
      const own = ORGANIZATION_SIZES.map((size) => textOf(type, size, 'full')).join('\n');
      expect(found(own, group.words).length, type).toBeGreaterThan(0);
    }
  });

  it.each(ORGANIZATION_TYPES)('%s: 基本方針は契約上の要求事項を特定の関係者に絞らない', (type) => {
    const policy = documentText(generateYaml(minimal(type, 'small')).documents.find((d) => d.id === 'basic-policy')!);
    if (type === 'company' || type === 'llc') expect(policy).toContain('規範及びお客様との契約上の要求事項を遵守し、お客様の期待に応えます。');
    else expect(policy).toContain(`規制及び規範並びに${TERMS[type].stakeholders}との契約上の要求事項を遵守し、その期待に応えます。`);
  });

  it('株式会社以外の様式の記入欄は「会社名」ではなく「委託先名」、取引先・共有先は「名称」「所属団体名」', () => {
    const welfare = textOf('welfare', 'medium', 'full');
    expect(welfare).toContain('委託先名');
    expect(welfare).toContain('取引先の基本情報（名称、担当者');
    expect(welfare).toContain('送信者/共有者の情報（所属団体名、所属先、氏名など）');
    expect(welfare).toContain('役員、職員、派遣労働者及び受入出向者を対象に周知すること。');
    expect(welfare).toContain('ただし、外部要員については、当該企業と秘密保持契約を締結する。');
    expect(welfare).toContain('外部公開サーバー及び重要な機密情報を扱うサーバー');
    expect(welfare).toContain('主要なネットワークセグメント（法人内LAN、');
    expect(welfare).toContain('内部体制を整備し');
    expect(textOf('association', 'medium', 'full')).toContain('利用者範囲欄に示された所属の職員とする。');
    expect(textOf('professional', 'small', 'full')).toContain('当事務所は、所長が主導して、');
    // The sample's own words stay in a company's text.
    const company = textOf('company', 'medium', 'full');
    for (const words of ['会社名', '取引先の基本情報（会社名、', '役員、従業員、派遣社員及び受入出向者', 'ただし、社外要員については', '社外公開サーバー', '（企業LAN、', '社内体制を整備し', '部門に従事する従業員']) expect(company).toContain(words);
  });
});

describe('プリセットの語彙', () => {
  it.each(ORGANIZATION_TYPES.flatMap((type) => ORGANIZATION_SIZES.map((size) => [type, size] as const)))('%s・%s: 名前と種類と規模だけのプロフィールから、完全な下書きができる', (type, size) => {
    const result = generateYaml(minimal(type, size));
    const doc = rulebook(result);
    expect(doc.children.filter((c) => c.type === 'chapter')).toHaveLength(4);
    expect(documentText(doc).length).toBeGreaterThan(20_000);
    // What is left to fill is listed, each with the answers key where it belongs.
    expect(result.unfilled.length).toBeGreaterThan(0);
    for (const gap of result.unfilled) expect(gap.key).toMatch(/^(organization|document|people|inventory|areas|rules|myNumber|telework|documents|continuity)\b/u);
  });

  it('協会の規程は協会の語彙で書かれる', () => {
    const output = documentText(rulebook(generateYaml(full('association', 'medium'))));
    for (const word of ['当協会', '職員', '理事長', '部外秘', '所属長']) expect(output).toContain(word);
  });

  it('語彙を上書きすると全文に反映される', () => {
    const output = allText(`${minimal('association', 'small')}terms:\n  self: 当財団\n  staff: 財団職員\n`);
    expect(output).toContain('当財団');
    expect(output).toContain('財団職員');
    expect(output).not.toContain('当協会');
  });

  it('機密区分のラベルは回答から（関係者外秘・2/1/0 の番号付け）', () => {
    const output = documentText(
      rulebook(
        generateYaml(
          [
            minimal('company', 'medium'),
            'confidentiality:',
            '  levels:',
            '    - { label: 極秘, value: 2, criteria: [法律で安全管理が義務付けられている], takeOutApprover: null }',
            '    - { label: 関係者外秘, value: 1, criteria: [漏えいすると事業に大きな影響がある], takeOutApprover: 所属部門長 }',
            '    - { label: 公開, value: 0, criteria: [漏えいしても事業にほとんど影響はない], takeOutApprover: null }',
          ].join('\n'),
        ),
      ),
    );
    expect(output).not.toContain('社外秘');
    expect(output).toContain('関係者外秘又は極秘');
  });
});
