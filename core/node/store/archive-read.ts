/**
 * Reading a `.recours` zip without trusting it: the central directory is read first (names, types, sizes), every
 * entry that is not a plain file of the expected folders is refused before anything is inflated (symbolic links,
 * folders other than plain ones, duplicate names, « . » or « .. » segments), then each entry is inflated with its
 * output counted against the size it declares, so that a lying entry is stopped as soon as it passes it, and the
 * whole archive at MAX_ARCHIVE_CONTENT — never after the memory or the disk is full. Each entry's CRC-32 and size
 * are checked at its end.
 *
 * extractArchive reads a file by positional reads and inflates each entry a chunk at a time straight into a file
 * (or, for the few small entries asked for, into memory): an import costs a few MiB whatever the archive's size.
 * It uses node:zlib's streaming inflate rather than fflate's: zlib works off the JavaScript thread, hands its output
 * in chunks of CHUNK bytes and waits while they are not consumed, where fflate inflates a whole input chunk into
 * one buffer on the calling thread (a chunk of a zip bomb: a thousand times its size at once).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { formatSize } from '../evidence/format.js';
import { displayFileName } from '../../common/format/display-name.js';

/** Larger than any sane case (photos, a few videos), small enough that a hostile archive cannot fill the memory. */
export const MAX_ARCHIVE_CONTENT = 1_000_000_000;
/** Entries an archive may hold: a case has a few hundred files at most. */
export const MAX_ARCHIVE_ENTRIES = 10_000;
/** Central directory bytes: 10 000 entries with their names take about 3 MB. */
const MAX_DIRECTORY = 16_000_000;
/** Bytes read, and inflated, at a time. */
const CHUNK = 1024 * 1024;

export class ArchiveProblem extends Error {
  override name = 'ArchiveProblem';
}

/** An archive to read: its bytes, or the file holding them (read where it is checked, by positional reads). */
export type ArchiveSource = Uint8Array | { path: string };

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
/** End of central directory record: 22 bytes and a comment of at most 0xffff. */
const TAIL = 22 + 0xffff;

function quoted(name: string): string {
  return `« ${displayFileName(name).slice(0, 80)} »`;
}

const unreadable = () => new ArchiveProblem('ce n’est pas une archive .recours lisible (fichier abîmé ou d’un autre type).');
const damagedDirectory = () => new ArchiveProblem('son répertoire de fichiers est abîmé.');
const tooBig = (limit: number) => new ArchiveProblem(`son contenu dépasse ${formatSize(limit).replace(/,0 /, ' ')} une fois décompressé (limite d’une sauvegarde Recours).`);

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where the central directory is, from the archive's last TAIL bytes (PKWARE APPNOTE 4.3.16). */
function directoryPlace(tail: Uint8Array, archiveSize: number): { count: number; offset: number; size: number } {
  const view = viewOf(tail);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const place = { count: view.getUint16(i + 10, true), size: view.getUint32(i + 12, true), offset: view.getUint32(i + 16, true) };
    if (place.count > MAX_ARCHIVE_ENTRIES) throw new ArchiveProblem(`il contient plus de ${MAX_ARCHIVE_ENTRIES} fichiers.`);
    if (place.size > MAX_DIRECTORY) throw new ArchiveProblem(`son répertoire de fichiers dépasse ${formatSize(MAX_DIRECTORY)}.`);
    if (place.offset + place.size > archiveSize) throw damagedDirectory();
    return place;
  }
  throw unreadable();
}

