import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersReference, referenceRows } from '../src/answers/reference.js';
import { ROOT } from './support/build.js';

/** docs/answers.md is generated from the schema; this keeps the committed copy current. */
describe('回答キーの一覧（docs/answers.md）', () => {
  it('すべてのキーに日本語の説明がある', () => {
    const missing = referenceRows()
      .filter((row) => !row.key.endsWith('[]') && !row.description)
      .map((row) => row.key);
    expect(missing).toEqual([]);
  });

  it('コミットされた docs/answers.md がスキーマから生成したものと一致する', () => {
    const path = join(ROOT, 'docs', 'answers.md');
    const generated = answersReference();
    if (process.env.UPDATE === '1' || !existsSync(path)) writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8'), 'UPDATE=1 npx vitest run test/reference.test.ts で更新してください').toBe(generated);
  });
});
