import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ROOT } from '../support/build.js';
import { join } from 'node:path';

/**
 * The bad-input table (issue 8): every kind of thing people paste into an answers file. A case
 * either fails with a Japanese message that names the file, the line and the key, or builds and
 * shows the value exactly as typed. The same table is run through build, check and batch.
 */

/** A case that must be refused: `line` and `key` are what the message must name (`key: ''` for the whole file). */
export interface ErrorCase {
  readonly id: string;
  readonly title: string;
  readonly source: string | Uint8Array;
  readonly line: number | undefined;
  readonly key: string;
  readonly message: RegExp;
}

/** A case that must build: `value` is the organization's name and business, as typed. */
export interface LiteralCase {
  readonly id: string;
  readonly title: string;
  readonly value: string;
  /** The PDF fonts cannot draw it: the PDF must fail with MissingGlyphError listing these characters. */
  readonly missingGlyphs?: readonly string[];
}

/** A profile with only what every file must have (5 lines). */
const MINIMAL = 'kitei: 2\norganization:\n  name: 例示株式会社\n  type: company\n  size: small\n';
/** The same with `name:` replaced: the name is on line 3. */
const named = (name: string) => MINIMAL.replace('  name: 例示株式会社\n', `  name: ${name}\n`);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** 「例示株式会社」 in Shift_JIS, as Excel or Notepad on an old Windows saves it. */
const SHIFT_JIS_NAME = [0x97, 0xe1, 0x8e, 0xa6, 0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0];

