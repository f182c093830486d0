/**
 * The cases list and its index (.index.json): listing 1 000 cases reads one file and stats 2 000, instead of
 * reading and parsing 2 000. Each entry holds the list facts, the archived flag and the stage and deadlines the
 * API layer computes; it stays valid while case.json and meta.json are unchanged. Only a cache: deleting it costs
 * one slower listing.
 */
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { readCaseQuickly, type CaseRecord } from './case-files.js';
import { StoreError } from './errors.js';
import { caseDir, caseFilePath, indexPath, metaFilePath, STORE_ID } from './layout.js';
import { listFacts, type ListFacts } from './list-facts.js';
import { mapLimit } from './limit.js';
import type { KeyedLock } from './lock.js';
import { compareIsoDates } from '../../common/format/dates.js';

/** What the list needs beyond the draft's own facts: computed by the API layer (stage, deadlines), cached here. */
export interface Annotation {
  stage: string;
  deadlines: { date: string; label: string }[];
}

/** Stage and deadlines of a case for the list (they depend on today, so the index recomputes them daily). */
export type Annotate = (record: CaseRecord, today: string) => Promise<Annotation> | Annotation;

export interface ListEntry {
  id: string;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  facts: ListFacts;
  annotation: Annotation;
}

interface IndexEntry extends ListEntry {
  /** case.json's and meta.json's modification times and sizes when the entry was computed. */
  key: string;
  day: string;
  annotator: string;
}

export interface CaseIndexOptions {
  dataDir: string;
  today: () => string;
  annotate?: Annotate;
  /** Names the annotate function's version: index entries computed by another one are recomputed. */
  annotator?: string;
  onProblem?: (message: string) => void;
  /** The store's per-case lock: a case the fast path cannot read is read again under it. */
  lock: KeyedLock;
  /** Reads a case under its lock, setting aside one that cannot be read (StoreError: left out of the list). */
  readLocked: (id: string) => Promise<CaseRecord>;
}

const INDEX_FORMAT = 'recours/index@1';
const NO_ANNOTATION: Annotation = { stage: '', deadlines: [] };

export type CaseIndex = ReturnType<typeof createCaseIndex>;

export function createCaseIndex(options: CaseIndexOptions) {
  const { dataDir, today, lock } = options;
  let annotate: Annotate = options.annotate ?? (() => NO_ANNOTATION);
  let annotator = options.annotate ? (options.annotator ?? 'custom') : 'none';
  let index: Map<string, IndexEntry> | null = null;

  /**
   * Modification times and sizes of case.json and meta.json: an index entry stays valid while both are unchanged
   * (the store rewrites meta.json at every save; case.json may also be edited by hand). Synchronous: 2 000 stats
   * take a few milliseconds.
   */
  function filesKey(id: string): string {
    const one = (path: string) => {
      try {
        const s = statSync(path, { bigint: true });
        return `${s.mtimeNs}:${s.size}`;
      } catch {
        return 'none';
      }
    };
    const dir = caseDir(dataDir, id);
    return `${one(caseFilePath(dir))}/${one(metaFilePath(dir))}`;
  }

  async function loadIndex(): Promise<Map<string, IndexEntry>> {
    if (index) return index;
    const loaded = new Map<string, IndexEntry>();
    try {
      const data = JSON.parse(await readFile(indexPath(dataDir), 'utf8')) as { format?: string; entries?: IndexEntry[] };
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
      await writeFileAtomic(indexPath(dataDir), JSON.stringify({ format: INDEX_FORMAT, entries: [...idx.values()] })).catch((e: Error) =>
        options.onProblem?.(`Index de la liste non enregistré : ${e.message}`),
      );
    });
  }

  /** Read without the lock: a save in progress shows the old or the new version, and its new key makes the next listing read it again. */
  const quickRead = (id: string) => readCaseQuickly(id, caseDir(dataDir, id));

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
        const record = await options.readLocked(id);
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

  return {
    /** Every readable case (archived ones included), most recently changed first. The data folder exists. */
    async list(): Promise<ListEntry[]> {
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
        .sort((a, b) => compareIsoDates(b.updatedAt, a.updatedAt) || compareIsoDates(b.createdAt, a.createdAt) || a.id.localeCompare(b.id));
    },

    /** A case written, removed or set aside: its entry is computed again at the next listing. */
    forget(id: string): void {
      index?.delete(id);
    },

    /** Resolves once the index is on disk (tests, and before the process exits). */
    async flush(): Promise<void> {
      await background;
      await indexWrite;
    },

    setAnnotate(fn: Annotate, version: string): void {
      annotate = fn;
      annotator = version;
    },
  };
}
