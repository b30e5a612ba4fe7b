import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { answersFromYaml, parseAnswersYaml } from '../../src/answers/load.js';
import { defaultTemplates } from '../../src/build.js';
import { characterProblem, printable, printableMessage } from '../../src/characters.js';
import { generate } from '../../src/generate.js';
import type { Document } from '../../src/model/types.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { convertToPdf, hasCommand, pdfText } from '../docx/libreoffice.js';
import { ROOT } from '../support/build.js';
import { EXAMPLE, exampleWith } from './cases.js';
import { filesUnder, kitei, RAW_CHARACTER, STACK_TRACE, tempDir } from './support.js';

/**
 * Issue 18, the input side: no answers file stalls kitei or makes it read what is not an answers
 * file; one character policy for every typed string, and messages that never print a character raw.
 */

const MINIMAL = 'kitei: 2\norganization:\n  name: 例示株式会社\n  type: company\n  size: small\n';

/** The CLI from the sources as a real process, killed after `timeout` (a hang fails the test instead of holding it). */
function kiteiProcess(args: readonly string[], timeout = 60_000) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'batch', 'kitei-from-source.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout });
  return { code: result.status, signal: result.signal, out: result.stdout, err: result.stderr };
}

const mkfifo = (path: string) => {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path}: ${made.stderr}`);
};

/** Fastest of three runs, in ms: the least disturbed by whatever else the machine does. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('入力の大きさに上限があり、読み込みは入力に比例する時間で終わる（issue 18: 1・10）', () => {
  it('重複キーの検出は線形: キー 8,000 個の読み込みは 1,000 個の 30 倍未満（yaml の uniqueKeys は 2 乗で 64 倍）', () => {
    const source = (n: number) => `${MINIMAL}${Array.from({ length: n }, (_, i) => `k${i}: ${i}\n`).join('')}`;
    const small = source(1_000);
    const large = source(8_000);
    parseAnswersYaml(large, 'warm-up.yaml');
    const ratio = fastest(() => parseAnswersYaml(large, 'large.yaml')) / fastest(() => parseAnswersYaml(small, 'small.yaml'));
    expect(ratio).toBeLessThan(30);
    // The last key written twice is found, with both lines.
    expect(() => parseAnswersYaml(`${large}k0: again\n`, 'x.yaml')).toThrow(/^x\.yaml:8006: k0: 同じキーが2回書かれています（最初は6行目）$/u);
  });

  it('キー 100,000 個・1.4 MB のファイルは開く前に「大きすぎます」（build・check）', async () => {
    const dir = tempDir();
    const file = join(dir, 'many.yaml');
    writeFileSync(file, `${MINIMAL}${Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}\n`).join('')}`);
    for (const argv of [['check', file], ['build', file, '--out', join(dir, 'out')]]) {
      const start = performance.now();
      const { code, err } = await kitei(...argv);
      expect(code, err).toBe(1);
      expect(err).toBe(`エラー: ${file}: 大きすぎます（${statSync(file).size.toLocaleString('ja-JP')} バイト）。回答ファイルは 524,288 バイト（512 KB）までです\n`);
      expect(performance.now() - start).toBeLessThan(5_000);
    }
    expect(filesUnder(join(dir, 'out'))).toEqual([]);
  });

  it('上限ぎりぎりの最悪の入力（512 KB のキー）でも check は数秒で終わる', async () => {
    const dir = tempDir();
    const file = join(dir, 'worst.yaml');
    let keys = '';
    for (let i = 0; keys.length < 500_000; i++) keys += `k${i}: ${i}\n`;
    writeFileSync(file, `${MINIMAL}${keys}`);
    const start = performance.now();
    const { code, err } = await kitei('check', file);
    expect(code, err).toBe(1);
    expect(err).toContain('キーとリストの項目が多すぎます');
    expect(performance.now() - start).toBeLessThan(20_000);
  });

  it('extends: の連なりは 10 ファイルまで: 5,000 ファイルの連なりも 10 ファイル目で止まる（内部エラーにならない）', async () => {
    const dir = tempDir();
    for (let i = 0; i < 5_000; i++) writeFileSync(join(dir, `c${i}.yaml`), i === 0 ? `extends: c1.yaml\n${MINIMAL}` : `extends: c${i + 1}.yaml\n`);
    const { code, err } = await kitei('check', join(dir, 'c0.yaml'));
    expect(code, err).toBe(1);
    expect(err).toBe(`エラー: ${join(dir, 'c9.yaml')}:1: extends: 基にする回答ファイルの連なりが長すぎます。extends: で重ねられるのは、この回答ファイルを含めて10ファイルまでです\n`);
    // Ten files are fine.
    writeFileSync(join(dir, 'c9.yaml'), 'people: [{ id: audit, title: 監査役, roles: [auditor] }]\n');
    expect(answersFromYaml(readFileSync(join(dir, 'c0.yaml'), 'utf8'), join(dir, 'c0.yaml')).roles.auditor.title).toBe('監査役');
  });

  it('53 MB のファイル: batch でも入力の誤り（ワーカーのメモリ不足の内部エラーにならない）、ほかの顧客は書き出す', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'big.yaml'), `${MINIMAL}  business: "${'x'.repeat(53 * 1024 * 1024)}"\n`);
    writeFileSync(join(inputs, 'good.yaml'), 'kitei: 2\norganization: { name: 良好株式会社, type: company, size: small }\n');
    const out = join(dir, 'out');
    const { code, out: log, err } = await kitei('batch', inputs, '--out', out, '--draft', '--jobs', '2');
    expect(code, log + err).toBe(1);
    expect(log).not.toContain('内部エラー');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { clients: { source: string; status: string; error?: string }[] };
    expect(manifest.clients.map((c) => [c.source.split('/').pop(), c.status])).toEqual([
      ['big.yaml', 'failed'],
      ['good.yaml', 'ok'],
    ]);
    expect(manifest.clients[0]!.error).toBe(
      `${join(inputs, 'big.yaml')}: 大きすぎます（${statSync(join(inputs, 'big.yaml')).size.toLocaleString('ja-JP')} バイト）。回答ファイルは 524,288 バイト（512 KB）までです`,
    );
  }, 120_000);
});

