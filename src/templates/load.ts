import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import * as z from '../zod.js';
import { headingIds, lintTemplateSource, referenceTargets, type TemplateIssue } from './lint.js';
import { precompiledSpecData } from './precompiled.js';

/**
 * Reads template directories once (IO at the edge) and composes them into one template set.
 *
 * A template directory holds one directory per document: `<document>/document.yaml` describes the
 * document (its title, when it is made, how it is numbered and laid out, its place among the
 * documents and in the pack) and names its chapters, each a directory holding one Markdown file per
 * section in file-name order; a document without chapters keeps its section files next to its
 * document.yaml.
 *
 * kitei's own templates are the first layer; house templates (overlays: an office's or an
 * organization's own wording and sections) are laid over them, the nearest last. In an overlay a
 * section file at the same path replaces the one below, a new file adds a section where its name
 * sorts, a document.yaml sets the keys it names over the document below (or defines a new
 * document), and its `remove:` takes section files out. The composed set is checked as a whole
 * (unique ids, every reference target exists) and every overlay file is linted, before anything
 * is built. The result is plain data, so the pipeline after it stays pure.
 */

export interface SectionTemplate {
  /** The file as shown in messages: relative to templates/ for kitei's own, the overlay's path joined for a house template. */
  readonly file: string;
  /** Path inside its template directory (`rulebook/1-organizational/07-internet.md`): what an overlay replaces. */
  readonly path: string;
  /** The overlay directory the file comes from (as named); null: kitei's own templates. */
  readonly overlay: string | null;
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
  /** The nearest document.yaml that defines the document, as shown in messages. */
  readonly file: string;
  /** Whether a house template changed the document (its definition or any of its sections). */
  readonly overlaid: boolean;
}

/** One file of a template set, as it is in effect: what tells one set from another. */
export interface TemplateSource {
  /** The overlay directory (as named), or null for kitei's own templates. */
  readonly overlay: string | null;
  /** Path inside that directory. */
  readonly path: string;
  /** SHA-256 (hex) of the file's text. */
  readonly sha256: string;
}

export interface TemplateSetIdentity {
  /** The overlay directories, farthest first. */
  readonly overlays: readonly string[];
  /** Every file in effect (document.yaml files and sections), kitei's own first, then each overlay's. */
  readonly files: readonly TemplateSource[];
  /** SHA-256 (hex) over every file's path and hash: equal digests, equal templates (wherever the overlays live). */
  readonly digest: string;
}

export interface TemplateSet {
  /** The documents in their order (`order:` in document.yaml, then id). */
  readonly documents: readonly DocumentTemplate[];
  /** Every document, chapter and section id a template defines, with its title as written, to explain a reference to a left-out one. */
  readonly knownIds: ReadonlyMap<string, string>;
  readonly identity: TemplateSetIdentity;
}

export const DEFAULT_TEMPLATE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** The manifest `kitei templates export` writes into an overlay; not a template. */
export const EXPORT_MANIFEST = 'kitei-export.json';

/** kitei's own templates are faulty (a bug in kitei): an internal error. */
export class TemplateSetError extends Error {}

/** A house template (overlay) is faulty: the user's to fix, reported with file and line like answers errors. */
export class OverlayError extends Error {
  constructor(readonly issues: readonly TemplateIssue[]) {
    super(issues.map(formatTemplateIssue).join('\n'));
  }
}

export const formatTemplateIssue = (issue: TemplateIssue): string => `${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`;

const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/u, '英小文字・数字・ハイフンで書いてください（英小文字で始める）');
/** One directory name: no separators, no `..`, nothing hidden. */
const dirNameSchema = z.string().regex(/^[^/\\.][^/\\]*$/u, 'ディレクトリの名前を 1 つ書いてください（/・\\・「..」は使えません）');
/** A section file of the document: `01-policy.md` or `2-human/06-telework.md`. */
const sectionPathSchema = z
  .string()
  .regex(/^(?:[^/\\.][^/\\]*\/)?[^/\\.][^/\\]*\.md$/u, '文書のディレクトリからの節のファイルのパスを書いてください（例: 2-human/06-telework.md。「..」は使えません）');

