import { isTodo, PLACEHOLDER_PATTERN, type Fillable } from './answers/common.js';
import type { Answers } from './answers/schema.js';
import type { Block, Chapter, Closing, Document, DocumentMeta, Inline, Part } from './model/types.js';
import { forEachInlines, gapText } from './model/text.js';
import { OverlayError, type DocumentTemplate, type PackRole, type SectionTemplate, type TemplateSet } from './templates/load.js';
import { parseTemplateMarkdown, TemplateError } from './templates/parse.js';
import { formatJapaneseDate, renderTemplate } from './templates/render.js';
import { tokenize, ValueTable } from './templates/values.js';
import { numberDocument, NumberingError } from './transform/numbering.js';
import { resolveReferences } from './transform/xref.js';

/**
 * The pure middle of kitei: validated answers + loaded templates → numbered, cross-referenced
 * document models. No file system, no clock: the same inputs give the same models.
 */

export interface UnfilledValue {
  /** Dotted answers key. */
  readonly key: string;
  readonly question: string;
}

export interface GenerateResult {
  /** The documents the answers ask for, the rulebook first. */
  readonly documents: readonly Document[];
  /** The combined pack for distribution (cover, one table of contents, the documents as parts), or null. */
  readonly pack: Document | null;
  /** Values still at a stand-in, in the order they appear; each key once. */
  readonly unfilled: readonly UnfilledValue[];
}

/** The view templates see besides the answers themselves: facts derived from them. */
export function derivedView(answers: Answers) {
  const levels = answers.confidentiality.levels;
  const secret = levels.slice(0, -1);
  const lowestSecret = secret[secret.length - 1]!;
  return {
    conf: {
      /** 最上位（極秘） */
      top: levels[0]!.label,
      /** 公開レベル（最下位） */
      public: levels[levels.length - 1]!.label,
      /** 最も低い非公開レベル（社外秘） */
      lowestSecret: lowestSecret.label,
      /** 非公開レベルのラベル、高い順（極秘、社外秘） */
      secretLabels: secret.map((l) => l.label),
      /** 非公開レベルのラベル、低い順（社外秘又は極秘 と書くため） */
      secretLabelsAscending: [...secret].reverse().map((l) => l.label),
      /** 非公開とみなす評価値の下限（3/2/1 なら 2、2/1/0 なら 1） */
      threshold: lowestSecret.value,
      /** 非公開レベルが1つだけか（「社外秘又は極秘」を「部外秘」と書く） */
      single: secret.length === 1,
    },
  };
}

const LEFTOVER_PATTERNS: readonly [RegExp, string][] = [
  [PLACEHOLDER_PATTERN, '仮の値（○○・●●・20yy・****）または編集時注意'],
  [/undefined|\[object /u, '未定義の値'],
  [/\{\{|\}\}/u, 'Handlebars の記法'],
];

/**
 * A house template's mistake found while building (a variable the answers lack, Markdown the parser
 * refuses, a stand-in left in the text) is the user's to fix, like one found when it was loaded.
 */
function blame<T>(overlaid: boolean, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (overlaid && error instanceof TemplateError) throw new OverlayError([{ file: error.file, line: error.line, message: error.detail }]);
    throw error;
  }
}

