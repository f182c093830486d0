/**
 * Editing you can trust, in headless Chromium against the real core: two windows on one case (a save from stale
 * data is refused and the page offers to reload, never a silent lost update), and a half-written journal entry
 * that survives a tab switch and a reload. Screenshots go to tests/.output/screenshots/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCase } from '../../core/common/api/contract.js';
import { callApi, SCREENSHOTS, startUi, type UiSession } from './harness.js';

/** Whether leaving the page now would ask first: a cancelable beforeunload, as the browser sends it. */
const ASKS_BEFORE_LEAVING = `(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`;

let ui: UiSession;
let caseId: string;
const contexts: BrowserContext[] = [];

async function openWindow(): Promise<Page> {
  const context = await ui.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
  // A reload with unsaved text asks first (beforeunload): the test answers « leave ».
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${ui.bridge.url}#/dossier/${caseId}/faits`);
  await page.getByLabel('Ce qui s’est passé').waitFor();
  return page;
}

async function storedFacts(): Promise<string> {
  const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
  return (stored.draft.dispute as { facts: string }).facts;
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ui = await startUi({ today: '2026-11-25' });
  const example = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'examples', 'ordinateur-livre-jamais-recu.json'), 'utf8')) as Record<string, unknown>;
  const created = await callApi<StoredCase>(ui.bridge, 'createCase', { disputeType: 'non-delivery' });
  caseId = created.id;
  const { evidence: _none, ...draft } = example;
  await callApi(ui.bridge, 'saveCase', { id: caseId, draft });
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await ui?.close();
});

describe('two windows on the same case', { timeout: 120_000 }, () => {
  it('refuses the stale window’s save, says so in French, and reloads the latest version on request', async () => {
    const first = await openWindow();
    const second = await openWindow();

    const facts = first.getByLabel('Ce qui s’est passé');
    await facts.fill('Version écrite dans la première fenêtre.');
    await first.getByText(/^Enregistré à/).waitFor();
    await expect.poll(storedFacts).toBe('Version écrite dans la première fenêtre.');

    // The second window still shows what it opened: its edit must not overwrite the first one.
    const stale = second.getByLabel('Ce qui s’est passé');
    await stale.fill('Version de la seconde fenêtre, ouverte avant.');
    const notice = second.getByRole('alert').filter({ hasText: 'modifié dans une autre fenêtre' });
    await notice.waitFor();
    await second.screenshot({ path: join(SCREENSHOTS, 'conflit-deux-fenetres.png'), fullPage: true });
    expect(await storedFacts()).toBe('Version écrite dans la première fenêtre.');

    await second.getByRole('button', { name: 'Recharger le dossier' }).click();
    await expect.poll(() => second.getByLabel('Ce qui s’est passé').inputValue()).toBe('Version écrite dans la première fenêtre.');
    expect(await second.getByRole('alert').filter({ hasText: 'modifié dans une autre fenêtre' }).count()).toBe(0);

    // After reloading, the second window saves again normally.
    await second.getByLabel('Ce qui s’est passé').fill('Reprise dans la seconde fenêtre après rechargement.');
    await second.getByText(/^Enregistré à/).waitFor();
    await expect.poll(storedFacts).toBe('Reprise dans la seconde fenêtre après rechargement.');
    await first.close();
    await second.close();
  });
});

describe('nothing typed is lost', { timeout: 120_000 }, () => {
  it('keeps a half-written journal entry across a tab switch and a reload, and warns before closing', async () => {
    const page = await openWindow();
    await page.getByRole('tab', { name: /^Journal/ }).click();
    const said = page.getByLabel('Ce qui a été dit');
    await said.fill('Appel au service client : le conseiller promet un rappel');
    await page.getByLabel('Nom du conseiller').fill('Karim');

    await page.getByRole('tab', { name: 'Faits' }).click();
    await page.getByLabel('Ce qui s’est passé').waitFor();
    await page.getByRole('tab', { name: /^Journal/ }).click();
    expect(await page.getByLabel('Ce qui a été dit').inputValue()).toBe('Appel au service client : le conseiller promet un rappel');

    // Closing the page with that text asks first.
    const asks = await page.evaluate(ASKS_BEFORE_LEAVING);
    expect(asks).toBe(true);

    await page.reload();
    await page.getByLabel('Ce qui a été dit').waitFor();
    expect(await page.getByLabel('Ce qui a été dit').inputValue()).toBe('Appel au service client : le conseiller promet un rappel');
    expect(await page.getByLabel('Nom du conseiller').inputValue()).toBe('Karim');
    await page.screenshot({ path: join(SCREENSHOTS, 'journal-saisie-conservee.png'), fullPage: true });

    // Once added, the entry is saved with the case and the form is empty again: nothing left to warn about.
    await page.getByRole('button', { name: 'Ajouter au journal' }).click();
    await page.getByText(/^Enregistré à/).waitFor();
    const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
    expect((stored.draft.contacts as { summary: string }[]).map((k) => k.summary)).toContain('Appel au service client : le conseiller promet un rappel');
    expect(await page.getByLabel('Ce qui a été dit').inputValue()).toBe('');
    const stillAsks = await page.evaluate(ASKS_BEFORE_LEAVING);
    expect(stillAsks).toBe(false);
  });

  it('saves the facts when the field is left, before the usual pause', async () => {
    const page = await openWindow();
    const facts = page.getByLabel('Ce qui s’est passé');
    await facts.fill('Texte enregistré en quittant le champ.');
    await page.getByLabel('Date de commande').focus();
    await expect.poll(storedFacts, { timeout: 3000 }).toBe('Texte enregistré en quittant le champ.');
  });
});

describe('French typography on the screens', { timeout: 120_000 }, () => {
  it('puts no plain space before : ; ! ? nor inside « », on every tab, as the letters do', async () => {
    const page = await openWindow();
    for (const tab of ['Faits', 'Journal', 'Pièces', 'Documents', 'Échéances']) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.waitForTimeout(500);
      const text = (await page.locator('#racine').innerText()).replace(/\d{1,2}:\d{2}/g, '');
      const wrong = [...text.matchAll(/.{0,30}(?: [:;!?](?=\s|$)|« | »).{0,10}/gmu)].map((m) => m[0]);
      expect(wrong, `typographie de l’onglet « ${tab} »`).toEqual([]);
    }
  });
});

describe('texts for online forms', { timeout: 120_000 }, () => {
  it('shows SignalConso’s text as plain text with a counter and a copy button, and no files to produce', async () => {
    const page = await openWindow();
    await page.getByRole('tab', { name: /^Documents/ }).click();
    await page.getByRole('region', { name: 'Les lettres pour ce litige' }).getByRole('button', { name: /Texte du signalement SignalConso/ }).click();
    const text = page.getByRole('textbox', { name: /^Texte de « .*SignalConso/ });
    await text.waitFor();
    const value = await text.inputValue();
    expect(value).toMatch(/^Madame, Monsieur,/);
    // No sender block, no recipient, no sending mode: the form has its own fields for them.
    expect(value).not.toContain('27 rue Paul Bert');
    expect(value).not.toContain('Lettre recommandée');
    const counter = (await page.getByText(/caractères sur/).textContent())?.replace(/\s/g, ' ');
    expect(counter).toBe(`${value.length.toLocaleString('fr-FR').replace(/\s/g, ' ')} caractères sur 5 000 acceptés par le formulaire.`);
    await page.getByRole('button', { name: 'Copier le texte' }).waitFor();
    expect(await page.getByRole('button', { name: 'Produire les documents' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /Dossier de pièces/ }).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'texte-formulaire-signalconso.png'), fullPage: true });
  });
});
