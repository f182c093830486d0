/**
 * End to end, in headless Chromium, against the real core behind the local web bridge (no mocks): a consumer
 * fills in the settings, creates the « marked delivered, never received » case through the screens, notes three
 * contacts, drops two pieces, produces the mise en demeure with its dossier, downloads the PDF and reads it,
 * then marks it sent. A screenshot of each screen goes to tests/.output/screenshots/.
 *
 * The renderer is built by Vite in beforeAll (no prior `npm run build:renderer` needed). Needs /usr/bin/chromium
 * (Debian package `chromium`) or RECOURS_CHROMIUM.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCase } from '../../core/common/api/contract.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { callApi, SCREENSHOTS, startUi, type UiSession } from './harness.js';

let ui: UiSession;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A photo of the empty letterbox (PNG, so that core can draw a thumbnail) and the order confirmation (PDF). */
async function evidenceFiles(): Promise<{ name: string; type: string; base64: string }[]> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="#c9b79c"/><rect x="170" y="120" width="300" height="240" fill="#5a6470"/><rect x="200" y="170" width="240" height="24" fill="#1b1f24"/></svg>`;
  const photo = await sharp(Buffer.from(svg)).png().toBuffer();
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText('Confirmation de commande 402-7719254-3381946 : 849,99 EUR', { x: 50, y: 700, size: 14, font });
  return [
    { name: 'boite-aux-lettres.png', type: 'image/png', base64: photo.toString('base64') },
    { name: 'confirmation-commande.pdf', type: 'application/pdf', base64: Buffer.from(await pdf.save()).toString('base64') },
  ];
}

/** Drops files on the drop zone the way a file manager does: a real drop event carrying a DataTransfer. */
async function dropFiles(files: { name: string; type: string; base64: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer();
    for (const f of ${JSON.stringify(files)}) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  })()`);
  const zone = page.locator('.drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** The text as read, not as laid out: lines joined, words hyphenated at a line end put back together. */
function readingText(text: string): string {
  return normaliseSpaces(text.replace(/(\p{L})-\n(\p{L})/gu, '$1$2').replace(/\n/g, ' '));
}

async function savedNow(): Promise<void> {
  await page.getByText(/^Enregistré/).first().waitFor();
}

/** The files of the document just produced, right under « Produire ». */
const produced = () => page.getByRole('region', { name: 'Fichiers produits' });

async function download(buttonName: RegExp, where: Pick<Page, 'getByRole'> = page): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent('download'), where.getByRole('button', { name: buttonName }).click()]);
  const path = await file.path();
  return new Uint8Array(await readFile(path));
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ui = await startUi({ today: '2026-11-25' });
  const context = await ui.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
}, 180_000);

afterAll(async () => {
  await ui?.close();
});

