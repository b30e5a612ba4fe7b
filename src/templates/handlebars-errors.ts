/**
 * Handlebars reports problems in English with its own position formats ("Parse error on line 3",
 * `"bar" not defined in … - 2:4`). Whoever wrote the template (kitei's own, or an office's house
 * templates) reads them in Japanese, with the line, and with the whole variable name instead of its
 * last segment.
 */

export interface ExplainedError {
  readonly message: string;
  readonly line: number | undefined;
}

/** The variable path written at a line and column of the source (`roles.systemAdmin.nmae`). */
function pathAt(source: string, line: number, column: number): string | undefined {
  const text = source.split('\n')[line - 1];
  if (text === undefined) return undefined;
  return /^[@\w./-]+/u.exec(text.slice(column))?.[0];
}

/** The line of the last block (`{{#if …}}`) that no `{{/…}}` closes, for an error Handlebars reports at the end of the file. */
function unclosedBlock(source: string): number | undefined {
  const open: number[] = [];
  source.split('\n').forEach((text, index) => {
    for (const tag of text.matchAll(/\{\{~?([#/])/gu)) {
      if (tag[1] === '#') open.push(index + 1);
      else open.pop();
    }
  });
  return open[open.length - 1];
}

export function explainHandlebarsError(message: string, source: string): ExplainedError {
  const position = / - (\d+):(\d+)$/u.exec(message);
  const line = position ? Number(position[1]) : /on line (\d+)/u.exec(message) ? Number(/on line (\d+)/u.exec(message)![1]) : undefined;
  const notDefined = /^"([^"]+)" not defined in /u.exec(message);
  if (notDefined) {
    const written = position ? pathAt(source, Number(position[1]), Number(position[2])) : undefined;
    return { line, message: `変数「${written ?? notDefined[1]}」は回答にありません（使える変数は docs/templates.md の「Handlebars で使えるもの」）` };
  }
  const helper = /unknown helper (\S+)/u.exec(message);
  if (helper) return { line, message: `ヘルパー「${helper[1]}」はありません（使えるヘルパーは docs/templates.md の「Handlebars で使えるもの」）` };
  const partial = /The partial (.+) could not be found/u.exec(message);
  if (partial) return { line, message: `パーシャル（{{> ${partial[1]}}}）は使えません` };
  if (/^(Parse|Lexical) error/u.test(message)) {
    const unclosed = /got 'EOF'/u.test(message);
    const excerpt = message.split('\n')[1]?.trim();
    return {
      line: unclosed ? (unclosedBlock(source) ?? line) : line,
      message: unclosed
        ? 'この行で開いた Handlebars のブロック（{{#if}}・{{#each}} など）が、ファイルの終わりまで閉じられていません（{{/if}} などを確かめてください）'
        : `Handlebars の書き方に誤りがあります（{{ }} の閉じ忘れなどを確かめてください）${excerpt ? `: ${excerpt}` : ''}`,
    };
  }
  if (/doesn't match/u.test(message)) {
    return { line, message: `Handlebars のブロックの開始と終了が対応していません: ${message.replace(/ - \d+:\d+$/u, '')}` };
  }
  return { line, message: `テンプレートの実行に失敗しました: ${message}` };
}
