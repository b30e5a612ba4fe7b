import { readFileSync } from 'node:fs';
import { AnswersError, baseFileOf, decodeAnswers, parseAnswersYaml } from '../answers/load.js';
import { deepMerge } from '../answers/schema.js';
import { isPlainObject, WizardState } from './state.js';

/**
 * `kitei init --resume <file>`: any answers file (a draft the wizard saved, a file written by hand,
 * one that extends a consultant's base) becomes the wizard's state. The file is only parsed, not
 * validated: a draft may still lack the organization's name or hold a value the review will flag.
 */

const MAX_CHAIN = 20;

function readData(file: string): Record<string, unknown> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AnswersError([{ file, line: undefined, key: '', message: code === 'ENOENT' ? 'ファイルが見つかりません' : `読み込めません（${code ?? String(error)}）` }]);
  }
  const { data } = parseAnswersYaml(decodeAnswers(bytes, file).replace(/^\ufeff/u, ''), file);
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) throw new AnswersError([{ file, line: 1, key: '', message: '回答ファイルの中身が「キー: 値」の形になっていません' }]);
  return data;
}

/** The merged data of the bases an `extends:` names (farthest first). */
function baseData(file: string, base: unknown, depth: number): Record<string, unknown> {
  if (typeof base !== 'string' || base.trim() === '') {
    throw new AnswersError([{ file, line: undefined, key: 'extends', message: '基にする回答ファイルのパスを文字列で書いてください（例: extends: _共通.yaml）' }]);
  }
  if (depth > MAX_CHAIN) throw new AnswersError([{ file, line: undefined, key: 'extends', message: '基にする回答ファイルの連なりが長すぎるか、循環しています' }]);
  const baseFile = baseFileOf(file, base);
  const { extends: next, ...data } = readData(baseFile);
  return next === undefined ? data : (deepMerge(baseData(baseFile, next, depth + 1), data) as Record<string, unknown>);
}

/** Top-level keys only the first answers format had. */
const FORMAT_1_KEYS = ['organizational', 'human', 'physical', 'technical', 'companion', 'options'];

export function loadState(file: string): WizardState {
  const { extends: base, ...own } = readData(file);
  const bases = base === undefined ? {} : baseData(file, base, 0);
  const merged = { ...bases, ...own };
  // A file of the first format cannot be continued: its chapters are not the profile's questions.
  if (merged.kitei === undefined && FORMAT_1_KEYS.some((key) => key in merged)) {
    throw new AnswersError([
      {
        file,
        line: 1,
        key: '',
        message: `この回答ファイルは以前の形式です。いまの対話形式では続きから答えられません。docs/migration.md の対応表に従って書き直すか、npx kitei で質問に答えて作り直してください`,
      },
    ]);
  }
  return new WizardState(own, bases, base === undefined ? undefined : String(base));
}
