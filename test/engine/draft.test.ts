import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { buildFile } from '../../src/build.js';
import { DRAFT_NOTE } from '../../src/model/text.js';
import { ROOT } from '../support/build.js';

/** The small office's answers, less its start date: a draft. */
function draftAnswers(dir: string): string {
  const file = join(dir, 'draft.yaml');
  writeFileSync(file, readFileSync(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), 'utf8').replace(/^document:\n {2}effectiveDate: 2027-04-01\n/mu, ''));
  return file;
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

describe('下書きは下書きと分かる', () => {
  it('表紙・ページの上・ファイル名に「下書き」と出る（Markdown・Word・PDF）', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-draft-'));
    const result = await buildFile(draftAnswers(dir), { out: join(dir, 'out'), formats: ['md', 'docx', 'pdf'], draft: true });
    expect(result.generated.unfilled.map((u) => u.key)).toEqual(['document.effectiveDate']);
    const folder = join(dir, 'out', 'こもれび設計株式会社');
    const names = readdirSync(folder);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(name).toMatch(/（下書き）\.(md|docx|pdf)$/u);
    // Markdown: right under the title of every document.
    for (const name of names.filter((n) => n.endsWith('.md'))) expect(readFileSync(join(folder, name), 'utf8')).toMatch(new RegExp(`^# .+\\n\\n\\*\\*${DRAFT_NOTE.replace(/[()（）【】]/gu, '.')}\\*\\*\\n`, 'u'));
    // Word: the cover, and the running header of every page.
    const docx = unzipSync(readFileSync(join(folder, '情報セキュリティ関連規程（下書き）.docx')));
    expect(strFromU8(docx['word/document.xml']!)).toContain(DRAFT_NOTE);
    const headers = Object.keys(docx).filter((k) => /^word\/header\d+\.xml$/u.test(k));
    expect(headers.length).toBeGreaterThan(0);
    for (const header of headers) expect(strFromU8(docx[header]!)).toContain('【下書き】');
    // PDF: the cover's stamp and note, and the running header on the pages after it.
    const pages = pdfText(join(folder, '情報セキュリティ関連規程（下書き）.pdf')).split('\f');
    expect(pages[0]).toContain('下書き');
    expect(pages[0]).toContain('採用された規程ではありません');
    for (const page of pages.slice(1, -1)) expect(page).toContain('【下書き】情報セキュリティ関連規程');
    const policy = pdfText(join(folder, '情報セキュリティ基本方針（下書き）.pdf'));
    expect(policy).toContain('採用された規程ではありません');
  }, 60_000);

  it('未記入のない回答から作った文書には「下書き」がどこにもない。--draft を付ければ、未記入がなくても下書きとして作る（発行した文書に重ならない）', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-draft-'));
    await buildFile(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), { out: join(dir, 'out'), formats: ['md', 'pdf'], draft: false });
    const folder = join(dir, 'out', 'こもれび設計株式会社');
    const adopted = readdirSync(folder);
    for (const name of adopted) {
      expect(name).not.toContain('下書き');
      const text = name.endsWith('.pdf') ? pdfText(join(folder, name)) : readFileSync(join(folder, name), 'utf8');
      expect(text, name).not.toContain('下書き');
    }
    await buildFile(join(ROOT, 'answers', 'komorebi-sekkei.yaml'), { out: join(dir, 'out'), formats: ['md'], draft: true });
    const drafts = readdirSync(folder).filter((name) => !adopted.includes(name));
    expect(drafts).toContain('情報セキュリティ関連規程（下書き）.md');
    expect(drafts.every((name) => name.includes('（下書き）'))).toBe(true);
    expect(readFileSync(join(folder, '情報セキュリティ関連規程（下書き）.md'), 'utf8')).toContain('下書き');
  }, 60_000);
});
