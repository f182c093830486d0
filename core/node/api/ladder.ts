/**
 * Where a case stands on the escalation ladder, its deadlines and the next step — from core/common/deadlines when
 * the case is complete, else from the documents history alone. Only the fields of the contract are kept.
 */
import type { DeadlineInfo, NextStepInfo } from '../../common/api/contract.js';
import type { CaseFile } from '../../common/case/schema.js';
import { validateCase } from '../../common/case/validate.js';
import { formatLongDate } from '../../common/format/dates.js';
import { KIND_LABELS, servesDispute, type TemplateKind } from '../../common/templates/metadata.js';
import type { TemplateRegistry } from '../template-registry.js';
import type { Annotation, CaseRecord } from '../store/case-store.js';
import { catalogueOptions, computeDeadlines, currentStage, recommendNextStep } from '../../common/deadlines/index.js';
import { compareIsoDates } from '../../common/format/dates.js';

type Log = (message: string) => void;

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** « Mise en demeure envoyée le 25 novembre 2026 », from the documents history only. */
function stageFromHistory(record: CaseRecord, registry: TemplateRegistry, complete: boolean): string {
  const sent = record.meta.documents.filter((d) => d.sent).sort((a, b) => compareIsoDates(a.sent?.date ?? '', b.sent?.date ?? ''));
  const last = sent[sent.length - 1];
  if (last?.sent) {
    const kind = registry.get(last.templateId)?.meta.kind as TemplateKind | undefined;
    const what = kind ? KIND_LABELS[kind] : last.title;
    return `${what} envoyée le ${formatLongDate(last.sent.date)}`;
  }
  if (record.meta.documents.length > 0) return 'Courrier prêt, pas encore envoyé';
  return complete ? 'Prêt pour la réclamation écrite' : 'Dossier à compléter';
}

export function createLadder(registry: () => TemplateRegistry, log: Log) {
  function complete(record: CaseRecord): CaseFile | null {
    const v = validateCase(record.draft);
    return v.ok ? v.value : null;
  }

  /** The response period and the conditions each template of the catalogue in use declares in its header. */
  const catalogue = catalogueOptions((templateId) => registry().get(templateId)?.meta);

  /** Runs a deadlines rule on a complete case; a failure there is logged and the fallback used. */
  function withCase<T>(record: CaseRecord, run: (c: CaseFile) => T, c: CaseFile | null = complete(record)): T | null {
    if (!c) return null;
    try {
      return run(c);
    } catch (e) {
      log(`Échéances du dossier « ${record.id} » non calculées : ${(e as Error).message}`);
      return null;
    }
  }

  async function deadlines(record: CaseRecord, today: string, c: CaseFile | null = complete(record)): Promise<DeadlineInfo[]> {
    const list = withCase(record, (valid) => computeDeadlines(valid, today, catalogue), c) ?? [];
    return list
      .map(({ id, label, date, basis, overdue, note }) => ({ id, label, date, basis, overdue, ...(note ? { note } : {}) }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareIsoDates(a.date, b.date));
  }

  return {
    deadlines,
    /** Changes when the way stages are computed changes: the store's cached list entries are then recomputed. */
    version: 'ladder-1+echeances',

    /** For the cases list (cached by the store's index, recomputed each day). */
    async annotate(record: CaseRecord, today: string): Promise<Annotation> {
      const c = complete(record);
      const stage = withCase(record, (valid) => currentStage(valid).label, c) ?? stageFromHistory(record, registry(), c !== null);
      return { stage, deadlines: (await deadlines(record, today, c)).map((d) => ({ date: d.date, label: d.label })) };
    },

    async nextStep(record: CaseRecord, today: string): Promise<NextStepInfo> {
      const fromModule = withCase(record, (c): NextStepInfo => {
        const { templateId, label, reason, warnings } = recommendNextStep(c, today, catalogue);
        return { templateId, label, reason, warnings };
      });
      if (fromModule) return fromModule;
      const generic = genericNextStep(record, registry());
      // Incomplete: the ladder cannot judge yet; say so and what it waits for, rather than advise what may change.
      const missing = validateCase(record.draft).problems;
      if (missing.length === 0) return generic;
      return {
        ...generic,
        reason: `Conseil provisoire : la prochaine étape se confirme quand le dossier est complet (${missing.length} ${missing.length > 1 ? 'faits à compléter ou corriger' : 'fait à compléter ou corriger'}). ${generic.reason}`,
        waitingFor: missing.slice(0, 8),
      };
    },
  };
}

/** Without the deadlines module: the written complaint first, then whatever the catalogue offers for the dispute. */
function genericNextStep(record: CaseRecord, registry: TemplateRegistry): NextStepInfo {
  const type = str(obj(record.draft.dispute).type) ?? '';
  const complaint = registry.templates.find((t) => t.meta.kind === 'complaint' && servesDispute(t.meta, type));
  const sentComplaint = record.meta.documents.some((d) => d.sent && registry.get(d.templateId)?.meta.kind === 'complaint');
  if (complaint && !sentComplaint) {
    return {
      templateId: complaint.meta.id,
      label: complaint.meta.title,
      reason: 'Une réclamation écrite est la première démarche : elle fixe les faits et un délai de réponse, et elle est exigée avant de saisir un médiateur.',
      warnings: [],
    };
  }
  const notice = registry.templates.find((t) => t.meta.kind === 'formal-notice' && servesDispute(t.meta, type));
  if (notice) {
    return {
      templateId: notice.meta.id,
      label: notice.meta.title,
      reason: 'Sans réponse satisfaisante à la réclamation dans le délai fixé, la mise en demeure est l’étape suivante.',
      warnings: [],
    };
  }
  return { templateId: null, label: 'Choisir le courrier suivant', reason: 'Consultez le catalogue des courriers adaptés à ce litige.', warnings: [] };
}
