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
        return { file, source };
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
      },
    ],
    knownIds,
  };
}
