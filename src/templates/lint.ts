import Handlebars from 'handlebars';
import { explainHandlebarsError } from './handlebars-errors.js';
import { COMPILE_OPTIONS } from './render.js';

/**
 * The rules every template obeys, as a function: the test suite applies them to kitei's own
 * templates, the loader to every house template (overlay) before anything is built. They keep
 * templates data (no stand-ins, no numbers written by hand) and keep user values data (every value
 * goes through `{{ }}`, no partials, nothing that reaches a prototype). The rules over a whole set
 * (unique ids, every reference target exists) live in load.ts, which knows the set.
 */

export interface TemplateIssue {
  /** The file as shown to the user: relative to templates/ for kitei's own, the overlay's path for a house template. */
  readonly file: string;
  readonly line: number | undefined;
  readonly message: string;
}

/** The sample's stand-ins and its editing notes: an output must never show them, so a template never holds them. */
const STAND_INS = /○○|〇○|○〇|〇〇|●●|△△|◇◇|20yy|\*\*\*\*|編集時注意/u;

/** Names that lead from a value to JavaScript's machinery (Handlebars blocks them at run time too). */
const INTERNAL_NAMES = /^(?:__proto__|constructor|prototype|__define.*|__lookup.*)$/u;

/** Handlebars' own helper that a template has no use for: `log` writes to the console. */
const UNUSED_BUILT_INS = new Set(['log']);

/** `# 題名 {#id}` (any level), with `.annex` / `.unnumbered` classes beside the id. */
const HEADING = /^#{1,6}\s+(.*?)\s*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$/u;
/** `:ref{to=id}` (the value may be quoted). */
const REFERENCE = /:ref\{to=["']?([^"'}\s]+)["']?\}/gu;

export interface HeadingId {
  readonly id: string;
  /** The title as written, with Handlebars expressions shown as 「…」. */
  readonly title: string;
  /** The title exactly as written in the template. */
  readonly written: string;
  readonly line: number;
}

export function headingIds(source: string): HeadingId[] {
  const out: HeadingId[] = [];
  source.split('\n').forEach((text, index) => {
    const match = HEADING.exec(text);
    if (match) out.push({ id: match[2]!, title: match[1]!.replace(/\{\{[^}]*\}\}/gu, '…'), written: match[1]!, line: index + 1 });
  });
  return out;
}

export function referenceTargets(source: string): { readonly id: string; readonly line: number }[] {
  return source.split('\n').flatMap((text, index) => [...text.matchAll(REFERENCE)].map((match) => ({ id: match[1]!, line: index + 1 })));
}

type Visited = hbs.AST.Node | hbs.AST.Program | undefined;

/** Every rule that one template file can be checked against on its own. */
export function lintTemplateSource(file: string, source: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const add = (line: number | undefined, message: string) => issues.push({ file, line, message });

  source.split('\n').forEach((text, index) => {
    const standIn = STAND_INS.exec(text);
    if (standIn) add(index + 1, `仮の値・編集時注意（${standIn[0]}）は書けません。組織ごとに違う値は回答から {{ }} で差し込みます`);
  });

  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    const explained = explainHandlebarsError(error instanceof Error ? error.message : String(error), source);
    add(explained.line, explained.message);
    return issues;
  }

  const checkPath = (path: hbs.AST.Expression, line: number) => {
    const parts = (path as Partial<hbs.AST.PathExpression>).parts;
    const internal = parts?.find((part) => INTERNAL_NAMES.test(part));
    if (internal !== undefined) add(line, `「${internal}」は参照できません（JavaScript の内部のプロパティです）`);
    const original = (path as Partial<hbs.AST.PathExpression>).original;
    if (typeof original === 'string' && UNUSED_BUILT_INS.has(original)) add(line, `ヘルパー「${original}」は使えません`);
  };
  const visitCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression) => {
    checkPath(node.path, node.loc.start.line);
    for (const param of node.params) visit(param);
    for (const pair of node.hash?.pairs ?? []) visit(pair.value);
  };
  const visit = (node: Visited): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        break;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (!mustache.escaped) add(mustache.loc.start.line, '{{{ }}}（エスケープしない差し込み）は使えません。値はいつも {{ }} で差し込みます');
        visitCall(mustache);
        break;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        visitCall(block);
        visit(block.program);
        visit(block.inverse);
        break;
      }
      case 'SubExpression':
        visitCall(node as hbs.AST.SubExpression);
        break;
      case 'PathExpression':
        checkPath(node as hbs.AST.PathExpression, node.loc.start.line);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        add(node.loc.start.line, 'パーシャル（{{> …}}）は使えません');
        break;
      case 'Decorator':
      case 'DecoratorBlock':
        add(node.loc.start.line, 'デコレーター（{{* …}}）は使えません');
        break;
      default:
        break;
    }
  };
  visit(ast);

  // Strict mode with only kitei's helpers, exactly as the build compiles it: an unknown helper fails here.
  try {
    Handlebars.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    const explained = explainHandlebarsError(error instanceof Error ? error.message : String(error), source);
    if (!issues.some((issue) => issue.line === explained.line)) add(explained.line, explained.message);
  }
  return issues;
}
