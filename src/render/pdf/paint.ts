import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { face, type Face, type FaceName } from '../text/fonts.js';
import { compactObjects } from './objstm.js';
import { subsetFromFontBytes, type TrueTypeSubset } from './subset.js';
import type { GlyphRun, Op } from './ops.js';

/**
 * Writes laid-out pages with pdfkit. Page content is written directly: text as glyph ids straight
 * from the cmap, one TJ per run with the justification as character spacing. The layout has already
 * placed every character, so pdfkit's own text layout (slow on CJK fonts, and it would move glyphs)
 * is bypassed. Font subsetting, ToUnicode maps (text copies out), annotations, bookmarks and the
 * file structure stay pdfkit's.
 */

/** The parts of pdfkit's embedded font object that writing glyphs needs (not in its typings). */
interface EmbeddedFont {
  readonly id: string;
  readonly scale: number;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
  ref(): unknown;
}

interface PdfInternals {
  _font: EmbeddedFont;
  _offset: number;
  _write(data: string | Uint8Array): void;
  page: { fonts: Record<string, unknown>; dictionary: unknown };
  _root: { data: Record<string, unknown> };
}

/** A stream object of pdfkit as it finalizes it (not in its typings). */
interface StreamRef {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/**
 * zlib's fastest level for the streams pdfkit writes (page content, font files). pdfkit deflates at
 * zlib's default (6), which for the example's PDFs took ~80 ms for ~5 % smaller files: font outlines
 * hardly compress at any level, and page content is short. The stream is deflated here and handed
 * to pdfkit as done (its Filter is already FlateDecode); the rest of pdfkit's writing is unchanged.
 */
const STREAM_DEFLATE_LEVEL = 1;

function deflateStreamsFast(pdf: { ref(data?: object): unknown }): void {
  const makeRef = pdf.ref.bind(pdf);
  pdf.ref = (data?: object) => {
    const ref = makeRef(data) as StreamRef;
    const finalize = ref.finalize;
    ref.finalize = function (this: StreamRef) {
      if (this.compress && this.buffer.length) {
        this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: STREAM_DEFLATE_LEVEL })];
        this.compress = false;
      }
      finalize.call(this);
    };
    return ref;
  };
}

/**
 * pdfkit writes the file as a readable stream, a few bytes at a time (`1 0 obj`, a dictionary,
 * `endobj`…), each string turned into bytes by a JavaScript loop and pushed through the stream.
 * The file is collected here instead, the strings encoded by Buffer (latin1: the low byte of each
 * code unit, as pdfkit's loop does); pdfkit's offsets for the cross-reference table stay its own.
 */
function collectOutput(raw: PdfInternals, chunks: Uint8Array[]): void {
  raw._write = function (this: PdfInternals, data: string | Uint8Array) {
    const bytes = data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1');
    chunks.push(bytes);
    this._offset += bytes.length;
  };
}

interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: Record<string, unknown>;
}

/** A place in the document: 0-based page index and distance from the top of the page. */
export interface Target {
  readonly page: number;
  readonly y: number;
}

export interface Bookmark extends Target {
  readonly title: string;
  readonly children: readonly Bookmark[];
}

/** Ops of a page, drawn with their origin at (dx, dy) on the page. */
export interface Layer {
  readonly ops: readonly Op[];
  readonly dx: number;
  readonly dy: number;
}

export interface PaintPage {
  readonly orientation: 'portrait' | 'landscape';
  /** Page height in points (the user space is y-down from the top). */
  readonly height: number;
  readonly layers: readonly Layer[];
}

export interface PaintInput {
  readonly pages: readonly PaintPage[];
  readonly bookmarks: readonly Bookmark[];
  /** Where internal links (TOC entries, cross-references) lead, by section or chapter id. */
  readonly targets: ReadonlyMap<string, Target>;
  readonly info: Record<string, string | Date>;
  /** Fixed creation date for the file id when the document has none (never the clock). */
  readonly idDate: Date;
}

const POWERS = [1, 10, 100, 1000];
const fixed = (v: number, digits: number): string => {
  const p = POWERS[digits]!;
  const r = Math.round(v * p) / p;
  return r === 0 ? '0' : String(r);
};
const f2 = (v: number): string => fixed(v, 2);


