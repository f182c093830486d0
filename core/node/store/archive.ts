/**
 * A whole case as one `.recours` file (a zip): case.json, meta.json, the evidence pieces and the generated documents,
 * with a manifest giving the SHA-256 of every entry. Import inflates the archive into the folder the new case is
 * built in, checks every fingerprint, and only then installs the case (a rename) under a new id, so that
 * importing twice, or importing one's own export, never overwrites.
 */
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporaryPath } from '../atomic-write.js';
import { writeArchive } from './archive-write.js';
import { ArchiveProblem, extractArchive, MAX_ARCHIVE_CONTENT, type ArchiveSource, type ExtractedFile } from './archive-read.js';
import { CASE_FILE, DOCUMENTS_DIR, documentsDir, META_FILE, PIECE_FILE, PIECES_DIR, piecesDir } from './layout.js';
import { metaSchema, type CaseMeta } from './meta.js';
import { migrateDraft, UnreadableCaseError, type Draft } from './migrate.js';
import { StoreError } from './errors.js';
import type { CaseRecord, CaseStore } from './case-store.js';
import { displayFileName } from '../../common/format/display-name.js';

export const EXPORT_FORMAT = 'recours/export@1';
const MANIFEST = 'manifest.json';
export { MAX_ARCHIVE_CONTENT };

interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

/** Entry names an archive may hold: nothing else is ever written (no « ../ », no absolute path). */
const ALLOWED = [/^case\.json$/, /^meta\.json$/, PIECE_FILE, /^documents\/[a-z0-9-]{8,64}\/[^/\\\0]{1,150}$/];
const COMPRESSIBLE = /\.(json|txt|eml|csv|html?|xml|md)$/i;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

function field(draft: Record<string, unknown>, a: string, b: string): string {
  const o = draft[a];
  const v = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[b] : undefined;
  return typeof v === 'string' ? v : '';
}

/** « benali-402-7719254-3381946.recours »: who and which order, readable in a file list. */
export function exportName(record: CaseRecord): string {
  const parts = [slug(field(record.draft, 'claimant', 'lastName')), slug(field(record.draft, 'order', 'number'))].filter(Boolean);
  return `${parts.length > 0 ? parts.join('-') : `dossier-${record.id}`}.recours`;
}

async function filesUnder(dir: string, prefix: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.endsWith('.tmp')) continue;
    if (e.isDirectory()) out.push(...(await filesUnder(join(dir, e.name), `${prefix}${e.name}/`)));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
  return out;
}

