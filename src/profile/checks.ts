import { didYouMean } from '../suggest.js';
import { confidentialityPreset, TERMS } from '../answers/presets.js';
import { KINDS, type InventoryKind } from './kinds.js';
import { ROLE_LABELS } from './roles.js';
import { isNone, type InventoryItem, type Profile } from './schema.js';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from './types.js';

/**
 * What the profile says that cannot be true together: references to ids nobody defined (errors:
 * the policy would name something that is not there), and contradictions (warnings where the
 * policy stays true but says something the organization likely did not mean; errors where it would
 * be false).
 */

export interface ProfileFinding {
  readonly severity: 'error' | 'warning';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

type Path = (string | number)[];

/** Fields of an inventory item and the kinds whose tables print them; a field elsewhere is lost. */
const FIELD_KINDS: Partial<Record<keyof InventoryItem, (kind: InventoryKind) => boolean>> = {
  definitions: (kind) => KINDS[kind].antivirus === true && kind !== 'server-antivirus',
  update: (kind) => KINDS[kind].updateGroup !== undefined,
  requirements: (kind) => KINDS[kind].serverDevice === true || KINDS[kind].networkDevice === true,
  version: (kind) => KINDS[kind].standardSoftware === true || KINDS[kind].serverSoftware === true || KINDS[kind].networkDevice === true,
};

/** Words that belong to one kind of organization and contradict another's (患者 in a welfare corporation). */
const STAKEHOLDER_WORDS: readonly { readonly word: string; readonly types: readonly OrganizationType[] }[] = [
  { word: '患者', types: ['medical'] },
  { word: '株主', types: ['company'] },
  { word: '組合員', types: ['cooperative'] },
];

export function profileFindings(profile: Profile): ProfileFinding[] {
  const findings: ProfileFinding[] = [];
  const error = (path: Path, message: string) => findings.push({ severity: 'error', path, message });
  const warning = (path: Path, message: string) => findings.push({ severity: 'warning', path, message });

  // ids: unique within their list, and every reference names one.
  const ids = (list: readonly { id: string }[], key: string) => {
    const seen = new Map<string, number>();
    list.forEach((entry, index) => {
      const first = seen.get(entry.id);
      if (first !== undefined) error([key, index, 'id'], `id「${entry.id}」は ${key} の ${first + 1} 番目でも使われています（id は一意にしてください）`);
      else seen.set(entry.id, index);
    });
    return new Set(list.map((entry) => entry.id));
  };
  const people = ids(profile.people, 'people');
  ids(profile.departments, 'departments');
  const inventory = ids(profile.inventory, 'inventory');
  const vendors = ids(profile.vendors, 'vendors');
  ids(profile.sites, 'sites');
  const needPerson = (id: string, path: Path) => {
    if (!people.has(id)) error(path, `「${id}」という人（people の id）がいません${hint(id, people)}`);
  };
  const needItem = (id: string, path: Path) => {
    if (!inventory.has(id)) error(path, `「${id}」という機器・サービス（inventory の id）がありません${hint(id, inventory)}`);
  };

  profile.departments.forEach((department, index) => needPerson(department.head, ['departments', index, 'head']));
  profile.vendors.forEach((vendor, index) => vendor.supports.forEach((id, i) => needItem(id, ['vendors', index, 'supports', i])));
  profile.continuity.recovery.forEach((row, index) => row.owners.forEach((id, i) => needPerson(id, ['continuity', 'recovery', index, 'owners', i])));
  profile.rules.incident.emergencyContacts?.forEach((id, i) => needPerson(id, ['rules', 'incident', 'emergencyContacts', i]));

  const heads = profile.people.map((person, index) => ({ person, index })).filter(({ person }) => person.roles.includes('head'));
  if (heads.length > 1) error(['people', heads[1]!.index, 'roles'], `代表者（head）は1人にしてください（${heads.map(({ person }) => person.title).join('・')}）`);
  const head = heads[0]?.person;

  // The head's title in the text is the signatory's title: a vocabulary override that differs makes the two disagree.
  if (head && profile.terms.head !== undefined && profile.terms.head !== head.title) {
    warning(['terms', 'head'], `本文の代表者「${profile.terms.head}」と、署名する代表者（people の head）の役職「${head.title}」が違います。どちらかに揃えてください（terms.head を消すと役職名が本文にも使われます）`);
  }

  // The auditor checks the others: the same person as the security officer cannot audit their own work.
  for (const person of profile.people) {
    if (person.roles.includes('auditor') && person.roles.includes('securityOfficer')) {
      warning(['people', profile.people.indexOf(person), 'roles'], `${person.title}が${ROLE_LABELS.securityOfficer}と${ROLE_LABELS.auditor}を兼ねています。監査・点検は対策を進める人以外が行うのが原則です`);
    }
  }

  const teleworkOff = profile.telework !== undefined && isNone(profile.telework);
  const myNumberOff = profile.myNumber !== undefined && isNone(profile.myNumber);

  // A facility rule about servers, in an office that lists none, promises a room or rack that is not there.
  if (!profile.inventory.some((item) => KINDS[item.kind].serverDevice === true)) {
    profile.rules.physical.facilities?.forEach((rule, i) => {
      if (/サーバー/u.test(rule)) warning(['rules', 'physical', 'facilities', i], `関連設備の規定がサーバーについて定めていますが、inventory にサーバー・NAS がありません。サーバーがあるなら inventory に書き、なければこの行を消してください`);
    });
  }

  profile.inventory.forEach((item, index) => {
    const at = (field: string): Path => ['inventory', index, field];
    for (const [field, applies] of Object.entries(FIELD_KINDS) as [keyof InventoryItem, (kind: InventoryKind) => boolean][]) {
      if (item[field] !== undefined && !applies(item.kind)) {
        warning(at(field), `${field} は種類 ${item.kind}（${KINDS[item.kind].label}）では文書に載りません`);
      }
    }
    if (Array.isArray(item.backup)) {
      item.backup.forEach((entry, i) => {
        needItem(entry.to, ['inventory', index, 'backup', i, 'to']);
        // 4.3 (backup with a cloud service) follows the kind of the destination, not its name.
        const to = profile.inventory.find((other) => other.id === entry.to);
        if (to && KINDS[to.kind].cloud !== true && CLOUD_WORDS.test(`${to.name ?? ''} ${to.product ?? ''}`)) {
          warning(['inventory', index, 'backup', i, 'to'], `バックアップ先「${to.name ?? to.product}」はクラウドサービスのようですが、種類が ${to.kind}（${KINDS[to.kind].label}）です。クラウドなら kind を cloud-backup か cloud-service にしてください（技術的対策「クラウドサービスを利用したバックアップ」の規定が入ります）`);
        }
      });
    }
    item.critical?.owners?.forEach((id, i) => needPerson(id, ['inventory', index, 'critical', 'owners', i]));
    if (item.holds?.length && item.backup === undefined) {
      warning(at('holds'), `「${item.name ?? item.product ?? item.id}」は情報（${item.holds.join('、')}）を保存していますが、どのバックアップにも入っていません。backup を書くか、バックアップしないなら backup: none と書いてください`);
    }
    if (item.critical && !item.critical.owners?.length && !profile.people.some((p) => p.roles.includes('incidentOfficer') || p.roles.includes('systemAdmin'))) {
      error(at('critical'), `事業継続に欠かせないシステム「${item.name ?? item.product ?? item.id}」の復旧責任者がいません（critical.owners か、インシデント対応責任者・システム管理者を people に書いてください）`);
    }
    if (item.telework && teleworkOff) warning(at('telework'), 'テレワークを行わない（telework: none）ので、テレワークの用途は文書に載りません');
  });

  if (myNumberOff) {
    profile.people.forEach((person, index) => {
      const roles = person.roles.filter((role) => role === 'myNumberManager' || role === 'myNumberClerk');
      if (roles.length) warning(['people', index, 'roles'], `マイナンバーを扱わない（myNumber: none）ので、${roles.map((r) => ROLE_LABELS[r]).join('・')}の役割は文書に載りません`);
    });
  } else if (profile.myNumber !== undefined && typeof profile.myNumber === 'object') {
    const rooms = new Set(profile.areas.flatMap((area) => area.rooms));
    profile.myNumber.managementArea.forEach((room, i) => {
      if (!rooms.has(room)) warning(['myNumber', 'managementArea', i], `「${room}」は areas の部屋・場所にありません。管理区域はセキュリティ領域の中の部屋にしてください${hint(room, rooms)}`);
    });
  }

  // A threshold is one of the confidentiality values: otherwise the text would name a level that does not exist.
  const values = (profile.confidentiality.levels ?? confidentialityPreset(profile.organization.type, TERMS[profile.organization.type]).levels).map((level) => level.value);
  const thresholds: [number | undefined, Path][] = [
    [profile.rules.outsourcing.threshold, ['rules', 'outsourcing', 'threshold']],
    [profile.rules.secretsThreshold, ['rules', 'secretsThreshold']],
  ];
  for (const [value, path] of thresholds) {
    if (value !== undefined && !values.includes(value)) error(path, `${value} は機密性の評価値（${values.join('・')}）のどれでもありません`);
  }

  // Vocabulary that belongs to another kind of organization.
  const stakeholders = profile.terms.stakeholders ?? TERMS[profile.organization.type].stakeholders;
  for (const { word, types } of STAKEHOLDER_WORDS) {
    if (stakeholders.includes(word) && !types.includes(profile.organization.type)) {
      warning(['terms', 'stakeholders'], `「${word}」は${types.map((t) => ORGANIZATION_TYPE_LABELS[t]).join('・')}の語です。組織の種類（${ORGANIZATION_TYPE_LABELS[profile.organization.type]}）に合う語にしてください`);
    }
  }

  // A vendor named as a contact must exist; a plain sentence is fine.
  profile.continuity.recovery.forEach((row, index) =>
    row.contacts.forEach((contact, i) => {
      if (/^[a-z0-9][a-z0-9_-]*$/u.test(contact) && !vendors.has(contact)) {
        warning(['continuity', 'recovery', index, 'contacts', i], `「${contact}」は vendors の id ではありません。事業者なら vendors に書き、文ならそのまま載ります`);
      }
    }),
  );

  return findings;
}

/** Words that name a cloud service. */
const CLOUD_WORDS = /クラウド|cloud|オンラインストレージ|online\s*storage|Dropbox|OneDrive|Google\s*ドライブ|Google\s*Drive|Box\b/iu;

/** 「もしかして」 for a mistyped id. */
function hint(word: string, known: ReadonlySet<string>): string {
  const best = didYouMean(word, [...known]);
  return best === undefined ? '' : `。もしかして「${best}」ですか？`;
}
