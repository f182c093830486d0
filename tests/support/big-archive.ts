/**
 * A valid `.recours` archive of any size written to a file a few MiB at a time (never whole in memory): a case
 * with pieces of incompressible bytes (an AES-CTR key stream, the same on every pass), stored as is, as an
 * export stores photos and videos. For the tests and the benchmark that measure an import's memory.
 */
import { createCipheriv, createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { newMeta } from '../../core/node/store/meta.js';
import { loadExample } from './examples.js';

const CHUNK = 4 * 1024 * 1024;

/** The bytes of piece `seed`, `size` long, chunk by chunk. */
function* pieceChunks(seed: number, size: number): Generator<Buffer> {
  const key = Buffer.alloc(16, seed);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  for (let done = 0; done < size; done += CHUNK) yield cipher.update(zeros.subarray(0, Math.min(CHUNK, size - done)));
}

interface Entry {
  path: string;
  size: number;
  crc: number;
  sha256: string;
  offset: number;
  chunks: () => Iterable<Uint8Array>;
}

function describe(path: string, chunks: () => Iterable<Uint8Array>): Entry {
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  for (const c of chunks()) {
    hash.update(c);
    crc = crc32(c, crc);
    size += c.length;
  }
  return { path, size, crc, sha256: hash.digest('hex'), offset: 0, chunks };
}

/** Writes to `file` the archive of a case holding one piece per size in `pieceSizes` (bytes); returns its size. */
export async function writeBigArchive(file: string, pieceSizes: number[]): Promise<number> {
  const pieces = pieceSizes.map((size, i) => describe('', () => pieceChunks(i + 1, size)));
  for (const p of pieces) p.path = `pieces/${p.sha256}.mp4`;
  const { evidence: _e, ...draft } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, unknown>;
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const caseJson = json({ ...draft, evidence: pieces.map((p, i) => ({ id: `piece-${i + 1}`, file: p.path, title: `Vidéo ${i + 1}` })) });
  const small = (path: string, bytes: Uint8Array) => describe(path, () => [bytes]);
  const entries = [small('case.json', caseJson), small('meta.json', json(newMeta('2026-11-25T10:00:00.000Z'))), ...pieces];
  const manifest = { format: 'recours/export@1', application: 'Recours', exportedAt: '2026-11-25T10:00:00.000Z', caseId: 'x', entries: entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })) };
  entries.push(small('manifest.json', json(manifest)));

  const fd = openSync(file, 'w');
  let at = 0;
  const write = (bytes: Uint8Array) => {
    writeSync(fd, bytes);
    at += bytes.length;
  };
  try {
    for (const e of entries) {
      e.offset = at;
      const name = Buffer.from(e.path);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt32LE(e.crc >>> 0, 14);
      local.writeUInt32LE(e.size, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(name.length, 26);
      write(local);
      write(name);
      for (const c of e.chunks()) write(c);
    }
    const start = at;
    for (const e of entries) {
      const name = Buffer.from(e.path);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x0800, 8);
      central.writeUInt32LE(e.crc >>> 0, 16);
      central.writeUInt32LE(e.size, 20);
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
