import { Command, CommanderError, Help } from 'commander';
import { relative } from 'node:path';
import { AnswersError, didYouMean } from '../answers/load.js';
import { BuildInterrupted, buildFile, checkFile, formatUnfilled, formatWarnings, UnfilledError } from '../build.js';
import { printableMessage } from '../characters.js';
import { OutputError } from '../output/set.js';
import { FORMAT_NAMES, parseFormats, UsageError } from '../render/index.js';
import { MissingGlyphError } from '../render/pdf/errors.js';
import { EXPORT_MANIFEST, formatTemplateIssue, OverlayError } from '../templates/load.js';
import { TemplateError } from '../templates/parse.js';
import { ReferenceError } from '../transform/xref.js';
import { WizardNeedsTerminal } from '../wizard/types.js';
import { displayWidth, wrapText } from '../output/terminal.js';
import { versionLabel } from '../revise/compare.js';
import { defaultHistoryDir, HistoryError } from '../revise/history.js';
import { comparisonLines } from '../revise/issue.js';

/**
 * The command line: parses arguments and calls the core. Exit codes: 0 ok, 1 invalid input (the
 * answers, the arguments, unfilled values, an output that cannot be written; for batch: any client
 * failed), 2 internal error (a bug in kitei or its templates), 130 interrupted (Ctrl+C, SIGTERM).
 */

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_INTERNAL = 2;
/** `kitei build`, `batch` or the wizard stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Whatever a message quotes (a file name, a value), a character that would act on the terminal is shown as <U+XXXX>. */
const printableIo = (io: Io): Io => ({ out: (text) => io.out(printableMessage(text)), err: (text) => io.err(printableMessage(text)) });

/** Commander's help in Japanese: its headings and the "(default: …)" notes are translated. */
class JapaneseHelp extends Help {
  override styleTitle(title: string): string {
    const titles: Record<string, string> = {
      'Usage:': '使い方:',
      'Options:': 'オプション:',
      'Arguments:': '引数:',
      'Commands:': 'コマンド:',
      'Global Options:': '共通オプション:',
    };
    return titles[title] ?? title;
  }

  override subcommandTerm(cmd: Command): string {
    return `${cmd.name()} ${cmd.usage()}`;
  }

  override optionDescription(option: Parameters<Help['optionDescription']>[0]): string {
    return translateExtras(super.optionDescription(option));
  }

  override argumentDescription(argument: Parameters<Help['argumentDescription']>[0]): string {
    return translateExtras(super.argumentDescription(argument));
  }

  // Columns line up by the width the terminal shows (a kanji takes two), and Japanese wraps anywhere.
  override displayWidth(text: string): number {
    return displayWidth(text.replace(ANSI, ''));
  }

  override boxWrap(text: string, width: number): string {
    return width < this.minWidthToWrap ? text : wrapText(text, width).join('\n');
  }

