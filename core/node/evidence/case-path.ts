/**
 * Where an exhibit's file really is, and whether the case may read it: `evidence[].file` is relative to the case
 * file's folder, and a case never reproduces a file outside that folder (`/etc/passwd`, `../../…`, a symlink to a
 * system file) unless the user says so (`--allow-outside`). Symlinks are followed before judging, so the file
 * read is the one judged.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

export const OUTSIDE_CASE = 'le fichier est en dehors du dossier de l’affaire : chemin refusé par précaution (--allow-outside pour l’accepter)';

export type ExhibitPath = { path: string; refused?: undefined } | { path: string; refused: string };

function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The path to read for `file` (symlinks resolved), or why it is refused. A missing file is left to the reader. */
export async function exhibitPath(caseDir: string, file: string, options: { allowOutside?: boolean } = {}): Promise<ExhibitPath> {
  const given = resolve(caseDir, file);
  let real: string;
  try {
    real = await realpath(given);
  } catch {
    // Missing (reported « introuvable » by the reader) — but a path spelt outside the folder is refused all the same.
    return options.allowOutside || inside(resolve(caseDir), given) ? { path: given } : { path: given, refused: OUTSIDE_CASE };
  }
  if (options.allowOutside) return { path: real };
  const dir = await realpath(caseDir).catch(() => resolve(caseDir));
  return inside(dir, real) ? { path: real } : { path: given, refused: OUTSIDE_CASE };
}
