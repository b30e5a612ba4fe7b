import { documentText, DRAFT_MARK } from '../../model/text.js';
import type { Block, Document } from '../../model/types.js';
import { FACE_NAMES, face, missingCharacters } from '../text/fonts.js';
import { MissingGlyphError } from './errors.js';
import { bodyFlow, continuing, flowBlocks } from './flow.js';
import { chapterTabNumber, coverOps, revisionBoxes, tabOps, titleBox, tocBoxes, TOC_DEPTH } from './front.js';
import { runAt } from './inline.js';
import type { Op } from './ops.js';
import { paginate, paginateTight, type PlacedMark } from './paginate.js';
import { paint, type Bookmark, type Layer, type PaintPage } from './paint.js';
import { COLORS, geometryOf, MM, textLeft, type Geometry, type TextStyle } from './style.js';

export { MissingGlyphError } from './errors.js';

/** A last page filled less than this share holds a few lines: worth tightening the page before. */
const LAST_PAGE_FEW = 0.2;

/**
 * The print-ready PDF: cover, 改訂履歴, 目次 with page numbers, then one chapter per new page, with
 * running header and footer, bookmarks and links. Laid out in two passes: the body first, then the
 * table of contents with the page numbers the body ended up on.
 */

/** Words the writer itself prints (checked against the fonts with the document's text). */
const OWN_TEXT = '改訂履歴目次版改訂日改訂内容施行日承認機密区分適用範囲0123456789.…・①②③④⑤⑥⑦⑧⑨⑩()';

/**
 * Blocks whose text an earlier PDF of this process has checked: the pack's parts hold its
 * documents' own blocks (the same objects, never changed after generation), checked when each
 * document was written, so the pack checks only what is its own.
 */
const checkedBlocks = new WeakSet<Block>();

/** Fails with every character that the fonts lack, before anything is drawn. */
function checkGlyphs(doc: Document): void {
  const m = doc.meta;
  const unchecked = doc.children.map((block) => (block.type === 'part' ? { ...block, children: block.children.filter((child) => !checkedBlocks.has(child)) } : block));
  const text = [documentText({ ...doc, children: unchecked }), m.organization, m.version, m.effectiveDateText, m.approver, m.classification, ...m.revisions.flatMap((r) => [r.version, r.dateText, r.description]), OWN_TEXT].join('\n');
  const missing = missingCharacters(text, FACE_NAMES);
  if (missing.length === 0) {
    for (const block of doc.children) checkedBlocks.add(block);
    return;
  }
  const lines = text.normalize('NFC').split('\n');
  throw new MissingGlyphError(
    missing.map((character) => {
      const line = lines.find((l) => l.includes(character)) ?? '';
      const at = line.indexOf(character);
      return { character, context: line.slice(Math.max(0, at - 12), at + character.length + 12) };
    }),
  );
}

/** A real calendar date (YYYY-MM-DD) as midnight UTC, else undefined. */
function isoDate(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value.trim());
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCDate() === Number(m[3]) && date.getUTCMonth() === Number(m[2]) - 1 ? date : undefined;
}

type PageKind = 'cover' | 'front' | 'body';

export interface LaidPage {
  readonly kind: PageKind;
  readonly geometry: Geometry;
  /** Relative to the page's text block. */
  readonly ops: readonly Op[];
  /** How far down the text block is filled, in points. */
  readonly filled: number;
  /** The page ends where a forced break (a chapter, a part, the end of the front matter) starts the next. */
  readonly broken: boolean;
}

export interface Layout {
  readonly pages: readonly LaidPage[];
  /** Marks with absolute 0-based page indexes. */
  readonly marks: readonly PlacedMark[];
}

interface Run {
  readonly kind: PageKind;
  readonly geometry: Geometry;
  readonly pages: readonly (readonly Op[])[];
  readonly marks: readonly PlacedMark[];
  readonly filled: readonly number[];
  readonly broken: readonly boolean[];
}

/**
 * The body in runs of one page orientation: a part (a document of the pack) in landscape is laid
 * out on landscape pages, everything else on the document's own orientation.
 */
