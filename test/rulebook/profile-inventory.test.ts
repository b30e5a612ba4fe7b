import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadedFromYaml } from '../../src/answers/load.js';
import { generate, type GenerateResult } from '../../src/generate.js';
import { inlineText } from '../../src/model/text.js';
import type { Block, Chapter, Document, Section, Table } from '../../src/model/types.js';
import { answersFrom, testTemplates } from '../support/build.js';
import { blocksText, findSection, numbered, sectionsIn, tableRows, tablesIn, xrefsIn } from '../support/model.js';
import { itemOf, sampleProfile, type ItemData, type ProfileData } from '../support/sample-profile.js';
import { structureProblems } from '../support/structure.js';

/**
 * Issue 13, "every fact once", for chapters 2–4 of the rulebook (and the sections of chapter 1
 * that name the same items): each device, software and service of the profile is written once, and
 * every table and sentence that names it follows that one place. Two halves:
 *
 * - for every kind of inventory item that some table shows, changing its product (or name) once
 *   shows the new value in every section that showed the old one, and the old one nowhere, in any
 *   document built from the profile;
 * - for every list the organization may leave empty, emptying it removes what depended on it (no
 *   empty table, no sentence announcing one, no reference to a section that is gone), the
 *   numbering closes up and references follow — or, for a table every organization must fill, a
 *   gap row appears that names the answers key to write.
 *
 * The base is the IPA sample's own facts (test/fixtures/answers/ipa-sample.yaml), with a VPN
 * device (the one network kind the sample lacks) and its critical business system also used in
 * telework, so that every kind and every place an item can appear is exercised.
 */

const templates = testTemplates();

function baseProfile(): ProfileData {
  const profile = sampleProfile();
  profile.inventory.push({
    id: 'vpn',
    kind: 'vpn',
    name: 'VPN装置',
    product: 'VPN-A',
    vendor: 'ベンダーH',
    version: '最新版',
    requirements: [{ requirement: '多要素認証', product: 'VPN-A の認証機能' }],
  });
  itemOf(profile, 'sales-system').telework = { uses: ['受注処理'], procedures: ['社内PCにリモートアクセスして利用'] };
  return profile;
}

const build = (profile: ProfileData): GenerateResult => generate(answersFrom(stringify(profile)), templates);
const rulebookOf = (result: GenerateResult): Document => result.documents.find((d) => d.id === 'rulebook')!;
const changed = (change: (profile: ProfileData) => void): GenerateResult => {
  const profile = baseProfile();
  change(profile);
  return build(profile);
};

/** Ids of the sections (or `<document>:<section>` outside the rulebook) whose own blocks contain `value`. */
function sectionsMentioning(documents: readonly Document[], value: string): string[] {
  const found = new Set<string>();
  const walk = (doc: Document, blocks: readonly Block[], at: string) => {
    for (const block of blocks) {
      if (block.type === 'section' || block.type === 'chapter' || block.type === 'part') {
        if (block.type === 'section' && inlineText(block.title).includes(value)) found.add(label(doc, block.id));
        walk(doc, block.children, block.type === 'section' ? block.id : at);
      } else if (JSON.stringify(block).includes(value)) {
        found.add(label(doc, at));
      }
    }
  };
  const label = (doc: Document, id: string) => (doc.id === 'rulebook' ? id : `${doc.id}:${id}`);
  for (const doc of documents) walk(doc, doc.children, doc.id);
  return [...found].sort();
}

const chapterOf = (doc: Document, id: string): Chapter => doc.children.find((b): b is Chapter => b.type === 'chapter' && b.id === id)!;
const section = (doc: Document, id: string): Section | undefined => findSection(doc.children.flatMap((b) => (b.type === 'chapter' ? b.children : [b])), id);
const sectionText = (doc: Document, id: string): string => blocksText([section(doc, id)!]);
const topLevel = (doc: Document, chapter: string) => sectionsIn(chapterOf(doc, chapter).children).map(numbered);
const subsections = (doc: Document, id: string) => sectionsIn(section(doc, id)!.children).map(numbered);
/** The tables of a section, also those inside its list items (3.8.3's table is under a bullet). */
function tableOf(doc: Document, id: string, index = 0): Table {
  const tables: Table[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'table') tables.push(b);
      if (b.type === 'section') visit(b.children);
      if (b.type === 'list') b.children.forEach((item) => visit(item.children));
    }
  };
  visit([section(doc, id)!]);
  if (!tables[index]) throw new Error(`${id} に表 ${index} がありません`);
  return tables[index];
}
const rows = (doc: Document, id: string, index = 0): string[][] => tableRows(tableOf(doc, id, index));
const gaps = (result: GenerateResult) => result.unfilled.map((u) => `${u.key} ${u.question}`);
const drop = (profile: ProfileData, test: (item: ItemData) => boolean) => {
  profile.inventory = profile.inventory.filter((item) => !test(item));
};
const without = (field: string) => (profile: ProfileData) => profile.inventory.forEach((item) => delete item[field]);