export async function paint(input: PaintInput): Promise<Uint8Array> {
  // pdfkit derives the file /ID from the info dictionary as given here (CreationDate included),
  // so a fixed date makes the id, and the file, reproducible.
  const info = { ...input.info };
  const hasDate = info.CreationDate instanceof Date;
  if (!hasDate) info.CreationDate = input.idDate;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    font: null as unknown as string,
    info: info as PDFKit.DocumentInfo,
    lang: 'ja-JP',
    displayTitle: true,
  });
  const raw = pdf as unknown as PdfInternals;
  deflateStreamsFast(pdf as unknown as { ref(data?: object): unknown });
  // No date to state: keep the fixed one for pdfkit's own use but leave it out of the file (the
  // info dictionary is written from its enumerable keys).
  if (!hasDate) Object.defineProperty(pdf.info, 'CreationDate', { value: input.idDate, enumerable: false });
  raw._root.data.PageMode = 'UseOutlines';
  // What pdfkit wrote while it was made (the header) is in its stream; everything after is collected.
  const head = pdf.read() as Buffer | null;
  const chunks: Uint8Array[] = head ? [head] : [];
  collectOutput(raw, chunks);
  pdf.on('data', () => {
    throw new Error('pdfkit wrote past the collected output');
  });
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });

  const encoders = new Map<FaceName, Encoder>();
  const encoder = (name: FaceName): Encoder => {
    let e = encoders.get(name);
    if (!e) {
      pdf.font(face(name).font as unknown as string, name);
      e = new Encoder(raw._font, name);
      encoders.set(name, e);
    }
    return e;
  };

  // All pages exist before any is drawn, so that links can point forward (TOC → body).
  const pageRefs: unknown[] = [];
  for (const page of input.pages) {
    pdf.addPage({ size: 'A4', layout: page.orientation, margin: 0 });
    pageRefs.push(raw.page.dictionary);
  }
  // Where a viewer puts the top of the window for a target: a little above the heading.
  const dest = (t: Target) => [pageRefs[t.page], 'XYZ', null, Number(f2(input.pages[t.page]!.height - Math.max(0, t.y - 12))), null];
  input.pages.forEach((page, i) => {
    pdf.switchToPage(i);
    const painter = new Painter(pdf, raw, encoder, page.height, (id) => {
      const t = input.targets.get(id);
      return t && dest(t);
    });
    for (const layer of page.layers) painter.layer(layer);
    painter.finish();
  });

  const addBookmarks = (parent: OutlineItem, items: readonly Bookmark[], depth: number) => {
    for (const b of items) {
      const item = parent.addItem(b.title, { expanded: depth === 0 });
      // pdfkit's own destination puts the left edge at the page width; point at the heading instead.
      item.outlineData.Dest = dest(b);
      addBookmarks(item, b.children, depth + 1);
    }
  };
  addBookmarks(pdf.outline as unknown as OutlineItem, input.bookmarks, 0);

  pdf.end();
  await finished;
  return compactObjects(new Uint8Array(Buffer.concat(chunks)));
}

/** Glyph ids of one face in this document's subset, as PDF string bytes, cached per character. */
class Encoder {
  private readonly bytes = new Map<string, string>();
  readonly face;

  constructor(
    readonly font: EmbeddedFont,
    name: FaceName,
  ) {
    this.face = face(name);
    subsetFromFontBytes(font.subset as unknown as TrueTypeSubset);
  }

  /** The two bytes of the glyph id (Identity-H), escaped for a literal string. */
  encode(ch: string): string {
    let b = this.bytes.get(ch);
    if (b === undefined) {
      const cp = ch.codePointAt(0)!;
      const gid = this.font.subset.includeGlyph(this.face.glyphId(cp));
      this.font.widths[gid] ??= this.face.advance(cp);
      this.font.unicode[gid] ??= [cp];
      b = literalByte(gid >> 8) + literalByte(gid & 0xff);
      this.bytes.set(ch, b);
    }
    return b;
  }
}

/** A byte inside a literal string: binary is allowed, but the delimiters and line ends are escaped. */
function literalByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    default:
      return String.fromCharCode(byte);
  }
}

/** The gaps between the characters of the run being worked out (reused: one run at a time). */
const GAPS: number[] = [];

interface RunSpacing {
  /** Character spacing (Tc) of the run. */
  readonly spacing: number;
  /** Before each character but the first: its TJ adjustment (`)-12.5(`), or nothing; undefined when there is none (the usual line). */
  readonly adjustments: readonly string[] | undefined;
}

/**
 * The spacing of a run, worked out once per run: the pack's pages hold its documents' own runs (the
 * same objects: layout is shared), painted again with other glyph ids but the same spacing.
 */
const spacings = new WeakMap<GlyphRun, RunSpacing>();

/**
 * The most common gap between the characters (the justification spacing of the line) becomes the
 * character spacing Tc; only the exceptions (inside Latin words, squeezed punctuation) are written
 * as TJ adjustments.
 */
