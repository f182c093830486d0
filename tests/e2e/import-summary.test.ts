/**
 * End to end, in headless Chromium against the real core: the seed's laptop case started from its confirmation
 * e-mail on the new-case screen (proposal confirmed field by field, the e-mail kept as a piece), then the
 * « Résumé » read and copied at the next call. Screenshots go to tests/.output/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCase } from '../../core/common/api/contract.js';
import { callApi, SCREENSHOTS, startUi, type UiSession } from './harness.js';
import { laptopConfirmation } from '../support/fixtures-import.js';
import { normaliseSpaces } from '../support/pdf-text.js';

let ui: UiSession;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ui = await startUi({ today: '2026-11-26' });
  const context = await ui.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ui.bridge.url });
  page = await context.newPage();
}, 180_000);

afterAll(async () => {
  await ui?.close();
});

describe('importing the order and reading the summary, in a real browser', { timeout: 90_000 }, () => {
  let caseId = '';

  it('starts the laptop case from its confirmation e-mail on the new-case screen', async () => {
    const started = Date.now();
    await page.goto(`${ui.bridge.url}#/nouveau`);
    await page.getByRole('heading', { name: 'Importer une commande' }).waitFor();
    // The file travels as itself to the bridge's upload route, not as base64 in JSON.
    const apiCalls: string[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/') && apiCalls.push(new URL(r.url()).pathname)));
    await page.getByLabel('Fichier de la commande à importer').setInputFiles({ name: 'confirmation.eml', mimeType: 'message/rfc822', buffer: Buffer.from(laptopConfirmation()) });
    const proposal = page.locator('.import-proposal');
    await proposal.getByText('Informations trouvées dans « confirmation.eml »').waitFor();
    // The page's text gets French typography (no-break spaces before « : » and inside « »): compare with plain spaces.
    expect(normaliseSpaces((await proposal.locator('[data-fact-path="order.number"]').textContent()) ?? '')).toContain('Numéro de commande : 402-7719254-3381946');
    expect(normaliseSpaces((await proposal.locator('[data-fact-path="order.date"]').textContent()) ?? '')).toContain('Lu dans : « Passée le lundi 28 septembre 2026 »');
    expect(await proposal.locator('[data-fact-path="order.total"]').textContent()).toContain('849,99\u00a0€');
    // The user may leave a fact out: the currency is unticked here and must not reach the case.
    await proposal.locator('[data-fact-path="order.currency"] input').uncheck();
    await page.getByLabel('Que s’est-il passé ?').selectOption({ label: 'Le colis est indiqué « livré », mais je ne l’ai jamais reçu' });
    await shot('import-01-proposition');
    await page.getByRole('button', { name: 'Créer le dossier avec ces informations' }).click();
    // The new-case route is #/nouveau/<situation>/<caseId>: the import itself creates the case, then the first questions follow.
    await page.waitForURL(/#\/nouveau\/livre-non-recu\/[a-z0-9-]+$/);
    caseId = /#\/nouveau\/[^/]+\/([a-z0-9-]+)$/.exec(page.url())?.[1] ?? '';
    expect(caseId).not.toBe('');
    const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
    expect(stored.draft).toMatchObject({
      order: {
        number: '402-7719254-3381946',
        date: '2026-09-28',
        total: 849.99,
        promisedDelivery: '2026-10-02',
        items: [{ description: 'Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD', quantity: 1, unitPrice: 849.99 }],
      },
      dispute: { type: 'non-delivery' },
    });
    expect((stored.draft.order as { currency?: unknown }).currency).toBeUndefined();
    expect(stored.evidence.map((e) => [e.originalName, e.title])).toEqual([['confirmation.eml', 'Message d’Amazon — commande n° 402-7719254-3381946']]);
    expect(await page.getByLabel('Numéro de commande').inputValue()).toBe('402-7719254-3381946');
    expect(apiCalls).toEqual(expect.arrayContaining(['/api/upload/order', '/api/upload/order/apply']));
    expect(apiCalls.filter((p) => /Import$/.test(p))).toEqual([]);
    await shot('import-02-questions');
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('imports the same e-mail again from Faits: nothing is overwritten, a changed date is shown as a conflict', async () => {
    const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
    await callApi(ui.bridge, 'saveCase', { id: caseId, draft: { ...stored.draft, order: { ...(stored.draft.order as object), date: '2026-09-27' } } });
    await page.goto(`${ui.bridge.url}#/dossier/${caseId}/faits`);
    await page.getByText('Importer une commande').click();
    await page.getByLabel('Fichier de la commande à importer').setInputFiles({ name: 'confirmation.eml', mimeType: 'message/rfc822', buffer: Buffer.from(laptopConfirmation()) });
    const conflict = page.locator('.import-proposal [data-fact-path="order.date"]');
    await conflict.waitFor();
    expect(normaliseSpaces((await conflict.textContent()) ?? '')).toContain('Le dossier indique déjà « 27 septembre 2026 » : il n’est pas modifié.');
    expect(await conflict.locator('input').isDisabled()).toBe(true);
    await shot('import-03-conflit');
    await page.getByRole('button', { name: 'Ajouter au dossier' }).click();
    await page.getByText(/Le fichier est dans les pièces\./).waitFor();
    expect(normaliseSpaces((await page.getByRole('status').filter({ hasText: 'Ajouté' }).textContent()) ?? '')).toContain('Ajouté : devise.');
    const after = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
    expect((after.draft.order as { date: string }).date).toBe('2026-09-27');
    expect(after.evidence).toHaveLength(1);
  });

  it('reads the « Résumé » from any tab, and copies the short text', async () => {
    await page.getByRole('tab', { name: 'Échéances' }).click();
    await page.getByRole('button', { name: 'Résumé' }).click();
    const panel = page.getByRole('region', { name: 'Résumé du dossier' });
    await panel.getByText('Texte court à coller dans un chat').waitFor();
    const short = (await panel.locator('.summary-short').textContent()) ?? '';
    expect(short).toContain('Commande n°\u00a0402-7719254-3381946.');
    expect(short.length).toBeLessThanOrEqual(1000);
    expect(await panel.locator('.summary-text').textContent()).toContain('Résumé du litige — commande n°\u00a0402-7719254-3381946');
    await panel.getByRole('button', { name: 'Copier' }).click();
    await panel.getByText('Texte court copié.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(short);
    await shot('import-04-resume');
  });
});