function bodyRuns(doc: Document): Run[] {
  const base = geometryOf(doc.meta.orientation);
  const groups: { geometry: Geometry; blocks: Block[] }[] = [];
  for (const block of doc.children) {
    const last = groups[groups.length - 1];
    // What follows a part (the pack's closing 「以上」) goes on in the part's orientation.
    const geometry = block.type === 'part' ? geometryOf(block.orientation) : (last?.geometry ?? base);
    if (last && last.geometry === geometry && block.type !== 'part') last.blocks.push(block);
    else groups.push({ geometry, blocks: [block] });
  }
  if (groups.length === 0) groups.push({ geometry: base, blocks: [] });
  return groups.map((group, i) => {
    let boxes = flowBlocks(group.blocks, bodyFlow(group.geometry));
    // A document without a cover opens with its title on the first page, the body right under it.
    if (i === 0 && doc.meta.front === 'title') {
      boxes = [titleBox(doc.meta, group.geometry.textWidth), ...continuing(boxes)];
    }
    const h = group.geometry.textHeight;
    // The last lines of a chapter, a part or the document are pulled back onto the page before rather than left alone.
    const laid = paginateTight(boxes, h, h * LAST_PAGE_FEW);
    return { kind: 'body' as const, geometry: group.geometry, ...laid };
  });
}

export function layoutDocument(doc: Document): Layout {
  const body = bodyRuns(doc);
  const front: Run[] = [];
  if (doc.meta.front === 'cover') {
    const g = geometryOf(doc.meta.orientation);
    const revisions = paginate(revisionBoxes(doc.meta, g), g.textHeight);
    const bodyMarks = body.flatMap((run, r) => {
      const offset = body.slice(0, r).reduce((n, b) => n + b.pages.length, 0);
      return run.marks.map((m) => ({ ...m, page: m.page + offset }));
    });
    const tocMarks = bodyMarks.filter((m) => m.kind !== 'front' && m.depth <= TOC_DEPTH);
    // The contents' own length decides where the body starts: lay it out until the count is stable.
    let tocPages = 1;
    let toc = paginate([], g.textHeight);
    for (let round = 0; round < 4; round++) {
      const bodyStart = 1 + revisions.pages.length + tocPages;
      toc = paginate(
        tocBoxes(
          tocMarks.map((mark) => ({ mark, page: bodyStart + mark.page + 1 })),
          g.textWidth,
        ),
        g.textHeight,
      );
      if (toc.pages.length === tocPages) break;
      tocPages = toc.pages.length;
    }
    front.push({ kind: 'cover', geometry: g, pages: [coverOps(doc.meta, g)], marks: [], filled: [g.textHeight], broken: [true] }, { kind: 'front', geometry: g, ...revisions }, { kind: 'front', geometry: g, ...toc });
  }
  const pages: LaidPage[] = [];
  const marks: PlacedMark[] = [];
  for (const run of [...front, ...body]) {
    const offset = pages.length;
    // Each run ends with a forced break: the next starts a page of its own.
    pages.push(...run.pages.map((ops, i) => ({ kind: run.kind, geometry: run.geometry, ops, filled: run.filled[i] ?? 0, broken: run.broken[i] === true || i === run.pages.length - 1 })));
    marks.push(...run.marks.map((m) => ({ ...m, page: m.page + offset })));
  }
  return { pages, marks };
}

const HEADER: TextStyle = { face: 'serif', size: 8, leading: 12, color: COLORS.muted };
const FOLIO: TextStyle = { face: 'serif', size: 9, leading: 12, color: COLORS.text };

/**
 * Running header (document title on the inner side, chapter or part on the outer side) and footer
 * (page number, classification), in page coordinates.
 */
function decorations(g: Geometry, title: string, pageNumber: number, section: string, classification: string, chapter: string | undefined): Op[] {
  const left = textLeft(g, pageNumber);
  const right = left + g.textWidth;
  const odd = pageNumber % 2 === 1;
  const ops: Op[] = [];
  const headTop = g.top - 22;
  const width = (text: string, style: TextStyle) => face(style.face).width(text, style.size);
  // A long title gives way to the chapter: shortened with an ellipsis rather than overprinted.
  const fit = (text: string, max: number) => {
    if (width(text, HEADER) <= max) return text;
    const chars = [...text];
    while (chars.length > 1 && width(`${chars.join('')}…`, HEADER) > max) chars.pop();
    return `${chars.join('')}…`;
  };
  const outer = fit(section === title ? '' : section, g.textWidth * 0.6);
  const inner = fit(title, g.textWidth - width(outer, HEADER) - 24);
  ops.push(runAt(odd ? inner : outer, HEADER, left, headTop));
  const rightText = odd ? outer : inner;
  ops.push(runAt(rightText, HEADER, right - width(rightText, HEADER), headTop));
  ops.push({ kind: 'line', points: [[left, g.top - 8], [right, g.top - 8]], color: COLORS.rule, width: 0.4 });
  // The chapter tab: the chapter's number in the outer margin, one step lower for each chapter, so
  // that the edge of the closed book shows where each chapter begins.
  if (chapter) {
    const tabWidth = 8 * MM;
    const tabHeight = 14 * MM;
    const x = odd ? g.width - 5 * MM - tabWidth : 5 * MM;
    const step = Math.min(18 * MM, (g.textHeight - tabHeight) / 8);
    ops.push(...tabOps(chapter, x, g.top + (Number(chapter) - 1) * step, tabWidth, tabHeight, true));
  }
  const footTop = g.height - g.bottom + 18;
  const folio = String(pageNumber);
  ops.push(runAt(folio, FOLIO, left + (g.textWidth - width(folio, FOLIO)) / 2, footTop));
  if (classification) {
    const w = width(classification, HEADER) + 10;
    const x = odd ? right - w : left;
    ops.push({ kind: 'rect', x, y: footTop - 1, width: w, height: HEADER.leading + 2, stroke: COLORS.muted, lineWidth: 0.5 });
    ops.push(runAt(classification, HEADER, x + 5, footTop));
  }
  return ops;
}

