import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Reads the template tree once (IO at the edge): each `templates/<document>/document.yaml` describes
 * one document (its title, when it is made, how it is numbered and laid out) and names its chapters,
 * each a directory holding one Markdown file per section in file-name order; a document without
 * chapters keeps its section files next to its document.yaml. The result is plain data, so the
 * pipeline after it stays pure.
 */

export interface SectionTemplate {
  /** Path relative to the templates directory, used in every error message. */
  readonly file: string;
  readonly source: string;
}

/** Keys of the rulebook's chapters in `document.chapterRevised` / `document.chapterScope`. */
export type ChapterKey = 'organizational' | 'human' | 'physical' | 'technical';

export interface ChapterTemplate {
  readonly id: string;
  /** The rulebook's chapters open with the sample's header table (改訂日・適用範囲) from these answers; null: no header table. */
  readonly key: ChapterKey | null;
  /** False for a closing part such as 附則: no number, and it does not count. */
  readonly numbered: boolean;
  readonly title: string;
  readonly sections: readonly SectionTemplate[];
}

/** How headings are numbered: the rulebook's 1. / 1.2, or 第1条（見出し） articles with ２ / (1) paragraphs. */
export type NumberingStyle = 'decimal' | 'article';

export interface PackRole {
  /** A main part of the combined pack, or an appendix (付録1, 付録2 …). */
  readonly role: 'main' | 'appendix';
  /** Place in the pack, lowest first. */
  readonly order: number;
}

export interface DocumentTemplate {
  readonly id: string;
  /** Handlebars source of the title, e.g. `{{terms.documentName}}`. */
  readonly title: string;
  /** The document is made only when every condition holds: an `options` key (`myNumber`) or a dotted answers path. */
  readonly when: readonly string[];
  /** `public`: carries the public level's label (公開); `internal`: the document classification of the answers. */
  readonly classification: 'public' | 'internal';
  /** `cover`: cover page, 改訂履歴 and 目次; `title`: the title on top of the first page. */
  readonly front: 'cover' | 'title';
  readonly numbering: NumberingStyle;
  readonly orientation: 'portrait' | 'landscape';
  /** Where the document goes in the combined pack; null: not in the pack. */
  readonly pack: PackRole | null;
  /** Chapters, or none when the sections stand directly in the document. */
  readonly chapters: readonly ChapterTemplate[];
  /** The sections of a document without chapters. */
  readonly sections: readonly SectionTemplate[];
  /** Path of document.yaml relative to the templates directory, for error messages. */
  readonly file: string;
}

export interface TemplateSet {
  readonly documents: readonly DocumentTemplate[];
  /** Every document, chapter and section id a template defines, with its title as written, to explain a reference to a left-out one. */
  readonly knownIds: ReadonlyMap<string, string>;
}

const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/u, '英小文字・数字・ハイフンで書いてください');

const documentSpecSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    when: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    classification: z.enum(['public', 'internal']).default('internal'),
    front: z.enum(['cover', 'title']).default('title'),
    numbering: z.enum(['decimal', 'article']).default('decimal'),
    orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    pack: z
      .object({ role: z.enum(['main', 'appendix']), order: z.number().int() })
      .strict()
      .nullable()
      .default(null),
    chapters: z
      .array(
        z
          .object({
            id: idSchema,
            key: z.enum(['organizational', 'human', 'physical', 'technical']).optional(),
            numbered: z.boolean().default(true),
            title: z.string().min(1),
            dir: z.string().min(1),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export const DEFAULT_TEMPLATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/**
 * Document kinds in the order they are built (the rulebook first). A template directory may hold
 * any of them; the rulebook is required.
 */
export const DOCUMENT_IDS = [
  'rulebook',
  'basic-policy',
  'my-number-policy',
  'my-number-rules',
  'contract-clauses',
  'vendor-checklist',
  'exit-checklist',
  'sharing-checksheet',
  'asset-ledger',
] as const;

const HEADING_ID = /^#{1,6}\s+(.*?)\s*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$/gmu;

export class TemplateSetError extends Error {}

function readSections(dir: string, sectionDir: string, knownIds: Map<string, string>, owners: Map<string, string>): SectionTemplate[] {
  return readdirSync(sectionDir)
    .filter((name) => name.endsWith('.md') && statSync(join(sectionDir, name)).isFile())
    .sort()
    .map((name): SectionTemplate => {
      const path = join(sectionDir, name);
      const source = readFileSync(path, 'utf8');
      const file = relative(dir, path).split('\\').join('/');
      for (const match of source.matchAll(HEADING_ID)) define(knownIds, owners, match[2]!, match[1]!.replace(/\{\{[^}]*\}\}/gu, '…'), file);
      return { file, source };
    });
}

/** Ids name targets across all documents of a build, so each may be defined in one file only. */
function define(knownIds: Map<string, string>, owners: Map<string, string>, id: string, title: string, file: string): void {
  const owner = owners.get(id);
  if (owner !== undefined && owner !== file) throw new TemplateSetError(`id「${id}」が ${owner} と ${file} の両方で使われています（id は全文書で一意にしてください）`);
  owners.set(id, file);
  knownIds.set(id, title);
}

/** Every Handlebars source of a template set: each document's title and each section file. */
export function templateSources(set: TemplateSet): { readonly file: string; readonly source: string }[] {
  return set.documents.flatMap((document) => [
    { file: `${document.file}（title）`, source: document.title },
    ...[...document.sections, ...document.chapters.flatMap((chapter) => chapter.sections)].map(({ file, source }) => ({ file, source })),
  ]);
}

export function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR): TemplateSet {
  const knownIds = new Map<string, string>();
  const owners = new Map<string, string>();
  const present = DOCUMENT_IDS.filter((id) => existsSync(join(dir, id, 'document.yaml')));
  if (!present.includes('rulebook')) {
    // Read it anyway, so that the error names the missing file.
    readFileSync(join(dir, 'rulebook', 'document.yaml'), 'utf8');
  }
  const documents = present.map((documentId): DocumentTemplate => {
    const specFile = join(dir, documentId, 'document.yaml');
    const file = relative(dir, specFile).split('\\').join('/');
    const parsed = documentSpecSchema.safeParse(parseYaml(readFileSync(specFile, 'utf8')));
    if (!parsed.success) {
      throw new TemplateSetError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(全体)'}: ${i.message}`).join('; ')}`);
    }
    const spec = parsed.data;
    if (spec.id !== documentId) throw new TemplateSetError(`${file}: id は「${documentId}」（ディレクトリ名）にしてください`);
    define(knownIds, owners, spec.id, spec.title.replace(/\{\{[^}]*\}\}/gu, '…'), file);
    const chapters = (spec.chapters ?? []).map((chapter): ChapterTemplate => {
      define(knownIds, owners, chapter.id, chapter.title, file);
      return {
        id: chapter.id,
        key: chapter.key ?? null,
        numbered: chapter.numbered,
        title: chapter.title,
        sections: readSections(dir, join(dir, documentId, chapter.dir), knownIds, owners),
      };
    });
    return {
      id: spec.id,
      title: spec.title,
      when: spec.when === undefined ? [] : typeof spec.when === 'string' ? [spec.when] : spec.when,
      classification: spec.classification,
      front: spec.front,
      numbering: spec.numbering,
      orientation: spec.orientation,
      pack: spec.pack,
      chapters,
      sections: chapters.length ? [] : readSections(dir, join(dir, documentId), knownIds, owners),
      file,
    };
  });
  return { documents, knownIds };
}
