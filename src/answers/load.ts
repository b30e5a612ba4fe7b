import { resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import type * as z from '../zod.js';
import { ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../profile/types.js';
import { profileFindings } from '../profile/checks.js';
import { PROFILE_FORMAT, profileSchema, type Profile } from '../profile/schema.js';
import { profileView } from '../profile/view.js';
import { answersSchema, deepMerge, type Answers } from './schema.js';
import { didYouMean } from '../suggest.js';
export { didYouMean } from '../suggest.js';
import { defOfMaybe, isTodoOption } from './introspect.js';
import { templateDirectories } from './templates.js';
import { printable } from '../characters.js';
import {
  baseFileOf,
  baseProblem,
  defaultExtendsRoot,
  MAX_ANSWERS_DEPTH,
  MAX_ANSWERS_NODES,
  MAX_CHAIN,
  readBoundedFile,
  ReadRefusal,
} from './read.js';

export { baseFileOf } from './read.js';

/**
 * Answers file → validated `Answers`. Every problem is reported with the file, the line and the
 * dotted key, in Japanese; nothing is written before this succeeds. An answers file may name a
 * base file with `extends:` (a consultant's house defaults); the chain is merged base first, with
 * the same rules as the preset, and each problem points into the file of the chain that holds the key.
 */

export interface AnswersIssue {
  readonly file: string;
  readonly line: number | undefined;
  /** Dotted key, e.g. `roles.systemAdmin.title`; empty for the whole file. */
  readonly key: string;
  readonly message: string;
}

/** Problems shown of one file: a file of ten thousand wrong keys gets the first ones and a count. */
const ISSUES_SHOWN = 20;

export class AnswersError extends Error {
  constructor(
    readonly issues: readonly AnswersIssue[],
    /** Problems found beyond `issues` that were not located (counted in the message). */
    readonly more = 0,
  ) {
    const hidden = Math.max(0, issues.length - ISSUES_SHOWN) + more;
    super([...issues.slice(0, ISSUES_SHOWN).map(formatIssue), ...(hidden ? [`…ほか${hidden}件の誤りがあります`] : [])].join('\n'));
  }
}

/** `file:line: key: message`; a key is shown as typed, but never a character that acts on the terminal. */
export const formatIssue = (issue: AnswersIssue): string =>
  `${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.key ? `${printable(issue.key, { max: 100 })}: ` : ''}${issue.message}`;

interface ParsedYaml {
  readonly data: unknown;
  readonly locate: (path: readonly PropertyKey[]) => number | undefined;
  /** The parsed document, for reading node positions (never changed). */
  readonly document: YamlDocument;
}

/** Where a key is written: the file of the chain that holds it, and its line there. */
export interface KeyLocation {
  readonly file: string;
  readonly line: number | undefined;
}

export type Locator = (path: readonly PropertyKey[]) => KeyLocation;

/** Bytes → text: only UTF-8 (with or without BOM) is accepted, so mojibake never reaches a document. */
export function decodeAnswers(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AnswersError([
      { file, line: undefined, key: '', message: '文字コードが UTF-8 ではありません（Shift_JIS などで保存されていませんか）。UTF-8 で保存し直してください' },
    ]);
  }
}

export function parseAnswersYaml(source: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  // yaml's own duplicate check (uniqueKeys) compares every key with every other: 20,000 keys took
  // 3.7 s. inspect() finds duplicates with a set per mapping instead.
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false, prettyErrors: false, version: '1.2' });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length) {
    throw new AnswersError(
      problems.slice(0, ISSUES_SHOWN).map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        key: '',
        message: yamlMessage(e.code, e.message),
      })),
      Math.max(0, problems.length - ISSUES_SHOWN),
    );
  }
  const found = inspect(doc, lineCounter);
  if (found.length) throw new AnswersError(found.map((issue) => ({ file, ...issue })));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml refuses an alias that expands too far (a "billion laughs" file) with a plain ReferenceError.
    const message = error instanceof Error ? error.message : String(error);
    throw new AnswersError([
      { file, line: undefined, key: '', message: `エイリアス（&名前・*名前）の参照が多すぎて読み込めません。値をそのまま書いてください（${message}）` },
    ]);
  }
  return { data, locate: (path) => locate(doc, lineCounter, path), document: doc };
}

