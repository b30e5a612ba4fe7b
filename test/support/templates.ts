import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.js';
import type { TemplateSet } from '../../src/templates/load.js';

/**
 * A small in-memory template set for engine tests: chapters with the given section sources, so a
 * test shows exactly the template text it depends on.
 */
export function templateSet(chapters: Record<string, Record<string, string>>, extraKnownIds: Record<string, string> = {}): TemplateSet {
  const keys = ['organizational', 'human', 'physical', 'technical'] as const;
  const knownIds = new Map<string, string>(Object.entries(extraKnownIds));
  const documentChapters = Object.entries(chapters).map(([title, sections], index) => {
    const id = `c${index + 1}`;
    knownIds.set(id, title);
    return {
      id,
      key: keys[index % keys.length]!,
      numbered: true,
      title,
      sections: Object.entries(sections).map(([file, source]) => {
        for (const match of source.matchAll(/^#+\s+(.*?)\s*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$/gmu)) knownIds.set(match[2]!, match[1]!);
        return { file, path: file, overlay: null, source };
      }),
    };
  });
  knownIds.set('rulebook', '…');
  return {
    documents: [
      {
        id: 'rulebook',
        title: '{{terms.documentName}}',
        when: [],
        classification: 'internal',
        front: 'cover',
        numbering: 'decimal',
        orientation: 'portrait',
        pack: null,
        chapters: documentChapters,
        sections: [],
        file: 'rulebook/document.yaml',
        overlaid: false,
      },
    ],
    knownIds,
    identity: { overlays: [], files: [], digest: '' },
  };
}

/** A stand-in section for a chapter a test does not exercise: only its heading (and id) matter. */
export const stubSection = (title: string, id: string): string => `# ${title} {#${id}}\n\n本文\n`;

/**
 * The real section templates of one rulebook chapter directory (e.g. `2-human`), keyed as the
 * loader names them; `only` keeps the files whose names match (a chapter written in parts).
 */
export function chapterTemplates(dir: string, only: RegExp = /\.md$/u): Record<string, string> {
  const path = join(ROOT, 'templates', 'rulebook', dir);
  return Object.fromEntries(
    readdirSync(path)
      .filter((name) => name.endsWith('.md') && only.test(name))
      .sort()
      .map((name) => [`rulebook/${dir}/${name}`, readFileSync(join(path, name), 'utf8')]),
  );
}
