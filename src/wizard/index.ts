import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadAnswersFile } from '../answers/load.js';
import { isTodo } from '../answers/common.js';
import { ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS, type OrganizationType } from '../answers/core.js';
import { buildAnswers } from '../build.js';
import type { UnfilledValue } from '../generate.js';
import { safeFileName } from '../output/files.js';
import { ReferenceError } from '../transform/xref.js';
import { FORMAT_NAMES, FORMATS, type Format } from '../render/index.js';
import { askField, askLeaf, askObject, placeOf, shortText, type Ctx } from './ask.js';
import { quickMode } from './quick.js';
import { loadState } from './resume.js';
import { answersFileFor, draftFileFor, isDraftFile, removeDraft, saveAnswers } from './save.js';
import { isPlainObject, WizardState } from './state.js';
import { answersTree, fieldAt, keyOf, parseKey, type Field, type LeafField, type Path } from './tree.js';
import { WizardCancelled, type Prompts } from './types.js';

/**
 * `npx kitei` / `kitei init`: the interactive way to an answers file and the documents, for people
 * who never write YAML. Organization type and name first, then かんたんモード (about fifteen
 * questions) or 詳しいモード (every answer, chapter by chapter), a review screen, saving to
 * `answers/<organization>.yaml` and building at once. Ctrl+C or an error saves what was typed as a
 * draft; `kitei init --resume <file>` continues from it (or edits any answers file).
 */

export const EXIT_OK = 0;
/** Ctrl+C (128 + SIGINT, as shells report it), after the draft is saved. */
export const EXIT_INTERRUPTED = 130;

export interface WizardOptions {
  /** The terminal; tests pass a scripted fake. Default: @inquirer/prompts (loaded only here). */
  readonly prompts?: Prompts;
  /** An answers file to continue or edit. */
  readonly resume?: string;
  /** Where new answers files go (default `answers`). */
  readonly answersDir?: string;
  /** Where documents go (default `output`). */
  readonly out?: string;
  /** Terminal width for tables (default: the terminal's, else 100). */
  readonly width?: number;
}

/**
 * The chapters (top-level keys) in the order 詳しいモード walks them: the schema's order, except that
 * the options come right after the organization, since they decide what is asked later.
 */
export function chapterOrder(): string[] {
  const names = answersTree().fields.map((f) => f.name);
  return ['organization', 'options', ...names.filter((n) => n !== 'organization' && n !== 'options')];
}

/** Schema key of a path (`a.b[].c`), to match the skip rules. */
const schemaKey = (path: Path) => path.reduce<string>((key, s) => (typeof s === 'number' ? `${key}[]` : key ? `${key}.${s}` : s), '');

/** Questions an option (or an earlier answer) makes pointless. */
export function skipped(path: Path, state: WizardState): boolean {
  const key = schemaKey(path);
  const option = (name: string) => state.get(['options', name]);
  if (key === 'human.telework') return option('telework') === false;
  if (key === 'technical.privateDevices') return option('privateDevices') === 'prohibited';
  if (key === 'technical.continuity.development') return option('systemDevelopment') === false;
  if (key === 'roles.myNumberManager' || key === 'roles.myNumberClerk') return option('myNumber') === false;
  if (key === 'organizational.outsourcing.criteria.checklistCount') {
    return !['atLeast', 'planned'].includes(String(state.get(['organizational', 'outsourcing', 'criteria', 'checklist'])));
  }
  if (key === 'human.telework.devices[].privateAlternatives') return state.get([...path.slice(0, -1), 'private']) !== 'measures';
  // The documents made besides the rulebook: their answers only when the document is made.
  const output = COMPANION_OUTPUTS[key];
  if (output) return state.get(['companion', 'outputs', output]) === false;
  if (key === 'companion.myNumber') return option('myNumber') === false;
  return false;
}

/** companion answers → the `companion.outputs` switch of the document that uses them. */
const COMPANION_OUTPUTS: Readonly<Record<string, string>> = {
  'companion.basicPolicy': 'basicPolicy',
  'companion.contract': 'contractClauses',
  'companion.forms.exitChecklist': 'exitChecklist',
  'companion.forms.sharingChecksheet': 'sharingChecksheet',
  'companion.forms.assetLedgerRows': 'assetLedger',
  'companion.packTitle': 'pack',
};