function runSpacing(op: GlyphRun, face: Face): RunSpacing {
  let known = spacings.get(op);
  if (known) return known;
  const { chars, offsets, size } = op;
  const n = chars.length;
  const gaps = GAPS;
  let uniform = true;
  for (let k = 1; k < n; k++) {
    const advance = (face.advance(chars[k - 1]!.codePointAt(0)!) * size) / 1000;
    const gap = Math.round((offsets[k]! - offsets[k - 1]! - advance) * 1000) / 1000;
    gaps[k - 1] = gap;
    if (gap !== gaps[0]) uniform = false;
  }
  // The usual line has every gap alike: all of it is character spacing, nothing to count.
  const spacing = n === 1 ? 0 : uniform ? gaps[0]! : mostCommonGap(gaps, n - 1);
  let adjustments: string[] | undefined;
  for (let k = 1; k < n; k++) {
    const d = gaps[k - 1]! - spacing;
    if (Math.abs(d) <= 0.0005) continue;
    adjustments ??= new Array<string>(n - 1).fill('');
    adjustments[k - 1] = `)${fixed((-d * 1000) / size, 1)}(`;
  }
  known = { spacing, adjustments };
  spacings.set(op, known);
  return known;
}

/** The gap that occurs most often among the first `count`; of equally frequent ones, the smallest. */
function mostCommonGap(gaps: readonly number[], count: number): number {
  const counts = new Map<number, number>();
  for (let k = 0; k < count; k++) counts.set(gaps[k]!, (counts.get(gaps[k]!) ?? 0) + 1);
  let spacing = 0;
  let best = 0;
  for (const [gap, n] of counts) if (n > best || (n === best && Math.abs(gap) < Math.abs(spacing))) [spacing, best] = [gap, n];
  return spacing;
}

/** A string as the UTF-16BE bytes of a literal string (a text string of the file, after its byte order mark). */
function utf16Literal(text: string): string {
  let bytes = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes += literalByte(unit >> 8) + literalByte(unit & 0xff);
  }
  return bytes;
}

/** Operator for a #rrggbb colour (fill `rg`, stroke `RG`). */
function rgb(color: string, op: 'rg' | 'RG'): string {
  const n = Number.parseInt(color.slice(1), 16);
  return `${fixed(((n >> 16) & 255) / 255, 3)} ${fixed(((n >> 8) & 255) / 255, 3)} ${fixed((n & 255) / 255, 3)} ${op}`;
}

/**
 * Writes one page's content stream. Layout coordinates are y-down; the stream first undoes pdfkit's
 * flip and writes y-up coordinates. Text objects stay open across runs and move with relative Td,
 * colour and text state are written only when they change: small, repetitive, well-compressed
 * streams.
 */
