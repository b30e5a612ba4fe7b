import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/build.js';

/**
 * A lint over templates/: rules that keep templates data and keep user values data.
 * (Strict mode itself — an unknown variable fails — is exercised by every build in the suite.)
 */

const TEMPLATE_DIR = join(ROOT, 'templates');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const files = markdownFiles(TEMPLATE_DIR).map((path) => ({ file: relative(ROOT, path), source: readFileSync(path, 'utf8') }));

/** Every Handlebars mustache and block of a template, from its parsed AST. */
function mustaches(source: string): { kind: string; text: string; escaped: boolean; line: number }[] {
  const out: { kind: string; text: string; escaped: boolean; line: number }[] = [];
  const visit = (node: hbs.AST.Node | hbs.AST.Program | undefined) => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        break;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        out.push({ kind: 'mustache', text: pathText(m.path), escaped: m.escaped, line: m.loc.start.line });
        break;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        out.push({ kind: 'block', text: pathText(b.path), escaped: true, line: b.loc.start.line });
        visit(b.program);
        visit(b.inverse);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        out.push({ kind: node.type, text: '', escaped: true, line: node.loc.start.line });
        break;
      default:
        break;
    }
  };
  visit(Handlebars.parse(source));
  return out;
}

const pathText = (path: hbs.AST.Expression): string => ('original' in path ? String(path.original) : path.type);

describe('テンプレートの規則（templates/ の lint）', () => {
  it('テンプレートがある', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [f.file, f.source]))('%s: {{{ }}}・パーシャル・デコレーターを使わない', (_file, source) => {
    const bad = mustaches(source).filter((m) => !m.escaped || m.kind !== 'mustache' && m.kind !== 'block');
    expect(bad.map((m) => `${m.line}行: ${m.kind} ${m.text}`)).toEqual([]);
  });

  it.each(files.map((f) => [f.file, f.source]))('%s: プロトタイプや内部のプロパティを参照しない', (_file, source) => {
    expect(source).not.toMatch(/\{\{[^}]*(__proto__|constructor|prototype|__define|__lookup)[^}]*\}\}/u);
  });

  it.each(files.map((f) => [f.file, f.source]))('%s: 仮の値・編集時注意を本文に書かない', (_file, source) => {
    expect(source).not.toMatch(/○○|〇○|○〇|〇〇|●●|△△|◇◇|20yy|\*\*\*\*|編集時注意/u);
  });

  it('見出しの id はすべてのテンプレートを通して一意', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, source } of files) {
      for (const match of source.matchAll(/^#{1,6}\s.*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$/gmu)) {
        const id = match[1]!;
        // The same id may stand in the two branches of an {{#if}}/{{else}} of one file.
        if (seen.has(id) && seen.get(id) !== file) duplicates.push(`${id}: ${seen.get(id)} と ${file}`);
        seen.set(id, file);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('相互参照の参照先 id はどれかのテンプレートの見出しにある', () => {
    const ids = new Set(files.flatMap(({ source }) => [...source.matchAll(/\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$/gmu)].map((m) => m[1]!)));
    // Documents and chapters are reference targets too; they are named in each document.yaml.
    const specs = readdirSync(TEMPLATE_DIR)
      .map((name) => join(TEMPLATE_DIR, name, 'document.yaml'))
      .filter((path) => existsSync(path))
      .map((path) => parse(readFileSync(path, 'utf8')) as { id: string; chapters?: { id: string }[] });
    const known = new Set([...ids, ...specs.flatMap((spec) => [spec.id, ...(spec.chapters ?? []).map((c) => c.id)])]);
    const dangling = files.flatMap(({ file, source }) =>
      [...source.matchAll(/:ref\{to=([a-z0-9-]+)\}/gu)].filter((m) => !known.has(m[1]!)).map((m) => `${file}: ${m[1]}`),
    );
    expect(dangling).toEqual([]);
  });
});
