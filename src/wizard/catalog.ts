import { KINDS, type InventoryKind } from '../profile/kinds.js';

/**
 * The products small organizations in Japan commonly use, as the wizard offers them: what inventory
 * item each one becomes (kind, product, vendor) and the facts that usually go with it (automatic
 * updates, multi-factor sign-in…). A product enters the profile when the user picks it; a fact
 * enters only when the user ticks it on the screen that lists them. Nothing here is printed by
 * itself: the catalog only spares the user typing what the product's maker already says.
 */

/** Fields of an inventory item a fact fills. `requirement` adds a row to `requirements`. */
export type FactField = 'version' | 'update' | 'definitions' | 'access' | 'auth' | 'deviceAuth' | 'storage' | 'requirement';

export interface Fact {
  /** Unique within its item. */
  readonly id: string;
  readonly field: FactField;
  /** The text written into the profile (and printed). */
  readonly value: string;
  /** For a requirement: the 技術・製品 column. */
  readonly product?: string;
  /** What the user ticks, in plain words. */
  readonly label: string;
}

export interface CatalogItem {
  /** The inventory id the item gets. */
  readonly id: string;
  readonly kind: InventoryKind;
  readonly product: string;
  readonly vendor?: string;
  /** The organization's own name for it, when the product name is not what people say. */
  readonly name?: string;
  readonly label?: string;
  readonly facts: readonly Fact[];
}

export type CategoryId = 'devices' | 'cloud' | 'software' | 'antivirus' | 'office';

export interface Product {
  readonly id: string;
  readonly category: CategoryId;
  /** The choice on screen. */
  readonly choice: string;
  /** Shown under the list while the choice is highlighted: what it is, jargon explained. */
  readonly description?: string;
  readonly items: readonly CatalogItem[];
}

export interface Category {
  readonly id: CategoryId;
  readonly title: string;
  readonly question: string;
  /** 「なぜ聞くのか」: one line. */
  readonly why: string;
  readonly example: string;
  /** Kinds an 「その他（入力）」 item of this category may be. */
  readonly otherKinds: readonly InventoryKind[];
}

export const CATEGORIES: readonly Category[] = [
  {
    id: 'devices',
    title: 'パソコンとスマートフォン',
    question: '仕事で使っているパソコンと、貸与しているスマートフォン',
    why: '規程の「標準ソフトウェア」と「アップデートの方法」の表に、OS（基本ソフト）ごとの行ができます。',
    example: '例: Windows のパソコンと貸与している iPhone → 「Windows」「iPhone」に印',
    otherKinds: ['pc-os', 'mobile-os', 'mdm'],
  },
  {
    id: 'cloud',
    title: 'メール・予定表・ファイル共有・連絡',
    question: 'メールやファイルの共有、社内の連絡に使っているクラウドサービス',
    why: 'アクセス制御と利用者認証（ログインの方法）の表、テレワークで使うサービスの表に載ります。',
    example: '例: Microsoft 365 でメールとファイル共有、連絡は LINE WORKS',
    otherKinds: ['cloud-service'],
  },
  {
    id: 'software',
    title: '業務のソフト・サービス',
    question: 'パソコンに入れて使うソフトと、会計・給与などの業務のサービス',
    why: '「標準ソフトウェア」の表（業務で使ってよいソフトの一覧）とアップデートの表に載ります。',
    example: '例: Word・Excel、会計は freee、設計は CAD（その他に入力）',
    otherKinds: ['software', 'office', 'browser', 'cloud-service', 'business-system'],
  },
  {
    id: 'antivirus',
    title: 'ウイルス対策ソフト',
    question: 'パソコンに入れているウイルス対策ソフト',
    why: '「標準ソフトウェア」と「定義ファイル（ウイルスの見分け方のデータ）の更新方法」の表に載ります。',
    example: '例: ウイルスバスター。Windows 標準の Microsoft Defender だけならそれを選びます',
    otherKinds: ['pc-antivirus'],
  },
  {
    id: 'office',
    title: '事務所の機器',
    question: '事務所に置いているネットワーク機器・データの保存用の機器',
    why: '「機器の情報セキュリティ要件」の表とバックアップの表に載り、持っていない機器の規定は規程から外れます。',
    example: '例: Wi-Fiルーター（NEC の Aterm）と NAS（Synology）',
    otherKinds: ['nas', 'external-storage', 'router', 'utm', 'firewall', 'wifi', 'server'],
  },
];

