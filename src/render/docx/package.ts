import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Makes the .docx package a function of the document alone. docx v9 stamps the clock into the core
 * properties and into every zip entry, names hyperlink relationships with random ids, and numbers
 * bookmarks from a counter shared by every document the process writes; none of that has an
 * option, so the package's parts are rewritten here before they are zipped (once: docx's own
 * zipping would only be undone): dates from the document, ids counted per file.
 */

/** The parts of a package by path, in package order, as docx's compiler makes them. */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

export interface PackageFacts {
  /** ISO date (YYYY-MM-DD) for the created/modified properties, or undefined to leave them out. */
  readonly date: string | undefined;
  readonly company: string;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Zip entries carry local date-time fields; built from components so no time zone moves them. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

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

/** Bookmark ids, and the numbers of the TOC's `_Toc` bookmark names, by first appearance: 1, 2, … */
function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  return xml
    .replace(/<w:bookmark(?:Start|End)\b[^>]*>/gu, (tag) =>
      tag.replace(/\bw:id="(\d+)"/u, (_m, id: string) => {
        if (!ids.has(id)) ids.set(id, ids.size + 1);
        return `w:id="${ids.get(id)}"`;
      }),
    )
    .replace(/\b_Toc(\d+)\b/gu, (_m, n: string) => {
      if (!names.has(n)) names.set(n, names.size + 1);
      return `_Toc${names.get(n)}`;
    });
}

/** The part a relationships file belongs to: `word/_rels/document.xml.rels` → `word/document.xml`. */
const partOf = (relsPath: string): string => relsPath.replace(/_rels\/([^/]+)\.rels$/u, '$1');

export function normalizePackage(parts: PackageParts, facts: PackageFacts): Uint8Array {
  const files = Object.fromEntries(parts);
  const text = new Map<string, string>();
  const read = (path: string) => {
    const data = text.get(path) ?? files[path]!;
    return typeof data === 'string' ? data : strFromU8(data);
  };

  for (const path of Object.keys(files).filter((p) => p.endsWith('.rels'))) {
    let rels = read(path);
    const part = partOf(path);
    let partXml = files[part] ? read(part) : undefined;
    let count = 0;
    rels = rels.replace(/\bId="([^"]+)"/gu, (whole, id: string) => {
      if (/^rId\d+$/u.test(id)) return whole;
      const stable = `rIdK${++count}`;
      if (partXml !== undefined) partXml = partXml.split(`"${id}"`).join(`"${stable}"`);
      return `Id="${stable}"`;
    });
    text.set(path, rels);
    if (partXml !== undefined) text.set(part, partXml);
  }
  if (files['word/document.xml']) text.set('word/document.xml', renumberBookmarks(read('word/document.xml')));
  if (files['docProps/core.xml']) text.set('docProps/core.xml', coreProperties(read('docProps/core.xml'), facts.date));
  text.set('docProps/app.xml', appProperties(facts.company));

  const out: Zippable = {};
  for (const path of Object.keys(files)) {
    const data = text.get(path) ?? files[path]!;
    out[path] = [typeof data === 'string' ? strToU8(data) : data, { mtime: ZIP_TIME, level: 6 }];
  }
  return zipSync(out);
}
