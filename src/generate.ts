import { isTodo, PLACEHOLDER_PATTERN, type Fillable } from './answers/common.js';
import type { Answers } from './answers/schema.js';
import type { Block, Chapter, Document, DocumentMeta, Inline } from './model/types.js';
import { forEachInlines, gapText } from './model/text.js';
import type { TemplateSet } from './templates/load.js';
import { parseTemplateMarkdown, TemplateError } from './templates/parse.js';
import { renderTemplate } from './templates/render.js';
import { tokenize, ValueTable } from './templates/values.js';
import { numberDocument } from './transform/numbering.js';
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
  readonly documents: readonly Document[];
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

export function generate(answers: Answers, templates: TemplateSet): GenerateResult {
  const values = new ValueTable();
  const view = { ...(tokenize(answers, values) as object), ...(tokenize(derivedView(answers), values) as object) };
  const metaGaps: UnfilledValue[] = [];
  const plain = (value: Fillable, key: string): string => {
    if (!isTodo(value)) return value;
    metaGaps.push({ key, question: value.todo });
    return gapText(value.todo);
  };

  const documents = templates.documents.map((documentTemplate): Document => {
    const meta = documentMeta(answers, plain);
    const chapters = documentTemplate.chapters.map((chapterTemplate): Chapter => {
      const children: Block[] = [];
      for (const section of chapterTemplate.sections) {
        const markdown = renderTemplate(section.source, section.file, view, values);
        for (const [pattern, what] of LEFTOVER_PATTERNS) {
          const match = pattern.exec(markdown);
          if (match) {
            const line = markdown.slice(0, match.index).split('\n').length;
            throw new TemplateError(section.file, `出力に${what}が残っています: ${match[0]}`, line);
          }
        }
        children.push(...parseTemplateMarkdown(markdown, section.file, values));
      }
      const key = chapterTemplate.key;
      const revisedKey = `document.chapterRevised.${key}`;
      const revised = answers.document.chapterRevised[key];
      return {
        type: 'chapter',
        id: chapterTemplate.id,
        number: '',
        title: chapterTemplate.title,
        revised: revised === null ? formatDate(plain(answers.document.effectiveDate, 'document.effectiveDate')) : formatDate(plain(revised, revisedKey)),
        scope: values.inlines(values.token({ kind: 'text', value: answers.document.chapterScope[key] })),
        children,
      };
    });
    return numberDocument({ type: 'document', id: documentTemplate.id, meta, children: chapters });
  });

  const resolved = resolveReferences(documents, templates.knownIds);
  return { documents: resolved, unfilled: collectUnfilled(resolved, metaGaps) };
}

/** 2026-04-01 → 2026.04.01, as in the sample's header table. */
const formatDate = (isoOrGap: string): string => (/^\d{4}-\d{2}-\d{2}$/u.test(isoOrGap) ? isoOrGap.replaceAll('-', '.') : isoOrGap);

function documentMeta(answers: Answers, plain: (value: Fillable, key: string) => string): DocumentMeta {
  const d = answers.document;
  const levels = answers.confidentiality.levels;
  const effectiveDate = plain(d.effectiveDate, 'document.effectiveDate');
  return {
    title: answers.terms.documentName,
    organization: answers.organization.name,
    version: d.version,
    effectiveDate,
    approver: plain(d.approver, 'document.approver'),
    classification: d.classification ?? levels[levels.length - 2]!.label,
    revisions: d.revisions.length
      ? d.revisions.map((r, i) => ({ version: r.version, date: plain(r.date, `document.revisions.${i}.date`), description: r.description }))
      : [{ version: d.version, date: effectiveDate, description: '制定' }],
    fonts: d.fonts,
  };
}

function collectUnfilled(documents: readonly Document[], metaGaps: readonly UnfilledValue[]): UnfilledValue[] {
  const seen = new Map<string, UnfilledValue>();
  for (const gap of metaGaps) if (!seen.has(gap.key)) seen.set(gap.key, gap);
  const visit = (nodes: readonly Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'gap' && !seen.has(node.key)) seen.set(node.key, { key: node.key, question: node.question });
      if (node.type === 'strong' || node.type === 'link') visit(node.children);
    }
  };
  for (const document of documents) forEachInlines(document, visit);
  return [...seen.values()];
}