/** How many questions a part asks (a list counts as one). */
function countQuestions(field: Field, path: Path, state: WizardState): number {
  if (skipped(path, state)) return 0;
  if (field.kind !== 'object') return 1;
  return field.fields.reduce((n, f) => n + countQuestions(f, [...path, f.name], state), 0);
}

export async function runWizard(options: WizardOptions = {}): Promise<number> {
  const prompts = options.prompts ?? (await import('./prompts.js')).createPrompts();
  const answersDir = options.answersDir ?? 'answers';
  const state = options.resume ? loadState(options.resume) : new WizardState();
  const ctx: Ctx = { prompts, state, width: options.width ?? Math.min(process.stdout.columns || 100, 140), skip: skipped };
  const wizard = new Wizard(ctx, answersDir, options.out ?? 'output', options.resume);
  try {
    await wizard.run();
    return EXIT_OK;
  } catch (error) {
    if (wizard.savedTo) {
      // The answers are saved; only the documents were not made (Ctrl+C at the formats, a character the PDF fonts lack…).
      prompts.say(`\n回答は ${wizard.savedTo} に保存済みです。文書は npx kitei build ${wizard.savedTo} --format docx,pdf で作れます。`);
      if (error instanceof WizardCancelled) return EXIT_INTERRUPTED;
      throw error;
    }
    const draft = wizard.saveDraft();
    if (error instanceof WizardCancelled) {
      prompts.say(
        draft
          ? `\n中断しました。ここまでの回答を ${draft} に保存しました。\n続きから: npx kitei init --resume ${draft}`
          : '\n中断しました（まだ何も入力されていないので、保存したものはありません）。',
      );
      return EXIT_INTERRUPTED;
    }
    if (draft) prompts.say(`\nエラーのため中断しました。ここまでの回答を ${draft} に保存しました（npx kitei init --resume ${draft} で続きから）。`);
    throw error;
  }
}

class Wizard {
  /** The answers file once the answers are saved for good. */
  savedTo: string | undefined;
  private readonly prompts: Prompts;
  private readonly state: WizardState;

  constructor(
    private readonly ctx: Ctx,
    private readonly answersDir: string,
    private readonly out: string,
    private readonly resume: string | undefined,
  ) {
    this.prompts = ctx.prompts;
    this.state = ctx.state;
  }

  /** Where the finished answers go: the file being edited, or `answers/<organization>.yaml`. */
  target(): string {
    if (this.resume && !isDraftFile(this.resume)) return this.resume;
    const dir = this.resume ? dirname(this.resume) : this.answersDir;
    return answersFileFor(dir, this.state.name);
  }

  /** The text of the file being edited, when it is kept in place (a finished file, not a wizard draft). */
  private source(): string | undefined {
    return this.resume && !isDraftFile(this.resume) ? readFileSync(this.resume, 'utf8') : undefined;
  }

  /** Saves what was typed so far (nothing if nothing was); returns the file. */
  saveDraft(): string | undefined {
    if (Object.keys(this.state.own).length === 0) return undefined;
    const file = this.resume ? draftFileFor(this.resume) : draftFileFor(answersFileFor(this.answersDir, this.state.name));
    try {
      saveAnswers(this.state, file, this.source());
      return file;
    } catch {
      return undefined;
    }
  }