export const ERROR_CASES: readonly ErrorCase[] = [
  // Malformed YAML
  { id: 'tab-indent', title: 'タブ文字の字下げ', source: 'kitei: 2\norganization:\n\tname: 例示株式会社\n\ttype: company\n', line: 3, key: '', message: /タブ文字/u },
  { id: 'duplicate-key', title: '重複キー', source: `${MINIMAL}  name: 別の名前\n`, line: 6, key: 'organization.name', message: /同じキーが2回書かれています（最初は3行目）/u },
  { id: 'duplicate-top-key', title: '重複キー（最上位）', source: `${MINIMAL}organization:\n  name: B\n`, line: 6, key: 'organization', message: /同じキーが2回書かれています（最初は2行目）/u },
  { id: 'duplicate-flow-key', title: '重複キー（{ } の中）', source: 'kitei: 2\norganization: { name: A社, type: company, size: small, name: B社 }\n', line: 2, key: 'organization.name', message: /同じキーが2回書かれています/u },
  { id: 'unclosed-quote', title: '閉じない引用符', source: 'kitei: 2\norganization:\n  name: "例示株式会社\n  type: company\n  size: small\n', line: 6, key: '', message: /引用符/u },
  { id: 'bad-indent', title: '字下げの崩れ', source: 'kitei: 2\norganization:\n  name: 例示株式会社\n type: company\n', line: 4, key: '', message: /YAML/u },
  {
    id: 'shift-jis',
    title: 'Shift_JIS のバイト列',
    source: Uint8Array.from([...utf8('kitei: 2\norganization:\n  name: '), ...SHIFT_JIS_NAME, ...utf8('\n  type: company\n  size: small\n')]),
    line: undefined,
    key: '',
    message: /UTF-8 ではありません/u,
  },
  { id: 'bom-shift-jis', title: 'BOM の後に Shift_JIS', source: Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('organization:\n  name: '), ...SHIFT_JIS_NAME, 0x0a]), line: undefined, key: '', message: /UTF-8 ではありません/u },
  { id: 'empty-file', title: '空のファイル', source: '', line: 1, key: '', message: /「キー: 値」の形/u },
  { id: 'scalar-file', title: '文字列だけのファイル', source: 'あおば精機株式会社\n', line: 1, key: '', message: /「キー: 値」の形/u },
  { id: 'list-file', title: 'リストだけのファイル', source: '- organization\n', line: 1, key: '', message: /「キー: 値」の形/u },
  { id: 'two-documents', title: '--- で区切った 2 つの文書', source: `${MINIMAL}---\n${MINIMAL}`, line: 6, key: '', message: /YAML/u },
  {
    id: 'alias-bomb',
    title: 'エイリアスの爆発（billion laughs）',
    source: `${MINIMAL}a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    line: undefined,
    key: '',
    message: /エイリアス.*の参照が多すぎて読み込めません/u,
  },
  // Wrong types
  { id: 'name-list', title: '名前がリスト', source: named('[A社, B社]'), line: 3, key: 'organization.name', message: /文字列を記入してください（いまはリスト）/u },
  { id: 'name-number', title: '名前が数値', source: named('12345'), line: 3, key: 'organization.name', message: /文字列を記入してください（いまは数値「12345」）/u },
  { id: 'name-null', title: '名前が空欄（null）', source: MINIMAL.replace('  name: 例示株式会社\n', '  name:\n'), line: 3, key: 'organization.name', message: /文字列を記入してください（いまは空）/u },
  { id: 'organization-string', title: 'organization が文字列', source: 'kitei: 2\norganization: 例示株式会社\n', line: 2, key: 'organization.type', message: /組織の種類がありません/u },
  { id: 'type-unknown', title: '組織の種類が誤り', source: MINIMAL.replace('type: company', 'type: corporation'), line: 4, key: 'organization.type', message: /組織の種類として使えません/u },
  { id: 'date-invalid', title: '存在しない日付', source: `${MINIMAL}document:\n  effectiveDate: 2026-02-30\n`, line: 7, key: 'document.effectiveDate', message: /存在しない日付/u },
  { id: 'date-format', title: '日付の書式', source: `${MINIMAL}document:\n  effectiveDate: 令和8年4月1日\n`, line: 7, key: 'document.effectiveDate', message: /YYYY-MM-DD/u },
  { id: 'revisions-object', title: 'リストの代わりに「キー: 値」', source: `${MINIMAL}document:\n  revisions: { version: "1.0" }\n`, line: 7, key: 'document.revisions', message: /リスト/u },
  // Unknown keys (did-you-mean)
  { id: 'typo-nested', title: 'キーの綴り誤り', source: `${MINIMAL}  bussiness: 製造業\n`, line: 6, key: 'organization.bussiness', message: /このキーは使えません。もしかして「business」ですか？/u },
  { id: 'typo-top', title: '最上位のキーの綴り誤り', source: `${MINIMAL}documnet:\n  version: "1.0"\n`, line: 6, key: 'documnet', message: /もしかして「document」ですか？/u },
  { id: 'unknown-key', title: '知らないキー', source: `${MINIMAL}favoriteColor: 青\n`, line: 6, key: 'favoriteColor', message: /favoriteColor: このキーは使えません$/mu },
  { id: 'proto-key', title: '__proto__ キー', source: `${MINIMAL}__proto__:\n  polluted: true\n`, line: 6, key: '__proto__', message: /このキーは使えません/u },
  // Missing and empty values
  { id: 'missing-name', title: '名前がない', source: 'kitei: 2\norganization:\n  type: company\n  size: small\n', line: 2, key: 'organization.name', message: /値がありません/u },
  { id: 'missing-type', title: '種類がない', source: 'kitei: 2\norganization:\n  name: 例示株式会社\n  size: small\n', line: 2, key: 'organization.type', message: /組織の種類がありません/u },
  { id: 'empty-name', title: '名前が空文字列', source: named('""'), line: 3, key: 'organization.name', message: /空にはできません/u },
  { id: 'blank-name', title: '名前が空白だけ（全角の空白を含む）', source: named('" \u3000 "'), line: 3, key: 'organization.name', message: /空白だけの値は使えません/u },
  { id: 'empty-todo', title: 'todo が空', source: `${MINIMAL}  business: { todo: "" }\n`, line: 6, key: 'organization.business.todo', message: /空にはできません/u },
  // Length
  { id: 'long-name', title: '10,000 文字の名前', source: named('長'.repeat(10_000)), line: 3, key: 'organization.name', message: /200文字以内/u },
  { id: 'long-text', title: '10,000 文字の事業内容', source: `${MINIMAL}  business: ${'業'.repeat(10_000)}\n`, line: 6, key: 'organization.business', message: /2000文字以内/u },
  // Characters that would corrupt the output or change its meaning
  { id: 'control-nul', title: 'NUL 文字', source: named('"例示\\0株式会社"'), line: 3, key: 'organization.name', message: /制御文字/u },
  { id: 'control-escape', title: 'ESC（端末の色指定）', source: named('"例示\\e[31m株式会社"'), line: 3, key: 'organization.name', message: /制御文字/u },
  { id: 'control-bell', title: 'BEL（生の制御文字）', source: named('例示\u0007株式会社'), line: 3, key: 'organization.name', message: /制御文字/u },
  { id: 'newline-in-line', title: '1 行の値に改行', source: named('"例示\\n株式会社"'), line: 3, key: 'organization.name', message: /改行は使えません/u },
  { id: 'rtl-override', title: '右から左への上書き（U+202E）', source: named('"例示\\u202Eftp.exe"'), line: 3, key: 'organization.name', message: /書字方向/u },
  { id: 'rtl-isolate', title: '書字方向の分離（U+2067）', source: `${MINIMAL}  business: "製造\\u2067業"\n`, line: 6, key: 'organization.business', message: /書字方向/u },
  { id: 'private-use', title: '私用領域の文字（外字）', source: named('"例示\\uE000株式会社"'), line: 3, key: 'organization.name', message: /私用領域/u },
  // The organization profile (kitei: 2): the format's version, the size, ids and the parts that may be none
  {
    id: 'old-format',
    title: '以前の形式（章ごとの回答）のファイル',
    source: 'organization:\n  name: 例示株式会社\n  type: company\noptions:\n  telework: false\n',
    line: 1,
    key: 'kitei',
    message: /以前の形式です（options の章ごとの回答）.*docs\/migration\.md/u,
  },
  { id: 'version-missing', title: '形式の版がない', source: 'organization:\n  name: 例示株式会社\n  type: company\n  size: small\n', line: 1, key: 'kitei', message: /kitei: 2 を書いてください/u },
  { id: 'size-missing', title: '規模がない', source: 'kitei: 2\norganization:\n  name: 例示株式会社\n  type: company\n', line: 2, key: 'organization.size', message: /small, medium/u },
  { id: 'duplicate-id', title: '同じ id の人が 2 人', source: `${MINIMAL}people:\n  - { id: admin, title: 総務課長 }\n  - { id: admin, title: 総務係長 }\n`, line: 8, key: 'people.1.id', message: /id「admin」は people の 1 番目でも使われています/u },
  { id: 'dangling-id', title: 'どこにもない人の id', source: `${MINIMAL}departments:\n  - { id: sales, name: 営業部, head: nobody }\n`, line: 7, key: 'departments.0.head', message: /「nobody」という人（people の id）がいません/u },
  { id: 'telework-typo', title: 'テレワークの中のキーの綴り誤り', source: `${MINIMAL}telework:\n  configurations: [cloud]\n  networks: [wiredHub]\n  devices: [{ device: PC, lent: none, private: prohibited }]\n  netwroks: [mobileRouter]\n`, line: 10, key: 'telework.netwroks', message: /もしかして「networks」ですか？/u },
  { id: 'telework-yes', title: 'テレワークに「はい」', source: `${MINIMAL}telework: はい\n`, line: 6, key: 'telework', message: /「キー: 値」の組、または none を記入してください（いまは文字列「はい」）/u },
  { id: 'placeholder', title: 'サンプルの仮の値（○○）', source: named('○○株式会社'), line: 3, key: 'organization.name', message: /仮の値/u },
  // One character policy for every typed string, `todo:` text included (issue 18, items 3 and 9)
  { id: 'noncharacter-fffe', title: '非文字 U+FFFE', source: named('"\\uFFFE例示株式会社"'), line: 3, key: 'organization.name', message: /非文字） U\+FFFE（1文字目）は使えません/u },
  { id: 'noncharacter-ffff', title: '非文字 U+FFFF（文章）', source: `${MINIMAL}  business: "製造\\uFFFF業"\n`, line: 6, key: 'organization.business', message: /U\+FFFF（3文字目）/u },
  { id: 'noncharacter-fdd0', title: '非文字 U+FDD0', source: named('"例示\\uFDD0"'), line: 3, key: 'organization.name', message: /U\+FDD0/u },
  { id: 'lone-surrogate', title: '対になっていないサロゲート', source: named('"例示\\uD800株式会社"'), line: 3, key: 'organization.name', message: /サロゲート） U\+D800/u },
  { id: 'c1-csi', title: 'C1 制御文字（CSI U+009B）', source: named('"例示\\x9B31m株式会社"'), line: 3, key: 'organization.name', message: /制御文字 U\+009B（3文字目）/u },
  { id: 'c1-nel', title: 'C1 制御文字（NEL U+0085）', source: `${MINIMAL}  business: "製造\\x85業"\n`, line: 6, key: 'organization.business', message: /制御文字 U\+0085/u },
  { id: 'line-separator', title: '1 行の値に U+2028', source: named('"例示\\u2028株式会社"'), line: 3, key: 'organization.name', message: /行区切り文字 U\+2028/u },
  { id: 'paragraph-separator', title: '文章に U+2029', source: `${MINIMAL}  business: "製造\\u2029業"\n`, line: 6, key: 'organization.business', message: /行区切り文字 U\+2029/u },
  { id: 'zero-width-only', title: 'U+200B だけの名前', source: named('"\\u200B"'), line: 3, key: 'organization.name', message: /見えない文字（U\+200B など）と空白だけの値は使えません/u },
  { id: 'invisible-and-spaces', title: '空白と見えない文字だけ', source: named('" \\u200D\\u3000\\u2060 "'), line: 3, key: 'organization.name', message: /見えない文字/u },
  { id: 'todo-escape', title: 'todo の ESC', source: `${MINIMAL}  business: { todo: "\\e[31m事業内容" }\n`, line: 6, key: 'organization.business.todo', message: /制御文字 U\+001B（1文字目）/u },
  { id: 'todo-noncharacter', title: 'todo の U+FFFE', source: `${MINIMAL}  business: { todo: "事業\\uFFFE内容" }\n`, line: 6, key: 'organization.business.todo', message: /U\+FFFE/u },
  { id: 'todo-rtl', title: 'todo の書字方向の上書き', source: `${MINIMAL}  business: { todo: "\\u202E内容" }\n`, line: 6, key: 'organization.business.todo', message: /書字方向を変える文字 U\+202E/u },
  { id: 'todo-blank', title: 'todo が空白だけ', source: `${MINIMAL}  business: { todo: "\\u3000" }\n`, line: 6, key: 'organization.business.todo', message: /空白だけの値は使えません/u },
  // Bounds on the input (issue 18, items 1, 10 and 12)
  {
    id: 'too-large',
    title: '512 KB を超えるファイル',
    source: `${MINIMAL}# ${'あ'.repeat(180_000)}\n`,
    line: undefined,
    key: '',
    message: /大きすぎます（540,0\d\d バイト）。回答ファイルは 524,288 バイト（512 KB）までです$/mu,
  },
  {
    id: 'too-many-keys',
    title: '10,001 個のキー',
    source: `${MINIMAL}${Array.from({ length: 10_000 }, (_, i) => `k${i}: ${i}\n`).join('')}`,
    line: 10_004,
    key: '',
    message: /キーとリストの項目が多すぎます。1 つの回答ファイルに書けるのは合わせて10,000個までです/u,
  },
  { id: 'deep-nesting', title: '33 段の入れ子', source: `${MINIMAL}x: ${'['.repeat(33)}1${']'.repeat(33)}\n`, line: 6, key: '', message: /入れ子が深すぎます。「キー: 値」やリストの入れ子は32段までです/u },
  // yaml itself stops somewhere below this depth (where depends on the thread's stack): Japanese either way.
  { id: 'deeper-than-yaml', title: '20,000 段の入れ子（YAML の読み取りが止まる深さ）', source: `${MINIMAL}x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, line: 6, key: '', message: /入れ子が深すぎ(て読み込めません|ます)。「キー: 値」やリストの入れ子は32段までです/u },
  {
    id: 'list-too-long',
    title: '改訂履歴が 101 件（上限の単位）',
    source: `${MINIMAL}document:\n  revisions:\n${Array.from({ length: 101 }, (_, i) => `    - { version: "${i + 1}.0", date: 2026-04-01, description: 改訂 }\n`).join('')}`,
    line: 7,
    key: 'document.revisions',
    message: /: 100件以内にしてください$/mu,
  },
  { id: 'extends-url', title: 'extends: https://…', source: `extends: https://example.com/_共通.yaml\n${MINIMAL}`, line: 1, key: 'extends', message: /URL は使えません/u },
  { id: 'extends-device', title: 'extends: /dev/zero', source: `extends: /dev/zero\n${MINIMAL}`, line: 1, key: 'extends', message: /\.yaml か \.yml のファイルにしてください（\/dev\/zero は読みません）/u },
  { id: 'extends-not-answers', title: 'extends: /etc/passwd', source: `extends: /etc/passwd\n${MINIMAL}`, line: 1, key: 'extends', message: /\.yaml か \.yml のファイルにしてください/u },
  { id: 'extends-outside', title: 'extends: でフォルダーの外', source: `extends: ../_共通.yaml\n${MINIMAL}`, line: 1, key: 'extends', message: /の外にあるので読みません/u },
];

