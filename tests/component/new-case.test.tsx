// @vitest-environment happy-dom
/**
 * Starting a case: Réglages is suggested while it holds no sender; a situation's first questions are what its
 * letters need; nothing is stored until something is typed, then the case is created once and saved as typed.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi } from './fake-api.js';
import { renderApp } from './render-app.js';

afterEach(cleanup);

describe('a new case', () => {
  it('suggests Réglages while no sender is saved', async () => {
    renderApp(createFakeApi({ cases: [] }), '#/nouveau');
    const suggestion = (await screen.findByText(/ils seront repris dans chaque nouveau dossier/)).closest('p');
    expect(suggestion?.querySelector('a')?.getAttribute('href')).toBe('#/reglages');
  });

  it('asks for the subscription and its charges, and stores the case only once something is typed', async () => {
    const api = createFakeApi({ cases: [] });
    renderApp(api, '#/nouveau/abonnement');
    await screen.findByLabelText(/^Nom de l’abonnement/);
    expect(screen.getByRole('button', { name: 'Ajouter un prélèvement' })).toBeTruthy();
    expect(screen.getByLabelText(/^Avez-vous été prévenu\(e\) de la reconduction/)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 500));
    expect(api.calls.filter((c) => c.method === 'createCase' || c.method === 'saveCase')).toEqual([]);

    fireEvent.change(screen.getByLabelText(/^Racontez en quelques phrases/), { target: { value: 'Prime prélevé après ma résiliation.' } });
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'createCase')).toHaveLength(1), { timeout: 3000 });
    const [created] = [...api.cases.values()];
    expect(created?.draft).toMatchObject({ dispute: { type: 'subscription', facts: 'Prime prélevé après ma résiliation.' }, subscription: { service: 'Amazon Prime' } });

    fireEvent.change(screen.getByLabelText(/^Date de résiliation/), { target: { value: '2026-09-30' } });
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'saveCase')).toHaveLength(1), { timeout: 3000 });
    expect(api.calls.filter((c) => c.method === 'createCase')).toHaveLength(1);
  });
});
