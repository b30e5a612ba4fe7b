import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../src/generate.js';
import { documentText } from '../../src/model/text.js';
import type { Document } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { answersFrom, testTemplates } from '../support/build.js';

/**
 * Issue 14, points 4 and 6, on the organization profile: the My Number areas are rooms and desks
 * (not whole security levels), and the head of a cooperative is the one title its people say.
 */

interface Parts {
  readonly areas?: string;
  readonly myNumber?: string;
}
const company = (parts: Parts = {}) => `
kitei: 2
organization: { name: テスト工業株式会社, type: company, size: medium, business: 精密部品の設計・製造 }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: head, title: 代表取締役, roles: [head, securityOfficer] }
  - { id: admin, title: 総務部長, roles: [systemAdmin, educationOfficer, incidentOfficer, complaintsOfficer, privacyOfficer, myNumberManager, myNumberClerk, publicRelations] }
  - { id: audit, title: 内部監査室長, roles: [auditor] }
${parts.areas ?? ''}
myNumber: { contact: { desk: 総務部 }, deletionTiming: 毎年度末, ${parts.myNumber ?? 'managementArea: [書庫], handlingArea: [総務部の執務室]'} }
`;

const AREAS = `areas:
  - { level: 1, rooms: [受付, 応接室], locking: 最終退室者による施錠, devices: ホワイトボード, records: null, intrusionDetection: null, fireProtection: 消火器設置 }
  - { level: 2, rooms: [事務所, 書類保管庫, 設計室], locking: 最終退室者による施錠, devices: パソコン、複合機, records: null, intrusionDetection: null, fireProtection: 消火器設置 }
  - { level: 3, rooms: [サーバールーム], locking: 常時施錠, devices: サーバー, records: 入退室を記録, intrusionDetection: null, fireProtection: 消火器設置 }
`;

const build = (yaml: string): GenerateResult => generate(answersFrom(yaml), testTemplates());
const doc = (result: GenerateResult, id: string): Document => {
  const found = result.documents.find((d) => d.id === id);
  if (!found) throw new Error(`${id} がありません`);
  return found;
};
/** The text of the 物理的安全管理措置 (1) of the 特定個人情報取扱規程. */
const areaRule = (yaml: string): string => {
  const text = documentText(doc(build(yaml), 'my-number-rules'));
  const line = text.split('\n').find((l) => l.includes('特定個人情報等を取り扱う区域の管理：'));
  if (!line) throw new Error('区域の管理の号がありません');
  return line;
};

describe('4 管理区域・取扱区域は部屋・席で定め、管理区域への持込みを制限する', () => {
  it('部屋ごとに、その部屋が属するセキュリティ領域を括弧書きで示す（レベル全体を区域にしない）', () => {
    const rule = areaRule(company({ areas: AREAS, myNumber: 'managementArea: [サーバールーム], handlingArea: [事務所]' }));
    expect(rule).toContain('管理区域はサーバールーム（レベル3領域）とし、取扱区域は事務所（レベル2領域）とする。');
    expect(rule).toMatch(/管理区域及び取扱区域は、その部屋・場所が属する『情報セキュリティ関連規程』の「3\.物理的対策」の「1\.2 セキュリティ領域の設定」のセキュリティ領域の定めにより管理し、入退室は/u);
    // The old wording made the whole level the area.
    expect(rule).not.toMatch(/に定めるレベル\d領域とし|同じくレベル/u);
  });

  it('同じ領域の部屋は「及び」でまとめ、領域の表にない席は括弧書きなし', () => {
    const rule = areaRule(company({ areas: AREAS, myNumber: 'managementArea: [書類保管庫, サーバールーム], handlingArea: [事務所, 設計室, 総務担当の席]' }));
    expect(rule).toContain('管理区域は書類保管庫（レベル2領域）、サーバールーム（レベル3領域）とし、取扱区域は事務所及び設計室（レベル2領域）、総務担当の席とする。');
    const noAreas = areaRule(company());
    expect(noAreas).toContain('管理区域は書庫とし、取扱区域は総務部の執務室とする。');
    expect(noAreas).not.toContain('（レベル');
  });

  it('管理区域への機器・電子媒体の持込みは、私有のものを含め事務取扱責任者が認めたものに限る（事業者編ガイドライン 物理的安全管理措置 a）', () => {
    const rule = areaRule(company());
    expect(rule).toContain('管理区域への機器及び電子媒体等の持込みは、私有のものを含め、業務上必要なものとして事務取扱責任者が認めたものに限る。');
    // The role is named by its (renamed) name.
    const renamed = areaRule(company().replace('people:', 'roles: { myNumberManager: { name: マイナンバー管理責任者 } }\npeople:'));
    expect(renamed).toContain('業務上必要なものとしてマイナンバー管理責任者が認めたものに限る。');
  });

  it('区域の回答がないときは、キー付きの要記入', () => {
    const result = build(company({ myNumber: 'managementArea: [書庫], handlingArea: [総務部の執務室]' }).replace(/myNumber: .*\n/u, ''));
    const keys = result.unfilled.map((gap) => gap.key);
    expect(keys).toContain('myNumber.managementArea');
    expect(keys).toContain('myNumber.handlingArea');
  });
});

