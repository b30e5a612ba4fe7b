import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The zip container of a .docx, written with Node's own zlib. fflate's zipSync (pure JavaScript)
 * spent ~60 ms of every batch client deflating its ten Word files; zlib does it in ~25. The
 * entries are what fflate wrote: deflated (method 8), version 2.0, no extra fields and no data
 * descriptors, dated 1980-01-01 00:00 (the earliest DOS date, so no clock or time zone shows).
 */

export interface ZipEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

/**
 * zlib's fastest level. A Word file's parts are repetitive XML: level 6 spent 2.5× the time for
 * files ~15 % smaller (the example's eleven .docx: 38 → 15 ms of a cold run, 278 → 329 KB in all).
 */
const DEFLATE_LEVEL = 1;
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01
const VERSION = 20;
const UTF8_NAME = 0x0800;

export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { path, data } of entries) {
    const name = Buffer.from(path, 'utf8');
    const flags = name.length === path.length ? 0 : UTF8_NAME;
    const compressed = deflateRawSync(data, { level: DEFLATE_LEVEL });
    const crc = crc32(data);
    // The fields a local header and its central directory entry share, from "version needed" on.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(VERSION, at);
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt16LE(DOS_TIME, at + 6);
      header.writeUInt16LE(DOS_DATE, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4); // made by
    fields(central, 6);
    // Extra field, comment, disk number, internal and external attributes: all zero.
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  return new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength);
}
