/**
 * The case store: one folder per case in the user's data directory (see layout.ts), every write atomic and
 * flushed, one operation at a time per case. This module composes the parts — the case files (case-files.ts),
 * the list index (case-index.ts), the pieces (pieces.ts) and the generated documents (documents.ts) — and holds
 * what they share: the per-case lock, the cases last seen, the one-time start.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CASE_FORMAT } from '../../common/case/schema.js';
import { todayIso } from '../../common/format/dates.js';
import {
  changedRecord, existingCaseDir, installCase, readCase, sweepCaseTemporaries, writeCase,
  type CaseChange, type CaseRecord,
} from './case-files.js';
import { createCaseIndex, type Annotate, type ListEntry } from './case-index.js';
import * as documents from './documents.js';
import type { StoredFile } from './documents.js';
import { removeStaleTemporaries, syncDir } from './durable-write.js';
import { caseNotFound, isMissing, staleRevision, StoreError } from './errors.js';
import { caseDir, STORE_ID, WORK_PREFIX, workDir } from './layout.js';
import { KeyedLock } from './lock.js';
import { newMeta, type CaseMeta } from './meta.js';
import { UnreadableCaseError, type Draft } from './migrate.js';
import * as pieces from './pieces.js';
import type { StoredPiece } from './pieces.js';
import { listSetAside, setCaseAside, type SetAsideCase } from './set-aside.js';

export type { CaseRecord } from './case-files.js';
export type { Annotation, ListEntry } from './case-index.js';
export type { StoredPiece } from './pieces.js';
export { safeFileName, type StoredFile } from './documents.js';

export interface CaseStoreOptions {
  dataDir: string;
  /** Stage and deadlines of a case for the list (they depend on today, so the index recomputes them daily). */
  annotate?: Annotate;
  today?: () => string;
  now?: () => Date;
  /** Names the annotate function's version: index entries computed by another one are recomputed. */
  annotator?: string;
  /** Told about a case the list had to skip for a passing reason (disk error): it is not set aside. */
  onProblem?: (message: string) => void;
}

export type CaseStore = ReturnType<typeof createCaseStore>;