describe('基にするプロフィール', () => {
  it('IPA サンプルの事実に VPN 装置を足したもので、構造の問題がない', () => {
    const result = build(baseProfile());
    expect(structureProblems(result.documents)).toEqual([]);
    expect(rows(rulebookOf(result), 'tech-device-standards', 3).map((r) => r[0])).toContain('VPN装置');
  });
});

describe('1 つの事実は 1 か所に書き、それを載せるすべての節が従う（種類ごと）', () => {
  /** Kind, the item of that kind in the base profile, the field changed, and every section that shows the field. */
  const CASES: readonly [kind: string, id: string, field: 'product' | 'name', sections: readonly string[]][] = [
    ['pc-os', 'windows', 'product', ['tech-standard-software', 'tech-update-methods']],
    ['mobile-os', 'android', 'product', ['tech-update-methods']],
    ['office', 'office', 'product', ['tech-standard-software', 'tech-update-methods']],
    ['email-client', 'outlook', 'product', ['tech-standard-software', 'tech-update-methods']],
    ['browser', 'browser', 'product', ['tech-standard-software', 'tech-update-methods']],
    // パソコン用ウイルス対策は 2.4.1 と 2.4.3 に
    ['pc-antivirus', 'av-pc', 'product', ['tech-antivirus-update-methods', 'tech-standard-software']],
    ['mobile-antivirus', 'av-mobile', 'product', ['hr-telework-apps', 'tech-antivirus-update-methods', 'tech-standard-software']],
    ['software', 'reader', 'product', ['tech-standard-software', 'tech-update-methods']],
    ['server-os', 'winserver', 'product', ['tech-device-standards']],
    ['database', 'rdb', 'product', ['tech-device-standards']],
    ['server-antivirus', 'av-server', 'product', ['tech-device-standards']],
    ['server-software', 'server-browser', 'product', ['tech-device-standards']],
    // 事業継続に欠かせないサーバーは、アクセス制御・認証・要件・バックアップ・5.2・5.5・9.8 に
    ['server', 'file-server', 'name', ['org-business-continuity', 'tech-access-systems', 'tech-backup-targets', 'tech-device-standards', 'tech-restore-essentials', 'tech-restore-preparation', 'tech-user-auth']],
    // バックアップの保管先は 4.1 と 4.2 に
    ['nas', 'nas', 'name', ['tech-backup-media', 'tech-backup-targets', 'tech-device-standards']],
    ['external-storage', 'external-hdd', 'name', ['tech-backup-targets']],
    ['router', 'router', 'name', ['tech-access-systems', 'tech-device-standards']],
    ['router', 'router', 'product', ['tech-device-standards']],
    ['utm', 'utm', 'product', ['tech-device-standards']],
    ['firewall', 'firewall', 'name', ['tech-log-collection', 'tech-log-review']],
    ['firewall', 'firewall', 'product', ['tech-device-standards']],
    ['wifi', 'wlan', 'name', ['tech-device-auth']],
    ['wifi', 'wlan', 'product', ['tech-device-standards']],
    ['proxy', 'proxy', 'name', ['tech-log-collection', 'tech-log-review', 'tech-log-scope']],
    ['proxy', 'proxy', 'product', ['tech-device-standards']],
    ['vpn', 'vpn', 'name', ['tech-device-standards']],
    ['vpn', 'vpn', 'product', ['tech-device-standards']],
    ['monitoring', 'monitor', 'name', ['tech-device-standards']],
    ['monitoring', 'monitor', 'product', ['tech-device-standards']],
    ['cloud-service', 'chat', 'product', ['hr-telework-apps', 'hr-telework-systems']],
    ['cloud-service', 'groupware', 'product', ['hr-telework-systems']],
    ['cloud-backup', 'cloud-backup', 'name', ['tech-backup-targets']],
    // 事業継続に欠かせない業務システムは 5.2・9.8 とテレワークの表にも
    ['business-system', 'sales-system', 'name', ['hr-telework-systems', 'org-business-continuity', 'tech-access-systems', 'tech-backup-targets', 'tech-device-auth', 'tech-restore-essentials', 'tech-restore-preparation', 'tech-user-auth']],
    ['business-system', 'payroll', 'product', ['hr-telework-systems']],
    ['website', 'web', 'name', ['tech-access-systems', 'tech-backup-targets']],
  ];

  it('inventory の種類のうち、表に載るものをすべて確かめている', () => {
    const kinds = new Set(CASES.map(([kind]) => kind));
    expect([...kinds].sort()).toEqual(
      [
        'pc-os', 'mobile-os', 'office', 'email-client', 'browser', 'pc-antivirus', 'mobile-antivirus', 'software',
        'server-os', 'database', 'server-antivirus', 'server-software', 'server', 'nas', 'router', 'utm', 'firewall',
        'wifi', 'proxy', 'vpn', 'monitoring', 'cloud-service', 'cloud-backup', 'business-system', 'website', 'external-storage',
      ].sort(),
    );
    const base = baseProfile();
    for (const [kind, id, field] of CASES) {
      expect(itemOf(base, id).kind, id).toBe(kind);
      expect(itemOf(base, id)[field], `${id}.${field}`).toBeDefined();
    }
  });

  /** Every case's value as a marker that occurs nowhere else, so that a section showing it can be found. */
  const old = (id: string, field: string) => `〈${id}.${field}〉旧の値`;
  const marked = (p: ProfileData) => CASES.forEach(([, id, field]) => (itemOf(p, id)[field] = old(id, field)));
  const before = changed(marked);

  it.each(CASES)('%s「%s」の %s を変えると、載っている節すべてが新しい値になり、古い値はどこにも残らない', (_kind, id, field, sections) => {
    const value = `〈${id}.${field}〉新の値`;
    const after = changed((p) => {
      marked(p);
      itemOf(p, id)[field] = value;
    });
    expect(sectionsMentioning(before.documents, old(id, field))).toEqual([...sections].sort());
    expect(sectionsMentioning(after.documents, value)).toEqual([...sections].sort());
    expect(sectionsMentioning(after.documents, old(id, field))).toEqual([]);
  });

  it('テレワークの表は、事業継続に欠かせないシステムを名前で載せる（5.2・9.8 と同じ名前）', () => {
    const doc = rulebookOf(changed((p) => {
      itemOf(p, 'sales-system').name = '販売管理システム';
    }));
    expect(rows(doc, 'hr-telework-systems').map((r) => r[0])).toContain('販売管理システム');
    expect(sectionText(doc, 'tech-restore-preparation')).toContain('販売管理システム：1時間以内');
    expect(sectionText(doc, 'org-business-continuity')).toContain('停電等によるファイルサーバー、販売管理システム停止');
  });
});