class Painter {
  private readonly out: string[];
  private fill = '';
  private stroke = '';
  private lineWidth = -1;
  private font = '';
  private spacing = 0;
  /** Inside BT … ET, with the start of the current text line. */
  private inText = false;
  private lineX = 0;
  private lineY = 0;
  /** Origin of the current layer. */
  private dx = 0;
  private dy = 0;
  /** Offsets of the groups being drawn, outermost first. */
  private readonly groups: { dx: number; dy: number }[] = [];

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly raw: PdfInternals,
    private readonly encoder: (name: FaceName) => Encoder,
    private readonly height: number,
    private readonly dest: (id: string) => unknown[] | undefined,
  ) {
    this.out = [`1 0 0 -1 0 ${f2(height)} cm`];
  }

  private setFill(color: string) {
    if (color !== this.fill) this.out.push(rgb(color, 'rg'));
    this.fill = color;
  }

  private setStroke(color: string, width: number) {
    if (color !== this.stroke) this.out.push(rgb(color, 'RG'));
    if (width !== this.lineWidth) this.out.push(`${f2(width)} w`);
    this.stroke = color;
    this.lineWidth = width;
  }

  private beginText() {
    if (this.inText) return;
    this.out.push('BT');
    this.inText = true;
    this.lineX = 0;
    this.lineY = 0;
  }

  private endText() {
    if (this.inText) this.out.push('ET');
    this.inText = false;
  }

  /**
   * Hands the page's content to pdfkit in one piece, as bytes: pdfkit would convert a string byte by
   * byte in JavaScript (and end it with a line feed, as here). Every character is one byte.
   */
  finish(): void {
    this.endText();
    this.pdf.addContent(Buffer.from(`${this.out.join('\n')}\n`, 'latin1') as unknown as string);
  }

  layer(layer: Layer): void {
    this.dx = layer.dx;
    this.dy = layer.dy;
    for (const op of layer.ops) this.draw(op);
  }

  /** x in the layer: the groups' offsets added innermost first. */
  private gx(x: number): number {
    for (let i = this.groups.length - 1; i >= 0; i--) x += this.groups[i]!.dx;
    return x;
  }

  private gy(y: number): number {
    for (let i = this.groups.length - 1; i >= 0; i--) y += this.groups[i]!.dy;
    return y;
  }

  /** A layer's x and y as written in the page's coordinates (y up). */
  private X(x: number): string {
    return f2(x + this.dx);
  }

  private Y(y: number): string {
    return f2(this.height - y - this.dy);
  }

  private draw(op: Op): void {
    const out = this.out;
    const dx = this.dx;
    const dy = this.dy;
    switch (op.kind) {
      case 'group':
        // A span of text as written lies within one text object (it holds glyph runs only).
        if (op.actualText !== undefined) {
          this.beginText();
          out.push(`/Span <</ActualText (\xfe\xff${utf16Literal(op.actualText)})>> BDC`);
        }
        this.groups.push(op);
        for (const inner of op.ops) this.draw(inner);
        this.groups.pop();
        if (op.actualText !== undefined) out.push('EMC');
        return;
      case 'text':
        this.text(op);
        return;
      case 'rect': {
        this.endText();
        const x = this.gx(op.x);
        const y = this.gy(op.y);
        if (op.fill) {
          this.setFill(op.fill);
          out.push(`${this.X(x)} ${this.Y(y + op.height)} ${f2(op.width)} ${f2(op.height)} re f`);
        }
        if (op.stroke) {
          this.setStroke(op.stroke, op.lineWidth ?? 0.5);
          out.push(`${this.X(x)} ${this.Y(y + op.height)} ${f2(op.width)} ${f2(op.height)} re S`);
        }
        return;
      }
      case 'line':
        if (op.points.length < 2) return;
        this.endText();
        this.setStroke(op.color, op.width);
        out.push(`${op.points.map(([x, y], i) => `${this.X(this.gx(x))} ${this.Y(this.gy(y))} ${i === 0 ? 'm' : 'l'}`).join(' ')} S`);
        return;
      case 'dots': {
        const x1 = this.gx(op.x1);
        const x2 = this.gx(op.x2);
        const y = this.gy(op.y);
        // Zero-length dashes with round caps are dots; starting on a multiple of the pitch puts
        // them on a page-wide grid, so that the leaders of all TOC lines line up.
        const start = Math.ceil((x1 + dx) / op.pitch) * op.pitch;
        if (start > x2 + dx) return;
        this.endText();
        this.setStroke(op.color, 0.9);
        out.push(`q 1 J [0 ${f2(op.pitch)}] 0 d ${f2(start)} ${this.Y(y)} m ${this.X(x2)} ${this.Y(y)} l S Q`);
        return;
      }
      case 'link': {
        const x = this.gx(op.x) + dx;
        const y = this.gy(op.y) + dy;
        if (op.url) {
          this.pdf.link(x, y, op.width, op.height, op.url);
          return;
        }
        const dest = op.dest && this.dest(op.dest);
        // A direct destination: no action object, no name tree.
        if (dest) this.pdf.annotate(x, y, op.width, op.height, { Subtype: 'Link', Dest: dest } as unknown as PDFKit.Mixins.AnnotationOption);
        return;
      }
    }
  }

  /** One run of one face: glyph ids, with the character spacing and adjustments of runSpacing. */
  private text(op: GlyphRun): void {
    const n = op.chars.length;
    if (n === 0) return;
    const enc = this.encoder(op.face);
    const { chars } = op;
    const { spacing, adjustments } = runSpacing(op, enc.face);
    let tj = `(${enc.encode(chars[0]!)}`;
    if (adjustments) for (let k = 1; k < n; k++) tj += adjustments[k - 1]! + enc.encode(chars[k]!);
    else for (let k = 1; k < n; k++) tj += enc.encode(chars[k]!);
    tj += ')';
    const font = enc.font;
    this.raw.page.fonts[font.id] ??= font.ref();
    const out = this.out;
    this.beginText();
    this.setFill(op.color);
    const tf = `/${font.id} ${fixed(op.size, 2)} Tf`;
    if (tf !== this.font) out.push(tf);
    if (spacing !== this.spacing) out.push(`${fixed(spacing, 3)} Tc`);
    this.font = tf;
    this.spacing = spacing;
    const x = Number(f2(this.gx(op.x) + this.dx));
    const y = Number(f2(this.height - this.gy(op.y) - this.dy));
    out.push(`${f2(x - this.lineX)} ${f2(y - this.lineY)} Td [${tj}] TJ`);
    this.lineX = x;
    this.lineY = y;
  }
}