// ── facts shared by many products ─────────────────────────────────────────────────────────────

const latest = (id = 'version'): Fact => ({ id, field: 'version', value: '最新版', label: '常に最新版を使う' });
const autoUpdate = (value = '自動更新を有効にする。'): Fact => ({ id: 'update', field: 'update', value, label: '自動更新を有効にしている' });
const mfa = (value: string, label = 'ログインにパスワードと、スマートフォンの認証アプリなどの2つ目の確認（多要素認証）を使っている'): Fact => ({ id: 'auth', field: 'auth', value, label });
const folderAccess = (value: string, label = 'フォルダーごとに、見られる人を決めている（アクセス権）'): Fact => ({ id: 'access', field: 'access', value, label });
const patternFiles = (value = '定義ファイル（パターンファイル）を自動で更新する設定にする'): Fact => ({ id: 'definitions', field: 'definitions', value, label: 'ウイルスの定義ファイル（見分け方のデータ）を自動で更新している' });

const nasFacts = (system: string): Fact[] => [
  { id: 'users', field: 'requirement', value: '利用者認証機能', product: `${system}のユーザー認証`, label: '使う人ごとに ID とパスワードを作っている' },
  { id: 'raid', field: 'requirement', value: 'ディスクの冗長化', product: 'RAID構成', label: 'ディスクを2台以上にして、1台壊れてもデータが残るようにしている（RAID）' },
  folderAccess('NAS の共有フォルダーごとのアクセス権', '共有フォルダーごとに、見られる人を決めている（アクセス権）'),
  { id: 'auth', field: 'auth', value: 'NAS のユーザー認証：ID・パスワード', label: 'NAS を使うときは ID とパスワードでログインする' },
];

const routerFacts: Fact[] = [
  { id: 'version', field: 'version', value: '最新のファームウェア', label: 'ルーターのソフトウェア（ファームウェア）を最新にしている' },
  { id: 'password', field: 'requirement', value: '管理画面の初期パスワードの変更', product: 'ルーターの管理者パスワード', label: 'ルーターの設定画面のパスワードを、買ったときのものから変えている' },
  { id: 'wpa', field: 'requirement', value: '通信の暗号化', product: 'WPA2又はWPA3', label: 'Wi-Fi の通信を暗号化している（WPA2・WPA3: Wi-Fi の暗号化の方式）' },
  {
    id: 'mac',
    field: 'deviceAuth',
    value: '事務所のWi-Fiに接続する端末をルーターに登録し、登録した端末だけを接続する（MACアドレス認証）',
    label: '登録した機器だけが事務所の Wi-Fi につながる（MACアドレス認証: 機器ごとの番号を登録する方法）',
  },
  {
    id: 'guest',
    field: 'deviceAuth',
    // Worded without the staff word (従業員・職員), which depends on the organization's type.
    value: 'Wi-Fiのパスワードは来客に知らせず、来客には別のネットワーク（ゲスト用Wi-Fi）を使わせる',
    label: 'Wi-Fi のパスワードは来客に教えず、来客用は別の Wi-Fi にしている',
  },
];

const utmFacts: Fact[] = [
  { id: 'version', field: 'version', value: '最新のファームウェア', label: 'UTM のソフトウェア（ファームウェア）を最新にしている' },
  { id: 'firewall', field: 'requirement', value: '外部からの不正な通信の遮断', product: 'ファイアウォール機能', label: 'インターネットからの不正な通信を止めている' },
  { id: 'av', field: 'requirement', value: 'ウイルス・不正侵入の検知', product: 'アンチウイルス・侵入防止（IPS）機能', label: '出入りする通信のウイルスや侵入をチェックしている' },
  { id: 'password', field: 'requirement', value: '管理画面の初期パスワードの変更', product: 'UTM の管理者パスワード', label: '設定画面のパスワードを、買ったときのものから変えている' },
];

// ── the products ──────────────────────────────────────────────────────────────────────────────