describe('空にできるリストを空にすると、それに依存する文がなくなる', () => {
  /** Every document of the build is free of empty tables, dangling announcements, holes in numbering and stale references. */
  const expectWellFormed = (result: GenerateResult) => expect(structureProblems(result.documents)).toEqual([]);

  describe('表ごとの inventory の項目', () => {
    it.each([
      ['access', 'tech-access-systems', 'inventory[].access アクセス制御の対象とする情報システム・サービスとその方法（inventory の access）'],
      ['auth', 'tech-user-auth', 'inventory[].auth 情報システム・サービスごとの利用者認証の方法（inventory の auth）'],
      ['deviceAuth', 'tech-device-auth', 'inventory[].deviceAuth 情報システムごとの端末認証の方法（inventory の deviceAuth。例: Wi-Fiルーターに端末を登録）'],
    ])('どの項目にも %s がなければ、皆が書く表なので要記入の 1 行になる', (field, id, gap) => {
      const result = changed(without(field));
      const doc = rulebookOf(result);
      expect(rows(doc, id)).toHaveLength(2);
      expect(rows(doc, id)[1]![0]).toMatch(/^【要記入：/u);
      expect(gaps(result)).toContain(gap);
      expectWellFormed(result);
    });

    it('パソコンの標準ソフトウェアがなければ 2.4.1 と 2.4.3 は要記入の行、2.4.2 はスマートフォンOS だけ', () => {
      const result = changed((p) => drop(p, (item) => ['pc-os', 'office', 'email-client', 'browser', 'pc-antivirus', 'mobile-antivirus', 'software'].includes(item.kind)));
      const doc = rulebookOf(result);
      expect(rows(doc, 'tech-standard-software').slice(1).map((r) => r[0])).toEqual([expect.stringMatching(/^【要記入：パソコンで使う標準ソフトウェア/u)]);
      expect(rows(doc, 'tech-antivirus-update-methods').slice(1).map((r) => r.slice(0, 2))).toEqual([['パソコン用ウイルス対策', expect.stringMatching(/^【要記入：パソコンのウイルス対策ソフト/u)]]);
      expect(rows(doc, 'tech-update-methods').slice(1).map((r) => r[0])).toEqual(['スマートフォンOS', 'iOS']);
      expect(gaps(result)).toEqual(
        expect.arrayContaining([
          'inventory パソコンで使う標準ソフトウェア（inventory の pc-os・office・browser・pc-antivirus など）',
          'inventory パソコンのウイルス対策ソフト（inventory の pc-antivirus）',
        ]),
      );
      // スマートフォン用ウイルス対策（標準アプリ）の行もなくなる
      expect(rows(doc, 'hr-telework-apps').map((r) => r[0])).not.toContain('セキュリティソフト');
      expectWellFormed(result);
    });

    it('ウイルス対策ソフトがなければ 2.4.3 は要記入の行、2.4.1 のほかの行は残る', () => {
      const result = changed((p) => drop(p, (item) => item.kind === 'pc-antivirus' || item.kind === 'mobile-antivirus'));
      const doc = rulebookOf(result);
      expect(rows(doc, 'tech-antivirus-update-methods')).toHaveLength(2);
      expect(gaps(result)).toContain('inventory パソコンのウイルス対策ソフト（inventory の pc-antivirus）');
      expect(rows(doc, 'tech-standard-software').slice(1).map((r) => r[0])).toEqual(['パソコンOS', 'オフィス系ソフト', '電子メール', 'ブラウザ', '業務用ソフト']);
      expectWellFormed(result);
    });

    it('サーバー・ネットワーク機器があるのに要件を書いていなければ、要件の表は inventory[].requirements を指す要記入の行', () => {
      const result = changed(without('requirements'));
      const doc = rulebookOf(result);
      expect(rows(doc, 'tech-device-standards', 0).slice(1)).toEqual([[expect.stringMatching(/^【要記入：サーバー・NASの情報セキュリティ要件/u), expect.stringMatching(/^【要記入：/u), '']]);
      expect(rows(doc, 'tech-device-standards', 2).slice(1)).toEqual([[expect.stringMatching(/^【要記入：ネットワーク機器の情報セキュリティ要件/u), expect.stringMatching(/^【要記入：/u), '']]);
      expect(result.unfilled.map((u) => u.key)).toContain('inventory[].requirements');
      expectWellFormed(result);
    });

    it('要件を書いた機器があれば、書いていない機器はその項目の requirements を指す要記入の行、requirements: [] の機器は載らない', () => {
      const result = changed((p) => {
        delete itemOf(p, 'utm').requirements;
        itemOf(p, 'wlan').requirements = [];
      });
      const network = rows(rulebookOf(result), 'tech-device-standards', 2).slice(1);
      // (The router's further requirements are rows of its merged cell.)
      expect(network.map((r) => r[0])).toEqual(['ルーター', 'MACアドレス認証', '通信ログ取得', 'UTM-A', '監視ツール', 'VPN装置']);
      expect(network.find((r) => r[0] === 'UTM-A')![1]).toBe('【要記入：ＵＴＭ「UTM-A」の情報セキュリティ要件（ない場合は requirements: []）】');
      expect(network.map((r) => r[0])).not.toContain('社内無線LAN');
      expect(result.unfilled.map((u) => u.key)).toContain(`inventory.${sampleProfile().inventory.findIndex((item) => item.id === 'utm')}.requirements`);
      expectWellFormed(result);
    });

    it('アップデートの対象がなければ 2.4.2 は inventory[].update を指す要記入の行', () => {
      const result = changed((p) => drop(p, (item) => ['pc-os', 'office', 'email-client', 'browser', 'software', 'mobile-os'].includes(item.kind)));
      expect(rows(rulebookOf(result), 'tech-update-methods').slice(1)).toHaveLength(1);
      expect(gaps(result)).toContain('inventory[].update パソコンのOS・ソフトウェアを最新の状態に保つ方法（inventory の update）');
      expectWellFormed(result);
    });

    it('スマートフォンがなければ 2.4.2 のスマートフォンOS の行がなくなる', () => {
      const result = changed((p) => drop(p, (item) => item.kind === 'mobile-os'));
      expect(rows(rulebookOf(result), 'tech-update-methods').map((r) => r[0])).not.toContain('スマートフォンOS');
      expectWellFormed(result);
    });

    it('サーバー・NAS がなければ 3.2.1・機器の要件の表・サーバーの施錠の規定がなくなり、番号が詰まる', () => {
      const result = changed((p) => {
        drop(p, (item) => item.kind === 'server' || item.kind === 'nas');
        itemOf(p, 'web').backup = 'none';
        // The facility rules are the organization's own text: one about servers goes with them (kitei check warns otherwise).
        const physical = (p.rules as { physical: { facilities: string[] } }).physical;
        physical.facilities = physical.facilities.filter((rule) => !rule.includes('サーバー'));
      });
      const doc = rulebookOf(result);
      expect(subsections(doc, 'tech-infra-security')).toEqual(['3.2.1 サーバー機器に導入するソフトウェア', '3.2.2 ネットワーク機器の情報セキュリティ要件']);
      expect(sectionText(doc, 'tech-device-standards')).not.toContain('＜機器の情報セキュリティ要件＞');
      expect(sectionText(doc, 'tech-device-standards')).toContain('＜標準ソフトウェア＞');
      expect(sectionText(doc, 'phys-facilities')).not.toContain('サーバーの設置');
      expect(sectionText(doc, 'phys-facilities')).toContain('床下配線');
      expect(sectionText(doc, 'tech-backup-media')).not.toContain('NASサーバー');
      expectWellFormed(result);
    });

    it('サーバーに導入するソフトウェアがなければ 3.2.2 と＜標準ソフトウェア＞がなくなり、Linux の禁止アカウント名も出ない', () => {
      const result = changed((p) => drop(p, (item) => ['server-os', 'database', 'server-antivirus', 'server-software'].includes(item.kind)));
      const doc = rulebookOf(result);
      expect(subsections(doc, 'tech-infra-security')).toEqual(['3.2.1 サーバー機器の情報セキュリティ要件', '3.2.2 ネットワーク機器の情報セキュリティ要件']);
      expect(sectionText(doc, 'tech-device-standards')).not.toContain('＜標準ソフトウェア＞');
      expect(sectionText(doc, 'org-access-control')).toContain('WindowsOS：administrator、admin');
      expect(sectionText(doc, 'org-access-control')).not.toContain('LinuxOS：root');
      expectWellFormed(result);
    });

    it('ネットワーク機器がなければ 3.2.3 とネットワーク機器の 2 つの表、9.8 のネットワーク機器と回線事業者がなくなる', () => {
      const result = changed((p) => {
        drop(p, (item) => ['router', 'utm', 'firewall', 'wifi', 'proxy', 'vpn', 'monitoring'].includes(item.kind));
        (p.vendors as { id: string; supports: string[] }[]).find((v) => v.id === 'network-vendor')!.supports = [];
      });
      const doc = rulebookOf(result);
      expect(subsections(doc, 'tech-infra-security')).toEqual(['3.2.1 サーバー機器の情報セキュリティ要件', '3.2.2 サーバー機器に導入するソフトウェア']);
      const standards = sectionText(doc, 'tech-device-standards');
      expect(standards).not.toContain('＜ネットワーク機器の情報セキュリティ要件＞');
      expect(standards).not.toContain('＜標準ネットワーク機器＞');
      const bcp = rows(doc, 'org-business-continuity')[1]!;
      expect(bcp[0]).not.toContain('ネットワーク機器');
      expect(bcp[2]).not.toContain('回線事業者B');
      expectWellFormed(result);
    });

    it('サーバーもサーバー用ソフトもネットワーク機器もなければ 3.2 と 3.5.1 ごとなくなり、後の節と参照が繰り上がる', () => {
      const result = changed((p) => {
        drop(p, (item) => ['server', 'nas', 'server-os', 'database', 'server-antivirus', 'server-software', 'router', 'utm', 'firewall', 'wifi', 'proxy', 'vpn', 'monitoring'].includes(item.kind));
        itemOf(p, 'web').backup = 'none';
        (p.vendors as { id: string; supports: string[] }[]).find((v) => v.id === 'network-vendor')!.supports = [];
      });
      const doc = rulebookOf(result);
      expect(section(doc, 'tech-infra-security')).toBeUndefined();
      expect(section(doc, 'tech-device-standards')).toBeUndefined();
      expect(subsections(doc, 'tech-infrastructure')).toEqual([
        '3.1 管理体制',
        '3.2 IT基盤の運用',
        '3.3 クラウドサービスの導入',
        '3.4 IT基盤の情報セキュリティ要件及び標準',
        '3.5 構成設定の管理',
        '3.6 ネットワーク機器台帳/ネットワーク構成図の作成',
        '3.7 ログの管理',
      ]);
      expect(xrefsIn([section(doc, 'tech-cloud-adoption')!])).toEqual([{ target: 'tech-cloud-requirements', text: '「3.4.1 クラウドサービスの情報セキュリティ要件」' }]);
      expect(xrefsIn([section(doc, 'tech-infra-operation')!]).map((x) => x.text)).toContain('「3.7 ログの管理」');
      expect(blocksText(chapterOf(doc, 'tech').children)).not.toContain('3.5.1');
      expect(section(doc, 'phys-facilities')).toBeDefined();
      expectWellFormed(result);
    });

    it('テレワークで使う項目がなければ 6.1.1 は inventory[].telework を指す要記入の行', () => {
      const result = changed(without('telework'));
      expect(rows(rulebookOf(result), 'hr-telework-systems')).toHaveLength(2);
      expect(gaps(result)).toContain('inventory[].telework テレワークで使う情報システム・サービスと用途（inventory の telework）');
      expectWellFormed(result);
    });
  });

  describe('セキュリティ領域', () => {
    it('任意の行（管理記録・侵入検知）を null にすると「－」、利用者・部外者管理を書かなければレベルの文言', () => {
      const result = changed((p) => {
        const areas = p.areas as Record<string, unknown>[];
        for (const area of areas) Object.assign(area, { records: null, intrusionDetection: null });
        delete areas[1]!.visitors;
      });
      const tables = tablesIn([section(rulebookOf(result), 'phys-security-areas')!]).map((t) => tableRows(t));
      for (const table of tables) {
        expect(table.find((r) => r[0] === '管理記録')![1]).toBe('－');
        expect(table.find((r) => r[0] === '侵入検知')![1]).toBe('－');
      }
      expect(tables[1]!.find((r) => r[0] === '部外者管理')![1]).toBe('従業員の許可を受けて入室可能');
      expectWellFormed(result);
    });

    it('領域がなければ、皆が書く表なので areas を指す要記入の表が 1 つ', () => {
      const result = changed((p) => {
        p.areas = [];
      });
      expect(tablesIn([section(rulebookOf(result), 'phys-security-areas')!])).toHaveLength(1);
      expect(result.unfilled.map((u) => u.key)).toContain('areas');
      expectWellFormed(result);
    });
  });

  it('搬入物の受け渡し場所がなければ物理的対策 4 がなくなり、5・6 が繰り上がって技術的対策 4.2 の参照も追従する', () => {
    const result = changed((p) => {
      for (const site of p.sites as Record<string, unknown>[]) site.deliveries = [];
    });
    const doc = rulebookOf(result);
    expect(topLevel(doc, 'phys')).toEqual([
      '1 入室権限およびセキュリティ領域',
      '2 関連設備の管理',
      '3 セキュリティ領域内注意事項',
      '4 クリアデスク・クリアスクリーン',
      '5 廃棄・返却・譲渡',
    ]);
    expect(xrefsIn([section(doc, 'tech-backup-media')!])).toEqual([{ target: 'phys-disposal', text: '「3.物理的対策」の「5.廃棄・返却・譲渡」' }]);
    expect(blocksText(chapterOf(doc, 'phys').children)).not.toContain('郵便物');
    expectWellFormed(result);
  });

  describe('関連設備', () => {
    it('設備の規定を書かなくても、サーバーがあれば施錠の規定だけが残る', () => {
      const result = changed((p) => {
        delete (p.rules as { physical: Record<string, unknown> }).physical.facilities;
      });
      const doc = rulebookOf(result);
      expect(sectionText(doc, 'phys-facilities')).not.toContain('床下配線');
      expect(sectionText(doc, 'phys-facilities')).toContain('サーバーの設置に当たって');
      expectWellFormed(result);
    });

    it('設備の規定を空のリストにすれば、サーバーがあっても物理的対策 2 がなくなる', () => {
      const result = changed((p) => {
        (p.rules as { physical: Record<string, unknown> }).physical.facilities = [];
      });
      const doc = rulebookOf(result);
      expect(section(doc, 'phys-facilities')).toBeUndefined();
      expect(topLevel(doc, 'phys')[1]).toBe('2 セキュリティ領域内注意事項');
      expectWellFormed(result);
    });

    it('設備の規定もサーバーもなければ物理的対策 2 がなくなり、番号と参照が繰り上がる', () => {
      const result = changed((p) => {
        delete (p.rules as { physical: Record<string, unknown> }).physical.facilities;
        drop(p, (item) => item.kind === 'server' || item.kind === 'nas');
        itemOf(p, 'web').backup = 'none';
      });
      const doc = rulebookOf(result);
      expect(section(doc, 'phys-facilities')).toBeUndefined();
      expect(topLevel(doc, 'phys')[1]).toBe('2 セキュリティ領域内注意事項');
      expect(xrefsIn([section(doc, 'tech-backup-media')!])).toEqual([{ target: 'phys-disposal', text: '「3.物理的対策」の「5.廃棄・返却・譲渡」' }]);
      expectWellFormed(result);
    });
  });

  it('バックアップがなければ 4.1 と頻度の節は inventory[].backup を指す要記入、＜保管＞・4.3・9.8 のバックアップの行はなくなる', () => {
    const result = changed((p) => {
      for (const item of p.inventory) if (item.backup !== undefined) item.backup = 'none';
    });
    const doc = rulebookOf(result);
    expect(rows(doc, 'tech-backup-targets')).toHaveLength(2);
    expect(gaps(result)).toContain('inventory[].backup バックアップを取る機器・システムと、その方法・保管先・頻度・保管期間（inventory の backup）');
    expect(subsections(doc, 'tech-backup')).toEqual(['4.1 バックアップ取得対象', '4.2 バックアップ媒体の取り扱い', '4.3 バックアップの取得頻度と保管期間']);
    expect(sectionText(doc, 'tech-backup-media')).not.toContain('＜保管＞');
    const bcp = rows(doc, 'org-business-continuity')[1]!;
    expect(bcp[0]).not.toContain('バックアップクラウドサーバー');
    expect(bcp[2]).not.toContain('クラウド事業者C');
    expectWellFormed(result);
  });

  it('バックアップ先のどれにも storage がなければ 4.2 の＜保管＞がなくなり、＜廃棄・再利用＞は残る', () => {
    const result = changed((p) => {
      for (const item of p.inventory) delete item.storage;
    });
    const doc = rulebookOf(result);
    expect(sectionText(doc, 'tech-backup-media')).not.toContain('＜保管＞');
    expect(sectionText(doc, 'tech-backup-media')).toContain('＜廃棄・再利用＞');
    expect(sectionText(rulebookOf(build(baseProfile())), 'tech-backup-media')).toContain('NASサーバー：施錠付きサーバーラックに収納');
    expectWellFormed(result);
  });

  it('クラウドの項目を指すバックアップがなければ 4.3 と 9.8 の被害対象のバックアップクラウドサーバーがなくなる', () => {
    const result = changed((p) => {
      for (const item of p.inventory) {
        if (Array.isArray(item.backup)) for (const entry of item.backup as { to: string }[]) if (entry.to === 'cloud-backup') entry.to = 'nas';
      }
      drop(p, (item) => item.kind === 'cloud-backup');
      p.vendors = (p.vendors as { id: string }[]).filter((v) => v.id !== 'backup-vendor');
    });
    const doc = rulebookOf(result);
    expect(section(doc, 'tech-cloud-backup')).toBeUndefined();
    expect(subsections(doc, 'tech-backup')).toEqual(['4.1 バックアップ取得対象', '4.2 バックアップ媒体の取り扱い', '4.3 バックアップの取得頻度と保管期間']);
    const bcp = rows(doc, 'org-business-continuity')[1]!;
    expect(bcp[0]).not.toContain('バックアップクラウドサーバー');
    expect(bcp[0]).toContain('回線サービス');
    expectWellFormed(result);
  });

  describe('事業継続に欠かせない項目と復旧目標', () => {
    it('critical がなければ 9.8 のシステムは inventory を指す要記入、5.2 と 5.5 の復旧時間目標の文がなくなり、番号が詰まる', () => {
      const result = changed(without('critical'));
      const doc = rulebookOf(result);
      expect(gaps(result)).toEqual(
        expect.arrayContaining([
          'inventory 事業の継続に欠かせないシステム（inventory の critical）',
          'inventory 事業の継続に欠かせないシステムに依存している業務（inventory の critical.operations）',
        ]),
      );
      expect(rows(doc, 'org-business-continuity').slice(1).map((r) => r[0])).toEqual(['電源設備\n空調機', '顧客', '従業員人的被害']);
      expect(section(doc, 'tech-restore-preparation')).toBeUndefined();
      expect(subsections(doc, 'tech-restore')[1]).toBe('5.2 リストアの手順');
      expect(sectionText(doc, 'tech-restore-essentials')).not.toContain('復旧時間目標');
      expect(sectionText(doc, 'tech-restore-essentials')).not.toContain('復旧ポイント目標');
      expectWellFormed(result);
    });

    it('2 つのシステムの依存業務は 9.8 に並べ、一方を { todo } で残せばその項目のキーを指す要記入になる', () => {
      expect(sectionText(rulebookOf(build(baseProfile())), 'org-business-continuity')).toContain('図面・文書の共有、商品の販売から請求回収までの業務をファイルサーバー、業務システムに依存している');
      const result = changed((p) => {
        (itemOf(p, 'sales-system').critical as Record<string, unknown>).operations = { todo: '業務システムに依存している業務' };
      });
      const index = baseProfile().inventory.findIndex((item) => item.id === 'sales-system');
      expect(gaps(result)).toContain(`inventory.${index}.critical.operations 業務システムに依存している業務`);
      expect(sectionText(rulebookOf(result), 'org-business-continuity')).toContain('【要記入：業務システムに依存している業務】をファイルサーバー、業務システムに依存している');
    });

    it('RPO だけ、RTO だけを定めた項目は、その目標の箇条だけに載る', () => {
      const result = changed((p) => {
        (itemOf(p, 'file-server').critical as Record<string, unknown>).rto = null;
        (itemOf(p, 'sales-system').critical as Record<string, unknown>).rpo = null;
      });
      const doc = rulebookOf(result);
      const preparation = sectionText(doc, 'tech-restore-preparation');
      expect(preparation).toMatch(/復旧ポイント目標 \(RPO\)：[^\n]*\nファイルサーバー：24時間以内[^\n]*\n復旧時間目標 \(RTO\)：[^\n]*\n業務システム：2時間以内/u);
      expect(preparation.match(/ファイルサーバー/gu)).toHaveLength(1);
      expect(preparation.match(/業務システム/gu)).toHaveLength(1);
      expect(sectionText(doc, 'tech-restore-essentials')).toContain('定められた復旧時間目標（業務システム：2時間以内）を遵守する。');
      expectWellFormed(result);
    });

    it('RPO も RTO も定めなければ 5.2 がなくなり、5.5 は目標のない文になる', () => {
      const result = changed((p) => {
        for (const item of p.inventory) if (item.critical) Object.assign(item.critical as object, { rpo: null, rto: null });
      });
      const doc = rulebookOf(result);
      expect(section(doc, 'tech-restore-preparation')).toBeUndefined();
      expect(sectionText(doc, 'tech-restore-essentials')).toContain('最新のバックアップおよびトランザクションデータログを常に確保する。');
      expect(sectionText(doc, 'org-business-continuity')).toContain('ファイルサーバー、業務システム停止');
      expectWellFormed(result);
    });
  });

  it('ログを取る機器がなければ、対象・取得・レビューは認証ログだけになる', () => {
    const result = changed(without('logs'));
    const doc = rulebookOf(result);
    expect(sectionText(doc, 'tech-log-scope')).not.toMatch(/ファイアウォール|プロキシ/u);
    expect(rows(doc, 'tech-log-collection').map((r) => r[0])).toEqual(['ログの種類', 'PC等の認証ログ']);
    expect(sectionText(doc, 'tech-log-review')).not.toContain('その他のログ');
    expectWellFormed(result);
  });

  it('スマートフォンの標準アプリがなければ 6.2.3 とそれを紹介する箇条がなくなる', () => {
    const result = changed(without('app'));
    const doc = rulebookOf(result);
    expect(section(doc, 'hr-telework-apps')).toBeUndefined();
    expect(subsections(doc, 'hr-telework-device-security')).toEqual(['6.2.1 社有機器を利用する場合', '6.2.2 私有機器を利用する場合']);
    expect(sectionText(doc, 'hr-telework-private-devices')).not.toContain('標準アプリを公式マーケットから入手');
    expectWellFormed(result);
  });

  describe('保守・提供事業者', () => {
    it('事業者がいなければ 9.8 のシステムの行の関係者連絡先は「－」', () => {
      const result = changed((p) => {
        p.vendors = [];
        (p.continuity as { recovery: { contacts: string[] }[] }).recovery[0]!.contacts = ['電力会社・設備業者の連絡先一覧参照'];
      });
      const doc = rulebookOf(result);
      expect(rows(doc, 'org-business-continuity')[1]![2]).toBe('－');
      expect(blocksText([section(doc, 'org-business-continuity')!])).not.toMatch(/システム開発会社A|回線事業者B|クラウド事業者C|電力会社D|設備業者E/u);
      expectWellFormed(result);
    });

    it('いない事業者の id を連絡先に書いたままなら、kitei check がその行を警告する', () => {
      const profile = baseProfile();
      profile.vendors = [];
      const yaml = stringify(profile);
      const { warnings } = loadedFromYaml(yaml, 'test.yaml');
      expect(warnings.map((w) => [w.key, w.line])).toEqual([
        ['continuity.recovery.0.contacts.0', yaml.split('\n').findIndex((l) => l.includes('- power')) + 1],
        ['continuity.recovery.0.contacts.1', yaml.split('\n').findIndex((l) => l.includes('- aircon')) + 1],
      ]);
      expect(warnings[0]!.message).toContain('「power」は vendors の id ではありません');
    });
  });

  it('事実を何も書いていない組織でも、どの文書にも空の表・空の見出し・宙に浮いた文がない', () => {
    const result = generate(answersFrom('kitei: 2\norganization: { name: テスト工業株式会社, type: company, size: small }\n'), templates);
    expect(structureProblems(result.documents)).toEqual([]);
    expect(section(rulebookOf(result), 'tech-infra-security')).toBeUndefined();
  });
});