/** Keys that JavaScript gives a meaning of its own (`__proto__` would set the prototype instead of a key). */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * One pass over the document, without recursion: the bounds on keys and nesting, keys written
 * twice in one mapping (a set per mapping: linear in the keys) and reserved keys, each with its line
 * and dotted key. Stops at the first bound crossed, so a huge file costs no more than its parse.
 */
function inspect(doc: YamlDocument, lineCounter: LineCounter): Omit<AnswersIssue, 'file'>[] {
  const found: Omit<AnswersIssue, 'file'>[] = [];
  const stack: { node: unknown; path: string[] }[] = [{ node: doc.contents, path: [] }];
  let nodes = 0;
  while (stack.length) {
    const { node, path } = stack.pop()!;
    const children: { node: unknown; path: string[]; at: YamlNode | null | undefined }[] = [];
    if (isMap(node)) {
      const seen = new Map<string, number | undefined>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = String(isScalar(keyNode) ? keyNode.value : keyNode);
        const keyPath = [...path, key];
        const line = lineOf(keyNode, lineCounter);
        if (seen.has(key)) {
          const first = seen.get(key);
          found.push({ line, key: keyPath.join('.'), message: `同じキーが2回書かれています${first ? `（最初は${first}行目）` : ''}` });
        } else if (RESERVED_KEYS.has(key)) {
          found.push({ line, key: keyPath.join('.'), message: 'このキーは使えません' });
        }
        seen.set(key, seen.get(key) ?? line);
        children.push({ node: pair.value, path: keyPath, at: keyNode });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => children.push({ node: item, path: [...path, String(i)], at: item as YamlNode }));
    }
    for (const child of children) {
      if (++nodes > MAX_ANSWERS_NODES) {
        return [
          {
            line: lineOf(child.at, lineCounter),
            key: '',
            message: `キーとリストの項目が多すぎます。1 つの回答ファイルに書けるのは合わせて${MAX_ANSWERS_NODES.toLocaleString('ja-JP')}個までです（この行で超えました）`,
          },
        ];
      }
      if (child.path.length > MAX_ANSWERS_DEPTH) {
        return [{ line: lineOf(child.at, lineCounter), key: '', message: `入れ子が深すぎます。「キー: 値」やリストの入れ子は${MAX_ANSWERS_DEPTH}段までです` }];
      }
      if (isMap(child.node) || isSeq(child.node)) stack.push(child);
    }
  }
  // The walk goes depth first from the end; report in the order of the file.
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return '同じキーが2回書かれています';
    case 'RESOURCE_EXHAUSTION':
      // A file nested hundreds of levels deep (yaml's message is "Maximum call stack size exceeded").
      return `入れ子が深すぎて読み込めません。「キー: 値」やリストの入れ子は${MAX_ANSWERS_DEPTH}段までです`;
    case 'TAB_AS_INDENT':
      return 'インデントにタブ文字が使われています。半角スペースで字下げしてください';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML の書き方に誤りがあります（字下げ・コロン・引用符を確かめてください）: ${message.split('\n')[0]}`;
    default:
      return `YAML を読み取れません: ${message.split('\n')[0]}`;
  }
}

function locate(doc: YamlDocument, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = lineOf(node as YamlNode, lineCounter);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      line = lineOf(pair.key as YamlNode, lineCounter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) break;
      line = lineOf(item as YamlNode, lineCounter) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

const lineOf = (node: YamlNode | null | undefined, lineCounter: LineCounter): number | undefined =>
  node?.range ? lineCounter.linePos(node.range[0]).line : undefined;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** A finding of the profile checks, located in the answers file. */
export interface AnswersWarning extends AnswersIssue {}

export interface LoadedAnswers {
  /** The organization profile as written (format 2), defaults applied. */
  readonly profile: Profile;
  /** The view the templates read, derived from the profile. */
  readonly answers: Answers;
  /** Contradictions that leave the policy true but probably not meant (`kitei check` prints them). */
  readonly warnings: readonly AnswersWarning[];
  /** Where a dotted answers key (as a gap names it) is written: the file of the chain and the line. */
  readonly locate: (key: string) => KeyLocation;
  /** The answers file itself as parsed (not its bases), when it was read from text: `kitei revise` edits it by its node positions. */
  readonly yaml?: YamlDocument;
}

/** `people[].roles: head` → ['people']; `inventory.3.update` → ['inventory', 3, 'update']: the part a file can hold. */
export function keyPath(key: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const segment of key.split('.')) {
    if (!/^[A-Za-z0-9_-]+$/u.test(segment)) {
      const head = /^[A-Za-z0-9_-]+/u.exec(segment)?.[0];
      if (head) path.push(head);
      break;
    }
    path.push(/^\d+$/u.test(segment) ? Number(segment) : segment);
  }
  return path;
}

/** Keys only the first answers format had at its top level: a file with them is an old one. */
const FORMAT_1_KEYS = ['organizational', 'human', 'physical', 'technical', 'companion', 'options'];

/** Validates parsed YAML data (already read from `file`, bases already merged in) into the profile and the view it gives. */
export function loadedFromData(data: unknown, file: string, locateKey: Locator = () => ({ file, line: undefined })): LoadedAnswers {
  if (!isPlainObject(data)) {
    throw new AnswersError([{ file, line: 1, key: '', message: '回答ファイルの中身が「キー: 値」の形になっていません' }]);
  }
  if (data.kitei === undefined) {
    const old = FORMAT_1_KEYS.filter((key) => key in data);
    throw new AnswersError([
      {
        file,
        line: 1,
        key: 'kitei',
        message: old.length
          ? `この回答ファイルは以前の形式です（${old.join('・')} の章ごとの回答）。いまの形式（kitei: ${PROFILE_FORMAT}）では、人・部屋・機器・サービスなどを組織のプロフィールとして1回ずつ書きます。docs/migration.md の対応表に従って書き直すか、kitei init で質問に答えて作り直してください`
          : `回答ファイルの先頭に形式の版 kitei: ${PROFILE_FORMAT} を書いてください`,
      },
    ]);
  }
  const type = isPlainObject(data.organization) ? data.organization.type : undefined;
  if (!ORGANIZATION_TYPES.includes(type as OrganizationType)) {
    const choices = ORGANIZATION_TYPES.map((t) => `${t}（${ORGANIZATION_TYPE_LABELS[t]}）`).join('、');
    throw new AnswersError([
      {
        ...locateKey(['organization', 'type']),
        key: 'organization.type',
        message:
          type === undefined
            ? `組織の種類がありません。次のいずれかを記入してください: ${choices}`
            : `「${printable(String(type), { max: 50 })}」は組織の種類として使えません。次のいずれか: ${choices}`,
      },
    ]);
  }
  const parsed = profileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    // Located (a search of the file per problem) only as many as are shown.
    const unlocated = parsed.error.issues.flatMap((issue) => toIssues(issue));
    const shown = unlocated.slice(0, ISSUES_SHOWN).map(({ path, ...issue }) => ({ ...locateKey(path), ...issue }));
    throw new AnswersError(shown, unlocated.length - shown.length);
  }
  const profile = parsed.data;
  const findings = profileFindings(profile);
  const located = findings.map((finding) => ({ ...locateKey(finding.path), key: finding.path.map(String).join('.'), message: finding.message }));
  const errors = located.filter((_, i) => findings[i]!.severity === 'error');
  if (errors.length) throw new AnswersError(errors);
  const view = answersSchema.safeParse(profileView(profile), { reportInput: true });
  if (!view.success) {
    // Cross-checks of the view name the answers key (custom issues), and a key written the same in the profile
    // (document.classification) is the user's: both shown at their line. Anything else is a combination the profile checks did not catch.
    throw new AnswersError(
      view.error.issues.map((issue) =>
        issue.code === 'custom' || valueAt(data, issue.path) !== undefined
          ? { ...locateKey(issue.path as PropertyKey[]), key: issue.path.map(String).join('.'), message: issueMessage(issue) }
          : { file, line: undefined, key: issue.path.map(String).join('.'), message: `（規程の表に直したときの誤り）${issueMessage(issue)}` },
      ),
    );
  }
  return {
    profile,
    answers: view.data,
    warnings: located.filter((_, i) => findings[i]!.severity === 'warning'),
    locate: (key) => locateKey(keyPath(key)),
  };
}

function toIssues(issue: z.core.$ZodIssue): (Omit<AnswersIssue, 'file' | 'line'> & { path: PropertyKey[] })[] {
  const path = issue.path as PropertyKey[];
  const key = path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((unknownKey) => {
      const hint = didYouMean(unknownKey, knownKeysAt(path));
      return {
        path: [...path, unknownKey],
        key: [...path.map(String), unknownKey].join('.'),
        message: `このキーは使えません${hint ? `。もしかして「${hint}」ですか？` : ''}`,
      };
    });
  }
  if (issue.code === 'invalid_union') {
    // The value has the shape of one branch (a telework block with a misspelt key, `{ todo: "" }`): that branch's own problems, each at its key.
    const branch = issue.errors.find((issues) => issues.length > 0 && !issues.some(rootMismatch));
    if (branch) return branch.flatMap((inner) => toIssues({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
  }
  return [{ path, key, message: issueMessage(issue) }];
}

/** A branch of a union that the value does not even have the shape of. */
const rootMismatch = (issue: z.core.$ZodIssue): boolean =>
  issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union');

/** What the branches of a union accept at their root: type names and literal values. */
function acceptedByUnion(issues: readonly z.core.$ZodIssue[]): { types: string[]; values: string[] } {
  const out = { types: [] as string[], values: [] as string[] };
  for (const issue of issues) {
    if (issue.path.length) continue;
    if (issue.code === 'invalid_type') out.types.push(typeName(issue.expected));
    else if (issue.code === 'invalid_value') out.values.push(...issue.values.map(String));
    else if (issue.code === 'invalid_union') {
      const inner = acceptedByUnion(issue.errors.flat());
      out.types.push(...inner.types);
      out.values.push(...inner.values);
    }
  }
  return out;
}

/** The unit of a count in a message: list items, characters, or a plain number. */
const unit = (origin: string | undefined): string => (origin === 'array' || origin === 'set' ? '件' : origin === 'string' ? '文字' : '');

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '値がありません。記入してください';
      return `${typeName(issue.expected)}を記入してください（いまは${describeInput(issue.input)}）`;
    case 'invalid_union': {
      if (issue.message && !issue.message.startsWith('Invalid')) return issue.message;
      // A part the organization may not have (telework, myNumber, a backup): its block, or none.
      const accepted = acceptedByUnion(issue.errors.flat());
      if (accepted.values.includes('none')) return `${[...new Set(accepted.types.filter((t) => t !== 'true か false '))].join('、')}、または none を記入してください（いまは${describeInput(issue.input)}）`;
      return '値の形が正しくありません（文字列、または todo: の形で記入してください）';
    }
    case 'invalid_value':
      return `次のいずれかを記入してください: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.message && !issue.message.startsWith('Too small')) return issue.message;
      return issue.origin === 'array' ? `${String(issue.minimum)}件以上記入してください` : `${String(issue.minimum)}${unit(issue.origin)}以上にしてください`;
    case 'too_big':
      if (issue.message && !issue.message.startsWith('Too big')) return issue.message;
      return issue.origin === 'array' ? `${String(issue.maximum)}件以内にしてください` : `${String(issue.maximum)}${unit(issue.origin)}以下にしてください`;
    default:
      return issue.message;
  }
}

