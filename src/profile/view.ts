import { isTodo, todo, type Todo } from '../answers/common.js';
import type { PresetContext } from '../answers/context.js';
import { thresholdAt, type Roles, type Terms } from '../answers/core.js';
import { deepMerge } from '../answers/schema.js';
import { confidentialityPreset, rolesPreset, scopesPreset, TERMS } from '../answers/presets.js';
import { organizationalDefaults } from '../answers/chapters/organizational.js';
import { humanDefaults } from '../answers/chapters/human.js';
import { physicalDefaults } from '../answers/chapters/physical.js';
import { technicalDefaults } from '../answers/chapters/technical.js';
import { companionDefaults } from '../answers/chapters/companion.js';
import { KINDS } from './kinds.js';
import { ruleQuestion, type RoleNames } from './recommended.js';
import { ROLE_KEYS, ROLE_LABELS, type RoleKey } from './roles.js';
import { isEveryone, isNone, TELEWORK_DEVICE_KINDS, type InventoryItem, type Person, type Profile, type TeleworkProfile } from './schema.js';

/** A mobile OS item's name or product that says Android / iOS (iPhone, iPad). */
const ANDROID = /android/iu;
const IOS = /\bios\b|iphone|ipad/iu;

/**
 * Profile → the view the templates read. Every table and sentence that names a person, a product,
 * a system, a vendor or a period is computed here from the one place the profile states it; what
 * the profile does not state is a gap (`{ todo, key }` with the profile key where it belongs), and
 * what the organization does not have gives an empty list. The wording of the rules (the sample's
 * sentences and blue choices) comes from the type's defaults (src/answers/chapters/*).
 *
 * The result has the shape of the answers schema of src/answers/schema.ts (the template-facing
 * view) and is validated against it by the loader.
 */

type Input = Record<string, unknown>;

/** What the profile has, for templates that leave out text about things the organization lacks. */
export interface Has {
  readonly departments: boolean;
  readonly servers: boolean;
  readonly serverSoftware: boolean;
  readonly networkDevices: boolean;
  readonly serverRequirements: boolean;
  readonly networkRequirements: boolean;
  readonly firewall: boolean;
  readonly wifi: boolean;
  readonly vpn: boolean;
  readonly website: boolean;
  readonly cloudServices: boolean;
  readonly logSources: boolean;
  readonly backups: boolean;
  readonly criticalSystems: boolean;
  readonly mobile: boolean;
  readonly deliveries: boolean;
  readonly facilities: boolean;
  readonly teleworkApps: boolean;
  /** Some telework device may be a private one (the download ban on private devices applies). */
  readonly teleworkPrivateDevices: boolean;
  /** A private PC / smartphone or tablet may be used for telework: its rules (人的対策「私有機器を利用する場合」) apply. */
  readonly teleworkPrivatePc: boolean;
  readonly teleworkPrivateMobile: boolean;
  /** The organization lends a PC / smartphone or tablet / storage medium for telework: its rules (「組織の機器を利用する場合」) apply. */
  readonly teleworkOwnedPc: boolean;
  readonly teleworkOwnedMobile: boolean;
  readonly teleworkOwnedMedia: boolean;
  /**
   * The organization's smartphones run Android / iOS (its inventory's mobile OSes): the OS update
   * and app store lines name only those. Unknown (no mobile OS in the inventory, or one of another
   * name): both, as the sample.
   */
  readonly androidDevices: boolean;
  /** An MDM (inventory kind `mdm`) manages the smartphones: its agent is installed on the lent ones (人的対策 6.2.1). */
  readonly mdm: boolean;
  readonly iosDevices: boolean;
  /** The app stores of the telework apps: the organization's devices', and every one when private smartphones are allowed. */
  readonly androidStore: boolean;
  readonly iosStore: boolean;
  /** Telework reaches the office's own machines (VPN or remote desktop): data can be sent back to the office server. */
  readonly teleworkRemote: boolean;
  readonly recoveryTargets: boolean;
}

/** A value from the profile, or a gap that names the profile key it belongs to. */
function fact<T>(value: T | Todo | undefined | null, key: string, question: string): T | Todo {
  if (value === undefined || value === null) return todo(question, key);
  if (isTodo(value)) return todo(value.todo, key);
  return value;
}

