/**
 * Documents of a case: checking a template against the draft, the live preview, producing the files (letter PDF
 * and DOCX, evidence dossier) into the case folder with their history, and recording that one was sent.
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError, type ApiResults, type ConditionInfo, type DocumentFileFormat, type DocumentRecord } from '../../common/api/contract.js';
import { conditionAdvice, letterReadiness } from '../../common/letter/readiness.js';
import type { CompiledTemplate } from '../../common/templates/compile.js';
import { composeLetter } from '../../common/letter/compose.js';
import { renderCaseFiles, type OutputFormat } from '../generate.js';
import type { CaseRecord, StoredFile } from '../store/case-store.js';
import type { Draft } from '../store/migrate.js';
import type { StoredDocument } from '../store/meta.js';
import type { ApiContext } from './context.js';
import { documentRecord, storedCase, templateInfoOf } from './views.js';
import { displayFileName } from '../../common/format/display-name.js';

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dossier: 'application/pdf',
  'bordereau-pdf': 'application/pdf',
  'bordereau-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const FORMAT_NAMES: Record<DocumentFileFormat, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  dossier: 'dossier de pièces',
  'bordereau-pdf': 'bordereau PDF',
  'bordereau-docx': 'bordereau DOCX',
};

export interface GenerateHooks {
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

function newDocumentId(now: Date): string {
  return `${now.toISOString().slice(0, 10)}-${randomBytes(5).toString('hex')}`;
}

/** The readiness check on a draft, with the conditions' letters named by their titles in the catalogue in use. */
function readiness(ctx: ApiContext, draft: Draft, template: CompiledTemplate) {
  const r = letterReadiness(draft, template.meta, ctx.today());
  const metaOf = (id: string | null) => (id === null ? undefined : ctx.registry().get(id)?.meta);
  const titleOf = (id: string) => metaOf(id)?.title;
  const conditions: ConditionInfo[] = r.conditions.map((f) => {
    const instead = metaOf(f.instead);
    return { message: f.message, instead: instead ? templateInfoOf(instead) : null };
  });
  return { ...r, conditions, advice: r.conditions.map((f) => conditionAdvice(f, titleOf)) };
}

/** The draft the UI is showing, with the stored evidence list (evidence changes only through the evidence methods). */
function draftFor(record: CaseRecord, draft: Draft | undefined): Draft {
  if (!draft) return record.draft;
  const { evidence: _ignored, ...rest } = draft;
  return record.draft.evidence === undefined ? rest : { ...rest, evidence: record.draft.evidence };
}

function findDocument(record: CaseRecord, documentId: string): StoredDocument {
  const doc = record.meta.documents.find((d) => d.id === documentId);
  if (!doc) throw new ApiError({ code: 'not-found', message: `Document « ${documentId} » introuvable dans ce dossier.` });
  return doc;
}

async function freeName(dir: string, name: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    try {
      await stat(join(dir, candidate));
    } catch {
      return candidate;
    }
  }
}

type SendingDraft = Record<string, unknown> & { documentId?: unknown; received?: unknown };

/** The draft's sendings as far as they look like entries (validation reports the rest). */
function sendingsOf(draft: Draft): SendingDraft[] {
  const list = draft.sendings;
  if (list !== undefined && !Array.isArray(list)) {
    throw new ApiError({ code: 'invalid-case', message: 'Lettres envoyées (sendings) : ce n’est pas une liste ; corrigez-la avant d’enregistrer l’envoi.' });
  }
  return (list ?? []).filter((s): s is SendingDraft => s !== null && typeof s === 'object');
}

/** The contact an older version added when the document was marked sent (same template and date): now a sending. */
function withoutSentContact(contacts: unknown, doc: StoredDocument): unknown {
  if (!Array.isArray(contacts) || !doc.sent) return contacts;
  const at = contacts.findIndex((k: { template?: unknown; date?: unknown } | null) => k?.template === doc.templateId && k.date === doc.sent?.date);
  return at < 0 ? contacts : contacts.filter((_, i) => i !== at);
}

