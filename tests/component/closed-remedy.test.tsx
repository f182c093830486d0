// @vitest-environment happy-dom
/**
 * « Documents »: when the chosen letter's remedy is not open (core's readiness check), the reason is shown beside the
 * letter, and a button prepares the letter that serves instead.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { amazonDraft } from '../support/cases.js';
import { createFakeApi, storedCase, type FakeTemplate } from './fake-api.js';
import { renderApp } from './render-app.js';

const CASE_ID = 'dossier-essai-3';
const HIDDEN_DEFECTS: FakeTemplate = {
  id: 'mise-en-demeure-vices-caches',
  title: 'Mise en demeure (garantie des vices cachés)',
  kind: 'formal-notice',
  kindLabel: 'Mise en demeure',
  description: 'Défaut caché.',
  disputes: ['defective'],
  requires: [],
};
const CONFORMITY: FakeTemplate = {
  id: 'mise-en-demeure-conformite',
  title: 'Mise en demeure (garantie légale de conformité)',
  kind: 'formal-notice',
  kindLabel: 'Mise en demeure',
  description: 'Défaut de conformité.',
  disputes: ['defective'],
  requires: [],
  conditions: [
    {
      message: 'Le défaut est apparu plus de deux ans après la délivrance (C. conso, art. L217-3).',
      instead: { id: HIDDEN_DEFECTS.id, title: HIDDEN_DEFECTS.title, kind: 'formal-notice', kindLabel: 'Mise en demeure', description: 'Défaut caché.', disputes: ['defective'] },
    },
  ],
};

afterEach(cleanup);

describe('a letter whose remedy is closed', () => {
  it('says why beside the letter and prepares the letter that serves', async () => {
    const api = createFakeApi({ cases: [storedCase(CASE_ID, amazonDraft())], templates: [CONFORMITY, HIDDEN_DEFECTS], nextTemplateId: CONFORMITY.id });
    renderApp(api, `#/dossier/${CASE_ID}/documents`);
    await screen.findByRole('heading', { name: 'Ce recours n’est pas ouvert pour ce dossier' }, { timeout: 5000 });
    expect(screen.getByText(/plus de deux ans après la délivrance/)).toBeTruthy();
    expect(screen.getByText(/Rien ne manque, mais le recours de cette lettre n’est pas ouvert/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Préparer plutôt « Mise en demeure (garantie des vices cachés) »' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: HIDDEN_DEFECTS.title })).toBeTruthy());
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Ce recours n’est pas ouvert pour ce dossier' })).toBeNull());
  });
});
