import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.js';
import { ROOT } from '../support/build.js';

/**
 * End to end under a real terminal: tmux runs `kitei` (from the sources) in a pseudo-terminal and
 * the test types as a person would — arrow keys, Enter, Japanese text, a wrong date, Ctrl+C —
 * reading the screen before each key. Needs tmux (CI installs it; elsewhere the test is skipped
 * with a note). KITEI_TRANSCRIPT=<file> keeps the screen transcript of the run.
 */

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && !process.env.CI) console.warn('test/wizard/terminal.test.ts: tmux がないので端末での通し試験を省きます（apt-get install tmux で実行できます）');

const socket = `kitei-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-u', '-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', 'w', '-S', '-').stdout;

async function waitFor(text: string | RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = screen();
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`画面に「${String(text)}」が出ませんでした。画面:\n${shown}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const keys = (...k: string[]) => tmux('send-keys', '-t', 'w', ...k);
const type = (text: string) => {
  tmux('send-keys', '-t', 'w', '-l', text);
  keys('Enter');
};

/** `kitei <args>` in a fresh 120×50 terminal in `cwd`; the shell prints EXIT=<code> when it ends. */
function start(cwd: string, args: string): void {
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const kitei = `node --import ${loader} ${join(ROOT, 'test', 'batch', 'kitei-from-source.ts')} ${args}`;
  tmux('kill-session', '-t', 'w');
  const started = tmux('new-session', '-d', '-s', 'w', '-x', '120', '-y', '50', '-c', cwd, `env LANG=C.UTF-8 ${kitei}; echo EXIT=$?; sleep 60`);
  if (started.status !== 0) throw new Error(`tmux を起動できません: ${started.stderr}`);
}

afterEach(() => {
  tmux('kill-server');
});

describe.skipIf(!hasTmux && !process.env.CI)('端末での通し試験（tmux）', () => {
  it('npx kitei → かんたんモード → 保存 → Word と PDF、Ctrl+C で下書き → --resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-terminal-'));
    const transcript: string[] = [];

    start(dir, '');
    await waitFor('? 組織の種類');
    keys('Enter');
    await waitFor('? 組織の正式名称');
    type('端末精機株式会社');
    await waitFor('? 進め方を選んでください');
    keys('Enter');
    await waitFor('? 事業内容');
    type('精密部品の設計・製造');
    await waitFor('? 施行日');
    type('2026-13-01');
    await waitFor('存在しない日付です');
    keys('C-u');
    type('2026-04-01');
    await waitFor('? 規程を承認する人・機関');
    keys('Enter');
    await waitFor('? 基本方針に署名する代表取締役の氏名');
    type('端末 一郎');
    await waitFor('? 当てはまるものを選んでください');
    keys('Space'); // テレワークを外す
    keys('Enter');
    await waitFor('? 役職を変える役割を選んでください');
    for (let i = 0; i < 7; i++) keys('Down');
    keys('Enter');
    await waitFor('? 監査・点検責任者を務める役職');
    type('監査役');
    await waitFor(/監査・点検責任者 +\| 監査役[\s\S]*\? 役職を変える役割を選んでください/u);
    keys('Enter');
    await waitFor('? 各部門の長');
    keys('Enter');
    await waitFor('? システム管理者の氏名');
    type('佐藤 健太');
    await waitFor('? システム管理者の電話番号');
    type('03-0000-0003');
    await waitFor('? システム管理者のメールアドレス');
    type('system@example.jp');
    await waitFor('? 機密性 3 の呼び方');
    keys('Enter');
    await waitFor('? 機密性 2 の呼び方');
    keys('C-u');
    type('部外秘');
    await waitFor('? 機密性 1 の呼び方');
    keys('Enter');
    await waitFor('? 情報セキュリティの監査・点検を行う月');
    type('毎年9月');
    await waitFor('? 止まると事業が続けられない主な業務システム');
    type('販売管理システム');
    await waitFor('? バックアップを取る機器・システム');
    keys('Enter');
    await waitFor('? 標準ソフトウェアと開発・販売元');
    keys('Enter');
    await waitFor('? インシデントの緊急連絡先');
    keys('Enter');
    await waitFor('? どうしますか');
    keys('Enter');
    await waitFor('? 作る文書の形式');
    keys('Enter');
    const done = await waitFor(/EXIT=\d+/u, 30_000);
    transcript.push(done);
    expect(done).toContain('EXIT=0');
    expect(done).toContain('書き出しました: output/端末精機株式会社/情報セキュリティ関連規程.pdf');

    const file = join(dir, 'answers', '端末精機株式会社.yaml');
    const answers = loadAnswersFile(file);
    expect(answers.options.telework).toBe(false);
    expect(answers.roles.auditor.title).toBe('監査役');
    expect(answers.confidentiality.levels[1]!.label).toBe('部外秘');
    const pdf = readFileSync(join(dir, 'output', '端末精機株式会社', '情報セキュリティ関連規程.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = readFileSync(join(dir, 'output', '端末精機株式会社', '情報セキュリティ関連規程.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');

    // A year later: --resume, change one answer, and stop half-way with Ctrl+C: a draft beside the file.
    start(dir, `init --resume answers/端末精機株式会社.yaml`);
    await waitFor('? 何をしますか');
    keys('Down', 'Down');
    keys('Enter');
    await waitFor('? 事業内容');
    keys('C-u');
    type('精密部品と治具の設計・製造');
    await waitFor('? 施行日');
    keys('C-c');
    const interrupted = await waitFor(/EXIT=\d+/u);
    transcript.push(interrupted);
    expect(interrupted).toContain('EXIT=130');
    expect(interrupted).toContain('ここまでの回答を answers/端末精機株式会社.draft.yaml に保存しました');
    expect(loadAnswersFile(file).organization.business).toBe('精密部品の設計・製造');
    expect(loadAnswersFile(join(dir, 'answers', '端末精機株式会社.draft.yaml')).organization.business).toBe('精密部品と治具の設計・製造');
    expect(existsSync(join(dir, 'answers', '端末精機株式会社.draft.yaml'))).toBe(true);

    if (process.env.KITEI_TRANSCRIPT) writeFileSync(process.env.KITEI_TRANSCRIPT, transcript.join('\n\n=====\n\n'));
  }, 60_000);
});
