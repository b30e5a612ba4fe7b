/**
 * WordprocessingML of the body, written as strings. The conventions are docx's (the library writes
 * the rest of the package), so the document reads the same whoever wrote a part: attributes in
 * docx's order, `xml:space="preserve"` on every w:t, empty elements self-closed, and values escaped
 * as docx escapes them.
 */

/**
 * XML's special characters, and every character XML 1.0 cannot hold: the control characters but
 * tab, LF and CR, lone surrogates (the `u` flag matches one only when unpaired), U+FFFE and U+FFFF.
 * One of those makes the whole part unreadable (Word and LibreOffice refuse the file).
 */
const SPECIAL_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * A text or attribute value: entities for & " ' < >, characters XML cannot hold dropped (as docx
 * drops control characters). The answers never hold those (src/characters.ts); this is the writer's
 * own guarantee, whatever the model holds.
 */
export const escapeXml = (value: string): string =>
  SPECIAL_BUT_SURROGATES.test(value) || !value.isWellFormed() ? value.replace(SPECIAL_ALL, (c) => ENTITIES[c] ?? '') : value;

/**
 * The tests whether there is anything to replace: the same characters, with lone surrogates found
 * by isWellFormed() — a `u` pattern that matches lone surrogates is ~3× slower over a whole part
 * (~1 MB of text in the rulebook's document.xml).
 */
const SPECIAL_BUT_SURROGATES = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const NOT_XML_BUT_SURROGATES = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const NOT_XML_ALL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/gu;

/**
 * A whole written part with every character XML cannot hold dropped. The docx library writes the
 * headers, footers and document properties from the model's strings and drops none of them; every
 * XML part goes through this before it is zipped.
 */
export const xmlCharactersOnly = (xml: string): string => (NOT_XML_BUT_SURROGATES.test(xml) || !xml.isWellFormed() ? xml.replace(NOT_XML_ALL, '') : xml);

/** Highlight colours of a run, as Word names them. */
export type Highlight = 'yellow';

export interface ParagraphProperties {
  readonly style?: string;
  /** `false` is written too: it overrides a style that keeps with the next. */
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
  /** A list paragraph: the w:num and the level. */
  readonly numbering?: { readonly numId: number; readonly level: number };
  readonly tabs?: readonly { readonly type: 'left' | 'center' | 'right'; readonly position: number; readonly leader?: 'dot' }[];
  /** An empty object is written as an empty w:spacing. */
  readonly spacing?: { readonly after?: number; readonly before?: number; readonly line?: number; readonly lineRule?: 'exact' | 'auto' };
  /** `firstLineChars` (hundredths of a character) wins over `firstLine` in Word; 0 cancels a style's. */
  readonly indent?: { readonly left?: number; readonly hanging?: number; readonly firstLine?: number; readonly firstLineChars?: number };
  readonly alignment?: 'left' | 'center' | 'right';
}

const attribute = (name: string, value: string | number | undefined): string => (value === undefined ? '' : ` ${name}="${typeof value === 'number' ? value : escapeXml(value)}"`);

/** w:pPr, in the order CT_PPr gives its elements; '' when there is nothing to say. */
export function paragraphProperties(p: ParagraphProperties): string {
  let xml = '';
  if (p.style !== undefined) xml += `<w:pStyle w:val="${escapeXml(p.style)}"/>`;
  if (p.keepNext !== undefined) xml += p.keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  if (p.pageBreakBefore) xml += '<w:pageBreakBefore/>';
  if (p.numbering) xml += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
  if (p.tabs?.length) xml += `<w:tabs>${p.tabs.map((t) => `<w:tab${attribute('w:val', t.type)}${attribute('w:pos', t.position)}${attribute('w:leader', t.leader)}/>`).join('')}</w:tabs>`;
  if (p.spacing) {
    const s = p.spacing;
    xml += `<w:spacing${attribute('w:after', s.after)}${attribute('w:before', s.before)}${attribute('w:line', s.line)}${attribute('w:lineRule', s.lineRule)}/>`;
  }
  if (p.indent) {
    const i = p.indent;
    xml += `<w:ind${attribute('w:left', i.left)}${attribute('w:hanging', i.hanging)}${attribute('w:firstLine', i.firstLine)}${attribute('w:firstLineChars', i.firstLineChars)}/>`;
  }
  if (p.alignment) xml += `<w:jc w:val="${p.alignment}"/>`;
  return xml && `<w:pPr>${xml}</w:pPr>`;
}

