import { isTodo } from '../answers/common.js';
import { ORGANIZATION_TYPES, type OrganizationType } from '../answers/core.js';
import { AnswersError, answersFromData, type AnswersIssue } from '../answers/load.js';
import { deepMerge, presetFor, type Answers } from '../answers/schema.js';
import { defaultTemplates } from '../build.js';
import { generate, type UnfilledValue } from '../generate.js';
import { answersTree, type Field, type Path } from './tree.js';

/**
 * What the user has said so far. `own` holds only what was typed or kept from the file being
 * resumed, in the answers file's own shape; the preset (and an `extends` base) supplies the rest,
 * with the loader's rules: objects merge key by key, a list or a value replaces the default whole.
 * Editing one row of a list therefore copies the list into `own` first.
 */

type Data = Record<string, unknown>;

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

export class WizardState {
  constructor(
    /** The user's own answers (the answers file minus `extends`). */
    public own: Data = {},
    /** What an `extends` chain supplies under the user's answers (empty without one). */
    readonly base: Data = {},
    /** The `extends:` value of the file being resumed, written back on save. */
    readonly extendsPath: string | undefined = undefined,
  ) {}

  /** The user's answers over the bases: what the loader would validate. */
  get data(): Data {
    return deepMerge(this.base, this.own) as Data;
  }

  get type(): OrganizationType | undefined {
    const type = valueAt(this.data, ['organization', 'type']);
    return ORGANIZATION_TYPES.includes(type as OrganizationType) ? (type as OrganizationType) : undefined;
  }

  get name(): string | undefined {
    const name = valueAt(this.data, ['organization', 'name']);
    return typeof name === 'string' && name.trim() ? name : undefined;
  }

  /** Defaults under the user's own answers: the preset (computed with the user's vocabulary and roles) and the bases. */
  defaults(): Data {
    const type = this.type ?? 'company';
    return deepMerge(presetFor(type, this.data), this.base) as Data;
  }

  /** Every value as the documents will see it. */
  effective(): Data {
    return deepMerge(presetFor(this.type ?? 'company', this.data), this.data) as Data;
  }

  get(path: Path): unknown {
    return valueAt(this.effective(), path);
  }

  /** Whether the user's file (not the preset) holds this key. */
  isOwn(path: Path): boolean {
    return valueAt(this.own, path) !== undefined;
  }

  /**
   * Sets one answer. Objects on the way are created; a list on the way is first copied whole from
   * the current values (a list in an answers file replaces the default list).
   */
  set(path: Path, value: unknown): void {
    if (path.length === 0) throw new Error('空のパスには設定できません');
    const effective = this.effective();
    let node: Data | unknown[] = this.own;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i]!;
      const next = path[i + 1]!;
      const container = node as Record<string | number, unknown>;
      let child = container[segment];
      if (typeof next === 'number') {
        if (!Array.isArray(child)) {
          const current = valueAt(effective, path.slice(0, i + 1));
          child = Array.isArray(current) ? clone(current) : [];
          container[segment] = child;
        }
      } else if (!isPlainObject(child) || isTodo(child)) {
        // Inside a copied list the row already holds every key; elsewhere only the user's keys.
        child = Array.isArray(node) ? clone(valueAt(effective, path.slice(0, i + 1)) ?? {}) : {};
        container[segment] = child;
      }
      node = child as Data | unknown[];
    }
    (node as Record<string | number, unknown>)[path[path.length - 1]!] = clone(value);
  }

  /** Removes a key from the user's answers (a key the schema does not know, from a hand-written file). */
  remove(path: Path): void {
    const parent = valueAt(this.own, path.slice(0, -1));
    const last = path[path.length - 1];
    if (isPlainObject(parent) && typeof last === 'string') delete parent[last];
    else if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  }

  /** The user's answers that differ from the defaults, in the schema's key order: what the saved file holds. */
  decisions(): Data {
    const pruned = prune(this.own, this.defaults(), answersTree()) as Data | undefined;
    const out: Data = pruned ?? {};
    // The name and the type are always written: they make the file an answers file.
    const organization = isPlainObject(out.organization) ? out.organization : {};
    const name = valueAt(this.own, ['organization', 'name']);
    const type = valueAt(this.own, ['organization', 'type']);
    out.organization = { ...(name !== undefined ? { name } : {}), ...(type !== undefined ? { type } : {}), ...organization };
    return orderLike(out, answersTree()) as Data;
  }

  /** Validates the answers as `kitei build` would. */
  validate(file: string): { answers: Answers; issues: [] } | { answers: undefined; issues: readonly AnswersIssue[] } {
    try {
      return { answers: answersFromData(this.data, file), issues: [] };
    } catch (error) {
      if (error instanceof AnswersError) return { answers: undefined, issues: error.issues };
      throw error;
    }
  }

  /** Values still left as `{ todo }` that the documents use, as `kitei check` lists them. */
  unfilled(file: string): readonly UnfilledValue[] {
    const { answers } = this.validate(file);
    return answers ? generate(answers, defaultTemplates()).unfilled : [];
  }
}

/** `own` minus what equals the defaults; lists and values are kept whole when they differ. */
function prune(own: unknown, defaults: unknown, field: Field | undefined): unknown {
  if (deepEqual(own, defaults)) return undefined;
  if (!isPlainObject(own) || isTodo(own) || !isPlainObject(defaults) || isTodo(defaults) || field?.kind !== 'object') return own;
  const out: Data = {};
  for (const [key, value] of Object.entries(own)) {
    const kept = prune(value, defaults[key], field.fields.find((f) => f.name === key));
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Keys in the schema's order (then any unknown keys), so a saved file reads like docs/answers.md. */
function orderLike(value: unknown, field: Field | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => orderLike(item, field?.kind === 'list' ? field.element : undefined));
  if (!isPlainObject(value) || isTodo(value)) return value;
  const fields = field?.kind === 'object' ? field.fields : [];
  const known = fields.filter((f) => f.name in value).map((f) => [f.name, orderLike(value[f.name], f)] as const);
  const unknown = Object.keys(value)
    .filter((k) => !fields.some((f) => f.name === k))
    .map((k) => [k, value[k]] as const);
  return Object.fromEntries([...known, ...unknown]);
}