const typeName = (expected: string): string =>
  ({ string: '文字列', number: '数値', boolean: 'true か false ', array: 'リスト（- で始まる行）', object: '「キー: 値」の組' })[expected] ?? expected;

const describeInput = (input: unknown): string =>
  input === null ? '空' : Array.isArray(input) ? 'リスト' : typeof input === 'object' ? '「キー: 値」の組' : `${typeName(typeof input)}「${printable(String(input), { max: 50 })}」`;

/** Steps through wrappers (nullable, pipe) and stand-in unions (`text | { todo }`) to the schema that holds keys. */
function unwrapSchema(schema: unknown): unknown {
  for (let def = defOfMaybe(schema); def; def = defOfMaybe(schema)) {
    if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default' || def.type === 'prefault') schema = def.innerType;
    else if (def.type === 'pipe') schema = def.out;
    else if (def.type === 'union') schema = def.options?.find((option) => !isTodoOption(option));
    else break;
  }
  return schema;
}

/** The keys the schema allows at a path, for the did-you-mean hint. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: unknown = profileSchema;
  for (const segment of path) {
    const def = defOfMaybe(unwrapSchema(schema));
    if (def?.type === 'object') schema = def.shape?.[String(segment)];
    else if (def?.type === 'array') schema = def.element;
    else return [];
  }
  const def = defOfMaybe(unwrapSchema(schema));
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}


/** Where `extends:` may read from (`--extends-root`); the folder of the answers file when absent. */
export interface LoadOptions {
  readonly extendsRoot?: string;
}

