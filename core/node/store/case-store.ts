/**
 * The case store: one folder per case in the user's data directory (see layout.ts), every write atomic and
 * flushed, one operation at a time per case, and a small index so that listing 1 000 cases reads one file and
 * stats 2 000, instead of reading and parsing 2 000.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CASE_LIMITS, caseLimitProblems, decodeCaseBytes, jsonDepthExceeded } from '../../common/case/limits.js';
import { CASE_FORMAT } from '../../common/case/schema.js';
import { todayIso } from '../../common/format/dates.js';
import { displayFileName } from '../../common/format/display-name.js';
import { writeFileAtomic } from '../atomic-write.js';
import { readCaseText } from '../case-text.js';
import { removeStaleTemporaries, syncDir, writeFileDurable, writeJsonDurable } from './durable-write.js';
import { caseNotFound, isMissing, staleRevision, StoreError } from './errors.js';
import {
  CASE_FILE, DOCUMENTS_DIR, INDEX_FILE, META_FILE, newId, pieceFile, PIECES_DIR, safeExtension, STORE_ID, WORK_PREFIX, workDir,
} from './layout.js';
import { listFacts, type ListFacts } from './list-facts.js';
import { mapLimit } from './limit.js';
import { KeyedLock } from './lock.js';
import { metaSchema, newMeta, type CaseMeta } from './meta.js';
import { migrateDraft, UnreadableCaseError, type Draft } from './migrate.js';
import { listSetAside, setCaseAside, type SetAsideCase } from './set-aside.js';

export interface CaseRecord {
  id: string;
  /** The case folder: evidence entries' `file` paths are relative to it. */
  dir: string;
  draft: Draft;
  meta: CaseMeta;
}

/** What the list needs beyond the draft's own facts: computed by the API layer (stage, deadlines), cached here. */
export interface Annotation {
  stage: string;
  deadlines: { date: string; label: string }[];
}

export interface ListEntry {
  id: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  facts: ListFacts;
  annotation: Annotation;
}

export interface CaseStoreOptions {
  dataDir: string;
  /** Stage and deadlines of a case for the list (they depend on today, so the index recomputes them daily). */
  annotate?: (record: CaseRecord, today: string) => Promise<Annotation> | Annotation;
  today?: () => string;
  now?: () => Date;
  /** Names the annotate function's version: index entries computed by another one are recomputed. */
  annotator?: string;
  /** Told about a case the list had to skip for a passing reason (disk error): it is not set aside. */
  onProblem?: (message: string) => void;
}

export interface StoredFile {
  name: string;
  bytes: Uint8Array;
}

export interface StoredPiece {
  sha256: string;
  /** `pieces/<sha256>.<ext>`, relative to the case folder. */
  file: string;
  path: string;
  size: number;
}

interface IndexEntry extends ListEntry {
  /** case.json's and meta.json's modification times and sizes when the entry was computed. */
  key: string;
  day: string;
  annotator: string;
}

const INDEX_FORMAT = 'recours/index@1';
const NO_ANNOTATION: Annotation = { stage: '', deadlines: [] };

export type CaseStore = ReturnType<typeof createCaseStore>;

