/**
 * Import of an order into a case, and the case summary, for the UI. An import is proposed first (nothing written),
 * then applied with the facts the user confirmed: only where the case has nothing yet, the file becoming an exhibit.
 */
import { createHash } from 'node:crypto';
import { ApiError, type ApiResults } from '../../common/api/contract.js';
import { exhibitTitle } from '../../common/import/describe.js';
import { mergeFacts, type ImportOutcome } from '../../common/import/proposal.js';
import { buildCaseSummary, nextDeadlineOf, shortSummary, summaryDocument, summaryText } from '../../common/summary/case-summary.js';
import { ImportProblem, readImport } from '../import/index.js';
import type { ApiContext } from './context.js';
import type { evidenceMethods } from './evidence.js';
import type { createLadder } from './ladder.js';
import { storedCase } from './views.js';
import { displayFileName } from '../../common/format/display-name.js';

async function read(bytes: Uint8Array, name: string, order?: string): Promise<ImportOutcome> {
  try {
    return await readImport(bytes, name, order !== undefined ? { order } : {});
  } catch (e) {
    if (e instanceof ImportProblem) throw new ApiError({ code: 'invalid-request', message: `Import impossible : ${e.message}. Rien n’a été modifié.` });
    throw e;
  }
}

export function importMethods(ctx: ApiContext, evidence: ReturnType<typeof evidenceMethods>, ladder: ReturnType<typeof createLadder>) {
  const { store } = ctx;

  async function summaryOf(id: string, draft?: Record<string, unknown>) {
    const record = await store.get(id);
    const deadlines = await ladder.deadlines(draft ? { ...record, draft } : record, ctx.today());
    return buildCaseSummary(draft ?? record.draft, { nextDeadline: nextDeadlineOf(deadlines) });
  }

  return {
    async proposeImport(p: { id?: string; name: string; bytes: Uint8Array; order?: string }): Promise<ApiResults['proposeImport']> {
      const outcome = await read(p.bytes, p.name, p.order);
      if (outcome.kind === 'orders') return outcome;
      const draft = p.id ? (await store.get(p.id)).draft : {};
      const merge = mergeFacts(draft, outcome.proposal.facts);
      return { ...outcome, same: merge.same.map((f) => f.path), conflicts: merge.conflicts };
    },

    async applyImport(p: { id: string; name: string; bytes: Uint8Array; order?: string; paths: string[] }): Promise<ApiResults['applyImport']> {
      const outcome = await read(p.bytes, p.name, p.order);
      if (outcome.kind === 'orders') throw new ApiError({ code: 'invalid-request', message: `« ${displayFileName(p.name)} » contient ${outcome.orders.length} commandes : choisissez celle à importer.` });
      const { proposal } = outcome;
      let result: ReturnType<typeof mergeFacts> | null = null;
      await store.update(p.id, (r) => {
        result = mergeFacts(r.draft, proposal.facts, new Set(p.paths));
        return { draft: result.draft };
      });
      await evidence.addEvidence({ id: p.id, name: p.name, bytes: p.bytes });
      const sha256 = createHash('sha256').update(p.bytes).digest('hex');
      const record = await evidence.updateEvidence({ id: p.id, evidenceId: sha256, title: exhibitTitle(proposal) }).catch(async () => storedCase(await store.get(p.id)));
      const merged = result as ReturnType<typeof mergeFacts> | null;
      return { case: record, added: merged?.added ?? [], conflicts: merged?.conflicts ?? [] };
    },

    async caseSummary(p: { id: string; draft?: Record<string, unknown> }): Promise<ApiResults['caseSummary']> {
      const summary = await summaryOf(p.id, p.draft);
      return { text: summaryText(summary), short: shortSummary(summary) };
    },

    async summaryPdf(p: { id: string }): Promise<ApiResults['summaryPdf']> {
      const summary = await summaryOf(p.id);
      const { writeLetterPdf } = await import('../pdf/letter-pdf.js');
      const bytes = await writeLetterPdf(summaryDocument(summary, ctx.today()));
      return { name: `resume${summary.orderNumber ? `-${summary.orderNumber}` : ''}_${ctx.today()}.pdf`, mediaType: 'application/pdf', bytes };
    },
  };
}
