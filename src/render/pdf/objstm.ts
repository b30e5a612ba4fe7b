import { deflateSync } from 'node:zlib';

/**
 * Rewrites pdfkit's output (PDF 1.3: every dictionary a plain-text object, a plain xref table) as
 * PDF 1.5 with compressed object streams and a cross-reference stream. Bookmarks, link annotations,
 * page and font dictionaries are a fifth of a rulebook's bytes uncompressed and a tenth of that
 * compressed; streams (fonts, page content) are copied unchanged. Nothing is renumbered, so the
 * result is as deterministic as the input.
 */

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** Objects per object stream: small enough that a reader decompresses little to reach one. */
const PER_STREAM = 100;

export function compactObjects(input: Uint8Array): Uint8Array {
  const tail = latin1(input, Math.max(0, input.length - 1024));
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/u.exec(tail)?.[1]);
  const xrefText = latin1(input, startxref);
  const head = /^xref\n0 (\d+)\n/u.exec(xrefText);
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/u.exec(xrefText)?.[1];
  if (!head || trailer === undefined) throw new Error('PDF の相互参照表を読めません');
  const size = Number(head[1]);
  const offsets: number[] = [];
  for (let id = 1; id < size; id++) {
    const entry = xrefText.slice(head[0].length + id * 20, head[0].length + id * 20 + 20);
    if (!/^\d{10} 00000 n/u.test(entry)) throw new Error(`PDF の相互参照表の項目 ${id} を読めません`);
    offsets[id] = Number(entry.slice(0, 10));
  }
  // An object runs from its offset to the next object's (or the xref table).
  const order = offsets.map((offset, id) => ({ id, offset })).filter((o) => o.offset !== undefined).sort((a, b) => a.offset - b.offset);
  const plain = new Map<number, string>();
  const streams = new Map<number, Uint8Array>();
  order.forEach(({ id, offset }, k) => {
    const end = k + 1 < order.length ? order[k + 1]!.offset : startxref;
    const span = input.subarray(offset, end);
    const text = latin1(span, 0, Math.min(span.length, 64));
    const header = `${id} 0 obj\n`;
    if (!text.startsWith(header)) throw new Error(`PDF のオブジェクト ${id} を読めません`);
    if (latin1(span, Math.max(0, span.length - 24)).endsWith('\nendstream\nendobj\n')) streams.set(id, span);
    else plain.set(id, latin1(span, header.length, span.length - '\nendobj\n'.length));
  });

  const chunks: Uint8Array[] = [];
  let length = 0;
  const write = (data: Uint8Array | string) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    chunks.push(bytes);
    length += bytes.length;
  };
  // Type 1 entries: [offset]; type 2: [object stream, index].
  const xref = new Map<number, [1, number] | [2, number, number]>();
  write('%PDF-1.5\n%\xff\xff\xff\xff\n');
  for (const [id, span] of [...streams].sort((a, b) => a[0] - b[0])) {
    xref.set(id, [1, length]);
    write(span);
  }
  let next = size;
  const ids = [...plain.keys()].sort((a, b) => a - b);
  for (let from = 0; from < ids.length; from += PER_STREAM) {
    const group = ids.slice(from, from + PER_STREAM);
    const stm = next++;
    const bodies: string[] = [];
    const index: string[] = [];
    let at = 0;
    group.forEach((id, i) => {
      const body = `${plain.get(id)!}\n`;
      index.push(`${id} ${at}`);
      bodies.push(body);
      at += Buffer.byteLength(body, 'latin1');
      xref.set(id, [2, stm, i]);
    });
    const indexText = `${index.join(' ')}\n`;
    const data = deflateSync(Buffer.from(indexText + bodies.join(''), 'latin1'));
    xref.set(stm, [1, length]);
    write(`${stm} 0 obj\n<<\n/Type /ObjStm\n/N ${group.length}\n/First ${Buffer.byteLength(indexText, 'latin1')}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`);
    write(data);
    write('\nendstream\nendobj\n');
  }
  const xrefId = next++;
  xref.set(xrefId, [1, length]);
  const rows = Buffer.alloc(next * 7);
  for (let id = 0; id < next; id++) {
    const entry = xref.get(id);
    const row = id * 7;
    if (!entry) {
      // Object 0 heads the free list.
      rows.writeUInt8(0, row);
      rows.writeUInt32BE(0, row + 1);
      rows.writeUInt16BE(id === 0 ? 65535 : 0, row + 5);
    } else {
      rows.writeUInt8(entry[0], row);
      rows.writeUInt32BE(entry[1], row + 1);
      rows.writeUInt16BE(entry[0] === 2 ? entry[2] : 0, row + 5);
    }
  }
  const data = deflateSync(rows);
  const keep = ['Root', 'Info', 'ID']
    .map((key) => new RegExp(`/${key}\\s+(\\[[^\\]]*\\]|\\d+ 0 R)`, 'u').exec(trailer))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[0]);
  write(`${xrefId} 0 obj\n<<\n/Type /XRef\n/Size ${next}\n/W [1 4 2]\n${keep.join('\n')}\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`);
  write(data);
  write(`\nendstream\nendobj\nstartxref\n${xref.get(xrefId)![1]}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
