import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { run } from '../../src/cli/main.js';

async function kitei(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('知らないコマンド・オプション', () => {
  it('知らないコマンドは、オプションより先に日本語のエラーで断る（終了コード 1）', async () => {
    // Once (before kitei revise existed): the version was printed and the exit code was 0.
    const typo = await kitei('revize', 'x.yaml', '--version', '1.1');
    expect(typo).toEqual({
      code: 1,
      out: '',
      err: 'エラー: revize というコマンドはありません。もしかして revise ですか？（使えるコマンド: build, revise, diff, batch, check, templates, init）\n（kitei --help で使い方を表示します）\n',
    });
    expect((await kitei('nonsense', '--version')).err).toMatch(/^エラー: nonsense というコマンドはありません（使えるコマンド: /u);
    expect((await kitei('biuld', 'x.yaml')).err).toContain('エラー: biuld というコマンドはありません。もしかして build ですか？');
    expect((await kitei('chek', 'x.yaml')).err).toContain('もしかして check ですか？');
    const file = await kitei('answers/x.yaml');
    expect(file.code).toBe(1);
    expect(file.err).toContain('回答ファイルから作るときは kitei build answers/x.yaml');
  });

  it('知らないオプションは、近いものを示して断る（終了コード 1）', async () => {
    const typo = await kitei('build', 'x.yaml', '--formt', 'pdf');
    expect(typo.code).toBe(1);
    expect(typo.err).toBe('エラー: kitei build に --formt というオプションはありません。もしかして --format ですか？\n（kitei build --help で使い方を表示します）\n');
    expect((await kitei('init', '--resum', 'x.yaml')).err).toContain('もしかして --resume ですか？');
    expect((await kitei('--versoin')).err).toContain('エラー: --versoin というオプションはありません。もしかして --version ですか？');
    // kitei's own option after a command belongs before it.
    const version = await kitei('build', 'x.yaml', '--version');
    expect(version.code).toBe(1);
    expect(version.err).toContain('kitei --version のように、コマンドの前に書きます');
    expect((await kitei('--version')).code).toBe(0);
    expect((await kitei('help', 'build')).code).toBe(0);
  });

  it('--help の説明の列は、全角の文字があっても揃う', async () => {
    for (const argv of [['--help'], ['build', '--help'], ['batch', '--help'], ['init', '--help']]) {
      const { code, out } = await kitei(...argv);
      expect(code).toBe(0);
      // Each item's description starts at the same column as the others of its list.
      for (const block of out.split(/\n(?=[^\s])/u).filter((b) => /^(オプション|コマンド|引数):/u.test(b))) {
        const items = block.split('\n').slice(1).filter((line) => /^ {2}\S/u.test(line));
        const columns = items.map((line) => {
          const term = /^ {2}\S.*?\S {2,}/u.exec(line)![0];
          return stringWidth(term);
        });
        expect(new Set(columns).size, `${argv.join(' ')}\n${block}`).toBe(1);
      }
    }
  });
});
