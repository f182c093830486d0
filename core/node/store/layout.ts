/**
 * Where a case lives in the data directory:
 *
 *   <dataDir>/<caseId>/case.json          the draft, format v1 (may be incomplete while the user types)
 *   <dataDir>/<caseId>/meta.json          created/updated times, archived flag, documents history, evidence details
 *   <dataDir>/<caseId>/case.avant-migration-<format>.json   the case file as it was before a format migration
 *   <dataDir>/<caseId>/pieces/<sha256>.<ext>   evidence copied in, named by fingerprint
 *   <dataDir>/<caseId>/documents/<documentId>/  generated files
 *   <dataDir>/_a-verifier/                cases that could not be read, moved aside (never overwritten)
 *   <dataDir>/.index.json                 a cache of the list; deleting it only costs one slower listing
 *
 * Case folders have a distinctive name (2026-11-25-k3j9x2ab) so that the store never mistakes another folder
 * of the data directory (Electron's own, a user's) for a case.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const CASE_FILE = 'case.json';
export const META_FILE = 'meta.json';
export const PIECES_DIR = 'pieces';
export const DOCUMENTS_DIR = 'documents';
export const SET_ASIDE_DIR = '_a-verifier';
export const INDEX_FILE = '.index.json';
/** Prefix of the folders a case is built in (creation, import) or removed from (deletion): never listed. */
export const WORK_PREFIX = '.en-cours-';

/** The shape of every id this store hands out (a subset of the contract's caseIdSchema). */
export const STORE_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9]{8}$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(length = 8): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** « 2026-11-25-k3j9x2ab »: the creation day first, so that a file explorer sorts cases by age. */
export function newId(now: Date = new Date()): string {
  return `${now.toISOString().slice(0, 10)}-${randomSuffix()}`;
}

export function caseDir(dataDir: string, id: string): string {
  return join(dataDir, id);
}

export const caseFilePath = (dir: string): string => join(dir, CASE_FILE);
export const metaFilePath = (dir: string): string => join(dir, META_FILE);
export const piecesDir = (dir: string): string => join(dir, PIECES_DIR);
export const documentsDir = (dir: string): string => join(dir, DOCUMENTS_DIR);
export const indexPath = (dataDir: string): string => join(dataDir, INDEX_FILE);

/** Kept beside the migrated case file, never overwritten: `case.avant-migration-recours-case-0.json`. */
export function migrationBackupPath(dir: string, migratedFrom: string): string {
  return join(dir, `case.avant-migration-${migratedFrom.replace(/\W+/g, '-')}.json`);
}

/** The ids the store gives generated documents (and accepts back from a request or an archive). */
export const DOCUMENT_ID = /^[a-z0-9-]{8,64}$/;

/** `documents/<documentId>/` of a case folder; the id is checked against DOCUMENT_ID by the caller. */
export function documentDir(dir: string, documentId: string): string {
  return join(dir, DOCUMENTS_DIR, documentId);
}

export function workDir(dataDir: string, purpose: string): string {
  return join(dataDir, `${WORK_PREFIX}${purpose}-${randomSuffix()}`);
}

/** `pieces/<sha256>.<ext>`, relative to the case folder as the case file records it. */
export function pieceFile(sha256: string, ext: string): string {
  return `${PIECES_DIR}/${sha256}${ext ? `.${ext}` : ''}`;
}

/** The only piece names a request may name: what pieceFile() builds (never a path from elsewhere). */
export const PIECE_FILE = /^pieces\/[a-f0-9]{64}(\.[a-z0-9]{1,10})?$/;

/** The extension kept for a stored piece: lower case, letters and digits only, else none. */
export function safeExtension(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match?.[1]?.toLowerCase() ?? '';
}
