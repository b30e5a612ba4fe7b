import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { inlineText } from '../../src/model/text.js';
import type { Block, Document } from '../../src/model/types.js';
import { FORMATS, parseFormats } from '../../src/render/index.js';
import { layoutDocument, MissingGlyphError, renderPdf } from '../../src/render/pdf/index.js';
import { flattenOps, type GlyphRun } from '../../src/render/pdf/ops.js';
import { NO_LINE_END, NO_LINE_START } from '../../src/render/text/linebreak.js';
import { answersFile, fixture, rulebook, testTemplates } from '../support/build.js';
import { generate } from '../../src/generate.js';
import { headingNumber } from '../../src/transform/numbering.js';
import { para } from '../support/builders.js';
import { FIXTURE, PACK, paragraphsOf, RULES } from './fixture.js';
import { findAcrossPageBreaks, pdfFonts, pdfInfo, pdfOutline, pdfText, squash } from './support.js';

/**
 * The PDF writer on a hand-made model (every node type, long tables, page breaks) and on the real
 * rulebook of the IPA sample answers: text copies out, TOC numbers and bookmarks point at the right
 * pages, 禁則 holds on every line, same bytes every time, missing glyphs stop the build.
 */

const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE === '1';

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

function headings(blocks: readonly Block[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (b.type === 'chapter') {
      out.push(b.title);
      headings(b.children, out);
    } else if (b.type === 'section') {
      out.push(`${headingNumber(b)} ${inlineText(b.title)}`);
      headings(b.children, out);
    }
  }
  return out;
}

/**
 * Lines of text as laid out: runs grouped by page and baseline, split where columns leave a gap.
 * Lines that begin or end a paragraph (or a line of it after a break) are left out: the rules are
 * about where lines wrap, not about how the text itself begins or ends.
 */
function wrappedLines(doc: Document): string[] {
  const pieces = paragraphsOf(doc.children).flatMap((p) => p.split('\n')).map((p) => p.trim()).filter((p) => p.length > 0);
  const starts = new Set(pieces.map((p) => p.slice(0, 4)));
  const ends = new Set(pieces.map((p) => p.slice(-4)));
  const out: string[] = [];
  for (const page of layoutDocument(doc).pages) {
    const runs = flattenOps(page.ops).filter((op): op is GlyphRun => op.kind === 'text' && op.chars.length > 0);
    const rows = new Map<number, GlyphRun[]>();
    for (const run of runs) {
      const key = Math.round(run.y * 10);
      rows.set(key, [...(rows.get(key) ?? []), run]);
    }
    for (const row of rows.values()) {
      row.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const [k, run] of row.entries()) {
        // A list bullet is a marker, not the start of the line's text.
        if (run.chars.length === 1 && run.chars[0] === '・' && row[k + 1] && row[k + 1]!.x - run.x <= run.size * 1.01) continue;
        if (run.x - end > 8 && text) {
          out.push(text);
          text = '';
        }
        text += run.chars.join('');
        end = run.x + run.offsets[run.offsets.length - 1]! + run.size;
      }
      if (text) out.push(text);
    }
  }
  return out.filter((l) => l.length > 3 && !starts.has(l.slice(0, 4)) && !ends.has(l.slice(-4)));
}

let pdf: Uint8Array;
let text: string;
/** In content order: a table cell's lines stay together (reading order interleaves columns). */
let raw: string;

