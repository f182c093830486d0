/**
 * Just enough of the zip format to rewrite a DOCX package: read the entries of a zip without zip64, encryption or
 * multiple disks (what docx's packer writes), and write entries back. Entry data stays compressed: only the
 * entries that change are inflated and deflated again (by the caller).
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

export const STORED = 0;
export const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  /** Uncompressed size. */
  size: number;
  /** Compressed data, possibly in several chunks (written one after the other). */
  data: Uint8Array[];
  dosTime: number;
  dosDate: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(dv: DataView): number {
  const lowest = Math.max(0, dv.byteLength - 22 - 0xffff);
  for (let at = dv.byteLength - 22; at >= lowest; at--) {
    if (dv.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('Not a zip file: no end of central directory');
}

/** The entries of a zip, in central directory order. Their data are views on `bytes`, not copies. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const end = findEndOfCentralDirectory(dv);
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(at, true) !== CENTRAL_HEADER) throw new Error('Corrupted zip: bad central directory');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const dosTime = dv.getUint16(at + 12, true);
    const dosDate = dv.getUint16(at + 14, true);
    const crc32 = dv.getUint32(at + 16, true);
    const compressedSize = dv.getUint32(at + 20, true);
    const size = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const localOffset = dv.getUint32(at + 42, true);
    if (flags & 0x0001) throw new Error('Encrypted zip entries are not supported');
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (dv.getUint32(localOffset, true) !== LOCAL_HEADER) throw new Error(`Corrupted zip: bad local header for ${name}`);
    const dataStart = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    entries.push({
      name,
      method,
      crc32,
      size,
      data: [bytes.subarray(dataStart, dataStart + compressedSize)],
      dosTime,
      dosDate,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const byteLength = (chunks: readonly Uint8Array[]) => chunks.reduce((n, c) => n + c.byteLength, 0);

/** A zip with the entries in the given order: local headers with sizes (no data descriptors), then the directory. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  const sizes = entries.map((e) => byteLength(e.data));
  const localTotal = entries.reduce((n, _e, i) => n + 30 + names[i]!.byteLength + sizes[i]!, 0);
  const centralTotal = entries.reduce((n, _e, i) => n + 46 + names[i]!.byteLength, 0);
  const out = new Uint8Array(localTotal + centralTotal + 22);
  const dv = view(out);
  const offsets: number[] = [];
  const flagsOf = (i: number) => (/[^\x20-\x7e]/.test(entries[i]!.name) ? UTF8_NAMES : 0);

  let at = 0;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    offsets.push(at);
    dv.setUint32(at, LOCAL_HEADER, true);
    dv.setUint16(at + 4, 20, true);
    dv.setUint16(at + 6, flagsOf(i), true);
    dv.setUint16(at + 8, entry.method, true);
    dv.setUint16(at + 10, entry.dosTime, true);
    dv.setUint16(at + 12, entry.dosDate, true);
    dv.setUint32(at + 14, entry.crc32 >>> 0, true);
    dv.setUint32(at + 18, sizes[i]!, true);
    dv.setUint32(at + 22, entry.size, true);
    dv.setUint16(at + 26, name.byteLength, true);
    dv.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    at += 30 + name.byteLength;
    for (const chunk of entry.data) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
  });

  const centralStart = at;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    dv.setUint32(at, CENTRAL_HEADER, true);
    dv.setUint16(at + 4, 20, true);
    dv.setUint16(at + 6, 20, true);
    dv.setUint16(at + 8, flagsOf(i), true);
    dv.setUint16(at + 10, entry.method, true);
    dv.setUint16(at + 12, entry.dosTime, true);
    dv.setUint16(at + 14, entry.dosDate, true);
    dv.setUint32(at + 16, entry.crc32 >>> 0, true);
    dv.setUint32(at + 20, sizes[i]!, true);
    dv.setUint32(at + 24, entry.size, true);
    dv.setUint16(at + 28, name.byteLength, true);
    // extra, comment, disk, internal attributes: 0; external attributes: 0; then the local header's offset.
    dv.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.byteLength;
  });

  dv.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  dv.setUint16(at + 8, entries.length, true);
  dv.setUint16(at + 10, entries.length, true);
  dv.setUint32(at + 12, at - centralStart, true);
  dv.setUint32(at + 16, centralStart, true);
  return out;
}

/** The uncompressed content of an entry. */
export function entryContent(entry: ZipEntry): Uint8Array {
  const data = entry.data.length === 1 ? entry.data[0]! : Buffer.concat(entry.data);
  if (entry.method === STORED) return data;
  if (entry.method === DEFLATED) return zlib.inflateRawSync(data);
  throw new Error(`Unsupported zip compression method ${entry.method} for ${entry.name}`);
}

/** CRC-32 (zip's), continuing from `previous`. Node's native one when present (Node ≥ 20.15), else a table. */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (native) return native(data, previous);
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The product of a 32×32 GF(2) matrix (one column per bit, lowest first) by a vector. */
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n]!);
}

/**
 * The CRC-32 of A followed by B from crc32(A), crc32(B) and B's length (zlib's crc32_combine): crc32(A) is run
 * through len2 zero bytes, by squaring the operator of one zero bit, and XORed with crc32(B). ~1 µs, whatever len2.
 */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32); // operator for an even power of two zero bits
  const odd = new Uint32Array(32); // for an odd power
  odd[0] = 0xedb88320; // one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  gf2Square(even, odd); // two zero bits
  gf2Square(odd, even); // four
  let crc = crc1 >>> 0;
  let length = len2;
  // Each pass squares the operator (first to one zero byte, then 2, 4… bytes) and applies it for each bit of len2.
  for (;;) {
    gf2Square(even, odd);
    if (length % 2) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    gf2Square(odd, even);
    if (length % 2) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
  }
  return (crc ^ crc2) >>> 0;
}

const deflateRaw = promisify(zlib.deflateRaw);

/**
 * The entries, each stored one deflated (in libuv's thread pool, side by side). docx deflates its parts itself, in
 * JavaScript, except in the bundled command line, which has it store them (scripts/bundle-cli.mjs) for zlib to do it
 * here, several times faster.
 */
export function deflateStored(entries: readonly ZipEntry[]): Promise<ZipEntry[]> {
  return Promise.all(
    entries.map(async (entry) =>
      entry.method !== STORED || entry.size === 0 ? entry : { ...entry, method: DEFLATED, data: [await deflateRaw(entryContent(entry))] },
    ),
  );
}

/** A new deflated entry with the given content, keeping the original's name and date. */
export function replaceContent(entry: ZipEntry, content: Uint8Array): ZipEntry {
  return {
    ...entry,
    method: DEFLATED,
    crc32: crc32(content),
    size: content.byteLength,
    data: [zlib.deflateRawSync(content)],
  };
}
