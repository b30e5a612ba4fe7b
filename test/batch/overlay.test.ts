import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run.js';
import { ROOT } from '../support/build.js';

/**
 * A consultant's batch with house templates: one overlay named once in the office's shared base
 * (`templates:` in `_office.yaml`, which every client `extends`) reaches every client, in each
 * client's own vocabulary; a client whose overlay is faulty fails alone, with the file and line.
 */

const OFFICE = join(ROOT, 'examples', 'office');
const tempDir = () => mkdtempSync(join(tmpdir(), 'kitei-batch-overlay-'));

describe('kitei batch と独自テンプレート', () => {
  it('事務所の _office.yaml の templates が extends で全顧客に届く（examples/office）', async () => {
    const out = tempDir();
    const summary = await runBatch({ inputs: [OFFICE], out, formats: ['md'], draft: true, jobs: 2 });
    expect(summary.bases).toEqual([]);
    expect(summary.clients.map((c) => [c.file.slice(OFFICE.length + 1), c.status])).toEqual([
      ['minato-kankou-kyokai.yaml', 'ok'],
      ['sakura-kogyo.yaml', 'ok'],
    ]);
    const sakura = readFileSync(join(out, 'さくら工業株式会社', '情報セキュリティ規程（下書き）.md'), 'utf8');
    const minato = readFileSync(join(out, '一般社団法人みなと観光協会', '情報セキュリティ規程（下書き）.md'), 'utf8');
    for (const rulebook of [sakura, minato]) {
      expect(rulebook).toContain('## 8. SNSの業務利用');
      expect(rulebook).toContain('## 10. 情報セキュリティインシデント対応及び事業継続管理');
    }
    expect(sakura).toContain('当社の公式アカウントでSNSを利用する場合は、以下を実施する。従業員が個人のアカウントで利用する場合は、「7.2 SNSの個人利用」による。');
    expect(minato).toContain('当協会の公式アカウントでSNSを利用する場合は、以下を実施する。職員が個人のアカウントで利用する場合は、「7.2 SNSの個人利用」による。');
  }, 120_000);

  it('独自テンプレートに誤りのある顧客だけが失敗し（ファイルと行、内部エラーではない）、ほかの顧客は書き出す', async () => {
    const dir = tempDir();
    cpSync(OFFICE, join(dir, 'office'), { recursive: true });
    // A second office whose overlay refers to a section that does not exist.
    cpSync(join(OFFICE, 'office-templates'), join(dir, 'broken-templates'), { recursive: true });
    const sns = join(dir, 'broken-templates', 'rulebook', '1-organizational', '07_1-sns.md');
    writeFileSync(sns, readFileSync(sns, 'utf8').replace(':ref{to=org-password}', ':ref{to=org-passwords}'));
    writeFileSync(join(dir, 'office', 'broken.yaml'), 'extends: _office.yaml\ntemplates: ../broken-templates\norganization: { name: 誤り商事株式会社, type: company, size: small }\n');
    const out = join(dir, 'out');
    const summary = await runBatch({ inputs: [join(dir, 'office')], out, formats: ['md'], draft: true, jobs: 2 });
    expect(summary.clients.map((c) => [c.file.slice(join(dir, 'office').length + 1), c.status, c.internal ?? false])).toEqual([
      ['broken.yaml', 'failed', false],
      ['minato-kankou-kyokai.yaml', 'ok', false],
      ['sakura-kogyo.yaml', 'ok', false],
    ]);
    // The office's overlay and the broken one both define 07_1-sns.md; the nearest (the client's) is read.
    expect(summary.clients[0]!.error).toBe(
      `${join(dir, 'office', 'broken.yaml')}: 独自テンプレートに誤りがあります:\n  ${sns}:9: 参照先 org-passwords という見出し・章・文書はありません`,
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { clients: { status: string; error?: string }[] };
    expect(manifest.clients[0]!.error).toBe(summary.clients[0]!.error);
  }, 120_000);

  it('--templates（overlays）は全顧客の回答の templates の上に重なる', async () => {
    const dir = tempDir();
    const extra = join(dir, 'extra');
    cpSync(join(OFFICE, 'office-templates', 'rulebook', '1-organizational', '07_1-sns.md'), join(extra, 'rulebook', '1-organizational', '07_1-sns.md'));
    const sns = join(extra, 'rulebook', '1-organizational', '07_1-sns.md');
    writeFileSync(sns, readFileSync(sns, 'utf8').replace('# SNSの業務利用 {#org-sns-official}', '# 公式SNSの運用 {#org-sns-official}'));
    const out = join(dir, 'out');
    const summary = await runBatch({ inputs: [join(OFFICE, 'sakura-kogyo.yaml')], out, formats: ['md'], draft: true, jobs: 1, overlays: [extra] });
    expect(summary.clients[0]!.status).toBe('ok');
    const rulebook = readFileSync(join(out, 'さくら工業株式会社', '情報セキュリティ規程（下書き）.md'), 'utf8');
    expect(rulebook).toContain('## 8. 公式SNSの運用');
    expect(rulebook).toContain('### 7.2 SNSの個人利用\n\n従業員が個人のアカウントでSNSを利用する場合は'); // the office's 7.2 is still there
    expect(rulebook).toContain('当社の公式アカウントの運用は、「8.公式SNSの運用」による。');
  }, 120_000);
});
