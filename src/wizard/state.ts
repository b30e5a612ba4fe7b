import type { z } from 'zod';
import { isTodo } from '../answers/common.js';
import { AnswersError, loadedFromData, type AnswersIssue, type LoadedAnswers } from '../answers/load.js';
import type { Terms } from '../answers/core.js';
import { TERMS } from '../answers/presets.js';
import { deepMerge } from '../answers/schema.js';
import { defaultTemplates } from '../build.js';
import { generate, type UnfilledValue } from '../generate.js';
import { PROFILE_FORMAT, profileSchema } from '../profile/schema.js';
import { ORGANIZATION_SIZES, ORGANIZATION_TYPES, type OrganizationSize, type OrganizationType } from '../profile/types.js';

/**
 * What the user has said so far: the organization profile (the answers file's own shape, `kitei: 2`)
 * as it will be saved. An `extends:` base (a consultant's house defaults) lies under it, with the
 * loader's rules: objects merge key by key, a list or a value replaces the base's whole.
 */

export type Data = Record<string, unknown>;
export type Path = readonly (string | number)[];

export const isPlainObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const clone = <T>(value: T): T => structuredClone(value);

export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** `a.b.2.c` → path. */
export const parseKey = (key: string): Path => (key === '' ? [] : key.split('.').map((s) => (/^\d+$/u.test(s) ? Number(s) : s)));
export const keyOf = (path: Path): string => path.join('.');

export class WizardState {
  constructor(
    /** The user's own answers (the answers file minus `extends`). */
    public own: Data = { kitei: PROFILE_FORMAT },
    /** What an `extends` chain supplies under the user's answers (empty without one). */
    readonly base: Data = {},
    /** The `extends:` value of the file being resumed, written back on save. */
    readonly extendsPath: string | undefined = undefined,
  ) {
    if (this.own.kitei === undefined) this.own = { kitei: PROFILE_FORMAT, ...this.own };
  }

  /** The user's answers over the bases: what the loader validates. */
  get data(): Data {
    return deepMerge(this.base, this.own) as Data;
  }

  get type(): OrganizationType | undefined {
    const type = valueAt(this.data, ['organization', 'type']);
    return ORGANIZATION_TYPES.includes(type as OrganizationType) ? (type as OrganizationType) : undefined;
  }

  get size(): OrganizationSize {
    const size = valueAt(this.data, ['organization', 'size']);
    return ORGANIZATION_SIZES.includes(size as OrganizationSize) ? (size as OrganizationSize) : 'medium';
  }

  /** A word of the organization's vocabulary (従業員 or 職員, 会社 or 法人…): its own (terms:) over its type's preset. */
  term(key: keyof Terms): string {
    const own = valueAt(this.data, ['terms', key]);
    return typeof own === 'string' && own.trim() ? own : TERMS[this.type ?? 'company'][key];
  }

  get name(): string | undefined {
    const name = valueAt(this.data, ['organization', 'name']);
    return typeof name === 'string' && name.trim() ? name : undefined;
  }

  get(path: Path): unknown {
    return valueAt(this.data, path);
  }

  /** A list at `path` (empty when there is none yet). */
  list(path: Path): Data[] {
    const value = this.get(path);
    return Array.isArray(value) ? (value as Data[]) : [];
  }

  /** Whether the user's file (not a base) holds this key. */
  isOwn(path: Path): boolean {
    return valueAt(this.own, path) !== undefined;
  }

  /**
   * Sets one answer (`undefined` removes the key). Objects on the way are created; a list on the
   * way is first copied whole from the current values (a list in an answers file replaces the base's).
   */
  set(path: Path, value: unknown): void {
    if (path.length === 0) throw new Error('空のパスには設定できません');
    if (value === undefined) return this.remove(path);
    const data = this.data;
    let node: Data | unknown[] = this.own;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i]!;
      const next = path[i + 1]!;
      const container = node as Record<string | number, unknown>;
      let child = container[segment];
      if (typeof next === 'number') {
        if (!Array.isArray(child)) {
          const current = valueAt(data, path.slice(0, i + 1));
          child = Array.isArray(current) ? clone(current) : [];
          container[segment] = child;
        }
      } else if (!isPlainObject(child) || isTodo(child)) {
        child = Array.isArray(node) ? clone(valueAt(data, path.slice(0, i + 1)) ?? {}) : {};
        container[segment] = child;
      }
      node = child as Data | unknown[];
    }
    (node as Record<string | number, unknown>)[path[path.length - 1]!] = clone(value);
  }

  /** Removes a key from the user's answers; objects left empty go too. */
  remove(path: Path): void {
    const parent = valueAt(this.own, path.slice(0, -1));
    const last = path[path.length - 1];
    if (isPlainObject(parent) && typeof last === 'string') delete parent[last];
    else if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else return;
    if (path.length > 1 && isPlainObject(parent) && Object.keys(parent).length === 0 && !Array.isArray(valueAt(this.own, path.slice(0, -2)))) this.remove(path.slice(0, -1));
  }

  /** Validates the profile as `kitei build` would. */
  load(file: string): { loaded: LoadedAnswers; issues: [] } | { loaded: undefined; issues: readonly AnswersIssue[] } {
    try {
      return { loaded: loadedFromData(this.data, file), issues: [] };
    } catch (error) {
      if (error instanceof AnswersError) return { loaded: undefined, issues: error.issues };
      throw error;
    }
  }

  /** Values the documents still lack, as `kitei check` lists them (none when the profile does not load). */
  unfilled(file: string): readonly UnfilledValue[] {
    const { loaded } = this.load(file);
    return loaded ? generate(loaded.answers, defaultTemplates()).unfilled : [];
  }

  /**
   * Checks a few answers with the profile schema before they are kept: `changes` applied to a copy,
   * the issues at or under those keys returned by key (the schema's Japanese messages).
   */
  check(changes: readonly (readonly [Path, unknown])[]): Map<string, string> {
    const found = new Map<string, string>();
    for (const { path, message } of this.issuesWith(changes)) {
      const key = keyOf(path);
      const owner = changes.map(([p]) => keyOf(p)).find((k) => key === k || key.startsWith(`${k}.`));
      if (owner !== undefined && !found.has(owner)) found.set(owner, message);
    }
    return found;
  }

  /** The schema's issues of the profile with `changes` applied (paths and Japanese messages). */
  issuesWith(changes: readonly (readonly [Path, unknown])[]): { path: Path; message: string }[] {
    const trial = new WizardState(clone(this.own), this.base, this.extendsPath);
    for (const [path, value] of changes) trial.set(path, value);
    const result = profileSchema.safeParse(trial.data, { reportInput: true });
    return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path as Path, message: issueText(issue) }));
  }
}

/** zod's issue → one Japanese sentence (the schema's own messages are Japanese already). */
export function issueText(issue: z.core.$ZodIssue): string {
  // A value that is needed and was left empty.
  if ('input' in issue && issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return '入力してください';
  if (/[^\u0000-\u007f]/u.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? `少なくとも${String(issue.minimum)}つ必要です` : issue.origin === 'string' ? '空にはできません' : `${String(issue.minimum)}以上にしてください`;
    case 'too_big':
      return issue.origin === 'array' ? `${String(issue.maximum)}個以内にしてください` : issue.origin === 'string' ? `${String(issue.maximum)}文字以内で入力してください` : `${String(issue.maximum)}以下にしてください`;
    case 'invalid_type':
      return issue.expected === 'int' ? '整数で入力してください' : issue.expected === 'number' ? '数で入力してください' : '入力の形が正しくありません';
    default:
      return '入力の形が正しくありません';
  }
}
