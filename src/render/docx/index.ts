import {
  BorderStyle,
  Document as WordDocument,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SimpleField,
  Tab,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from 'docx';
import type { Document, DocumentMeta } from '../../model/types.js';
import { DRAFT_MARK, DRAFT_NOTE } from '../../model/text.js';
import { blocks, bodyContext, bodyRuns, newRenderState, type RenderState, type TocEntry } from './blocks.js';
import { COLOR, MARGIN, PAGE, TEXT_WIDTH } from './layout.js';
import { BODY_PLACEHOLDER, normalizePackage, withJapaneseTypography, type PackageParts } from './package.js';
import { documentStyles, listNumbering, STYLE } from './styles.js';
import { textRuns } from './runs.js';
import { gridTable, labelCell, valueCell } from './table.js';
import { escapeXml, internalHyperlink, paragraph, textRun } from './xml.js';

/**
 * Word writer: the document model → a .docx that is Word structure, not look-alike text. Built-in
 * heading styles (navigation pane, TOC), a TOC field whose entries are already written, list
 * numbering, real tables, Japanese fonts, A4 with a binding gutter. The same model gives the same
 * bytes (see package.ts).
 *
 * The body is written as XML straight from the model (blocks.ts); the docx library makes the rest
 * of the package (styles, numbering, settings, headers and footers, section properties, document
 * properties) around one placeholder paragraph per section, which package.ts replaces with the body.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** 1.0 → 第1.0版; a version already worded (第2版, 2026年度版) is kept. */
const versionLabel = (version: string): string => (/^[\d.]+$/u.test(version) ? `第${version}版` : version);

/** The classification label in a box, as stamped on paper. */
const classificationRun = (label: string) =>
  new TextRun({ text: ` ${label} `, bold: true, color: '000000', border: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } });

function coverPage(meta: DocumentMeta): string[] {
  const row = (label: string, value: string) => ({ cells: [labelCell(label), valueCell(textRuns(value))] });
  const facts = [row('版数', versionLabel(meta.version)), row('施行日', meta.effectiveDateText), row('承認者', meta.approver)];
  if (meta.classification) facts.push(row('文書区分', meta.classification));
  return [
    ...draftNote(meta),
    paragraph({ style: STYLE.coverTitle }, textRuns(meta.title)),
    paragraph({ style: STYLE.coverSubtitle, spacing: { after: 1800 } }, textRuns(meta.organization)),
    gridTable([1, 2.4], facts, { width: Math.round(TEXT_WIDTH * 0.6), alignment: 'center' }),
  ];
}

function revisionHistory(meta: DocumentMeta): string[] {
  const rows = meta.revisions.map((r) => ({
    cells: [valueCell(textRuns(r.version), { center: true }), valueCell(textRuns(r.dateText), { center: true }), valueCell(textRuns(r.description))],
  }));
  return [
    paragraph({ style: STYLE.frontHeading, pageBreakBefore: true }, textRuns('改訂履歴')),
    gridTable([1.2, 2.2, 7], [{ header: true, cells: ['版数', '改訂日', '改訂内容'].map(labelCell) }, ...rows]),
  ];
}

/** A field's start: dirty, so Word works out its result when it updates the fields. */
const fieldBegin = (instruction: string) =>
  `<w:fldChar w:fldCharType="begin" w:dirty="true"/><w:instrText xml:space="preserve">${escapeXml(instruction)}</w:instrText><w:fldChar w:fldCharType="separate"/>`;
const FIELD_END = '<w:fldChar w:fldCharType="end"/>';

/**
 * The table of contents: a TOC field whose result is already an entry per Heading 1–3 (linked to
 * the heading's `_Toc` bookmark, page left for Word), so it is complete before any update; Word is
 * asked to update fields on open for the page numbers. Written as Word (and docx) write one.
 */
function tableOfContents(entries: readonly TocEntry[], width: number): string[] {
  const begin = `<w:r>${fieldBegin('TOC \\h \\o "1-3"')}</w:r>`;
  const end = `<w:p><w:r>${FIELD_END}</w:r></w:p>`;
  // Line breaks and tabs of a heading are spaces in its entry.
  const entry = (e: TocEntry, i: number) =>
    paragraph(
      { style: `TOC${e.level}`, tabs: [{ type: 'right', position: width, leader: 'dot' }] },
      (i === 0 ? begin : '') +
        internalHyperlink(e.bookmark, `${textRun(e.text.replace(/[\t\n]/gu, ' '))}<w:r><w:tab/></w:r><w:r>${fieldBegin(`PAGEREF ${e.bookmark} \\h`)}${FIELD_END}</w:r>`),
    );
  const content = entries.length ? entries.map(entry).join('') : `<w:p>${begin}</w:p>`;
  return [
    paragraph({ style: STYLE.tocHeading }, textRuns('目次')),
    '<w:sdt><w:sdtPr><w:alias w:val="目次"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
      `<w:sdtContent>${content}${end}</w:sdtContent></w:sdt>`,
  ];
}

