/** `recours deadlines` and `recours next`: readable French by default, JSON for tools, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.js';
import { EXAMPLES_DIR, examplePath as example } from '../support/examples.js';

/** No-break spaces shown as plain spaces; the indentation of the output is kept. */
const readable = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const run = cliRunner(readable);

describe('recours deadlines', () => {
  it('lists each deadline with its date, its legal basis and whether it has passed', async () => {
    const r = await run('deadlines', example('aspirateur-retractation.json'), '--today', '2026-11-25');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Délais du dossier');
    expect(r.out).toContain('au 25 novembre 2026');
    expect(r.out).toContain('[dépassé] 26 octobre 2026 — Remboursement dû après rétractation\n      Fondement : C. conso, art. L221-24');
    // From the chat of 30 October 2026, the earliest written exchange (fact sheet §8.2), not the e-mail of 6 November.
    expect(r.out).toContain('[à venir] 30 octobre 2027 — Date limite de saisine du médiateur de la consommation');
  });
  it('gives JSON for tools, with the current rung and the missing facts', async () => {
    const r = await run('deadlines', example('trottinette-vendeur-injoignable.json'), '--json', '--today', '2026-11-25');
    const data = JSON.parse(r.out) as { today: string; stage: { label: string }; deadlines: { id: string; date: string; overdue: boolean; basis: string }[]; missing: string[] };
    expect(data.today).toBe('2026-11-25');
    expect(data.stage.label).toBe('Réclamation écrite envoyée');
    expect(data.deadlines.map((d) => [d.id, d.date, d.overdue])).toEqual([
      ['delivery-due', '2026-11-04', true],
      ['a-to-z-limit', '2027-02-02', false],
      ['mediator-limit', '2027-11-06', false],
    ]);
    expect(data.missing).toEqual([]);
  });
  it('names the facts that would give other deadlines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recours-deadlines-'));
    const path = join(dir, 'dossier.json');
    writeFileSync(path, JSON.stringify({
      format: 'recours/case@1',
      claimant: { firstName: 'Léa', lastName: 'Roux', address: { lines: ['1 rue Haute'], postalCode: '75011', city: 'Paris' } },
      respondent: { role: 'bank', name: 'Banque', address: { lines: ['2 rue Basse'], postalCode: '75011', city: 'Paris' } },
      dispute: { type: 'fraud', facts: 'Carte utilisée à mon insu.', demand: 'chargeback' },
    }));
    const r = await run('deadlines', path, '--today', '2026-11-25');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Aucun délai calculable avec les faits du dossier.');
    expect(r.out).toContain('Opérations contestées (contestedPayment.operations) : nécessaires pour la date limite de contestation (art. L133-24).');
  });
  it('refuses a date that does not exist, and a broken case', async () => {
    const bad = await run('deadlines', example('aspirateur-retractation.json'), '--today', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--today « 2026-02-30 » n’est pas une date réelle');
    const missing = await run('deadlines', join(EXAMPLES_DIR, 'absent.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('fichier introuvable');
  });
});

describe('recours next', () => {
  it('says where the case stands and which letter comes next', async () => {
    const r = await run('next', example('ordinateur-livre-jamais-recu.json'), '--today', '2026-11-25');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Étape atteinte : Réclamation écrite envoyée (échelon 3 sur 10)');
    expect(r.out).toContain('Prochaine étape : Mise en demeure de livrer — modèle « mise-en-demeure-livraison »');
    expect(r.out).toContain(`Pour la produire : recours generate ${example('ordinateur-livre-jamais-recu.json')} --template mise-en-demeure-livraison --out DOSSIER_DE_SORTIE`);
  });
  it('warns when the step must wait, and lists the facts the letter still needs', async () => {
    // The same case before the mediator's notice of its end: the ninety days still run.
    const tv = JSON.parse(readFileSync(example('televiseur-non-conforme.json'), 'utf8')) as Record<string, unknown>;
    delete tv.mediation;
    const running = join(mkdtempSync(join(tmpdir(), 'recours-next-')), 'televiseur.json');
    writeFileSync(running, JSON.stringify(tv));
    const r = await run('next', running, '--today', '2026-11-25');
    expect(r.out).toContain('Prochaine étape : Demande de conciliation — modèle « demande-conciliateur »');
    expect(r.out).toContain('À partir du 10 décembre 2026.');
    expect(r.out).toContain('Attention :\n  - Issue de la médiation (saisine du 10 septembre 2026) : le délai court jusqu’au 9 décembre 2026.');
    // With the notice recorded (mediation.ended), the mediation is over: no wait (fact sheet §8.2).
    const ended = await run('next', example('televiseur-non-conforme.json'), '--today', '2026-11-25');
    expect(ended.out).toContain('modèle « demande-conciliateur »');
    expect(ended.out).not.toContain('À partir du');
    const prime = await run('next', example('abonnement-prime-reconduit.json'), '--today', '2026-11-25');
    expect(prime.out).toContain('modèle « abonnement-prime »');
  });
  it('gives JSON for tools', async () => {
    const r = await run('next', example('lave-linge-vice-cache.json'), '--json', '--today', '2026-11-25');
    const data = JSON.parse(r.out) as { stage: { rung: number }; next: { templateId: string; warnings: string[] }; missing: string[] };
    expect(data.stage.rung).toBe(3);
    expect(data.next.templateId).toBe('mise-en-demeure-vices-caches');
    expect(data.missing).toEqual([]);
  });
});
