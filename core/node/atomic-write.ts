/** Writes that are all-or-nothing: a crash or a full disk leaves the old file (or none), never half a file. */
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/** `name.<pid>.<random>.tmp` beside `path`: the pid lets a later process tell a killed writer's leftovers from its own. */
export function temporaryPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = temporaryPath(path);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
