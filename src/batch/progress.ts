import { MultiBar, type Options, type Params } from 'cli-progress';
import { isAbsolute, relative } from 'node:path';
import { printableMessage } from '../characters.js';
import type { Format } from '../render/index.js';
import type { BatchReporter, BatchStart, BatchSummary, ClientResult } from './run.js';

/**
 * How a batch run shows its progress: a bar on a terminal (count, current clients, time left),
 * one plain line per client elsewhere (CI, logs, a pipe), and the summary at the end.
 */

/** Seconds as Japanese text: 「8.2 秒」「1 分 05 秒」. */
export function formatSeconds(seconds: number, precise = true): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return precise ? `${seconds.toFixed(1)} 秒` : `${Math.ceil(seconds)} 秒`;
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours ? `${hours} 時間 ${String(minutes).padStart(2, '0')} 分` : `${minutes} 分 ${rest} 秒`;
}

/** Time left from the pace so far (clients run in parallel, so the pace already counts the workers). */
export function remaining(elapsedMs: number, done: number, total: number): string {
  if (done === 0) return '計算中';
  if (done >= total) return '0 秒';
  return `約 ${formatSeconds(((elapsedMs / done) * (total - done)) / 1000, false)}`;
}

/**
 * Counts finished clients for the time left. Clients that fail while the answers are read (before
 * any worker starts) take no time, so they count neither in the pace nor in what is left.
 */
class Pace {
  total = 0;
  done = 0;
  private instant = 0;
  private building = false;
  private startedAt = 0;

  start(total: number, now: number): void {
    this.total = total;
    this.startedAt = now;
  }

  started(): void {
    this.building = true;
  }

  finished(): void {
    this.done++;
    if (!this.building) this.instant++;
  }

  remaining(now: number): string {
    return remaining(now - this.startedAt, this.done - this.instant, this.total - this.instant);
  }
}

const startLine = (info: BatchStart): string =>
  [
    `回答ファイル ${info.total} 件を ${info.jobs} 並列で生成します（出力先: ${info.out}）`,
    ...(info.bases.length ? [`共通の既定値として読み込むだけのファイル（extends の基）: ${info.bases.join('、')}`] : []),
  ]
    .map((line) => `${line}\n`)
    .join('');

/** The first line of an error, with the first item when that line only introduces a list. */
function firstLine(text: string | undefined): string {
  const [head = '', next] = (text ?? '').split('\n');
  return /[:：]$/u.test(head) && next ? `${head} ${next.trim()}` : head;
}

function clientLine(result: ClientResult): string {
  const label = result.organization ? `${result.organization}（${result.file}）` : result.file;
  if (result.status === 'ok') {
    const facts = [formatSeconds(result.ms / 1000), ...(result.pages !== undefined ? [`${result.pages} ページ`] : []), ...(result.unfilled ? [`未記入 ${result.unfilled} 件`] : [])];
    return `成功 ${label} ${facts.join('、')}`;
  }
  return `${result.status === 'interrupted' ? '中断' : '失敗'} ${firstLine(result.error)}`;
}

/** One line per finished client, for logs: `[ 3/10] 成功 …｜残り 約 20 秒`. */
export function plainReporter(write: (text: string) => void, now: () => number = () => performance.now()): BatchReporter {
  const pace = new Pace();
  return {
    start(info) {
      pace.start(info.total, now());
      write(startLine(info));
    },
    started() {
      pace.started();
    },
    finished(result) {
      pace.finished();
      const width = String(pace.total).length;
      write(`[${String(pace.done).padStart(width)}/${pace.total}] ${clientLine(result)}｜残り ${pace.remaining(now())}\n`);
    },
    stop() {},
  };
}