/** How deep bookmarks go: one level more than the table of contents. */
const BOOKMARK_DEPTH = TOC_DEPTH + 1;

/** Bookmarks nested by outline depth: front matter, parts and chapters at the top. */
function bookmarks(marks: readonly PlacedMark[], pages: readonly LaidPage[]): Bookmark[] {
  interface Node {
    title: string;
    page: number;
    y: number;
    depth: number;
    children: Node[];
  }
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const m of marks) {
    if (m.depth > BOOKMARK_DEPTH || m.id === 'title') continue;
    const node: Node = { title: m.label, page: m.page, y: m.top + pages[m.page]!.geometry.top, depth: m.depth, children: [] };
    while (stack.length && stack[stack.length - 1]!.depth >= m.depth) stack.pop();
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

export async function renderPdf(doc: Document): Promise<Uint8Array> {
  checkGlyphs(doc);
  const layout = layoutDocument(doc);
  const m = doc.meta;
  // The running header names the chapter or part a page belongs to (the last one started on or
  // before it); a part's pages carry the part's classification.
  let section = '';
  let classification = m.classification;
  // A page's header names what is in effect at its top (or starts on it); the next page carries
  // the last chapter or part started here.
  let carried = '';
  // The chapter of the rulebook a page is in (its tab), likewise.
  let chapter: string | undefined;
  let carriedChapter: string | undefined;
  const pages: PaintPage[] = layout.pages.map((page, index) => {
    const pageNumber = index + 1;
    const started = layout.marks.filter((k) => k.page === index);
    const part = started.find((k) => k.kind === 'part');
    const heads = started.filter((k) => k.kind === 'part' || k.kind === 'chapter' || (k.kind === 'front' && k.id !== 'title'));
    if (part) classification = part.classification ?? m.classification;
    section = part ? part.label : (heads[0]?.label ?? carried);
    carried = heads[heads.length - 1]?.label ?? carried;
    const tab = (k: PlacedMark | undefined) => (k ? chapterTabNumber(k) : carriedChapter);
    chapter = part ? undefined : heads.length ? tab(heads[0]) : carriedChapter;
    carriedChapter = heads.length ? chapterTabNumber(heads[heads.length - 1]!) : carriedChapter;
    const g = page.geometry;
    const layers: Layer[] = [{ ops: page.ops, dx: textLeft(g, pageNumber), dy: g.top }];
    if (page.kind !== 'cover') layers.push({ ops: decorations(g, m.draft ? `${DRAFT_MARK}${m.title}` : m.title, pageNumber, section, classification, page.kind === 'body' ? chapter : undefined), dx: 0, dy: 0 });
    return { orientation: g.orientation, height: g.height, layers };
  });
  // The effective date, else the latest dated revision: never the clock.
  const date =
    isoDate(m.effectiveDate) ??
    [...m.revisions]
      .reverse()
      .map((r) => isoDate(r.date))
      .find((d) => d !== undefined);
  const info: Record<string, string | Date> = {
    Title: m.title,
    Author: m.organization,
    Subject: `${m.organization} ${m.title}（${m.version}版・${m.effectiveDateText}施行・${m.classification}）`,
    Keywords: [m.classification, '情報セキュリティ', '規程'].filter(Boolean).join(', '),
    Creator: 'kitei',
    Producer: 'kitei (PDFKit)',
  };
  if (date) {
    info.CreationDate = date;
    info.ModDate = date;
  }
  const targets = new Map(layout.marks.map((mark) => [mark.id, { page: mark.page, y: mark.top + layout.pages[mark.page]!.geometry.top }]));
  return paint({ pages, bookmarks: bookmarks(layout.marks, layout.pages), targets, info, idDate: new Date(Date.UTC(2000, 0, 1)) });
}
