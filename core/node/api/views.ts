/** What the UI receives: a stored case as StoredCase, a list entry as CaseSummary (contract.ts). */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseSummary, DocumentRecord, EvidenceInfo, StoredCase, TemplateInfo } from '../../common/api/contract.js';
import { KIND_LABELS, type TemplateMeta } from '../../common/templates/metadata.js';
import { DISPUTE_LABELS } from '../../common/case/labels.js';
import { caseTitle } from '../../common/case/title.js';
import type { DisputeType } from '../../common/case/schema.js';
import { validateCase } from '../../common/case/validate.js';
import type { CaseRecord, ListEntry } from '../store/case-store.js';
import type { StoredDocument } from '../store/meta.js';
import { compareIsoDates } from '../../common/format/dates.js';

const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  heic: 'image/heic', heif: 'image/heif', tif: 'image/tiff', tiff: 'image/tiff', txt: 'text/plain', eml: 'message/rfc822',
  csv: 'text/csv', html: 'text/html', htm: 'text/html', mp4: 'video/mp4', mov: 'video/quicktime', mp3: 'audio/mpeg',
  m4a: 'audio/mp4', wav: 'audio/wav', zip: 'application/zip', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The media type a file name suggests, when its bytes could not be examined. */
export function mediaTypeFromName(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_TYPES[ext] ?? 'application/octet-stream';
}

export interface EvidenceEntry {
  id?: string;
  file: string;
  originalName?: string;
  title: string;
  date?: string;
  note?: string;
}

/** The stored entries of a draft, as far as they look like evidence entries. */
export function evidenceEntries(draft: Record<string, unknown>): EvidenceEntry[] {
  const list = draft.evidence;
  if (!Array.isArray(list)) return [];
  return list.filter((e): e is EvidenceEntry => e !== null && typeof e === 'object' && typeof (e as EvidenceEntry).file === 'string');
}

/** The API's evidence id: the SHA-256 in the stored piece's name (or, for a piece added by hand, of its path). */
export function evidenceIdOf(entry: Pick<EvidenceEntry, 'file'>): string {
  return /^pieces\/([a-f0-9]{64})(\.[a-z0-9]+)?$/.exec(entry.file)?.[1] ?? createHash('sha256').update(entry.file).digest('hex');
}

async function evidenceInfos(record: CaseRecord): Promise<EvidenceInfo[]> {
  return Promise.all(
    evidenceEntries(record.draft).map(async (entry, i) => {
      const id = evidenceIdOf(entry);
      const details = record.meta.pieces[id];
      const name = entry.originalName ?? entry.file.split('/').pop() ?? entry.file;
      const problems = [...(details?.problems ?? [])];
      let size = details?.size ?? 0;
      try {
        size = (await stat(join(record.dir, entry.file))).size;
      } catch {
        problems.unshift('fichier absent du dossier : ajoutez-le de nouveau');
      }
      return {
        id,
        number: i + 1,
        originalName: name,
        title: typeof entry.title === 'string' ? entry.title : '',
        date: typeof entry.date === 'string' ? entry.date : null,
        note: typeof entry.note === 'string' ? entry.note : null,
        mediaType: details?.mediaType || mediaTypeFromName(name),
        size,
        problems,
      };
    }),
  );
}

export function documentRecord(d: StoredDocument): DocumentRecord {
  const sent = d.sent ? { ...d.sent, received: d.sent.received ?? null } : null;
  return { id: d.id, templateId: d.templateId, title: d.title, generatedAt: d.generatedAt, files: d.files, sent };
}

export async function storedCase(record: CaseRecord): Promise<StoredCase> {
  return {
    id: record.id,
    draft: record.draft,
    problems: validateCase(record.draft).problems,
    evidence: await evidenceInfos(record),
    documents: record.meta.documents.map(documentRecord),
    createdAt: record.meta.createdAt,
    updatedAt: record.meta.updatedAt,
    archived: record.meta.archived,
    revision: record.meta.revision,
  };
}

export function disputeLabel(type: string | null): string {
  return type ? (DISPUTE_LABELS[type as DisputeType] ?? 'litige') : 'litige à préciser';
}

/** The upcoming deadline; when every one has passed, the latest of them (the user must act on it). */
export function nextDeadline(deadlines: { date: string; label: string }[], today: string): { date: string; label: string } | null {
  const sorted = [...deadlines].sort((a, b) => compareIsoDates(a.date, b.date));
  return sorted.find((d) => d.date >= today) ?? sorted[sorted.length - 1] ?? null;
}

export function caseSummary(entry: ListEntry, today: string): CaseSummary {
  const f = entry.facts;
  const label = disputeLabel(f.disputeType);
  return {
    id: entry.id,
    // The same title as the case's own header.
    title: caseTitle(f),
    claimantName: f.claimantName,
    respondentName: f.respondentName,
    disputeType: f.disputeType,
    disputeLabel: label,
    orderNumber: f.orderNumber,
    stage: entry.annotation.stage,
    nextDeadline: nextDeadline(entry.annotation.deadlines, today),
    updatedAt: entry.updatedAt,
    archived: entry.archived,
  };
}

/** A template as the catalogue screen shows it. */
export function templateInfoOf(meta: TemplateMeta): TemplateInfo {
  return {
    id: meta.id,
    title: meta.title,
    kind: meta.kind,
    kindLabel: KIND_LABELS[meta.kind],
    description: meta.description,
    disputes: meta.disputes,
    online: typeof meta.recipient === 'object' && meta.recipient.online,
    maxLength: meta.maxLength ?? null,
  };
}