/** Metacharacters of every language the value passes through on its way to a page. */
export const LITERAL_CASES: readonly LiteralCase[] = [
  { id: 'plain', title: '普通の名前（基準）', value: 'あおば精機株式会社' },
  { id: 'emoji', title: '絵文字（サロゲートペア）', value: '笑顔😀商事株式会社', missingGlyphs: ['😀'] },
  { id: 'surrogate-kanji', title: '𠮷（サロゲートペアの漢字）', value: '𠮷野家精機株式会社' },
  { id: 'lookalikes', title: '髙・﨑（異体字）', value: '髙﨑精機株式会社' },
  { id: 'combining', title: '結合文字（e + U+0301、か + U+3099）', value: 'Cafe\u0301か\u3099株式会社' },
  { id: 'zero-width', title: 'ゼロ幅接合子', value: 'ゼロ\u200d幅株式会社' },
  { id: 'markdown', title: 'Markdown の記号', value: '# *強調* _下線_ [リンク](http://x) `code` > 引用 | 表 | \\ ~~取消~~ <b>太字</b> 1. ' },
  { id: 'markdown-list', title: '行頭の - と +', value: '- 株式会社 + 有限会社' },
  { id: 'handlebars', title: 'Handlebars の記号', value: '{{organization.name}} {{{x}}} {{#if a}}b{{/if}} {{> p}}' },
  { id: 'xml', title: 'XML の記号', value: '<w:p>&amp;"\'</w:p>]]><![CDATA[' },
  { id: 'pdf-string', title: 'PDF 文字列の記号', value: '(株) \\) \\( ( ) % /Name << >> endobj' },
  { id: 'html-entities', title: '文字参照', value: '&lt;script&gt; &#x3C; &copy;' },
  { id: 'path-traversal', title: '../ を含む名前', value: '../../etc/passwd' },
  { id: 'path-separators', title: 'パス区切り文字', value: 'A/B\\C:D*E?F"G<H>I|J' },
  { id: 'reserved-con', title: '予約名 CON', value: 'CON' },
  { id: 'reserved-nul', title: '予約名 NUL.txt', value: 'NUL.txt' },
  { id: 'dots', title: 'ドットだけの名前', value: '..' },
  { id: 'trailing-dot', title: '末尾のドットと空白', value: '株式会社. . ' },
  { id: 'fullwidth', title: '全角英数と半角カナ', value: 'ＡＢＣｶﾌﾞｼｷｶﾞｲｼｬ' },
  { id: 'max-line', title: '200 文字（上限ちょうど）', value: '長'.repeat(200) },
];

/** The complete example, which builds without --draft: literal cases change only its name and business. */
export const EXAMPLE = join(ROOT, 'answers', 'aoba-seiki.yaml');

/** The example with `value` as the organization's name and business (double-quoted YAML, so any character survives). */
export function exampleWith(value: string, business = value): string {
  const doc = parseDocument(readFileSync(EXAMPLE, 'utf8'));
  doc.setIn(['organization', 'name'], value);
  doc.setIn(['organization', 'business'], business);
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 });
}
