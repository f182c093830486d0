/**
 * A case that cannot be read is moved, whole, into `<dataDir>/_a-verifier/` with a note saying why: the rest of the
 * list still loads, and nothing the user typed is overwritten or deleted. Someone (the user, an assistant, a later
 * version of Recours) can look at it there.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SET_ASIDE_DIR } from './layout.js';
import { syncDir } from './durable-write.js';
import { isMissing } from './errors.js';

export interface SetAsideCase {
  /** The folder's name inside _a-verifier (the case id, suffixed when that name was taken). */
  folder: string;
  path: string;
  /** Why it was set aside, in French, naming the file. */
  message: string;
  /** When it was set aside (ISO date and time). */
  date: string;
}

const NOTE_SUFFIX = '.txt';

async function freeName(dir: string, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await stat(join(dir, name));
    } catch (e) {
      if (isMissing(e)) {
        try {
          await stat(join(dir, `${name}${NOTE_SUFFIX}`));
        } catch (e2) {
          if (isMissing(e2)) return name;
          throw e2;
        }
      } else throw e;
    }
  }
}

/** Moves `<dataDir>/<folder>` aside; returns where it went. */
export async function setCaseAside(dataDir: string, folder: string, reason: string, now = new Date()): Promise<SetAsideCase> {
  const asideDir = join(dataDir, SET_ASIDE_DIR);
  await mkdir(asideDir, { recursive: true });
  const name = await freeName(asideDir, folder);
  const path = join(asideDir, name);
  await rename(join(dataDir, folder), path);
  const date = now.toISOString();
  const message = `Le dossier « ${folder} » n’a pas pu être lu : ${reason} Il a été mis de côté dans « ${path} » ; rien n’a été effacé.`;
  // 'wx': a note is never overwritten either.
  await writeFile(join(asideDir, `${name}${NOTE_SUFFIX}`), `${date}\n${message}\n`, { flag: 'wx' });
  await syncDir(asideDir);
  await syncDir(dataDir);
  return { folder: name, path, message, date };
}

/** Every case waiting in _a-verifier, with the note written when it was set aside. */
export async function listSetAside(dataDir: string): Promise<SetAsideCase[]> {
  const asideDir = join(dataDir, SET_ASIDE_DIR);
  let names: string[];
  try {
    names = await readdir(asideDir);
  } catch (e) {
    if (isMissing(e)) return [];
    throw e;
  }
  const folders = names.filter((n) => !n.endsWith(NOTE_SUFFIX)).sort();
  return Promise.all(
    folders.map(async (folder) => {
      const path = join(asideDir, folder);
      let note = '';
      try {
        note = await readFile(join(asideDir, `${folder}${NOTE_SUFFIX}`), 'utf8');
      } catch {
        // A folder put there by hand has no note.
      }
      const [date = '', ...rest] = note.split('\n');
      const message = rest.join(' ').trim() || `Le dossier « ${folder} » attend d’être vérifié dans « ${path} ».`;
      return { folder, path, message, date };
    }),
  );
}