/** Every entry of the central directory (APPNOTE 4.3.12), refused at the first that is not a plain file. */
function directoryEntries(directory: Uint8Array, count: number, allowed: (name: string) => boolean): Entry[] {
  const view = viewOf(directory);
  const entries: Entry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== 0x02014b50) throw damagedDirectory();
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const offset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > directory.length) throw damagedDirectory();
    const name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    // Unix « made by » (3) keeps the file type in the high 16 bits of the external attributes.
    const type = madeBy === 3 ? (external >>> 16) & S_IFMT : 0;
    const isDirectory = name.endsWith('/') || type === S_IFDIR || (external & 0x10) !== 0;
    if (isDirectory && type !== S_IFDIR && type !== 0) throw new ArchiveProblem(`${quoted(name)} n’est pas un dossier ordinaire.`);
    if (isDirectory) continue;
    if (!allowed(name)) throw new ArchiveProblem(`il contient des fichiers inattendus (${quoted(name)}).`);
    if (name.split('/').some((part) => part === '.' || part === '..')) {
      throw new ArchiveProblem(`${quoted(name)} n’est pas un chemin de fichier accepté (« . » ou « .. »).`);
    }
    if (type !== 0 && type !== S_IFREG) throw new ArchiveProblem(`${quoted(name)} est un lien symbolique ou un fichier spécial, pas un fichier ordinaire.`);
    if (names.has(name)) throw new ArchiveProblem(`${quoted(name)} y figure deux fois.`);
    names.add(name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new ArchiveProblem(`${quoted(name)} dépasse 4 Go.`);
    if (method !== 0 && method !== 8) throw new ArchiveProblem(`${quoted(name)} est compressé d’une manière inconnue.`);
    entries.push({ name, method, crc, compressedSize, size, offset });
  }
  return entries;
}

function checkDeclared(entries: Entry[], limit: number): void {
  if (entries.reduce((n, e) => n + e.size, 0) > limit) throw tooBig(limit);
}

/** Where an entry's data starts, from its local header's first 30 bytes (APPNOTE 4.3.7). */
function dataStart(header: Uint8Array, entry: Entry, archiveSize: number): number {
  const view = viewOf(header);
  if (header.length < 30 || view.getUint32(0, true) !== 0x04034b50) throw new ArchiveProblem(`${quoted(entry.name)} est abîmé.`);
  const start = entry.offset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + entry.compressedSize > archiveSize) throw new ArchiveProblem(`${quoted(entry.name)} est tronqué.`);
  return start;
}

const lying = (entry: Entry) =>
  new ArchiveProblem(`${quoted(entry.name)} se décompresse en plus que les ${formatSize(entry.size)} qu’il annonce : archive falsifiée ou abîmée.`);

/** An entry's inflated bytes counted as they come: stopped past its declared size or the archive's limit, checked at the end. */
class EntryCount {
  private size = 0;
  private crc = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly entry: Entry,
    private readonly total: { used: number; limit: number },
  ) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.entry.size) throw lying(this.entry);
    this.total.used += chunk.length;
    if (this.total.used > this.total.limit) throw tooBig(this.total.limit);
    this.crc = crc32(chunk, this.crc);
    this.hash.update(chunk);
  }

  /** The entry's SHA-256, once its size and CRC-32 are the ones it declares. */
  end(): string {
    if (this.size !== this.entry.size) throw new ArchiveProblem(`${quoted(this.entry.name)} est plus petit qu’annoncé : archive abîmée.`);
    if (this.crc >>> 0 !== this.entry.crc) throw new ArchiveProblem(`${quoted(this.entry.name)} est abîmé (somme de contrôle CRC-32 différente).`);
    return this.hash.digest('hex');
  }
}

/** An entry once extracted: its size and SHA-256, and its bytes when it was kept in memory. */
export interface ExtractedFile {
  size: number;
  sha256: string;
  bytes?: Uint8Array;
}

export interface ExtractOptions {
  allowed: (name: string) => boolean;
  /** The file an entry is written to, or null to keep it in memory (at most `memoryLimit` bytes, named in the refusal). */
  target: (name: string) => string | null;
  memoryLimit: number;
  limit?: number;
}

