/**
 * Evidence of a case: the bytes are stored once, named by their SHA-256 (the user's original is never touched);
 * the case's evidence list points at them, with the title, date and note the user gives.
 */
import { ApiError, type ApiResults } from '../../common/api/contract.js';
import { basename } from 'node:path';
import type { CaseRecord, StoredPiece } from '../store/case-store.js';
import type { Draft } from '../store/migrate.js';
import type { PieceDetails } from '../store/meta.js';
import { evidenceThumbnail, inspectEvidenceFile } from '../evidence/index.js';
import type { ApiContext } from './context.js';
import { evidenceEntries, evidenceIdOf, mediaTypeFromName, storedCase, type EvidenceEntry } from './views.js';

/** The key a template cites the exhibit by (« facture »), from the file's name; unique within the case. */
function exhibitKey(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/\.[^.]+$/, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'piece';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** « Facture amazon » from « facture_amazon.pdf »: a start, the user gives the real title. */
function titleFromName(name: string): string {
  const t = name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) : 'Pièce';
}

async function inspect(ctx: ApiContext, path: string, name: string, size: number): Promise<PieceDetails & { takenAt: string | null }> {
  const report = await inspectEvidenceFile(path, { name });
  return {
    mediaType: report.mediaType || mediaTypeFromName(name),
    size,
    problems: report.problems,
    takenAt: report.takenAt,
    ...(report.label ? { label: report.label } : {}),
  };
}

function findEntry(record: CaseRecord, evidenceId: string): { entries: EvidenceEntry[]; index: number } {
  const entries = evidenceEntries(record.draft);
  const index = entries.findIndex((e) => evidenceIdOf(e) === evidenceId);
  if (index < 0) throw new ApiError({ code: 'not-found', message: 'Pièce introuvable dans ce dossier : elle a peut-être déjà été retirée.' });
  return { entries, index };
}

function withEntries(draft: Draft, entries: EvidenceEntry[]): Draft {
  const { evidence: _old, ...rest } = draft;
  return entries.length > 0 ? { ...rest, evidence: entries } : rest;
}

export function evidenceMethods(ctx: ApiContext) {
  const { store } = ctx;

  /** Adds a stored piece to the case's evidence list; the same bytes twice keep one exhibit. */
  async function attach(id: string, name: string, piece: StoredPiece): Promise<CaseRecord> {
    const details = await inspect(ctx, piece.path, name, piece.size);
    return store.update(id, (r) => {
      const entries = evidenceEntries(r.draft);
      if (entries.some((e) => e.file === piece.file)) return;
      const { takenAt, ...stored } = details;
      const entry: EvidenceEntry = {
        id: exhibitKey(name, new Set(entries.map((e) => e.id ?? ''))),
        file: piece.file,
        originalName: name,
        title: titleFromName(name),
        ...(takenAt ? { date: takenAt } : {}),
      };
      return { draft: withEntries(r.draft, [...entries, entry]), meta: { ...r.meta, pieces: { ...r.meta.pieces, [piece.sha256]: stored } } };
    });
  }

  return {
    async addEvidence(p: { id: string; name: string; bytes: Uint8Array }): Promise<ApiResults['addEvidence']> {
      return storedCase(await attach(p.id, p.name, await store.writePiece(p.id, p.name, p.bytes)));
    },

    /**
     * A piece from a file on disk, never held in memory: the desktop app's file chosen in the system's dialog
     * (copied), or the web bridge's upload streamed to a temporary file (moved, under the name the user gave).
     */
    async addEvidenceFile(id: string, path: string, upload?: { name: string }): Promise<ApiResults['addEvidence']> {
      const name = upload?.name ?? basename(path);
      return storedCase(await attach(id, name, await store.copyPiece(id, path, upload ? { name, move: true } : {})));
    },

    async updateEvidence(p: { id: string; evidenceId: string; title?: string; date?: string | null; note?: string | null }): Promise<ApiResults['updateEvidence']> {
      const record = await store.update(p.id, (r) => {
        const { entries, index } = findEntry(r, p.evidenceId);
        const entry: EvidenceEntry = { ...(entries[index] as EvidenceEntry) };
        if (p.title !== undefined) entry.title = p.title;
        if (p.date !== undefined) {
          if (p.date === null) delete entry.date;
          else entry.date = p.date;
        }
        if (p.note !== undefined) {
          if (p.note === null || p.note.trim() === '') delete entry.note;
          else entry.note = p.note;
        }
        entries[index] = entry;
        return { draft: withEntries(r.draft, entries) };
      });
      return storedCase(record);
    },

    /** `order` lists every exhibit once, in the new order: exhibits are renumbered from it. */
    async reorderEvidence(p: { id: string; order: string[] }): Promise<ApiResults['reorderEvidence']> {
      const record = await store.update(p.id, (r) => {
        const entries = evidenceEntries(r.draft);
        const byId = new Map(entries.map((e) => [evidenceIdOf(e), e]));
        if (p.order.length !== entries.length || new Set(p.order).size !== p.order.length || p.order.some((id) => !byId.has(id))) {
          throw new ApiError({
            code: 'invalid-request',
            message: 'Ordre des pièces refusé : il doit citer chaque pièce du dossier une fois (la liste a peut-être changé entre-temps ; rechargez le dossier).',
          });
        }
        return { draft: withEntries(r.draft, p.order.map((id) => byId.get(id) as EvidenceEntry)) };
      });
      return storedCase(record);
    },

    async removeEvidence(p: { id: string; evidenceId: string }): Promise<ApiResults['removeEvidence']> {
      let unused: string | null = null;
      const record = await store.update(p.id, (r) => {
        const { entries, index } = findEntry(r, p.evidenceId);
        const [removed] = entries.splice(index, 1);
        const pieces = { ...r.meta.pieces };
        if (removed && !entries.some((e) => e.file === removed.file)) {
          unused = removed.file;
          delete pieces[p.evidenceId];
        }
        return { draft: withEntries(r.draft, entries), meta: { ...r.meta, pieces } };
      });
      // The stored copy goes once no entry points at it; documents already generated keep their own copy.
      if (unused && /^pieces\//.test(unused)) await store.removePiece(p.id, unused).catch(() => {});
      return storedCase(record);
    },

    async evidenceThumbnail(p: { id: string; evidenceId: string }): Promise<ApiResults['evidenceThumbnail']> {
      const record = await store.peek(p.id);
      const { entries, index } = findEntry(record, p.evidenceId);
      const entry = entries[index] as EvidenceEntry;
      if (!/^pieces\/[a-f0-9]{64}/.test(entry.file)) return { dataUrl: null };
      const thumb = await evidenceThumbnail(store.piecePath(p.id, entry.file));
      return { dataUrl: thumb ? `data:${thumb.mediaType};base64,${Buffer.from(thumb.bytes).toString('base64')}` : null };
    },
  };
}
