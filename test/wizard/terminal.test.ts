import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnswersFromFile } from '../../src/answers/load.js';
import { checkFile } from '../../src/build.js';
import { ROOT } from '../support/build.js';
import { KEY_PATH, OFFICE_NAME } from './office.js';

/**
 * End to end under a real terminal: tmux runs `kitei` (from the sources) in a pseudo-terminal and
 * the test types as the 総務担当 of a 12-person 設計事務所 would — arrow keys, Enter, Japanese
 * text, a date that does not exist, Esc to go back, Ctrl+C — reading the screen before each
 * screen's keys. Needs tmux (CI installs it; elsewhere the test is skipped with a note).
 * KITEI_TRANSCRIPT=<file> keeps the screens of the run.
 */

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && !process.env.CI) console.warn('test/wizard/terminal.test.ts: tmux がないので端末での通し試験を省きます（apt-get install tmux で実行できます）');

const socket = `kitei-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-u', '-L', socket, ...args], { encoding: 'utf8' });
/** Everything the terminal showed since it started (the scrollback too). */
const history = () => tmux('capture-pane', '-p', '-J', '-t', 'w', '-S', '-').stdout;
const screen = () => tmux('capture-pane', '-p', '-t', 'w').stdout;

async function waitFor(text: string | RegExp, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = screen();
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`画面に「${String(text)}」が出ませんでした。画面:\n${shown}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const keys = (...k: string[]) => tmux('send-keys', '-t', 'w', ...k);
const type = (text: string) => tmux('send-keys', '-t', 'w', '-l', text);
/** A form's fields in order: text is typed, '' keeps the field's value, a number presses → that often. */
function fields(...values: (string | number)[]): void {
  for (const value of values) {
    if (typeof value === 'number') for (let i = 0; i < value; i++) keys('Right');
    else if (value) type(value);
    keys('Enter');
  }
}
/** The same, then 決定して次へ. */
function fill(...values: (string | number)[]): void {
  fields(...values);
  keys('Enter');
}

/** `kitei <args>` in a fresh 120×50 terminal in `cwd`; the shell prints EXIT=<code> when it ends. */
function start(cwd: string, args: string): void {
  const loader = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const kitei = `node --import ${loader} ${join(ROOT, 'test', 'batch', 'kitei-from-source.ts')} ${args}`;
  tmux('kill-session', '-t', 'w');
  const started = tmux('new-session', '-d', '-s', 'w', '-x', '120', '-y', '50', '-c', cwd, `env LANG=C.UTF-8 ${kitei}; echo EXIT=$?; sleep 120`);
  if (started.status !== 0) throw new Error(`tmux を起動できません: ${started.stderr}`);
  tmux('set-option', '-t', 'w', 'history-limit', '50000');
}

/** The same with the command as installed: the bundle (bin/kitei.js → dist/bundle/), which loads some packages on first use. */
function startBundled(cwd: string, args: string): void {
  tmux('kill-session', '-t', 'w');
  const started = tmux('new-session', '-d', '-s', 'w', '-x', '120', '-y', '50', '-c', cwd, `env LANG=C.UTF-8 node ${join(ROOT, 'bin', 'kitei.js')} ${args}; echo EXIT=$?; sleep 120`);
  if (started.status !== 0) throw new Error(`tmux を起動できません: ${started.stderr}`);
}

afterEach(() => {
  tmux('kill-server');
});

