import Handlebars from 'handlebars';
import type { ValueTable } from './values.js';
import { TemplateError } from './parse.js';

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
] as const;

type CompiledTemplate = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

const compiled = new Map<string, CompiledTemplate>();

function environment(values: ValueTable): typeof Handlebars {
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
  });
  return hb;
}

export function renderTemplate(source: string, file: string, view: unknown, values: ValueTable): string {
  let template = compiled.get(file + '\0' + source);
  if (!template) {
    // Compiled once per file: the helpers are bound per run through the runtime options below.
    template = Handlebars.compile(source, {
      strict: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
      preventIndent: true,
    }) as CompiledTemplate;
    compiled.set(file + '\0' + source, template);
  }
  const hb = environment(values);
  try {
    return template(view, {
      helpers: hb.helpers,
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/u.exec(message)?.[1];
    throw new TemplateError(file, `テンプレートの実行に失敗しました: ${message}`, line ? Number(line) : undefined);
  }
}