/** What a document.yaml may say; every key is optional, because an overlay names only what it changes. */
const documentSpecSchema = z
  .object({
    id: idSchema.optional(),
    title: z.string().min(1).optional(),
    order: z.number().int().optional(),
    when: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    classification: z.enum(['public', 'internal']).optional(),
    front: z.enum(['cover', 'title']).optional(),
    numbering: z.enum(['decimal', 'article']).optional(),
    orientation: z.enum(['portrait', 'landscape']).optional(),
    pack: z
      .object({ role: z.enum(['main', 'appendix']), order: z.number().int() })
      .strict()
      .nullable()
      .optional(),
    chapters: z
      .array(
        z
          .object({
            id: idSchema,
            key: z.enum(['organizational', 'human', 'physical', 'technical']).optional(),
            numbered: z.boolean().default(true),
            title: z.string().min(1),
            dir: dirNameSchema,
          })
          .strict(),
      )
      .optional(),
    remove: z.array(sectionPathSchema).optional(),
  })
  .strict();

type DocumentSpec = z.infer<typeof documentSpecSchema>;

/** A file read from a template directory. */
export interface LayerFile {
  readonly path: string;
  readonly file: string;
  readonly source: string;
  readonly sha256: string;
}

interface SpecFile extends LayerFile {
  readonly spec: DocumentSpec;
  readonly line: (keyPath: readonly (string | number)[]) => number | undefined;
}

/** One template directory as read from disk. */
export interface TemplateLayer {
  readonly dir: string;
  /** The directory as named, for an overlay; null for kitei's own templates. */
  readonly overlay: string | null;
  /** Section files by path (`rulebook/1-organizational/07-internet.md`), in path order. */
  readonly sections: ReadonlyMap<string, LayerFile>;
  /** document.yaml files by document id. */
  readonly specs: ReadonlyMap<string, SpecFile>;
  /** What could not be read. */
  readonly issues: readonly TemplateIssue[];
}