describe('6 協同組合の代表者は people の head の役職名ひとつ（本文・署名・表紙）', () => {
  const COOPERATIVE = `
kitei: 2
organization: { name: テスト事業協同組合, type: cooperative, size: medium, business: 組合員の共同購買 }
document: { effectiveDate: 2026-04-01 }
people:
  - { id: head, title: 代表理事組合長, name: 山田 太郎, roles: [head, securityOfficer] }
  - { id: admin, title: 事務局長, roles: [systemAdmin, educationOfficer, incidentOfficer, complaintsOfficer, privacyOfficer, myNumberManager, myNumberClerk, publicRelations] }
  - { id: audit, title: 監事, roles: [auditor] }
myNumber: { contact: { desk: 事務局 }, managementArea: [書庫], handlingArea: [事務室], deletionTiming: 毎年度末 }
`;
  const result = build(COOPERATIVE);

  it('どの文書にもプリセットの「理事長」が残らない', () => {
    expect(result.documents.map((d) => d.id)).toEqual(expect.arrayContaining(['rulebook', 'basic-policy', 'my-number-policy', 'my-number-rules', 'contract-clauses']));
    for (const document of [...result.documents, result.pack!]) {
      expect(documentText(document), document.id).not.toContain('理事長');
      expect(renderMarkdown(document), document.id).not.toContain('理事長');
    }
  });

  it('本文（体制・持ち出しの許可・インシデントの最高責任者）は代表理事組合長', () => {
    const rulebook = documentText(doc(result, 'rulebook'));
    expect(rulebook).toContain('極秘の場合は代表理事組合長の許可を得る。');
    expect(rulebook).toMatch(/最高責任者\s*代表理事組合長/u);
    expect(documentText(doc(result, 'basic-policy'))).toContain('本組合は、代表理事組合長をはじめとする役員が主導して');
  });

  it('署名（基本方針・特定個人情報の基本方針）と表紙の承認者も同じ役職名', () => {
    expect(renderMarkdown(doc(result, 'basic-policy'))).toContain('代表理事組合長　山田 太郎');
    expect(renderMarkdown(doc(result, 'my-number-policy'))).toContain('代表理事組合長　山田 太郎');
    expect(doc(result, 'rulebook').meta.approver).toBe('代表理事組合長');
    expect(result.pack!.meta.approver).toBe('代表理事組合長');
  });

  it('承認者を別に書いたときは表紙だけがそれになり、本文と署名は代表者のまま', () => {
    const other = build(COOPERATIVE.replace('document: { effectiveDate: 2026-04-01 }', 'document: { effectiveDate: 2026-04-01, approver: 理事会 }'));
    expect(doc(other, 'rulebook').meta.approver).toBe('理事会');
    expect(renderMarkdown(doc(other, 'basic-policy'))).toContain('代表理事組合長　山田 太郎');
    expect(documentText(doc(other, 'rulebook'))).not.toContain('理事長');
  });
});
