import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/types.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { para } from '../support/builders.js';

/** The Markdown writer's inline output. */
const documentWith = (children: Document['children']): Document => ({
  type: 'document',
  id: 'x',
  meta: { organization: '例', version: '1.0', effectiveDate: '2026-04-01', approver: '代表取締役', revisions: [], fonts: { body: '游明朝', heading: '游ゴシック' }, title: '題', classification: '社外秘', front: 'title', orientation: 'portrait' } as unknown as Document['meta'],
  children,
});

describe('Markdown の要記入', () => {
  it('並んだ2つの要記入は1つの太字になり、「****」を出さない', () => {
    const md = renderMarkdown(
      documentWith([
        para({ type: 'gap', key: 'a', question: '一つ目' }, { type: 'gap', key: 'b', question: '二つ目' }, 'の後'),
      ]),
    );
    expect(md).toContain('**【要記入：一つ目】【要記入：二つ目】**の後');
    expect(md).not.toContain('****');
  });

  it('文字として書いた「**」はエスケープされ、太字と結ばれない', () => {
    const md = renderMarkdown(documentWith([para('注**', { type: 'gap', key: 'a', question: '値' })]));
    expect(md).toContain('注\\*\\***【要記入：値】**');
  });
});