describe('読むのは通常のファイルだけ: デバイス・FIFO・ディレクトリは開かずに断る（issue 18: 2）', () => {
  it('回答ファイルが FIFO・デバイス: すぐにエラー（待ち続けない）', () => {
    const dir = tempDir();
    mkfifo(join(dir, 'fifo.yaml'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    for (const [file, what] of [
      [join(dir, 'fifo.yaml'), '名前付きパイプ（FIFO）です'],
      ['/dev/zero', 'デバイスです'],
      [join(dir, 'zero.yaml'), 'デバイスです'],
    ] as const) {
      for (const argv of [['check', file], ['build', file, '--out', join(dir, 'out')]]) {
        const { code, signal, err } = kiteiProcess(argv, 30_000);
        expect(signal, `${argv.join(' ')} が終わらない`).toBeNull();
        expect(code, err).toBe(1);
        expect(err).toBe(`エラー: ${file}: ${what}（回答ファイルを指定してください）\n`);
      }
    }
  });

  it('extends: の先が FIFO・ディレクトリ・/dev/zero へのリンク: extends の行を示すエラー（待ち続けない・メモリを使い切らない）', () => {
    const dir = tempDir();
    mkfifo(join(dir, '_fifo.yaml'));
    mkdirSync(join(dir, '_dir.yaml'));
    symlinkSync('/dev/zero', join(dir, '_zero.yaml'));
    const cases = [
      ['_fifo.yaml', `基にする回答ファイル ${join(dir, '_fifo.yaml')} は名前付きパイプ（FIFO）です（回答ファイルを指定してください）`],
      ['_dir.yaml', `基にする回答ファイル ${join(dir, '_dir.yaml')} はディレクトリです（回答ファイルを指定してください）`],
      // The link stays in the folder, where it leads does not.
      ['_zero.yaml', `基にする回答ファイル ${join(dir, '_zero.yaml')} は、読んでよいフォルダー ${dir} の外にあるので読みません`],
    ];
    for (const [base, message] of cases) {
      const file = join(dir, `client-${base}`);
      writeFileSync(file, `${MINIMAL}extends: ${base}\n`);
      const { code, signal, err } = kiteiProcess(['check', file], 30_000);
      expect(signal, `${base} で止まった`).toBeNull();
      expect(code, err).toBe(1);
      expect(err.startsWith(`エラー: ${file}:6: extends: ${message}`), err).toBe(true);
    }
  });

  it('batch: FIFO を入力に指定しても止まらず、ほかの顧客を書き出して終わる（ディレクトリからは通常のファイルだけを拾う）', () => {
    const dir = tempDir();
    const inputs = join(dir, 'answers');
    mkdirSync(inputs);
    mkfifo(join(inputs, 'fifo.yaml'));
    writeFileSync(join(inputs, 'good.yaml'), 'kitei: 2\norganization: { name: 良好株式会社, type: company, size: small }\n');
    writeFileSync(join(inputs, 'zero.yaml'), `${MINIMAL}extends: _zero.yaml\n`);
    symlinkSync('/dev/zero', join(inputs, '_zero.yaml'));
    const { code, signal, out, err } = kiteiProcess(['batch', inputs, join(inputs, 'fifo.yaml'), '--out', join(dir, 'out'), '--draft', '--jobs', '2'], 60_000);
    expect(signal, 'batch が終わらない').toBeNull();
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toMatch(/結果: 3 件中 1 件成功、2 件失敗/u);
    expect(out).toContain(`${join(inputs, 'fifo.yaml')}: 名前付きパイプ（FIFO）です`);
    expect(out).toContain('の外にあるので読みません');
    const written = filesUnder(join(dir, 'out'));
    // A profile with nothing but its name is a draft, named so.
    expect(written).toContain('良好株式会社/情報セキュリティ関連規程（下書き）.md');
    expect(written.filter((f) => !f.startsWith('良好株式会社/'))).toEqual(['manifest.json']);
  }, 90_000);
});

describe('extends: は回答ファイルのフォルダーとその下だけを読み、ほかのファイルの中身を表示しない（issue 18: 8）', () => {
  /** A consultant's machine: a secret beside the clients' folder, a client that tries to read it. */
  function machine() {
    const dir = tempDir();
    const clients = join(dir, 'clients');
    mkdirSync(clients);
    writeFileSync(join(dir, 'secret.yaml'), 'password: TOPSECRET-4711\n');
    writeFileSync(join(dir, 'notes.txt'), 'TOPSECRET-4711\n');
    writeFileSync(join(clients, 'notes.txt'), 'TOPSECRET-4711: here\n');
    symlinkSync(join(dir, 'secret.yaml'), join(clients, 'link.yaml'));
    return { dir, clients };
  }

  it('../・絶対パス・フォルダーの外へのリンク・.yaml でないファイル: 読まずに断り、中身はメッセージにも manifest.json にも出ない', async () => {
    const { dir, clients } = machine();
    const bases = ['../secret.yaml', join(dir, 'secret.yaml'), 'link.yaml', 'notes.txt', '/etc/shadow', '../notes.txt'];
    bases.forEach((base, i) => writeFileSync(join(clients, `c${i}.yaml`), `kitei: 2\norganization: { name: 顧客${i}株式会社, type: company, size: small }\nextends: ${base}\n`));
    for (let i = 0; i < bases.length; i++) {
      const { code, err } = await kitei('check', join(clients, `c${i}.yaml`));
      expect(code, err).toBe(1);
      expect(err).toMatch(new RegExp(`^エラー: ${escape(join(clients, `c${i}.yaml`))}:3: extends: `, 'u'));
      expect(err).toMatch(/外にあるので読みません|\.yaml か \.yml のファイルにしてください/u);
      expect(err).not.toContain('TOPSECRET');
    }
    const out = join(dir, 'out');
    const batch = await kitei('batch', clients, '--out', out, '--draft');
    expect(batch.code).toBe(1);
    expect(batch.out + batch.err).not.toContain('TOPSECRET');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).not.toContain('TOPSECRET');
    expect(filesUnder(out)).toEqual(['manifest.json']);
  });

  it('--extends-root で読んでよいフォルダーを広げられる（build・check・batch）', async () => {
    const { dir, clients } = machine();
    writeFileSync(join(dir, '_house.yaml'), 'people:\n  - { id: audit, title: 監査役, roles: [auditor] }\n');
    writeFileSync(join(clients, 'client.yaml'), 'extends: ../_house.yaml\nkitei: 2\norganization: { name: 広げ株式会社, type: company, size: small }\n');
    expect((await kitei('check', join(clients, 'client.yaml'))).err).toContain('の外にあるので読みません');
    const check = await kitei('check', join(clients, 'client.yaml'), '--extends-root', dir);
    expect(check.err).toBe('');
    const build = await kitei('build', join(clients, 'client.yaml'), '--extends-root', dir, '--draft', '--out', join(dir, 'out'));
    expect(build.code, build.err).toBe(0);
    expect(readFileSync(join(dir, 'out', '広げ株式会社', '情報セキュリティ関連規程（下書き）.md'), 'utf8')).toContain('監査役');
    const batch = await kitei('batch', join(clients, 'client.yaml'), '--extends-root', dir, '--draft', '--out', join(dir, 'batch'));
    expect(batch.code, batch.out).toBe(0);
    // A link still may not lead out of the wider folder.
    symlinkSync('/etc/passwd', join(clients, '_passwd.yaml'));
    writeFileSync(join(clients, 'c.yaml'), `extends: _passwd.yaml\n${MINIMAL}`);
    expect((await kitei('check', join(clients, 'c.yaml'), '--extends-root', dir)).err).toContain('の外にあるので読みません');
  });

  it('フォルダーの中なら、下のフォルダーの基も絶対パスも読める（作業ディレクトリに関係なく）', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', '_house.yaml'), 'people:\n  - { id: audit, title: 監査役, roles: [auditor] }\n');
    writeFileSync(join(dir, 'a.yaml'), 'extends: shared/_house.yaml\nkitei: 2\norganization: { name: A社, type: company, size: small }\n');
    writeFileSync(join(dir, 'b.yaml'), `extends: ${join(dir, 'shared', '_house.yaml')}\nkitei: 2\norganization: { name: B社, type: company, size: small }\n`);
    for (const name of ['a.yaml', 'b.yaml']) {
      const { code, err } = kiteiProcess(['check', join(dir, name)]);
      expect(err).not.toContain('エラー');
      expect(code).toBe(1); // only unfilled values left
    }
  });
});