export function profileView(profile: Profile): Input {
  const { organization } = profile;
  const type = organization.type;
  const size = organization.size;
  // A recommendation that names a role names it as this organization does (roles.<role>.name).
  const roleNames: RoleNames = Object.fromEntries(ROLE_KEYS.flatMap((key) => (profile.roles[key]?.name ? [[key, profile.roles[key].name]] : [])));
  const rule = <T>(value: T | Todo | undefined, key: string): T | Todo => fact(value, key, ruleQuestion(key, size, roleNames));

  // ── people ──────────────────────────────────────────────────────────────────────────────────
  const peopleById = new Map(profile.people.map((person, index) => [person.id, { person, index }] as const));
  const holders = (role: RoleKey): Person[] => profile.people.filter((p) => p.roles.includes(role));
  const personKey = (person: Person, field: string) => `people.${peopleById.get(person.id)!.index}.${field}`;
  const head = holders('head')[0];

  const baseTerms = TERMS[type];
  const terms: Terms = {
    ...baseTerms,
    ...(head ? { head: head.title } : {}),
    ...profile.terms,
  };

  const wording = rolesPreset(type, terms, profile.rules.audit.kind);
  const renamed = <K extends keyof Roles>(key: K): Roles[K] => {
    const own = profile.roles[key as keyof typeof profile.roles];
    return { ...wording[key], ...(own?.name ? { name: own.name } : {}), ...(own?.duty ? { duty: own.duty } : {}) };
  };
  const titlesOf = (people: Person[]) => people.map((p) => p.title).join('・');
  const joinedOrNull = (people: Person[], field: 'name' | 'phone' | 'email') => {
    const values = people.map((p) => p[field]).filter((v): v is NonNullable<typeof v> => v !== null);
    if (!values.length) return null;
    if (values.length === 1) return isTodo(values[0]) ? todo(values[0].todo, personKey(people[0]!, field)) : values[0];
    return values.map((v) => (isTodo(v) ? '' : v)).filter(Boolean).join('、') || null;
  };
  const roleView = (key: Exclude<keyof Roles, 'departmentOfficer'>, profileRole: RoleKey) => {
    const people = holders(profileRole);
    return {
      ...renamed(key),
      title: people.length ? titlesOf(people) : todo(`${ROLE_LABELS[profileRole]}を務める人の役職`, `people[].roles: ${profileRole}`),
      person: joinedOrNull(people, 'name'),
      phone: joinedOrNull(people, 'phone'),
      email: joinedOrNull(people, 'email'),
    };
  };
  const securityOfficer = roleView('securityOfficer', 'securityOfficer');
  const departmentHeads = profile.departments.map((d) => peopleById.get(d.head)?.person.title ?? d.name);
  const roles = {
    securityOfficer,
    // Without departments there is no 部門責任者: the text's duties of the role fall to the security officer.
    departmentOfficer: profile.departments.length
      ? { ...renamed('departmentOfficer'), titles: departmentHeads }
      : { ...renamed('departmentOfficer'), name: securityOfficer.name, titles: [] },
    systemAdmin: roleView('systemAdmin', 'systemAdmin'),
    educationOfficer: roleView('educationOfficer', 'educationOfficer'),
    incidentOfficer: roleView('incidentOfficer', 'incidentOfficer'),
    complaintsOfficer: roleView('complaintsOfficer', 'complaintsOfficer'),
    privacyOfficer: roleView('privacyOfficer', 'privacyOfficer'),
    auditor: roleView('auditor', 'auditor'),
    myNumberManager: roleView('myNumberManager', 'myNumberManager'),
    myNumberClerk: roleView('myNumberClerk', 'myNumberClerk'),
  } as Roles;

  const presetLevels = confidentialityPreset(type, terms);
  // Without departments nobody is a 所属部門長: the security officer approves taking out what a department head would.
  const departmentApprover = presetLevels.levels[1]?.takeOutApprover;
  const confidentiality = deepMerge(
    profile.departments.length || profile.confidentiality.levels
      ? presetLevels
      : { ...presetLevels, levels: presetLevels.levels.map((level) => (level.takeOutApprover === departmentApprover ? { ...level, takeOutApprover: securityOfficer.name } : level)) },
    profile.confidentiality,
  ) as PresetContext['confidentiality'];

  // ── inventory ───────────────────────────────────────────────────────────────────────────────
  const inventory = profile.inventory;
  const itemIndex = new Map(inventory.map((item, index) => [item.id, index] as const));
  const itemKey = (item: InventoryItem, field: string) => `inventory.${itemIndex.get(item.id)!}.${field}`;
  const display = (item: InventoryItem): string | Todo =>
    item.name ?? (item.product === undefined ? todo(`${KINDS[item.kind].label}「${item.id}」の名前か製品名`, itemKey(item, 'product')) : fact(item.product, itemKey(item, 'product'), ''));
  const kindLabel = (item: InventoryItem) => item.label ?? KINDS[item.kind].label;
  const productOf = (item: InventoryItem) =>
    item.product === undefined && item.name !== undefined ? item.name : fact(item.product, itemKey(item, 'product'), `${kindLabel(item)}「${item.name ?? item.id}」の製品名`);
  const vendorOf = (item: InventoryItem) => fact(item.vendor, itemKey(item, 'vendor'), `${kindLabel(item)}「${item.name ?? item.product ?? item.id}」の開発・販売元`);
  const versionOf = (item: InventoryItem) => fact(item.version, itemKey(item, 'version'), `${kindLabel(item)}「${item.name ?? item.product ?? item.id}」の標準とするバージョン（例: 最新版、11以降）`);
  const plainName = (item: InventoryItem) => item.name ?? (typeof item.product === 'string' ? item.product : item.id);
  const byId = (id: string) => inventory.find((item) => item.id === id);
  const where = (test: (item: InventoryItem) => boolean) => inventory.filter(test);

  const backups = inventory.flatMap((item) =>
    Array.isArray(item.backup) ? item.backup.map((entry, index) => ({ item, entry, index })) : [],
  );
  const destinations = [...new Set(backups.map(({ entry }) => entry.to))].map(byId).filter((item): item is InventoryItem => item !== undefined);
  const cloudBackup = destinations.some((item) => KINDS[item.kind].cloud === true);
  const critical = where((item) => item.critical !== undefined);
  const logSources = where((item) => item.logs !== undefined);
  const serverDevices = where((item) => KINDS[item.kind].serverDevice === true);
  const networkDevices = where((item) => KINDS[item.kind].networkDevice === true);

  // ── options (parts that apply) ──────────────────────────────────────────────────────────────
  const telework = profile.telework;
  const teleworkOn = telework === undefined || !isNone(telework);
  const myNumber = profile.myNumber;
  const myNumberOn = myNumber === undefined || !isNone(myNumber);
  const options = {
    telework: teleworkOn,
    privateDevices: profile.rules.privateDevices.use,
    systemDevelopment: organization.developsSoftware ?? size === 'medium',
    cloudBackup,
    myNumber: myNumberOn,
  };

  const derivedInput: Input = { organization: { type }, options, terms, roles, confidentiality };
  const ctx: PresetContext = { type, terms, roles, confidentiality, input: derivedInput };
  const org = organizationalDefaults(ctx);
  const human = humanDefaults(ctx);
  const physical = physicalDefaults(ctx);
  const technical = technicalDefaults(ctx);
  const companion = companionDefaults(ctx);

  // ── 1 組織的対策 ─────────────────────────────────────────────────────────────────────────────
  const r = profile.rules;
  const gapRow = (key: string, question: string) => [{ target: todo(question, key), method: '' }];
  const accounts = r.accounts;
  const accountClass = (which: 'privileged' | 'general') => {
    const given = accounts[which] as Record<string, unknown> | undefined;
    const fields = which === 'general' ? ['lockoutThreshold', 'lockoutDuration', 'lockoutUnit', 'minLength', 'fallbackMinLength'] : ['lockoutThreshold', 'lockoutDuration', 'lockoutUnit', 'minLength'];
    return Object.fromEntries(fields.map((field) => [field, rule(given?.[field] as string | number | undefined, `rules.accounts.${which}.${field}`)]));
  };
  const osNames = where((item) => item.kind === 'pc-os' || item.kind === 'server-os').map((item) => `${String(item.product ?? '')} ${item.name ?? ''}`);
  const forbiddenPrivilegedNames = [
    ...(osNames.some((name) => /windows/iu.test(name)) ? ['WindowsOS：administrator、admin'] : []),
    ...(osNames.some((name) => /linux|ubuntu|debian|red\s*hat|rhel|centos|alma|rocky|suse/iu.test(name)) ? ['LinuxOS：root'] : []),
  ];

  const personTitle = (id: string, key: string) => peopleById.get(id)?.person.title ?? todo(`「${id}」に当たる人（people の id）`, key);
  // The recovery table's column is 関係者連絡先: a vendor with what it looks after and where its contact is written.
  const vendorLabel = (vendor: Profile['vendors'][number]) => {
    const notes = [vendor.service, vendor.contact].filter((note): note is string => note !== null);
    return notes.length ? `${vendor.name}（${notes.join('、')}）` : vendor.name;
  };
  const vendorName = (idOrText: string) => {
    const vendor = profile.vendors.find((v) => v.id === idOrText);
    return vendor ? vendorLabel(vendor) : idOrText;
  };
  const emergencyPeople = (r.incident.emergencyContacts ?? [])
    .map((id) => peopleById.get(id)?.person)
    .filter((p): p is Person => p !== undefined);
  const defaultEmergency = [...new Set([head, ...holders('incidentOfficer'), ...holders('systemAdmin')].filter((p): p is Person => p !== undefined))];
  const rolesOf = (person: Person) =>
    (['incidentOfficer', 'systemAdmin', 'securityOfficer'] as const).filter((role) => person.roles.includes(role)).map((role) => roles[role].name);
  const incidentContacts: { name: string | Todo; phone: string | Todo | null; phoneLabel?: '携帯電話' | '電話'; email: string | Todo | null }[] = (r.incident.emergencyContacts ? emergencyPeople : defaultEmergency).map((person) => {
    const named = rolesOf(person);
    return {
      name: person.roles.includes('head') || !named.length ? person.title : `${named.join('・')}（${person.title}）`,
      phone: fact(person.mobile ?? person.phone, personKey(person, 'mobile'), `${person.title}の緊急連絡先の電話番号（携帯電話）`),
      // Only a mobile number is printed as 携帯電話; an office number keeps its own label.
      phoneLabel: person.mobile === null && person.phone !== null ? ('電話' as const) : ('携帯電話' as const),
      email: fact(person.email, personKey(person, 'email'), `${person.title}の緊急連絡先のメールアドレス`),
    };
  });
  // `emergencyContacts: []` is an answer (no 連絡網: 9.3 says to report to the responsible person); nobody to list otherwise is a gap.
  if (!incidentContacts.length && r.incident.emergencyContacts === undefined) incidentContacts.push({ name: todo('緊急連絡網に載せる人（インシデント対応責任者・システム管理者など）', 'people[].roles'), phone: null, email: null });

  const pressHolders = holders('publicRelations');
  const systemRow = critical.length
    ? {
        ofSystem: true,
        targets: [
          ...(critical.some((item) => !KINDS[item.kind].cloud) ? ['ハードウェア', 'ソフトウェア'] : []),
          ...(networkDevices.length ? ['ネットワーク機器'] : []),
          ...(critical.some((item) => KINDS[item.kind].cloud) ? ['クラウドサービス'] : []),
          '回線サービス',
          ...(critical.some((item) => Array.isArray(item.backup) && item.backup.some((entry) => KINDS[byId(entry.to)?.kind ?? 'server'].cloud)) ? ['バックアップクラウドサーバー'] : []),
        ],
        owners: [
          ...new Set(
            critical.flatMap((item) =>
              item.critical!.owners?.length
                ? item.critical!.owners.map((id, i) => personTitle(id, itemKey(item, `critical.owners.${i}`)))
                : [roles.incidentOfficer.name, roles.systemAdmin.name],
            ),
          ),
        ],
        contacts: [
          ...new Set(
            profile.vendors
              .filter((vendor) => vendor.supports.some((id) => critical.some((item) => item.id === id) || destinations.some((d) => d.id === id) || networkDevices.some((n) => n.id === id)))
              .map(vendorLabel),
          ),
        ],
      }
    : null;
  const recovery: { ofSystem: boolean; targets: (string | Todo)[]; owners: (string | Todo)[]; contacts: string[] }[] = [
    ...(systemRow ? [systemRow] : []),
    ...profile.continuity.recovery.map((row, index) => ({
      ofSystem: false,
      targets: row.targets,
      owners: row.owners.map((id, i) => personTitle(id, `continuity.recovery.${index}.owners.${i}`)),
      contacts: row.contacts.map(vendorName),
    })),
  ];
  // 9.8 introduces the table: with no critical system and no other row it asks for them rather than print a header alone.
  if (!recovery.length) {
    recovery.push({
      ofSystem: false,
      targets: [todo('事業の中断に備えて復旧責任者を決める被害対象（事業に欠かせないシステムは inventory の critical、電源設備・空調機・人的被害などは continuity.recovery）', 'continuity.recovery')],
      owners: [todo('被害対象ごとの復旧責任者（continuity.recovery の owners）', 'continuity.recovery')],
      contacts: [],
    });
  }

  // Several systems' operations read as one list; one still left as { todo } is that item's gap, not dropped from the list.
  const openOperations = critical.find((item) => isTodo(item.critical!.operations));
  const organizational = {
    audit: { kind: r.audit.kind, month: fact(r.audit.month, 'rules.audit.month', '監査・点検を行う月（例: 毎年9月）') },
    informationSharing: r.informationSources ? { sources: r.informationSources } : org.informationSharing,
    basicPolicy: {
      publicationMethods: r.policyAccess ?? [todo(`基本方針・規程を${terms.staff}が参照できるようにする方法（例: 共有フォルダーへの格納）`, 'rules.policyAccess')],
    },
    assets: {
      labeling: r.labeling ?? gapRow('rules.labeling', '機密性の表示方法（例: 電子データ：ファイル名の先頭に表示）'),
      storage: r.storage ?? gapRow('rules.storage', '非公開の情報資産の保管方法（例: 書類：施錠可能なキャビネット）'),
      laptopEncryption: r.laptopEncryption,
      smallMediaMeasure: r.smallMediaMeasure,
      externalSystemProviders: r.externalSystemProviders ?? org.assets.externalSystemProviders,
    },
    accounts: {
      removalDeadline: accounts.removalDeadline ?? org.accounts.removalDeadline,
      forbiddenPrivilegedNames,
      generalAccountNames: accounts.generalAccountNames ?? org.accounts.generalAccountNames,
      privileged: accountClass('privileged'),
      general: accountClass('general'),
      unlockMinLength: rule(accounts.unlockMinLength, 'rules.accounts.unlockMinLength'),
    },
    email: { confidentialSending: r.confidentialEmail },
    outsourcing: {
      ...org.outsourcing,
      threshold: thresholdAt(confidentiality.levels, r.outsourcing.threshold),
      criteria: r.outsourcing.criteria,
      contractItems: r.outsourcing.contractItems ?? org.outsourcing.contractItems,
      checklist: r.outsourcing.checklist ?? org.outsourcing.checklist,
      evaluationFrequency: rule(r.outsourcing.reviewFrequency, 'rules.outsourcing.reviewFrequency'),
      sharingCounterparties: r.outsourcing.sharingCounterparties ?? org.outsourcing.sharingCounterparties,
    },
    incident: {
      ...org.incident,
      contacts: incidentContacts,
      pressDepartment: pressHolders.length ? titlesOf(pressHolders) : todo('インシデント時に報道発表を準備する人の役職', 'people[].roles: publicRelations'),
      policeDesk: profile.contacts.police ?? org.incident.policeDesk,
      otherAuthorities: profile.contacts.authorities.map((authority) => ({ ...authority, reportWhen: authority.reportWhen ?? null })),
      ipaDesks: profile.contacts.ipaDesks ?? org.incident.ipaDesks,
      lessonsFrequency: rule(r.incident.lessonsFrequency, 'rules.incident.lessonsFrequency'),
      bcp: {
        system: critical.length ? critical.map(plainName).join('、') : todo('事業の継続に欠かせないシステム（inventory の critical）', 'inventory'),
        cause: profile.continuity.cause ?? org.incident.bcp.cause,
        operations: openOperations
          ? fact(openOperations.critical!.operations, itemKey(openOperations, 'critical.operations'), '')
          : critical.length
            ? critical.map((item) => item.critical!.operations as string).join('、')
            : todo('事業の継続に欠かせないシステムに依存している業務（inventory の critical.operations）', 'inventory'),
        recovery,
      },
    },
  };

  // ── 2 人的対策 ───────────────────────────────────────────────────────────────────────────────
  const admins = holders('systemAdmin');
  const adminContact = (phoneField: 'phone' | 'mobile') =>
    admins.length
      ? admins.map((person) => ({
          role: roles.systemAdmin.name,
          title: person.title,
          phone: fact(phoneField === 'mobile' ? (person.mobile ?? person.phone) : person.phone, personKey(person, phoneField), `${person.title}の${phoneField === 'mobile' ? '緊急連絡先の電話番号（携帯電話）' : '電話番号'}`),
          email: fact(person.email, personKey(person, 'email'), `${person.title}のメールアドレス`),
        }))
      : [{ role: roles.systemAdmin.name, title: roles.systemAdmin.title, phone: null, email: null }];
  const teleworkProfile = teleworkOn && telework !== undefined && !isNone(telework) ? (telework as Exclude<Profile['telework'], false | 'none' | 'なし' | undefined>) : null;
  const humanView = {
    employment: r.employment,
    duties: { secretsThreshold: thresholdAt(confidentiality.levels, r.secretsThreshold) },
    education: {
      ...human.education,
      audience: r.education.audience ?? human.education.audience,
      frequency: rule(r.education.frequency, 'rules.education.frequency'),
      topics: r.education.topics ?? human.education.topics,
      recordItems: r.education.recordItems ?? human.education.recordItems,
    },
    development: { qualifications: r.education.qualifications ?? human.development.qualifications },
    telework: {
      systems: orGap(where((item) => item.telework !== undefined).map((item) => ({
        kind: item.label ?? item.name ?? KINDS[item.kind].label,
        // A product left as { todo } is a gap at the item's own key, however the row is labelled.
        product: item.product === undefined ? null : fact(item.product, itemKey(item, 'product'), ''),
        uses: item.telework!.uses,
        procedures: item.telework!.procedures,
        url: item.telework!.url,
        manual: item.telework!.manual,
      })), () => {
        const gap = todo('テレワークで使う情報システム・サービスと用途（inventory の telework）', 'inventory[].telework');
        return { kind: gap, product: null, uses: [], procedures: [], url: null, manual: null };
      }),
      devices: teleworkProfile
        ? teleworkProfile.devices.map((device) => ({
            device: device.device,
            ownedFor: isEveryone(device.lentTo) || isNone(device.lent) ? null : device.lentTo,
            owned: isNone(device.lent) ? [] : device.lent,
            private: device.private,
            privateAlternatives: device.privateAlternatives,
          }))
        : [{ device: todo('テレワークで使う情報機器（telework.devices）', 'telework'), ownedFor: null, owned: [], private: 'prohibited', privateAlternatives: null }],
      configurations: teleworkProfile?.configurations ?? ['cloud'],
      apps: where((item) => item.app !== undefined).map((item) => ({ purpose: item.app!, product: display(item) })),
      networks: teleworkProfile?.networks ?? ['wiredHub', 'wirelessRouter'],
      inquiryContacts: adminContact('phone'),
      emergencyContacts: adminContact('mobile'),
    },
  };

  // ── 3 物理的対策 ─────────────────────────────────────────────────────────────────────────────
  const levelDefaults = new Map(physical.entry.areas.map((area, index) => [index + 1, area] as const));
  const areas = [...profile.areas]
    .map((area, index) => ({ area, index }))
    .sort((a, b) => a.area.level - b.area.level || a.index - b.index)
    .map(({ area, index }) => {
      const defaults = levelDefaults.get(area.level)!;
      const key = (field: string) => `areas.${index}.${field}`;
      return {
        name: `レベル${area.level}領域`,
        places: area.rooms.join('・'),
        users: area.users ?? defaults.users,
        locking: fact(area.locking, key('locking'), ''),
        devices: fact(area.devices, key('devices'), ''),
        restrictions: area.restrictions ?? defaults.restrictions,
        visitors: area.visitors ?? defaults.visitors,
        records: area.records === null ? null : fact(area.records, key('records'), ''),
        intrusionDetection: area.intrusionDetection === null ? null : fact(area.intrusionDetection, key('intrusionDetection'), ''),
        visitorBadge: area.visitorBadge ?? (area.level === 1 ? '着用不要' : '要着用'),
        fireProtection: fact(area.fireProtection, key('fireProtection'), ''),
      };
    });
  const serverRule = physical.facilities[physical.facilities.length - 1]!;
  const physicalView = {
    entry: {
      areas: areas.length
        ? areas
        : [
            (() => {
              const gap = todo('セキュリティ領域（レベル1: 来客も入る場所、レベル2: 執務室…）ごとの部屋・場所と、施錠・設置機器・火災対策（areas）', 'areas');
              return { name: 'セキュリティ領域', places: gap, users: gap, locking: gap, devices: gap, restrictions: gap, visitors: gap, records: gap, intrusionDetection: gap, visitorBadge: gap, fireProtection: gap };
            })(),
          ],
      logRetention: rule(r.physical.entryLogRetention, 'rules.physical.entryLogRetention'),
      logItems: r.physical.entryLogItems ?? physical.entry.logItems,
    },
    // The sample's rule on locking servers stands unless the organization writes its own list of facilities.
    facilities: r.physical.facilities ?? (serverDevices.length ? [serverRule] : []),
    deliveries: profile.sites.filter((site) => site.deliveries.length).map((site) => ({ site: site.name, routes: site.deliveries })),
    clearScreen: { lockMinutes: rule(r.physical.screenLockMinutes, 'rules.physical.screenLockMinutes') },
    disposal: { methods: r.physical.disposal ?? physical.disposal.methods, reuse: r.physical.reuse ?? physical.disposal.reuse },
  };

  // ── 4 技術的対策 ─────────────────────────────────────────────────────────────────────────────
  // Every organization states how access is controlled and how users and devices are authenticated: an empty table is a gap.
  const METHOD_QUESTIONS = {
    access: 'アクセス制御の対象とする情報システム・サービスとその方法（inventory の access）',
    auth: '情報システム・サービスごとの利用者認証の方法（inventory の auth）',
    deviceAuth: '情報システムごとの端末認証の方法（inventory の deviceAuth。例: Wi-Fiルーターに端末を登録）',
  } as const;
  const methodRows = (field: 'access' | 'auth' | 'deviceAuth') => {
    const rows = where((item) => item[field] !== undefined).map((item) => ({ system: display(item), method: fact(item[field], itemKey(item, field), '') }));
    return rows.length ? rows : [{ system: todo(METHOD_QUESTIONS[field], `inventory[].${field}`), method: todo(METHOD_QUESTIONS[field], `inventory[].${field}`) }];
  };
  const standardRow = (item: InventoryItem) => ({ kind: kindLabel(item), name: productOf(item), vendor: vendorOf(item), version: versionOf(item) });
  const updateGroups = ['パソコンOS', '業務用ソフト', 'ブラウザ', 'スマートフォンOS']
    .map((group) => ({
      kind: group,
      items: where((item) => KINDS[item.kind].updateGroup === group).map((item) => ({
        name: productOf(item),
        vendor: vendorOf(item),
        method: fact(item.update, itemKey(item, 'update'), `「${plainName(item)}」を最新の状態に保つ方法（例: 自動アップデートを有効にする。）`),
      })),
    }))
    .filter((group) => group.items.length);
  // Machines the organization has get their security requirements stated: none stated is a gap.
  // Each device's requirements; `requirements: []` says a device has none. While no device states any,
  // one gap stands for the table; once some do, a device left unstated is a gap of its own.
  const requirementRows = (items: InventoryItem[], what: string) => {
    if (items.length && items.every((item) => item.requirements === undefined)) {
      const gap = todo(`${what}の情報セキュリティ要件（inventory の requirements。例: 利用者認証機能、管理画面の初期パスワードの変更）`, 'inventory[].requirements');
      return [{ device: gap, requirements: [{ requirement: gap, product: null }] }];
    }
    return items
      .filter((item) => item.requirements === undefined || item.requirements.length > 0)
      .map((item) => ({
        device: display(item),
        requirements:
          item.requirements === undefined
            ? [{ requirement: todo(`${kindLabel(item)}「${item.name ?? item.product ?? item.id}」の情報セキュリティ要件（ない場合は requirements: []）`, itemKey(item, 'requirements')), product: null }]
            : item.requirements.map((req, i) => ({
                requirement: fact(req.requirement, itemKey(item, `requirements.${i}.requirement`), ''),
                product: req.product === null ? null : fact(req.product, itemKey(item, `requirements.${i}.product`), ''),
              })),
      }));
  };
  const logs = r.logs;
  const authLogRetention = rule(logs.authentication?.retention, 'rules.logs.authentication.retention');
  const technicalView = {
    accessControl: { systems: methodRows('access'), userAuthentication: methodRows('auth'), deviceAuthentication: methodRows('deviceAuth') },
    software: {
      scanFrequency: rule(r.software.virusScan, 'rules.software.virusScan'),
      standard: orGap(where((item) => KINDS[item.kind].standardSoftware === true).map(standardRow), () => {
        const gap = todo('パソコンで使う標準ソフトウェア（inventory の pc-os・office・browser・pc-antivirus など）', 'inventory');
        return { kind: gap, name: gap, vendor: gap, version: gap };
      }),
      updates: orGap(updateGroups, () => {
        const gap = todo('パソコンのOS・ソフトウェアを最新の状態に保つ方法（inventory の update）', 'inventory[].update');
        return { kind: 'パソコンOS', items: [{ name: gap, vendor: gap, method: gap }] };
      }),
      definitionUpdates: orGap(
        where((item) => KINDS[item.kind].antivirus === true && item.kind !== 'server-antivirus').map((item) => ({
          kind: kindLabel(item),
          name: productOf(item),
          vendor: vendorOf(item),
          method: fact(item.definitions, itemKey(item, 'definitions'), `「${plainName(item)}」の定義ファイルの更新方法（例: 定義ファイル更新方法を自動に設定する）`),
        })),
        () => {
          const gap = todo('パソコンのウイルス対策ソフト（inventory の pc-antivirus）', 'inventory');
          return { kind: 'パソコン用ウイルス対策', name: gap, vendor: gap, method: gap };
        },
      ),
    },
    webRestriction: r.software.webRestriction,
    privateDevices: { remoteAccess: r.privateDevices.remoteAccess, bringIn: r.privateDevices.bringIn, officeLan: r.privateDevices.officeLan },
    infrastructure: {
      softwareLists: r.software.serverSoftwareLists,
      serverRequirements: requirementRows(serverDevices, 'サーバー・NAS'),
      serverSoftware: where((item) => KINDS[item.kind].serverSoftware === true).map(standardRow),
      networkRequirements: requirementRows(networkDevices, 'ネットワーク機器'),
      networkDevices: networkDevices.map(standardRow),
    },
    logs: {
      scope: [...logSources.map((item) => item.logs!.scope ?? `${plainName(item)}のログ`), technical.logs.scope[technical.logs.scope.length - 1]!],
      kinds: [
        ...logSources.map((item) => ({
          kind: plainName(item),
          retention: fact(item.logs!.retention, itemKey(item, 'logs.retention'), ''),
          items: fact(item.logs!.items, itemKey(item, 'logs.items'), ''),
        })),
        { kind: 'PC等の認証ログ', retention: authLogRetention, items: logs.authentication?.items ?? technical.logs.kinds[technical.logs.kinds.length - 1]!.items },
      ],
      cloudRetention: rule(logs.cloudRetention, 'rules.logs.cloudRetention'),
      reviews: [
        {
          target: 'PC等の認証ログ',
          frequency: rule(logs.authenticationReview?.frequency, 'rules.logs.authenticationReview.frequency'),
          checks: logs.authenticationReview?.checks ?? technical.logs.reviews[0]!.checks,
        },
        // A log with its own review is a row of its own; the others share 「その他のログ」.
        ...logSources
          .filter((item) => item.logs!.review)
          .map((item) => ({
            target: `${plainName(item)}のログ`,
            frequency: fact(item.logs!.review!.frequency, itemKey(item, 'logs.review.frequency'), ''),
            checks: item.logs!.review!.checks,
          })),
        ...(logSources.some((item) => !item.logs!.review)
          ? [
              {
                target: `その他のログ（${logSources.filter((item) => !item.logs!.review).map(plainName).join('、')}）`,
                frequency: rule(logs.otherReview?.frequency, 'rules.logs.otherReview.frequency'),
                checks: logs.otherReview?.checks ?? technical.logs.reviews[1]!.checks,
              },
            ]
          : []),
      ],
      procedureReview: rule(logs.procedureReview, 'rules.logs.procedureReview'),
    },
    continuity: {
      backup: {
        targets: orGap(backups.map(({ item, entry, index }) => ({
          device: display(item),
          data: entry.data,
          method: fact(entry.method, itemKey(item, `backup.${index}.method`), ''),
          destination: byId(entry.to) ? display(byId(entry.to)!) : todo(`バックアップの保管先「${entry.to}」（inventory の id）`, itemKey(item, `backup.${index}.to`)),
        })), () => {
          const gap = todo('バックアップを取る機器・システムと、その方法・保管先・頻度・保管期間（inventory の backup）', 'inventory[].backup');
          return { device: gap, data: 'データ', method: gap, destination: gap };
        }),
        mediaStorage: destinations.filter((item) => item.storage !== undefined).map((item) => ({ medium: item.label ?? plainName(item), place: item.storage! })),
        schedule: orGap(
          uniqueRows(
            backups.map(({ item, entry, index }) => ({
              data: entry.category ?? entry.data,
              frequency: fact(entry.every, itemKey(item, `backup.${index}.every`), ''),
              retention: fact(entry.keep, itemKey(item, `backup.${index}.keep`), ''),
            })),
          ),
          () => {
            const gap = todo('バックアップを取る機器・システムと、その方法・保管先・頻度・保管期間（inventory の backup）', 'inventory[].backup');
            return { data: 'データ', frequency: gap, retention: gap };
          },
        ),
      },
      restore: {
        rpo: critical.filter((item) => item.critical!.rpo).map((item) => ({ system: display(item), target: fact(item.critical!.rpo!.target, itemKey(item, 'critical.rpo.target'), ''), reason: item.critical!.rpo!.reason })),
        rto: critical.filter((item) => item.critical!.rto).map((item) => ({ system: display(item), target: fact(item.critical!.rto!.target, itemKey(item, 'critical.rto.target'), ''), reason: item.critical!.rto!.reason })),
        trainingFrequency: rule(r.backup.restoreTraining, 'rules.backup.restoreTraining'),
        manualReviewFrequency: rule(r.backup.restoreManualReview, 'rules.backup.restoreManualReview'),
      },
      development: {
        systemDepartment: r.vulnerability.department ?? null,
        vulnerabilitySources: r.vulnerability.sources ?? technical.continuity.development.vulnerabilitySources,
        sourceCheckFrequency: rule(r.vulnerability.sourceCheck, 'rules.vulnerability.sourceCheck'),
        urgencyHighDeadline: rule(r.vulnerability.urgencyHigh, 'rules.vulnerability.urgencyHigh'),
        urgencyMediumDeadline: rule(r.vulnerability.urgencyMedium, 'rules.vulnerability.urgencyMedium'),
        scanFrequency: rule(r.vulnerability.scan, 'rules.vulnerability.scan'),
        statusListReviewFrequency: rule(r.vulnerability.statusListReview, 'rules.vulnerability.statusListReview'),
        procedureReviewFrequency: rule(r.vulnerability.procedureReview, 'rules.vulnerability.procedureReview'),
      },
    },
  };

  // ── the documents made alongside ────────────────────────────────────────────────────────────
  const d = profile.documents;
  const mn = myNumberOn && myNumber !== undefined && !isNone(myNumber) ? (myNumber as Exclude<Profile['myNumber'], false | 'none' | 'なし' | undefined>) : null;
  const subjects = companion.myNumber.subjects;
  // The My Number areas are rooms or desks; each is named with the security area it lies in, whose rules it follows.
  const areaOfRoom = new Map(profile.areas.flatMap((area) => area.rooms.map((room) => [room, `レベル${area.level}領域`] as const)));
  const placesByArea = (places: readonly string[]) => {
    const groups = new Map<string | null, string[]>();
    for (const place of places) {
      const area = areaOfRoom.get(place) ?? null;
      groups.set(area, [...(groups.get(area) ?? []), place]);
    }
    return [...groups].map(([area, grouped]) => ({ places: grouped, area }));
  };
  const companionView = {
    ...companion,
    outputs: d.outputs,
    dateStyle: d.dateStyle ?? companion.dateStyle,
    signatory: head
      ? { title: head.title, name: fact(head.name, personKey(head, 'name'), `基本方針に署名する${head.title}の氏名`) }
      : { title: terms.head, name: todo('代表者（基本方針に署名する人）の役職と氏名', 'people[].roles: head') },
    basicPolicy: {
      ...companion.basicPolicy,
      date: d.basicPolicy.date,
      introduction: d.basicPolicy.introduction,
      commitments: d.basicPolicy.commitments ?? companion.basicPolicy.commitments,
      publication: d.basicPolicy.publication,
    },
    myNumber: {
      ...companion.myNumber,
      policyDate: mn?.policyDate ?? null,
      rulesDate: mn?.rulesDate ?? null,
      subjects: Object.fromEntries(
        Object.entries(subjects).map(([who, subject]) => {
          const own = mn?.subjects[who as keyof typeof subjects];
          return [who, { label: own?.label ?? subject.label, purposes: own?.purposes ?? subject.purposes }];
        }),
      ),
      contact: mn
        ? { desk: fact(mn.contact.desk, 'myNumber.contact.desk', ''), phone: mn.contact.phone === null ? null : fact(mn.contact.phone, 'myNumber.contact.phone', ''), email: mn.contact.email === null ? null : fact(mn.contact.email, 'myNumber.contact.email', ''), hours: mn.contact.hours }
        : { desk: todo('特定個人情報等に関するお問合せ窓口（myNumber.contact.desk）', 'myNumber.contact.desk'), phone: null, email: null, hours: null },
      publication: mn?.publication ?? d.basicPolicy.publication,
      deletionTiming: rule(mn?.deletionTiming, 'myNumber.deletionTiming'),
      managementArea: mn ? placesByArea(mn.managementArea) : [{ places: [todo('管理区域とする部屋・場所（myNumber.managementArea）', 'myNumber.managementArea')], area: null }],
      handlingArea: mn ? placesByArea(mn.handlingArea) : [{ places: [todo('取扱区域とする部屋・席（myNumber.handlingArea）', 'myNumber.handlingArea')], area: null }],
    },
    contract: {
      ...companion.contract,
      contractor: d.contract.contractor,
      clauses: d.contract.clauses ?? companion.contract.clauses,
      reportingDeadline: rule(d.contract.reportingDeadline, 'documents.contract.reportingDeadline'),
      damagesCap: d.contract.damagesCap,
      incidentNoticeHours: rule(d.contract.incidentNoticeHours, 'documents.contract.incidentNoticeHours'),
      survivalYears: rule(d.contract.survivalYears, 'documents.contract.survivalYears'),
      court: fact(d.contract.court, 'documents.contract.court', '業務委託契約の合意管轄裁判所（例: 東京地方裁判所）'),
    },
    forms: {
      ...companion.forms,
      exitChecklist: d.forms.exitChecklist ?? companion.forms.exitChecklist,
      sharingChecksheet: d.forms.sharingChecksheet ?? companion.forms.sharingChecksheet,
      assetLedgerRows: d.forms.assetLedgerRows,
    },
    packTitle: d.packTitle ?? companion.packTitle,
  };

  // Telework devices that may be private ones: the rules for private PCs and smartphones apply only to the kinds allowed.
  const privateTelework = teleworkProfile && r.privateDevices.use === 'permitted' ? teleworkProfile.devices.filter((device) => device.private !== 'prohibited') : [];
  // Devices the organization lends: the rules for its PCs, smartphones and media apply only to the kinds it lends
  // (while the devices are not yet stated, all of the sample's rules stay, beside the gap in the table).
  const lendsTelework = (kind: (typeof TELEWORK_DEVICE_KINDS)[number]): boolean =>
    teleworkProfile === null || teleworkProfile.devices.some((device) => !isNone(device.lent) && teleworkDeviceKind(device) === kind);

  const doc = profile.document;
  // Which smartphone OSes the organization has, read off its inventory's mobile OS items.
  const mobileOses = where((item) => item.kind === 'mobile-os').map((item) => `${item.name ?? ''} ${item.product ?? ''}`);
  const runs = (pattern: RegExp) => mobileOses.some((text) => pattern.test(text));
  const knownOses = mobileOses.length > 0 && mobileOses.every((text) => ANDROID.test(text) || IOS.test(text));
  const androidDevices = !knownOses || runs(ANDROID);
  const iosDevices = !knownOses || runs(IOS);
  const privateMobile = privateTelework.some((device) => teleworkDeviceKind(device) === 'mobile');
  const has: Has = {
    departments: profile.departments.length > 0,
    servers: serverDevices.length > 0,
    serverSoftware: where((item) => KINDS[item.kind].serverSoftware === true).length > 0,
    networkDevices: networkDevices.length > 0,
    serverRequirements: technicalView.infrastructure.serverRequirements.length > 0,
    networkRequirements: technicalView.infrastructure.networkRequirements.length > 0,
    firewall: where((item) => item.kind === 'firewall' || item.kind === 'utm').length > 0,
    wifi: where((item) => item.kind === 'wifi').length > 0,
    vpn: where((item) => item.kind === 'vpn').length > 0 || (teleworkProfile?.configurations.includes('vpn') ?? false),
    website: where((item) => item.kind === 'website').length > 0,
    cloudServices: where((item) => KINDS[item.kind].cloud === true).length > 0,
    logSources: logSources.length > 0,
    backups: backups.length > 0,
    criticalSystems: critical.length > 0,
    mobile: where((item) => item.kind === 'mobile-os' || item.kind === 'mobile-antivirus').length > 0,
    deliveries: physicalView.deliveries.length > 0,
    facilities: physicalView.facilities.length > 0,
    teleworkApps: humanView.telework.apps.length > 0,
    teleworkPrivateDevices: privateTelework.length > 0,
    teleworkPrivatePc: privateTelework.some((device) => teleworkDeviceKind(device) === 'pc'),
    teleworkPrivateMobile: privateMobile,
    teleworkOwnedPc: lendsTelework('pc'),
    teleworkOwnedMobile: lendsTelework('mobile'),
    teleworkOwnedMedia: lendsTelework('media'),
    androidDevices,
    mdm: where((item) => item.kind === 'mdm').length > 0,
    iosDevices,
    androidStore: androidDevices || privateMobile,
    iosStore: iosDevices || privateMobile,
    teleworkRemote: humanView.telework.configurations.some((configuration) => configuration === 'vpn' || configuration === 'remoteDesktop'),
    recoveryTargets: technicalView.continuity.restore.rpo.length + technicalView.continuity.restore.rto.length > 0,
  };

  return {
    organization: {
      name: organization.name,
      type,
      business: fact(organization.business, 'organization.business', '事業内容（例: 住宅・店舗の設計及び工事監理）'),
      address: organization.address,
    },
    document: {
      version: doc.version,
      effectiveDate: fact(doc.effectiveDate, 'document.effectiveDate', '施行日（YYYY-MM-DD）'),
      approver: doc.approver ?? (head ? head.title : todo('規程を承認する人・機関（例: 取締役会）', 'document.approver')),
      classification: doc.classification,
      revisions: doc.revisions,
      chapterRevised: { organizational: null, human: null, physical: null, technical: null, ...doc.chapterRevised },
      chapterScope: { ...scopesPreset(type, terms), ...doc.chapterScope },
      fonts: doc.fonts,
    },
    terms,
    roles,
    confidentiality,
    options,
    organizational,
    human: humanView,
    physical: physicalView,
    technical: technicalView,
    companion: companionView,
    has,
    // Overlay directories, already resolved against the files that name them (src/answers/templates.ts).
    templates: profile.templates === undefined ? [] : typeof profile.templates === 'string' ? [profile.templates] : profile.templates,
  };
}

/** The kind of a telework device as written, else as its name says. */
function teleworkDeviceKind(device: TeleworkProfile['devices'][number]): (typeof TELEWORK_DEVICE_KINDS)[number] {
  if (device.kind) return device.kind;
  if (/パソコン|ＰＣ|PC|ノート/iu.test(device.device)) return 'pc';
  if (/スマホ|スマートフォン|タブレット|携帯|iPhone|iPad|Android/iu.test(device.device)) return 'mobile';
  if (/USB|ＵＳＢ|HDD|ＨＤＤ|SSD|媒体|メモリ|メディア/iu.test(device.device)) return 'media';
  return 'other';
}

/** A table the organization must fill: its rows, or one row of gaps when it has none. */
function orGap<T, G>(rows: T[], gapRow: () => G): (T | G)[] {
  return rows.length ? rows : [gapRow()];
}

/** Rows with the same text once, in first-seen order. */
function uniqueRows<T>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
