/**
 * Writing a `.recours` zip to a file, a few MiB in memory whatever its size: stored files (photos, videos) are
 * copied a chunk at a time to their place in the file, their header written behind them once their CRC is known;
 * text files are deflated first (they shrink: held deflated), and the closing entry, the manifest, is sized with
 * placeholder fingerprints of the same length, so that every offset is known before a byte is copied.
 * Plain zip (APPNOTE 4.3): no data descriptors, no zip64, UTF-8 names.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { displayFileName } from '../../common/format/display-name.js';
import { StoreError } from './errors.js';

/** A file to put in the archive: `name` inside it, read from `path`, deflated when it is text. */
export interface ArchiveInput {
  name: string;
  path: string;
  deflate: boolean;
}

/** What the archive holds of a file: its name, size and SHA-256 (the manifest's entries). */
export interface WrittenFile {
  name: string;
  size: number;
  sha256: string;
}

interface Planned {
  name: Uint8Array;
  method: 0 | 8;
  size: number;
  crc: number;
  /** Deflated data, or null for a file read in place. */
  data: Uint8Array[] | null;
  dataSize: number;
  sha256: string;
  path: string | null;
  label: string;
}

const READ = 4 * 1024 * 1024;
const PLACEHOLDER = '0'.repeat(64);

// StoreErrors: the user's to act on, their message shown as is (not as an internal error), from a worker too.
const changed = (name: string) => new StoreError('refused', `« ${displayFileName(name)} » a changé pendant l’export : recommencez l’export.`);

/** MS-DOS time and date (APPNOTE 4.4.6), local time as zip tools show it. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

async function deflated(input: ArchiveInput): Promise<Planned> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  let dataSize = 0;
  await pipeline(
    createReadStream(input.path, { highWaterMark: READ }),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    },
    createDeflateRaw({ level: 6 }),
    async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        chunks.push(chunk);
        dataSize += chunk.length;
      }
    },
  );
  return { name: Buffer.from(input.name), method: 8, size, crc, data: chunks, dataSize, sha256: hash.digest('hex'), path: null, label: input.name };
}

async function stored(input: ArchiveInput): Promise<Planned> {
  const { size } = await stat(input.path);
  return { name: Buffer.from(input.name), method: 0, size, crc: 0, data: null, dataSize: size, sha256: '', path: input.path, label: input.name };
}

function closingEntry(name: string, bytes: Uint8Array): Planned {
  return { name: Buffer.from(name), method: 0, size: bytes.length, crc: crc32(bytes), data: [bytes], dataSize: bytes.length, sha256: '', path: null, label: name };
}

/** Copies the file of `size` bytes to `out` at `at`, through `buffer`; its CRC-32 and SHA-256. Throws if it is no longer that size. */
async function copyInPlace(path: string, label: string, out: FileHandle, at: number, size: number, buffer: Buffer): Promise<{ crc: number; sha256: string }> {
  const handle = await open(path, 'r');
  const hash = createHash('sha256');
  let crc = 0;
  try {
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - done), done);
      if (bytesRead === 0) throw changed(label);
      const chunk = buffer.subarray(0, bytesRead);
      hash.update(chunk);
      crc = crc32(chunk, crc);
      await writeAll(out, chunk, at + done);
      done += bytesRead;
    }
    if ((await handle.read(buffer, 0, 1, size)).bytesRead !== 0) throw changed(label);
  } finally {
    await handle.close();
  }
  return { crc, sha256: hash.digest('hex') };
}

async function writeAll(out: FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) done += (await out.write(bytes, done, bytes.length - done, at + done)).bytesWritten;
}

/**
 * Writes to the new file `file` (it must not exist) the zip of `inputs`, in that order, then of the closing entry
 * `closing` returns from what the archive holds (the manifest); returns the archive's size. `closing` is called
 * twice: first with placeholder fingerprints, to size the archive, then with the real ones; both answers must
 * have the same length. On failure the file is removed. It is flushed to the disk before this resolves.
 */
export async function writeArchive(inputs: ArchiveInput[], mtime: Date, closing: (files: WrittenFile[]) => { name: string; bytes: Uint8Array }, file: string): Promise<number> {
  const planned: Planned[] = [];
  for (const input of inputs) planned.push(await (input.deflate ? deflated(input) : stored(input)));
  const sized = closing(planned.map((p) => ({ name: p.label, size: p.size, sha256: p.sha256 || PLACEHOLDER })));
  const total = [...planned, closingEntry(sized.name, sized.bytes)].reduce((n, p) => n + 30 + 46 + 2 * p.name.length + p.dataSize, 22);
  if (total > 0xffffffff || planned.length >= 0xffff) throw new StoreError('refused', 'Le dossier dépasse 4 Go ou 65 535 fichiers : il ne peut pas être exporté en un fichier .recours.');

  const { time, date } = dosTime(mtime);
  const buffer = Buffer.allocUnsafe(Math.min(READ, Math.max(1, ...planned.map((p) => (p.path !== null ? p.size : 0)))));
  /** Each entry's local header (4.3.7), kept for the central directory, which repeats its fields from offset 6. */
  const headers: { at: number; bytes: Buffer }[] = [];
  const header = (p: Planned) => {
    const bytes = Buffer.alloc(30 + p.name.length);
    bytes.writeUInt32LE(0x04034b50, 0);
    bytes.writeUInt16LE(20, 4);
    bytes.writeUInt16LE(0x0800, 6);
    bytes.writeUInt16LE(p.method, 8);
    bytes.writeUInt16LE(time, 10);
    bytes.writeUInt16LE(date, 12);
    bytes.writeUInt32LE(p.crc >>> 0, 14);
    bytes.writeUInt32LE(p.dataSize, 18);
    bytes.writeUInt32LE(p.size, 22);
    bytes.writeUInt16LE(p.name.length, 26);
    bytes.set(p.name, 30);
    return bytes;
  };

  const out = await open(file, 'wx');
  try {
    let at = 0;
    const place = async (p: Planned) => {
      const start = at + 30 + p.name.length;
      if (p.path !== null) {
        Object.assign(p, await copyInPlace(p.path, p.label, out, start, p.size, buffer));
      } else {
        let written = start;
        for (const chunk of p.data ?? []) {
          await writeAll(out, chunk, written);
          written += chunk.length;
        }
      }
      const bytes = header(p);
      await writeAll(out, bytes, at);
      headers.push({ at, bytes });
      at = start + p.dataSize;
    };
    for (const p of planned) await place(p);
    const last = closing(planned.map((p) => ({ name: p.label, size: p.size, sha256: p.sha256 })));
    if (last.bytes.length !== sized.bytes.length) throw new Error('writeArchive: the closing entry changed length');
    await place(closingEntry(last.name, last.bytes));

    const directory = Buffer.alloc(total - at);
    let d = 0;
    for (const { at: local, bytes } of headers) {
      directory.writeUInt32LE(0x02014b50, d);
      directory.writeUInt16LE(20, d + 4);
      bytes.copy(directory, d + 6, 4, 30);
      directory.writeUInt32LE(local, d + 42);
      bytes.copy(directory, d + 46, 30);
      d += 46 + bytes.length - 30;
    }
    directory.writeUInt32LE(0x06054b50, d);
    directory.writeUInt16LE(headers.length, d + 8);
    directory.writeUInt16LE(headers.length, d + 10);
    directory.writeUInt32LE(d, d + 12);
    directory.writeUInt32LE(at, d + 16);
    await writeAll(out, directory, at);
    await out.sync();
  } catch (e) {
    await out.close();
    await rm(file, { force: true });
    throw e;
  }
  await out.close();
  return total;
}