/** The title on top of the first page of a document without a cover (a policy, rules, a form). */
const titleBlock = (meta: DocumentMeta): string[] => [paragraph({ style: STYLE.documentTitle }, textRuns(meta.title)), ...draftNote(meta)];

/** A draft says so on its cover or under its title, marked as the unfilled values are. */
const draftNote = (meta: DocumentMeta): string[] => (meta.draft ? [paragraph({ alignment: 'center' }, textRuns(DRAFT_NOTE, { bold: true, highlight: 'yellow' }))] : []);

/** Width of the text column of a landscape page. */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right - MARGIN.gutter;

/**
 * The running header: the document's title and, on the pages of the body of a book, the chapter
 * (or the pack's part) the page is in — a STYLEREF field of 見出し 1, which Word works out page by
 * page — then the classification stamp at the right.
 */
const headerParagraph = (meta: DocumentMeta, withTitle: boolean, width = TEXT_WIDTH, withChapter = false): Paragraph =>
  new Paragraph({
    style: STYLE.header,
    tabStops: [{ type: TabStopType.RIGHT, position: width }],
    ...(withTitle ? { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.muted, space: 4 } } } : {}),
    children: [
      ...(withTitle ? [new TextRun(meta.title)] : []),
      ...(meta.draft ? [new TextRun({ text: withTitle ? ` ${DRAFT_MARK}` : DRAFT_MARK, bold: true })] : []),
      ...(withChapter ? [new TextRun('\u3000'), new SimpleField('STYLEREF "heading 1"')] : []),
      ...(meta.classification ? [new TextRun({ children: [new Tab()] }), classificationRun(meta.classification)] : []),
    ] as ParagraphChild[],
  });

const footerParagraph = (meta: DocumentMeta, width = TEXT_WIDTH): Paragraph =>
  new Paragraph({
    style: STYLE.footer,
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(width / 2) },
      { type: TabStopType.RIGHT, position: width },
    ],
    children: [
      new TextRun(meta.organization),
      new TextRun({ children: [new Tab(), '- ', PageNumber.CURRENT, ' -', new Tab()] }),
      new TextRun(versionLabel(meta.version)),
    ],
  });

