/**
 * Writing a `.recours` zip with the archive as the only large thing in memory: its exact size is known before a
 * byte is read (stored files by their size on disk, text files deflated first — they shrink — and the closing
 * entry, the manifest, stored, sized with placeholder fingerprints of the same length), so that it is allocated
 * once and each stored file is read straight into its place. The result owns its buffer: a worker hands it over
 * without a copy. Plain zip (APPNOTE 4.3): no data descriptors, no zip64, UTF-8 names.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { displayFileName } from '../../common/format/display-name.js';

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

const changed = (name: string) => new Error(`« ${displayFileName(name)} » a changé pendant l’export : recommencez l’export.`);

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

/** Reads a file of `size` bytes into `out` at `at`; its CRC-32 and SHA-256. Throws if it is no longer that size. */
async function readInPlace(path: string, label: string, out: Uint8Array, at: number, size: number): Promise<{ crc: number; sha256: string }> {
  const handle = await open(path, 'r');
  try {
    let done = 0;
    while (done < size) {
      const { bytesRead } = await handle.read(out, at + done, Math.min(READ, size - done), done);
      if (bytesRead === 0) throw changed(label);
      done += bytesRead;
    }
    if ((await handle.read(Buffer.alloc(1), 0, 1, size)).bytesRead !== 0) throw changed(label);
  } finally {
    await handle.close();
  }
  const data = out.subarray(at, at + size);
  return { crc: crc32(data), sha256: createHash('sha256').update(data).digest('hex') };
}

/**
 * The zip of `inputs`, in that order, then of the closing entry `closing` returns from what the archive holds (the
 * manifest). `closing` is called twice: first with placeholder fingerprints, to size the archive, then with the
 * real ones; both answers must have the same length.
 */
export async function writeArchive(inputs: ArchiveInput[], mtime: Date, closing: (files: WrittenFile[]) => { name: string; bytes: Uint8Array }): Promise<Uint8Array> {
  const planned: Planned[] = [];
  for (const input of inputs) planned.push(await (input.deflate ? deflated(input) : stored(input)));
  const sized = closing(planned.map((p) => ({ name: p.label, size: p.size, sha256: p.sha256 || PLACEHOLDER })));
  const total = [...planned, closingEntry(sized.name, sized.bytes)].reduce((n, p) => n + 30 + 46 + 2 * p.name.length + p.dataSize, 22);
  if (total > 0xffffffff || planned.length >= 0xffff) throw new Error('Le dossier dépasse 4 Go ou 65 535 fichiers : il ne peut pas être exporté en un fichier .recours.');

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const { time, date } = dosTime(mtime);
  const offsets: number[] = [];
  let at = 0;
  const header = (p: Planned) => {
    // Local header (4.3.7); the central one (4.3.12) repeats these fields from offset 6 of the local one.
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x0800, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, time, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, p.crc >>> 0, true);
    view.setUint32(at + 18, p.dataSize, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    out.set(p.name, at + 30);
  };
  const place = async (p: Planned) => {
    offsets.push(at);
    const start = at + 30 + p.name.length;
    if (p.path !== null) {
      Object.assign(p, await readInPlace(p.path, p.label, out, start, p.size));
    } else {
      let written = start;
      for (const chunk of p.data ?? []) {
        out.set(chunk, written);
        written += chunk.length;
      }
    }
    header(p);
    at = start + p.dataSize;
  };
  for (const p of planned) await place(p);
  const last = closing(planned.map((p) => ({ name: p.label, size: p.size, sha256: p.sha256 })));
  if (last.bytes.length !== sized.bytes.length) throw new Error('writeArchive: the closing entry changed length');
  const lastEntry = closingEntry(last.name, last.bytes);
  await place(lastEntry);

  const directory = at;
  for (const [i, p] of [...planned, lastEntry].entries()) {
    const local = offsets[i] ?? 0;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    out.copyWithin(at + 6, local + 4, local + 30);
    view.setUint32(at + 42, local, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  const count = planned.length + 1;
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, count, true);
  view.setUint16(at + 10, count, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
