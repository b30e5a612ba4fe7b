/**
 * Reading a zod schema's own definition (zod 4 keeps it at `_zod.def`): used to list keys for
 * did-you-mean hints, to generate docs/answers.md and to ask the wizard's questions.
 */

export interface SchemaDef {
  type: string;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  options?: unknown[];
  shape?: Record<string, unknown>;
  element?: unknown;
  entries?: Record<string, string>;
  checks?: { _zod?: { def?: { check?: string; minimum?: number; maximum?: number; value?: number } } }[];
}

export const defOf = (schema: unknown): SchemaDef => (schema as { _zod: { def: SchemaDef } })._zod.def;

/** The same for a schema that may be missing (a key the schema does not have). */
export const defOfMaybe = (schema: unknown): SchemaDef | undefined => (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

export const descriptionOf = (schema: unknown): string | undefined => (schema as { description?: string }).description;

/** The `{ todo }` branch of a fillable union. */
export const isTodoOption = (option: unknown): boolean => 'todo' in (defOf(option).shape ?? {});

export interface FieldShape {
  /** The schema under the wrappers: an object, array, enum, string… or the date pipe itself. */
  readonly schema: unknown;
  readonly description: string | undefined;
  /** `.nullable()`: null is an answer. */
  readonly nullable: boolean;
  /** `text | { todo }`: the value may still be a stand-in. */
  readonly fillable: boolean;
  /** isoDate(): a preprocess (Date → string) in front of the string check. */
  readonly date: boolean;
}

/** Steps through nullable/optional/default wrappers and stand-in unions to what a key really holds. */
export function fieldShape(schema: unknown): FieldShape {
  let description = descriptionOf(schema);
  let nullable = false;
  let fillable = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    description ??= descriptionOf(current);
    if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
      nullable ||= def.type === 'nullable';
      current = def.innerType;
    } else if (def.type === 'union' && def.options?.some(isTodoOption)) {
      fillable = true;
      current = def.options.find((o) => !isTodoOption(o));
    } else if (def.type === 'pipe' && defOfMaybe(def.in)?.type === 'transform') {
      return { schema: current, description, nullable, fillable, date: true };
    } else if (def.type === 'pipe') {
      current = def.out;
    } else {
      return { schema: current, description, nullable, fillable, date: false };
    }
  }
}