/** Reads, parses and validates one answers file's text; bases named by `extends` are read relative to `file`. */
export function loadedFromYaml(source: string, file: string, options: LoadOptions = {}): LoadedAnswers {
  const layers = loadLayers(source, file, [], options.extendsRoot ?? defaultExtendsRoot(file));
  const merged = layers.map((layer) => layer.data).reduce((base, over) => deepMerge(base, over) as Record<string, unknown>);
  // `templates:` stacks along the chain, each path relative to the file that writes it.
  const templates = templateDirectories(layers);
  if (templates.issues.length) throw new AnswersError(templates.issues);
  if (templates.directories) merged.templates = templates.directories;
  return { ...loadedFromData(merged, file, locateInChain(layers)), yaml: layers[layers.length - 1]!.document };
}

export const answersFromYaml = (source: string, file: string, options: LoadOptions = {}): Answers => loadedFromYaml(source, file, options).answers;

/** Reads an answers file from disk (and its bases) and validates it. */
export function loadAnswersFromFile(file: string, options: LoadOptions = {}): LoadedAnswers {
  return loadedFromYaml(decodeAnswers(readAnswersBytes(file, { file, line: undefined, key: '' }), file), file, options);
}

export const loadAnswersFile = (file: string, options: LoadOptions = {}): Answers => loadAnswersFromFile(file, options).answers;

