import { isTodo } from '../answers/common.js';
import type { Inline } from '../model/types.js';

/**
 * User values never enter the Markdown as characters the parser could read as structure.
 *
 * Before a template runs, every string of the answers is swapped for an opaque token (two
 * private-use characters around a number). Handlebars and the Markdown parser only ever see the
 * token; after parsing, each token inside a text node is swapped back for the exact value. So a
 * vendor name holding `| * # [ ] < > {{ }}` or a newline stays text and cannot open a table cell,
 * a list or a heading. The schema rejects private-use characters in answers, so a user cannot forge
 * a token.
 */

const OPEN = '\ue000';
const CLOSE = '\ue001';
const TOKEN_PATTERN = /\ue000([^\ue000\ue001]+)\ue001/gu;

export type Value =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'gap'; readonly key: string; readonly question: string };

export class ValueTable {
  private readonly values = new Map<string, Value>();
  private anonymous = 0;

  /**
   * The token for a value. A token named by the value's answers key (`roles.systemAdmin.title`)
   * is the same in every build, so the Markdown a template renders depends only on the answers'
   * shape, not on their text — which lets parses be cached across builds.
   */
  token(value: Value, id = `#${++this.anonymous}`): string {
    const existing = this.values.get(id);
    if (existing && JSON.stringify(existing) !== JSON.stringify(value)) throw new Error(`内部エラー: 値トークン ${id} が二重に定義されました`);
    this.values.set(id, value);
    return `${OPEN}${id}${CLOSE}`;
  }

  /** The value behind a token, or undefined when the string is not exactly one token. */
  lookup(maybeToken: unknown): Value | undefined {
    if (typeof maybeToken !== 'string') return undefined;
    const match = /^\ue000([^\ue000\ue001]+)\ue001$/u.exec(maybeToken);
    return match ? this.values.get(match[1]!) : undefined;
  }

  /** The id inside a token (for values derived from it). */
  idOf(token: string): string | undefined {
    return /^\ue000([^\ue000\ue001]+)\ue001$/u.exec(token)?.[1];
  }

  /** Plain string for comparisons in templates: a token's value, anything else as it is. */
  resolve(value: unknown): unknown {
    const found = this.lookup(value);
    if (!found) return value;
    return found.kind === 'text' ? found.value : undefined;
  }

  /** Splits template output text into text and gap nodes, putting the user's values back. */
  inlines(textWithTokens: string): Inline[] {
    const out: Inline[] = [];
    let pending = '';
    let last = 0;
    for (const match of textWithTokens.matchAll(TOKEN_PATTERN)) {
      pending += textWithTokens.slice(last, match.index);
      last = match.index + match[0].length;
      const value = this.values.get(match[1]!);
      if (!value) throw new Error(`内部エラー: 不明な値トークン ${match[1]}`);
      if (value.kind === 'text') {
        pending += value.value;
      } else {
        if (pending) out.push({ type: 'text', value: pending });
        pending = '';
        out.push({ type: 'gap', key: value.key, question: value.question });
      }
    }
    pending += textWithTokens.slice(last);
    if (pending) out.push({ type: 'text', value: pending });
    return out;
  }

  /** The plain text of a string that may hold tokens; gaps become 【要記入：…】. */
  plain(textWithTokens: string): string {
    return this.inlines(textWithTokens)
      .map((node) => (node.type === 'text' ? node.value : node.type === 'gap' ? `【要記入：${node.question}】` : ''))
      .join('');
  }
}

export const containsToken = (s: string): boolean => s.includes(OPEN) || s.includes(CLOSE);

/**
 * The data a template sees: the answers with every string and every stand-in replaced by a
 * token. Numbers and booleans stay as they are for conditions; an empty string stays empty so that
 * `{{#if}}` treats it as absent.
 */
export function tokenize(data: unknown, table: ValueTable, path: string[] = []): unknown {
  if (typeof data === 'string') return data === '' ? '' : table.token({ kind: 'text', value: data }, path.join('.'));
  if (isTodo(data)) {
    // A gap derived from the profile names the answers key it belongs to; a token id must stay unique per question.
    const key = data.key ?? path.join('.');
    return table.token({ kind: 'gap', key, question: data.todo }, data.key === undefined ? key : `${key}?${data.todo}`);
  }
  if (Array.isArray(data)) return data.map((item, index) => tokenize(item, table, [...path, String(index)]));
  if (data !== null && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) out[key] = tokenize(value, table, [...path, key]);
    return out;
  }
  return data;
}