export function documentMethods(ctx: ApiContext) {
  const { store } = ctx;

  /** Copies the files to the folder chosen in the settings; a failure there is a warning, the case keeps its copy. */
  async function copyToDocumentsDir(caseId: string, documentId: string, names: string[]): Promise<string[]> {
    const dir = (await ctx.settings.get()).documentsDir.trim();
    if (!dir) return [];
    try {
      await mkdir(dir, { recursive: true });
      for (const name of names) await copyFile(store.documentPath(caseId, documentId, name), join(dir, await freeName(dir, name)));
      return [];
    } catch (e) {
      return [`Copie dans le dossier des documents « ${dir} » impossible (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) : les fichiers restent dans le dossier du cas.`];
    }
  }

  return {
    async checkTemplate(p: { id: string; templateId: string; draft?: Draft }): Promise<ApiResults['checkTemplate']> {
      const template = ctx.template(p.templateId);
      const draft = draftFor(await store.peek(p.id), p.draft);
      const { problems, mismatch, conditions } = readiness(ctx, draft, template);
      return { problems: mismatch ? [mismatch, ...problems] : problems, conditions };
    },

    /** The letter as it would be produced now, from the draft being typed (not yet saved) or the saved one. */
    async previewLetter(p: { id: string; templateId: string; draft?: Draft }): Promise<ApiResults['previewLetter']> {
      const template = ctx.template(p.templateId);
      const draft = draftFor(await store.peek(p.id), p.draft);
      const { problems, caseFile, mismatch } = readiness(ctx, draft, template);
      const all = mismatch ? [mismatch, ...problems] : problems;
      if (!caseFile || problems.length > 0) return { document: null, problems: all };
      return { document: composeLetter(caseFile, template, { today: ctx.today() }), problems: all };
    },

    /** `hooks` reach the dossier assembly: progress for a progress bar, a signal to cancel (desktop app). */
    async generateDocument(p: { id: string; templateId: string; formats: ('pdf' | 'docx' | 'dossier')[]; force?: boolean }, hooks: GenerateHooks = {}): Promise<ApiResults['generateDocument']> {
      const template = ctx.template(p.templateId);
      const record = await store.get(p.id);
      const { problems, caseFile, mismatch, advice } = readiness(ctx, record.draft, template);
      if (!caseFile || problems.length > 0) {
        throw new ApiError({
          code: 'invalid-case',
          message: `« ${template.meta.title} » ne peut pas encore être produit : ${problems.length} ${problems.length > 1 ? 'faits à compléter ou corriger' : 'fait à compléter ou corriger'}.`,
          problems,
        });
      }
      if (advice.length > 0 && p.force !== true) {
        throw new ApiError({ code: 'invalid-case', message: `« ${template.meta.title} » n’est pas produit : ${advice.join(' ')}` });
      }
      const formats = [...new Set(p.formats)];
      const dossier = formats.includes('dossier');
      const today = ctx.today();
      const warnings: string[] = [...advice];
      if (mismatch) warnings.push(mismatch.message);

      // One path from a case to its files, as the CLI: composed, rendered and named by renderCaseFiles; the
      // rendering and the assembly run where the host puts heavy work (the web bridge: a worker thread).
      const letterFormats = formats.filter((f): f is OutputFormat => f !== 'dossier');
      const produced = await renderCaseFiles({
        caseFile,
        template,
        formats: letterFormats,
        today,
        render: ctx.heavy.renderLetter,
        ...(dossier
          ? {
              dossier: {
                assemble: ctx.heavy.assembleDossier,
                caseDir: record.dir,
                ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
                ...(hooks.signal ? { signal: hooks.signal } : {}),
              },
            }
          : {}),
      });
      warnings.push(...(produced.dossier?.warnings ?? []));
      // The bordereau is offered beside the dossier: every produced file has its format.
      const files: (StoredFile & { format: DocumentRecord['files'][number]['format'] })[] = produced.files.map((f) => ({
        format: f.role,
        name: f.name,
        bytes: f.bytes,
      }));

      const now = ctx.now();
      const documentId = newDocumentId(now);
      const written = await store.writeDocument(p.id, documentId, files);
      const stored: StoredDocument = {
        id: documentId,
        templateId: template.meta.id,
        title: template.meta.title,
        generatedAt: now.toISOString(),
        files: files.flatMap((f, i) => (f.format ? [{ format: f.format, name: written[i]?.name ?? f.name, size: f.bytes.length }] : [])),
        sent: null,
        ...(files.some((f) => !f.format) ? { extraFiles: files.filter((f) => !f.format).map((f) => f.name) } : {}),
      };
      try {
        await store.update(p.id, (r) => ({ meta: { ...r.meta, documents: [...r.meta.documents, stored] } }));
      } catch (e) {
        await store.removeDocumentFiles(p.id, documentId);
        throw e;
      }
      warnings.push(...(await copyToDocumentsDir(p.id, documentId, written.map((w) => w.name))));
      return { document: documentRecord(stored), warnings };
    },

    /** Where a produced file is on disk, for the desktop app to open, show, print or attach it. */
    async documentPath(p: { id: string; documentId: string; format: DocumentFileFormat }): Promise<{ path: string; name: string; mediaType: string }> {
      const doc = findDocument(await store.get(p.id), p.documentId);
      const file = doc.files.find((f) => f.format === p.format);
      if (!file) throw new ApiError({ code: 'not-found', message: `« ${doc.title} » n’a pas été produit dans ce format : produisez-le de nouveau.` });
      return { path: store.documentPath(p.id, p.documentId, file.name), name: file.name, mediaType: MEDIA_TYPES[p.format] };
    },

    async documentFile(p: { id: string; documentId: string; format: DocumentFileFormat }): Promise<ApiResults['documentFile']> {
      const doc = findDocument(await store.get(p.id), p.documentId);
      const file = doc.files.find((f) => f.format === p.format);
      const label = FORMAT_NAMES[p.format];
      if (!file) throw new ApiError({ code: 'not-found', message: `« ${doc.title} » n’a pas été produit en ${label} : produisez-le de nouveau avec ce format.` });
      try {
        const bytes = new Uint8Array(await readFile(store.documentPath(p.id, p.documentId, file.name)));
        return { name: file.name, mediaType: MEDIA_TYPES[p.format], bytes };
      } catch {
        throw new ApiError({ code: 'not-found', message: `Fichier « ${displayFileName(file.name)} » absent du dossier : produisez le document de nouveau.` });
      }
    },

    /**
     * Records the sending in the documents history and as a `sendings` entry of the case (where the answer deadline
     * and the next step start from). Not a contact: the journal stays the user's own record of exchanges.
     */
    async markSent(p: { id: string; documentId: string; date: string; mode: 'lrar' | 'lre' | 'email' | 'post' | 'hand'; registeredNumber?: string }): Promise<ApiResults['markSent']> {
      const registeredNumber = p.registeredNumber?.trim() || null;
      const record = await store.update(p.id, (r) => {
        const doc = findDocument(r, p.documentId);
        const sendings = sendingsOf(r.draft).filter((s) => s.documentId !== doc.id);
        const sending: Record<string, unknown> = {
          template: doc.templateId,
          date: p.date,
          mode: p.mode,
          ...(registeredNumber ? { registeredNumber } : {}),
          documentId: doc.id,
        };
        const documents = r.meta.documents.map((d) => (d.id === doc.id ? { ...d, sent: { date: p.date, mode: p.mode, registeredNumber, received: null } } : d));
        return { draft: { ...r.draft, sendings: [...sendings, sending] }, meta: { ...r.meta, documents } };
      });
      return storedCase(record);
    },

    /** The date a sent letter was received (or null: not known); its answer deadline then runs from it. */
    async markReceived(p: { id: string; documentId: string; received: string | null }): Promise<ApiResults['markReceived']> {
      const record = await store.update(p.id, (r) => {
        const doc = findDocument(r, p.documentId);
        if (!doc.sent) throw new ApiError({ code: 'invalid-request', message: `« ${doc.title} » n’est pas indiqué comme envoyé : indiquez d’abord son envoi.` });
        if (p.received !== null && p.received < doc.sent.date) {
          throw new ApiError({
            code: 'invalid-request',
            message: `Date de réception : le ${p.received.split('-').reverse().join('/')} précède l’envoi du ${doc.sent.date.split('-').reverse().join('/')}.`,
            problems: [{ path: 'received', message: 'Date de réception (received) : elle ne peut pas précéder la date d’envoi' }],
          });
        }
        const sent = { ...doc.sent, received: p.received };
        const documents = r.meta.documents.map((d) => (d.id === doc.id ? { ...d, sent } : d));
        // Sent before sendings existed (a contact with `template`): the sending is recorded now, with its receipt.
        const existing = sendingsOf(r.draft).find((s) => s.documentId === doc.id);
        const base = existing ?? {
          template: doc.templateId,
          date: doc.sent.date,
          ...(doc.sent.mode ? { mode: doc.sent.mode } : {}),
          ...(doc.sent.registeredNumber ? { registeredNumber: doc.sent.registeredNumber } : {}),
          documentId: doc.id,
        };
        const { received: _old, ...rest } = base;
        const updated = { ...rest, ...(p.received ? { received: p.received } : {}) };
        const others = sendingsOf(r.draft).filter((s) => s.documentId !== doc.id);
        const contacts = existing ? r.draft.contacts : withoutSentContact(r.draft.contacts, doc);
        return {
          draft: { ...r.draft, ...(contacts === undefined ? {} : { contacts }), sendings: [...others, updated] },
          meta: { ...r.meta, documents },
        };
      });
      return storedCase(record);
    },
  };
}