export const PRODUCTS: readonly Product[] = [
  // パソコンとスマートフォン
  {
    id: 'windows',
    category: 'devices',
    choice: 'Windows のパソコン',
    items: [
      {
        id: 'windows',
        kind: 'pc-os',
        product: 'Windows 11',
        vendor: 'Microsoft',
        facts: [
          { id: 'version', field: 'version', value: '11（サポート期間中のバージョン）', label: 'Windows 11 の、マイクロソフトのサポートが続いているバージョンを使う' },
          autoUpdate('Windows Update の自動更新を有効にする。'),
          { id: 'auth', field: 'auth', value: 'Windows へのサインイン：利用者ごとのアカウントのパスワード又は PIN（Windows Hello）', label: 'パソコンは使う人ごとのアカウントで、パスワードか PIN でサインインする' },
        ],
      },
    ],
  },
  {
    id: 'mac',
    category: 'devices',
    choice: 'Mac',
    items: [
      {
        id: 'mac',
        kind: 'pc-os',
        product: 'macOS',
        vendor: 'Apple',
        facts: [
          { id: 'version', field: 'version', value: 'サポート期間中のバージョン', label: 'アップルのサポートが続いている macOS を使う' },
          autoUpdate('ソフトウェアアップデートの自動更新を有効にする。'),
          { id: 'auth', field: 'auth', value: 'Mac へのログイン：利用者ごとのアカウントのパスワード又は Touch ID', label: 'Mac は使う人ごとのアカウントで、パスワードか指紋でログインする' },
        ],
      },
    ],
  },
  {
    id: 'iphone',
    category: 'devices',
    choice: '貸与している iPhone',
    description: '組織が貸与しているもの（私物のスマートフォンは含めません）',
    items: [{ id: 'iphone', kind: 'mobile-os', product: 'iOS（iPhone）', vendor: 'Apple', facts: [autoUpdate('iOS の自動アップデートを有効にする。')] }],
  },
  {
    id: 'android',
    category: 'devices',
    choice: '貸与している Android スマートフォン',
    description: '組織が貸与しているもの（私物のスマートフォンは含めません）',
    items: [{ id: 'android', kind: 'mobile-os', product: 'Android', vendor: 'Google', facts: [autoUpdate('システムアップデートを自動で適用する。')] }],
  },
  {
    id: 'intune',
    category: 'devices',
    choice: '貸与しているスマートフォンを Microsoft Intune で管理（MDM）',
    description: '紛失したときの遠隔消去などのため、管理用のアプリ（エージェント）を入れているとき',
    items: [{ id: 'intune', kind: 'mdm', product: 'Microsoft Intune', vendor: 'Microsoft', facts: [] }],
  },

  // メール・予定表・ファイル共有・連絡
  {
    id: 'm365',
    category: 'cloud',
    choice: 'Microsoft 365（Outlook・Teams・OneDrive・SharePoint）',
    items: [
      {
        id: 'm365',
        kind: 'cloud-service',
        product: 'Microsoft 365',
        vendor: 'Microsoft',
        facts: [mfa('ID・パスワード及び多要素認証（Microsoft Authenticator など）'), folderAccess('OneDrive・SharePoint のフォルダー・サイトごとのアクセス権')],
      },
    ],
  },
  {
    id: 'google',
    category: 'cloud',
    choice: 'Google Workspace（Gmail・Google ドライブ）',
    items: [{ id: 'google', kind: 'cloud-service', product: 'Google Workspace', vendor: 'Google', facts: [mfa('ID・パスワード及び2段階認証'), folderAccess('Google ドライブの共有ドライブ・フォルダーごとのアクセス権')] }],
  },
  {
    id: 'lineworks',
    category: 'cloud',
    choice: 'LINE WORKS',
    items: [{ id: 'lineworks', kind: 'cloud-service', product: 'LINE WORKS', vendor: 'LINE WORKS株式会社', facts: [mfa('ID・パスワード及び2要素認証')] }],
  },
  {
    id: 'chatwork',
    category: 'cloud',
    choice: 'Chatwork',
    items: [{ id: 'chatwork', kind: 'cloud-service', product: 'Chatwork', vendor: '株式会社kubell', facts: [mfa('ID・パスワード及び2段階認証')] }],
  },
  {
    id: 'slack',
    category: 'cloud',
    choice: 'Slack',
    items: [{ id: 'slack', kind: 'cloud-service', product: 'Slack', vendor: 'Slack Technologies', facts: [mfa('ID・パスワード及び2要素認証'), folderAccess('チャンネルごとの参加者の管理', 'チャンネルごとに、参加できる人を決めている')] }],
  },
  {
    id: 'box',
    category: 'cloud',
    choice: 'Box',
    items: [{ id: 'box', kind: 'cloud-service', product: 'Box', vendor: 'Box', facts: [mfa('ID・パスワード及び2段階認証'), folderAccess('フォルダーごとのコラボレーター（アクセス権）の設定')] }],
  },
  {
    id: 'dropbox',
    category: 'cloud',
    choice: 'Dropbox',
    items: [{ id: 'dropbox', kind: 'cloud-service', product: 'Dropbox', vendor: 'Dropbox', facts: [mfa('ID・パスワード及び2段階認証'), folderAccess('フォルダーごとの共有メンバーの設定')] }],
  },

  // 業務のソフト・サービス
  {
    id: 'm365-apps',
    category: 'software',
    choice: 'Word・Excel・Outlook（Microsoft 365 Apps）',
    description: 'パソコンに入れて使う Microsoft のオフィスソフト',
    items: [
      { id: 'm365-apps', kind: 'office', product: 'Microsoft 365 Apps（Word・Excel・PowerPoint）', vendor: 'Microsoft', facts: [latest(), autoUpdate()] },
      { id: 'outlook', kind: 'email-client', product: 'Outlook（Microsoft 365 Apps）', vendor: 'Microsoft', facts: [latest(), autoUpdate('Microsoft 365 Apps と同時に自動更新する。')] },
    ],
  },
  {
    id: 'chrome',
    category: 'software',
    choice: 'Google Chrome（ブラウザ）',
    items: [{ id: 'chrome', kind: 'browser', product: 'Google Chrome', vendor: 'Google', facts: [latest(), autoUpdate()] }],
  },
  {
    id: 'edge',
    category: 'software',
    choice: 'Microsoft Edge（ブラウザ）',
    items: [{ id: 'edge', kind: 'browser', product: 'Microsoft Edge', vendor: 'Microsoft', facts: [latest(), autoUpdate()] }],
  },
  {
    id: 'freee',
    category: 'software',
    choice: 'freee（会計・人事労務）',
    items: [{ id: 'freee', kind: 'cloud-service', product: 'freee会計・freee人事労務', vendor: 'freee株式会社', facts: [mfa('ID・パスワード及び2段階認証'), folderAccess('利用者ごとの権限の設定', '使う人ごとに、見られる・操作できる範囲（権限）を決めている')] }],
  },
  {
    id: 'moneyforward',
    category: 'software',
    choice: 'マネーフォワード クラウド（会計・給与）',
    items: [{ id: 'moneyforward', kind: 'cloud-service', product: 'マネーフォワード クラウド', vendor: '株式会社マネーフォワード', facts: [mfa('ID・パスワード及び2段階認証'), folderAccess('利用者ごとの権限の設定', '使う人ごとに、見られる・操作できる範囲（権限）を決めている')] }],
  },
  {
    id: 'yayoi',
    category: 'software',
    choice: '弥生会計・弥生給与（パソコンに入れて使うもの）',
    items: [{ id: 'yayoi', kind: 'software', label: '会計ソフト', product: '弥生会計・弥生給与', vendor: '弥生株式会社', facts: [latest(), { id: 'update', field: 'update', value: '弥生のインターネットアップデートで最新の状態にする。', label: 'ソフトの更新（インターネットアップデート）をしている' }] }],
  },
  {
    id: 'yayoi-online',
    category: 'software',
    choice: '弥生会計 オンライン・やよいの青色申告 オンライン（クラウド）',
    items: [{ id: 'yayoi-online', kind: 'cloud-service', product: '弥生会計 オンライン', vendor: '弥生株式会社', facts: [mfa('ID・パスワード及び2段階認証')] }],
  },
  {
    id: 'kintone',
    category: 'software',
    choice: 'kintone（業務アプリ）',
    items: [{ id: 'kintone', kind: 'cloud-service', product: 'kintone', vendor: 'サイボウズ株式会社', facts: [mfa('ID・パスワード及び2要素認証'), folderAccess('アプリ・レコードごとのアクセス権', 'アプリごとに、見られる・操作できる人を決めている（アクセス権）')] }],
  },

  // ウイルス対策ソフト
  {
    id: 'virusbuster',
    category: 'antivirus',
    choice: 'ウイルスバスター（トレンドマイクロ）',
    items: [{ id: 'virusbuster', kind: 'pc-antivirus', product: 'ウイルスバスター', vendor: 'トレンドマイクロ', facts: [latest(), patternFiles()] }],
  },
  {
    id: 'eset',
    category: 'antivirus',
    choice: 'ESET（キヤノンマーケティングジャパン）',
    items: [{ id: 'eset', kind: 'pc-antivirus', product: 'ESET', vendor: 'ESET（国内販売: キヤノンマーケティングジャパン）', facts: [latest(), patternFiles('検出エンジン（定義ファイル）を自動で更新する設定にする')] }],
  },
  {
    id: 'norton',
    category: 'antivirus',
    choice: 'ノートン',
    items: [{ id: 'norton', kind: 'pc-antivirus', product: 'ノートン', vendor: 'Gen Digital', facts: [latest(), patternFiles('定義ファイルを自動で更新する設定（自動 LiveUpdate）にする')] }],
  },
  {
    id: 'defender',
    category: 'antivirus',
    choice: 'Microsoft Defender（Windows に標準で入っているもの）',
    items: [{ id: 'defender', kind: 'pc-antivirus', product: 'Microsoft Defender ウイルス対策', vendor: 'Microsoft', facts: [{ id: 'version', field: 'version', value: 'Windows に含まれる最新版', label: 'Windows に含まれる最新版を使う' }, patternFiles('Windows Update で定義ファイルを自動で更新する')] }],
  },

  // 事務所の機器
  {
    id: 'router-nec',
    category: 'office',
    choice: 'Wi-Fiルーター（NEC の Aterm）',
    items: [{ id: 'router-nec', kind: 'router', name: 'Wi-Fiルーター', product: 'Aterm', vendor: 'NECプラットフォームズ', facts: routerFacts }],
  },
  {
    id: 'router-buffalo',
    category: 'office',
    choice: 'Wi-Fiルーター（バッファローの AirStation）',
    items: [{ id: 'router-buffalo', kind: 'router', name: 'Wi-Fiルーター', product: 'AirStation', vendor: 'バッファロー', facts: routerFacts }],
  },
  {
    id: 'router-yamaha',
    category: 'office',
    choice: 'ルーター（ヤマハ）',
    items: [{ id: 'router-yamaha', kind: 'router', name: 'ルーター', product: 'ヤマハ ルーター', vendor: 'ヤマハ', facts: routerFacts.filter((f) => f.id !== 'wpa' && f.id !== 'guest') }],
  },
  {
    id: 'nas-synology',
    category: 'office',
    choice: 'NAS（Synology）',
    description: 'NAS: ネットワークにつないで、みんなでファイルを保存する機器',
    items: [{ id: 'nas-synology', kind: 'nas', name: 'NAS', product: 'Synology DiskStation', vendor: 'Synology', facts: nasFacts('DSM') }],
  },
  {
    id: 'nas-qnap',
    category: 'office',
    choice: 'NAS（QNAP）',
    description: 'NAS: ネットワークにつないで、みんなでファイルを保存する機器',
    items: [{ id: 'nas-qnap', kind: 'nas', name: 'NAS', product: 'QNAP NAS', vendor: 'QNAP', facts: nasFacts('QTS') }],
  },
  {
    id: 'nas-buffalo',
    category: 'office',
    choice: 'NAS（バッファローの LinkStation・TeraStation）',
    description: 'NAS: ネットワークにつないで、みんなでファイルを保存する機器',
    items: [{ id: 'nas-buffalo', kind: 'nas', name: 'NAS', product: 'LinkStation・TeraStation', vendor: 'バッファロー', facts: nasFacts('NAS') }],
  },
  {
    id: 'nas-iodata',
    category: 'office',
    choice: 'NAS（アイ・オー・データの LANDISK）',
    description: 'NAS: ネットワークにつないで、みんなでファイルを保存する機器',
    items: [{ id: 'nas-iodata', kind: 'nas', name: 'NAS', product: 'LANDISK', vendor: 'アイ・オー・データ機器', facts: nasFacts('LANDISK') }],
  },
  {
    id: 'external-hdd',
    category: 'office',
    choice: '外付けハードディスク（バックアップ用）',
    items: [{ id: 'external-hdd', kind: 'external-storage', name: '外付けハードディスク', product: '外付けハードディスク', facts: [{ id: 'storage', field: 'storage', value: '施錠できるキャビネットに保管', label: '使わないときは鍵のかかるキャビネットにしまっている' }] }],
  },
  {
    id: 'utm-fortigate',
    category: 'office',
    choice: 'UTM（フォーティネットの FortiGate）',
    description: 'UTM: インターネットとの出入口で、ウイルスや不正な通信をまとめて止める装置',
    items: [{ id: 'utm-fortigate', kind: 'utm', name: 'UTM', product: 'FortiGate', vendor: 'フォーティネット', facts: utmFacts }],
  },
  {
    id: 'server-windows',
    category: 'office',
    choice: '社内サーバー（Windows Server）',
    description: '事務所に置いた、ファイルや業務システム用のサーバー',
    items: [
      {
        id: 'server',
        kind: 'server',
        name: '社内サーバー',
        product: 'サーバー',
        facts: [
          { id: 'users', field: 'requirement', value: '利用者認証機能', product: 'Windows のユーザー認証', label: '使う人ごとに ID とパスワードを作っている' },
          { id: 'raid', field: 'requirement', value: 'ディスクの冗長化', product: 'RAID構成', label: 'ディスクを2台以上にして、1台壊れてもデータが残るようにしている（RAID）' },
          folderAccess('共有フォルダーごとのアクセス権', '共有フォルダーごとに、見られる人を決めている（アクセス権）'),
        ],
      },
      { id: 'server-os', kind: 'server-os', product: 'Windows Server', vendor: 'Microsoft', facts: [{ id: 'version', field: 'version', value: 'サポート期間中のバージョン', label: 'マイクロソフトのサポートが続いている Windows Server を使う' }] },
    ],
  },
];

