import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * Reads the template tree once (IO at the edge): `templates/<document>/document.yaml` names the
 * document's chapters; each chapter directory holds one Markdown file per section, in file-name
 * order. The result is plain data, so the pipeline after it stays pure.
 */

export interface SectionTemplate {
  /** Path relative to the templates directory, used in every error message. */
  readonly file: string;
  readonly source: string;
}

export interface ChapterTemplate {
  readonly id: string;
  /** Key of the chapter in `document.chapterRevised` / `document.chapterScope`. */
  readonly key: 'organizational' | 'human' | 'physical' | 'technical';
  readonly title: string;
  readonly sections: readonly SectionTemplate[];
}

export interface DocumentTemplate {
  readonly id: string;
  readonly chapters: readonly ChapterTemplate[];
}

export interface TemplateSet {
  readonly documents: readonly DocumentTemplate[];
  /** Every section id a template defines, with its title as written, to explain a reference to a left-out section. */
  readonly knownIds: ReadonlyMap<string, string>;
}

const documentSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/u),
    chapters: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/u),
          key: z.enum(['organizational', 'human', 'physical', 'technical']),
          title: z.string().min(1),
          dir: z.string().min(1),
        })
        .strict(),
    ),
  })
  .strict();

export const DEFAULT_TEMPLATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Document kinds in the order they are built. */
export const DOCUMENT_IDS = ['rulebook'] as const;

const HEADING_ID = /^#{1,6}\s+(.*?)\s*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$/gmu;

export function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR): TemplateSet {
  const knownIds = new Map<string, string>();
  const documents = DOCUMENT_IDS.map((documentId): DocumentTemplate => {
    const specFile = join(dir, documentId, 'document.yaml');
    const spec = documentSpecSchema.parse(parseYaml(readFileSync(specFile, 'utf8')));
    return {
      id: spec.id,
      chapters: spec.chapters.map((chapter): ChapterTemplate => {
        knownIds.set(chapter.id, chapter.title);
        const chapterDir = join(dir, documentId, chapter.dir);
        const sections = readdirSync(chapterDir)
          .filter((name) => name.endsWith('.md') && statSync(join(chapterDir, name)).isFile())
          .sort()
          .map((name): SectionTemplate => {
            const path = join(chapterDir, name);
            const source = readFileSync(path, 'utf8');
            for (const match of source.matchAll(HEADING_ID)) knownIds.set(match[2]!, match[1]!.replace(/\{\{[^}]*\}\}/gu, '…'));
            return { file: relative(dir, path).split('\\').join('/'), source };
          });
        return { id: chapter.id, key: chapter.key, title: chapter.title, sections };
      }),
    };
  });
  return { documents, knownIds };
}