beforeAll(async () => {
  pdf = await renderPdf(FIXTURE);
  text = pdfText(pdf);
  raw = pdfText(pdf, '-raw');
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PDF writer on a hand-made model', () => {
  it('is a PDF with every paragraph, heading, cell and chart box as extractable text', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // Cut by a page break, a cell's text continues after the running header, footer and the
    // repeated header row of its table: found in order, in pieces a short way apart.
    const all = squash(raw);
    for (const p of paragraphsOf(FIXTURE.children)) expect(findAcrossPageBreaks(all, squash(p)), p).toBe(true);
    for (const h of headings(FIXTURE.children)) expect(all, h).toContain(squash(h));
    for (const role of ['情報セキュリティ責任者', '（代表取締役）', '情報セキュリティ部門責任者', '（製造部長）']) expect(all).toContain(role);
  });

  it('has a cover with the particulars and a revision history from the meta', () => {
    const [cover, history] = text.split('\f');
    for (const s of ['情報セキュリティ関連規程', 'テスト工業株式会社', '1.2', '2026年4月1日', '代表取締役社長', '社外秘']) expect(cover).toContain(s);
    for (const s of ['改訂履歴', '2024年4月1日', '制定', 'IPA サンプル最新版に合わせて改訂']) expect(squash(history!)).toContain(squash(s));
  });

  it('prints the page each TOC entry points to, and the bookmarks agree', () => {
    const pages = text.split('\f');
    const layout = pdfText(pdf, '-layout').split('\f');
    const tocPage = pages.findIndex((p) => p.includes('目次') && p.includes('情報資産の機密性の評価と分類'));
    expect(tocPage).toBe(2);
    const entries = layout[tocPage]!.split('\n')
      .map((l) => /^\s*(\d[\d.-]*)\s+(\S.*?)\s+(\d+)\s*$/u.exec(l))
      .filter((m) => m !== null);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const [, number, title, page] of entries.filter((m) => !/^(組織的対策|人的対策)$/u.test(m[2]!))) {
      const heading = squash(`${number} ${title}`);
      // The section heading itself, after the front matter.
      const found = pages.findIndex((p, i) => i > tocPage && squash(p).includes(heading));
      expect(found + 1, heading).toBe(Number(page));
    }
    const outline = pdfOutline(pdf);
    expect(outline.map((o) => o.title)).toEqual(['改訂履歴', '目次', '1. 組織的対策', '2. 人的対策']);
    const org = outline[2]!;
    expect(org.children.map((c) => c.title)).toEqual(['1. 情報セキュリティのための組織', '2. 情報資産の管理', '2-1 委託先情報セキュリティ対策状況確認リスト']);
    expect(org.children[1]!.children[0]!.children.map((c) => c.title)).toEqual(['2.1.1 情報資産管理台帳']);
    for (const item of [org, ...org.children]) {
      const title = item.title.replace(/^[\d.-]+\s*/u, '');
      expect(squash(pages[item.page - 1]!), item.title).toContain(squash(title));
    }
  });

  it('starts every chapter on a new page under its header table', () => {
    const pages = text.split('\f');
    const starts = pages.map((p, i) => [i, p] as const).filter(([, p]) => p.includes('改訂日') && p.includes('適用範囲') && !p.includes('改訂内容'));
    expect(starts.map(([, p]) => squash(p).includes('組織的対策') || squash(p).includes('人的対策'))).toEqual([true, true]);
    expect(squash(pages[starts[1]![0]]!)).toContain('全従業員');
  });

  it('repeats the header row of a table on every page it continues on, and the merged label with it', () => {
    const pages = text.split('\f');
    const assetPages = pages.filter((p) => p.includes('資産台帳の項目'));
    expect(assetPages.length).toBeGreaterThanOrEqual(3);
    for (const p of assetPages) expect(p).toContain('保管場所');
    const checklistPages = pages.filter((p) => p.includes('ていますか？'));
    expect(checklistPages.length).toBeGreaterThanOrEqual(2);
    for (const p of checklistPages) expect(p).toContain('確認項目');
    const tall = pages.filter((p) => p.includes('手順') && /手順\d+：/u.test(p));
    expect(tall.length).toBeGreaterThanOrEqual(2);
    for (const p of tall) expect(p).toContain('復旧手順');
  });

  it('never starts a line with closing punctuation or small kana, nor ends one with an opening bracket', () => {
    const lines = wrappedLines(FIXTURE);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      expect(NO_LINE_START.has(line[0]!), line).toBe(false);
      expect(NO_LINE_END.has(line[line.length - 1]!), line).toBe(false);
    }
  });

  it('keeps every line inside the text block', () => {
    const layout = layoutDocument(FIXTURE);
    for (const page of layout.pages) {
      for (const op of flattenOps(page.ops)) {
        if (op.kind !== 'text') continue;
        const right = op.x + op.offsets[op.offsets.length - 1]! + op.size * 0.5;
        expect(op.x).toBeGreaterThanOrEqual(-0.01);
        expect(right).toBeLessThanOrEqual(441 + op.size);
      }
    }
  });

  it('sets the document info from the meta, with dates from the effective date', () => {
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('情報セキュリティ関連規程');
    expect(info.Author).toBe('テスト工業株式会社');
    expect(info.Subject).toContain('社外秘');
    expect(info.CreationDate).toMatch(/^2026-04-01T00:00:00/u);
    expect(info.ModDate).toMatch(/^2026-04-01T00:00:00/u);
    expect(Number(info.Pages)).toBe(layoutDocument(FIXTURE).pages.length);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(10);
    expect(info['Page size']).toContain('595.28 x 841.89');
  });

  it('embeds subsets of Noto Serif JP and Noto Sans JP only', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/u, '')).sort()).toEqual(['NotoSansJP-Bold', 'NotoSerifJP-Regular']);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
  });

  it('gives the same bytes every time, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const again = await renderPdf(FIXTURE);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdf))).toBe(0);
    // Without a calendar date in the answers there is no creation date, and still no clock.
    const undated: Document = { ...FIXTURE, meta: { ...FIXTURE.meta, effectiveDate: '【要記入：施行日】', effectiveDateText: '【要記入：施行日】', revisions: [] } };
    const first = await renderPdf(undated);
    vi.setSystemTime(new Date('2040-01-01T00:00:00Z'));
    const second = await renderPdf(undated);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    expect(pdfInfo(first).CreationDate).toBeUndefined();
  });

  it('refuses characters the fonts cannot draw, listing them', async () => {
    const doc: Document = { ...FIXTURE, children: [para('絵文字😀と記号𝄞は印刷できない。😀も𝄞も一度だけ挙げる。'), ...FIXTURE.children] };
    const error = await renderPdf(doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingGlyphError);
    const e = error as MissingGlyphError;
    expect(e.characters.map((c) => c.character)).toEqual(['😀', '𝄞']);
    expect(e.message).toContain('U+1F600');
    expect(e.message).toContain('U+1D11E');
    expect(e.message).toContain('絵文字😀と記号');
  });

  it('matches the golden extracted text (UPDATE=1 accepts a change)', () => {
    golden('fixture.txt', text);
  });
});