export const productsOf = (category: CategoryId): Product[] => PRODUCTS.filter((p) => p.category === category);

/** The catalog item an inventory item came from (its id and product), for the facts screen. */
export function catalogItemFor(item: { id: string; product?: unknown }): CatalogItem | undefined {
  for (const product of PRODUCTS) for (const c of product.items) if (c.id === item.id && c.product === item.product) return c;
  return undefined;
}

/** What a kind needs for its tables to be complete: the fields a fact or a question must give. */
export function requiredFields(kind: InventoryKind): FactField[] {
  const info = KINDS[kind];
  return [
    ...(info.standardSoftware || info.serverSoftware || info.networkDevice ? (['version'] as const) : []),
    ...(info.updateGroup ? (['update'] as const) : []),
    ...(info.antivirus && kind !== 'server-antivirus' ? (['definitions'] as const) : []),
    ...(info.serverDevice || info.networkDevice ? (['requirement'] as const) : []),
  ];
}

/** 「NAS」「ルーター」: what a kind is called on screen. */
export const kindName = (kind: InventoryKind): string => KIND_NAMES[kind] ?? KINDS[kind].label;

const KIND_NAMES: Partial<Record<InventoryKind, string>> = {
  'pc-os': 'パソコンのOS（基本ソフト）',
  'mobile-os': 'スマートフォンのOS（基本ソフト）',
  office: 'オフィスソフト',
  software: 'パソコンに入れて使う業務用ソフト',
  browser: 'ブラウザ',
  'cloud-service': 'クラウドサービス',
  'business-system': '業務システム（自社専用のもの）',
  'pc-antivirus': 'ウイルス対策ソフト',
  nas: 'NAS（ファイル保存用の機器）',
  'external-storage': '外付けハードディスク',
  router: 'ルーター',
  utm: 'UTM（不正な通信を止める装置）',
  firewall: 'ファイアウォール',
  wifi: '無線LANアクセスポイント（Wi-Fiの親機）',
  server: 'サーバー',
};
