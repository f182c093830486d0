/**
 * The deflated tails of the embedded faces (each face but its first 32 bytes, which obfuscation changes per document),
 * made once at build time — `npm run build:core` runs scripts/font-tails.mjs — into dist/font-tails/, so that a
 * letter neither deflates the ~1.4 MB of TTF (~50 ms) nor runs a JavaScript CRC-32 over them (Node 20 has no
 * zlib.crc32). A cached tail is used only for the very bytes it was made from: manifest.json records the SHA-256 of
 * each tail and of its deflated file, both checked (natively, ~2 ms for the four faces) before use. Anything missing,
 * stale or unreadable: the tail is deflated here, as without a cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import { packageRoot } from '../package-root.js';
import { crc32 } from './zip-archive.js';

/** Bytes of a face that obfuscation changes (ECMA-376 Part 1, §17.8.1): the tail is what follows them. */
export const OBFUSCATED_LENGTH = 32;

export interface DeflatedTail {
  /** A whole raw DEFLATE stream of the tail. */
  deflated: Uint8Array;
  /** CRC-32 of the tail (uncompressed). */
  crc32: number;
}

interface ManifestEntry {
  sha256: string;
  length: number;
  crc32: number;
  file: string;
  deflatedSha256: string;
}

const MANIFEST = 'manifest.json';
const FORMAT = 1;
const HEX_DIGEST = /^[0-9a-f]{64}$/;

const deflateRaw = promisify(zlib.deflateRaw);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let defaultDir: { dir: string | undefined } | undefined;

/** dist/font-tails/ of the application, found from the sources, dist/core/ and dist/bundle/ alike. */
export function defaultFontTailDir(): string | undefined {
  if (!defaultDir) {
    const root = packageRoot();
    defaultDir = { dir: root === undefined ? undefined : join(root, 'dist', 'font-tails') };
  }
  return defaultDir.dir;
}

/** Writes the cache of `faces` into `dir` (emptied first). At the best level: the build has the time. */
export async function writeFontTailCache(faces: readonly Uint8Array[], dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const tails = await Promise.all(
    faces
      .filter((face) => face.byteLength > OBFUSCATED_LENGTH)
      .map(async (face): Promise<ManifestEntry> => {
        const tail = face.subarray(OBFUSCATED_LENGTH);
        const digest = sha256(tail);
        const deflated = await deflateRaw(tail, { level: zlib.constants.Z_BEST_COMPRESSION });
        const file = `${digest}.deflate`;
        await writeFile(join(dir, file), deflated);
        return { sha256: digest, length: tail.byteLength, crc32: crc32(tail), file, deflatedSha256: sha256(deflated) };
      }),
  );
  await writeFile(join(dir, MANIFEST), `${JSON.stringify({ format: FORMAT, tails }, null, 2)}\n`);
}

function isEntry(value: unknown): value is ManifestEntry {
  const e = value as Partial<ManifestEntry> | null;
  return (
    typeof e === 'object' && e !== null &&
    typeof e.sha256 === 'string' && HEX_DIGEST.test(e.sha256) &&
    typeof e.deflatedSha256 === 'string' && HEX_DIGEST.test(e.deflatedSha256) &&
    Number.isSafeInteger(e.length) &&
    Number.isInteger(e.crc32) && e.crc32! >= 0 && e.crc32! <= 0xffffffff &&
    e.file === `${e.sha256}.deflate`
  );
}

/** The manifest's entries by tail digest; empty when it is missing or not ours. Read once per process and folder. */
const manifests = new Map<string, Map<string, ManifestEntry>>();

function manifest(dir: string): Map<string, ManifestEntry> {
  let entries = manifests.get(dir);
  if (!entries) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { format?: unknown; tails?: unknown };
      const tails = parsed.format === FORMAT && Array.isArray(parsed.tails) ? parsed.tails.filter(isEntry) : [];
      entries = new Map(tails.map((e) => [e.sha256, e]));
    } catch {
      entries = new Map();
    }
    manifests.set(dir, entries);
  }
  return entries;
}

/**
 * The cached tail, if `dir` holds one made from exactly these bytes and intact. Read at once: a few small reads
 * from the disk cache, where reading in libuv's pool would wait for the busy main thread between each step.
 */
function cachedTail(tail: Uint8Array, dir: string): DeflatedTail | undefined {
  const entries = manifest(dir);
  if (entries.size === 0) return undefined;
  const entry = entries.get(sha256(tail));
  if (!entry || entry.length !== tail.byteLength) return undefined;
  let deflated: Uint8Array;
  try {
    deflated = readFileSync(join(dir, entry.file));
  } catch {
    return undefined;
  }
  if (sha256(deflated) !== entry.deflatedSha256) return undefined;
  return { deflated, crc32: entry.crc32 };
}

async function deflatedHere(tail: Uint8Array): Promise<DeflatedTail> {
  const deflated = deflateRaw(tail); // in libuv's thread pool, while the CRC runs here
  return { crc32: crc32(tail), deflated: await deflated };
}

/** By face, then cache folder ('' for none): each tail is looked up or deflated once per process. */
const tails = new WeakMap<Uint8Array, Map<string, Promise<DeflatedTail>>>();

/** The deflated tail of a face (longer than OBFUSCATED_LENGTH), from the cache in `dir` when it holds it. */
export function deflatedTail(face: Uint8Array, dir: string | undefined): Promise<DeflatedTail> {
  let byDir = tails.get(face);
  if (!byDir) tails.set(face, (byDir = new Map()));
  const key = dir ?? '';
  let tail = byDir.get(key);
  if (!tail) {
    const bytes = face.subarray(OBFUSCATED_LENGTH);
    const cached = dir === undefined ? undefined : cachedTail(bytes, dir);
    tail = cached ? Promise.resolve(cached) : deflatedHere(bytes);
    byDir.set(key, tail);
    tail.catch(() => byDir.delete(key));
  }
  return tail;
}
