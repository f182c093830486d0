// @vitest-environment happy-dom
/**
 * Every fact a letter may need has a field on a screen, and a missing-fact link reaches it. The facts come from the
 * real templates (their `requires` and the party each is addressed to), from core's own problems for every part of
 * the case format left empty, and from the case format's field names: each is routed by app/field-routes.ts to
 * « Faits », and that tab, rendered, must take the focus exactly on the field the table names (or on the
 * « Ajouter » button of a list) — not on a neighbour the fallback of focusField would find.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_FORMAT, type CaseFile } from '../../core/common/case/schema.js';
import { FIELD_LABELS } from '../../core/common/case/labels.js';
import { validateCase } from '../../core/common/case/validate.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { focusTarget, placeOfField } from '../../renderer/src/app/field-routes.js';
import { focusField } from '../../renderer/src/draft/focus-field.js';
import { createFakeApi, storedCase } from './fake-api.js';
import { renderApp } from './render-app.js';

const party = () => ({ address: {} });
/** Every part of the case started and left empty, with one line in each list: core names each field still missing. */
const SKELETON: Record<string, unknown> = {
  format: CASE_FORMAT,
  claimant: { address: {} },
  respondent: { address: {} },
  order: { items: [{}], seller: { address: {} } },
  dispute: {},
  decision: {},
  letter: {},
  refund: {},
  subscription: { charges: [{}] },
  contestedPayment: { operations: [{}], policeReport: {} },
  dataRequest: {},
  mediation: {},
  bank: party(),
  bankMediator: party(),
  mediator: party(),
  conciliator: party(),
  court: party(),
  authority: party(),
};

/** Parts of the case typed elsewhere than « Faits », or by Recours itself. */
const NOT_IN_FACTS = /^(contacts|evidence|sendings|format)\b/;
/** Kept out on purpose: amounts are in euros throughout (the letters print €), so there is no currency to choose. */
const NO_FIELD = new Set(['order.currency']);

function factPaths(): string[] {
  const registry = loadTemplateRegistry();
  expect(registry.errors).toEqual([]);
  const bare = { format: CASE_FORMAT, respondent: { role: 'platform', name: 'X', address: { lines: ['x'], postalCode: '1', city: 'x' } } } as unknown as CaseFile;
  const paths = new Set<string>();
  for (const t of registry.templates) {
    for (const p of t.meta.requires) paths.add(p);
    for (const p of missingFacts(bare, t.meta)) paths.add(p.path);
  }
  for (const p of validateCase(SKELETON).problems) paths.add(p.path);
  for (const key of Object.keys(FIELD_LABELS)) paths.add(key.replace(/\[\]/g, '[0]'));
  return [...paths].filter((p) => !NOT_IN_FACTS.test(p) && !NO_FIELD.has(p)).sort();
}

afterEach(cleanup);

describe('a field for every fact, reached by its link', () => {
  it('routes every fact of the templates and of the case format to a field of « Faits » that takes the focus', async () => {
    const paths = factPaths();
    // The real templates name these facts: the walk must include them (a guard against an empty walk).
    for (const p of ['subscription', 'contestedPayment', 'refund', 'bank', 'mediator', 'conciliator', 'court', 'order.seller.address', 'decision']) {
      expect(paths).toContain(p);
    }
    const api = createFakeApi({ cases: [storedCase('dossier-champs', SKELETON)] });
    renderApp(api, '#/dossier/dossier-champs/faits');
    await screen.findByRole('heading', { name: 'Vous' });

    const unreached: string[] = [];
    for (const path of paths) {
      expect(placeOfField(path).tab, path).toBe('faits');
      // The first address line is the input of the whole list of lines (it shows the list's problems too).
      const target = focusTarget(path).replace(/\.lines\[0\]$/, '.lines');
      (document.activeElement as HTMLElement | null)?.blur();
      focusField(document, target);
      const reached = (document.activeElement as HTMLElement | null)?.dataset.fieldPath ?? '';
      if (!(reached === target || reached.startsWith(`${target}.`) || reached.startsWith(`${target}[`))) unreached.push(`${path} → ${target} (focus sur « ${reached} »)`);
    }
    expect(unreached).toEqual([]);
  });

  it('puts a list still empty on its « Ajouter » button', async () => {
    const draft = { ...SKELETON, subscription: { service: 'Amazon Prime' }, contestedPayment: undefined };
    renderApp(createFakeApi({ cases: [storedCase('dossier-liste', draft)] }), '#/dossier/dossier-liste/faits');
    await screen.findByRole('heading', { name: 'Vous' });
    focusField(document, focusTarget('contestedPayment'));
    expect(document.activeElement?.textContent).toBe('Ajouter une opération');
    focusField(document, focusTarget('subscription.charges'));
    expect(document.activeElement?.textContent).toBe('Ajouter un prélèvement');
  });
});
