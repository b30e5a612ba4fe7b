import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfPageCount } from '../../src/batch/pdf-pages.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('PDF のページ数を PDF のバイト列から読む', () => {
  it('ページツリーが平文のオブジェクト（PDF 1.3）', () => {
    const pdf = '%PDF-1.3\n1 0 obj\n<<\n/Type /Pages\n/Count 61\n/Kids [3 0 R 4 0 R]\n>>\nendobj\n2 0 obj\n<< /Type /Pages /Parent 1 0 R /Count 2 >>\nendobj\n5 0 obj\n<< /Count 99 /First 6 0 R >>\nendobj\n';
    // The root (61) wins over a subtree (2); an outline's /Count (99) is not a page count.
    expect(pdfPageCount(bytes(pdf))).toBe(61);
  });

  it('ページツリーが圧縮されたオブジェクトストリームの中（PDF 1.5）', () => {
    const inner = deflateSync(Buffer.from('1 0 2 40 <<\n/Type /Pages\n/Count 48\n/Kids [3 0 R]\n>> << /Type /Catalog /Pages 1 0 R >>', 'latin1'));
    const pdf = Buffer.concat([bytes(`%PDF-1.5\n7 0 obj\n<< /Type /ObjStm /N 2 /First 8 /Filter /FlateDecode /Length ${inner.length} >>\nstream\n`), inner, bytes('\nendstream\nendobj\n')]);
    expect(pdfPageCount(pdf)).toBe(48);
  });

  it('読めなければ undefined（不明）', () => {
    expect(pdfPageCount(bytes('%PDF-1.5\n<< /Type /ObjStm /Filter /FlateDecode /Length 4 >>\nstream\nxxxx\nendstream\n'))).toBeUndefined();
    expect(pdfPageCount(bytes('not a pdf'))).toBeUndefined();
  });
});
