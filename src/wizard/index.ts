import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadAnswersFromFile } from '../answers/load.js';
import { buildAnswers, defaultTemplates } from '../build.js';
import { generate, type UnfilledValue } from '../generate.js';
import { safeFileName } from '../output/files.js';
import { FORMAT_NAMES, FORMATS, type Format } from '../render/index.js';
import { ReferenceError } from '../transform/xref.js';
import { RECOMMENDED_RULES } from '../profile/recommended.js';
import { help, type Ctx } from './ask.js';
import { chooseIssueAction, reviseFromWizard, shown, type IssueAction } from './revision.js';
import { versionLabel } from '../revise/compare.js';
import { defaultHistoryDir } from '../revise/history.js';
import { IssueMismatchError } from '../revise/issue.js';
import { DETAILED_SECTION, DETAILED_STEPS } from './detailed.js';
import { runSteps, type Step } from './flow.js';
import {
  areasStep,
  categorySteps,
  continuityStep,
  departmentsStep,
  factsStep,
  myNumberStep,
  organizationStep,
  ownRulesStep,
  partnersStep,
  peopleStep,
  QUICK_STEPS,
  recommendedStep,
  SECTIONS,
  teleworkStep,
  typeStep,
} from './quick.js';
import { loadState } from './resume.js';
import { answersFileFor, draftFileFor, isDraftFile, removeDraft, saveAnswers } from './save.js';
import { summaryLines } from './summary.js';
import { parseKey, type Data, type WizardState } from './state.js';
import { WizardState as State } from './state.js';
import { isBack, WizardCancelled, type Prompts } from './types.js';

/**
 * `npx kitei` / `kitei init`: the interactive way to an answers file and the documents, for people
 * who never write YAML. The questions follow the organization profile; かんたんモード gives a small
 * organization a complete policy in about twenty screens, 詳しいモード then walks the rest by
 * topic. A review lists everything that will be printed as the organization's own, the answers are
 * saved to `answers/<organization>.yaml` and the documents built at once. Ctrl+C or an error saves
 * what was typed as a draft; `kitei init --resume <file>` continues from it (or edits any answers file).
 */

export const EXIT_OK = 0;
/** Ctrl+C (128 + SIGINT, as shells report it), after the draft is saved. */
export const EXIT_INTERRUPTED = 130;

