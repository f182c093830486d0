/** Cases the tests start from, built fresh for each call so that a test may change its own copy. */
import type { CaseFile } from '../../core/common/case/schema.js';

/** Amazon's European company, which most Amazon orders are addressed to. */
export function amazonEu(): CaseFile['respondent'] {
  return {
    role: 'platform',
    name: 'Amazon EU S.à r.l.',
    address: { lines: ['38 avenue John F. Kennedy'], postalCode: 'L-1855', city: 'Luxembourg', country: 'Luxembourg' },
  };
}

/** A laptop ordered on Amazon, marked delivered, never received. Valid as given. */
export function amazonLaptopCase(): CaseFile {
  return {
    format: 'recours/case@1',
    claimant: { firstName: 'Karim', lastName: 'Benali', address: { lines: ['27 rue Paul Bert'], postalCode: '69003', city: 'Lyon' } },
    respondent: amazonEu(),
    order: {
      platform: 'Amazon',
      number: '402-7719254-3381946',
      date: '2026-09-28',
      items: [{ description: 'Ordinateur portable', quantity: 1, unitPrice: 849.99 }],
      total: 849.99,
    },
    dispute: { type: 'non-delivery', facts: 'Le suivi indique « livré », je n’ai rien reçu.', demand: 'refund' },
  };
}

/** The same case as the screens hold it while it is typed: a plain draft. */
export const amazonDraft = (): Record<string, unknown> => ({ ...amazonLaptopCase() });
