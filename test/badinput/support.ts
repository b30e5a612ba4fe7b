import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Root, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { run } from '../../src/cli/main.js';

/** The real CLI entry, in process, with its output captured. */
export async function kitei(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'kitei-badinput-'));

/** Every file under `dir`, relative, with `/`; [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
      .sort();
  } catch {
    return [];
  }
}

/** A character a message must show as U+XXXX, never raw: controls (C0 but line feed and tab, C1), bidi controls, noncharacters, lone surrogates. */
// eslint-disable-next-line no-control-regex
export const RAW_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/u;

/** A JS stack trace line, which a user must never see. */
export const STACK_TRACE = /\n\s+at .+[:(]/u;

const parseMarkdown = (source: string): Root => fromMarkdown(source, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });

/** What a Markdown viewer shows as text (escapes and character references resolved). */
export const markdownText = (source: string): string => toString(parseMarkdown(source));

/** The structure of a Markdown file: every node's type and depth, without its text. */
export function markdownStructure(source: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes, depth: number) => {
    if (node.type !== 'text') out.push(`${depth}:${node.type}`);
    if ('children' in node) for (const child of node.children) walk(child, depth + 1);
  };
  walk(parseMarkdown(source), 0);
  // Adjacent text nodes (split by an escape) are one run for a reader.
  return out;
}

/** The structure of a document model: the `type` of every node, in order. */
export function modelStructure(value: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const type = (node as { type?: unknown }).type;
      if (typeof type === 'string') out.push(type);
      for (const [key, child] of Object.entries(node)) if (key !== 'meta') walk(child);
    }
  };
  walk(value);
  return out;
}
