import Handlebars from 'handlebars';
import type { ValueTable } from './values.js';
import { explainHandlebarsError } from './handlebars-errors.js';
import { TemplateError } from './parse.js';
import { precompiledSpec } from './precompiled.js';

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/**
 * Runs one template file with Handlebars in strict mode: a variable the template names but the
 * answers lack is an error, not an empty string. Only the helpers below exist; user values are
 * tokens (see values.ts), so even an accidental `{{{ }}}` could not inject structure.
 */

const HELPERS = [
  'eq',
  'ne',
  'not',
  'and',
  'or',
  'includes',
  'gt',
  'gte',
  'lt',
  'lte',
  'len',
  'orList',
  'andList',
  'join',
  'add',
  'date',
  'range',
] as const;

export type DateStyle = 'western' | 'japanese';

/** Japanese eras from their first day, newest first. */
const ERAS: readonly [string, string][] = [
  ['令和', '2019-05-01'],
  ['平成', '1989-01-08'],
  ['昭和', '1926-12-25'],
];

/** 2026-04-01 → 2026年4月1日 (western) or 令和8年4月1日 (japanese; the first year is 元年). */
export function formatJapaneseDate(iso: string, style: DateStyle): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const era = style === 'japanese' ? ERAS.find(([, start]) => iso >= start) : undefined;
  if (!era) return `${year}年${month}月${day}日`;
  const eraYear = year - Number(era[1].slice(0, 4)) + 1;
  return `${era[0]}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

/** The inverse of formatJapaneseDate: 2026年4月1日 / 令和8年4月1日 / 令和元年5月1日 (or 2026.04.01, 2026-04-01) → 2026-04-01. */
export function parseJapaneseDate(printed: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const plain = /^(\d{4})[.-](\d{2})[.-](\d{2})$/u.exec(printed);
  if (plain) return `${plain[1]}-${plain[2]}-${plain[3]}`;
  const western = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(printed);
  if (western) return `${western[1]}-${pad(Number(western[2]))}-${pad(Number(western[3]))}`;
  const era = /^(令和|平成|昭和)(元|\d+)年(\d{1,2})月(\d{1,2})日$/u.exec(printed);
  if (!era) return undefined;
  const start = ERAS.find(([name]) => name === era[1])![1];
  const year = Number(start.slice(0, 4)) + (era[2] === '元' ? 1 : Number(era[2])) - 1;
  return `${year}-${pad(Number(era[3]))}-${pad(Number(era[4]))}`;
}

type CompiledTemplate = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

const compiled = new Map<string, CompiledTemplate>();

/** How every template compiles, at run time and in scripts/precompile-templates.mjs alike. */
export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
  preventIndent: true,
} as const satisfies CompileOptions;

function environment(values: ValueTable, dateStyle: DateStyle): typeof Handlebars {
  const hb = Handlebars.create();
  const v = (x: unknown) => values.resolve(x);
  const isOptions = (x: unknown) => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
  const args = (list: unknown[]) => list.filter((x) => !isOptions(x));
  const joinTokens = (items: unknown, sep: string, lastSep: string) => {
    if (!Array.isArray(items)) throw new Error('リストではない値を連結しようとしました');
    const parts = items.map((item) => String(item));
    if (parts.length <= 1) return new hb.SafeString(parts.join(''));
    return new hb.SafeString(`${parts.slice(0, -1).join(sep)}${lastSep}${parts[parts.length - 1]}`);
  };
  hb.registerHelper({
    eq: (a: unknown, b: unknown) => v(a) === v(b),
    ne: (a: unknown, b: unknown) => v(a) !== v(b),
    not: (a: unknown) => !v(a),
    and: (...list: unknown[]) => args(list).every((x) => Boolean(v(x))),
    or: (...list: unknown[]) => args(list).some((x) => Boolean(v(x))),
    includes: (list: unknown, item: unknown) => Array.isArray(list) && list.some((x) => v(x) === v(item)),
    gt: (a: unknown, b: unknown) => Number(v(a)) > Number(v(b)),
    gte: (a: unknown, b: unknown) => Number(v(a)) >= Number(v(b)),
    lt: (a: unknown, b: unknown) => Number(v(a)) < Number(v(b)),
    lte: (a: unknown, b: unknown) => Number(v(a)) <= Number(v(b)),
    len: (list: unknown) => (Array.isArray(list) ? list.length : 0),
    /** 「A、B又はC」 */
    orList: (items: unknown) => joinTokens(items, '、', '又は'),
    /** 「A、B及びC」 */
    andList: (items: unknown) => joinTokens(items, '、', '及び'),
    /** {{join list "・"}} */
    join: (items: unknown, sep: unknown) => joinTokens(items, String(sep), String(sep)),
    /** {{add @index 1}}: running numbers in tables (No 列) */
    add: (a: unknown, b: unknown) => Number(v(a)) + Number(v(b)),
    /** {{#each (range 20)}}: 1 … 20, for the blank rows of a form. */
    range: (n: unknown) => Array.from({ length: Math.max(0, Math.min(500, Number(v(n)) || 0)) }, (_, i) => i + 1),
    /** {{date document.effectiveDate}}: 2026年4月1日 / 令和8年4月1日 as the answers ask; a gap stays a gap. */
    date: (value: unknown) => {
      const found = values.lookup(value);
      if (!found) throw new Error('date には回答の日付を渡してください');
      if (found.kind === 'gap') return new hb.SafeString(String(value));
      return new hb.SafeString(values.token({ kind: 'text', value: formatJapaneseDate(found.value, dateStyle) }, `${values.idOf(String(value))}@${dateStyle}`));
    },
  });
  // Handlebars' own `log` writes to the console: nothing a document has a use for.
  hb.unregisterHelper('log');
  return hb;
}

export function renderTemplate(source: string, file: string, view: unknown, values: ValueTable, dateStyle: DateStyle = 'western'): string {
  let template = compiled.get(source);
  if (!template) {
    // Compiled once per source: the helpers are bound per run through the runtime options below.
    const spec = precompiledSpec(source);
    template = (spec ? Handlebars.template(spec as Parameters<typeof Handlebars.template>[0]) : Handlebars.compile(source, COMPILE_OPTIONS)) as CompiledTemplate;
    compiled.set(source, template);
  }
  const hb = environment(values, dateStyle);
  try {
    return template(view, {
      helpers: hb.helpers,
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    const explained = explainHandlebarsError(error instanceof Error ? error.message : String(error), source);
    throw new TemplateError(file, explained.message, explained.line);
  }
}
