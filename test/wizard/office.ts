import type { Script } from './scripted-prompts.js';

/**
 * A 総務担当 of a 12-person 設計事務所 answering かんたんモード: the screens they answer, with the
 * values they type (everything else is Enter on what the screen shows). Shared by the scripted
 * tests; the terminal test types the same office by hand.
 */
export const OFFICE_NAME = 'こもれび設計株式会社';

export const officeScript = (): Script => ({
  'organization.type': 'company',
  organization: {
    'organization.name': OFFICE_NAME,
    'organization.size': 'small',
    'organization.business': '住宅・店舗の設計及び工事監理',
    'organization.address': '神奈川県横浜市中区架空通3-4-5',
    'document.effectiveDate': '令和9年4月1日',
  },
  'wizard.mode': 'quick',
  'people.plan': 'keep',
  people: {
    '0.name': '木漏 一郎',
    '0.mobile': '090-0000-1001',
    '0.email': 'ceo@komorebi-sekkei.example',
    '1.name': '日向 花子',
    '1.phone': '045-000-1002',
    '1.mobile': '090-0000-1002',
    '1.email': 'soumu@komorebi-sekkei.example',
    '2.title': '設計主任',
    '2.name': '森下 健',
  },
  areas: {
    rooms1: '打合せコーナー',
    devices1: 'モニター（打合せ用）',
    rooms2: '執務スペース、書類保管庫',
    devices2: 'パソコン、複合機、NAS、Wi-Fiルーター',
    locking: '最終退室者による施錠（ビルの機械警備と連動）',
    intrusion: 'ビルの機械警備（夜間・休日）',
    fire: '火災報知器、消火器設置（ビル共用）',
    records: 'no',
  },
  'inventory.devices': [['windows', 'iphone']],
  'inventory.cloud': [['m365']],
  'inventory.software': [['m365-apps', 'edge', '__other']],
  'inventory.software.other': {
    kind: 'software',
    label: 'CAD',
    product: 'Vectorworks Architect',
    vendor: 'エーアンドエー',
    version: '2025以降',
    keep: '総務担当が動作を確認したうえで、サービスパックを適用する。',
  },
  'inventory.antivirus': [['virusbuster']],
  'inventory.office': [['router-nec', 'nas-synology']],
  continuity: {
    data: '図面データ（竣工物件の保存用）',
    from: 'nas-synology',
    to: '__cloud-backup',
    cloudName: 'Synology C2 Storage',
    method: 'NAS のバックアップ機能（Hyper Backup）',
    every: '毎日夜間にバックアップ',
    keep: '直近30日分',
    critical: 'm365',
    operations: '設計図面の作成・共有と、施主・施工会社とのやり取り',
    rto: '1営業日以内',
  },
  telework: { on: 'yes', configuration: 'cloud', pc: 'lent', phone: 'lent', networks: 'home', service: 'm365', uses: '電子メール、ファイル共有、社内連絡、オンライン打合せ' },
  myNumber: { on: 'yes', management: '書類保管庫', hours: '平日 9:30〜17:30' },
  partners: { vendor: '株式会社みなとITサポート', service: 'Microsoft 365 と NAS の導入・保守', scope: 'all' },
  'rules.own': { auditMonth: '毎年3月' },
  'rules.recommended': 'accept',
  'wizard.review': 'save',
  'wizard.formats': [['md']],
});

/** A key path of the answers file on screen (`inventory.3.update`, `people[].roles`): never shown to the user. */
export const KEY_PATH = /\b(?:kitei|organization|document|terms|people|departments|roles|confidentiality|sites|areas|inventory|vendors|contacts|continuity|telework|myNumber|rules|documents)(?:\.[A-Za-z0-9]|\[\])/u;
