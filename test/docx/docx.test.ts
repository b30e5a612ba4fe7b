import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { bookmarkName } from '../../src/render/docx/blocks.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { FORMATS, parseFormats } from '../../src/render/index.js';
import type { Block, ChartBox, Document } from '../../src/model/types.js';
import { fixture } from '../support/build.js';
import { PACK_MODEL, SAMPLE_MODEL } from './model.js';
import { docxParts, exampleDocuments, examples, prettyXml } from './support.js';

/**
 * The Word writer against a hand-made model (structure: styles, numbering, tables, fields,
 * properties, determinism) and against every example (golden word/document.xml).
 */

const parts = async (doc: Document = SAMPLE_MODEL) => docxParts(await renderDocx(doc));
const count = (haystack: string, needle: string | RegExp) =>
  typeof needle === 'string' ? haystack.split(needle).length - 1 : (haystack.match(new RegExp(needle, 'gu')) ?? []).length;
/** The visible text of a part: the w:t runs, concatenated. */
const visibleText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('');

/** How many boxes the committee charts of a model have. */
function countBoxes(doc: Document): number {
  let n = 0;
  const box = (b: ChartBox): void => {
    n++;
    b.children.forEach(box);
  };
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'chart') box(b.root);
      else if ('children' in b && Array.isArray(b.children) && b.type !== 'list' && b.type !== 'table') walk(b.children as readonly Block[]);
    }
  };
  walk(doc.children);
  return n;
}

const p = await parts();
const document = p.get('word/document.xml')!;
const styles = p.get('word/styles.xml')!;
const numbering = p.get('word/numbering.xml')!;

