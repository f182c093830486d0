/**
 * A remedy is checked before its letter is produced: `recours generate` refuses a letter whose remedy is closed and
 * names the letter that serves (unless --force), `recours check` says the same, and `recours next` never proposes it.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.js';
import { failedConditions } from '../../core/common/letter/conditions.js';
import { letterReadiness } from '../../core/common/letter/readiness.js';
import { recommendNextStep } from '../../core/common/deadlines/index.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { ApiError, type ApiMethod, type ApiParams, type ApiResults } from '../../core/common/api/contract.js';
import { createApiDispatcher } from '../../core/node/api/index.js';
import { createMemorySettingsStore } from '../../core/node/settings/index.js';
import { EXAMPLES_DIR, examplePath as example, loadExample, readable } from '../support/examples.js';

const TODAY = '2026-11-25';
const registry = loadTemplateRegistry();
const conditionsOf = (id: string) => registry.get(id)?.meta.conditions;

const run = cliRunner(readable);

describe('recours generate checks the remedy', () => {
  it('refuses the legal guarantee more than two years after delivery, names the hidden-defects letter, writes nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'recours-cond-'));
    const r = await run('generate', example('lave-linge-vice-cache.json'), '--template', 'mise-en-demeure-conformite', '--out', out, '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Lettre non produite : le recours de « Mise en demeure');
    expect(r.err).toContain('plus de deux ans après la délivrance du 12 mars 2024');
    expect(r.err).toContain('art. L217-3');
    expect(r.err).toContain('(modèle « mise-en-demeure-vices-caches »)');
    expect(r.err).toContain('Ajoutez --force');
    expect(readdirSync(out)).toEqual([]);
  });
  it('with --force, produces the letter and prints the warning', async () => {
    const out = mkdtempSync(join(tmpdir(), 'recours-cond-'));
    const r = await run('generate', example('lave-linge-vice-cache.json'), '--template', 'mise-en-demeure-conformite', '--out', out, '--format', 'pdf', '--force', '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Attention : Le défaut est apparu le 14 octobre 2026, plus de deux ans après la délivrance');
    expect(readdirSync(out)).toHaveLength(1);
  });
  it('refuses CEC France for a trader established in France and points to the mediator', async () => {
    const out = mkdtempSync(join(tmpdir(), 'recours-cond-'));
    const r = await run('generate', example('retard-livraison-marketplace.json'), '--template', 'reclamation-cec-france', '--out', out, '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.err).toContain('MaisonConfort SAS est établi en France');
    expect(r.err).toContain('(modèle « saisine-mediateur »)');
  });
  it('recours check --template lists the closed remedy with the facts', async () => {
    const r = await run('check', example('televiseur-non-conforme.json'), '--template', 'mise-en-demeure-vices-caches', '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Le recours de « ');
    expect(r.out).toContain('relève de la garantie légale de conformité (C. conso, art. L217-4)');
  });
});

describe('the conditions, one function', () => {
  it('the mediator: not after a mediation on the same dispute, nor more than a year after the written complaint', async () => {
    const c = await loadExample('ordinateur-livre-jamais-recu.json');
    expect(failedConditions(c, ['no-prior-mediation', 'mediator-within-a-year'], TODAY)).toEqual([]);
    const mediated = { ...c, mediation: { ended: '2026-11-01', outcome: 'no-agreement' as const } };
    expect(failedConditions(mediated, ['no-prior-mediation'], TODAY)[0]).toMatchObject({ condition: 'no-prior-mediation', instead: 'demande-conciliateur' });
    const late = failedConditions(c, ['mediator-within-a-year'], '2027-12-01');
    expect(readable(late[0]?.message ?? '')).toContain('art. L612-2, 4°');
  });
  it('A-to-z: only a Marketplace sale, within 90 days of the estimated delivery, never after a chargeback', async () => {
    const c = await loadExample('trottinette-vendeur-injoignable.json');
    expect(failedConditions(c, ['marketplace-sale', 'a-to-z-window'], TODAY)).toEqual([]);
    expect(failedConditions(c, ['a-to-z-window'], '2027-06-01')[0]?.instead).toBe('mise-en-demeure-livraison');
    const amazon = await loadExample('ordinateur-livre-jamais-recu.json');
    expect(failedConditions(amazon, ['marketplace-sale'], TODAY)[0]?.instead).toBe('reclamation-service-client');
  });
  it('the subscription notice: a yearly renewal without the L215-1 notice, or charges after termination', async () => {
    const c = await loadExample('abonnement-prime-reconduit.json');
    expect(failedConditions(c, ['subscription-wrongly-billed'], TODAY)).toEqual([]);
    const monthly = { ...c, subscription: { ...c.subscription!, period: 'month' as const, cancelled: '2026-10-20', charges: [{ date: '2026-10-15', amount: 6.99 }] } };
    expect(failedConditions(monthly, ['subscription-wrongly-billed'], TODAY)[0]?.instead).toBe('abonnement-prime');
    const after = { ...monthly, subscription: { ...monthly.subscription, charges: [{ date: '2026-11-15', amount: 6.99 }] } };
    expect(failedConditions(after, ['subscription-wrongly-billed'], TODAY)).toEqual([]);
  });
  it('the requête stops at 5 000 €', async () => {
    const c = await loadExample('televiseur-non-conforme.json');
    expect(failedConditions({ ...c, dispute: { ...c.dispute, amount: 6200 } }, ['small-claim'], TODAY)).toHaveLength(1);
    expect(failedConditions(c, ['small-claim'], TODAY)).toEqual([]);
  });
  it('the readiness check gives missing facts and failing conditions together', async () => {
    const c = await loadExample('lave-linge-vice-cache.json');
    const meta = registry.get('mise-en-demeure-conformite')!.meta;
    const r = letterReadiness(c, meta, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.conditions.map((f) => f.condition)).toEqual(['legal-guarantee-open']);
  });
});

describe('recours next never proposes a letter whose remedy is closed', () => {
  it('a wrong model found more than two years after delivery: neither hidden defects nor the legal guarantee', async () => {
    const c = await loadExample('televiseur-non-conforme.json');
    const late = { ...c, order: { ...c.order!, delivered: '2024-01-10' }, dispute: { ...c.dispute, noticed: '2026-11-01' }, contacts: [{ date: '2026-11-02', channel: 'email' as const, summary: 'Réclamation écrite.' }] };
    delete (late as { decision?: unknown }).decision;
    const step = recommendNextStep(late, TODAY, { conditions: conditionsOf });
    expect(step.templateId).not.toBe('mise-en-demeure-vices-caches');
    expect(step.templateId).not.toBe('mise-en-demeure-conformite');
    expect(readable(step.warnings.join('\n'))).toContain('art. L217-4');
  });
  it('every example: the proposed letter meets its conditions', async () => {
    for (const file of readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json'))) {
      const c = await loadExample(file);
      const step = recommendNextStep(c, TODAY, { conditions: conditionsOf });
      if (step.templateId) expect(failedConditions(c, conditionsOf(step.templateId) ?? [], TODAY), file).toEqual([]);
    }
  });
  it('a mediation that failed on the same dispute: the conciliator, not a second mediator', async () => {
    const c = await loadExample('ordinateur-livre-jamais-recu.json');
    const sent = ['reclamation-service-client', 'mise-en-demeure-livraison', 'mise-en-demeure-remboursement'].map((template, i) => ({ date: `2026-10-${10 + i * 5}`, channel: 'letter' as const, summary: 'Lettre.', template }));
    const mediated = { ...c, contacts: [...(c.contacts ?? []), ...sent], mediation: { ended: '2026-11-10', outcome: 'no-agreement' as const } };
    const step = recommendNextStep(mediated, TODAY, { conditions: conditionsOf });
    expect(step.templateId).toBe('demande-conciliateur');
    expect(readable(step.warnings.join('\n'))).toContain('L612-2, 3°');
  });
});

describe('the API carries the same check to the UI', () => {
  it('checkTemplate gives the failing condition and the letter that serves; generateDocument refuses unless forced', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recours-cond-api-'));
    const settings = createMemorySettingsStore({ sender: null, defaultPlace: 'Lyon', documentsDir: '', emailSizeLimit: 10_000_000 });
    const dispatcher = createApiDispatcher({ dataDir, settings, today: () => TODAY, log: () => {} });
    const call = <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatcher.call(method, params) as Promise<ApiResults[M]>;
    const { evidence: _e, ...draft } = (await loadExample('lave-linge-vice-cache.json')) as Record<string, unknown>;
    const { id } = await call('createCase', { disputeType: 'defective' });
    await call('saveCase', { id, draft });
    const check = await call('checkTemplate', { id, templateId: 'mise-en-demeure-conformite' });
    expect(check.problems).toEqual([]);
    expect(readable(check.conditions[0]?.message ?? '')).toContain('plus de deux ans après la délivrance');
    expect(check.conditions[0]?.instead).toMatchObject({ id: 'mise-en-demeure-vices-caches' });
    const refused = await call('generateDocument', { id, templateId: 'mise-en-demeure-conformite', formats: ['pdf'] }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(readable((refused as ApiError).message)).toContain('(modèle « mise-en-demeure-vices-caches »)');
    const forced = await call('generateDocument', { id, templateId: 'mise-en-demeure-conformite', formats: ['pdf'], force: true });
    expect(readable(forced.warnings.join(' '))).toContain('art. L217-3');
  });
});