describe.skipIf(!hasTmux && !process.env.CI)('端末での通し試験（tmux）', () => {
  it('インストールされた形（バンドル）でも、選択の画面と入力欄の画面が出る（文字幅を測るモジュールは最初に使うときに読む）', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-terminal-'));
    startBundled(dir, '');
    await waitFor('組織の種類');
    keys('Down', 'Down', 'Enter');
    await waitFor('正式名称');
    expect(history()).toContain('一般社団法人・一般財団法人・公益法人（協会）');
    expect(history()).not.toMatch(/内部エラー|EXIT=/u);
  });

  it('npx kitei → かんたんモード → 完成版の PDF。画面にキーの名前・null・\\n は出ない。Ctrl+C で下書き', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kitei-terminal-'));
    const transcript: string[] = [];
    let screens = 0;
    const next = async (text: string | RegExp) => {
      await waitFor(text);
      screens++;
    };

    start(dir, '');
    await next('組織の種類');
    keys('Enter');
    await next('組織のこと');
    type(OFFICE_NAME);
    keys('Enter', 'Enter');
    type('住宅・店舗の設計及び工事監理');
    keys('Enter');
    type('神奈川県横浜市中区架空通3-4-5');
    keys('Enter');
    type('令和9年2月30日');
    keys('Enter');
    await waitFor('存在しない日付です（2027年2月は28日までです）');
    keys('C-u');
    type('令和9年4月1日');
    keys('Enter', 'Enter');
    await next('進め方を選んでください');
    keys('Enter');
    await next('この分担でよいですか');
    keys('Enter');
    await next('役職・氏名・連絡先');
    fields('', '木漏 一郎', '090-0000-1001', 'ceo@komorebi-sekkei.example', '', '日向 花子', '045-000-1002', '090-0000-1002', 'soumu@komorebi-sekkei.example');
    // The third person's title: cleared and typed (the form above has already moved on to it).
    await waitFor(/❯ +役職 +監査役/u);
    keys('C-u');
    type('設計主任');
    keys('Enter');
    type('森下 健');
    keys('Enter', 'Enter');
    await next('事務所の場所と戸締まり');
    fill('打合せコーナー', 'モニター（打合せ用）', '執務スペース、書類保管庫', 'パソコン、複合機、NAS、Wi-Fiルーター', '', '', '最終退室者による施錠', 'ビルの機械警備（夜間・休日）', '火災報知器、消火器設置（ビル共用）', 1);
    await next('仕事で使っているパソコンと');
    // Esc: back to the places, whose answers are still there; then on again.
    keys('Escape');
    await waitFor(/❯ +来客が入る場所 +打合せコーナー/u);
    keys('Up');
    await waitFor(/❯ +決定して次へ/u);
    keys('Enter');
    await waitFor(/\? .*仕事で使っているパソコンと/u);
    keys('Space', 'Down', 'Down', 'Space', 'Enter');
    await next('メールやファイルの共有');
    keys('Space', 'Enter');
    await next('パソコンに入れて使うソフト');
    keys('Space', 'Down', 'Down', 'Space', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter');
    await next('業務のソフト・サービス: その他');
    fill('', 'CAD', 'Vectorworks Architect', 'エーアンドエー', '2025以降', '総務担当が動作を確認したうえで、サービスパックを適用する。');
    await next('パソコンに入れているウイルス対策ソフト');
    keys('Space', 'Enter');
    await next('事務所に置いている');
    keys('Space', 'Down', 'Down', 'Down', 'Space', 'Enter');
    await next('実際にそうしているものに印を付けてください');
    keys('Enter');
    await next('バックアップと、止まると困るもの');
    fill('図面データ（竣工物件の保存用）', '', '', 'Synology C2 Storage', 'NAS のバックアップ機能（Hyper Backup）', '毎日夜間にバックアップ', '直近30日分', '', '設計図面の作成・共有と、施主・施工会社とのやり取り', '1営業日以内');
    await next('テレワーク（在宅勤務・外出先での仕事）');
    fill(1, '', '', '', '', '', '電子メール、ファイル共有、社内連絡、オンライン打合せ');
    await next('マイナンバー（個人番号）');
    fill(1, '', '', '', '平日 9:30〜17:30', 3, '');
    await next('保守を頼んでいる業者と、外部の窓口');
    fill('株式会社みなとITサポート', 'Microsoft 365 と NAS の導入・保守', '', 1, '', '');
    await next('情報の扱い方と点検のきまり');
    fill('', '', '', '', '', '', 3);
    await next('運用のきまり（頻度・期間・回数）をこの値にしますか');
    keys('Enter');
    await next('未記入: なし（そのまま完成版の規程を作れます）');
    keys('Enter');
    await next('作る文書の形式');
    keys('Enter');
    const done = await waitFor(/EXIT=\d+/u, 90_000);
    const all = history();
    transcript.push(all);
    expect(done).toContain('EXIT=0');
    expect(all).toContain('書き出しました: output/こもれび設計株式会社/情報セキュリティ関連規程.pdf');
    // About twenty screens answered, as the issue promises (going back and on again aside).
    expect(screens).toBe(21);
    // Plain Japanese only: no key of the answers file, no null, no \n, no (Y/n).
    expect(all).not.toMatch(KEY_PATH);
    expect(all).not.toMatch(/\bnull\b|\\n|\(Y\/n\)/u);
    expect(all).toMatch(/［質問 \d+\/17］/u);

    const file = join(dir, 'answers', `${OFFICE_NAME}.yaml`);
    expect(checkFile(file)).toMatchObject({ unfilled: [], warnings: [] });
    expect(loadAnswersFromFile(file).profile.people[2]).toMatchObject({ title: '設計主任', name: '森下 健', roles: ['auditor'] });
    const written = readdirSync(join(dir, 'output', OFFICE_NAME));
    expect(written).toContain('情報セキュリティ関連規程.pdf');
    expect(written).toContain('情報セキュリティ関連規程.docx');
    expect(written.filter((f) => f.includes('下書き'))).toEqual([]);

    // A year later: --resume, change one answer, and stop half-way with Ctrl+C: a draft beside the file.
    start(dir, `init --resume answers/${OFFICE_NAME}.yaml`);
    await waitFor('何をしますか');
    keys('Down', 'Enter');
    await waitFor('組織の種類');
    keys('Enter');
    await waitFor('組織のこと');
    keys('Down', 'Down');
    await waitFor(/❯ +事業内容/u);
    keys('C-u');
    type('住宅・店舗・事務所の設計及び工事監理');
    keys('Enter', 'Enter', 'Enter', 'Enter');
    await waitFor('この役割の分担でよいですか');
    keys('C-c');
    const interrupted = await waitFor(/EXIT=\d+/u);
    transcript.push(history());
    expect(interrupted).toContain('EXIT=130');
    expect(interrupted).toContain(`ここまでの回答を answers/${OFFICE_NAME}.draft.yaml に保存しました`);
    expect(loadAnswersFromFile(file).profile.organization.business).toBe('住宅・店舗の設計及び工事監理');
    expect(loadAnswersFromFile(join(dir, 'answers', `${OFFICE_NAME}.draft.yaml`)).profile.organization.business).toBe('住宅・店舗・事務所の設計及び工事監理');
    expect(existsSync(join(dir, 'answers', `${OFFICE_NAME}.draft.yaml`))).toBe(true);

    if (process.env.KITEI_TRANSCRIPT) writeFileSync(process.env.KITEI_TRANSCRIPT, transcript.join('\n\n=====\n\n'));
  }, 240_000);
});