/** A progress bar on a terminal (cli-progress), with failures printed above it as they happen. */
export function barReporter(stream: NodeJS.WriteStream): BatchReporter {
  const current: string[] = [];
  const pace = new Pace();
  let startedAt = 0;
  let multibar: MultiBar | undefined;
  let bar: ReturnType<MultiBar['create']> | undefined;
  const format = (options: Options, params: Params): string => {
    const size = options.barsize ?? 30;
    const filled = Math.round(params.progress * size);
    const columns = stream.columns || 80;
    const line = `生成中 ${'█'.repeat(filled)}${'░'.repeat(size - filled)} ${params.value}/${params.total} 件｜経過 ${formatSeconds((performance.now() - startedAt) / 1000, false)}｜残り ${pace.remaining(performance.now())}｜${current.join('、') || '—'}`;
    // Keep the line on one terminal row, or the bar repeats itself down the screen.
    let width = 0;
    let cut = '';
    for (const ch of line) {
      width += displayWidth(ch);
      if (width > columns - 2) return `${cut}…`;
      cut += ch;
    }
    return line;
  };
  return {
    start(info) {
      startedAt = performance.now();
      pace.start(info.total, startedAt);
      stream.write(startLine(info));
      multibar = new MultiBar({ stream, format, barsize: 24, hideCursor: true, gracefulExit: false, clearOnComplete: true, linewrap: false, fps: 5 });
      bar = multibar.create(info.total, 0);
    },
    started(_file, organization) {
      pace.started();
      current.push(organization);
      bar?.update({});
    },
    finished(result) {
      pace.finished();
      const index = result.organization ? current.indexOf(result.organization) : -1;
      if (index >= 0) current.splice(index, 1);
      bar?.increment();
      if (result.status !== 'ok') {
        multibar?.log(`${printableMessage(clientLine(result))}\n`);
        multibar?.update(); // the log is flushed on a redraw only
      }
    },
    stop() {
      // A last redraw writes what is still in the log buffer before the bar goes.
      multibar?.update();
      multibar?.stop();
    },
  };
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Terminal columns of a text: Japanese (and the bar's blocks) take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2588\u2591]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

const pad = (text: string, width: number): string => `${' '.repeat(Math.max(0, width - displayWidth(text)))}${text}`;

/** The table at the end of a run: each client's state, pages and time, then every failure in full. */
export function formatSummary(summary: BatchSummary): string {
  const ok = summary.clients.filter((c) => c.status === 'ok').length;
  const bad = summary.clients.filter((c) => c.status === 'failed').length;
  const stopped = summary.clients.filter((c) => c.status === 'interrupted').length;
  const lines: string[] = [];
  const counts = [`${ok} 件成功`, ...(bad ? [`${bad} 件失敗`] : []), ...(stopped ? [`${stopped} 件中断`] : [])].join('、');
  lines.push('', `結果: ${summary.clients.length} 件中 ${counts}（${formatSeconds(summary.ms / 1000)}、${summary.jobs} 並列）${summary.interrupted ? '― 中断しました' : ''}`);
  const rows = summary.clients.map((client) => ({
    state: client.status === 'ok' ? '成功' : client.status === 'failed' ? '失敗' : '中断',
    pages: client.pages !== undefined ? String(client.pages) : '-',
    time: client.status === 'ok' ? formatSeconds(client.ms / 1000) : '-',
    label: client.organization ? `${client.organization}（${client.file}）` : client.file,
  }));
  const pagesWidth = Math.max(displayWidth('ページ'), ...rows.map((row) => displayWidth(row.pages)));
  const timeWidth = Math.max(displayWidth('時間'), ...rows.map((row) => displayWidth(row.time)));
  lines.push(`  状態  ${pad('ページ', pagesWidth)}  ${pad('時間', timeWidth)}  組織（回答ファイル）`);
  for (const row of rows) lines.push(`  ${row.state}  ${pad(row.pages, pagesWidth)}  ${pad(row.time, timeWidth)}  ${row.label}`);
  const failures = summary.clients.filter((c) => c.status === 'failed');
  if (failures.length) {
    lines.push('', '失敗した回答ファイル（ほかの回答ファイルは書き出しています）:');
    for (const client of failures) lines.push(...client.error!.split('\n').map((line) => `  ${line}`));
  }
  const stale = summary.clients.filter((c) => c.stale?.length);
  if (stale.length) {
    lines.push('', '今回は作らなかった文書がフォルダーに残っています（以前の生成で作ったもの、または別に置いたもの。kitei は消しません。不要なら削除してください）:');
    for (const client of stale) lines.push(...client.stale!.map((path) => `  ${path}`));
  }
  if (summary.clients.some((c) => c.status === 'ok')) {
    if (!summary.formats.includes('pdf' as Format)) lines.push('', 'ページ数は PDF を出力したときに表示します（--format に pdf を含めてください）。');
    else if (summary.clients.some((c) => c.status === 'ok' && c.pages === undefined)) lines.push('', '一部の PDF からページ数を読み取れませんでした（- と表示しています）。');
  }
  lines.push('', `出力の一覧（sha256 付き）: ${shownPath(summary.manifest)}`);
  return `${lines.join('\n')}\n`;
}
