/** The UI's import and summary methods against the real core: nothing written until confirmed, nothing overwritten. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiMethod, type ApiParams, type ApiResults } from '../../core/common/api/contract.js';
import { createApiDispatcher } from '../../core/node/api/index.js';
import { createMemorySettingsStore } from '../../core/node/settings/index.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { EXAMPLES_DIR } from '../support/examples.js';
import { foreignEmail, historyCsv, laptopConfirmation, SEVERAL_ORDERS } from '../support/fixtures-import.js';

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'recours-api-import-'));
  const dispatcher = createApiDispatcher({ dataDir, settings: createMemorySettingsStore(), today: () => '2026-11-26', log: () => {} });
  return <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatcher.call(method, params) as Promise<ApiResults[M]>;
}

const laptopDraft = () => {
  const { evidence: _e, ...draft } = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json'), 'utf8'));
  return draft as Record<string, unknown>;
};

describe('import through the API', () => {
  it('proposes without writing, lists several orders, and refuses a foreign e-mail in French', async () => {
    const call = setup();
    const created = await call('createCase', { disputeType: 'non-delivery' });
    const orders = await call('proposeImport', { id: created.id, name: 'h.csv', bytes: new Uint8Array(new TextEncoder().encode(historyCsv(SEVERAL_ORDERS))) });
    expect(orders.kind).toBe('orders');
    const proposal = await call('proposeImport', { id: created.id, name: 'confirmation.eml', bytes: laptopConfirmation() });
    expect(proposal.kind === 'proposal' && proposal.proposal.facts.map((f) => f.path)).toContain('order.number');
    expect((await call('getCase', { id: created.id })).draft).toEqual(created.draft);
    const refused = await call('proposeImport', { name: 'promo.eml', bytes: foreignEmail() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).payload).toMatchObject({ code: 'invalid-request' });
    expect((refused as ApiError).message).toMatch(/^Import impossible : « promo\.eml » : ce message ne vient pas d’Amazon .* Rien n’a été modifié\.$/);
  });

  it('applies only the facts confirmed, keeps what was typed, and adds the file as a titled piece', async () => {
    const call = setup();
    const created = await call('createCase', { disputeType: 'non-delivery' });
    const draft = { ...created.draft, order: { platform: 'Amazon', date: '2026-09-27' } };
    await call('saveCase', { id: created.id, draft });
    const result = await call('applyImport', { id: created.id, name: 'confirmation.eml', bytes: laptopConfirmation(), paths: ['order.number', 'order.date', 'order.total'] });
    expect(result.added.map((f) => f.path)).toEqual(['order.number', 'order.total']);
    expect(result.conflicts).toEqual([expect.objectContaining({ path: 'order.date', current: '2026-09-27', proposed: '2026-09-28' })]);
    expect(result.case.draft.order).toEqual({ platform: 'Amazon', date: '2026-09-27', number: '402-7719254-3381946', total: 849.99 });
    expect(result.case.evidence.map((e) => [e.originalName, e.title])).toEqual([['confirmation.eml', 'Message d’Amazon — commande n° 402-7719254-3381946']]);
  });
});

describe('summary through the API', () => {
  it('gives the text and the short text, and a one-page PDF of the laptop case', async () => {
    const call = setup();
    const created = await call('createCase', { disputeType: 'non-delivery' });
    await call('saveCase', { id: created.id, draft: laptopDraft() });
    const summary = await call('caseSummary', { id: created.id });
    expect(summary.short.length).toBeLessThanOrEqual(1000);
    expect(normaliseSpaces(summary.text)).toContain('Démarches (6) :');
    const pdf = await call('summaryPdf', { id: created.id });
    expect(pdf.name).toBe('resume-402-7719254-3381946_2026-11-26.pdf');
    const text = await extractPdf(pdf.bytes);
    expect(text.pages).toHaveLength(1);
    expect(normaliseSpaces(text.text)).toContain('Problème : Colis indiqué livré le 2 octobre 2026 mais jamais reçu.');
  });
});