export function createCaseStore(options: CaseStoreOptions) {
  const { dataDir } = options;
  const now = options.now ?? (() => new Date());
  const lock = new KeyedLock();
  const index = createCaseIndex({
    dataDir,
    today: options.today ?? (() => todayIso()),
    ...(options.annotate ? { annotate: options.annotate } : {}),
    ...(options.annotator !== undefined ? { annotator: options.annotator } : {}),
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
    lock,
    readLocked: (id) => readRecord(id, false),
  });
  /** The last version of the cases this process read or wrote, for reads that must not wait for a save (preview). */
  const recent = new Map<string, CaseRecord>();
  const remember = (record: CaseRecord): CaseRecord => {
    recent.delete(record.id);
    recent.set(record.id, record);
    if (recent.size > 32) recent.delete(recent.keys().next().value as string);
    return record;
  };
  let started: Promise<void> | null = null;

  const dirOf = (id: string) => caseDir(dataDir, id);
  const stamp = () => now().toISOString();

  function checkId(id: string): void {
    if (!STORE_ID.test(id)) throw caseNotFound(id);
  }

  /** Once per store: the data folder exists, and work folders left by a killed process are removed. */
  function start(): Promise<void> {
    started ??= (async () => {
      await mkdir(dataDir, { recursive: true });
      await removeStaleTemporaries(dataDir);
      const names = await readdir(dataDir);
      await Promise.all(
        names
          .filter((n) => n.startsWith(WORK_PREFIX) && !n.includes(`-${process.pid}-`))
          .map((n) => rm(join(dataDir, n), { recursive: true, force: true })),
      );
    })();
    return started;
  }

  /** Reads a case; one that cannot be read is set aside and reported as StoreError('unreadable'). Call under the lock. */
  async function readRecord(id: string, opening = true): Promise<CaseRecord> {
    const dir = dirOf(id);
    try {
      const record = await readCase(id, dir);
      if (opening) await sweepCaseTemporaries(dir);
      return opening ? remember(record) : record;
    } catch (e) {
      recent.delete(id);
      if (!(e instanceof UnreadableCaseError)) throw e;
      index.forget(id);
      const aside = await setCaseAside(dataDir, id, e.message, now());
      throw new StoreError('unreadable', aside.message);
    }
  }

  async function writeRecord(record: CaseRecord, draftChanged: boolean): Promise<void> {
    await writeCase(record, draftChanged);
    index.forget(record.id);
    remember(record);
  }

  async function install(build: (work: string) => Promise<{ draft: Draft; meta: CaseMeta }>): Promise<CaseRecord> {
    await start();
    return installCase(dataDir, now, build);
  }

  /** The folder of an existing case, for a piece or a document to go in. */
  async function existingDir(id: string): Promise<string> {
    checkId(id);
    return existingCaseDir(dataDir, id);
  }

  const store = {
    dataDir,

    /** Resolves once the index of the list is on disk (tests, and before the process exits). */
    flush: (): Promise<void> => index.flush(),

    /** Sets how the list's stage and deadlines are computed (the API layer knows; the store only caches them). */
    setAnnotate(fn: Annotate, version: string): void {
      index.setAnnotate(fn, version);
    },

    /** Every readable case (archived ones included), most recently changed first. Unreadable ones are set aside. */
    async list(): Promise<ListEntry[]> {
      await start();
      return index.list();
    },

    async create(draft: Draft): Promise<CaseRecord> {
      return install(async () => ({ draft: { ...draft, format: CASE_FORMAT }, meta: newMeta(stamp()) }));
    },

    async get(id: string): Promise<CaseRecord> {
      checkId(id);
      await start();
      return lock.run(id, () => readRecord(id));
    },

    /** The case as this process last saw it, without waiting for a save in progress; read from disk the first time. */
    async peek(id: string): Promise<CaseRecord> {
      checkId(id);
      return recent.get(id) ?? store.get(id);
    },

    /**
     * Changes a case under its lock. `change` returns the new draft and/or meta; updatedAt is set here.
     * Returning nothing leaves the case as it was.
     */
    async update(id: string, change: (record: CaseRecord) => Promise<CaseChange | void> | CaseChange | void): Promise<CaseRecord> {
      checkId(id);
      await start();
      return lock.run(id, async () => {
        const record = await readRecord(id);
        const result = await change(record);
        if (!result || (!result.draft && !result.meta)) return record;
        const next = changedRecord(record, result, stamp());
        await writeRecord(next, result.draft !== undefined);
        return next;
      });
    },

    /**
     * Saves the draft as typed. Evidence entries belong to the evidence methods: the stored list is kept.
     * With `revision` (the one the draft was read at), a case changed since is refused: StoreError('conflict').
     */
    async saveDraft(id: string, draft: Draft, revision?: number): Promise<CaseRecord> {
      return store.update(id, (record) => {
        if (revision !== undefined && revision !== record.meta.revision) throw staleRevision();
        const { evidence: _ignored, ...rest } = draft;
        return { draft: record.draft.evidence === undefined ? rest : { ...rest, evidence: record.draft.evidence } };
      });
    },

    async setArchived(id: string, archived: boolean): Promise<CaseRecord> {
      return store.update(id, (record) => ({ meta: { ...record.meta, archived } }));
    },

    /** A new case with the same facts and evidence; its documents history starts empty. */
    async duplicate(id: string): Promise<CaseRecord> {
      const source = await store.get(id);
      const meta = { ...newMeta(stamp()), pieces: source.meta.pieces };
      return install(async (work) => {
        await pieces.copyPieces(source.dir, work);
        return { draft: source.draft, meta };
      });
    },

    /** Deletes a case: renamed out of the list first, so that a crash never leaves half a case. */
    async remove(id: string): Promise<void> {
      checkId(id);
      await start();
      await lock.run(id, async () => {
        const trash = workDir(dataDir, `suppression-${process.pid}`);
        try {
          await rename(dirOf(id), trash);
        } catch (e) {
          if (isMissing(e)) throw caseNotFound(id);
          throw e;
        }
        index.forget(id);
        recent.delete(id);
        await syncDir(dataDir);
        await rm(trash, { recursive: true, force: true });
      });
    },

    /** Stores bytes as a piece named by their SHA-256 (idempotent: the same file is stored once). */
    async writePiece(id: string, originalName: string, bytes: Uint8Array): Promise<StoredPiece> {
      return pieces.writePiece(await existingDir(id), originalName, bytes);
    },

    /** Same as writePiece from a file on disk, streamed: a file chosen in a dialog (copied) or an upload (moved, see PieceSource). */
    async copyPiece(id: string, sourcePath: string, options: pieces.PieceSource = {}): Promise<StoredPiece> {
      return pieces.copyPiece(await existingDir(id), sourcePath, options);
    },

    /** Absolute path of a stored piece, from its `pieces/<sha256>.<ext>` name only (never a path from elsewhere). */
    piecePath(id: string, file: string): string {
      checkId(id);
      return pieces.piecePath(dirOf(id), file);
    },

    /** Removes a piece file that no evidence entry uses any more. */
    async removePiece(id: string, file: string): Promise<void> {
      checkId(id);
      await pieces.removePiece(dirOf(id), file);
    },

    /** Writes a generated document's files into `documents/<documentId>/`; all or nothing. */
    async writeDocument(id: string, documentId: string, files: StoredFile[]): Promise<{ name: string; size: number }[]> {
      return documents.writeDocument(await existingDir(id), documentId, files);
    },

    documentPath(id: string, documentId: string, name: string): string {
      checkId(id);
      return documents.documentPath(dirOf(id), documentId, name);
    },

    async removeDocumentFiles(id: string, documentId: string): Promise<void> {
      checkId(id);
      await documents.removeDocumentFiles(dirOf(id), documentId);
    },

    /**
     * A new case built by `stage` in the folder it is given (an imported archive, its pieces/… and documents/…
     * inflated there), with the draft and meta `stage` returns; nothing is listed unless every step succeeds.
     */
    async installStaged(stage: (work: string) => Promise<{ draft: Draft; meta: CaseMeta }>): Promise<CaseRecord> {
      return install(stage);
    },

    /** Cases moved into _a-verifier because they could not be read. */
    async setAside(): Promise<SetAsideCase[]> {
      await start();
      return listSetAside(dataDir);
    },
  };

  return store;
}
