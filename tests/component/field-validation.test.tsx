// @vitest-environment happy-dom
/**
 * « Faits »: what the user types is saved without a save button, and core's problems appear next to the field
 * they concern (linked to it for screen readers), and go away once the value is right.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { amazonDraft } from '../support/cases.js';
import { createFakeApi, storedCase } from './fake-api.js';
import { renderApp } from './render-app.js';

const CASE_ID = 'dossier-essai-1';

function open(draft = amazonDraft()) {
  const api = createFakeApi({ cases: [storedCase(CASE_ID, draft)] });
  renderApp(api, `#/dossier/${CASE_ID}/faits`);
  return api;
}

/** The text of the messages announced for a field (its aria-describedby elements). */
function messagesOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

afterEach(cleanup);

describe('validation messages next to the fields', () => {
  it('says under « Numéro de commande » that an Amazon number has 3, 7 and 7 digits, then clears it once corrected', async () => {
    const api = open();
    const input = await screen.findByLabelText(/^Numéro de commande/);
    fireEvent.change(input, { target: { value: '402-12345' } });

    await waitFor(() => expect(messagesOf(input)).toContain('n’est pas un numéro de commande Amazon (attendu : 3, 7 et 7 chiffres'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Saved as typed, with no button pressed.
    expect(api.cases.get(CASE_ID)?.draft).toMatchObject({ order: { number: '402-12345' } });
    expect(screen.queryByRole('button', { name: /enregistrer/i })).toBeNull();

    fireEvent.change(input, { target: { value: '402-1234567-8901234' } });
    await waitFor(() => expect(api.cases.get(CASE_ID)?.draft).toMatchObject({ order: { number: '402-1234567-8901234' } }));
    await waitFor(() => expect(messagesOf(input)).not.toContain('numéro de commande Amazon'));
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('reads amounts typed the French way and names a third decimal or a word under the amount field', async () => {
    const api = open();
    const total = await screen.findByLabelText(/^Montant total payé/);

    fireEvent.change(total, { target: { value: '1 249,50' } });
    await waitFor(() => expect(api.cases.get(CASE_ID)?.draft).toMatchObject({ order: { total: 1249.5 } }));
    expect(messagesOf(total)).not.toMatch(/montant|nombre/);

    fireEvent.change(total, { target: { value: '12,345' } });
    await waitFor(() => expect(messagesOf(total)).toContain('« 12.345 » : un montant a au plus deux décimales'));

    fireEvent.change(total, { target: { value: 'douze' } });
    await waitFor(() => expect(messagesOf(total)).toContain('« douze » doit être un nombre (par exemple 1299.90, sans symbole €)'));
  });

  it('keeps quiet about an empty required field until the user has been in it, then says it is missing', async () => {
    const draft = amazonDraft();
    delete (draft.claimant as Record<string, unknown>).firstName;
    open(draft);
    const firstName = await screen.findByLabelText(/^Prénom/);
    // Core reports the missing first name from the start…
    await screen.findByText(/1 point à compléter ou corriger/);
    // …but the field itself stays calm until it is visited.
    expect(messagesOf(firstName)).toBe('');
    fireEvent.blur(firstName);
    await waitFor(() => expect(messagesOf(firstName)).toContain('Champ obligatoire manquant'));
  });

  it('announces the save status politely', async () => {
    open();
    const input = await screen.findByLabelText(/^Transporteur/);
    fireEvent.change(input, { target: { value: 'Amazon Logistics' } });
    const status = screen.getByText(/Modifications en cours|Enregistrement/);
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status.textContent).toMatch(/^Enregistré à \d{1,2}\u00A0h\u00A0\d{2}$/));
  });
});