describe('docx writer on a hand-made model', () => {
  it('is registered as the docx format: kitei build --format md,docx writes both for every document', async () => {
    expect(parseFormats('md,docx')).toEqual(['md', 'docx']);
    expect(FORMATS.docx.extension).toBe('docx');
    const out = mkdtempSync(join(tmpdir(), 'kitei-docx-cli-'));
    try {
      const io = { out: () => {}, err: (t: string) => console.error(t) };
      const file = fixture('answers', 'ipa-sample.yaml');
      expect(await run(['build', file, '--draft', '--format', 'md,docx', '--out', out], io)).toBe(0);
      const written = readdirSync(join(out, 'サンプル株式会社')).sort();
      const documents = exampleDocuments({ name: 'ipa-sample', file });
      // Every document, and the pack for distribution (Word and PDF only).
      expect(written.filter((f) => f.endsWith('.docx'))).toHaveLength(documents.length + 1);
      expect(written.filter((f) => f.endsWith('.md'))).toHaveLength(documents.length);
      // The sample's own facts leave values unfilled: a draft, named so.
      const docx = readFileSync(join(out, 'サンプル株式会社', written.find((f) => /^情報セキュリティ関連規程(（下書き）)?\.docx$/u.test(f))!));
      expect(docxParts(docx).get('word/document.xml')).toContain('Heading1');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('uses the built-in heading styles for chapters and sections, in the navigation pane', () => {
    for (const level of [1, 2, 3, 4, 5]) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">.*?</w:style>`, 'u').exec(styles)?.[0] ?? '';
      expect(style).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    expect(count(document, '<w:pStyle w:val="Heading1"/>')).toBe(2); // chapters
    expect(count(document, '<w:pStyle w:val="Heading2"/>')).toBe(4); // level-1 sections, the annex too
    expect(count(document, '<w:pStyle w:val="Heading3"/>')).toBe(2);
    expect(count(document, '<w:pStyle w:val="Heading4"/>')).toBe(1); // level 3
    expect(count(document, '<w:pStyle w:val="Heading5"/>')).toBe(1); // level 4
    expect(visibleText(document)).toContain('1. 組織的対策');
    expect(visibleText(document)).toContain('2.1.1.1 管理者権限');
    expect(visibleText(document)).toContain('2-1 委託先チェックリスト');
  });

  it('writes the table of contents field with its entries and asks Word to update fields', () => {
    const toc = /<w:sdt>.*?<\/w:sdt>/su.exec(document)?.[0] ?? '';
    expect(toc).toContain('TOC \\h \\o &quot;1-3&quot;');
    const tocText = visibleText(toc);
    for (const entry of ['1. 組織的対策', '1. 情報セキュリティのための組織', '2.1 アクセス制御方針', '2-1 委託先チェックリスト', '1.1 利用者認証方法']) {
      expect(tocText).toContain(entry);
    }
    expect(tocText).not.toContain('特権アカウント'); // level 3: Heading 4, outside 1-3
    expect(p.get('word/settings.xml')).toContain('<w:updateFields');
  });

  it('opens each chapter with the sample header table', () => {
    const firstChapter = document.slice(document.indexOf('<w:pStyle w:val="Heading1"/>'));
    const table = /<w:tbl>.*?<\/w:tbl>/su.exec(firstChapter)?.[0] ?? '';
    expect(visibleText(table)).toBe('番号章名改訂日適用範囲1組織的対策2026年4月1日全社・全従業員');
  });

  it('writes lists as Word numbering, nested with hanging indents, never typed markers', () => {
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/u);
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>/u);
    expect(numbering).toMatch(/<w:ind w:left="840" w:hanging="420"\/>/u);
    // The ordered list that starts at 3 counts from 3.
    expect(numbering).toMatch(/<w:start w:val="3"\/>/u);
    expect(count(document, /<w:ilvl w:val="1"\/>/u)).toBeGreaterThanOrEqual(3); // nested in body and in a cell
    const text = visibleText(document);
    expect(text).not.toMatch(/(^|[^ぁ-んァ-ヶ一-龠])[・•]\s/u);
    expect(text).toContain('申請する');
  });

  it('writes tables with borders, repeated header rows, unsplittable rows, spans and widths that fit A4', () => {
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/gsu) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      expect(table).toMatch(/<w:tblBorders>/u);
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/gu)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9071);
      expect(table).toContain('<w:cantSplit/>');
    }
    const merged = tables.find((t) => t.includes('上のセルと結合した行'))!;
    expect(merged).toContain('<w:tblHeader/>');
    expect(merged).toMatch(/<w:vMerge w:val="restart"\/>/u);
    expect(merged).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/u);
    expect(merged).toContain('<w:gridSpan w:val="2"/>');
    // A cell holding several paragraphs and a list.
    expect(merged).toMatch(/取引先に影響が及ぶとき.*<w:numPr>.*個人情報が漏えいしたとき/su);
    const checklist = tables.find((t) => t.includes('責任者を決めていますか'))!;
    expect(checklist).toMatch(/<w:trHeight w:val="454" w:hRule="atLeast"\/>/u);
  });

  it('sets Japanese fonts for eastAsia, ascii and hAnsi: body and headings', async () => {
    expect(styles).toMatch(/<w:docDefaults>.*<w:rFonts w:ascii="游明朝" w:cs="游明朝" w:eastAsia="游明朝" w:hAnsi="游明朝"\/>/su);
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">.*?<\/w:style>/su.exec(styles)![0];
    expect(heading1).toContain('w:eastAsia="游ゴシック"');
    expect(heading1).toContain('w:ascii="游ゴシック"');
    expect(heading1).toContain('w:hAnsi="游ゴシック"');
    const other = await parts({ ...SAMPLE_MODEL, meta: { ...SAMPLE_MODEL.meta, fonts: { body: 'BIZ UD明朝', heading: 'BIZ UDゴシック' } } });
    expect(other.get('word/styles.xml')).toContain('w:eastAsia="BIZ UD明朝"');
    expect(other.get('word/styles.xml')).toContain('w:eastAsia="BIZ UDゴシック"');
    // The style sheet is formatted once per set of fonts and reused: each document still gets its own fonts'.
    const again = await parts();
    expect(again.get('word/styles.xml')).toBe(styles);
    expect(again.get('word/theme/theme1.xml')).toBe(p.get('word/theme/theme1.xml'));
    expect(again.get('word/theme/theme1.xml')).toMatch(/^<\?xml[^>]*\?><a:theme /u);
    expect((await parts({ ...SAMPLE_MODEL, meta: { ...SAMPLE_MODEL.meta, fonts: { body: 'BIZ UD明朝', heading: 'BIZ UDゴシック' } } })).get('word/styles.xml')).toBe(other.get('word/styles.xml'));
  });

  it('lays out A4 portrait with a binding gutter, a header with title and classification, page numbers below', () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/u);
    expect(document).toMatch(/<w:pgMar [^>]*w:gutter="(\d+)"/u);
    expect(Number(/w:gutter="(\d+)"/u.exec(document)![1])).toBeGreaterThan(0);
    const headers = [...p.entries()].filter(([path]) => /^word\/header\d+\.xml$/u.test(path)).map(([, xml]) => visibleText(xml));
    expect(headers).toContain('情報セキュリティ関連規程 社外秘 ');
    expect(headers).toContain(' 社外秘 '); // the cover: the label only
    const footers = [...p.entries()].filter(([path]) => /^word\/footer\d+\.xml$/u.test(path)).map(([, xml]) => xml);
    expect(footers.some((xml) => /PAGE/u.test(xml))).toBe(true);
  });

  it('writes the document properties from the model, and no date from the clock', () => {
    const core = p.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>情報セキュリティ関連規程</dc:title>');
    expect(core).toContain('<dc:creator>テスト工業株式会社</dc:creator>');
    expect(core).toContain('2026-04-01T00:00:00Z</dcterms:created>');
    expect(p.get('docProps/app.xml')).toContain('<Company>テスト工業株式会社</Company>');
    const custom = p.get('docProps/custom.xml')!;
    expect(custom).toContain('版数');
    expect(custom).toContain('1.0');
  });

  it('gives the same bytes for the same model, whatever was rendered before', async () => {
    const first = await renderDocx(SAMPLE_MODEL);
    await renderDocx({ ...SAMPLE_MODEL, meta: { ...SAMPLE_MODEL.meta, title: '別の規程' } });
    const second = await renderDocx(SAMPLE_MODEL);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('links cross-references to bookmarks on the sections, marks gaps, keeps line breaks', () => {
    const anchor = bookmarkName('tech-user-auth-method');
    expect(document).toContain(`w:anchor="${anchor}"`);
    expect(document).toContain(`w:name="${anchor}"`);
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>.*?【要記入：連絡先の電話番号】/su);
    // A line break in a body paragraph is a new line of the rules: a paragraph of its own, indented like the first.
    expect(document).toMatch(/<w:p><w:pPr><w:pStyle w:val="BodyText"\/><w:spacing w:after="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">一行目<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:pStyle w:val="BodyText"\/><\/w:pPr><w:r><w:t xml:space="preserve">二行目/u);
    expect(p.get('word/_rels/document.xml.rels')).toContain('Target="https://www.ipa.go.jp/security/" TargetMode="External"');
  });

  it('draws the committee chart as a drawing: a group of boxes with their text and the lines between them', () => {
    expect(visibleText(document)).toContain('情報セキュリティ委員会体制図');
    const drawing = /<w:drawing>.*?<\/w:drawing>/su.exec(document)?.[0] ?? '';
    expect(drawing).toContain('<wpg:wgp>');
    // Every box of the model is a rectangle holding its lines; the connectors are lines.
    const boxes = drawing.match(/<wps:wsp><wps:cNvPr id="\d+" name="箱 \d+"\/>/gu) ?? [];
    expect(boxes.length).toBe(countBoxes(SAMPLE_MODEL));
    expect(count(drawing, '<a:prstGeom prst="line">')).toBeGreaterThanOrEqual(boxes.length - 1);
    expect(visibleText(drawing)).toContain('（技術部長）');
    // Drawing ids are unique in the document.
    const ids = [...document.matchAll(/<(?:wp:docPr|wps:cNvPr) id="(\d+)"/gu)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document).not.toMatch(/<w:tbl>(?:(?!<\/w:tbl>).)*（技術部長）/su);
  });

  it('keeps bookmark names Word accepts', () => {
    expect(bookmarkName('org-access-control')).toBe('k_org_access_control');
    const long = bookmarkName('a-very-long-section-identifier-that-goes-on-and-on');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/u);
    expect(bookmarkName('a-very-long-section-identifier-that-goes-on-and-off')).not.toBe(long);
  });
});