  override formatItem(term: string, termWidth: number, description: string, helper: Help): string {
    // Commander pads with String#padEnd (UTF-16 units); the padding here counts columns.
    const padded = term + ' '.repeat(Math.max(0, termWidth - helper.displayWidth(term)));
    return super.formatItem(padded, helper.displayWidth(padded), description, helper);
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/gu;

class KiteiCommand extends Command {
  override createCommand(name?: string): Command {
    return new KiteiCommand(name);
  }

  override createHelp(): Help {
    return Object.assign(new JapaneseHelp(), this.configureHelp());
  }

  // Commander calls these (not in its typings) for its own errors: the messages in Japanese.
  missingArgument(name: string): never {
    this.error(`エラー: 引数 ${name} がありません`, { code: 'commander.missingArgument', exitCode: EXIT_INVALID });
  }

  optionMissingArgument(option: { flags: string }): never {
    this.error(`エラー: オプション ${option.flags} には値が必要です`, { code: 'commander.optionMissingArgument', exitCode: EXIT_INVALID });
  }

  unknownOption(flag: string): never {
    const name = flag.split('=')[0]!;
    const known = this.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined);
    const hint = didYouMean(name, known);
    // kitei's own -v/--version after a command: it belongs before it.
    const own = this.parent?.options.some((o) => o.long === name || o.short === name) ? `。kitei ${name} のように、コマンドの前に書きます` : '';
    this.error(`エラー: ${this.name() === 'kitei' ? '' : `kitei ${this.name()} に `}${name} というオプションはありません${hint ? `。もしかして ${hint} ですか？` : own}`, {
      code: 'commander.unknownOption',
      exitCode: EXIT_INVALID,
    });
  }

  unknownCommand(): never {
    this.error(unknownCommandMessage(this.args[0] ?? '', this.commands.map((c) => c.name())), { code: 'commander.unknownCommand', exitCode: EXIT_INVALID });
  }
}

function unknownCommandMessage(name: string, commands: readonly string[]): string {
  const hint = didYouMean(name, commands);
  const file = /\.ya?ml$/iu.test(name) ? `。回答ファイルから作るときは kitei build ${name}、確かめるときは kitei check ${name} です` : '';
  return `エラー: ${name} というコマンドはありません${hint ? `。もしかして ${hint} ですか？` : file}（使えるコマンド: ${commands.filter((c) => c !== 'help').join(', ')}）`;
}

const translateExtras = (text: string): string =>
  text.replace(/ ?\(default: /gu, '（既定値: ').replace(/ ?\(choices: /gu, '（選択肢: ').replace(/\)$/u, '）');

/** `--templates <dir>`, repeatable: house templates laid over kitei's (and over those the answers name), the last nearest. */
const templatesOption = (command: Command): Command =>
  command.option(
    '-t, --templates <ディレクトリ>',
    '独自テンプレート（事務所・組織の文言と節）のディレクトリ。回答ファイルの templates の上に重ねます。何度でも指定でき、後のものほど優先',
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );

/** Where `extends:` may read from: build, check and batch share it. */
const extendsRootOption = (command: Command): Command =>
  command.option('--extends-root <フォルダー>', 'extends: で基にする回答ファイルを読んでよいフォルダー（既定値: 回答ファイルのあるフォルダー）');

/** The options build and batch share: where to write, which formats, drafts, house templates and where extends: may read. */
const outputOptions = (command: Command): Command =>
  extendsRootOption(
    templatesOption(
    command
      .option('-o, --out <出力先>', '出力先ディレクトリ', 'output')
      .option('-f, --format <形式>', `出力形式（カンマ区切り: ${FORMAT_NAMES.join(', ')}）`, 'md')
      .option('--draft', '未記入の項目を【要記入：…】と表示した下書きとして出力します'),
    ),
  );

/** Ctrl+C and SIGTERM abort `run`; a second one ends the process at once (what is half done is cleared by the next run). */
async function interruptible<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

function program(io: Io, onTerminal: boolean, setExit: (code: number) => void): Command {
  const cli = new KiteiCommand('kitei')
    .usage('[オプション] <コマンド>')
    .description('IPA「情報セキュリティ関連規程（サンプル）」から、回答ファイルに合わせた規程を生成します。\n端末で引数なしに実行すると、質問に答えて回答ファイルを作る対話形式（kitei init）が始まります。')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .addHelpCommand('help [コマンド]', 'コマンドのヘルプを表示します')
    .version('0.1.0', '-v, --version', 'バージョンを表示します')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('（kitei --help で使い方を表示します）')
    // kitei's own options only before a command: `kitei revise x --version 1.1` names the new version,
    // `kitei build x.yaml --version` is an unknown option of build.
    .enablePositionalOptions()
    .exitOverride();

  const build = cli
    .command('build')
    .usage('[オプション] <回答ファイル>')
    .description('回答ファイルから規程と関連文書（基本方針・特定個人情報の基本方針と取扱規程・契約条項・様式・配布用の合本）を生成し、<出力先>/<組織名>/ に書き出します')
    .argument('<回答ファイル>', '回答ファイル（YAML）');
  outputOptions(build)
    .option('--contractor <名前>', '業務委託契約 機密保持条項の乙（委託先）の名称（省略すると記入用の空欄）')
    .option('--history <ディレクトリ>', '発行した版の記録の置き場所（既定値: 回答ファイルの横の <名前>.history/）')
    .option('--no-history', '発行した版を記録しません')
    .option('--reissue', 'この版の記録を置き換えます（施行前の手直し）')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (file: string, opts: { out: string; format: string; draft?: boolean; contractor?: string; templates?: string[]; history?: string | false; reissue?: boolean; extendsRoot?: string }) => {
      const formats = parseFormats(opts.format);
      const result = await interruptible((signal) =>
        buildFile(file, {
          out: opts.out,
          formats,
          draft: opts.draft === true,
          signal,
          overlays: opts.templates ?? [],
          ...(opts.contractor !== undefined ? { contractor: opts.contractor } : {}),
          ...(opts.extendsRoot !== undefined ? { extendsRoot: opts.extendsRoot } : {}),
          ...(opts.history === false ? {} : { history: { dir: typeof opts.history === 'string' ? opts.history : defaultHistoryDir(file), reissue: opts.reissue === true } }),
        }),
      );
      if (result.warnings.length) io.err(`${file}: 確認してください（${result.warnings.length}件）:\n${formatWarnings(result.warnings)}\n`);
      writtenLines(io, result.files);
      if (result.stale.length) {
        io.out(
          `今回は作らなかった文書が ${relative(process.cwd(), result.outputDir) || '.'} に残っています（以前の生成で作ったもの、または別に置いたもの。kitei は消しません。不要なら削除してください）:\n${result.stale.map((name) => `  - ${name}\n`).join('')}`,
        );
      }
      if (result.generated.unfilled.length) {
        io.out(`下書きです: 未記入の項目が${result.generated.unfilled.length}件あります（kitei check ${file} で一覧を表示します）\n`);
      }
      if (result.issue && result.issue.action !== 'same') {
        const what = result.issue.action === 'new' ? '記録しました' : '記録を置き換えました';
        io.out(`${what}: ${shown(result.issue.file)}（${versionLabel(result.issue.issued.version)}、施行日 ${result.issue.issued.effectiveDate}）\n`);
      }
      setExit(EXIT_OK);
    });

  const revise = cli
    .command('revise')
    .usage('[オプション] <回答ファイル> --version <版> --date <施行日> --reason <改訂の内容>')
    .description(
      '直した回答ファイルから次の版を作ります。最後に発行した版と比べ、回答ファイルの版・施行日・改訂履歴と、変わった章の改訂日を書き換え、' +
        '新しい版を記録し、規程と関連文書、変わった文書ごとの新旧対照表を書き出します',
    )
    .argument('<回答ファイル>', '回答ファイル（YAML）')
    .requiredOption('--version <版>', '新しい版（例: 1.1）。最後に発行した版より後の版')
    .requiredOption('--date <施行日>', '新しい版の施行日（YYYY-MM-DD）。最後に発行した版の施行日より後の日付')
    .requiredOption('--reason <改訂の内容>', '改訂履歴と新旧対照表に載せる改訂の内容（例: ウイルス対策ソフトの変更、テレワークの廃止）')
    .option('-o, --out <出力先>', '出力先ディレクトリ', 'output')
    .option('-f, --format <形式>', `出力形式（カンマ区切り: ${FORMAT_NAMES.join(', ')}）`, 'md,docx,pdf')
    .option('--history <ディレクトリ>', '発行した版の記録の置き場所（既定値: 回答ファイルの横の <名前>.history/）')
    .option('--contractor <名前>', '業務委託契約 機密保持条項の乙（委託先）の名称');
  revise.helpOption('-h, --help', 'このヘルプを表示します').action(async (file: string, opts: { version: string; date: string; reason: string; out: string; format: string; history?: string; contractor?: string }) => {
    const { reviseFile } = await import('../revise/revise.js');
    const result = await reviseFile(file, {
      version: opts.version,
      date: opts.date,
      reason: opts.reason,
      out: opts.out,
      formats: parseFormats(opts.format),
      ...(opts.history !== undefined ? { history: opts.history } : {}),
      ...(opts.contractor !== undefined ? { contractor: opts.contractor } : {}),
    });
    const { plan } = result;
    io.out(`${versionLabel(plan.previous.version)}（${plan.previous.effectiveDate}）→ ${versionLabel(plan.issued.version)}（${plan.issued.effectiveDate}）\n`);
    for (const line of comparisonLines(plan.comparisons)) io.out(`  ${line}\n`);
    if (plan.revisedChapters.length) io.out(`改訂日を ${plan.issued.effectiveDate} にした章: ${plan.revisedChapters.map((c) => c.heading).join('、')}\n`);
    io.out(`書き換えました: ${shown(file)}（版・施行日・改訂履歴・改訂日）\n`);
    io.out(`記録しました: ${shown(result.historyFile)}\n`);
    writtenLines(io, result.files);
    setExit(EXIT_OK);
  });

  cli
    .command('diff')
    .usage('[オプション] <前の回答ファイル・記録> <後の回答ファイル・記録>')
    .description(
      '2つの回答ファイル（または発行した版の記録 <名前>.history/<版>.json）から作る文書を比べ、違う文書ごとに新旧対照表（案）を書き出します。何も発行・記録しません',
    )
    .argument('<前>', '前の回答ファイル（YAML）または記録（JSON）')
    .argument('<後>', '後の回答ファイル（YAML）または記録（JSON）')
    .option('-o, --out <出力先>', '出力先ディレクトリ', 'output')
    .option('-f, --format <形式>', `出力形式（カンマ区切り: ${FORMAT_NAMES.join(', ')}）`, 'md')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (before: string, after: string, opts: { out: string; format: string }) => {
      const { diffFiles } = await import('../revise/revise.js');
      const result = await diffFiles(before, after, { out: opts.out, formats: parseFormats(opts.format) });
      const lines = comparisonLines(result.comparisons);
      if (lines.length === 0) io.out('違いはありません。\n');
      for (const line of lines) io.out(`${line}\n`);
      writtenLines(io, result.files);
      setExit(EXIT_OK);
    });