describe('構造の検査そのもの', () => {
  const sample = rulebookOf(build(baseProfile()));
  /** The sample's rulebook with one section's children replaced. */
  const edit = (id: string, change: (children: readonly Block[]) => Block[]): Document => {
    const visit = (blocks: readonly Block[]): Block[] =>
      blocks.map((b) => (b.type === 'section' && b.id === id ? { ...b, children: change(b.children) } : b.type === 'section' || b.type === 'chapter' ? { ...b, children: visit(b.children) } : b));
    return { ...sample, children: visit(sample.children) };
  };

  it('空の見出し・行のない表・続きのない＜見出し＞・番号の飛び・古い番号の参照を見つける', () => {
    expect(structureProblems([edit('tech-backup-frequency', () => [])])).toEqual([expect.stringContaining('4.4 バックアップの取得頻度と保管期間: 見出しの下に何もない')]);
    expect(structureProblems([edit('tech-standard-software', (c) => c.map((b) => (b.type === 'table' ? { ...b, children: b.children.slice(0, 1) } : b)))])).toEqual([
      expect.stringContaining('2.4.1 標準ソフトウェア > : 行のない表'),
    ]);
    expect(structureProblems([edit('tech-backup-media', (c) => c.filter((b, i) => !(b.type === 'list' && i < 3)))])).toEqual([expect.stringContaining('「＜保管＞」の後に続くものがない')]);
    expect(structureProblems([edit('tech-backup', (c) => c.map((b) => (b.type === 'section' && b.id === 'tech-cloud-backup' ? { ...b, number: '4.5' } : b)))])).toEqual([
      expect.stringContaining('番号が 4.3 でない'),
    ]);
    const stale = edit('tech-software-standard', (c) =>
      c.map((b) => (b.type === 'paragraph' ? { ...b, children: b.children.map((n) => (n.type === 'xref' ? { ...n, text: '「2.5.1 標準ソフトウェア」' } : n)) } : b)),
    );
    expect(structureProblems([stale])).toEqual([expect.stringContaining('参照「「2.5.1 標準ソフトウェア」」に tech-standard-software の番号 2.4.1 がない')]);
  });
});
