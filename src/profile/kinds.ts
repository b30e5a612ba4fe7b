/**
 * The kinds of things in the inventory, and which tables of the rulebook each kind appears in.
 * A kind's label is what the tables' 種別 column shows (an item's own `label` overrides it).
 */

export const INVENTORY_KINDS = [
  // software on PCs and smartphones (技術的対策 2.4)
  'pc-os',
  'mobile-os',
  'office',
  'email-client',
  'browser',
  'pc-antivirus',
  'mobile-antivirus',
  // the management service of the smartphones (人的対策 6.2.1: its agent on every lent smartphone)
  'mdm',
  'software',
  // on servers (技術的対策 3.5.1 標準ソフトウェア)
  'server-os',
  'database',
  'server-antivirus',
  'server-software',
  // machines that hold data (3.5.1 機器の要件, 4 バックアップ)
  'server',
  'nas',
  'external-storage',
  // network (3.5.1 ネットワーク機器)
  'router',
  'utm',
  'firewall',
  'wifi',
  'proxy',
  'vpn',
  'monitoring',
  // systems and services
  'cloud-service',
  'cloud-backup',
  'business-system',
  'website',
] as const;
export type InventoryKind = (typeof INVENTORY_KINDS)[number];

export interface KindInfo {
  /** What the 種別 column shows, and how the wizard names the kind. */
  readonly label: string;
  /** 2.4.1 標準ソフトウェア */
  readonly standardSoftware?: true;
  /** 2.4.2 アップデート方法: the group the item is listed under. */
  readonly updateGroup?: string;
  /** 2.4.3 定義ファイルの更新方法 */
  readonly antivirus?: true;
  /** 3.5.1 IT基盤の標準ソフトウェア */
  readonly serverSoftware?: true;
  /** 3.5.1 機器（サーバー）の情報セキュリティ要件 */
  readonly serverDevice?: true;
  /** 3.5.1 ネットワーク機器 */
  readonly networkDevice?: true;
  /** A backup kept here is kept with a cloud service (技術的対策 4.3). */
  readonly cloud?: true;
}

export const KINDS: Record<InventoryKind, KindInfo> = {
  'pc-os': { label: 'パソコンOS', standardSoftware: true, updateGroup: 'パソコンOS' },
  'mobile-os': { label: 'スマートフォンOS', updateGroup: 'スマートフォンOS' },
  office: { label: 'オフィス系ソフト', standardSoftware: true, updateGroup: '業務用ソフト' },
  'email-client': { label: '電子メール', standardSoftware: true, updateGroup: '業務用ソフト' },
  browser: { label: 'ブラウザ', standardSoftware: true, updateGroup: 'ブラウザ' },
  'pc-antivirus': { label: 'パソコン用ウイルス対策', standardSoftware: true, antivirus: true },
  'mobile-antivirus': { label: 'スマートフォン用ウイルス対策', standardSoftware: true, antivirus: true },
  software: { label: '業務用ソフト', standardSoftware: true, updateGroup: '業務用ソフト' },
  'server-os': { label: 'ＯＳ', serverSoftware: true },
  database: { label: 'ＲＤＢ', serverSoftware: true },
  'server-antivirus': { label: 'ウイルス対策', serverSoftware: true, antivirus: true },
  'server-software': { label: 'サーバー用ソフト', serverSoftware: true },
  server: { label: 'サーバー', serverDevice: true },
  nas: { label: 'NAS', serverDevice: true },
  'external-storage': { label: '外付け記憶媒体' },
  router: { label: 'ルーター', networkDevice: true },
  utm: { label: 'ＵＴＭ', networkDevice: true },
  firewall: { label: 'ファイアウォール', networkDevice: true },
  wifi: { label: '無線LANアクセスポイント', networkDevice: true },
  proxy: { label: 'プロキシサーバー', networkDevice: true },
  vpn: { label: 'VPN装置', networkDevice: true },
  monitoring: { label: '監視ツール', networkDevice: true },
  'cloud-service': { label: 'クラウドサービス', cloud: true },
  'cloud-backup': { label: 'クラウドバックアップサービス', cloud: true },
  'business-system': { label: '業務システム' },
  mdm: { label: 'MDM（モバイル機器管理）' },
  website: { label: 'ホームページ' },
};