/** The docx document around the body, and the body of each of its sections, written. */
export interface WordParts {
  readonly document: WordDocument;
  readonly bodies: readonly (readonly string[])[];
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * The lists the body numbers its paragraphs with, given to docx's numbering in order of first use,
 * which gives them the numIds the body wrote (checked: a docx that counted otherwise would misnumber
 * every list silently).
 */
function registerLists(document: WordDocument, state: RenderState): void {
  const numbering = document.Numbering;
  for (const list of state.lists.values()) numbering.createConcreteNumberingInstance(list.reference, list.instance);
  const numIds = new Map(numbering.ConcreteNumbering.map((n) => [`${n.reference}-${n.instance}`, n.numId]));
  for (const [key, list] of state.lists) {
    if (numIds.get(key) !== list.numId) throw new Error(`docx gave list ${key} the numId ${numIds.get(key)}, the body wrote ${list.numId}`);
  }
}

export function buildWordDocument(doc: Document): WordParts {
  const { meta } = doc;
  const cover = meta.front === 'cover';
  const state = newRenderState(cover);
  // A landscape part of the pack (the asset ledger) is a Word section of its own.
  const runs = bodyRuns(doc.children, meta.orientation);
  const widths = runs.map((run) => (run.orientation === 'landscape' ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH));
  // A book's front matter (cover, 改訂履歴, 目次) is a Word section of its own, so that its pages
  // name no chapter in their header.
  const bodies = runs.map((run, index) => {
    state.sectionStart = index > 0 || cover;
    return blocks(run.children, bodyContext(state, widths[index]));
  });
  // The front matter comes first but is written last: the table of contents lists the headings of the body.
  if (cover) {
    bodies.unshift([...coverPage(meta), ...revisionHistory(meta), ...tableOfContents(state.toc ?? [], widths[0]!)]);
    widths.unshift(TEXT_WIDTH);
  } else if (bodies.length) bodies[0] = [...titleBlock(meta), ...bodies[0]!];
  const orientations = [...(cover ? ['portrait' as const] : []), ...runs.map((run) => run.orientation)];
  const sections = orientations.map((orientation, index) => {
    const landscape = orientation === 'landscape';
    const width = widths[index]!;
    const front = cover && index === 0;
    return {
      properties: {
        ...(front ? { titlePage: true } : {}),
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...MARGIN },
        },
      },
      headers: {
        ...(front ? { first: new Header({ children: [headerParagraph(meta, false, width)] }) } : {}),
        default: new Header({ children: [headerParagraph(meta, true, width, cover && !front)] }),
      },
      footers: {
        ...(front ? { first: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] }) } : {}),
        default: new Footer({ children: [footerParagraph(meta, width)] }),
      },
      // Where package.ts puts the section's body; docx ends a section but the last with it.
      children: [new Paragraph({ style: `${BODY_PLACEHOLDER}${index}` })],
    };
  });
  const document = new WordDocument({
    title: meta.title,
    subject: meta.organization,
    creator: meta.organization,
    lastModifiedBy: meta.organization,
    revision: 1,
    customProperties: [
      { name: '組織名', value: meta.organization },
      { name: '版数', value: meta.version },
      { name: '施行日', value: meta.effectiveDate },
      { name: '文書区分', value: meta.classification },
    ],
    features: { updateFields: cover },
    // A line that ends in a line break inside a justified paragraph is not spread over the width.
    compatibility: { doNotExpandShiftReturn: true },
    styles: documentStyles(meta.fonts),
    numbering: listNumbering([...state.orderedStarts], [...state.itemStarts]),
    sections,
  });
  registerLists(document, state);
  // The body's hyperlinks, as relationships of the document part (rIdK1, rIdK2 …, as it refers to them).
  state.links.forEach((target, i) => document.Document.Relationships.addRelationship(`K${i + 1}`, HYPERLINK, target, 'External'));
  return { document, bodies };
}

/**
 * The step of `Packer.toBuffer` before zipping (docx's Compiler, a static of Packer): the package's
 * parts. kitei puts the body in, rewrites some parts and zips once (see package.ts).
 */
interface PackerInternals {
  readonly compiler: { compile(file: WordDocument): PackageParts };
}

/** The fields of docx's File that hold the style sheet and the theme (not in its typings). */
interface FileInternals {
  styles: unknown;
  theme: unknown;
}

/**
 * The style sheet depends on the fonts alone and the theme on nothing, yet docx builds and formats
 * both for every file: a third of its work. They are formatted once per set of fonts and reused;
 * docx formats an empty element in their place.
 */
const sharedParts = new Map<string, ReadonlyMap<string, string | Uint8Array>>();
const SHARED_PATHS = ['word/styles.xml', 'word/theme/theme1.xml'];
const EMPTY_PART = { prepForXml: () => ({ 'w:empty': {} }) };

function compileParts(document: WordDocument, fonts: DocumentMeta['fonts']): PackageParts {
  const compiler = (Packer as unknown as PackerInternals).compiler;
  const key = JSON.stringify(fonts);
  const shared = sharedParts.get(key);
  if (!shared) {
    const parts = new Map(compiler.compile(document));
    const styles = parts.get('word/styles.xml')!;
    parts.set('word/styles.xml', withJapaneseTypography(typeof styles === 'string' ? styles : Buffer.from(styles).toString('utf8')));
    sharedParts.set(key, new Map(SHARED_PATHS.map((path) => [path, parts.get(path)!])));
    return parts;
  }
  const file = document as unknown as FileInternals;
  file.styles = EMPTY_PART;
  file.theme = EMPTY_PART;
  const parts = new Map(compiler.compile(document));
  for (const [path, data] of shared) parts.set(path, data);
  return parts;
}

export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const { document, bodies } = buildWordDocument(doc);
  const parts = compileParts(document, doc.meta.fonts);
  const date = ISO_DATE.test(doc.meta.effectiveDate) ? doc.meta.effectiveDate : undefined;
  return normalizePackage(parts, { date, company: doc.meta.organization }, bodies);
}