/**
 * The bytes of an answers file (a regular file of bounded size, src/answers/read.ts); a file that
 * cannot or may not be read is reported at `where` (the file itself, or the `extends` line naming it).
 */
export function readAnswersBytes(file: string, where: Omit<AnswersIssue, 'message'> = { file, line: undefined, key: '' }, isBase = false): Uint8Array {
  try {
    return readBoundedFile(file);
  } catch (error) {
    if (!(error instanceof ReadRefusal)) throw error;
    const subject = isBase ? `基にする回答ファイル ${printable(file, { max: 200 })} ` : '';
    const why =
      error.code === 'ENOENT' || error.code === 'ENOTDIR'
        ? `${subject ? `${subject}が` : 'ファイルが'}見つかりません`
        : error.code === 'EISDIR'
          ? `${subject ? `${subject}は` : ''}ディレクトリです（回答ファイルを指定してください）`
          : error.reason.startsWith('読み込めません')
            ? `${subject ? `${subject}を` : ''}${error.reason}`
            : `${subject ? `${subject}は` : ''}${error.reason}${error.notAFile ? '（回答ファイルを指定してください）' : ''}`;
    throw new AnswersError([{ ...where, message: why }]);
  }
}

/** One file of an `extends` chain, without its `extends` key. */
interface Layer {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly locate: ParsedYaml['locate'];
  readonly document: YamlDocument;
}

