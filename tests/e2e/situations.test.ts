/**
 * End to end, in headless Chromium against the real core: for four everyday situations (Prime billed after
 * cancellation, hacked account, silent Marketplace seller, refund after a withdrawal), the case is created through
 * « Que s'est-il passé ? », then every letter the Documents tab offers is produced from the screens alone: its
 * missing-fact links are followed and the field each one focuses is filled, whatever it is (the filler goes by the
 * focused field's kind and path, so that letters added later are covered too). Each letter's PDF is read back for
 * the facts typed. Screenshots of the new sections go to tests/.output/screenshots/.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCase, TemplateInfo } from '../../core/common/api/contract.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { callApi, SCREENSHOTS, startUi, type UiSession } from './harness.js';

let ui: UiSession;
let page: Page;

const NAMES: Record<string, string> = {
  bank: 'Banque du Centre',
  bankMediator: 'Médiateur de la Banque du Centre',
  mediator: 'Médiateur du commerce électronique',
  conciliator: 'Mme Hélène Durand, conciliatrice de justice',
  court: 'Tribunal de proximité de Villeurbanne',
  authority: 'DDPP du Rhône',
  'order.seller': 'TechDiscount Europe',
};

/** What a user would type in a field, from its kind and path. */
function valueFor(path: string, kind: { tag: string; type: string; inputMode: string }): string {
  if (kind.type === 'date') return /birthDate/.test(path) ? '1984-03-17' : '2026-10-15';
  if (kind.inputMode === 'decimal') return '49,90';
  if (kind.type === 'number') return /responseDays/.test(path) ? '15' : '1';
  if (kind.type === 'email' || /email$/.test(path)) return 'contact@exemple.fr';
  if (/postalCode$/.test(path)) return '69100';
  if (/city$/.test(path)) return 'Villeurbanne';
  if (/lines\[1\]$/.test(path)) return 'Bâtiment B';
  if (/lines(\[0\])?$/.test(path)) return '12 rue Francis de Pressensé';
  if (/website$/.test(path)) return 'www.exemple.fr';
  if (path === 'order.number') return '402-5550172-6630418';
  if (/[Tt]racking$/.test(path)) return 'TBA551203377000';
  const party = Object.keys(NAMES).find((p) => path === `${p}.name`);
  if (party) return NAMES[party] as string;
  if (kind.tag === 'TEXTAREA') return 'Récit saisi à l’écran : les faits, dans l’ordre, avec leurs dates.';
  return `Saisie ${path.replace(/\W+/g, ' ').trim()}`;
}

/** Fills the focused field (or clicks the focused « Ajouter » button). Returns the path filled. */
async function fillFocused(): Promise<string> {
  // Evaluated in the page (a string: this file is compiled without the DOM's types).
  await expect.poll(() => page.evaluate<string>(`document.activeElement?.getAttribute('data-field-path') ?? ''`)).not.toBe('');
  const kind = await page.evaluate<{ tag: string; type: string; inputMode: string; path: string }>(`(() => {
    const el = document.activeElement;
    return { tag: el.tagName, type: el.type ?? '', inputMode: el.inputMode ?? '', path: el.dataset.fieldPath ?? '' };
  })()`);
  const field = page.locator(':focus');
  if (kind.tag === 'BUTTON') await field.click();
  else if (kind.tag === 'SELECT') {
    const values = (await field.locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value))).filter(Boolean);
    await field.selectOption(values[0] ?? '');
  } else if (kind.type === 'checkbox') await field.check();
  else await field.fill(valueFor(kind.path, kind));
  await field.blur();
  return kind.path;
}

/** The first questions: every empty field of the screen is answered, each list gets one line. */
async function answerFirstQuestions(): Promise<void> {
  for (const button of await page.locator('button[data-field-path]').all()) await button.click();
  const fields = page.locator('input[data-field-path]:not([type=checkbox]), select[data-field-path], textarea[data-field-path]');
  const count = await fields.count();
  for (let i = 0; i < count; i += 1) {
    const field = fields.nth(i);
    if ((await field.inputValue()) !== '') continue;
    await field.focus();
    await fillFocused();
  }
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function findFile(dir: string, name: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return join(entry.parentPath, entry.name);
  }
  return null;
}

const missingSection = () => page.locator('section.missing-facts');

/**
 * Chooses the letter, then follows its missing-fact links until nothing is missing: from « Documents » first, then
 * from the same list beside the facts (the preview panel), where each link leads. Returns the paths filled.
 */