describe('PDF writer on the rulebook of the IPA sample answers', () => {
  const doc = rulebook(generate(answersFile(fixture('answers', 'ipa-sample.yaml')), testTemplates()));

  it('is registered as the pdf format and written by kitei build', async () => {
    expect(parseFormats('md,pdf')).toEqual(['md', 'pdf']);
    expect(FORMATS.pdf.extension).toBe('pdf');
    const out = mkdtempSync(join(tmpdir(), 'kitei-pdf-cli-'));
    try {
      const io = { out: () => {}, err: (t: string) => console.error(t) };
      expect(await run(['build', fixture('answers', 'ipa-sample.yaml'), '--draft', '--format', 'pdf', '--out', out], io)).toBe(0);
      const dir = join(out, 'サンプル株式会社');
      const written = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
      expect(written.length).toBeGreaterThanOrEqual(1);
      const bytes = readFileSync(join(dir, written.find((f) => f.startsWith(doc.meta.title)) ?? written[0]!));
      // The CLI's file is the writer's output, byte for byte.
      expect(Buffer.compare(bytes, Buffer.from(await renderPdf(doc)))).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderPdf(doc);
  });

  it('contains the text of every paragraph, cell and heading of the model', () => {
    const all = squash(pdfText(bytes, '-raw'));
    for (const p of paragraphsOf(doc.children)) expect(findAcrossPageBreaks(all, squash(p)), p).toBe(true);
    for (const h of headings(doc.children)) expect(all, h).toContain(squash(h));
  });

  it('matches the golden extracted text (UPDATE=1 accepts a template change)', () => {
    golden('ipa-sample.rulebook.txt', pdfText(bytes));
  });

  it('never breaks 禁則 on any line', () => {
    for (const line of wrappedLines(doc)) {
      expect(NO_LINE_START.has(line[0]!), line).toBe(false);
      expect(NO_LINE_END.has(line[line.length - 1]!), line).toBe(false);
    }
  });
});

describe('PDF writer on documents without a cover and on the pack', () => {
  it('sets rules in articles: title on the first page, 第1章, 第1条（目的）, numbered clauses and items, form fields, signature', async () => {
    const bytes = await renderPdf(RULES);
    const pages = pdfText(bytes).split('\f').filter((p) => p.trim());
    expect(pages[0]!.trim().startsWith('特定個人情報取扱規程')).toBe(true);
    expect(pages.join('')).not.toContain('目次');
    const all = squash(pdfText(bytes, '-raw'));
    for (const s of ['第1章総則', '第1条（目的）', '第2条（定義）', '(1)個人番号：', '(2)特定個人情報：', '２前項に定めるもののほか', '第3条（事務取扱責任者）', '附則', '会社名', '確認日', '年月日', '代表取締役社長山田太郎']) {
      expect(all, s).toContain(s);
    }
    for (const p of paragraphsOf(RULES.children)) expect(findAcrossPageBreaks(all, squash(p)), p).toBe(true);
    const outline = pdfOutline(bytes);
    expect(outline.map((o) => o.title)).toEqual(['第1章\u3000総則', '第2章\u3000取扱い']);
    expect(outline[0]!.children.map((o) => o.title)).toEqual(['第1条（目的）', '第2条（定義）']);
    expect(outline[1]!.children.map((o) => o.title)).toEqual(['第3条（事務取扱責任者）', '附則']);
  });

  it('lays out a pack: parts under one cover and contents, a landscape appendix, each part with its own label', async () => {
    const bytes = await renderPdf(PACK);
    const pages = pdfText(bytes).split('\f');
    const sizes = withSizes(bytes);
    const ledger = pages.findIndex((p) => p.includes('付録1') && p.includes('顧客台帳1'));
    expect(sizes[ledger]).toBe('841.89 x 595.28');
    expect(sizes[0]).toBe('595.28 x 841.89');
    expect(pages[ledger + 1]).toContain('情報資産の名称');
    const policy = pages.findIndex((p) => p.includes('付録2') && p.includes('情報セキュリティ基本方針') && !p.includes('目次'));
    expect(pages[policy]).toContain('公開');
    expect(pages[ledger]).toContain('社外秘');
    const outline = pdfOutline(bytes);
    expect(outline.map((o) => o.title)).toEqual(['改訂履歴', '目次', '情報セキュリティ関連規程', '付録1\u3000情報資産管理台帳', '付録2\u3000情報セキュリティ基本方針']);
    expect(outline[3]!.page).toBe(ledger + 1);
    expect(outline[2]!.children.map((o) => o.title)).toEqual(['2. 人的対策']);
    const toc = pdfText(bytes, '-layout').split('\f')[2]!;
    expect(toc).toMatch(new RegExp(`付録1\\s+情報資産管理台帳\\s+${ledger + 1}\\s*$`, 'mu'));
  });
});

/** Page sizes as pdfinfo prints them, by page index. */
function withSizes(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kitei-pdf-sizes-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
    return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gmu)].map((m) => m[1]!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('object streams', () => {
  it('rewrite a pdfkit file as PDF 1.5 that reads back the same', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const { compactObjects } = await import('../../src/render/pdf/objstm.js');
    const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2026, 3, 1)), Title: 'テスト (括弧) \\ 記号' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    doc.text('Page one', 72, 72);
    doc.outline.addItem('First (bookmark)');
    doc.link(72, 72, 100, 20, 'https://example.com/a?b=(c)');
    doc.addPage().text('Page two', 72, 72);
    doc.end();
    await done;
    const original = new Uint8Array(Buffer.concat(chunks));
    const compact = compactObjects(original);
    expect(Buffer.from(compact.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.5');
    expect(compact.length).toBeLessThan(original.length);
    expect(pdfText(compact)).toBe(pdfText(original));
    const { 'PDF version': _a, 'File size': _b, ...info } = pdfInfo(compact);
    const { 'PDF version': _c, 'File size': _d, ...before } = pdfInfo(original);
    expect(info).toEqual(before);
    expect(pdfOutline(compact)).toEqual(pdfOutline(original));
    expect(Buffer.compare(Buffer.from(compactObjects(original)), Buffer.from(compact))).toBe(0);
  });
});
