/**
 * The files generated for a case (letters, dossiers, bordereaux), one folder per document in `documents/` (see
 * layout.ts), under names the store cleans itself. The functions take the case folder; the store checks the case
 * exists first.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { syncDir } from './durable-write.js';
import { StoreError } from './errors.js';
import { DOCUMENT_ID, documentDir, documentsDir } from './layout.js';

export interface StoredFile {
  name: string;
  bytes: Uint8Array;
}

/** Writes a generated document's files into `documents/<documentId>/`; all or nothing. */
export async function writeDocument(dir: string, documentId: string, files: StoredFile[]): Promise<{ name: string; size: number }[]> {
  const target = documentDir(dir, documentId);
  await mkdir(target, { recursive: true });
  try {
    for (const f of files) await writeFileAtomic(join(target, safeFileName(f.name)), f.bytes);
    await syncDir(target);
    await syncDir(documentsDir(dir));
  } catch (e) {
    await rm(target, { recursive: true, force: true });
    throw e;
  }
  return files.map((f) => ({ name: safeFileName(f.name), size: f.bytes.length }));
}

/** Absolute path of one file of a document, from a document id and a name the store could have written only. */
export function documentPath(dir: string, documentId: string, name: string): string {
  if (!DOCUMENT_ID.test(documentId) || name !== safeFileName(name)) throw new StoreError('not-found', `Document « ${name} » introuvable.`);
  return join(documentDir(dir, documentId), name);
}

export async function removeDocumentFiles(dir: string, documentId: string): Promise<void> {
  if (!DOCUMENT_ID.test(documentId)) return;
  await rm(documentDir(dir, documentId), { recursive: true, force: true });
}

/** File names written by the store: no folders, nothing hidden, nothing a file system refuses. */
export function safeFileName(name: string): string {
  const visible = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '-' : ch)).join('');
  const cleaned = visible.replace(/[\\/:*?"<>|]/g, '-').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 150) || 'document';
}