export interface WizardOptions {
  /** The terminal; tests pass a scripted fake. Default: @inquirer (loaded only here). */
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

export async function runWizard(options: WizardOptions = {}): Promise<number> {
  const prompts = options.prompts ?? (await import('./prompts.js')).createPrompts();
  const state = options.resume ? loadState(options.resume) : new State();
  const ctx: Ctx = { prompts, state, width: options.width ?? Math.min(process.stdout.columns || 100, 140), freshItems: new Set(), session: { mode: 'quick' } };
  const wizard = new Wizard(ctx, options);
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

const modeStep: Step = {
  id: 'wizard.mode',
  section: '組織について',
  async run(ctx, progress) {
    const mode = await ctx.prompts.select<'quick' | 'detailed'>({
      id: 'wizard.mode',
      message: '進め方を選んでください',
      progress,
      help: help('かんたんモードだけで、小さな組織の規程は完成します。詳しいモードは、そのあと言葉づかいや細かい表を項目ごとに見直せます。'),
      choices: [
        { value: 'quick', name: 'かんたんモード（約20問で規程が完成します）', description: '組織・人・場所・使っている製品・バックアップ・働き方・取引先・社内のきまり' },
        { value: 'detailed', name: '詳しいモード（かんたんモードの質問のあと、残りを項目ごとに）', description: '言葉づかい・役割の呼び方・機密区分・機器ごとの細かい事実など。項目ごとに「このまま」で飛ばせます' },
      ],
      default: ctx.session.mode,
    });
    if (isBack(mode)) return 'back';
    ctx.session.mode = mode;
    return 'next';
  },
};

/** Removes the parts of a gap's question that name answers keys: the screen shows plain Japanese only. */
export const plainQuestion = (question: string): string => question.replace(/（[^（）]*[a-z]{3,}[^（）]*）/gu, '').trim();

/** Which step answers a gap of `kitei check` (by the key the gap names). */
function stepForKey(key: string): Step | undefined {
  if (RECOMMENDED_RULES.some((r) => r.key === key)) return recommendedStep;
  if (/^(organization|document\.effectiveDate)/u.test(key)) return organizationStep;
  if (/^(people|document\.approver)/u.test(key)) return peopleStep;
  if (key.startsWith('departments')) return departmentsStep;
  if (key.startsWith('areas')) return areasStep;
  if (/^inventory(\[\]|\.\d+)\.(backup|critical)/u.test(key)) return continuityStep;
  if (/^inventory(\[\]|\.\d+)\.telework|^telework/u.test(key)) return teleworkStep;
  if (/^inventory(\[\]|\.\d+)\./u.test(key)) return factsStep;
  if (key === 'inventory') return categorySteps[0];
  if (key.startsWith('myNumber')) return myNumberStep;
  if (/^rules\.(audit|policyAccess|labeling|storage)/u.test(key)) return ownRulesStep;
  if (/^(documents\.contract\.court|contacts|vendors)/u.test(key)) return partnersStep;
  return undefined;
}

class Wizard {
  /** The answers file once the answers are saved for good. */
  savedTo: string | undefined;
  private readonly prompts: Prompts;
  private readonly state: WizardState;

  constructor(
    private readonly ctx: Ctx,
    private readonly options: WizardOptions,
  ) {
    this.prompts = ctx.prompts;
    this.state = ctx.state;
  }

  private get resume(): string | undefined {
    return this.options.resume;
  }

  /** Where the finished answers go: the file being edited, or `answers/<organization>.yaml`. */
  target(): string {
    if (this.resume && !isDraftFile(this.resume)) return this.resume;
    const dir = this.resume ? dirname(this.resume) : (this.options.answersDir ?? 'answers');
    return answersFileFor(dir, this.state.name);
  }

  /** The text of the file being edited, when it is kept in place (a finished file, not a wizard draft). */
  private source(): string | undefined {
    return this.resume && !isDraftFile(this.resume) ? readFileSync(this.resume, 'utf8') : undefined;
  }

  /** Saves what was typed so far (nothing if nothing was); returns the file. */
  saveDraft(): string | undefined {
    const own = Object.keys(this.state.own).filter((k) => k !== 'kitei');
    if (own.length === 0) return undefined;
    const file = this.resume ? draftFileFor(this.resume) : draftFileFor(answersFileFor(this.options.answersDir ?? 'answers', this.state.name));
    try {
      saveAnswers(this.state, file, this.source());
      return file;
    } catch {
      return undefined;
    }
  }

  async run(): Promise<void> {
    const { prompts } = this;
    prompts.say('kitei: 情報セキュリティ関連規程を、質問に答えて作ります。');
    prompts.say('↑↓ で選び Enter で決定、Esc で前の質問に戻ります。Ctrl+C で中断すると、それまでの回答は下書きとして保存されます。');
    if (this.resume) await this.resumeMenu();
    else {
      while ((await runSteps(this.ctx, [typeStep, organizationStep, modeStep, ...QUICK_STEPS, ...DETAILED_STEPS], [...SECTIONS, DETAILED_SECTION])) === 'back') {
        prompts.say('（最初の質問です）');
      }
    }
    await this.review();
  }

  private async resumeMenu(): Promise<void> {
    const { prompts } = this;
    const unfilled = this.unfilled().length;
    prompts.say(`\n${this.resume} を読み込みました（未記入 ${unfilled} 件）。`);
    for (;;) {
      const action = await prompts.select<'review' | 'todos' | 'quick' | 'detailed'>({
        id: 'wizard.resume',
        message: '何をしますか',
        help: help('保存した回答の続きを答えたり、1年後の見直しで答えを直したりできます。'),
        choices: [
          { value: 'review', name: '確認画面へ（今の答えを見て、保存・文書の作成へ）' },
          ...(unfilled ? [{ value: 'todos' as const, name: `未記入の項目に答える（${unfilled} 件）` }] : []),
          { value: 'quick', name: 'かんたんモードの質問を順に見直す' },
          { value: 'detailed', name: '詳しいモードで項目ごとに見直す' },
        ],
        default: unfilled ? 'todos' : 'review',
      });
      if (isBack(action)) continue;
      if (action === 'todos') await this.todos();
      else if (action === 'quick' || action === 'detailed') {
        this.ctx.session.mode = action;
        const steps = [typeStep, organizationStep, ...QUICK_STEPS, ...DETAILED_STEPS];
        if ((await runSteps(this.ctx, steps, [...SECTIONS, DETAILED_SECTION])) === 'back') continue;
      }
      return;
    }
  }

  /** The gaps the documents still show, or none when the profile does not load. */
  private unfilled(): readonly UnfilledValue[] {
    return generationState(this.state, this.target()).unfilled;
  }

  /** The steps that answer what is still unfilled, each once, in the order of the questions. */
  async todos(): Promise<void> {
    const { prompts, state } = this;
    const gaps = this.unfilled();
    const order = [typeStep, organizationStep, ...QUICK_STEPS];
    const steps = [...new Set(gaps.map((g) => stepForKey(g.key)).filter((s): s is Step => s !== undefined))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    prompts.say(`\n未記入の項目に答えます（${gaps.length} 件）。`);
    if (steps.length) await runSteps(this.ctx, steps, SECTIONS);
    // A gap no step covers (a value written by hand as 「未定」) is asked with its own question.
    for (const gap of this.unfilled().filter((g) => !stepForKey(g.key))) {
      const path = parseKey(gap.key);
      if (path.some((s) => typeof s === 'string' && /[^A-Za-z0-9_-]/u.test(s))) continue;
      const answer = await prompts.input({
        id: gap.key,
        message: plainQuestion(gap.question),
        help: help('規程にまだ載っていない値です。'),
        validate: (typed) => (typed.trim() ? (state.check([[path, typed.trim()]]).get(gap.key) ?? true) : '入力してください'),
      });
      if (isBack(answer)) break;
      state.set(path, answer.trim());
    }
  }

  async review(): Promise<void> {
    const { prompts, state } = this;
    for (;;) {
      const target = this.target();
      const { loaded, issues } = state.load(target);
      const { unfilled, problem } = generationState(state, target);
      const lines = [
        '',
        '──────── 確認 ────────',
        '規程に、組織自身のこととして次の内容が載ります。',
        ...summaryLines(this.ctx),
        '',
        `保存先: ${target}`,
        unfilled.length
          ? `未記入: ${unfilled.length} 件（このままなら【要記入】の入った下書きになります）`
          : issues.length
            ? ''
            : '未記入: なし（そのまま完成版の規程を作れます）',
        ...unfilled.slice(0, 8).map((u) => `  - ${plainQuestion(u.question)}`),
        ...(unfilled.length > 8 ? [`  …ほか ${unfilled.length - 8} 件`] : []),
        ...(loaded?.warnings.length ? [`確かめてください（${loaded.warnings.length} 件。文書は作れます）:`, ...loaded.warnings.map((w) => `  ！ ${w.message}`)] : []),
        ...(issues.length ? [`回答ファイルの誤り: ${issues.length} 件（保存する前に直してください）`, ...issues.map((i) => `  ！ ${i.line ? `${i.line}行目: ` : ''}${i.message}`)] : []),
        ...(problem ? ['この回答の組み合わせでは文書を作れません（答えを見直してください）:', ...problem.split('\n').slice(1)] : []),
      ].filter((l) => l !== '');
      prompts.say(lines.join('\n'));
      const action = await prompts.select<'save' | 'todos' | 'revisit' | 'saveOnly'>({
        id: 'wizard.review',
        message: 'どうしますか',
        help: help('保存すると回答ファイルができ、続けて Word・PDF の規程を作ります。'),
        choices: [
          { value: 'save', name: unfilled.length ? '保存して下書きの文書を作る' : '保存して文書を作る' },
          ...(unfilled.length ? [{ value: 'todos' as const, name: `未記入の項目に答える（${unfilled.length} 件）` }] : []),
          { value: 'revisit', name: '答えを直す（項目を選ぶ）' },
          { value: 'saveOnly', name: '保存だけして終わる（文書は作らない）' },
        ],
        default: 'save',
      });
      if (isBack(action)) {
        await this.revisit();
        continue;
      }
      if (action === 'todos') await this.todos();
      else if (action === 'revisit') await this.revisit();
      else {
        if (issues.length) {
          prompts.say('  ！ 回答ファイルに誤りがあるので保存できません。ファイルを直してから、もう一度 npx kitei init --resume で開いてください（Ctrl+C で今の答えを下書きに保存できます）。');
          continue;
        }
        if (problem && action === 'save') {
          prompts.say('  ！ このままでは文書を作れません。「保存だけして終わる」か、答えを直してください。');
          continue;
        }
        const file = await this.chooseFile();
        if (!file) continue;
        saveAnswers(state, file, this.source());
        this.savedTo = file;
        if (this.resume !== file) removeDraft(this.resume);
        prompts.say(`\n回答を ${file} に保存しました。`);
        if (action === 'save') await this.build(file);
        prompts.say(`\nあとで答えを直すには: npx kitei init --resume ${file}`);
        return;
      }
    }
  }

  /** Back to a part of the questions from the review. */
  private async revisit(): Promise<void> {
    const sections = [...SECTIONS, DETAILED_SECTION];
    const choice = await this.prompts.select<string>({
      id: 'wizard.revisit',
      message: '直す項目を選んでください',
      choices: sections.map((s) => ({ value: s, name: s === DETAILED_SECTION ? `${s}（言葉づかい・機密区分・機器ごとの細かい事実など）` : s })),
    });
    if (isBack(choice)) return;
    const all = [typeStep, organizationStep, ...QUICK_STEPS];
    if (choice === DETAILED_SECTION) {
      this.ctx.session.mode = 'detailed';
      await runSteps(this.ctx, DETAILED_STEPS, sections);
      return;
    }
    await runSteps(this.ctx, all.filter((s) => s.section === choice), sections);
  }

  async chooseFile(): Promise<string | undefined> {
    const target = this.target();
    if (!existsSync(target) || target === this.resume) return target;
    const overwrite = await this.prompts.select<boolean>({
      id: 'wizard.overwrite',
      message: `${target} はすでにあります。上書きしますか`,
      choices: [
        { value: false, name: '上書きしない（別の名前で保存する）' },
        { value: true, name: '上書きする' },
      ],
      default: false,
    });
    if (isBack(overwrite)) return undefined;
    if (overwrite) return target;
    const name = await this.prompts.input({
      id: 'wizard.file',
      message: '保存するファイル名',
      help: help('同じ名前のファイルを残したまま、別の名前で保存します。', `${safeFileName(this.state.name ?? '回答')}-2.yaml`),
      validate: (v) => (/\.ya?ml$/u.test(v.trim()) ? true : '「.yaml」で終わる名前にしてください'),
    });
    if (isBack(name)) return undefined;
    return join(dirname(target), safeFileName(name.trim()));
  }

  async build(file: string): Promise<void> {
    const { prompts, state } = this;
    const formats = await prompts.checkbox<Format>({
      id: 'wizard.formats',
      message: '作る文書の形式',
      help: help('Word は手直しに、PDF は配布と印刷に使います。スペースで印を付け・外し、Enter で決定します。何も選ばなければ作りません。'),
      choices: FORMAT_NAMES.map((f) => ({ value: f, name: `${FORMATS[f].label}（.${FORMATS[f].extension}）`, checked: f !== 'md' })),
    });
    if (isBack(formats) || formats.length === 0) return;
    const { loaded } = state.load(file);
    if (!loaded) return;
    const { unfilled } = generationState(state, file);
    if (unfilled.length) prompts.say(`未記入の項目が ${unfilled.length} 件あるので、下書き（表紙とファイル名に「下書き」、本文に【要記入：…】）として作ります。`);
    const out = this.options.out ?? 'output';
    // A finished policy is issued as `kitei build` issues it: its version is recorded next to the answers.
    let issue: IssueAction | undefined = unfilled.length > 0 ? 'draft' : undefined;
    for (;;) {
      prompts.say('文書を作っています…');
      // The saved file read as `kitei build` reads it (house templates are named relative to the files that name them).
      const saved = loadAnswersFromFile(file);
      const draft = issue === 'draft';
      try {
        const result = await buildAnswers(saved.answers, file, { out, formats, draft, ...(draft ? {} : { history: { dir: defaultHistoryDir(file), reissue: issue === 'reissue' } }) }, saved.locate);
        for (const written of result.files) prompts.say(`書き出しました: ${shown(written.path)}（${written.bytes.toLocaleString('ja-JP')} バイト）`);
        if (result.issue && result.issue.action !== 'same') {
          prompts.say(`${result.issue.action === 'new' ? '記録しました' : '記録を置き換えました'}: ${shown(result.issue.file)}（発行した${versionLabel(result.issue.issued.version)}。改訂のときに比べる基になります）`);
        }
        return;
      } catch (error) {
        // The answers changed since their version was issued: revise, fix before it took effect, or a draft.
        if (!(error instanceof IssueMismatchError) || issue !== undefined) throw error;
        issue = await chooseIssueAction(prompts, error);
        if (issue === undefined) {
          prompts.say('文書は作りませんでした。');
          return;
        }
        if (issue === 'revise') {
          if (!(await reviseFromWizard(prompts, file, out, formats))) prompts.say('改訂せずに終わりました。文書は作っていません。');
          return;
        }
      }
    }
  }
}

/**
 * The stand-ins the documents still show, and what keeps the documents from being made at all:
 * a combination of answers can leave a cross-reference without its section (an input problem the
 * user can fix, not a crash).
 */
function generationState(state: WizardState, file: string): { unfilled: readonly UnfilledValue[]; problem: string | undefined } {
  const { loaded } = state.load(file);
  if (!loaded) return { unfilled: [], problem: undefined };
  try {
    return { unfilled: generate(loaded.answers, defaultTemplates()).unfilled, problem: undefined };
  } catch (error) {
    if (error instanceof ReferenceError) return { unfilled: [], problem: error.message };
    throw error;
  }
}

export type { Data };