/** Writes the `.recours` file of the case folder `dir` to the new file `file`; its size. The heavy half of an export, run in a worker by the web bridge. */
export async function packCase(dir: string, id: string, now: Date, file: string): Promise<number> {
  const paths = [CASE_FILE, META_FILE, ...(await filesUnder(piecesDir(dir), `${PIECES_DIR}/`)), ...(await filesUnder(documentsDir(dir), `${DOCUMENTS_DIR}/`))];
  const inputs = paths.filter((p) => ALLOWED.some((r) => r.test(p))).map((name) => ({ name, path: join(dir, ...name.split('/')), deflate: COMPRESSIBLE.test(name) }));
  return writeArchive(
    inputs,
    now,
    (files) => {
      const entries: ManifestEntry[] = files.map((f) => ({ path: f.name, size: f.size, sha256: f.sha256 }));
      const manifest = { format: EXPORT_FORMAT, application: 'Recours', exportedAt: now.toISOString(), caseId: id, entries };
      return { name: MANIFEST, bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
    },
    file,
  );
}

export type CasePacker = (dir: string, id: string, now: Date, file: string) => Promise<number>;

/** An exported case: the archive's file, the name to offer the user, its size. */
export interface ExportedCase {
  name: string;
  path: string;
  size: number;
}

/**
 * Exports case `id` to the path `destination` gives for the archive's name (null: the user gave up, nothing is
 * written). All or nothing: written beside it under a temporary name, flushed, then renamed — an interrupted
 * export never leaves half an archive where the user looks for one.
 */
export async function exportCaseFile(
  store: CaseStore,
  id: string,
  destination: (name: string) => string | null | Promise<string | null>,
  now = new Date(),
  pack: CasePacker = packCase,
): Promise<ExportedCase | null> {
  const record = await store.get(id);
  const name = exportName(record);
  const path = await destination(name);
  if (path === null) return null;
  const temp = temporaryPath(path);
  try {
    const size = await pack(record.dir, id, now, temp);
    await rename(temp, path);
    return { name, path, size };
  } finally {
    await rm(temp, { force: true });
  }
}

/** A temporary file of the data folder for an export: named like the store's temporaries, so one left by a killed process is removed at start. */
export const exportTemporary = (store: CaseStore) => temporaryPath(join(store.dataDir, '.export'));

/** The archive's bytes, for a caller that wants them in memory (the JSON API, scripts): exported to a temporary file, read, removed. */
export async function exportCase(store: CaseStore, id: string, now = new Date(), pack: CasePacker = packCase): Promise<{ name: string; bytes: Uint8Array }> {
  const file = await exportCaseFile(store, id, () => exportTemporary(store), now, pack);
  if (!file) throw new Error('exportCase: no destination');
  try {
    const buffer = await readFile(file.path);
    return { name: file.name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  } finally {
    await rm(file.path, { force: true });
  }
}

function invalid(why: string): StoreError {
  return new StoreError('invalid-archive', `Fichier .recours non importé : ${why}`);
}

function readManifest(bytes: Uint8Array | undefined): ManifestEntry[] {
  if (!bytes) throw invalid('le manifeste (manifest.json) est absent ; ce n’est pas une sauvegarde Recours.');
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalid('le manifeste (manifest.json) est illisible.');
  }
  const m = data as { format?: unknown; entries?: unknown };
  if (m.format !== EXPORT_FORMAT) throw invalid(`format « ${String(m.format)} » inconnu (attendu « ${EXPORT_FORMAT} ») : le fichier vient peut-être d’une version plus récente de Recours.`);
  if (!Array.isArray(m.entries)) throw invalid('le manifeste (manifest.json) ne liste aucun fichier.');
  return m.entries.map((e: unknown) => {
    const x = e as Partial<ManifestEntry>;
    if (typeof x?.path !== 'string' || typeof x.size !== 'number' || typeof x.sha256 !== 'string') throw invalid('une entrée du manifeste est incomplète.');
    return { path: x.path, size: x.size, sha256: x.sha256 };
  });
}

/** A `.recours` archive once every check has passed: the case the store installs under a new id (its files are staged). */
export interface CheckedArchive {
  draft: Draft;
  meta: CaseMeta;
}

export type { ArchiveSource };

/** Checks `source`, its pieces and documents inflated into the case folder being built `staging`. */
export type ArchiveChecker = (source: ArchiveSource, staging?: string) => Promise<CheckedArchive>;

/** case.json, meta.json and the manifest are read in memory: each at most this (a case file is at most 10 Mio). */
const MAX_DESCRIPTION = 16_000_000;
const DESCRIPTIONS = new Set([MANIFEST, CASE_FILE, META_FILE]);

/**
 * Inflates the archive into `staging` (pieces/…, documents/…) and checks every fingerprint, the manifest, the
 * case and its evidence: the heavy half of an import, run in a worker by the web bridge. Without `staging`, a
 * check only, in a temporary folder removed after. Throws StoreError('invalid-archive'), leaving `staging` to
 * its owner to remove.
 */
export async function checkArchiveSource(source: ArchiveSource, staging?: string): Promise<CheckedArchive> {
  if (staging !== undefined) return checkArchive(source, staging);
  const temporary = await mkdtemp(join(tmpdir(), 'recours-verification-'));
  try {
    return await checkArchive(source, temporary);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

async function checkArchive(source: ArchiveSource, staging: string): Promise<CheckedArchive> {
  let files: Map<string, ExtractedFile>;
  try {
    files = await extractArchive(source, {
      allowed: (name) => name === MANIFEST || ALLOWED.some((r) => r.test(name)),
      target: (name) => (DESCRIPTIONS.has(name) ? null : join(staging, ...name.split('/'))),
      memoryLimit: MAX_DESCRIPTION,
    });
  } catch (e) {
    if (e instanceof ArchiveProblem) throw invalid(e.message);
    // A disk that is full or refuses a write says so; anything else means bytes that are not a zip.
    if ((e as NodeJS.ErrnoException).syscall !== undefined) throw e;
    throw invalid('ce n’est pas une archive .recours lisible (fichier abîmé ou d’un autre type).');
  }

  const manifest = readManifest(files.get(MANIFEST)?.bytes);
  const listed = new Set(manifest.map((e) => e.path));
  for (const entry of manifest) {
    const content = files.get(entry.path);
    if (!content) throw invalid(`« ${displayFileName(entry.path)} » est annoncé par le manifeste mais absent de l’archive.`);
    if (content.size !== entry.size || content.sha256 !== entry.sha256) throw invalid(`« ${displayFileName(entry.path)} » a été modifié ou abîmé (empreinte SHA-256 différente).`);
  }
  for (const name of files.keys()) {
    if (name !== MANIFEST && !listed.has(name)) throw invalid(`« ${displayFileName(name)} » n’est pas dans le manifeste.`);
  }
  for (const [name, file] of files) {
    if (!name.startsWith(`${PIECES_DIR}/`)) continue;
    const hash = /^pieces\/([a-f0-9]{64})/.exec(name)?.[1];
    if (hash !== file.sha256) throw invalid(`la pièce « ${displayFileName(name)} » ne correspond pas à son empreinte.`);
  }

  const caseBytes = files.get(CASE_FILE)?.bytes;
  const metaBytes = files.get(META_FILE)?.bytes;
  if (!caseBytes || !metaBytes) throw invalid('case.json ou meta.json manque.');
  let draft;
  try {
    draft = migrateDraft(JSON.parse(new TextDecoder().decode(caseBytes)), CASE_FILE).draft;
  } catch (e) {
    throw invalid(e instanceof UnreadableCaseError ? e.message : '« case.json » n’est pas du JSON valide.');
  }
  const meta = metaSchema.safeParse(safeJson(metaBytes));
  if (!meta.success) throw invalid('« meta.json » n’a pas la forme attendue.');

  // Evidence must point at pieces of the archive: a case never reads a file outside its own folder.
  const evidence = draft.evidence;
  if (evidence !== undefined) {
    if (!Array.isArray(evidence)) throw invalid('la liste des pièces (evidence) n’est pas une liste.');
    for (const entry of evidence) {
      const file = (entry as { file?: unknown } | null)?.file;
      if (typeof file !== 'string' || !files.has(file) || !file.startsWith(`${PIECES_DIR}/`)) {
        throw invalid(`la pièce « ${displayFileName(String(file)).slice(0, 80)} » citée par le dossier n’est pas dans l’archive.`);
      }
    }
  }
  return { draft, meta: meta.data };
}

/** Imports an archive as a new case: inflated into the folder the case is built in, then installed whole (one rename). */
export async function importCase(store: CaseStore, source: ArchiveSource, now = new Date(), check: ArchiveChecker = checkArchiveSource): Promise<CaseRecord> {
  const stamp = now.toISOString();
  return store.installStaged(async (work) => {
    const { draft, meta } = await check(source, work);
    return { draft, meta: { ...meta, createdAt: stamp, updatedAt: stamp, archived: false } };
  });
}

function safeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