export function createCaseStore(options: CaseStoreOptions) {
  const { dataDir } = options;
  const today = options.today ?? (() => todayIso());
  const now = options.now ?? (() => new Date());
  let annotate = options.annotate ?? (() => NO_ANNOTATION);
  let annotator = options.annotate ? (options.annotator ?? 'custom') : 'none';
  const lock = new KeyedLock();
  let index: Map<string, IndexEntry> | null = null;
  /** The last version of the cases this process read or wrote, for reads that must not wait for a save (preview). */
  const recent = new Map<string, CaseRecord>();
  const remember = (record: CaseRecord): CaseRecord => {
    recent.delete(record.id);
    recent.set(record.id, record);
    if (recent.size > 32) recent.delete(recent.keys().next().value as string);
    return record;
  };
  let started: Promise<void> | null = null;

  const dirOf = (id: string) => join(dataDir, id);
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

  /**
   * Modification times and sizes of case.json and meta.json: an index entry stays valid while both are unchanged
   * (the store rewrites meta.json at every save; case.json may also be edited by hand). Synchronous: 2 000 stats
   * take a few milliseconds.
   */
  function filesKey(id: string): string {
    const one = (name: string) => {
      try {
        const s = statSync(join(dirOf(id), name), { bigint: true });
        return `${s.mtimeNs}:${s.size}`;
      } catch {
        return 'none';
      }
    };
    return `${one(CASE_FILE)}/${one(META_FILE)}`;
  }

  /** Reads a case; one that cannot be read is set aside and reported as StoreError('unreadable'). Call under the lock. */
  async function readRecord(id: string, opening = true): Promise<CaseRecord> {
    const dir = dirOf(id);
    try {
      const record = await parseRecord(id, dir);
      // Opening a case (not listing it) is when what a killed writer left behind is swept away.
      if (opening) await Promise.all([removeStaleTemporaries(dir), removeStaleTemporaries(join(dir, PIECES_DIR))]);
      return opening ? remember(record) : record;
    } catch (e) {
      recent.delete(id);
      if (!(e instanceof UnreadableCaseError)) throw e;
      index?.delete(id);
      const aside = await setCaseAside(dataDir, id, e.message, now());
      throw new StoreError('unreadable', aside.message);
    }
  }

  async function parseRecord(id: string, dir: string): Promise<CaseRecord> {
    let text: string;
    try {
      const read = await readCaseText(join(dir, CASE_FILE), CASE_FILE);
      if (!read.ok) throw new UnreadableCaseError(read.message);
      text = read.text;
    } catch (e) {
      if (!isMissing(e)) throw e;
      // No folder: the case does not exist. A folder without its case file: a case that cannot be read.
      try {
        await stat(dir);
      } catch (e2) {
        if (isMissing(e2)) throw caseNotFound(id);
        throw e2;
      }
      throw new UnreadableCaseError(`« ${CASE_FILE} » est absent du dossier.`);
    }
    const data = parseJson(text, CASE_FILE);
    const { draft, migratedFrom } = migrateDraft(data, CASE_FILE);
    const meta = await readMeta(dir);
    if (migratedFrom) {
      // The original stays next to the migrated file (never overwritten), for a person to compare.
      await writeFileAtomic(join(dir, `case.avant-migration-${migratedFrom.replace(/\W+/g, '-')}.json`), text).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
      await writeJsonDurable(join(dir, CASE_FILE), draft);
    }
    return { id, dir, draft, meta };
  }

  async function readMeta(dir: string): Promise<CaseMeta> {
    let text: string;
    try {
      text = await readFile(join(dir, META_FILE), 'utf8');
    } catch (e) {
      if (!isMissing(e)) throw e;
      // A case folder copied by hand with only its case file: rebuild what can be rebuilt, and save it.
      const s = await stat(join(dir, CASE_FILE));
      const meta = newMeta(s.mtime.toISOString());
      await writeJsonDurable(join(dir, META_FILE), meta);
      return meta;
    }
    const parsed = metaSchema.safeParse(parseJson(text, META_FILE));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UnreadableCaseError(`« ${META_FILE} » n’a pas la forme attendue (${issue ? `${issue.path.join('.') || 'format'} : ${issue.message}` : 'format'}).`);
    }
    return parsed.data;
  }

  function parseJson(text: string, fileName: string): unknown {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      const position = /position (\d+)/.exec((e as Error).message)?.[1];
      const where = position === undefined ? '' : ` (ligne ${text.slice(0, Number(position)).split('\n').length})`;
      throw new UnreadableCaseError(`« ${fileName} » n’est pas du JSON valide${where}${text.trim() === '' ? ' : le fichier est vide' : ''}.`);
    }
  }

  /** meta.json, then case.json: each atomic; a crash in between leaves a newer updatedAt beside the previous facts. */
  async function writeRecord(record: CaseRecord, draftChanged: boolean): Promise<void> {
    if (draftChanged) checkLimits(record.draft);
    await writeJsonDurable(join(record.dir, META_FILE), record.meta);
    if (draftChanged) await writeJsonDurable(join(record.dir, CASE_FILE), record.draft);
    index?.delete(record.id);
    remember(record);
  }

  /** Nothing is saved that could not be opened again: a case past the limits is refused, the stored one kept. */
  function checkLimits(draft: Draft): void {
    const problems = caseLimitProblems(draft);
    if (problems.length > 0) throw new StoreError('refused', `Rien n’a été enregistré. ${problems.map((p) => p.message).join(' ')}`);
  }

  /** Builds a case in a work folder, then renames it into place: a crash never leaves half a case in the list. */
  async function install(draft: Draft, meta: CaseMeta, files: (dir: string) => Promise<void> = async () => {}): Promise<CaseRecord> {
    checkLimits(draft);
    await start();
    const work = workDir(dataDir, `creation-${process.pid}`);
    await mkdir(join(work, PIECES_DIR), { recursive: true });
    await mkdir(join(work, DOCUMENTS_DIR), { recursive: true });
    try {
      await files(work);
      await writeJsonDurable(join(work, META_FILE), meta);
      await writeJsonDurable(join(work, CASE_FILE), draft);
      await syncDir(join(work, PIECES_DIR));
      const id = newId(now());
      await rename(work, dirOf(id));
      await syncDir(dataDir);
      return { id, dir: dirOf(id), draft, meta };
    } catch (e) {
      await rm(work, { recursive: true, force: true });
      throw e;
    }
  }

  async function loadIndex(): Promise<Map<string, IndexEntry>> {
    if (index) return index;
    const loaded = new Map<string, IndexEntry>();
    try {
      const data = JSON.parse(await readFile(join(dataDir, INDEX_FILE), 'utf8')) as { format?: string; entries?: IndexEntry[] };
      if (data.format === INDEX_FORMAT && Array.isArray(data.entries)) for (const e of data.entries) loaded.set(e.id, e);
    } catch {
      // No index, or a broken one: it is only a cache, rebuilt by this listing.
    }
    index = loaded;
    return loaded;
  }

  let indexWrite: Promise<void> = Promise.resolve();
  let indexWanted = false;
  /**
   * Writes the index in the background, one write at a time, the latest state winning: the list does not wait for
   * it. A cache: atomic so that it is never half-written; losing it only costs one slower listing.
   */
  function saveIndex(idx: Map<string, IndexEntry>): void {
    if (indexWanted) return;
    indexWanted = true;
    indexWrite = indexWrite.then(async () => {
      indexWanted = false;
      await writeFileAtomic(join(dataDir, INDEX_FILE), JSON.stringify({ format: INDEX_FORMAT, entries: [...idx.values()] })).catch((e: Error) =>
        options.onProblem?.(`Index de la liste non enregistré : ${e.message}`),
      );
    });
  }

  /**
   * The list's fast path: both files read synchronously (for 1 000 small files, five times faster than the promise
   * API) and without the lock — renames are atomic, so a save in progress shows the old or the new version, and
   * its new meta.json key makes the next listing read the case again. Anything unusual (a file to migrate, to set
   * aside, a read error) goes through the locked path instead: null.
   */
  function quickRead(id: string): CaseRecord | null {
    const dir = dirOf(id);
    try {
      // Past a limit, the locked path reads the case again and says why it is refused.
      const casePath = join(dir, CASE_FILE);
      const s = statSync(casePath);
      if (!s.isFile() || s.size > CASE_LIMITS.fileBytes) return null;
      const decoded = decodeCaseBytes(readFileSync(casePath), CASE_FILE);
      if (!decoded.ok || jsonDepthExceeded(decoded.text, CASE_LIMITS.depth) >= 0) return null;
      const draft = JSON.parse(decoded.text) as unknown;
      const meta = metaSchema.safeParse(JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')));
      if (!meta.success || draft === null || typeof draft !== 'object' || (draft as Draft).format !== CASE_FORMAT) return null;
      return { id, dir, draft: draft as Draft, meta: meta.data };
    } catch {
      return null;
    }
  }

  async function makeEntry(record: CaseRecord, key: string, day: string, idx: Map<string, IndexEntry>): Promise<IndexEntry> {
    const entry: IndexEntry = {
      id: record.id,
      key,
      day,
      annotator,
      createdAt: record.meta.createdAt,
      updatedAt: record.meta.updatedAt,
      archived: record.meta.archived,
      facts: listFacts(record.draft),
      annotation: await annotate(record, day),
    };
    idx.set(record.id, entry);
    return entry;
  }

  /**
   * The entry of one case: from the index when meta.json has not changed since, else read again. An entry computed
   * on another day is still shown (deadline dates barely depend on the day; the list picks the next one with
   * today's date) and recomputed in the background (`stale`).
   */
  async function entryFor(id: string, day: string, idx: Map<string, IndexEntry>, stale: string[]): Promise<{ entry: IndexEntry | null; fresh: boolean }> {
    const key = filesKey(id);
    const cached = idx.get(id);
    if (cached && cached.key === key && cached.annotator === annotator) {
      if (cached.day !== day) stale.push(id);
      return { entry: cached, fresh: false };
    }
    const quick = quickRead(id);
    if (quick) return { entry: await makeEntry(quick, key, day, idx), fresh: true };
    return lock.run(id, async () => {
      try {
        const record = await readRecord(id, false);
        return { entry: await makeEntry(record, filesKey(id), day, idx), fresh: true };
      } catch (e) {
        if (e instanceof StoreError) return { entry: null, fresh: true };
        options.onProblem?.(`Dossier « ${id} » ignoré dans la liste : ${(e as Error).message}`);
        return { entry: null, fresh: false };
      }
    });
  }

  let background: Promise<void> = Promise.resolve();
  /** Recomputes, after the list was shown, the entries computed on another day. */
  function refreshLater(ids: string[], day: string, idx: Map<string, IndexEntry>): void {
    background = background.then(async () => {
      for (const id of ids) {
        const record = quickRead(id);
        if (record && idx.get(id)?.day !== day) await makeEntry(record, filesKey(id), day, idx).catch(() => undefined);
        // Let the user's requests through between two cases.
        await new Promise((resolve) => setImmediate(resolve));
      }
      saveIndex(idx);
    });
  }

  const store = {
    dataDir,

    /** Resolves once the index of the list is on disk (tests, and before the process exits). */
    async flush(): Promise<void> {
      await background;
      await indexWrite;
    },

    /** Sets how the list's stage and deadlines are computed (the API layer knows; the store only caches them). */
    setAnnotate(fn: NonNullable<CaseStoreOptions['annotate']>, version: string): void {
      annotate = fn;
      annotator = version;
    },

    /** Every readable case (archived ones included), most recently changed first. Unreadable ones are set aside. */
    async list(): Promise<ListEntry[]> {
      await start();
      const idx = await loadIndex();
      const day = today();
      const names = (await readdir(dataDir, { withFileTypes: true })).filter((d) => d.isDirectory() && STORE_ID.test(d.name)).map((d) => d.name);
      const stale: string[] = [];
      const results = await mapLimit(names, 64, (id) => entryFor(id, day, idx, stale));
      let changed = results.some((r) => r.fresh);
      const present = new Set(names);
      for (const id of [...idx.keys()]) {
        if (!present.has(id)) {
          idx.delete(id);
          changed = true;
        }
      }
      if (changed) saveIndex(idx);
      if (stale.length > 0) refreshLater(stale, day, idx);
      return results
        .flatMap((r) => (r.entry ? [r.entry] : []))
        .map(({ key: _key, day: _day, annotator: _annotator, ...entry }) => entry)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    },

    async create(draft: Draft): Promise<CaseRecord> {
      return install({ ...draft, format: CASE_FORMAT }, newMeta(stamp()));
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
    async update(id: string, change: (record: CaseRecord) => Promise<{ draft?: Draft; meta?: CaseMeta } | void> | { draft?: Draft; meta?: CaseMeta } | void): Promise<CaseRecord> {
      checkId(id);
      await start();
      return lock.run(id, async () => {
        const record = await readRecord(id);
        const result = await change(record);
        if (!result || (!result.draft && !result.meta)) return record;
        const draft = result.draft ? { ...result.draft, format: CASE_FORMAT } : record.draft;
        // The revision follows the facts a window edits: evidence and the documents history have their own methods.
        const revision = result.draft && factsDiffer(record.draft, draft) ? record.meta.revision + 1 : record.meta.revision;
        const next: CaseRecord = { ...record, draft, meta: { ...(result.meta ?? record.meta), updatedAt: stamp(), revision } };
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
      return install(source.draft, meta, async (work) => {
        for (const name of await readdir(join(source.dir, PIECES_DIR)).catch(() => [] as string[])) {
          if (!name.endsWith('.tmp')) await copyFile(join(source.dir, PIECES_DIR, name), join(work, PIECES_DIR, name));
        }
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
        index?.delete(id);
        recent.delete(id);
        await syncDir(dataDir);
        await rm(trash, { recursive: true, force: true });
      });
    },

    /** Stores bytes as a piece named by their SHA-256 (idempotent: the same file is stored once). */
    async writePiece(id: string, originalName: string, bytes: Uint8Array): Promise<StoredPiece> {
      checkId(id);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = pieceFile(sha256, safeExtension(originalName));
      const path = join(dirOf(id), file);
      await ensureCaseDir(id);
      if (!(await sameSize(path, bytes.length))) await writeFileDurable(path, bytes);
      return { sha256, file, path, size: bytes.length };
    },

    /**
     * Same as writePiece from a file on disk, streamed: a 200 MB video is never held in memory. A file chosen in a
     * dialog is copied; an upload the web bridge streamed to a temporary file of the data folder is moved (`move`),
     * under the name the user gave (`name`). Either way the same checks: a regular file, its name shown neutralised.
     */
    async copyPiece(id: string, sourcePath: string, options: { name?: string; move?: boolean } = {}): Promise<StoredPiece> {
      checkId(id);
      await ensureCaseDir(id);
      const name = options.name ?? basename(sourcePath);
      // Reading a FIFO or a device may never end, and its size says nothing.
      if (!(await stat(sourcePath)).isFile()) throw new StoreError('refused', `« ${displayFileName(name)} » n’est pas un fichier ordinaire (dossier, tube ou périphérique) : rien n’a été ajouté.`);
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(sourcePath)) hash.update(chunk as Buffer);
      const sha256 = hash.digest('hex');
      const file = pieceFile(sha256, safeExtension(name));
      const path = join(dirOf(id), file);
      const { size } = await stat(sourcePath);
      if (!(await sameSize(path, size))) {
        if (options.move) await rename(sourcePath, path);
        else {
          const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
          await copyFile(sourcePath, temp);
          await rename(temp, path);
        }
        await syncDir(join(dirOf(id), PIECES_DIR));
      } else if (options.move) await rm(sourcePath, { force: true });
      return { sha256, file, path, size };
    },

    /** Absolute path of a stored piece, from its `pieces/<sha256>.<ext>` name only (never a path from elsewhere). */
    piecePath(id: string, file: string): string {
      checkId(id);
      if (!/^pieces\/[a-f0-9]{64}(\.[a-z0-9]{1,10})?$/.test(file)) throw new StoreError('not-found', `Pièce « ${file} » introuvable dans le dossier.`);
      return join(dirOf(id), file);
    },

    /** Removes a piece file that no evidence entry uses any more. */
    async removePiece(id: string, file: string): Promise<void> {
      await rm(store.piecePath(id, file), { force: true });
    },

    /** Writes a generated document's files into `documents/<documentId>/`; all or nothing. */
    async writeDocument(id: string, documentId: string, files: StoredFile[]): Promise<{ name: string; size: number }[]> {
      checkId(id);
      await ensureCaseDir(id);
      const dir = join(dirOf(id), DOCUMENTS_DIR, documentId);
      await mkdir(dir, { recursive: true });
      try {
        for (const f of files) await writeFileAtomic(join(dir, safeFileName(f.name)), f.bytes);
        await syncDir(dir);
        await syncDir(join(dirOf(id), DOCUMENTS_DIR));
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
      return files.map((f) => ({ name: safeFileName(f.name), size: f.bytes.length }));
    },

    documentPath(id: string, documentId: string, name: string): string {
      checkId(id);
      if (!/^[a-z0-9-]{8,64}$/.test(documentId) || name !== safeFileName(name)) throw new StoreError('not-found', `Document « ${name} » introuvable.`);
      return join(dirOf(id), DOCUMENTS_DIR, documentId, name);
    },

    async removeDocumentFiles(id: string, documentId: string): Promise<void> {
      checkId(id);
      if (!/^[a-z0-9-]{8,64}$/.test(documentId)) return;
      await rm(join(dirOf(id), DOCUMENTS_DIR, documentId), { recursive: true, force: true });
    },

    /** A new case from files (an imported archive): case.json, meta.json, pieces/…, documents/…. */
    async installFiles(draft: Draft, meta: CaseMeta, files: { path: string; bytes: Uint8Array }[]): Promise<CaseRecord> {
      return install(draft, meta, async (work) => {
        for (const f of files) {
          const target = join(work, ...f.path.split('/'));
          await mkdir(join(target, '..'), { recursive: true });
          await writeFileAtomic(target, f.bytes);
        }
      });
    },

    /** Cases moved into _a-verifier because they could not be read. */
    async setAside(): Promise<SetAsideCase[]> {
      await start();
      return listSetAside(dataDir);
    },
  };

  async function ensureCaseDir(id: string): Promise<void> {
    try {
      await stat(join(dirOf(id), CASE_FILE));
      await mkdir(join(dirOf(id), PIECES_DIR), { recursive: true });
    } catch (e) {
      if (isMissing(e)) throw caseNotFound(id);
      throw e;
    }
  }

  return store;
}

function factsDiffer(a: Draft, b: Draft): boolean {
  const { evidence: _a, ...factsA } = a;
  const { evidence: _b, ...factsB } = b;
  return JSON.stringify(factsA) !== JSON.stringify(factsB);
}

async function sameSize(path: string, size: number): Promise<boolean> {
  try {
    return (await stat(path)).size === size;
  } catch {
    return false;
  }
}

/** File names written by the store: no folders, nothing hidden, nothing a file system refuses. */
export function safeFileName(name: string): string {
  const visible = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '-' : ch)).join('');
  const cleaned = visible.replace(/[\\/:*?"<>|]/g, '-').replace(/^\.+/, '').trim();
  return cleaned.slice(0, 150) || 'document';
}
