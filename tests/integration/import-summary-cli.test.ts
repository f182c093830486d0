/** `recours import` and `recours summary` as a user runs them: what is printed, what is written, and what is not. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { EXAMPLES_DIR } from '../support/examples.js';
import { historyCsv, laptopConfirmation, SEVERAL_ORDERS, foreignEmail } from '../support/fixtures-import.js';

const run = cliRunner();

const laptop = join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json');
const tempDir = () => mkdtempSync(join(tmpdir(), 'recours-import-'));

describe('recours import', () => {
  it('lists the orders of an export holding several and writes nothing, even with --out', async () => {
    const dir = tempDir();
    const csv = join(dir, 'Retail.OrderHistory.1.csv');
    writeFileSync(csv, historyCsv(SEVERAL_ORDERS));
    const listed = await run('import', csv);
    expect(listed.code).toBe(0);
    expect(normaliseSpaces(listed.out)).toContain('402-7719254-3381946 28/09/2026 849,99 € Ordinateur portable Lenovo');
    expect(normaliseSpaces(listed.out)).toContain('171-5550123-4445566 01/07/2026 64,89 € Câble USB-C "tressé", 2 m (+ 1 article)');
    const refused = await run('import', csv, '--out', join(dir, 'dossier.json'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Rien n’a été écrit : indiquez la commande à importer avec --order NUMÉRO.');
    expect(existsSync(join(dir, 'dossier.json'))).toBe(false);
  });

  it('--out writes a new case with the order and the file as an exhibit; check says what is left', async () => {
    const dir = tempDir();
    const eml = join(dir, 'confirmation.eml');
    writeFileSync(eml, laptopConfirmation());
    const target = join(dir, 'dossier.json');
    const r = await run('import', eml, '--out', target);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Numéro de commande (order.number) : 402-7719254-3381946');
    expect(r.out).toContain('lu dans : « Passée le lundi 28 septembre 2026 »');
    const written = JSON.parse(readFileSync(target, 'utf8'));
    expect(written.order).toMatchObject({ number: '402-7719254-3381946', date: '2026-09-28', total: 849.99, promisedDelivery: '2026-10-02' });
    expect(written.evidence).toEqual([{ id: 'email-commande', file: 'confirmation.eml', title: 'Message d’Amazon — commande n° 402-7719254-3381946', date: '2026-09-28' }]);
    const check = await run('check', target);
    expect(check.code).toBe(1);
    expect(check.out + check.err).toMatch(/claimant/);
  });

  it('--into adds what is missing, never overwrites what was typed, and prints the conflict', async () => {
    const dir = tempDir();
    const data = JSON.parse(readFileSync(laptop, 'utf8'));
    data.order.date = '2026-09-27';
    delete data.order.promisedDelivery;
    data.evidence = [];
    const target = join(dir, 'dossier.json');
    writeFileSync(target, JSON.stringify(data));
    const eml = join(dir, 'confirmation.eml');
    writeFileSync(eml, laptopConfirmation());
    const r = await run('import', eml, '--into', target);
    expect(r.code).toBe(0);
    expect(normaliseSpaces(r.out)).toContain('Conflit — Date de commande (order.date) : le dossier indique « 27 septembre 2026 », le fichier « 28 septembre 2026 ». Non modifié');
    expect(r.out).toContain('Ajouté au dossier : order.promisedDelivery');
    const written = JSON.parse(readFileSync(target, 'utf8'));
    expect(written.order.date).toBe('2026-09-27');
    expect(written.order.promisedDelivery).toBe('2026-10-02');
    expect(written.evidence.map((e: { file: string }) => e.file)).toEqual(['confirmation.eml']);
  });

  it('--json prints each fact with its source excerpt', async () => {
    const dir = tempDir();
    const csv = join(dir, 'h.csv');
    writeFileSync(csv, historyCsv(SEVERAL_ORDERS));
    const r = await run('import', csv, '--order', '402-7719254-3381946', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.facts).toContainEqual(expect.objectContaining({ path: 'order.total', value: 849.99, excerpt: 'Total Owed : 849.99', source: 'h.csv' }));
  });

  it('a foreign or unreadable file: exit 1, a French message naming it, nothing written', async () => {
    const dir = tempDir();
    const eml = join(dir, 'promo.eml');
    writeFileSync(eml, foreignEmail());
    const target = join(dir, 'dossier.json');
    const r = await run('import', eml, '--out', target);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Erreur : « promo.eml » : ce message ne vient pas d’Amazon');
    expect(existsSync(target)).toBe(false);
    const missing = await run('import', join(dir, 'absent.zip'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('absent.zip » : fichier introuvable');
  });
});

describe('recours summary', () => {
  it('prints the table of the laptop case: problem, six actions with references and promises, demand', async () => {
    const r = await run('summary', laptop, '--today', '2026-11-26');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Résumé du litige — commande n° 402-7719254-3381946');
    expect(r.out).toContain('Problème : Colis indiqué livré le 2 octobre 2026 mais jamais reçu.');
    expect(r.out).toContain('Démarches (6) :');
    expect(r.out).toContain('1. 02/10/2026 — chat — Priya — réf. CS-88123 : Signalement du colis indiqué livré mais non reçu ; on me demande d’attendre 48 heures. Promesse : « Le colis peut encore arriver sous 48 heures ».');
    expect(r.out).toContain('Demande : Je demande le remboursement de 849,99 €.');
  });

  it('--short fits in 1 000 characters with the order number, references, promises and demand', async () => {
    const r = await run('summary', laptop, '--short', '--today', '2026-11-26');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeLessThanOrEqual(1000);
    for (const s of ['402-7719254-3381946', 'CS-88123', 'CS-90417', 'CS-91502', '« Rappel sous 48 heures »', 'Je demande le remboursement de 849,99 €.']) expect(r.out).toContain(s);
  });

  it('--pdf writes a one-page summary whose text reads the same', async () => {
    const out = join(tempDir(), 'resume.pdf');
    const r = await run('summary', laptop, '--pdf', out, '--today', '2026-11-26');
    expect(r.code).toBe(0);
    const pdf = await extractPdf(new Uint8Array(readFileSync(out)));
    expect(pdf.pages).toHaveLength(1);
    const text = normaliseSpaces(pdf.text);
    expect(text).toContain('Démarches effectuées (6)');
    expect(text).toContain('CS-91502');
    expect(text).toContain('Demande : Je demande le remboursement de 849,99 €.');
  });
});