/** A paragraph of inline content (runs, hyperlinks, bookmarks); an empty one is `<w:p/>`. */
export function paragraph(properties: ParagraphProperties, content = ''): string {
  const inner = paragraphProperties(properties) + content;
  return inner ? `<w:p>${inner}</w:p>` : '<w:p/>';
}

export interface RunProperties {
  readonly style?: string;
  readonly bold?: boolean;
  readonly highlight?: Highlight;
  readonly underline?: boolean;
}

/** A run of text; `lineBreak` puts a line break before it (a "\n" of the text). */
export function textRun(text: string, format: RunProperties = {}, lineBreak = false): string {
  let properties = '';
  if (format.style !== undefined) properties += `<w:rStyle w:val="${escapeXml(format.style)}"/>`;
  if (format.bold) properties += '<w:b/><w:bCs/>';
  if (format.highlight) properties += `<w:highlight w:val="${format.highlight}"/>`;
  if (format.underline) properties += '<w:u w:val="single"/>';
  return `<w:r>${properties && `<w:rPr>${properties}</w:rPr>`}${lineBreak ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A hyperlink to a bookmark of the document. */
export const internalHyperlink = (anchor: string, runs: string): string => `<w:hyperlink w:history="1" w:anchor="${escapeXml(anchor)}">${runs}</w:hyperlink>`;

/** A hyperlink through a relationship of the document part (`anchor`: the URL's fragment, which Word keeps apart). */
export const externalHyperlink = (relationshipId: string, anchor: string | undefined, runs: string): string =>
  `<w:hyperlink w:history="1"${attribute('w:anchor', anchor)} r:id="${relationshipId}">${runs}</w:hyperlink>`;

/** Content wrapped in a bookmark. */
export const bookmarked = (name: string, id: number, content: string): string =>
  `<w:bookmarkStart w:name="${escapeXml(name)}" w:id="${id}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;

const PARAGRAPH_START = '<w:p>';
const PROPERTIES_START = '<w:p><w:pPr>';

/**
 * A written paragraph with one more element in its properties: right after its style (where
 * w:keepNext goes), or at their end (where a section's w:sectPr goes). Anything that is not a
 * paragraph (a table) is returned as it is.
 */
export function withParagraphProperty(block: string, element: string, at: 'afterStyle' | 'end'): string {
  if (block === '<w:p/>') return `<w:p><w:pPr>${element}</w:pPr></w:p>`;
  if (!block.startsWith(PARAGRAPH_START)) return block;
  if (!block.startsWith(PROPERTIES_START)) return `${PROPERTIES_START}${element}</w:pPr>${block.slice(PARAGRAPH_START.length)}`;
  const end = block.indexOf('</w:pPr>');
  let position = end;
  if (at === 'afterStyle') position = block.startsWith('<w:pStyle ', PROPERTIES_START.length) ? block.indexOf('/>', PROPERTIES_START.length) + 2 : PROPERTIES_START.length;
  return block.slice(0, position) + element + block.slice(position);
}

/** The properties of a written paragraph (between <w:pPr> and </w:pPr>), '' when it has none. */
export function propertiesOf(block: string): string {
  if (!block.startsWith(PROPERTIES_START)) return '';
  return block.slice(PROPERTIES_START.length, block.indexOf('</w:pPr>'));
}
