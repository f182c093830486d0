/**
 * Writes that survive a crash and a power cut: the file is written to a temporary name, flushed, renamed over the
 * old one (atomic on every file system we run on), then the folder itself is flushed so that the rename is on disk
 * too — without that last step, a power cut can bring back the old name, or no file at all, on some file systems.
 */
import { open, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';

/** Flushes a folder's entries (new, renamed, removed files). Windows cannot open a folder for this: skipped there. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Some file systems (network shares) refuse fsync on a folder: the rename is still atomic, only less durable.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw e;
  } finally {
    await handle?.close();
  }
}

export async function writeFileDurable(path: string, data: Uint8Array | string): Promise<void> {
  await writeFileAtomic(path, data);
  await syncDir(dirname(path));
}

/** JSON as the store writes it: readable by a person, one trailing newline. */
export async function writeJsonDurable(path: string, value: unknown): Promise<void> {
  await writeFileDurable(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Removes the temporary files a killed writer left next to `dir`'s files (`name.<pid>.<random>.tmp`, see
 * atomic-write.ts). Only files of other processes: this one's may be in the middle of a write.
 */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => {
    const pid = /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(n)?.[1];
    return pid !== undefined && Number(pid) !== process.pid;
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
}