/**
 * The chain of files from the farthest base to `file`. `namedBy` holds the files that led here, to
 * catch a cycle and to bound the chain; `root` is the folder bases must be in.
 */
function loadLayers(source: string, file: string, namedBy: readonly { file: string; id: string }[], root: string): Layer[] {
  const parsed = parseAnswersYaml(source.replace(/^\ufeff/u, ''), file);
  if (!isPlainObject(parsed.data)) {
    throw new AnswersError([{ file, line: 1, key: '', message: '回答ファイルの中身が「キー: 値」の形になっていません' }]);
  }
  const { extends: base, ...data } = parsed.data;
  const layer: Layer = { file, data, locate: parsed.locate, document: parsed.document };
  if (base === undefined) return [layer];

  const at = { file, line: parsed.locate(['extends']), key: 'extends' };
  if (typeof base !== 'string' || base.trim() === '') {
    throw new AnswersError([{ ...at, message: '基にする回答ファイルのパスを文字列で書いてください（例: extends: _共通.yaml）' }]);
  }
  const problem = baseProblem(file, base, root);
  if (problem) throw new AnswersError([{ ...at, message: printable(problem, { max: 600 }) }]);
  const baseFile = baseFileOf(file, base);
  const chain = [...namedBy, { file, id: resolve(file) }];
  const cycleStart = chain.findIndex((link) => link.id === resolve(baseFile));
  if (cycleStart >= 0) {
    const loop = [...chain.slice(cycleStart).map((link) => link.file), baseFile].join(' → ');
    throw new AnswersError([{ ...at, message: `基にする回答ファイルが循環しています: ${printable(loop, { max: 600 })}` }]);
  }
  if (chain.length >= MAX_CHAIN) {
    throw new AnswersError([{ ...at, message: `基にする回答ファイルの連なりが長すぎます。extends: で重ねられるのは、この回答ファイルを含めて${MAX_CHAIN}ファイルまでです` }]);
  }
  const bytes = readAnswersBytes(baseFile, at, true);
  return [...loadLayers(decodeAnswers(bytes, baseFile), baseFile, chain, root), layer];
}

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (isPlainObject(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined), data);

/** A value that deepMerge merges key by key (anything else replaces what the bases say). */
const mergeable = (value: unknown): boolean => isPlainObject(value) && !('todo' in value);

/**
 * Finds the file of the chain whose value at `path` is the one that counts after merging: at each
 * step only the layers that still contribute (a list or a plain value in a later file hides the
 * bases) are searched, and the last one that has the key wins. A key no file holds is located as
 * deep as any contributing file goes.
 */
function locateInChain(layers: readonly Layer[]): Locator {
  return (path) => {
    let active = layers;
    let owner = layers[layers.length - 1]!;
    for (let depth = 1; depth <= path.length; depth++) {
      const prefix = path.slice(0, depth);
      const defining = active.filter((layer) => valueAt(layer.data, prefix) !== undefined);
      if (defining.length === 0) break;
      const last = defining[defining.length - 1]!;
      owner = last;
      if (!mergeable(valueAt(last.data, prefix))) {
        active = [last];
      } else {
        let first = defining.length - 1;
        while (first > 0 && mergeable(valueAt(defining[first - 1]!.data, prefix))) first--;
        active = defining.slice(first);
      }
    }
    return { file: owner.file, line: owner.locate(path) };
  };
}
