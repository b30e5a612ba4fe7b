import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersFromYaml } from '../../src/answers/load.js';
import { buildFile } from '../../src/build.js';
import { readHistory, readIssuedFile, serializeIssued, parseIssued } from '../../src/revise/history.js';
import { reviseFile } from '../../src/revise/revise.js';
import { writeRevision } from '../../src/revise/answers-edit.js';
import { ANTIVIRUS, companyFolder, editedTemplates, EXAMPLE, exampleWith, kitei, NEW_ANTIVIRUS, PRIVATE_DEVICES_OFF, TELEWORK_OFF } from './support.js';

/**
 * The revision workflow as a user runs it: `kitei build` records the version it issues,
 * `kitei revise` makes the next one from the edited answers, `kitei diff` compares without issuing.
 */

const REASON = 'ウイルス対策ソフトの変更、テレワークの廃止';
const TABLE = '情報セキュリティ関連規程 新旧対照表（第1.1版）';

const read = (path: string) => readFileSync(path, 'utf8');
const edit = (path: string, ...replacements: [string, string][]) => {
  let text = read(path);
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${path} に「${from}」がありません`);
    text = text.replaceAll(from, to);
  }
  writeFileSync(path, text);
};
const chapterDates = (markdown: string) => [...markdown.matchAll(/^\| (\d) \| [^|]+ \| (\d{4}年\d{1,2}月\d{1,2}日) \|/gmu)].map((m) => `${m[1]}:${m[2]}`);

describe('kitei build が発行した版を記録する', () => {
  it('下書きでない build は回答の横の <名前>.history/<版>.json に記録し、同じ内容なら何もしない', async () => {
    const c = companyFolder();
    const draft = await kitei('build', c.answers, '--out', c.out, '--draft');
    expect(draft.code, draft.err).toBe(0);
    expect(existsSync(c.history)).toBe(false);
    const first = await kitei('build', c.answers, '--out', c.out);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('記録しました: ');
    expect(first.out).toContain('1.0.json（第1.0版、施行日 2026-04-01）');
    expect(readdirSync(c.history)).toEqual(['1.0.json']);
    const bytes = read(join(c.history, '1.0.json'));
    const again = await kitei('build', c.answers, '--out', c.out);
    expect(again.code, again.err).toBe(0);
    expect(again.out).not.toContain('記録');
    expect(read(join(c.history, '1.0.json'))).toBe(bytes);
  });

  it('記録した版と違う内容の build は拒み（何も書かない）、--reissue で置き換え、--no-history は記録を見ない', async () => {
    const c = companyFolder();
    expect((await kitei('build', c.answers, '--out', c.out)).code).toBe(0);
    edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS]);
    const refused = await kitei('build', c.answers, '--out', join(c.dir, 'other'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('第1.0版（施行日 2026-04-01）は');
    expect(refused.err).toContain('技術的対策 2.4.1 標準ソフトウェア（変更）');
    expect(refused.err).toContain('kitei revise');
    expect(refused.err).toContain('--reissue');
    expect(existsSync(join(c.dir, 'other'))).toBe(false);
    expect((await kitei('build', c.answers, '--out', c.out, '--no-history')).code).toBe(0);
    const reissued = await kitei('build', c.answers, '--out', c.out, '--reissue');
    expect(reissued.code, reissued.err).toBe(0);
    expect(reissued.out).toContain('記録を置き換えました');
    expect(read(join(c.history, '1.0.json'))).toContain(NEW_ANTIVIRUS);
  });

  it('--history で置き場所を変えられる', async () => {
    const c = companyFolder();
    const elsewhere = join(c.dir, 'records');
    expect((await kitei('build', c.answers, '--out', c.out, '--history', elsewhere)).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual(['1.0.json']);
    expect(existsSync(c.history)).toBe(false);
  });

  it('記録は読み戻すと元のモデルと同じで、書けば同じバイト列になる', async () => {
    const c = companyFolder();
    const result = await buildFile(c.answers, { out: c.out, formats: ['md'], draft: false, history: { dir: c.history, reissue: false } });
    const file = join(c.history, '1.0.json');
    const issued = readIssuedFile(file);
    expect(JSON.stringify(issued.documents)).toBe(JSON.stringify(result.generated.documents));
    expect(serializeIssued(issued)).toBe(read(file));
    // One block a line: a paragraph is a line of its own, text runs are plain strings.
    expect(read(file)).toMatch(/^ {8}\{"type":"paragraph","children":\["情報セキュリティ対策を推進するための組織として/mu);
    expect(() => parseIssued('{"format":9,"version":"1.0","effectiveDate":"2026-04-01","documents":[]}', 'x.json')).toThrow(/形式 9/u);
    expect(() => parseIssued('{', 'x.json')).toThrow(/x\.json: 発行した版の記録（JSON）を読み取れません/u);
  });
});

describe('kitei revise', () => {
  it('例の会社を 1.0 → 1.1（ウイルス対策ソフトの変更、テレワークの廃止）に一度のコマンドで改訂する', async () => {
    const c = companyFolder();
    expect((await kitei('build', c.answers, '--out', c.out)).code).toBe(0);
    edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS], TELEWORK_OFF);
    const before = read(c.answers);
    const revised = await kitei('revise', c.answers, '--version', '1.1', '--date', '2027-04-01', '--reason', REASON, '--out', c.out, '--format', 'md');
    expect(revised.code, revised.err).toBe(0);
    expect(revised.out).toContain('第1.0版（2026-04-01）→ 第1.1版（2027-04-01）');
    expect(revised.out).toContain('人的対策 6. テレワークにおける対策（削除）');
    expect(revised.out).toContain('改訂日を 2027-04-01 にした章: 2. 人的対策、4. 技術的対策');
    expect(revised.out).toContain(`${TABLE}.md`);

    // The answers: only the revision's keys changed, comments and layout kept.
    const after = read(c.answers);
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(removed).toEqual(['  version: "1.0"', '  effectiveDate: 2026-04-01']);
    expect(after).toContain('    - { version: "1.0", date: 2026-04-01, description: 制定 }\n    - { version: "1.1", date: 2027-04-01, description: ウイルス対策ソフトの変更、テレワークの廃止 }\n');
    expect(after).toContain('# 例: 架空の製造業の会社（従業員 45 名）。');
    const answers = answersFromYaml(after, c.answers);
    expect(answers.document.chapterRevised).toEqual({ organizational: '2026-04-01', human: '2027-04-01', physical: '2026-04-01', technical: '2027-04-01' });
    // Documents that did not change keep their dates.
    expect(answers.companion.basicPolicy.date).toBe('2026-04-01');
    expect(answers.companion.myNumber.rulesDate).toBe('2026-04-01');

    const folder = join(c.out, 'あおば精機株式会社');
    const rulebook = read(join(folder, '情報セキュリティ関連規程.md'));
    expect(rulebook).toContain('| 1.0 | 2026年4月1日 | 制定 |\n| 1.1 | 2027年4月1日 | ウイルス対策ソフトの変更、テレワークの廃止 |');
    expect(chapterDates(rulebook)).toEqual(['1:2026年4月1日', '2:2027年4月1日', '3:2026年4月1日', '4:2027年4月1日']);
    expect(read(join(folder, '特定個人情報取扱規程.md'))).toContain('この規程は、2026年4月1日から施行する。');
    const table = read(join(folder, `${TABLE}.md`));
    expect(table).toContain('| 改訂の内容 | ウイルス対策ソフトの変更、テレワークの廃止 |');
    expect(table).toContain(`<ins>${NEW_ANTIVIRUS}</ins>`);
    expect(table).toContain('（削除）');
    // Only the rulebook changed: one 新旧対照表.
    expect(readdirSync(folder).filter((f) => f.includes('新旧対照表'))).toEqual([`${TABLE}.md`]);
    expect(readdirSync(c.history).sort()).toEqual(['1.0.json', '1.1.json']);
    // The version made is the version recorded: building it again records nothing new.
    const rebuilt = await kitei('build', c.answers, '--out', c.out);
    expect(rebuilt.code, rebuilt.err).toBe(0);
    expect(rebuilt.out).not.toContain('記録');
  }, 60_000);

  it('3回の改訂で改訂履歴のすべての行（制定を含む）と版の記録が残り、改訂日は変わった章だけが進む', async () => {
    const c = companyFolder();
    await buildFile(c.answers, { out: c.out, formats: ['md'], draft: false, history: { dir: c.history, reissue: false } });
    const revise = (version: string, date: string, reason: string) => reviseFile(c.answers, { version, date, reason, out: c.out, formats: ['md'] });
    edit(c.answers, ['month: 毎年9月', 'month: 毎年10月']);
    const first = await revise('1.1', '2027-04-01', '監査の月の変更');
    expect(first.plan.revisedChapters.map((ch) => ch.key)).toEqual(['organizational']);
    edit(c.answers, ['    entryLogRetention: 3年間', '    entryLogRetention: 5年間']);
    const second = await revise('1.2', '2028-04-01', '入退室記録の保存期間の延長');
    expect(second.plan.revisedChapters.map((ch) => ch.key)).toEqual(['physical']);
    edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS]);
    const third = await revise('2.0', '2029-04-01', 'ウイルス対策ソフトの変更');
    expect(third.plan.revisedChapters.map((ch) => ch.key)).toEqual(['technical']);

    const answers = answersFromYaml(read(c.answers), c.answers);
    expect(answers.document.revisions).toEqual([
      { version: '1.0', date: '2026-04-01', description: '制定' },
      { version: '1.1', date: '2027-04-01', description: '監査の月の変更' },
      { version: '1.2', date: '2028-04-01', description: '入退室記録の保存期間の延長' },
      { version: '2.0', date: '2029-04-01', description: 'ウイルス対策ソフトの変更' },
    ]);
    expect(answers.document.chapterRevised).toEqual({ organizational: '2027-04-01', human: '2026-04-01', physical: '2028-04-01', technical: '2029-04-01' });
    expect(readHistory(c.history).map((v) => `${v.version}@${v.effectiveDate}`)).toEqual(['1.0@2026-04-01', '1.1@2027-04-01', '1.2@2028-04-01', '2.0@2029-04-01']);
    const rulebook = read(join(c.out, 'あおば精機株式会社', '情報セキュリティ関連規程.md'));
    expect(chapterDates(rulebook)).toEqual(['1:2027年4月1日', '2:2026年4月1日', '3:2028年4月1日', '4:2029年4月1日']);
    // Each revision's table compares with the version before it.
    const table = read(join(c.out, 'あおば精機株式会社', '情報セキュリティ関連規程 新旧対照表（第2.0版）.md'));
    expect(table).toContain('| 改正 | 第1.2版（2028年4月1日施行） → 第2.0版（2029年4月1日施行） |');
  }, 120_000);

  it('前に進まない版・日付、変わらない回答、記録のない回答は拒み、何も書き換えない', async () => {
    const c = companyFolder();
    const none = await kitei('revise', c.answers, '--version', '1.1', '--date', '2027-04-01', '--reason', REASON, '--out', c.out);
    expect(none.code).toBe(1);
    expect(none.err).toContain('発行した版の記録がありません');
    expect((await kitei('build', c.answers, '--out', c.out)).code).toBe(0);
    const unchanged = await kitei('revise', c.answers, '--version', '1.1', '--date', '2027-04-01', '--reason', REASON, '--out', c.out);
    expect(unchanged.code).toBe(1);
    expect(unchanged.err).toContain('変わった箇所がありません');
    edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS]);
    const source = read(c.answers);
    const cases: [string[], string][] = [
      [['--version', '1.0', '--date', '2027-04-01'], '--version: 第1.0版は第1.0版より後の版にしてください'],
      [['--version', '0.9', '--date', '2027-04-01'], '--version: 第0.9版は第1.0版より後の版にしてください'],
      [['--version', '1.1', '--date', '2026-04-01'], '--date: 施行日 2026-04-01 は第1.0版の 2026-04-01 より後の日付にしてください'],
      [['--version', '1.1', '--date', '2025-12-31'], '--date: 施行日 2025-12-31 は'],
      [['--version', '1.1', '--date', '2027-02-30'], '--date: 存在しない日付です'],
      [['--version', '1.1', '--date', '2027/04/01'], '--date: YYYY-MM-DD の形式で記入してください'],
    ];
    for (const [args, message] of cases) {
      const refused = await kitei('revise', c.answers, ...args, '--reason', REASON, '--out', c.out);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.err).toContain(message);
    }
    const placeholder = await kitei('revise', c.answers, '--version', '1.1', '--date', '2027-04-01', '--reason', '○○の変更', '--out', c.out);
    expect(placeholder.err).toContain('--reason: 「○○」「●●」');
    const missing = await kitei('revise', c.answers, '--version', '1.1', '--out', c.out);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--date');
    expect(read(c.answers)).toBe(source);
    expect(readdirSync(c.history)).toEqual(['1.0.json']);
  }, 60_000);

  it('kitei のテンプレートだけが変わっても、記録したモデルと比べて改訂できる', async () => {
    const c = companyFolder();
    await buildFile(c.answers, { out: c.out, formats: ['md'], draft: false, history: { dir: c.history, reissue: false } });
    const templates = editedTemplates('教育計画を年度単位で立案する。', '教育計画を年度ごとに立案し、情報セキュリティ委員会の承認を得る。', 'rulebook/2-human/04-education.md');
    const result = await reviseFile(c.answers, { version: '1.1', date: '2027-04-01', reason: 'IPA サンプルの改訂の反映', out: c.out, formats: ['md'], templates });
    expect(result.plan.revisedChapters.map((ch) => ch.key)).toEqual(['human']);
    expect(result.plan.tables.map((t) => t.id)).toEqual(['rulebook-comparison']);
    const table = read(join(c.out, 'あおば精機株式会社', `${TABLE}.md`));
    expect(table).toContain('年度<ins>ごとに</ins>立案<ins>し、情報セキュリティ委員会の承認を得る</ins>。');
  }, 60_000);

  it('同じ入力からは、記録と新旧対照表（md・docx・pdf）が同じバイト列になる', async () => {
    const runOnce = async () => {
      const c = companyFolder();
      await buildFile(c.answers, { out: c.out, formats: ['md'], draft: false, history: { dir: c.history, reissue: false } });
      edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS], PRIVATE_DEVICES_OFF);
      const result = await reviseFile(c.answers, { version: '1.1', date: '2027-04-01', reason: REASON, out: c.out, formats: ['md', 'docx', 'pdf'] });
      const tables = result.files.filter((f) => f.path.includes('新旧対照表')).map((f) => readFileSync(f.path));
      return { history: read(result.historyFile), answers: read(c.answers), tables };
    };
    const a = await runOnce();
    const b = await runOnce();
    // The rulebook and the exit checklist (its row on private devices) changed, each in three formats.
    expect(a.tables).toHaveLength(6);
    expect(b.history).toBe(a.history);
    expect(b.answers).toBe(a.answers);
    a.tables.forEach((bytes, i) => expect(Buffer.compare(bytes, b.tables[i]!), `新旧対照表 ${i}`).toBe(0));
  }, 120_000);
});

describe('extends: を使う回答の改訂', () => {
  it('改訂は顧客の回答ファイルにだけ書き、改訂履歴は全行を顧客のファイルに持つ（基のリストに消されない）', async () => {
    const c = companyFolder();
    const base = join(c.dir, 'answers', '_事務所.yaml');
    // A house base that (wrongly) carries a 改訂履歴 of its own: the client's full list must win.
    const house = '# 事務所の既定値\ndocument:\n  revisions:\n    - { version: "0.1", date: 2020-01-01, description: 事務所のひな形 }\nrules:\n  software: { virusScan: 週次 }\n';
    writeFileSync(base, house);
    writeFileSync(c.answers, `extends: _事務所.yaml\n${EXAMPLE.replace(/ {2}revisions:\n.*\n/u, '')}`);
    expect((await kitei('build', c.answers, '--out', c.out)).code).toBe(0);
    edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS]);
    const revised = await kitei('revise', c.answers, '--version', '1.1', '--date', '2027-04-01', '--reason', 'ウイルス対策ソフトの変更', '--out', c.out, '--format', 'md');
    expect(revised.code, revised.err).toBe(0);
    expect(read(base)).toBe(house);
    const answers = answersFromYaml(read(c.answers), c.answers);
    expect(answers.document.revisions.map((r) => r.version)).toEqual(['0.1', '1.1']);
    expect(read(c.answers)).toContain('    - { version: "0.1", date: 2020-01-01, description: 事務所のひな形 }\n    - { version: "1.1", date: 2027-04-01, description: ウイルス対策ソフトの変更 }');
  }, 60_000);
});

describe('回答ファイルへの書き込み（answers-edit）', () => {
  const edits = {
    version: '1.1',
    effectiveDate: '2027-04-01',
    revisions: [
      { version: '1.0', date: '2026-04-01', description: '制定' },
      { version: '1.1', date: '2027-04-01', description: '見直し: 再委託, "引用"' },
    ],
    chapterRevised: { organizational: '2026-04-01', technical: '2027-04-01' },
    documentDates: { 'basic-policy': '2026-04-01' },
  };
  const cases: [string, string][] = [
    ['document のない回答', '# 見出しのコメント\nkitei: 2\norganization:\n  name: 例示株式会社 # 社名\n  type: company\n  size: small\n\n# 人と役割\npeople:\n  - { id: auditor, title: 監査役, roles: [auditor] }\n'],
    ['空の改訂履歴と一部の改訂日', 'kitei: 2\norganization:\n  name: 例示株式会社\n  type: company\n  size: small\ndocument:\n  effectiveDate: 2026-04-01\n  revisions: []\n  chapterRevised:\n    human: 2025-01-01'],
    ['flow で書いた document', 'kitei: 2\norganization: { name: 例示株式会社, type: company, size: small }\ndocument: { version: "1.0", effectiveDate: 2026-04-01 }\n'],
  ];
  it.each(cases)('%s: 書いた値が読み戻せ、コメントは残る', (_name, source) => {
    const out = writeRevision(source, answersFromYaml(source, 'x.yaml'), edits);
    const back = answersFromYaml(out, 'x.yaml');
    expect(back.document.version).toBe('1.1');
    expect(back.document.effectiveDate).toBe('2027-04-01');
    expect(back.document.revisions).toEqual(edits.revisions);
    expect(back.document.chapterRevised.organizational).toBe('2026-04-01');
    expect(back.document.chapterRevised.technical).toBe('2027-04-01');
    expect(back.companion.basicPolicy.date).toBe('2026-04-01');
    for (const comment of source.match(/#.*$/gmu) ?? []) expect(out).toContain(comment);
  });

  it('手で書いた例の回答は、改訂の行だけが変わる', () => {
    const out = writeRevision(EXAMPLE, answersFromYaml(EXAMPLE, 'answers/aoba-seiki.yaml'), { ...edits, revisions: [edits.revisions[0]!, edits.revisions[1]!] });
    const added = out.split('\n').filter((l) => !EXAMPLE.split('\n').includes(l));
    expect(added).toEqual([
      '  version: "1.1"',
      '  effectiveDate: 2027-04-01',
      '    - { version: "1.1", date: 2027-04-01, description: "見直し: 再委託, \\"引用\\"" }',
      '  chapterRevised:',
      '    organizational: 2026-04-01',
      '    technical: 2027-04-01',
      '    date: 2026-04-01',
    ]);
  });
});

describe('kitei diff', () => {
  it('2つの回答ファイルの違いを新旧対照表（案）にし、何も発行・記録しない', async () => {
    const c = companyFolder();
    const proposal = join(c.dir, 'answers', 'proposal.yaml');
    writeFileSync(proposal, exampleWith(TELEWORK_OFF));
    const result = await kitei('diff', c.answers, proposal, '--out', c.out);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('情報セキュリティ関連規程: 人的対策 6. テレワークにおける対策（削除）');
    const table = read(join(c.out, 'あおば精機株式会社', '情報セキュリティ関連規程 新旧対照表（案）.md'));
    expect(table).toContain('# 情報セキュリティ関連規程 新旧対照表（案）');
    expect(table).toContain('| 改正 | 第1.0版（2026年4月1日施行） → 第1.0版（2026年4月1日施行） |');
    expect(existsSync(c.history)).toBe(false);
    expect(read(c.answers)).toBe(EXAMPLE);
    const same = await kitei('diff', c.answers, c.answers, '--out', join(c.dir, 'none'));
    expect(same.out).toBe('違いはありません。\n');
    expect(existsSync(join(c.dir, 'none'))).toBe(false);
  });

  it('発行した2つの版の記録（JSON）も比べられる', async () => {
    const c = companyFolder();
    expect((await kitei('build', c.answers, '--out', c.out)).code).toBe(0);
    edit(c.answers, [ANTIVIRUS, NEW_ANTIVIRUS]);
    expect((await kitei('revise', c.answers, '--version', '1.1', '--date', '2027-04-01', '--reason', REASON, '--out', c.out, '--format', 'md')).code).toBe(0);
    const result = await kitei('diff', join(c.history, '1.0.json'), join(c.history, '1.1.json'), '--out', join(c.dir, 'diff'));
    expect(result.code, result.err).toBe(0);
    const table = read(join(c.dir, 'diff', 'あおば精機株式会社', '情報セキュリティ関連規程 新旧対照表（案）.md'));
    expect(table).toContain('| 改正 | 第1.0版（2026年4月1日施行） → 第1.1版（2027年4月1日施行） |');
    expect(table).toContain(`<ins>${NEW_ANTIVIRUS}</ins>`);
    const broken = join(c.dir, 'broken.json');
    writeFileSync(broken, '{"format":1}');
    const refused = await kitei('diff', broken, c.answers);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('broken.json: 発行した版の記録ではありません');
  }, 60_000);
});