describe('Word の XML は、モデルが何を持っていても XML として正しい（issue 18: 3）', () => {
  /** The example's basic policy with characters XML cannot hold in its title, organization and body. */
  function pollutedPolicy(pollution = 'あおば\\uFFFE精機\\uD800株式\\u0001会社\\uFFFF'): Document {
    const answers = answersFromYaml(exampleWith('あおば精機株式会社'), 'x.yaml');
    const policy = generate(answers, defaultTemplates()).documents.find((d) => d.id === 'basic-policy')!;
    // Through JSON, where \u escapes make any character (a lone surrogate too) in any string of the model.
    return JSON.parse(JSON.stringify(policy).replaceAll('あおば精機株式会社', pollution)) as Document;
  }

  // Each kind alone too: a part is checked for each kind separately (lone surrogates by isWellFormed()).
  it.each([
    ['すべて', undefined],
    ['単独のサロゲートだけ', 'あおば\\uD800精機\\uDC00株式会社'],
    ['制御文字だけ', 'あおば\\u0001精機株式会社'],
    ['U+FFFE だけ', 'あおば\\uFFFE精機株式会社'],
  ])('U+FFFE・U+FFFF・単独のサロゲート・制御文字は、本文・ヘッダー・フッター・文書のプロパティのどこにも書かれない（%s）', async (_kind, pollution) => {
    const parts = unzipSync(await renderDocx(pollutedPolicy(pollution)));
    const xmlParts = Object.keys(parts).filter((name) => /\.(xml|rels)$/u.test(name));
    expect(xmlParts.length).toBeGreaterThan(10);
    for (const name of xmlParts) {
      const xml = strFromU8(parts[name]!);
      // eslint-disable-next-line no-control-regex
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ufffd]/u);
    }
    // The rest of the text is kept, in every part that shows the organization.
    for (const name of ['word/document.xml', 'word/footer1.xml', 'docProps/app.xml', 'docProps/core.xml', 'docProps/custom.xml']) {
      expect(strFromU8(parts[name]!), name).toContain('あおば精機株式会社');
    }
  });

  it.skipIf(!hasCommand('soffice'))('LibreOffice がその .docx を開ける', async () => {
    const dir = tempDir();
    const docx = join(dir, 'policy.docx');
    writeFileSync(docx, await renderDocx(pollutedPolicy()));
    expect(pdfText(convertToPdf(docx, join(dir, 'lo')))).toContain('あおば精機株式会社');
  }, 180_000);
});