describe('docx writer: the documents made alongside the rulebook', () => {
  it('writes articles as 第N条（見出し）, clause numbers hanging in the margin, items as (1) then ①', async () => {
    const q = await parts(PACK_MODEL);
    const xml = q.get('word/document.xml')!;
    const text = visibleText(xml);
    expect(text).toContain('第1章\u3000総則');
    expect(text).toContain('第2条（再委託）');
    expect(text).toMatch(/２\u3000乙は、次の各号に掲げる事項を守る。/u);
    // The first clause is indented one character, the second hangs its number.
    expect(xml).toContain('<w:ind w:firstLine="210"/>');
    expect(xml).toContain('<w:ind w:left="210" w:hanging="210"/>');
    const numberingXml = q.get('word/numbering.xml')!;
    expect(numberingXml).toContain('<w:lvlText w:val="(%1)"/>');
    // 附則 has no number and does not start a page.
    expect(text).toContain('附則');
    expect(text).not.toMatch(/第\d+章.附則/u);
  });

  it('sets the signature flush right and form fields as labelled boxes', async () => {
    const xml = (await parts(PACK_MODEL)).get('word/document.xml')!;
    const signature = /<w:p>(?:(?!<w:p>).)*?代表取締役　山田 太郎.*?<\/w:p>/su.exec(xml)?.[0] ?? '';
    expect(signature).toContain('<w:jc w:val="right"/>');
    const fieldTable = /<w:tbl>(?:(?!<w:tbl>).)*?部門名.*?<\/w:tbl>/su.exec(xml)?.[0] ?? '';
    expect(fieldTable).toContain('<w:jc w:val="right"/>');
    expect(fieldTable).toContain('w:hRule="atLeast"');
    expect(visibleText(fieldTable)).toBe('部門名更新日年　月　日');
  });

  it('opens each part on a new page under Heading 1, and a landscape part in its own landscape section', async () => {
    const xml = (await parts(PACK_MODEL)).get('word/document.xml')!;
    // The front matter (cover, 改訂履歴, 目次), the portrait parts, the landscape part.
    expect(count(xml, '<w:sectPr')).toBe(3);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/u);
    const headings1 = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/gsu)].map((m) => visibleText(m[0]));
    expect(headings1).toEqual(['情報セキュリティ基本方針', '特定個人情報取扱規程', '付録1\u3000情報資産管理台帳']);
    // Inside a part, a chapter is one level down.
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?第1章/su);
  });

  it('puts the title on top of the first page of a document without a cover, with no table of contents', async () => {
    const statement: Document = { ...SAMPLE_MODEL, meta: { ...SAMPLE_MODEL.meta, front: 'title' }, children: PACK_MODEL.children.slice(0, 1).flatMap((p) => (p.type === 'part' ? p.children : [])) };
    const xml = (await parts(statement)).get('word/document.xml')!;
    expect(xml).toContain('<w:pStyle w:val="DocumentTitle"/>');
    expect(xml).not.toContain('TOC \\h');
    expect(xml).not.toContain('改訂履歴');
    expect(xml).not.toContain('<w:titlePg/>');
  });
});

const GOLDEN = join(import.meta.dirname, 'golden');

describe('docx golden word/document.xml per example', () => {
  for (const example of examples()) {
    it(`${example.name}`, async () => {
      for (const doc of exampleDocuments(example)) {
        const xml = prettyXml(docxParts(await renderDocx(doc)).get('word/document.xml')!);
        const file = join(GOLDEN, `${example.name}.${doc.id}.document.xml`);
        // A missing golden is written locally (a new example), but must exist in CI.
        if (process.env.UPDATE === '1' || (!existsSync(file) && !process.env.CI)) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, xml);
          if (process.env.UPDATE !== '1') console.warn(`golden written: ${file}`);
        }
        expect(xml, `${file} differs; rerun with UPDATE=1 if the change is intended`).toBe(readFileSync(file, 'utf8'));
      }
    });
  }
});