  async run(): Promise<void> {
    const { prompts, state } = this;
    prompts.say('kitei: 情報セキュリティ関連規程を、質問に答えて作ります。');
    prompts.say('Enter で表示中の値のまま進み、Ctrl+C で中断できます（それまでの回答は下書きとして保存されます）。\n');
    if (this.resume) {
      const todos = generationState(state, this.target()).unfilled.length;
      prompts.say(`${this.resume} を読み込みました（プリセットと違う回答 ${countLeaves(state.decisions())} 項目、未記入 ${todos} 件）。`);
    }
    if (!state.type) {
      const type = await prompts.select<OrganizationType>({
        id: 'organization.type',
        message: '組織の種類',
        help: '本文の語彙・役職・機密区分の既定値（プリセット）が決まります。例: 株式会社 → 当社・従業員・代表取締役、協会 → 当協会・職員・理事長',
        choices: ORGANIZATION_TYPES.map((t) => ({ value: t, name: ORGANIZATION_TYPE_LABELS[t] })),
        default: 'company',
      });
      state.set(['organization', 'type'], type);
    }
    if (!state.name) {
      await askLeaf(this.ctx, ['organization', 'name'], fieldAt(['organization', 'name']) as LeafField, {
        message: '組織の正式名称',
        help: '表紙と本文に載り、回答ファイルと出力フォルダーの名前にもなります。例: あおば精機株式会社',
      });
    }
    const mode = await prompts.select<'quick' | 'detailed' | 'todos' | 'review'>({
      id: 'wizard.mode',
      message: this.resume ? '何をしますか' : '進め方を選んでください',
      choices: [
        ...(this.resume ? [{ value: 'review' as const, name: '確認画面へ（直したい項目を選ぶ）' }, { value: 'todos' as const, name: '未記入の項目に答える' }] : []),
        { value: 'quick', name: 'かんたんモード（約15問。ほかはサンプルどおり）', description: '役職・機密区分・主なシステムとバックアップ・ソフトウェア・連絡先・含める部分' },
        { value: 'detailed', name: '詳しいモード（すべての項目を章ごとに）', description: '約300項目。章ごとに「既定値のまま次へ」も選べます' },
      ],
      default: this.resume ? 'review' : 'quick',
    });
    if (mode === 'quick') await quickMode(this.ctx);
    else if (mode === 'detailed') await this.detailed();
    else if (mode === 'todos') await this.todos();
    await this.review();
  }

  async detailed(chapters: readonly string[] = chapterOrder()): Promise<void> {
    const root = answersTree();
    for (const name of chapters) {
      const field = root.fields.find((f) => f.name === name)!;
      const count = countQuestions(field, [name], this.state);
      const walk = await this.prompts.select<boolean>({
        id: `wizard.chapter.${name}`,
        message: `「${field.description}」（${count}問）`,
        choices: [
          { value: true, name: '答える' },
          { value: false, name: '今の値のまま次へ' },
        ],
        default: true,
      });
      if (walk) await askObject(this.ctx, [name], field as Extract<Field, { kind: 'object' }>, { message: field.description });
    }
  }

  /** Walks the values still left as stand-ins, chapter by chapter, in document order. */
  async todos(): Promise<void> {
    const { prompts, state } = this;
    const asked = new Set<string>();
    prompts.say('\n未記入の項目に答えます。分からないものは Enter で後回しにできます（【要記入】として残り、kitei check で一覧にできます）。');
    for (let first = true; ; first = false) {
      // The list is made once per chapter (making the documents takes a moment), not once per question.
      const open = generationState(state, this.target()).unfilled.filter((u) => !asked.has(u.key));
      if (open.length === 0) {
        prompts.say('\n未記入の項目は、後回しにしたもの以外すべて答えました。');
        return;
      }
      const top = open[0]!.key.split('.')[0]!;
      if (!first) {
        const go = await prompts.select<boolean>({
          id: 'wizard.todos.continue',
          message: `次の章の未記入に進みますか（残り ${open.length} 件）`,
          choices: [
            { value: true, name: '続ける' },
            { value: false, name: '確認画面へ戻る' },
          ],
          default: true,
        });
        if (!go) return;
      }
      prompts.say(`\n■ ${answersTree().fields.find((f) => f.name === top)?.description ?? top}`);
      for (const item of open.filter((u) => u.key.split('.')[0] === top)) {
        asked.add(item.key);
        const path = parseKey(item.key);
        const field = fieldAt(path);
        // An earlier answer may have filled it already (the same question in another table).
        if (field?.kind !== 'leaf' || !isTodo(state.get(path))) continue;
        await askLeaf(this.ctx, path, field, { message: item.question, help: `${where(path)}\n${hintFor(field, state.get(path))}` });
      }
    }
  }

