/** Small helpers on file bytes shared by the worker and its callers. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/**
 * SHA-256 of a file, hex, read in constant memory: one buffer, read into again and again. (A read stream hands out
 * a new buffer per chunk, which V8 frees late: hashing a 100 MB video that way grew the process by some 30 MB.)
 * `onChunk` sees each chunk on the way (valid until it returns: the buffer is read into again).
 */
export async function sha256File(path: string, onChunk?: (chunk: Uint8Array) => void): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      onChunk?.(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * The bytes of a Buffer as a Uint8Array that owns its whole ArrayBuffer, so that it can be transferred to another
 * thread: a small Buffer may be a slice of Node's shared pool, which is then copied.
 */
export function ownBytes(buffer: Buffer): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);
}
