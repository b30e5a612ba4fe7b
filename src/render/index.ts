import type { Document } from '../model/types.js';
import { renderMarkdown } from './markdown/index.js';

/** Output formats and their writers. Each writer sees only the document model. */
export const FORMATS = {
  md: { extension: 'md', label: 'Markdown', render: async (doc: Document): Promise<Uint8Array> => Buffer.from(renderMarkdown(doc), 'utf8') },
  // Writers load on demand: a Markdown-only build never reads the docx package, pdfkit or the fonts.
  docx: { extension: 'docx', label: 'Word', render: async (doc: Document): Promise<Uint8Array> => (await import('./docx/index.js')).renderDocx(doc) },
  pdf: { extension: 'pdf', label: 'PDF', render: async (doc: Document): Promise<Uint8Array> => (await import('./pdf/index.js')).renderPdf(doc) },
} as const;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

export function parseFormats(spec: string): Format[] {
  const names = spec
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in FORMATS));
  if (unknown.length || names.length === 0) {
    throw new UsageError(`出力形式「${unknown.join(',') || spec}」は使えません。使える形式: ${FORMAT_NAMES.join(', ')}`);
  }
  return [...new Set(names)] as Format[];
}

/** A mistake in how the command was called (exit 1, like invalid input). */
export class UsageError extends Error {}
