import { describe, expect, it } from 'vitest';
import { ORGANIZATION_TYPES } from '../src/answers/core.js';
import { generateYaml, rulebook } from './support/build.js';
import { documentText } from '../src/model/text.js';

/**
 * A preset sets the vocabulary across the whole text: an association's rulebook never says
 * 当社/従業員/代表取締役/社外秘, whichever options are on.
 */

const COMPANY_WORDS = ['当社', '自社', '従業員', '代表取締役', '取締役', '社外秘', '社内', '社外', '全社', '社有', '社用', '本社', '入社', '退社', '社長', '営業秘密', '株主'];

const text = (type: string, extra = '') =>
  documentText(rulebook(generateYaml(`organization:\n  name: 例示の組織\n  type: ${type}\n${extra}`)));

describe('プリセットの語彙', () => {
  it.each(ORGANIZATION_TYPES)('%s: 名前と種類だけの回答から、完全な下書きができる', (type) => {
    const result = generateYaml(`organization:\n  name: 例示の組織\n  type: ${type}\n`);
    const doc = rulebook(result);
    expect(doc.children.filter((c) => c.type === 'chapter')).toHaveLength(4);
    expect(documentText(doc).length).toBeGreaterThan(20_000);
    // What is left to fill is listed, each with its key.
    for (const gap of result.unfilled) expect(gap.key).toMatch(/^[a-zA-Z]/u);
  });

  it.each(['association', 'cooperative', 'npo', 'medical'])('%s の規程には会社の語彙が現れない', (type) => {
    const output = text(type);
    const found = COMPANY_WORDS.filter((word) => output.includes(word)).map((word) => {
      const at = output.indexOf(word);
      return `${word}: …${output.slice(Math.max(0, at - 20), at + 20)}…`;
    });
    expect(found).toEqual([]);
  });

  it('協会の規程は協会の語彙で書かれる', () => {
    const output = text('association');
    for (const word of ['当協会', '職員', '理事長', '部外秘', '所属長']) expect(output).toContain(word);
  });

  it('語彙を上書きすると全文に反映される', () => {
    const output = text('association', 'terms:\n  self: 当財団\n  staff: 財団職員\n');
    expect(output).toContain('当財団');
    expect(output).toContain('財団職員');
    expect(output).not.toContain('当協会');
  });

  it('機密区分のラベルは回答から（関係者外秘・2/1/0 の番号付け）', () => {
    const output = text(
      'company',
      [
        'confidentiality:',
        '  levels:',
        '    - { label: 極秘, value: 2, criteria: [法律で安全管理が義務付けられている], takeOutApprover: null }',
        '    - { label: 関係者外秘, value: 1, criteria: [漏えいすると事業に大きな影響がある], takeOutApprover: 所属部門長 }',
        '    - { label: 公開, value: 0, criteria: [漏えいしても事業にほとんど影響はない], takeOutApprover: null }',
      ].join('\n'),
    );
    expect(output).not.toContain('社外秘');
    expect(output).toContain('関係者外秘又は極秘');
  });
});