export function generate(answers: Answers, templates: TemplateSet): GenerateResult {
  const values = new ValueTable();
  // Which template directories a build uses is not something a document may print.
  const { templates: _overlays, ...visible } = answers;
  const view = { ...(tokenize(visible, values) as object), ...(tokenize(derivedView(answers), values) as object) };
  const metaGaps: UnfilledValue[] = [];
  const plain = (value: Fillable, key: string): string => {
    if (!isTodo(value)) return value;
    metaGaps.push({ key, question: value.todo });
    return gapText(value.todo);
  };
  // One date style for every date a reader sees: cover, 改訂履歴, chapter header tables, body.
  const printedDate = (isoOrGap: string): string => formatJapaneseDate(isoOrGap, answers.companion.dateStyle);
  const renderSections = (sections: readonly SectionTemplate[]): Block[] => {
    const children: Block[] = [];
    for (const section of sections) {
      blame(section.overlay !== null, () => {
        const markdown = renderTemplate(section.source, section.file, view, values, answers.companion.dateStyle);
        checkLeftovers(markdown, section.file);
        children.push(...parseTemplateMarkdown(markdown, section.file, values));
      });
    }
    return children;
  };

  const made = templates.documents.filter((documentTemplate) =>
    blame(documentTemplate.overlaid, () => documentTemplate.when.every((condition) => holds(condition, answers, documentTemplate.file))),
  );
  const documents = made.map((documentTemplate): Document => {
    const titleSource = blame(documentTemplate.overlaid, () => {
      const rendered = renderTemplate(documentTemplate.title, `${documentTemplate.file}（title）`, view, values, answers.companion.dateStyle);
      checkLeftovers(rendered, documentTemplate.file);
      return rendered;
    });
    const meta = documentMeta(answers, plain, documentTemplate, values.plain(titleSource));
    const chapters = documentTemplate.chapters.map((chapterTemplate): Chapter => {
      const key = chapterTemplate.key;
      const revised = key === null ? '' : answers.document.chapterRevised[key];
      return {
        type: 'chapter',
        id: chapterTemplate.id,
        numbering: chapterTemplate.numbered ? 'decimal' : 'none',
        number: '',
        title: chapterTemplate.title,
        revised:
          key === null
            ? ''
            : revised === null
              ? printedDate(plain(answers.document.effectiveDate, 'document.effectiveDate'))
              : printedDate(plain(revised as Fillable, `document.chapterRevised.${key}`)),
        scope: key === null ? [] : values.inlines(values.token({ kind: 'text', value: answers.document.chapterScope[key] }, `document.chapterScope.${key}`)),
        children: renderSections(chapterTemplate.sections),
      };
    });
    const body = documentTemplate.chapters.length ? chapters : renderSections(documentTemplate.sections);
    // A bound book (a cover, a table of contents) closes with 「以上」.
    const children = documentTemplate.front === 'cover' ? [...body, END_MARK] : body;
    return blame(documentTemplate.overlaid, () => {
      try {
        return numberDocument({ type: 'document', id: documentTemplate.id, meta, children }, documentTemplate.numbering);
      } catch (error) {
        if (error instanceof NumberingError) throw new TemplateError(documentTemplate.file, error.message);
        throw error;
      }
    });
  });

  const resolved = resolveReferences(documents, templates.knownIds);
  const unfilled = collectUnfilled(resolved, metaGaps);
  // A set with a value still unfilled is a draft, every document of it (and the pack) alike.
  const marked = unfilled.length ? resolved.map(asDraft) : resolved;
  const pack = assemblePack(answers, marked, templates, plain);
  return { documents: marked, pack: pack && unfilled.length ? asDraft(pack) : pack, unfilled };
}

const asDraft = (document: Document): Document => ({ ...document, meta: { ...document.meta, draft: true } });

/** The set made as a draft on request (`--draft`, the wizard's 「下書きとして作る」): marked so even with nothing unfilled, it is never taken for the adopted policy. */
export const asDraftSet = (result: GenerateResult): GenerateResult =>
  result.documents.every((document) => document.meta.draft) ? result : { ...result, documents: result.documents.map(asDraft), pack: result.pack && asDraft(result.pack) };