export const textDigest = (text: string): string => createHash('sha256').update(text).digest('hex');

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const inside = (root: string, path: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one template directory: `<document>/document.yaml`, `<document>/*.md` and
 * `<document>/<chapter>/*.md`. Whatever lies elsewhere (a README, the export manifest, hidden
 * files) is not a template. Every file must resolve inside the directory: a symbolic link that
 * leads out of it is refused, so an overlay reads nothing but itself.
 */
export function readTemplateLayer(dir: string, overlay: string | null): TemplateLayer {
  const issues: TemplateIssue[] = [];
  const sections = new Map<string, LayerFile>();
  const specs = new Map<string, SpecFile>();
  const shown = (path: string): string => (overlay === null ? path : join(overlay, ...path.split('/')));
  let root: string;
  try {
    root = realpathSync.native(dir);
    if (!statSync(root).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = overlay === null ? 'テンプレートのディレクトリ' : '独自テンプレートのディレクトリ';
    issues.push({ file: overlay ?? dir, line: undefined, message: code === 'ENOENT' ? `${what}が見つかりません` : code === 'ENOTDIR' ? `${what}ではありません（ファイルです）` : `${what}を読めません（${code ?? String(error)}）` });
    return { dir, overlay, sections, specs, issues };
  }

  /**
   * The entries of a directory that stay inside the root, with whether each is a directory. Only a
   * symbolic link can lead out (its parents were checked on the way down), so only links are resolved.
   */
  const entries = (path: string, relative: string): { name: string; directory: boolean }[] => {
    let found: Dirent[];
    try {
      found = readdirSync(path, { withFileTypes: true });
    } catch {
      return [];
    }
    return found
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => compareText(a.name, b.name))
      .flatMap((entry) => {
        if (!entry.isSymbolicLink()) return [{ name: entry.name, directory: entry.isDirectory() }];
        const inner = relative ? `${relative}/${entry.name}` : entry.name;
        let real: string;
        try {
          real = realpathSync.native(join(path, entry.name));
        } catch {
          issues.push({ file: shown(inner), line: undefined, message: 'リンク先のないシンボリックリンクです' });
          return [];
        }
        if (!inside(root, real)) {
          issues.push({ file: shown(inner), line: undefined, message: `${overlay === null ? 'テンプレート' : '独自テンプレート'}のディレクトリの外を指すシンボリックリンクは使えません` });
          return [];
        }
        return [{ name: entry.name, directory: statSync(real).isDirectory() }];
      });
  };

  const read = (path: string): LayerFile | undefined => {
    const full = join(dir, ...path.split('/'));
    let source: string;
    try {
      source = decoder.decode(readFileSync(full));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      issues.push({ file: shown(path), line: undefined, message: code ? `読めません（${code}）` : '文字コードが UTF-8 ではありません。UTF-8 で保存し直してください' });
      return undefined;
    }
    // One form whatever the editor saved: no BOM, LF line ends (a Windows editor's CRLF reads the same).
    source = source.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
    return { path, file: shown(path), source, sha256: textDigest(source) };
  };

  for (const documentEntry of entries(root, '')) {
    if (!documentEntry.directory) continue;
    const documentId = documentEntry.name;
    for (const entry of entries(join(root, documentId), documentId)) {
      const path = `${documentId}/${entry.name}`;
      if (entry.directory) {
        for (const child of entries(join(root, documentId, entry.name), path)) {
          if (child.directory || !child.name.endsWith('.md')) continue;
          const file = read(`${path}/${child.name}`);
          if (file) sections.set(file.path, file);
        }
      } else if (entry.name === 'document.yaml') {
        const file = read(path);
        const spec = file && parseSpec(file, issues);
        if (spec) specs.set(documentId, spec);
      } else if (entry.name.endsWith('.md')) {
        const file = read(path);
        if (file) sections.set(file.path, file);
      }
    }
  }
  return { dir, overlay, sections, specs, issues };
}

/** A document.yaml, checked against the schema; every problem with its line. */
function parseSpec(file: LayerFile, issues: TemplateIssue[]): SpecFile | undefined {
  // The YAML is parsed when the data was not read at build time, or when a line is asked for.
  let yaml: { readonly doc: YamlDocument; readonly lineCounter: LineCounter } | undefined;
  const parsedYaml = () => {
    if (!yaml) {
      const lineCounter = new LineCounter();
      yaml = { doc: parseDocument(file.source, { lineCounter, uniqueKeys: true, prettyErrors: false }), lineCounter };
    }
    return yaml;
  };
  const line = (keyPath: readonly (string | number)[]): number | undefined => {
    const { doc, lineCounter } = parsedYaml();
    let node: unknown = doc.contents;
    let found: number | undefined = 1;
    for (const key of keyPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (!pair) break;
        found = (pair.key as YamlNode).range ? lineCounter.linePos((pair.key as YamlNode).range![0]).line : found;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        found = (node as YamlNode).range ? lineCounter.linePos((node as YamlNode).range![0]).line : found;
      } else {
        break;
      }
    }
    return found;
  };
  let data = precompiledSpecData(file.sha256);
  if (data === undefined) {
    const { doc, lineCounter } = parsedYaml();
    const problems = [...doc.errors, ...doc.warnings];
    if (problems.length) {
      for (const problem of problems) {
        issues.push({ file: file.file, line: lineCounter.linePos(problem.pos[0]).line, message: `YAML の書き方に誤りがあります: ${problem.message.split('\n')[0]}` });
      }
      return undefined;
    }
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      issues.push({ file: file.file, line: undefined, message: `YAML を読み取れません: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
  }
  const parsed = documentSpecSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...path, key]) : [path];
      for (const keyPath of keys) issues.push({ file: file.file, line: line(keyPath), message: `${keyPath.join('.') || '（全体）'}: ${specMessage(issue)}` });
    }
    return undefined;
  }
  return { ...file, spec: parsed.data, line };
}

function specMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `このキーは使えません（使えるキー: ${Object.keys(documentSpecSchema.shape).join(', ')}）`;
    case 'invalid_value':
      return `次のいずれかを書いてください: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined
        ? '値がありません'
        : `${{ string: '文字列', number: '整数', boolean: 'true か false', array: 'リスト', object: '「キー: 値」の組' }[issue.expected as string] ?? issue.expected}を書いてください`;
    case 'invalid_union':
      return '文字列か、文字列のリストを書いてください';
    case 'too_small':
      return '空にはできません';
    default:
      return issue.message;
  }
}

let builtIn: TemplateLayer | undefined;

/** kitei's own templates are read once per process; a test's directory is read each time (tests rewrite it). */
function baseLayer(dir: string): TemplateLayer {
  if (resolve(dir) !== DEFAULT_TEMPLATE_DIR) return readTemplateLayer(dir, null);
  return (builtIn ??= readTemplateLayer(dir, null));
}

/** The keys a document.yaml holds, after each layer has set what it names. */
interface ComposedDocument {
  readonly id: string;
  spec: Required<Omit<DocumentSpec, 'id' | 'remove' | 'order'>> & { order: number | undefined };
  file: string;
  overlaid: boolean;
  /** The document.yaml files that make it, farthest first. */
  readonly specFiles: SpecFile[];
}

/**
 * kitei's templates in `dir` with the overlays laid over them, farthest first (the last wins).
 * Throws OverlayError (the user's to fix) when there are overlays and the set is faulty, and
 * TemplateSetError (a bug in kitei) when kitei's own templates are.
 */
export function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR, overlays: readonly string[] = []): TemplateSet {
  const layers = [baseLayer(dir), ...overlays.map((overlay) => readTemplateLayer(overlay, overlay))];
  const issues = layers.flatMap((layer) => layer.issues);
  const set = issues.length ? undefined : compose(layers, issues);
  if (!set || issues.length) {
    if (overlays.length) throw new OverlayError(issues);
    throw new TemplateSetError(issues.map(formatTemplateIssue).join('\n'));
  }
  return set;
}

/** Where a file's ids went when an overlay took the file out, to explain a reference to them. */
interface Fate {
  readonly path: string;
  readonly why: string;
}

function compose(layers: readonly TemplateLayer[], issues: TemplateIssue[]): TemplateSet {
  const add = (file: string, line: number | undefined, message: string) => issues.push({ file, line, message });
  const documents = new Map<string, ComposedDocument>();
  /** Section files in effect, by path. */
  const files = new Map<string, LayerFile & { overlay: string | null }>();
  const fates = new Map<string, Fate>();

  for (const layer of layers) {
    for (const [documentId, specFile] of layer.specs) {
      const { spec } = specFile;
      const lower = documents.get(documentId);
      if (!idSchema.safeParse(documentId).success) add(specFile.file, undefined, `文書のディレクトリ名「${documentId}」は id になるので、英小文字・数字・ハイフンで書いてください`);
      if (spec.id !== undefined && spec.id !== documentId) add(specFile.file, specFile.line(['id']), `id は「${documentId}」（ディレクトリ名）にしてください`);
      if (!lower && spec.title === undefined) add(specFile.file, 1, '新しい文書の document.yaml には title（題名）が必要です');
      (spec.remove ?? []).forEach((removed, index) => {
        const path = `${documentId}/${removed}`;
        const line = specFile.line(['remove', index]);
        if (layer.sections.has(path)) add(specFile.file, line, `remove: ${removed} はこのディレクトリ自身が置いています（外すか置くかのどちらかにしてください）`);
        else if (!files.has(path)) add(specFile.file, line, `remove: ${removed} という節のファイルはありません（外せるのは、下にあるテンプレートの節のファイルです）`);
        else {
          files.delete(path);
          fates.set(path, { path, why: `${specFile.file}:${line} の remove で外しています` });
        }
      });
      const base = lower?.spec;
      documents.set(documentId, {
        id: documentId,
        spec: {
          title: spec.title ?? base?.title ?? '',
          order: spec.order ?? base?.order,
          when: spec.when ?? base?.when ?? [],
          classification: spec.classification ?? base?.classification ?? 'internal',
          front: spec.front ?? base?.front ?? 'title',
          numbering: spec.numbering ?? base?.numbering ?? 'decimal',
          orientation: spec.orientation ?? base?.orientation ?? 'portrait',
          pack: spec.pack !== undefined ? spec.pack : (base?.pack ?? null),
          chapters: spec.chapters ?? base?.chapters ?? [],
        },
        file: specFile.file,
        overlaid: (lower?.overlaid ?? false) || layer.overlay !== null,
        specFiles: [...(lower?.specFiles ?? []), specFile],
      });
    }
    for (const [path, file] of layer.sections) {
      const documentId = path.split('/')[0]!;
      const document = documents.get(documentId);
      if (!document) {
        add(file.file, undefined, `文書「${documentId}」はありません（新しい文書なら ${documentId}/document.yaml を置いてください）`);
        continue;
      }
      const lower = files.get(path);
      if (lower) fates.set(path, { path, why: `${file.file} で置き換えています` });
      files.set(path, { ...file, overlay: layer.overlay });
      if (layer.overlay !== null) document.overlaid = true;
    }
  }
  if (!documents.has('rulebook')) add(layers[0]!.overlay ?? layers[0]!.dir, undefined, 'rulebook/document.yaml（情報セキュリティ関連規程）がありません');

  const used = new Set<string>();
  const sectionsIn = (prefix: string): SectionTemplate[] =>
    [...files.values()]
      .filter((file) => file.path.startsWith(prefix) && !file.path.slice(prefix.length).includes('/'))
      .sort((a, b) => compareText(a.path, b.path))
      .map((file) => {
        used.add(file.path);
        return { file: file.file, path: file.path, overlay: file.overlay, source: file.source };
      });

  const ordered = [...documents.values()].sort((a, b) => (a.spec.order ?? Infinity) - (b.spec.order ?? Infinity) || compareText(a.id, b.id));
  const composed = ordered.map((document): DocumentTemplate => {
    const { spec } = document;
    const chapters = spec.chapters.map((chapter): ChapterTemplate => {
      const sections = sectionsIn(`${document.id}/${chapter.dir}/`);
      if (sections.length === 0) add(document.file, undefined, `章「${chapter.title}」のディレクトリ ${document.id}/${chapter.dir}/ に節のファイル（*.md）がありません`);
      return { id: chapter.id, key: chapter.key ?? null, numbered: chapter.numbered, title: chapter.title, sections };
    });
    const sections = chapters.length ? [] : sectionsIn(`${document.id}/`);
    if (!chapters.length && !sections.length) add(document.file, undefined, `文書「${document.id}」に節のファイル（*.md）がありません`);
    return {
      id: document.id,
      title: spec.title,
      when: typeof spec.when === 'string' ? [spec.when] : spec.when,
      classification: spec.classification,
      front: spec.front,
      numbering: spec.numbering,
      orientation: spec.orientation,
      pack: spec.pack,
      chapters,
      sections,
      file: document.file,
      overlaid: document.overlaid,
    };
  });

  // A file an overlay puts where no chapter reads it is a mistake (a misspelt directory), not silence.
  for (const file of files.values()) {
    if (used.has(file.path)) continue;
    if (file.overlay !== null) {
      const document = documents.get(file.path.split('/')[0]!)!;
      const places = document.spec.chapters.length ? document.spec.chapters.map((c) => `${document.id}/${c.dir}/`).join('、') : `${document.id}/`;
      add(file.file, undefined, `この節のファイルはどの章にも入りません（節を置ける場所: ${places}）`);
    } else {
      fates.set(file.path, { path: file.path, why: `${documents.get(file.path.split('/')[0]!)!.file} の chapters にこの章がありません` });
    }
  }

  // Ids name reference targets across all documents of a build, so each may be defined in one file only
  // (the same id may stand in the two branches of an {{#if}}/{{else}} of one file).
  const knownIds = new Map<string, string>();
  // A line is worked out only for a problem: finding it in a document.yaml means parsing the YAML.
  type LineOf = number | undefined | (() => number | undefined);
  const lineOf = (line: LineOf) => (typeof line === 'function' ? line() : line);
  const owners = new Map<string, { file: string; line: LineOf }>();
  const define = (id: string, title: string, file: string, line: LineOf) => {
    const owner = owners.get(id);
    if (owner !== undefined && owner.file !== file) {
      const ownerLine = lineOf(owner.line);
      add(file, lineOf(line), `id「${id}」は ${owner.file}${ownerLine ? `:${ownerLine}` : ''} でも使われています（id は全文書で一意にしてください）`);
      return;
    }
    if (!owner) owners.set(id, { file, line });
    knownIds.set(id, title);
  };
  for (const document of ordered) {
    const specFile = document.specFiles[document.specFiles.length - 1]!;
    define(document.id, document.spec.title.replace(/\{\{[^}]*\}\}/gu, '…'), specFile.file, () => specFile.line(['id']));
    const chaptersFile = [...document.specFiles].reverse().find((file) => file.spec.chapters !== undefined) ?? specFile;
    document.spec.chapters.forEach((chapter, index) => define(chapter.id, chapter.title, chaptersFile.file, () => chaptersFile.line(['chapters', index, 'id'])));
  }
  const sectionFiles = composed.flatMap((document) => [...document.sections, ...document.chapters.flatMap((chapter) => chapter.sections)]);
  for (const section of sectionFiles) for (const heading of headingIds(section.source)) define(heading.id, heading.title, section.file, heading.line);

  // Every reference has a target in the set; a target an overlay took away says where it went.
  const lostIds = new Map<string, Fate>();
  for (const layer of layers) {
    for (const [path, file] of layer.sections) {
      const fate = fates.get(path);
      if (fate) for (const heading of headingIds(file.source)) if (!knownIds.has(heading.id)) lostIds.set(heading.id, fate);
    }
  }
  for (const section of sectionFiles) {
    for (const reference of referenceTargets(section.source)) {
      if (knownIds.has(reference.id)) continue;
      const lost = lostIds.get(reference.id);
      add(
        section.file,
        reference.line,
        lost
          ? `参照先 ${reference.id} がありません。${lost.path} にあった見出しですが、${lost.why}（参照を直すか、見出しの {#${reference.id}} を残してください）`
          : `参照先 ${reference.id} という見出し・章・文書はありません`,
      );
    }
  }

  // Every house template file in effect goes through the same lint as kitei's own templates.
  for (const section of sectionFiles) if (section.overlay !== null) issues.push(...lintTemplateSource(section.file, section.source));
  for (const document of ordered) {
    const titleFile = [...document.specFiles].reverse().find((file) => file.spec.title !== undefined);
    if (titleFile && layers.some((layer) => layer.overlay !== null && layer.specs.get(document.id) === titleFile)) {
      const line = titleFile.line(['title']);
      issues.push(...lintTemplateSource(titleFile.file, titleFile.spec.title!).map((issue) => ({ ...issue, line })));
    }
  }

  const identityFiles: TemplateSource[] = layers.flatMap((layer) => [
    ...[...layer.specs.values()].filter((specFile) => documents.get(specFile.path.split('/')[0]!)?.specFiles.includes(specFile)),
    ...sectionFiles.filter((section) => section.overlay === layer.overlay).map((section) => layer.sections.get(section.path)!),
  ].map((file): TemplateSource => ({ overlay: layer.overlay, path: file.path, sha256: file.sha256 })));
  const digest = createHash('sha256');
  for (const file of identityFiles) digest.update(`${file.path}\u0000${file.sha256}\n`);
  const overlays = layers.flatMap((layer) => (layer.overlay === null ? [] : [layer.overlay]));
  return { documents: composed, knownIds, identity: { overlays, files: identityFiles, digest: digest.digest('hex') } };
}

/** Every Handlebars source of a template set: each document's title and each section file. */
export function templateSources(set: TemplateSet): { readonly file: string; readonly source: string }[] {
  return set.documents.flatMap((document) => [
    { file: `${document.file}（title）`, source: document.title },
    ...[...document.sections, ...document.chapters.flatMap((chapter) => chapter.sections)].map(({ file, source }) => ({ file, source })),
  ]);
}