describe('the case workspace in a real browser', { timeout: 90_000 }, () => {
  let caseId = '';

  it('takes the sender identity in the settings', async () => {
    await page.goto(ui.bridge.url);
    await page.getByRole('heading', { name: 'Vos dossiers' }).waitFor();
    await page.getByText('Aucun dossier pour l’instant.').waitFor();
    await shot('01-dossiers-vide');

    await page.getByRole('link', { name: 'Réglages' }).click();
    await page.getByLabel('Civilité').selectOption('M.');
    await page.getByLabel('Prénom').fill('Karim');
    await page.getByLabel('Nom', { exact: true }).fill('Benali');
    await page.getByLabel(/^Adresse$/).fill('27 rue Paul Bert');
    await page.getByLabel('Complément d’adresse').fill('Appartement 12');
    await page.getByLabel('Code postal').fill('69003');
    await page.getByLabel('Ville').fill('Lyon');
    await page.getByLabel('Adresse e-mail').fill('karim.benali@exemple');
    await expect.poll(() => page.getByText('« karim.benali@exemple » n’est pas une adresse e-mail valide').count()).toBe(1);
    await page.getByLabel('Adresse e-mail').fill('karim.benali@exemple.fr');
    await page.getByLabel('Lieu d’écriture par défaut').fill('Lyon');
    await savedNow();
    await shot('02-reglages');
    const settings = await callApi<{ sender: { lastName: string } | null; defaultPlace: string }>(ui.bridge, 'getSettings', {});
    expect(settings.sender?.lastName).toBe('Benali');
    expect(settings.defaultPlace).toBe('Lyon');
  });

  it('creates the « marked delivered, never received » case from « Que s’est-il passé ? »', async () => {
    await page.getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('link', { name: 'Nouveau dossier', exact: true }).click();
    await page.getByRole('heading', { name: 'Que s’est-il passé ?' }).waitFor();
    await shot('03-nouveau-dossier');
    await page.getByRole('link', { name: /Le colis est indiqué « livré », mais je ne l’ai jamais reçu/ }).click();

    await page.getByText('Expéditeur :').waitFor();
    expect(await page.getByText('Expéditeur :').textContent()).toContain('Karim Benali');
    // Nothing is stored before something is typed: an abandoned start leaves no case behind.
    expect(await callApi<unknown[]>(ui.bridge, 'listCases', {})).toEqual([]);

    await page.getByLabel('Date de commande').fill('2026-09-28');
    await page.getByLabel('Article commandé').fill('Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces');
    await page.getByLabel('Prix de l’article (€)').fill('849,99');
    await page.getByLabel('Montant total payé (€)').fill('849,99');
    // A mistyped Amazon number is named under its field while typing, and the message goes once it is right.
    const number = page.getByLabel('Numéro de commande');
    await number.fill('402-77192');
    await page.getByText('« 402-77192 » n’est pas un numéro de commande Amazon').waitFor();
    await number.fill('402-7719254-3381946');
    await page.getByLabel('Date indiquée comme « livré »').fill('2026-10-02');
    await page.getByLabel('Transporteur').fill('Amazon Logistics');
    await page.getByLabel('Numéro de suivi').fill('TBA318840217000');
    await page
      .getByLabel('Racontez en quelques phrases')
      .fill('Le 2 octobre 2026, le suivi a indiqué « Livré, remis en main propre ». J’étais chez moi toute la journée : personne n’a sonné et aucun colis n’était dans ma boîte aux lettres ni chez le gardien.');
    await expect.poll(() => page.getByText('n’est pas un numéro de commande Amazon').count()).toBe(0);
    await savedNow();
    caseId = /#\/nouveau\/[^/]+\/([a-z0-9-]+)$/.exec(page.url())?.[1] ?? '';
    expect(caseId).not.toBe('');
    await shot('04-nouveau-dossier-questions');
    await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await page.getByRole('tab', { name: 'Documents', selected: true }).waitFor();

    const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
    expect(stored.draft).toMatchObject({
      claimant: { firstName: 'Karim', lastName: 'Benali', address: { lines: ['27 rue Paul Bert', 'Appartement 12'], city: 'Lyon' } },
      order: { number: '402-7719254-3381946', total: 849.99, delivered: '2026-10-02', items: [{ quantity: 1, unitPrice: 849.99 }] },
      dispute: { type: 'non-delivery' },
    });
  });

  it('notes three contacts in the journal', async () => {
    await page.getByRole('tab', { name: 'Journal' }).click();
    const contacts = [
      { channel: 'chat', date: '2026-10-02', agent: 'Priya', reference: 'CS-88123', summary: 'Signalement du colis indiqué livré mais non reçu ; on me demande d’attendre 48 heures.', promise: 'Le colis peut encore arriver sous 48 heures.' },
      { channel: 'phone', date: '2026-10-05', agent: 'Julien', reference: '', summary: 'Ouverture d’une enquête auprès du transporteur.', promise: 'Réponse sous 5 jours ouvrés.' },
      { channel: 'phone', date: '2026-10-20', agent: 'Marc', reference: 'CS-91502', summary: 'Enquête close : le colis est considéré comme livré, sans preuve de remise.', promise: '' },
    ];
    for (const c of contacts) {
      await page.getByLabel('Canal').selectOption(c.channel);
      await page.getByLabel(/^Date/).fill(c.date);
      await page.getByLabel('Avec qui').fill('service client Amazon');
      await page.getByLabel('Nom du conseiller').fill(c.agent);
      await page.getByLabel('Référence donnée').fill(c.reference);
      await page.getByLabel('Ce qui a été dit').fill(c.summary);
      await page.getByLabel('Ce qui a été promis').fill(c.promise);
      await page.getByRole('button', { name: 'Ajouter au journal' }).click();
    }
    await page.getByRole('heading', { name: 'Journal : 3 contacts' }).waitFor();
    // Newest first on screen.
    const headings = await page.locator('.contact-heading').allTextContents();
    expect(headings.map((h) => h.split(' · ')[0])).toEqual(['20\u00A0octobre\u00A02026', '5\u00A0octobre\u00A02026', '2\u00A0octobre\u00A02026']);
    await savedNow();
    await shot('05-journal');
  });

  it('takes two files dropped on « Pièces », with a thumbnail for the photo', async () => {
    await page.getByRole('tab', { name: 'Pièces' }).click();
    // Each file travels as itself to the bridge's upload route, never as base64 in a JSON call.
    const sent: string[] = [];
    const onRequest = (r: { url(): string }) => sent.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    await dropFiles(await evidenceFiles());
    await page
      .getByRole('heading', { name: /Pièce n°\s2/ })
      .waitFor({ timeout: 60_000 })
      .catch(async (e: unknown) => {
        // Say what the page said, not only that the heading never came.
        throw new Error(`${(e as Error).message}\nÀ l’écran : ${(await page.locator('.evidence').innerText()).slice(0, 600)}`);
      });
    await page.getByText('2 pièces ajoutées.').waitFor();
    page.off('request', onRequest);
    expect(sent.filter((p) => /upload|addEvidence/.test(p))).toEqual(['/api/upload/evidence', '/api/upload/evidence']);
    await page.getByRole('img', { name: 'Aperçu de la pièce n°\u00A01' }).waitFor();

    const first = page.locator('.evidence-card').first();
    await first.getByLabel('Titre').fill('Photo de la boîte aux lettres vide');
    await first.getByLabel('Date de la pièce').fill('2026-10-02');
    const second = page.locator('.evidence-card').nth(1);
    await second.getByLabel('Titre').fill('Confirmation de commande');
    await expect
      .poll(async () => (await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId })).evidence.map((e) => e.title))
      .toEqual(['Photo de la boîte aux lettres vide', 'Confirmation de commande']);

    // Keyboard reordering: the confirmation goes first.
    await page.getByRole('button', { name: 'Monter la pièce n°\u00A02' }).click();
    await expect
      .poll(async () => (await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId })).evidence.map((e) => e.title))
      .toEqual(['Confirmation de commande', 'Photo de la boîte aux lettres vide']);
    await page.getByText('Ordre des pièces enregistré.').waitFor();
    await shot('06-pieces');
  });

  it('produces the mise en demeure and its dossier, and the downloaded PDF says what the case says', async () => {
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByRole('heading', { name: 'Prochaine étape conseillée' }).waitFor();
    await page.getByRole('region', { name: 'Les lettres pour ce litige' }).getByRole('button', { name: /Mise en demeure de livrer/ }).click();
    await page.getByText('Rien ne manque : la lettre peut être produite.').waitFor();
    await page.getByRole('article', { name: /Aperçu : Mise en demeure de livrer/ }).waitFor();
    await page.getByRole('button', { name: 'Produire les documents' }).click();
    await page.getByText(/^Produit\s:\s/).waitFor({ timeout: 60_000 });
    await shot('07-documents');

    // The result is right under « Produire », and the focus is on it.
    await produced().waitFor();
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Fichiers produits');
    const pdf = await extractPdf(await download(/^Télécharger PDF /, produced()));
    const text = readingText(pdf.text);
    expect(text).toContain('Mise en demeure de livrer — commande n° 402-7719254-3381946 du 28 septembre 2026');
    expect(text).toContain('Karim Benali');
    expect(text).toContain('le déclare « livré » le 2 octobre 2026');
    expect(text).toMatch(/Je vous ai contacté à trois reprises/);
    for (const agent of ['Priya', 'Julien', 'Marc']) expect(text).toContain(`interlocuteur : ${agent}`);
    expect(text).toContain('Confirmation de commande');
    expect(text).toContain('Photo de la boîte aux lettres vide');

    const dossier = await extractPdf(await download(/^Télécharger Dossier de pièces /, produced()));
    expect(dossier.pages.length).toBeGreaterThan(pdf.pages.length);
    expect(readingText(dossier.text)).toContain('Confirmation de commande 402-7719254-3381946');
  });

  it('marks the letter sent (a sending, not a contact), then its receipt moves the answer deadline', async () => {
    await produced().getByRole('button', { name: /^Indiquer l’envoi/ }).click();
    await page.getByLabel('Date d’envoi').fill('2026-11-25');
    await page.getByLabel('Mode d’envoi').selectOption('lrar');
    await page.getByLabel('Numéro de recommandé').fill('1A 198 765 4321 0');
    await page.getByRole('button', { name: 'Enregistrer l’envoi' }).click();
    await page.getByText(/^Envoyé le 25\u00A0novembre\u00A02026/).waitFor();
    await page.getByText(/Date de réception non indiquée/).first().waitFor();
    // The journal keeps the user's own exchanges: the sending is not one of them.
    await page.getByRole('tab', { name: 'Journal (3)' }).waitFor();

    const answer = page.locator('.deadline', { hasText: 'Réponse attendue' });
    await page.getByRole('tab', { name: 'Échéances' }).click();
    await page.getByRole('heading', { name: 'Échéances' }).waitFor();
    await answer.waitFor();
    expect(await page.locator('.deadline-basis').first().textContent()).toMatch(/Base légale\s:\s\S/);
    expect(normaliseSpaces((await answer.textContent()) ?? '')).toContain('Estimation comptée depuis l’envoi');
    const estimated = normaliseSpaces((await answer.locator('.deadline-date strong').textContent()) ?? '');
    await shot('08-echeances');

    await page.getByRole('tab', { name: /^Documents/ }).click();
    await page.getByRole('region', { name: 'Documents produits' }).getByRole('button', { name: /^Indiquer la date de réception/ }).click();
    await page.getByLabel('Date de réception').fill('2026-11-28');
    await page.getByRole('button', { name: 'Enregistrer la réception' }).click();
    await page.getByText(/^Reçu le 28\u00A0novembre\u00A02026/).first().waitFor();
    await shot('08b-documents-reception');
    await page.getByRole('tab', { name: 'Échéances' }).click();
    await expect.poll(async () => normaliseSpaces((await answer.textContent()) ?? '')).toContain('Compté depuis la réception de la lettre, le 28 novembre 2026.');
    const fromReceipt = normaliseSpaces((await answer.locator('.deadline-date strong').textContent()) ?? '');
    // Three days later than the estimate: the period now runs from the 28th instead of the 25th.
    expect(Number(fromReceipt.split(' ')[0]) - Number(estimated.split(' ')[0])).toBe(3);
    await shot('08c-echeances-reception');
  });

  it('shows the preview beside the facts, following what is typed', async () => {
    await page.getByRole('tab', { name: 'Faits' }).click();
    const facts = page.getByLabel('Ce qui s’est passé');
    await facts.press('Control+End');
    await facts.pressSequentially(' Voisins interrogés');
    const preview = page.getByRole('article', { name: /Aperçu : Mise en demeure de livrer/ });
    await expect.poll(() => preview.textContent()).toContain('Voisins interrogés');
    await shot('09-faits');

    // Tabs by keyboard: the arrow keys move from tab to tab.
    await page.getByRole('tab', { name: 'Faits' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Journal (3)', selected: true }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('tab', { name: 'Faits', selected: true }).waitFor();
  });

  it('reads at 200 % zoom without sideways scrolling', async () => {
    // 1280 CSS pixels at 200 % leave 640 for the page.
    await page.setViewportSize({ width: 640, height: 900 });
    for (const [tab, name] of [['Faits', '10-faits-zoom-200'], ['Pièces', '11-pieces-zoom-200'], ['Documents', '12-documents-zoom-200']] as const) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.waitForTimeout(300);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `défilement horizontal sur « ${tab} »`).toBeLessThanOrEqual(0);
      await shot(name);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lists the case with its rung and next deadline', async () => {
    await page.getByRole('link', { name: 'Tous les dossiers' }).click();
    const row = page.locator('[data-case-row]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = (await row.first().textContent()) ?? '';
    expect(text).toContain('colis non livré');
    expect(text).toContain('402-7719254-3381946');
    expect(text).not.toMatch(/Prochaine échéance\s*aucune/);
    await page.getByLabel('Rechercher').fill('introuvable-xyz');
    await page.getByText('Aucun dossier ne correspond à « introuvable-xyz ».').waitFor();
    await page.getByLabel('Rechercher').fill('Benali');
    await row.first().waitFor();
    await shot('13-dossiers');
  });

  it('exports the case as one .recours file and imports it back as a new case', async () => {
    // Prepared by the bridge, then downloaded by the browser from the URL it gives: not base64 in JSON.
    const prepared = page.waitForRequest((r) => new URL(r.url()).pathname.startsWith('/api/download/case/'));
    const exported = await download(/^Exporter « /);
    expect(new TextDecoder().decode(exported.subarray(0, 2))).toBe('PK');
    expect((await prepared).method()).toBe('POST');
    await page.getByText('Dossier exporté : « benali-402-7719254-3381946.recours » (dans vos téléchargements).').waitFor();
    // The archive travels as itself to the bridge's upload route, not as base64 in JSON.
    const uploaded = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/upload/archive');
    await page.locator('input[type="file"][accept=".recours"]').setInputFiles({ name: 'copie.recours', mimeType: 'application/octet-stream', buffer: Buffer.from(exported) });
    expect((await uploaded).headers()['x-recours-file-name']).toBe('copie.recours');
    await page.getByRole('tab', { name: 'Faits', selected: true }).waitFor();
    const copyId = /#\/dossier\/([a-z0-9-]+)\//.exec(page.url())?.[1];
    expect(copyId).toBeDefined();
    expect(copyId).not.toBe(caseId);
    const copy = await callApi<StoredCase>(ui.bridge, 'getCase', { id: copyId });
    expect(copy.evidence.map((e) => e.title)).toEqual(['Confirmation de commande', 'Photo de la boîte aux lettres vide']);
    expect(copy.draft).toMatchObject({ order: { number: '402-7719254-3381946' } });
    await page.getByRole('link', { name: 'Tous les dossiers' }).click();
    await expect.poll(() => page.locator('[data-case-row]').count()).toBe(2);
  });
});
