import { zipEntries } from './zip.js';
import { escapeXml, withParagraphProperty, xmlCharactersOnly } from './xml.js';

/**
 * Puts the body into the package docx made around it, and makes the package a function of the
 * document alone. docx v9 stamps the clock into the core properties and into every zip entry; that
 * has no option, so those parts are rewritten here before they are zipped (once: docx's own zipping
 * would only be undone): dates from the document. Bookmark ids and hyperlink relationships are the
 * body's own, counted per file (blocks.ts).
 */

/** The parts of a package by path, in package order, as docx's compiler makes them. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

export interface PackageFacts {
  /** ISO date (YYYY-MM-DD) for the created/modified properties, or undefined to leave them out. */
  readonly date: string | undefined;
  readonly company: string;
}

function coreProperties(xml: string, date: string | undefined): string {
  const stamp = (name: string) => (date ? `<${name} xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</${name}>` : '');
  return xml
    .replace(/<dcterms:created\b[^>]*>[^<]*<\/dcterms:created>/u, stamp('dcterms:created'))
    .replace(/<dcterms:modified\b[^>]*>[^<]*<\/dcterms:modified>/u, stamp('dcterms:modified'));
}

function appProperties(company: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Company>${escapeXml(company)}</Company></Properties>`
  );
}

/** The style id of the placeholder paragraph of section n is this and n: no style has it. */
export const BODY_PLACEHOLDER = 'KiteiBody';

/**
 * docx's document.xml with each section's placeholder paragraph replaced by that section's body.
 * A section but the last ends with the placeholder, which docx gave the section's properties
 * (w:sectPr): they move into the last paragraph of the body, or a paragraph of their own after a
 * table, as docx puts them.
 */
function withBodies(xml: string, bodies: readonly (readonly string[])[]): string {
  const pieces: string[] = [];
  let from = 0;
  bodies.forEach((blocks, index) => {
    const start = xml.indexOf(`<w:p><w:pPr><w:pStyle w:val="${BODY_PLACEHOLDER}${index}"/>`, from);
    if (start < 0) throw new Error(`word/document.xml has no placeholder for section ${index + 1}`);
    const close = '</w:pPr></w:p>';
    const end = xml.indexOf(close, start) + close.length;
    const placeholder = xml.slice(start, end);
    const sectionProperties = placeholder.slice(placeholder.indexOf('/>') + 2, -close.length);
    pieces.push(xml.slice(from, start));
    if (!sectionProperties) pieces.push(...blocks);
    else {
      const last = blocks[blocks.length - 1];
      if (last?.startsWith('<w:p')) pieces.push(...blocks.slice(0, -1), withParagraphProperty(last, sectionProperties, 'end'));
      else pieces.push(...blocks, `<w:p><w:pPr>${sectionProperties}</w:pPr></w:p>`);
    }
    from = end;
  });
  pieces.push(xml.slice(from));
  return pieces.join('');
}

/**
 * Japanese line composition, as the PDF writer sets it, for every paragraph: 禁則 (strict: no small
 * kana at a line's start either), no hanging punctuation (句読点のぶら下げ off), a bracket at a
 * line's start set flush (行頭の約物を詰める), a quarter em between Japanese and Latin text or
 * digits (和欧間の自動調整), on the document defaults; and punctuation compressed (約物の詰め) in
 * the settings. docx writes none of these; they go where Word keeps them.
 */
export function withJapaneseTypography(stylesXml: string): string {
  const defaults = '<w:pPrDefault><w:pPr>';
  return stylesXml.replace(defaults, `${defaults}<w:kinsoku/><w:overflowPunct w:val="false"/><w:topLinePunct/><w:autoSpaceDE/><w:autoSpaceDN/>`);
}

function settings(xml: string): string {
  // CT_Settings puts these after evenAndOddHeaders and before updateFields and compat.
  const at = xml.search(/<w:updateFields\b|<w:compat\b|<\/w:settings>/u);
  return `${xml.slice(0, at)}<w:characterSpacingControl w:val="compressPunctuation"/><w:strictFirstAndLastChars/>${xml.slice(at)}`;
}

export function normalizePackage(parts: PackageParts, facts: PackageFacts, bodies: readonly (readonly string[])[]): Uint8Array {
  const files = Object.fromEntries(parts);
  const text = new Map<string, string>();
  const read = (path: string) => {
    const data = files[path]!;
    return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  };

  text.set('word/document.xml', withBodies(read('word/document.xml'), bodies));
  if (files['word/settings.xml']) text.set('word/settings.xml', settings(read('word/settings.xml')));
  if (files['docProps/core.xml']) text.set('docProps/core.xml', coreProperties(read('docProps/core.xml'), facts.date));
  text.set('docProps/app.xml', appProperties(facts.company));

  return zipEntries(
    Object.keys(files).map((path) => {
      const data = text.get(path) ?? files[path]!;
      // Every part that is text is XML (or .rels, which is XML too); fonts and images are bytes.
      return { path, data: typeof data === 'string' ? Buffer.from(xmlCharactersOnly(data), 'utf8') : data };
    }),
  );
}
