import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insideDirectory, writeFileAtomic } from '../output/files.js';
import { VERSION } from '../output/version.js';
import { UsageError } from '../render/index.js';
import { headingIds } from './lint.js';
import { DEFAULT_TEMPLATE_DIR, EXPORT_MANIFEST, formatTemplateIssue, loadTemplates, OverlayError, readTemplateLayer, type LayerFile, type TemplateLayer } from './load.js';

/**
 * `kitei templates export` and `kitei templates diff`: starting a house template (overlay) from
 * kitei's own files, and seeing, after a kitei upgrade, which of the files an overlay replaces
 * have changed in kitei since they were exported. The export records the SHA-256 of every file it
 * writes in a small manifest (kitei-export.json) next to them; the diff compares it with kitei's
 * current files.
 */

interface ExportManifest {
  readonly generator: string;
  readonly note: string;
  /** Path inside the template directory → SHA-256 (hex) of kitei's file when it was exported. */
  readonly files: Readonly<Record<string, string>>;
}

const NOTE = 'kitei templates export が書き出した同梱のテンプレートの SHA-256。kitei templates diff が、書き出した後に同梱の本文が変わったかを調べるのに使います';

function readManifest(dir: string): ExportManifest | undefined {
  const path = join(dir, EXPORT_MANIFEST);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: 読み取れません（${error instanceof Error ? error.message : String(error)}）。kitei templates export が書いたファイルです`);
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null || Object.values(files).some((hash) => typeof hash !== 'string')) {
    throw new UsageError(`${path}: "files" に「パス: SHA-256」の組がありません。kitei templates export が書いたファイルです`);
  }
  return { generator: String((data as { generator?: unknown }).generator ?? ''), note: NOTE, files: files as Record<string, string> };
}

function writeManifest(dir: string, files: Readonly<Record<string, string>>): void {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const manifest: ExportManifest = { generator: `kitei ${VERSION}`, note: NOTE, files: sorted };
  writeFileAtomic(insideDirectory(dir, EXPORT_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

const layerFiles = (layer: TemplateLayer): LayerFile[] => [...layer.specs.values(), ...layer.sections.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

export interface ExportResult {
  /** Paths inside the directory, in order. */
  readonly written: readonly string[];
}

/**
 * Writes kitei's templates (all, or one document's) into `target` to start a house template from.
 * Nothing is overwritten: if any of the files is already there, nothing is written at all.
 */
export function exportTemplates(target: string, documentId?: string, base: string = DEFAULT_TEMPLATE_DIR): ExportResult {
  const layer = readTemplateLayer(base, null);
  if (documentId !== undefined && !layer.specs.has(documentId)) {
    throw new UsageError(`文書「${documentId}」はありません（書き出せる文書: ${[...layer.specs.keys()].join(', ')}）`);
  }
  const files = layerFiles(layer).filter((file) => documentId === undefined || file.path.startsWith(`${documentId}/`));
  const present = files.filter((file) => existsSync(join(target, ...file.path.split('/'))));
  if (present.length) {
    const shown = present.slice(0, 3).map((file) => file.path);
    throw new UsageError(
      `${target} には同じ名前のファイルが既にあります（${shown.join('、')}${present.length > shown.length ? ` ほか${present.length - shown.length}件` : ''}）。独自の文言を上書きしないよう、何も書き出していません。別のディレクトリを指定してください`,
    );
  }
  const manifest = readManifest(target);
  for (const file of files) writeFileAtomic(insideDirectory(target, ...file.path.split('/')), file.source);
  writeManifest(target, { ...manifest?.files, ...Object.fromEntries(files.map((file) => [file.path, file.sha256])) });
  return { written: files.map((file) => file.path) };
}

/** How a file the overlay replaces stands against kitei's current file. */
export type ReplacementStatus =
  /** The overlay's text is kitei's current text: the file changes nothing. */
  | 'same'
  /** kitei's file is what was exported: the overlay's wording stands as written. */
  | 'unchanged'
  /** kitei's file changed since the export: the overlay's copy needs a look. */
  | 'changed'
  /** No record of an export: whether kitei's file changed cannot be told. */
  | 'unknown';

export interface Replacement {
  readonly path: string;
  /** The headings (「SNSの個人利用」{#org-sns}) whose text the overlay's file words differently, in its order; empty for a document.yaml. */
  readonly changedHeadings: readonly string[];
  /** What kitei's file is: its first heading and id (「インターネットの利用」{#org-internet}), or the document a document.yaml defines. */
  readonly title: string;
  readonly status: ReplacementStatus;
}

export interface OverlayDiff {
  readonly overlay: string;
  /** kitei's files the overlay replaces (sections and document.yaml files). */
  readonly replaced: readonly Replacement[];
  /** The overlay's own sections (in kitei's documents or its own). */
  readonly added: readonly { readonly path: string; readonly title: string }[];
  /** kitei's sections the overlay's document.yaml files take out. */
  readonly removed: readonly { readonly path: string; readonly title: string; readonly by: string }[];
  /** Documents the overlay adds. */
  readonly documents: readonly { readonly id: string; readonly title: string }[];
  /** Files exported from kitei that kitei no longer has: the overlay's copy now adds a section instead of replacing one. */
  readonly gone: readonly string[];
  /** Why the overlay cannot be built with kitei's current templates (empty when it can). */
  readonly problems: OverlayError | undefined;
}

/** A file's text cut at its headings with ids: the id (or '' before the first) → the heading line and what follows up to the next. */
function headingBlocks(source: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const headings = headingIds(source);
  const lines = source.split('\n');
  const starts = [{ id: '', line: 1 }, ...headings];
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.line ?? lines.length + 1;
    blocks.set(start.id, `${blocks.get(start.id) ?? ''}${lines.slice(start.line - 1, end - 1).join('\n').trim()}\n`);
  });
  return blocks;
}

/** The headings of `mine` whose block differs from `theirs` (or that `theirs` lacks), and those of `theirs` that `mine` dropped. */
function changedHeadings(mine: LayerFile, theirs: LayerFile): string[] {
  const own = headingBlocks(mine.source);
  const kitei = headingBlocks(theirs.source);
  const titles = new Map([...headingIds(theirs.source), ...headingIds(mine.source)].map((heading) => [heading.id, readable(heading.written)]));
  const label = (id: string) => (id === '' ? '（最初の見出しの前）' : `「${titles.get(id)}」{#${id}}`);
  const changed = [...own].filter(([id, text]) => kitei.get(id) !== text).map(([id]) => label(id));
  const dropped = [...kitei.keys()].filter((id) => !own.has(id)).map((id) => `${label(id)}（独自のファイルにはありません）`);
  return [...changed, ...dropped];
}

/** A heading as a reader of the diff sees it: the first branch of an {{#if}} stands for the title, other expressions stay as written. */
const readable = (written: string): string => written.replace(/\{\{else\}\}.*?(?=\{\{\/)/gu, '').replace(/\{\{[#/][^}]*\}\}/gu, '');

/**
 * A section's first heading for a reader of the diff, with its id: the first branch of an {{#if}}
 * stands for the title, other expressions stay as written (「{{terms.self}}の責務」).
 */
function firstHeading(file: LayerFile): string {
  const heading = headingIds(file.source)[0];
  if (!heading) return '';
  return `「${readable(heading.written)}」{#${heading.id}}`;
}

export function diffOverlay(overlay: string, base: string = DEFAULT_TEMPLATE_DIR): OverlayDiff {
  const own = readTemplateLayer(overlay, overlay);
  if (own.issues.length) throw new OverlayError(own.issues);
  const kitei = readTemplateLayer(base, null);
  const manifest = readManifest(overlay);
  const builtIn = new Map(layerFiles(kitei).map((file) => [file.path, file]));

  const replaced: Replacement[] = [];
  const added: { path: string; title: string }[] = [];
  const gone: string[] = [];
  for (const file of layerFiles(own)) {
    const theirs = builtIn.get(file.path);
    const documentId = file.path.split('/')[0]!;
    if (!theirs) {
      if (manifest?.files[file.path] !== undefined) gone.push(file.path);
      if (file.path.endsWith('.md')) added.push({ path: file.path, title: firstHeading(file) });
      continue;
    }
    const exported = manifest?.files[file.path];
    const status: ReplacementStatus =
      file.sha256 === theirs.sha256 ? 'same' : exported === undefined ? 'unknown' : exported === theirs.sha256 ? 'unchanged' : 'changed';
    const title = file.path.endsWith('/document.yaml') ? `文書「${kitei.specs.get(documentId)?.spec.title ?? documentId}」の定義` : firstHeading(theirs);
    const headings = file.path.endsWith('.md') && status !== 'same' ? changedHeadings(file, theirs) : [];
    replaced.push({ path: file.path, title, changedHeadings: headings, status });
  }
  const removed = [...own.specs.values()].flatMap((spec) =>
    (spec.spec.remove ?? []).map((path, index) => {
      const full = `${spec.path.split('/')[0]}/${path}`;
      const theirs = builtIn.get(full);
      return { path: full, title: theirs ? firstHeading(theirs) : '', by: `${spec.file}:${spec.line(['remove', index])}` };
    }),
  );
  const documents = [...own.specs.entries()].filter(([id]) => !kitei.specs.has(id)).map(([id, spec]) => ({ id, title: `「${spec.spec.title ?? ''}」` }));

  let problems: OverlayError | undefined;
  try {
    loadTemplates(base, [overlay]);
  } catch (error) {
    if (!(error instanceof OverlayError)) throw error;
    problems = error;
  }
  return { overlay, replaced, added, removed, documents, gone, problems };
}

const STATUS_TEXT: Record<ReplacementStatus, string> = {
  same: '同梱のテンプレートと同じ内容です（このファイルを消しても結果は変わりません。消せば kitei の更新がそのまま入ります）',
  unchanged: '独自の文言です。同梱の本文は書き出した後に変わっていません',
  changed: '要確認: 同梱の本文が書き出した後に変わりました',
  unknown: '書き出しの記録がありません（同梱の本文が変わったかは分かりません）',
};

export function formatDiff(diff: OverlayDiff): string {
  const lines: string[] = [`独自テンプレート ${diff.overlay} と kitei ${VERSION} に同梱のテンプレートとの違い`, ''];
  const heading = (name: string, count: number) => lines.push(count ? `${name}（${count}）` : `${name}: なし`);
  heading('置き換えているファイル', diff.replaced.length);
  for (const item of diff.replaced) {
    lines.push(`  ${item.path} ${item.title}`);
    if (item.changedHeadings.length) lines.push(`    同梱と違う箇所: ${item.changedHeadings.join('、')}`);
    lines.push(`    ${STATUS_TEXT[item.status]}`);
  }
  heading('追加している節', diff.added.length);
  for (const item of diff.added) lines.push(`  ${item.path} ${item.title}`);
  heading('外している節', diff.removed.length);
  for (const item of diff.removed) lines.push(`  ${item.path} ${item.title}（${item.by}）`);
  heading('追加している文書', diff.documents.length);
  for (const item of diff.documents) lines.push(`  ${item.id} ${item.title}`);
  if (diff.gone.length) {
    lines.push(`同梱のテンプレートからなくなったファイル（${diff.gone.length}）: 書き出した時にはあった同梱のファイルです。独自のファイルは、置き換えではなく新しい節として入っています`);
    for (const path of diff.gone) lines.push(`  ${path}`);
  }
  lines.push('');
  const review = diff.replaced.filter((item) => item.status === 'changed');
  lines.push(
    review.length
      ? `要確認: ${review.length} 件。同梱の新しい本文（kitei templates export <別のディレクトリ> で書き出せます）と見比べて独自のファイルを直したら、kitei templates diff ${diff.overlay} --accept で確認済みにしてください`
      : '要確認: なし',
  );
  if (diff.problems) lines.push('', 'この独自テンプレートでは文書を作れません:', ...diff.problems.issues.map((issue) => `  ${formatTemplateIssue(issue)}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Records kitei's current files as reviewed for every file the overlay replaces, and forgets the
 * exported files the overlay no longer holds (deleted because they were not changed). Returns how
 * many records of replaced files changed.
 */
export function acceptBuiltIn(overlay: string, base: string = DEFAULT_TEMPLATE_DIR): number {
  const diff = diffOverlay(overlay, base);
  const hashes = new Map(layerFiles(readTemplateLayer(base, null)).map((file) => [file.path, file.sha256]));
  const before = readManifest(overlay)?.files ?? {};
  const files = Object.fromEntries(diff.replaced.map((item) => [item.path, hashes.get(item.path)!]));
  writeManifest(overlay, files);
  return diff.replaced.filter((item) => before[item.path] !== files[item.path]).length;
}
