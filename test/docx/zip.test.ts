import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../src/render/docx/zip.js';

/** The .docx container: read back by two independent unzippers, entry for entry. */

const entries = [
  { path: '[Content_Types].xml', data: strToU8('<?xml version="1.0"?><Types/>') },
  { path: 'word/document.xml', data: strToU8(`<w:document>${'情報セキュリティ関連規程 & <本文> '.repeat(2000)}</w:document>`) },
  { path: 'word/media/empty.bin', data: new Uint8Array(0) },
  { path: 'docProps/日本語.xml', data: new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256)) },
];

describe('docx の zip', () => {
  it('fflate で読み戻すと、名前・順序・中身が同じ', () => {
    const zip = zipEntries(entries);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.path));
    for (const e of entries) expect(Buffer.from(back[e.path]!).equals(Buffer.from(e.data))).toBe(true);
    // Deflated: the repetitive document shrinks.
    expect(zip.byteLength).toBeLessThan(entries[1]!.data.byteLength / 4);
  });

  it('同じ入力からは同じバイト列（時計によらない）', () => {
    expect(Buffer.from(zipEntries(entries)).equals(Buffer.from(zipEntries(entries)))).toBe(true);
  });

  it('Info-ZIP の unzip -t が通る（.ci/run が unzip を入れる）', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kitei-zip-')), 'a.docx');
    writeFileSync(file, zipEntries(entries));
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/No errors detected/u);
  });
});