describe('文字の方針はひとつ、メッセージは文字を U+XXXX で示す（issue 18: 9）', () => {
  it('どの種類の文字も、位置と符号位置を示して断る', () => {
    expect(characterProblem('例示\u001b[31m')).toBe('制御文字 U+001B（3文字目）は使えません');
    expect(characterProblem('\u0085')).toBe('制御文字 U+0085は使えません');
    expect(characterProblem('a\u202eb')).toMatch(/^書字方向を変える文字 U\+202E（2文字目）は使えません/u);
    expect(characterProblem('a\u200fb')).toMatch(/^書字方向を変える文字 U\+200F/u);
    expect(characterProblem('a\u{10fffd}')).toMatch(/^私用領域の文字（外字） U\+10FFFD/u);
    expect(characterProblem('a\u{1fffe}')).toMatch(/^文字として使えない符号（非文字） U\+1FFFE/u);
    expect(characterProblem('a\udc00')).toMatch(/^壊れた文字（対になっていないサロゲート） U\+DC00/u);
    expect(characterProblem('\u200b\u2060')).toBe('見えない文字（U+200B など）と空白だけの値は使えません');
    // Kept: a joiner inside a name, paired surrogates, tab and line feed in text.
    for (const ok of ['ゼロ\u200d幅', '𠮷野家😀', '1行目\n2行目\tタブ', 'Cafe\u0301']) expect(characterProblem(ok), ok).toBeUndefined();
  });

  it('表示するときは、断る文字・見えない文字を <U+XXXX> にし、長い値は切る', () => {
    expect(printable('a\u001b[2Jb\u200bc')).toBe('a<U+001B>[2Jb<U+200B>c');
    expect(printable('x'.repeat(60), { max: 50 })).toBe(`${'x'.repeat(50)}…`);
    expect(printableMessage('行1\n\u009b31m行2\t\u200d')).toBe('行1\n<U+009B>31m行2\t\u200d');
  });

  it('キー・値・ファイル名に端末を操作する文字があっても、メッセージには出ない（check・build・batch）', async () => {
    const dir = tempDir();
    const files = [
      ['key.yaml', `${MINIMAL}"\\e[2Jclear": 1\n`, '<U+001B>[2Jclear: このキーは使えません'],
      ['type.yaml', 'kitei: 2\norganization:\n  name: 例示株式会社\n  type: "\\e]0;title\\a\\x9b31m"\n  size: small\n', '「<U+001B>]0;title<U+0007><U+009B>31m」は組織の種類として使えません'],
      ['number.yaml', `${MINIMAL}rules:\n  physical:\n    screenLockMinutes: "\\e[5m5"\n`, 'いまは文字列「<U+001B>[5m5」'],
      ['bidi\u202e.yaml', MINIMAL.replace('例示株式会社', '"例示\\u202E"'), 'bidi<U+202E>.yaml:3: organization.name: 書字方向を変える文字 U+202E'],
    ];
    for (const [name, source, shown] of files) {
      writeFileSync(join(dir, name!), source!);
      for (const argv of [['check', join(dir, name!)], ['build', join(dir, name!), '--out', join(dir, 'out')]]) {
        const { code, err } = await kitei(...argv);
        expect(code, err).toBe(1);
        expect(err).toContain(shown);
        expect(err).not.toMatch(RAW_CHARACTER);
        expect(err).not.toMatch(STACK_TRACE);
      }
    }
    const { out, err } = await kitei('batch', dir, '--out', join(dir, 'out'), '--draft');
    expect(out + err).toContain('<U+001B>[2Jclear');
    expect(out + err).not.toMatch(RAW_CHARACTER);
    // A file name as typed on the command line.
    const missing = await kitei('check', join(dir, 'no\u001b[31m.yaml'));
    expect(missing.err).toContain('no<U+001B>[31m.yaml: ファイルが見つかりません');
  });

  it('todo: の文字も同じ方針: 下書き（--draft）の Word・Markdown に非文字や制御文字は出ない', async () => {
    const dir = tempDir();
    const source = readFileSync(EXAMPLE, 'utf8').replace(/^ {2}business: .*$/mu, '  business: { todo: "事業\\uFFFE内容" }');
    writeFileSync(join(dir, 'a.yaml'), source);
    const { code, err } = await kitei('build', join(dir, 'a.yaml'), '--draft', '--format', 'md,docx', '--out', join(dir, 'out'));
    expect(code).toBe(1);
    expect(err).toContain('organization.business.todo: 文字として使えない符号（非文字） U+FFFE（3文字目）は使えません');
    expect(filesUnder(join(dir, 'out'))).toEqual([]);
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