  const batch = cli
    .command('batch')
    .usage('[オプション] <入力…>')
    .description('複数の回答ファイルから規程と関連文書を並列に生成し、<出力先>/<組織名>/ と一覧 manifest.json を書き出します（1 件でも失敗すれば終了コード 1）')
    .argument('<入力...>', '回答ファイル、回答ファイルのあるディレクトリ、または answers/*.yaml のようなパターン');
  outputOptions(batch)
    .option('-j, --jobs <数>', '同時に生成する数（既定値: CPU のコア数）')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (inputs: string[], opts: { out: string; format: string; jobs?: string; draft?: boolean; templates?: string[]; extendsRoot?: string }) => {
      const formats = parseFormats(opts.format);
      // The batch's modules (input patterns, the worker pool, the progress bar) load for this command only.
      const [{ parseJobs, runBatch }, { formatSummary, barReporter, plainReporter }] = await Promise.all([import('../batch/run.js'), import('../batch/progress.js')]);
      const jobs = parseJobs(opts.jobs);
      // A bar only on a real terminal; CI logs and pipes get one plain line per client.
      const reporter = onTerminal && process.stdout.isTTY ? barReporter(process.stdout) : plainReporter(io.out);
      const summary = await interruptible((signal) =>
        runBatch({
          inputs,
          out: opts.out,
          formats,
          draft: opts.draft === true,
          jobs,
          overlays: opts.templates ?? [],
          reporter,
          signal,
          ...(opts.extendsRoot !== undefined ? { extendsRoot: opts.extendsRoot } : {}),
        }),
      );
      io.out(formatSummary(summary));
      if (summary.manifestError) io.err(`エラー: ${summary.manifestError}\n`);
      setExit(
        summary.interrupted ? EXIT_INTERRUPTED : summary.clients.every((c) => c.status === 'ok') && !summary.manifestError ? EXIT_OK : EXIT_INVALID,
      );
    });

  extendsRootOption(
    templatesOption(
      cli
        .command('check')
        .usage('[オプション] <回答ファイル>')
        .description('回答ファイルを検証し、まだ記入されていない項目を一覧にします（残っていれば終了コード 1）')
        .argument('<回答ファイル>', '回答ファイル（YAML）'),
    ),
  )
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action((file: string, opts: { templates?: string[]; extendsRoot?: string }) => {
      const { unfilled, warnings, locate } = checkFile(file, opts.templates ?? [], opts.extendsRoot !== undefined ? { extendsRoot: opts.extendsRoot } : {});
      if (warnings.length) io.out(`${file}: 確認してください（${warnings.length}件。文書は作れます）:\n${formatWarnings(warnings)}\n`);
      if (unfilled.length === 0) {
        io.out(`${file}: ${warnings.length ? '未記入の項目はありません' : '問題はありません。すべての項目が記入されています'}。\n`);
        setExit(EXIT_OK);
      } else {
        io.out(`${file}: 未記入の項目が${unfilled.length}件あります:\n${formatUnfilled(unfilled, locate)}\n`);
        setExit(EXIT_INVALID);
      }
    });

  const templates = cli
    .command('templates')
    .usage('<export|diff> …')
    .description('独自テンプレート（事務所・組織の文言と節を同梱のテンプレートに重ねるディレクトリ）を作る・同梱のテンプレートと比べます')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .addHelpCommand(false);
  templates
    .command('export')
    .usage('[オプション] <ディレクトリ>')
    .description('同梱のテンプレートをディレクトリに書き出します（独自テンプレートの出発点。変えないファイルは消してください）。既にあるファイルは上書きしません')
    .argument('<ディレクトリ>', '書き出し先')
    .option('-d, --document <文書id>', '1 つの文書だけを書き出します（rulebook、basic-policy など）')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (dir: string, opts: { document?: string }) => {
      const { exportTemplates } = await import('../templates/overlay.js');
      const { written } = exportTemplates(dir, opts.document);
      io.out(`${written.length} 個のファイルを ${dir} に書き出しました（書き出した時の同梱の本文の SHA-256 を ${EXPORT_MANIFEST} に記録しました）。\n`);
      io.out('変えないファイルは消してください。消したファイルは同梱のテンプレートが使われ、kitei の更新がそのまま入ります。\n');
      setExit(EXIT_OK);
    });
  templates
    .command('diff')
    .usage('[オプション] <ディレクトリ>')
    .description('独自テンプレートが置き換え・追加・削除している節と、置き換えた同梱の本文が書き出した後に変わったかを表示します')
    .argument('<ディレクトリ>', '独自テンプレートのディレクトリ')
    .option('--accept', '置き換えているファイルの同梱の本文を、いまのもので確認済みとして記録します')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (dir: string, opts: { accept?: boolean }) => {
      const { acceptBuiltIn, diffOverlay, formatDiff } = await import('../templates/overlay.js');
      if (opts.accept) {
        const changed = acceptBuiltIn(dir);
        io.out(`${dir}/${EXPORT_MANIFEST} に、置き換えているファイルのいまの同梱の本文を確認済みとして記録しました（${changed} 件更新）。\n`);
        setExit(EXIT_OK);
        return;
      }
      const diff = diffOverlay(dir);
      io.out(formatDiff(diff));
      setExit(diff.problems ? EXIT_INVALID : EXIT_OK);
    });

  cli
    .command('init')
    .usage('[オプション]')
    .description('質問に答えて回答ファイル（answers/<組織名>.yaml）を作り、そのまま規程を生成します（対話形式。引数なしの kitei と同じ）')
    .option('-r, --resume <回答ファイル>', '保存した回答ファイル（中断したときの下書きを含む）の続きから答える・直す')
    .option('-o, --out <出力先>', '出力先ディレクトリ', 'output')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (opts: { resume?: string; out: string }) => {
      setExit(await startWizard({ ...(opts.resume ? { resume: opts.resume } : {}), out: opts.out }));
    });
  for (const command of cli.commands) command.showHelpAfterError(`（kitei ${command.name()} --help で使い方を表示します）`);
  return cli;
}