  async review(): Promise<void> {
    const { prompts, state } = this;
    for (;;) {
      const target = this.target();
      const validation = state.validate(target);
      const { unfilled, problem } = generationState(state, target);
      const decisions = flatten(state.decisions());
      const lines = [
        '',
        '──────── 確認 ────────',
        `組織: ${state.name ?? '（未記入）'}（${state.type ? ORGANIZATION_TYPE_LABELS[state.type] : '種類未定'}）`,
        `保存先: ${target}`,
        `プリセットと違う回答: ${decisions.length} 項目`,
        ...decisions.slice(0, 30).map(([key, value]) => `  ${key}: ${value}`),
        ...(decisions.length > 30 ? [`  …ほか ${decisions.length - 30} 項目`] : []),
        unfilled.length
          ? `未記入: ${unfilled.length} 件（下書きでは【要記入：…】と表示されます。kitei check で一覧にできます）`
          : '未記入: なし（そのまま完成版を作れます）',
        ...unfilled.slice(0, 5).map((u) => `  - ${u.question}`),
        ...(unfilled.length > 5 ? [`  …ほか ${unfilled.length - 5} 件`] : []),
        ...(validation.issues.length ? [`誤り: ${validation.issues.length} 件`, ...validation.issues.map((i) => `  ！ ${i.key}: ${i.message}`)] : []),
        ...(problem ? [`この回答の組み合わせでは文書を作れません（含める部分や表の行を見直してください）:`, ...problem.split('\n').slice(1)] : []),
      ];
      prompts.say(lines.join('\n'));
      const action = await prompts.select<'save' | 'todos' | 'chapter' | 'fix' | 'quick' | 'saveOnly'>({
        id: 'wizard.review',
        message: 'どうしますか',
        choices: [
          ...(validation.issues.length ? [{ value: 'fix' as const, name: `誤りを直す（${validation.issues.length} 件）` }] : []),
          { value: 'save', name: '保存して文書を作る' },
          ...(unfilled.length ? [{ value: 'todos' as const, name: `未記入の項目に答える（${unfilled.length} 件）` }] : []),
          { value: 'chapter', name: '章を選んで見直す' },
          { value: 'quick', name: 'かんたんモードの質問をもう一度' },
          { value: 'saveOnly', name: '保存だけして終わる（文書は作らない）' },
        ],
        default: validation.issues.length ? 'fix' : 'save',
      });
      if (action === 'fix') await this.fix(validation.issues);
      else if (action === 'todos') await this.todos();
      else if (action === 'quick') await quickMode(this.ctx);
      else if (action === 'chapter') {
        const root = answersTree();
        const name = await prompts.select<string>({
          id: 'wizard.chapter',
          message: '見直す章',
          choices: chapterOrder().map((n) => ({ value: n, name: root.fields.find((f) => f.name === n)!.description })),
        });
        await this.detailed([name]);
      } else if (action === 'save' || action === 'saveOnly') {
        if (validation.issues.length) {
          prompts.say('  ！ 誤りが残っているので保存できません（下書きなら Ctrl+C で保存できます）。「誤りを直す」を選んでください。');
          continue;
        }
        if (problem && action === 'save') {
          prompts.say('  ！ このままでは文書を作れません。「保存だけして終わる」か、回答を見直してください。');
          continue;
        }
        const file = await this.chooseFile();
        if (!file) continue;
        saveAnswers(state, file, this.source());
        this.savedTo = file;
        if (this.resume !== file) removeDraft(this.resume);
        prompts.say(`\n回答を ${file} に保存しました。`);
        if (action === 'save') await this.build(file);
        prompts.say(`\nあとで回答を直すには: npx kitei init --resume ${file}`);
        return;
      }
    }
  }

  /** The review's errors: each key asked again (with the error as help); keys the wizard cannot ask are left to the user. */
  async fix(issues: readonly { key: string; message: string; file: string; line: number | undefined }[]): Promise<void> {
    for (const issue of issues) {
      const path = parseKey(issue.key);
      const field = fieldAt(path);
      if (!field) {
        const where = `${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.key}: ${issue.message}`;
        // A key the schema does not know (a typo in a hand-written file) can only be dropped here.
        if (this.state.isOwn(path)) {
          const drop = await this.prompts.confirm({ id: 'wizard.fix.remove', message: `${where}\n  このキーを回答ファイルから消しますか（正しい名前で書き直すときは、ファイルを直接直してください）`, default: false });
          if (drop) this.state.remove(path);
        } else this.prompts.say(`  ！ ${where}（この誤りはファイルを直接直してください）`);
        continue;
      }
      this.prompts.say(`\n  ！ ${issue.key}: ${issue.message}`);
      await askField(this.ctx, path, field, {});
    }
  }

