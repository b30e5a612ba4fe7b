import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetsReference } from '../src/profile/presets-doc.js';
import { ROOT } from './support/build.js';

/** docs/presets.md is generated from the presets; this keeps the committed copy current. */
describe('プリセットの一覧（docs/presets.md）', () => {
  it('コミットされた docs/presets.md がプリセットから生成したものと一致する', () => {
    const path = join(ROOT, 'docs', 'presets.md');
    const generated = presetsReference();
    if (process.env.UPDATE === '1' || !existsSync(path)) writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8'), 'UPDATE=1 npx vitest run test/presets-doc.test.ts で更新してください').toBe(generated);
  });

  it('すべての種類・規模に語彙と提案がある', () => {
    const doc = presetsReference();
    for (const type of ['company', 'llc', 'association', 'cooperative', 'npo', 'medical', 'welfare', 'professional']) expect(doc).toContain(`（\`${type}\`）`);
  });
});
