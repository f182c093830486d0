// @vitest-environment happy-dom
/**
 * « Documents »: for the chosen letter, the facts it still needs are listed, each a link that opens « Faits » and
 * puts the focus in the field; filling the field takes it off the list.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { amazonDraft } from '../support/cases.js';
import { createFakeApi, storedCase, type FakeTemplate } from './fake-api.js';
import { renderApp } from './render-app.js';

const CASE_ID = 'dossier-essai-2';
const NOTICE: FakeTemplate = {
  id: 'mise-en-demeure-livraison',
  title: 'Mise en demeure de livrer',
  kind: 'formal-notice',
  kindLabel: 'Mise en demeure',
  description: 'Quand le colis n’est jamais arrivé.',
  disputes: ['non-delivery'],
  requires: ['order.date', 'order.total', 'order.carrier', 'claimant.address'],
};

function openDocuments() {
  const draft = amazonDraft();
  const order = draft.order as Record<string, unknown>;
  delete order.date;
  delete (draft.claimant as Record<string, unknown>).address;
  const api = createFakeApi({ cases: [storedCase(CASE_ID, draft)], templates: [NOTICE], nextTemplateId: NOTICE.id });
  renderApp(api, `#/dossier/${CASE_ID}/documents`);
  return api;
}

async function missingList() {
  const heading = await screen.findByRole('heading', { name: 'Ce qu’il manque pour cette lettre' });
  const section = heading.closest('section');
  if (!section) throw new Error('section des faits manquants absente');
  return section;
}

afterEach(cleanup);

describe('missing facts for the chosen letter', () => {
  it('lists, by their French names, the facts the recommended letter still needs', async () => {
    openDocuments();
    const section = await missingList();
    await waitFor(() => expect(within(section).getAllByRole('link')).toHaveLength(3));
    expect(within(section).getAllByRole('link').map((a) => a.textContent)).toEqual(['Date de commande', 'Transporteur', 'Adresse']);
    expect(within(section).getByText(/Complétez ces 3 informations/)).toBeTruthy();
  });

  it('opens « Faits » with the focus in the missing field when its link is followed', async () => {
    openDocuments();
    const section = await missingList();
    const link = await within(section).findByRole('link', { name: 'Date de commande' });
    fireEvent.click(link);

    await waitFor(() => expect(screen.getByRole('tab', { name: 'Faits' }).getAttribute('aria-selected')).toBe('true'));
    const field = screen.getByLabelText(/^Date de commande/);
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('focuses the first field of a group (the address) and takes a fact off the list once typed', async () => {
    openDocuments();
    const section = await missingList();
    fireEvent.click(await within(section).findByRole('link', { name: 'Adresse' }));
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getByRole('region', { name: 'Vous' })).getAllByLabelText(/^Adresse/)[0]));

    // The preview beside the facts shows the same list, and follows what is typed.
    fireEvent.change(screen.getByLabelText(/^Date de commande/), { target: { value: '2026-09-28' } });
    const aside = await screen.findByRole('complementary', { name: /Aperçu : Mise en demeure de livrer/ });
    await waitFor(() => expect(within(aside).queryByRole('link', { name: 'Date de commande' })).toBeNull());
    expect(within(aside).getByRole('link', { name: 'Transporteur' })).toBeTruthy();
  });
});