  async chooseFile(): Promise<string | undefined> {
    const target = this.target();
    if (!existsSync(target) || target === this.resume) return target;
    const overwrite = await this.prompts.confirm({ id: 'wizard.overwrite', message: `${target} はすでにあります。上書きしますか`, default: false });
    if (overwrite) return target;
    const name = await this.prompts.input({
      id: 'wizard.file',
      message: '保存するファイル名（空なら確認画面へ戻る）',
      default: '',
      validate: (v) => (v.trim() === '' || /\.ya?ml$/u.test(v.trim()) ? true : '.yaml で終わる名前にしてください'),
    });
    return name.trim() ? join(dirname(target), safeFileName(name.trim())) : undefined;
  }

  async build(file: string): Promise<void> {
    const { prompts, state } = this;
    const formats = await prompts.checkbox<Format>({
      id: 'wizard.formats',
      message: '作る文書の形式（スペースで選択・解除、Enter で決定。何も選ばなければ作りません）',
      choices: FORMAT_NAMES.map((f) => ({ value: f, name: `${FORMATS[f].label}（.${FORMATS[f].extension}）`, checked: f !== 'md' })),
    });
    if (formats.length === 0) return;
    const validation = state.validate(file);
    if (!validation.answers) return;
    const { unfilled } = generationState(state, file);
    if (unfilled.length) {
      prompts.say(`未記入の項目が ${unfilled.length} 件あるので、下書き（【要記入：…】入り）として作ります。埋めてから作り直すと完成版になります。`);
    }
    prompts.say('文書を作っています…');
    // House templates are named relative to the answers files that name them: read the saved file as `kitei build` does.
    const answers = [validation.answers.templates].flat().length ? loadAnswersFile(file) : validation.answers;
    const result = await buildAnswers(answers, file, { out: this.out, formats, draft: unfilled.length > 0 });
    for (const written of result.files) {
      const shown = relative(process.cwd(), written.path);
      prompts.say(`書き出しました: ${shown.startsWith('..') ? written.path : shown}（${written.bytes.toLocaleString('ja-JP')} バイト）`);
    }
  }
}

/**
 * The stand-ins the documents still show, and what keeps the documents from being made at all:
 * a combination of answers can leave a cross-reference without its section (an input problem the
 * user can fix, not a crash).
 */
function generationState(state: WizardState, file: string): { unfilled: readonly UnfilledValue[]; problem: string | undefined } {
  try {
    return { unfilled: state.unfilled(file), problem: undefined };
  } catch (error) {
    if (error instanceof ReferenceError) return { unfilled: [], problem: error.message };
    throw error;
  }
}

/** Where a stand-in sits, for the todo walk: the table and row (and the key, as `kitei check` prints it). */
const where = (path: Path): string => `場所: ${placeOf(path)}（${keyOf(path)}）`;

function hintFor(field: LeafField, current: unknown): string {
  return [
    isTodo(current) ? 'Enter で後回し（【要記入】のまま）' : '',
    field.nullable ? '「-」で「なし」' : '',
    field.type === 'text' ? '改行は \\n と入力' : '',
    field.example ? `例: ${field.example}` : '',
  ]
    .filter(Boolean)
    .join('、');
}

/** The saved decisions as `where: value` lines for the review (a list is one line). */
function flatten(data: unknown, path: Path = []): [string, string][] {
  if (isPlainObject(data) && !isTodo(data)) return Object.entries(data).flatMap(([k, v]) => flatten(v, [...path, k]));
  const field = fieldAt(path);
  return [[friendlyKey(path), shortText(data, field, 50)]];
}

/** A key in words: the labels of its last two levels (`システム管理者 › 氏名`). */
function friendlyKey(path: Path): string {
  const labels: string[] = [];
  for (let i = 1; i <= path.length; i++) {
    const field = fieldAt(path.slice(0, i));
    if (field && typeof path[i - 1] === 'string') labels.push(field.label.split(/[（(。]/u)[0]!.trim() || String(path[i - 1]));
  }
  return labels.slice(-2).join(' › ') || keyOf(path);
}

const countLeaves = (data: unknown): number => flatten(data).length;