/** A path as the user sees it: relative to where kitei runs. */
const shown = (path: string): string => relative(process.cwd(), path) || path;

function writtenLines(io: Io, files: readonly { path: string; bytes: number }[]): void {
  for (const written of files) io.out(`書き出しました: ${shown(written.path)}（${written.bytes.toLocaleString('ja-JP')} バイト）\n`);
}

/** The wizard is imported only when asked for, so build, check and batch never load inquirer. */
async function startWizard(options: { resume?: string; out?: string }): Promise<number> {
  const { runWizard } = await import('../wizard/index.js');
  return runWizard(options);
}

/** Runs the CLI and returns the exit code (never throws, never prints a stack trace for bad input). */
export async function run(argv: readonly string[], rawIo: Io = defaultIo): Promise<number> {
  let code = EXIT_OK;
  const io = printableIo(rawIo);
  const cli = program(io, rawIo === defaultIo, (c) => (code = c));
  try {
    if (argv.length === 0) {
      // On a terminal, `npx kitei` alone starts the wizard; in CI or a pipe it shows the help.
      if (rawIo === defaultIo && process.stdin.isTTY && process.stdout.isTTY) return await startWizard({});
      cli.outputHelp();
      return EXIT_INVALID;
    }
    // A word in the place of the command that is not one is refused before any option acts on it
    // (`kitei revize x.yaml --version 1.1` must not print the version and succeed).
    const first = argv[0]!;
    const commands = [...cli.commands.map((c) => c.name()), 'help'];
    if (!first.startsWith('-') && !commands.includes(first)) {
      io.err(`${unknownCommandMessage(first, commands)}\n（kitei --help で使い方を表示します）\n`);
      return EXIT_INVALID;
    }
    await cli.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_INVALID;
    }
    if (error instanceof WizardNeedsTerminal) {
      io.err(`エラー: ${error.message}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof BuildInterrupted) {
      io.err(`${error.message}\n`);
      return EXIT_INTERRUPTED;
    }
    if (
      error instanceof AnswersError ||
      error instanceof UnfilledError ||
      error instanceof UsageError ||
      error instanceof ReferenceError ||
      error instanceof MissingGlyphError ||
      error instanceof HistoryError ||
      error instanceof OutputError
    ) {
      io.err(`エラー: ${error.message}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof OverlayError) {
      io.err(`エラー: 独自テンプレートに誤りがあります（何も書き出していません）:\n${error.issues.map((issue) => `  ${formatTemplateIssue(issue)}`).join('\n')}\n`);
      return EXIT_INVALID;
    }
    if (error instanceof TemplateError) {
      io.err(`内部エラー（テンプレート）: ${error.message}\n`);
      return EXIT_INTERNAL;
    }
    io.err(`内部エラー: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.KITEI_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}