async function completeLetter(title: string): Promise<{ filled: string[]; stuck: string | null }> {
  const filled: string[] = [];
  await page.getByRole('tab', { name: /^Documents/ }).click();
  await page.locator('.template-choice', { hasText: title }).first().click();
  const section = missingSection();
  await expect.poll(async () => (await section.textContent()) ?? '').not.toMatch(/Vérification…/);
  for (let round = 0; round < 80; round += 1) {
    const links = section.getByRole('link');
    // Each list checks the draft on its own: the one beside the facts starts at « Vérification… » when it first
    // appears. Wait for a verdict (links, or « Rien ne manque », said above the list when the remedy is closed).
    await expect
      .poll(async () => (await links.count()) > 0 || (await section.getByText(/Rien ne manque/).count()) > 0, {
        timeout: 60_000,
        message: `la liste des informations manquantes de « ${title} » ne s’est pas stabilisée`,
      })
      .toBe(true);
    if ((await links.count()) === 0) break;
    const before = await section.textContent();
    await links.first().click();
    const path = await fillFocused();
    if (filled.filter((p) => p === path).length >= 3) return { filled, stuck: path };
    filled.push(path);
    // The list follows what was typed (core checks the draft after a short pause).
    await expect.poll(() => section.textContent(), { timeout: 5_000 }).not.toBe(before).catch(() => undefined);
  }
  await page.getByRole('tab', { name: /^Documents/ }).click();
  await section.getByText('Rien ne manque').waitFor();
  return { filled, stuck: null };
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  ui = await startUi({ today: '2026-11-25' });
  const context = await ui.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error(`Erreur dans la page : ${e.message}`));
  await callApi(ui.bridge, 'saveSettings', {
    settings: {
      sender: { title: 'Mme', firstName: 'Claire', lastName: 'Fontaine', address: { lines: ['8 place Jules Grandclément'], postalCode: '69100', city: 'Villeurbanne' }, email: 'claire.fontaine@exemple.fr' },
      defaultPlace: 'Villeurbanne',
      documentsDir: '',
      emailSizeLimit: 0,
    },
  });
}, 180_000);

afterAll(async () => {
  await ui?.close();
});

const SITUATIONS = [
  { id: 'abonnement', label: /On m’a facturé Prime/, shotName: 'abonnement' },
  { id: 'compte-pirate', label: /Mon compte a été piraté/, shotName: 'compte-pirate' },
  { id: 'vendeur-muet', label: /Le vendeur ne répond pas/, shotName: 'vendeur-muet' },
  { id: 'remboursement', label: /J’attends un remboursement/, shotName: 'remboursement' },
];

const report: Record<string, { offered: string[]; produced: string[]; closed: Record<string, string>; texts: string[]; stuck: Record<string, string> }> = {};

