import {
  BorderStyle,
  Document as WordDocument,
  FileChild,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TableOfContents,
  TextRun,
  type PageNumberEstimator,
  type ParagraphChild,
} from 'docx';
import type { Document, DocumentMeta } from '../../model/types.js';
import { blocks, bodyContext, bodyRuns, newRenderState, type BodyChild } from './blocks.js';
import { COLOR, MARGIN, PAGE, TEXT_WIDTH } from './layout.js';
import { normalizePackage, type PackageParts } from './package.js';
import { documentStyles, listNumbering, STYLE } from './styles.js';
import { textRuns } from './runs.js';
import { gridTable, labelCell, valueCell } from './table.js';

/**
 * Word writer: the document model → a .docx that is Word structure, not look-alike text. Built-in
 * heading styles (navigation pane, TOC), a TOC field whose entries are already written, list
 * numbering, real tables, Japanese fonts, A4 with a binding gutter. The same model gives the same
 * bytes (see package.ts).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** 2026-04-01 → 2026年4月1日; anything else is shown as given. */
export function japaneseDate(value: string): string {
  const match = ISO_DATE.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value;
}

/** 1.0 → 第1.0版; a version already worded (第2版, 2026年度版) is kept. */
const versionLabel = (version: string): string => (/^[\d.]+$/u.test(version) ? `第${version}版` : version);

/** The classification label in a box, as stamped on paper. */
const classificationRun = (label: string) =>
  new TextRun({ text: ` ${label} `, bold: true, color: '000000', border: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } });

function coverPage(meta: DocumentMeta): BodyChild[] {
  const row = (label: string, value: string) => ({ cells: [labelCell(label), valueCell(textRuns(value))] });
  const facts = [row('版数', versionLabel(meta.version)), row('施行日', japaneseDate(meta.effectiveDate)), row('承認者', meta.approver)];
  if (meta.classification) facts.push(row('文書区分', meta.classification));
  return [
    new Paragraph({ style: STYLE.coverTitle, children: textRuns(meta.title) }),
    new Paragraph({ style: STYLE.coverSubtitle, spacing: { after: 1800 }, children: textRuns(meta.organization) }),
    gridTable([1, 2.4], facts, { width: Math.round(TEXT_WIDTH * 0.6), alignment: 'center' }),
  ];
}

function revisionHistory(meta: DocumentMeta): BodyChild[] {
  const rows = meta.revisions.map((r) => ({
    cells: [valueCell(textRuns(r.version), { center: true }), valueCell(textRuns(japaneseDate(r.date)), { center: true }), valueCell(textRuns(r.description))],
  }));
  return [
    new Paragraph({ style: STYLE.frontHeading, pageBreakBefore: true, children: textRuns('改訂履歴') }),
    gridTable([1.2, 2.2, 7], [{ header: true, cells: ['版数', '改訂日', '改訂内容'].map(labelCell) }, ...rows]),
  ];
}

/**
 * The table of contents: docx fills the field result with an entry per Heading 1–3, linked to the
 * heading, so it is complete before any update; Word is asked to update fields on open for the
 * page numbers.
 */
function tableOfContents(): FileChild[] {
  return [new Paragraph({ style: STYLE.tocHeading, children: textRuns('目次') }), new TableOfContents('目次', { hyperlink: true, headingStyleRange: '1-3' })];
}

/** The title on top of the first page of a document without a cover (a policy, rules, a form). */
const titleBlock = (meta: DocumentMeta): BodyChild[] => [new Paragraph({ style: STYLE.documentTitle, children: textRuns(meta.title) })];

/** Width of the text column of a landscape page. */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right - MARGIN.gutter;

const headerParagraph = (meta: DocumentMeta, withTitle: boolean, width = TEXT_WIDTH): Paragraph =>
  new Paragraph({
    style: STYLE.header,
    tabStops: [{ type: TabStopType.RIGHT, position: width }],
    ...(withTitle ? { border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.muted, space: 4 } } } : {}),
    children: [
      ...(withTitle ? [new TextRun(meta.title)] : []),
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

export function buildWordDocument(doc: Document, extra: { pageNumbers?: PageNumberEstimator } = {}): WordDocument {
  const { meta } = doc;
  const state = newRenderState();
  const cover = meta.front === 'cover';
  // A landscape part of the pack (the asset ledger) is a Word section of its own.
  const runs = bodyRuns(doc.children, meta.orientation);
  const sections = runs.map((run, index) => {
    const landscape = run.orientation === 'landscape';
    const width = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
    state.sectionStart = index > 0;
    const body = blocks(run.children, bodyContext(state, width));
    const first = index === 0;
    return {
      properties: {
        ...(first && cover ? { titlePage: true } : {}),
        page: {
          size: { width: PAGE.width, height: PAGE.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...MARGIN },
        },
      },
      headers: {
        ...(first && cover ? { first: new Header({ children: [headerParagraph(meta, false, width)] }) } : {}),
        default: new Header({ children: [headerParagraph(meta, true, width)] }),
      },
      footers: {
        ...(first && cover ? { first: new Footer({ children: [new Paragraph({ style: STYLE.footer, children: [] })] }) } : {}),
        default: new Footer({ children: [footerParagraph(meta, width)] }),
      },
      children: first ? [...(cover ? [...coverPage(meta), ...revisionHistory(meta), ...tableOfContents()] : titleBlock(meta)), ...body] : body,
    };
  });
  return new WordDocument({
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
    ...extra,
    styles: documentStyles(meta.fonts),
    numbering: listNumbering([...state.orderedStarts], [...state.itemStarts]),
    sections,
  });
}

/**
 * The step of `Packer.toBuffer` before zipping (docx's Compiler, a static of Packer): the package's
 * parts. kitei rewrites some of them and zips once (see package.ts).
 */
interface PackerInternals {
  readonly compiler: { compile(file: ReturnType<typeof buildWordDocument>): PackageParts };
}

export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const parts = (Packer as unknown as PackerInternals).compiler.compile(buildWordDocument(doc));
  const date = ISO_DATE.test(doc.meta.effectiveDate) ? doc.meta.effectiveDate : undefined;
  return normalizePackage(parts, { date, company: doc.meta.organization });
}

