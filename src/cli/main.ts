import { Command, CommanderError, Help } from 'commander';
import { relative } from 'node:path';
import { AnswersError } from '../answers/load.js';
import { formatSummary, barReporter, plainReporter } from '../batch/progress.js';
import { parseJobs, runBatch } from '../batch/run.js';
import { BuildInterrupted, buildFile, checkFile, formatUnfilled, UnfilledError } from '../build.js';
import { printableMessage } from '../characters.js';
import { OutputError } from '../output/set.js';
import { FORMAT_NAMES, parseFormats, UsageError } from '../render/index.js';
import { MissingGlyphError } from '../render/pdf/errors.js';
import { TemplateError } from '../templates/parse.js';
import { ReferenceError } from '../transform/xref.js';
import { WizardNeedsTerminal } from '../wizard/types.js';

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
}

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
    this.error(`エラー: ${flag} というオプションはありません`, { code: 'commander.unknownOption', exitCode: EXIT_INVALID });
  }

  unknownCommand(): never {
    const name = this.args[0] ?? '';
    this.error(`エラー: ${name} というコマンドはありません（使えるコマンド: ${this.commands.map((c) => c.name()).join(', ')}）`, {
      code: 'commander.unknownCommand',
      exitCode: EXIT_INVALID,
    });
  }
}

const translateExtras = (text: string): string =>
  text.replace(/ ?\(default: /gu, '（既定値: ').replace(/ ?\(choices: /gu, '（選択肢: ').replace(/\)$/u, '）');

/** Where `extends:` may read from: build, check and batch share it. */
const extendsRootOption = (command: Command): Command =>
  command.option('--extends-root <フォルダー>', 'extends: で基にする回答ファイルを読んでよいフォルダー（既定値: 回答ファイルのあるフォルダー）');

/** The options build and batch share: where to write, which formats, and drafts. */
const outputOptions = (command: Command): Command =>
  extendsRootOption(
    command
      .option('-o, --out <出力先>', '出力先ディレクトリ', 'output')
      .option('-f, --format <形式>', `出力形式（カンマ区切り: ${FORMAT_NAMES.join(', ')}）`, 'md')
      .option('--draft', '未記入の項目を【要記入：…】と表示した下書きとして出力します'),
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
    .exitOverride();

  const build = cli
    .command('build')
    .usage('[オプション] <回答ファイル>')
    .description('回答ファイルから規程と関連文書（基本方針・特定個人情報の基本方針と取扱規程・契約条項・様式・配布用の合本）を生成し、<出力先>/<組織名>/ に書き出します')
    .argument('<回答ファイル>', '回答ファイル（YAML）');
  outputOptions(build)
    .option('--contractor <名前>', '業務委託契約 機密保持条項の乙（委託先）の名称（省略すると記入用の空欄）')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (file: string, opts: { out: string; format: string; draft?: boolean; contractor?: string; extendsRoot?: string }) => {
      const formats = parseFormats(opts.format);
      const result = await interruptible((signal) =>
        buildFile(file, {
          out: opts.out,
          formats,
          draft: opts.draft === true,
          signal,
          ...(opts.contractor !== undefined ? { contractor: opts.contractor } : {}),
          ...(opts.extendsRoot !== undefined ? { extendsRoot: opts.extendsRoot } : {}),
        }),
      );
      for (const written of result.files) io.out(`書き出しました: ${relative(process.cwd(), written.path)}（${written.bytes.toLocaleString('ja-JP')} バイト）\n`);
      if (result.stale.length) {
        io.out(
          `今回は作らなかった文書が ${relative(process.cwd(), result.outputDir) || '.'} に残っています（以前の生成で作ったもの、または別に置いたもの。kitei は消しません。不要なら削除してください）:\n${result.stale.map((name) => `  - ${name}\n`).join('')}`,
        );
      }
      if (result.generated.unfilled.length) {
        io.out(`下書きです: 未記入の項目が${result.generated.unfilled.length}件あります（kitei check ${file} で一覧を表示します）\n`);
      }
      setExit(EXIT_OK);
    });

  const batch = cli
    .command('batch')
    .usage('[オプション] <回答ファイル・ディレクトリ・パターン…>')
    .description('複数の回答ファイルから規程と関連文書を並列に生成し、<出力先>/<組織名>/ と一覧 manifest.json を書き出します（1 件でも失敗すれば終了コード 1）')
    .argument('<入力...>', '回答ファイル、回答ファイルのあるディレクトリ、または answers/*.yaml のようなパターン');
  outputOptions(batch)
    .option('-j, --jobs <数>', '同時に生成する数（既定値: CPU のコア数）')
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action(async (inputs: string[], opts: { out: string; format: string; jobs?: string; draft?: boolean; extendsRoot?: string }) => {
      const formats = parseFormats(opts.format);
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
    cli
      .command('check')
      .usage('[オプション] <回答ファイル>')
      .description('回答ファイルを検証し、まだ記入されていない項目を一覧にします（残っていれば終了コード 1）')
      .argument('<回答ファイル>', '回答ファイル（YAML）'),
  )
    .helpOption('-h, --help', 'このヘルプを表示します')
    .action((file: string, opts: { extendsRoot?: string }) => {
      const unfilled = checkFile(file, undefined, opts.extendsRoot !== undefined ? { extendsRoot: opts.extendsRoot } : {});
      if (unfilled.length === 0) {
        io.out(`${file}: 問題はありません。すべての項目が記入されています。\n`);
        setExit(EXIT_OK);
      } else {
        io.out(`${file}: 未記入の項目が${unfilled.length}件あります:\n${formatUnfilled(unfilled)}\n`);
        setExit(EXIT_INVALID);
      }
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
  return cli;
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
      error instanceof OutputError
    ) {
      io.err(`エラー: ${error.message}\n`);
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