describe('every letter offered, produced from the screens alone', { timeout: 600_000 }, () => {
  for (const situation of SITUATIONS.filter((s) => !process.env.RECOURS_E2E_ONLY || s.id === process.env.RECOURS_E2E_ONLY)) {
    it(`« ${situation.id} »: creates the case through its first questions and produces every letter offered`, async () => {
      await page.goto(`${ui.bridge.url}#/nouveau`);
      await page.getByRole('link', { name: situation.label }).click();
      await page.getByRole('button', { name: 'Ouvrir le dossier' }).waitFor();
      await answerFirstQuestions();
      await page.getByText(/^Enregistré/).first().waitFor();
      await shot(`situation-${situation.shotName}-questions`);
      await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
      await page.getByRole('tab', { name: /^Documents/, selected: true }).waitFor();
      const caseId = /#\/dossier\/([^/]+)\//.exec(page.url())?.[1] ?? '';
      expect(caseId).not.toBe('');

      await page.locator('.template-choice').first().waitFor();
      const offered = await page.locator('.template-choice .template-title').allTextContents();
      expect(offered.length).toBeGreaterThan(0);
      const entry = { offered, produced: [] as string[], closed: {} as Record<string, string>, texts: [] as string[], stuck: {} as Record<string, string> };
      report[situation.id] = entry;

      for (const title of offered) {
        const t0 = Date.now();
        const { stuck, filled } = await completeLetter(title);
        const t1 = Date.now();
        if (stuck) {
          entry.stuck[title] = stuck;
          continue;
        }
        // A letter whose remedy is not open for this case (core's remedy conditions) is offered but refused: the tab
        // says why in French and offers the letter that serves instead. It counts as « offered but closed ».
        const closedRemedy = page.locator('section.closed-remedy');
        if (await closedRemedy.isVisible()) {
          await closedRemedy.getByRole('heading', { name: 'Ce recours n’est pas ouvert pour ce dossier' }).waitFor();
          const reason = normaliseSpaces((await closedRemedy.locator('li').allTextContents()).join(' | '));
          expect(reason, title).toMatch(/\p{L}/u);
          // « Préparer plutôt … » for every failed condition for which core names the letter that serves (some name none,
          // e.g. a seller whose country is unknown: the message then says which fact to give).
          const plain = (t: string) => normaliseSpaces(t).replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
          const templateId = (await callApi<TemplateInfo[]>(ui.bridge, 'listTemplates', {})).find((t) => plain(t.title) === plain(title))?.id ?? '';
          expect(templateId, title).not.toBe('');
          const check = await callApi<{ conditions: { message: string; instead: TemplateInfo | null }[] }>(ui.bridge, 'checkTemplate', { id: caseId, templateId });
          expect(check.conditions.length, title).toBeGreaterThan(0);
          const offers = (await closedRemedy.getByRole('button').allTextContents()).map(plain);
          for (const c of check.conditions.filter((x) => x.instead)) expect(offers, title).toContain(plain(`Préparer plutôt « ${c.instead?.title} »`));
          expect(await missingSection().textContent(), title).toContain('le recours de cette lettre n’est pas ouvert');
          await shot(`situation-${situation.shotName}-recours-ferme`);
          entry.closed[title] = reason;
          continue;
        }
        // A text for a website's form (SignalConso, CEC France, A à Z, DSA notice…) is shown as plain text to copy: no
        // files, no sender block. It counts as produced when its text is there with « Copier le texte ».
        const formText = page.locator('section.form-text');
        if (await formText.isVisible()) {
          const textarea = formText.locator('textarea.form-text-value');
          await textarea.waitFor();
          expect((await textarea.inputValue()).trim().length, title).toBeGreaterThan(0);
          await formText.getByRole('button', { name: 'Copier le texte' }).waitFor();
          entry.texts.push(title);
          continue;
        }
        const before = (await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId })).documents.length;
        await page.getByRole('button', { name: 'Produire les documents' }).click();
        await expect.poll(async () => (await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId })).documents.length, { timeout: 60_000 }).toBe(before + 1);
        const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: caseId });
        const pdfName = stored.documents.find((d) => d.title === title || stored.documents.indexOf(d) === 0)?.files.find((f) => f.format === 'pdf')?.name;
        const doc = stored.documents.reduce((a, b) => (a.generatedAt >= b.generatedAt ? a : b));
        const name = doc.files.find((f) => f.format === 'pdf')?.name ?? pdfName;
        expect(name, title).toBeTruthy();
        const file = await findFile(ui.dataDir, name as string);
        expect(file, title).not.toBeNull();
        const text = normaliseSpaces((await extractPdf(new Uint8Array(await readFile(file as string)))).text.replace(/(\p{L})-\n(\p{L})/gu, '$1$2').replace(/\n/g, ' '));
        // The sender comes from Réglages: every letter of a new case carries it.
        expect(text, title).toContain('Fontaine');
        entry.produced.push(title);
        if (process.env.RECOURS_E2E_TIMING) console.info(`${title} : ${filled.length} champs en ${t1 - t0} ms, production ${Date.now() - t1} ms`);
      }
      await page.getByRole('tab', { name: 'Faits' }).click();
      await page.getByRole('heading', { name: 'Vous', exact: true }).waitFor();
      await shot(`situation-${situation.shotName}-faits`);
      console.info(`${situation.id} : ${offered.length} lettres proposées, ${entry.produced.length} produites depuis les écrans.${Object.keys(entry.closed).length ? ` Recours fermé : ${JSON.stringify(entry.closed)}` : ''}${entry.texts.length ? ` Textes de formulaire : ${JSON.stringify(entry.texts)}` : ''}${Object.keys(entry.stuck).length ? ` Bloquées : ${JSON.stringify(entry.stuck)}` : ''}`);
      expect(entry.stuck).toEqual({});
      // Every letter offered is either produced (as files, or as a form text), or shown as closed (with its reason and the letter that serves).
      expect(offered.filter((t) => !(t in entry.closed) && !entry.texts.includes(t))).toEqual(entry.produced);
    });
  }

  it('names a date that does not exist (30 February) instead of « champ obligatoire », and keeps the last real date saved', async () => {
    const created = await callApi<StoredCase>(ui.bridge, 'createCase', { disputeType: 'defective' });
    await page.goto(`${ui.bridge.url}#/dossier/${created.id}/faits`);
    const field = page.getByLabel('Date où vous avez constaté le problème');
    await field.fill('2026-02-10');
    await page.getByText(/^Enregistré/).first().waitFor();
    await field.focus();
    // The order of day and month follows the browser's language: type February 30 both ways, one is it.
    for (const keys of ['02302026', '30022026']) {
      await field.press('ArrowLeft');
      await field.press('ArrowLeft');
      await field.pressSequentially(keys);
      if (await field.evaluate((el) => (el as unknown as { validity: { badInput: boolean } }).validity.badInput)) break;
    }
    await field.blur();
    const around = page.locator('.field', { has: field });
    await around.getByText('Cette date n’existe pas : vérifiez le jour et le mois').waitFor();
    expect(await around.locator('.field-problems').textContent()).not.toMatch(/obligatoire/i);
    await shot('date-inexistante');
    const stored = await callApi<StoredCase>(ui.bridge, 'getCase', { id: created.id });
    // The last real date typed stays saved (typing passes through real dates, « 02/03 »…): the impossible one never erases it.
    expect((stored.draft.dispute as { noticed?: string }).noticed).toMatch(/^2026-\d\d-\d\d$/);
  });

  it('says what each situation offered and produced', () => {
    console.info(JSON.stringify(report, null, 2));
    if (!process.env.RECOURS_E2E_ONLY) expect(Object.keys(report)).toHaveLength(SITUATIONS.length);
  });
});
