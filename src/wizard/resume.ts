import { AnswersError, decodeAnswers, parseAnswersYaml, readAnswersBytes } from '../answers/load.js';
import { baseFileOf, baseProblem, defaultExtendsRoot, MAX_CHAIN } from '../answers/read.js';
import { deepMerge } from '../answers/schema.js';
import { isPlainObject, WizardState } from './state.js';

/**
 * `kitei init --resume <file>`: any answers file (a draft the wizard saved, a file written by hand,
 * one that extends a consultant's base) becomes the wizard's state. The file is only parsed, not
 * validated: a draft may still lack the organization's name or hold a value the review will flag.
 */

function readData(file: string, where = { file, line: undefined as number | undefined, key: '' }): Record<string, unknown> {
  const bytes = readAnswersBytes(file, where, where.file !== file);
  const { data } = parseAnswersYaml(decodeAnswers(bytes, file).replace(/^\ufeff/u, ''), file);
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) throw new AnswersError([{ file, line: 1, key: '', message: '回答ファイルの中身が「キー: 値」の形になっていません' }]);
  return data;
}

/** The merged data of the bases an `extends:` names (farthest first), read under the same rules as a build (src/answers/read.ts). */
function baseData(file: string, base: unknown, depth: number, root: string): Record<string, unknown> {
  const at = { file, line: undefined, key: 'extends' };
  if (typeof base !== 'string' || base.trim() === '') {
    throw new AnswersError([{ ...at, message: '基にする回答ファイルのパスを文字列で書いてください（例: extends: _共通.yaml）' }]);
  }
  if (depth >= MAX_CHAIN - 1) throw new AnswersError([{ ...at, message: `基にする回答ファイルの連なりが長すぎるか、循環しています（${MAX_CHAIN}ファイルまで）` }]);
  const problem = baseProblem(file, base, root);
  if (problem) throw new AnswersError([{ ...at, message: problem }]);
  const baseFile = baseFileOf(file, base);
  const { extends: next, ...data } = readData(baseFile, at);
  return next === undefined ? data : (deepMerge(baseData(baseFile, next, depth + 1, root), data) as Record<string, unknown>);
}

/** Top-level keys only the first answers format had. */
const FORMAT_1_KEYS = ['organizational', 'human', 'physical', 'technical', 'companion', 'options'];

export function loadState(file: string): WizardState {
  const { extends: base, ...own } = readData(file);
  const bases = base === undefined ? {} : baseData(file, base, 0, defaultExtendsRoot(file));
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
