/**
 * The evidence files of a case, stored in its `pieces/` folder under their SHA-256 (see layout.ts): the same file
 * added twice is stored once, and a piece is only ever found again by that name, never by a path from elsewhere.
 * The functions take the case folder; the store checks the case exists first.
 */
import { createHash } from 'node:crypto';
import { copyFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { displayFileName } from '../../common/format/display-name.js';
import { temporaryPath } from '../atomic-write.js';
import { sha256File } from '../evidence/bytes.js';
import { syncDir, writeFileDurable } from './durable-write.js';
import { StoreError } from './errors.js';
import { PIECE_FILE, pieceFile, piecesDir, safeExtension } from './layout.js';

export interface StoredPiece {
  sha256: string;
  /** `pieces/<sha256>.<ext>`, relative to the case folder. */
  file: string;
  path: string;
  size: number;
}

/** Stores bytes as a piece named by their SHA-256 (idempotent: the same file is stored once). */
export async function writePiece(dir: string, originalName: string, bytes: Uint8Array): Promise<StoredPiece> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = pieceFile(sha256, safeExtension(originalName));
  const path = join(dir, file);
  if (!(await sameSize(path, bytes.length))) await writeFileDurable(path, bytes);
  return { sha256, file, path, size: bytes.length };
}

/** How copyPiece takes a file in: `name` is the name the user gave (default: the file's own), `move` for a temporary file. */
export interface PieceSource {
  name?: string;
  move?: boolean;
}

/**
 * Same as writePiece from a file on disk, streamed: a 200 MB video is never held in memory. A file chosen in a
 * dialog is copied; an upload the web bridge streamed to a temporary file of the data folder is moved (`move`),
 * under the name the user gave (`name`). Either way the same checks: a regular file, its name shown neutralised.
 */
export async function copyPiece(dir: string, sourcePath: string, options: PieceSource = {}): Promise<StoredPiece> {
  const name = options.name ?? basename(sourcePath);
  await checkRegularFile(sourcePath, name);
  const sha256 = await sha256File(sourcePath);
  const file = pieceFile(sha256, safeExtension(name));
  const path = join(dir, file);
  const { size } = await stat(sourcePath);
  if (!(await sameSize(path, size))) {
    if (options.move) await rename(sourcePath, path);
    else {
      const temp = temporaryPath(path);
      await copyFile(sourcePath, temp);
      await rename(temp, path);
    }
    await syncDir(piecesDir(dir));
  } else if (options.move) await rm(sourcePath, { force: true });
  return { sha256, file, path, size };
}

/** Reading a FIFO or a device may never end, and its size says nothing: only regular files are taken in. */
export async function checkRegularFile(sourcePath: string, name = basename(sourcePath)): Promise<void> {
  if (!(await stat(sourcePath)).isFile()) throw new StoreError('refused', `« ${displayFileName(name)} » n’est pas un fichier ordinaire (dossier, tube ou périphérique) : rien n’a été ajouté.`);
}

/** Absolute path of a stored piece, from its `pieces/<sha256>.<ext>` name only (never a path from elsewhere). */
export function piecePath(dir: string, file: string): string {
  if (!PIECE_FILE.test(file)) throw new StoreError('not-found', `Pièce « ${displayFileName(file)} » introuvable dans le dossier.`);
  return join(dir, file);
}

/** Removes a piece file that no evidence entry uses any more. */
export async function removePiece(dir: string, file: string): Promise<void> {
  await rm(piecePath(dir, file), { force: true });
}

/** Copies every stored piece of a case into another case's pieces/ folder (a duplicated case), temporaries left out. */
export async function copyPieces(fromDir: string, toDir: string): Promise<void> {
  for (const name of await readdir(piecesDir(fromDir)).catch(() => [] as string[])) {
    if (!name.endsWith('.tmp')) await copyFile(join(piecesDir(fromDir), name), join(piecesDir(toDir), name));
  }
}

/** A piece already stored with that name and size is the same file (the name is its SHA-256). */
async function sameSize(path: string, size: number): Promise<boolean> {
  try {
    return (await stat(path)).size === size;
  } catch {
    return false;
  }
}