function checkLeftovers(markdown: string, file: string): void {
  for (const [pattern, what] of LEFTOVER_PATTERNS) {
    const match = pattern.exec(markdown);
    if (match) {
      const line = markdown.slice(0, match.index).split('\n').length;
      throw new TemplateError(file, `出力に${what}が残っています: ${match[0]}`, line);
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A document's `when`: a bare name is a key of `options` (`myNumber`), a dotted name a path in the
 * answers (`companion.outputs.basicPolicy`); either must be a true/false answer.
 */
export function holds(condition: string, answers: Answers, file: string): boolean {
  const path = condition.includes('.') ? condition.split('.') : ['options', condition];
  let value: unknown = answers;
  for (const key of path) value = isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
  if (typeof value !== 'boolean') {
    throw new TemplateError(file, `when: ${condition} は回答の true/false の項目ではありません（options のキー、または companion.outputs.basicPolicy のようなパス）`);
  }
  return value;
}

/**
 * The pack for distribution: the documents that have a place in it, main parts first (in their
 * order), then the appendices numbered 付録1, 付録2 …, under one cover and one table of contents.
 */
function assemblePack(answers: Answers, documents: readonly Document[], templates: TemplateSet, plain: (value: Fillable, key: string) => string): Document | null {
  if (!answers.companion.outputs.pack) return null;
  const roles = new Map(templates.documents.map((t) => [t.id, t.pack] as const));
  const entries = documents
    .map((document) => ({ document, role: roles.get(document.id) ?? null }))
    .filter((entry): entry is { document: Document; role: PackRole } => entry.role !== null)
    .sort((a, b) => (a.role.role === b.role.role ? a.role.order - b.role.order : a.role.role === 'main' ? -1 : 1));
  if (!entries.some((entry) => entry.role.role === 'main')) return null;
  let appendix = 0;
  const children = entries.map(
    ({ document, role }): Part => ({
      type: 'part',
      id: document.id,
      number: role.role === 'appendix' ? `付録${++appendix}` : '',
      title: document.meta.title,
      classification: document.meta.classification,
      orientation: document.meta.orientation,
      // The pack closes once, after its last part: a part's own 「以上」 gives way to it.
      children: document.children.filter((block) => !isEndMark(block)),
    }),
  );
  const levels = answers.confidentiality.levels;
  const meta: DocumentMeta = {
    ...baseMeta(answers, plain),
    title: answers.companion.packTitle,
    classification: answers.document.classification ?? levels[levels.length - 2]!.label,
    front: 'cover',
    orientation: 'portrait',
  };
  return { type: 'document', id: 'pack', meta, children: [...children, END_MARK] };
}

/** 「以上」, set flush right after the last block of a book: the closing mark of a set of rules. */
const END_MARK: Closing = { type: 'closing', text: '以上' };
const isEndMark = (block: Block): boolean => block.type === 'closing';

function baseMeta(answers: Answers, plain: (value: Fillable, key: string) => string): Omit<DocumentMeta, 'title' | 'classification' | 'front' | 'orientation'> {
  const d = answers.document;
  const style = answers.companion.dateStyle;
  const effectiveDate = plain(d.effectiveDate, 'document.effectiveDate');
  const revision = (version: string, date: string, description: string) => ({ version, date, dateText: formatJapaneseDate(date, style), description });
  return {
    organization: answers.organization.name,
    version: d.version,
    effectiveDate,
    effectiveDateText: formatJapaneseDate(effectiveDate, style),
    approver: plain(d.approver, 'document.approver'),
    revisions: d.revisions.length
      ? d.revisions.map((r, i) => revision(r.version, plain(r.date, `document.revisions.${i}.date`), r.description))
      : [revision(d.version, effectiveDate, '制定')],
    fonts: d.fonts,
  };
}

function documentMeta(answers: Answers, plain: (value: Fillable, key: string) => string, template: DocumentTemplate, title: string): DocumentMeta {
  const levels = answers.confidentiality.levels;
  return {
    ...baseMeta(answers, plain),
    title,
    // A public document (the basic policies) carries the public level's label.
    classification: template.classification === 'public' ? levels[levels.length - 1]!.label : (answers.document.classification ?? levels[levels.length - 2]!.label),
    front: template.front,
    orientation: template.orientation,
  };
}

function collectUnfilled(documents: readonly Document[], metaGaps: readonly UnfilledValue[]): UnfilledValue[] {
  // One entry per key and question: a key such as a list of people may miss several things.
  const seen = new Map<string, UnfilledValue>();
  const id = (gap: UnfilledValue) => `${gap.key}\u0000${gap.question}`;
  for (const gap of metaGaps) if (!seen.has(id(gap))) seen.set(id(gap), gap);
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'gap' && !seen.has(id(node))) seen.set(id(node), { key: node.key, question: node.question });
      if (node.type === 'strong' || node.type === 'link' || node.type === 'changed') visit(node.children);
    }
  };
  for (const document of documents) forEachInlines(document, visit);
  return [...seen.values()];
}
