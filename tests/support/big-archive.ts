/**
 * A valid `.recours` archive of any size written to a file a few MiB at a time (never whole in memory): a case
 * with pieces of incompressible bytes (an AES-CTR key stream, the same on every pass), stored as is, as an
 * export stores photos and videos, or of text, deflated (a long tracking log: a thousand times smaller).
 * For the tests and the benchmark that measure an import's memory.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { Deflate } from 'fflate';
import { crc32 } from 'node:zlib';
import { newMeta } from '../../core/node/store/meta.js';
import { loadExample } from './examples.js';

const CHUNK = 4 * 1024 * 1024;

/** A piece of the archive: `size` bytes, random (a video) or text deflated (`text: true`). */
export interface BigPiece {
  size: number;
  text?: boolean;
}

/** The bytes of piece `seed`, chunk by chunk. */
function* pieceChunks(seed: number, piece: BigPiece): Generator<Buffer> {
  const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  const line = Buffer.alloc(CHUNK, `${seed} — Suivi du colis : en cours d’acheminement.\n`);
  for (let done = 0; done < piece.size; done += CHUNK) {
    const length = Math.min(CHUNK, piece.size - done);
    yield piece.text ? line.subarray(0, length) : cipher.update(zeros.subarray(0, length));
  }
}

interface Entry {
  path: string;
  deflate: boolean;
  size: number;
  crc: number;
  sha256: string;
  offset: number;
  chunks: () => Iterable<Uint8Array>;
}

function describe(path: string, deflate: boolean, chunks: () => Iterable<Uint8Array>): Entry {
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  for (const c of chunks()) {
    hash.update(c);
    crc = crc32(c, crc);
    size += c.length;
  }
  return { path, deflate, size, crc, sha256: hash.digest('hex'), offset: 0, chunks };
}

/** Writes to `file` the archive of a case holding `pieces` (sizes in bytes); returns the archive's size. */
export async function writeBigArchive(file: string, pieces: BigPiece[]): Promise<number> {
  const entries = pieces.map((p, i) => describe('', p.text === true, () => pieceChunks(i + 1, p)));
  for (const e of entries) e.path = `pieces/${e.sha256}.${e.deflate ? 'txt' : 'mp4'}`;
  const { evidence: _e, ...draft } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, unknown>;
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const caseJson = json({ ...draft, evidence: entries.map((e, i) => ({ id: `piece-${i + 1}`, file: e.path, title: `Pièce ${i + 1}` })) });
  const small = (path: string, bytes: Uint8Array) => describe(path, false, () => [bytes]);
  entries.unshift(small('case.json', caseJson), small('meta.json', json(newMeta('2026-11-25T10:00:00.000Z'))));
  const manifest = { format: 'recours/export@1', application: 'Recours', exportedAt: '2026-11-25T10:00:00.000Z', caseId: 'x', entries: entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })) };
  entries.push(small('manifest.json', json(manifest)));

  const fd = openSync(file, 'w');
  let at = 0;
  const write = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    at += bytes.length;
  };
  const compressedSizes = new Map<Entry, number>();
  try {
    for (const e of entries) {
      e.offset = at;
      const name = Buffer.from(e.path);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(e.deflate ? 8 : 0, 8);
      local.writeUInt32LE(e.crc >>> 0, 14);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(name.length, 26);
      write(local);
      write(name);
      const dataStart = at;
      if (e.deflate) {
        const deflate = new Deflate({ level: 6 }, (chunk) => write(chunk));
        for (const c of e.chunks()) deflate.push(c);
        deflate.push(new Uint8Array(0), true);
      } else {
        for (const c of e.chunks()) write(c);
      }
      // The compressed size is known once written: set in the local header in place.
      compressedSizes.set(e, at - dataStart);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(at - dataStart);
      writeSync(fd, size, 0, 4, e.offset + 18);
    }
    const start = at;
    for (const e of entries) {
      const name = Buffer.from(e.path);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt16LE(e.deflate ? 8 : 0, 10);
      central.writeUInt32LE(e.crc >>> 0, 16);
      central.writeUInt32LE(compressedSizes.get(e) ?? 0, 20);
      central.writeUInt32LE(e.size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(e.offset, 42);
      write(central);
      write(name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(at - start, 12);
    end.writeUInt32LE(start, 16);
    write(end);
  } finally {
    closeSync(fd);
  }
  return at;
}