/** Positional reads of an archive: its bytes, or its file (never read whole). */
interface Reader {
  size: number;
  read(position: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

async function openReader(source: ArchiveSource): Promise<Reader> {
  if (source instanceof Uint8Array) {
    return { size: source.length, read: async (position, length) => source.subarray(position, position + length), close: async () => {} };
  }
  const handle = await open(source.path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(position, length) {
        const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - position)));
        let done = 0;
        while (done < buffer.length) {
          const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return buffer.subarray(0, done);
      },
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function* compressed(reader: Reader, start: number, length: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < length; at += CHUNK) yield reader.read(start + at, Math.min(CHUNK, length - at));
}

/** Writes chunks to a new file, flushed before it is closed; a second file of the same name (a case-insensitive disk) is refused. */
async function fileSink(path: string, entry: Entry): Promise<{ write(chunk: Uint8Array): Promise<void>; end(): Promise<void>; abort(): Promise<void> }> {
  await mkdir(dirname(path), { recursive: true });
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new ArchiveProblem(`${quoted(entry.name)} y figure deux fois.`);
    throw e;
  }
  return {
    write: async (chunk) => void (await handle.write(chunk)),
    end: async () => {
      await handle.sync();
      await handle.close();
    },
    abort: () => handle.close(),
  };
}

/** One entry, inflated a chunk at a time into `sink`, counted on the way; its SHA-256. */
async function extractEntry(reader: Reader, entry: Entry, total: { used: number; limit: number }, sink: (chunk: Uint8Array) => Promise<void> | void): Promise<string> {
  const start = dataStart(await reader.read(entry.offset, 30), entry, reader.size);
  const count = new EntryCount(entry, total);
  // The consumer's own error (a lying size, a full disk): pipeline reports the abort it causes upstream instead.
  let stopped: unknown;
  const consume = async (chunks: AsyncIterable<Uint8Array>) => {
    try {
      for await (const chunk of chunks) {
        count.add(chunk);
        await sink(chunk);
      }
    } catch (e) {
      stopped ??= e;
      throw e;
    }
  };
  if (entry.method === 0) {
    await consume(compressed(reader, start, entry.compressedSize));
  } else {
    try {
      await pipeline(Readable.from(compressed(reader, start, entry.compressedSize), { objectMode: false, highWaterMark: CHUNK }), createInflateRaw({ chunkSize: 64 * 1024 }), consume);
    } catch (e) {
      if (stopped !== undefined) throw stopped;
      if (!/^Z_/.test(String((e as NodeJS.ErrnoException).code))) throw e;
      throw new ArchiveProblem(`${quoted(entry.name)} est abîmé (données compressées illisibles).`);
    }
  }
  return count.end();
}

/**
 * Extracts an archive entry by entry: each into the file `target` names (created, never overwritten), or into
 * memory. Returns every entry's size and SHA-256 by name; throws ArchiveProblem (a French sentence) at the first
 * entry refused, leaving what was already written for the caller to remove. Disk errors are thrown as they are.
 */
export async function extractArchive(source: ArchiveSource, options: ExtractOptions): Promise<Map<string, ExtractedFile>> {
  const limit = options.limit ?? MAX_ARCHIVE_CONTENT;
  const reader = await openReader(source);
  try {
    const tailStart = Math.max(0, reader.size - TAIL);
    const place = directoryPlace(await reader.read(tailStart, reader.size - tailStart), reader.size);
    const entries = directoryEntries(await reader.read(place.offset, place.size), place.count, options.allowed);
    checkDeclared(entries, limit);
    for (const entry of entries) {
      if (options.target(entry.name) === null && entry.size > options.memoryLimit) {
        throw new ArchiveProblem(`${quoted(entry.name)} dépasse ${formatSize(options.memoryLimit)} une fois décompressé (limite de ce fichier dans une sauvegarde Recours).`);
      }
    }
    const total = { used: 0, limit };
    const files = new Map<string, ExtractedFile>();
    for (const entry of entries) {
      const path = options.target(entry.name);
      if (path === null) {
        const chunks: Uint8Array[] = [];
        const sha256 = await extractEntry(reader, entry, total, (chunk) => void chunks.push(chunk));
        files.set(entry.name, { size: entry.size, sha256, bytes: Buffer.concat(chunks) });
        continue;
      }
      const sink = await fileSink(path, entry);
      try {
        files.set(entry.name, { size: entry.size, sha256: await extractEntry(reader, entry, total, sink.write) });
      } catch (e) {
        await sink.abort();
        throw e;
      }
      await sink.end();
    }
    return files;
  } finally {
    await reader.close();
  }
}
