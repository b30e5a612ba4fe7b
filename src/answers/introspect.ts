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
