/**
 * A case with every field of format v1 filled in. Templates are checked against its view at load time:
 * a field a template names must exist here, so a misspelt field is caught before any user renders the letter.
 */
import type { CaseFile } from '../case/schema.js';

export const REFERENCE_CASE: CaseFile = {
  format: 'recours/case@1',
  claimant: {
    title: 'Mme',
    firstName: 'Camille',
    lastName: 'Martin',
    address: { lines: ['4 place Bellecour'], postalCode: '69002', city: 'Lyon', country: 'France' },
    email: 'camille.martin@example.fr',
    phone: '06 12 34 56 78',
    customerId: 'C-123',
  },
  respondent: {
    role: 'platform',
    name: 'Amazon EU S.à r.l.',
    department: 'Service client',
    address: { lines: ['38 avenue John F. Kennedy'], postalCode: 'L-1855', city: 'Luxembourg', country: 'Luxembourg' },
    email: 'service@example.com',
    registration: 'RCS Luxembourg B101818',
  },
  order: {
    platform: 'Amazon',
    number: '402-1234567-8901234',
    date: '2026-10-01',
    items: [{ description: 'Article', quantity: 1, unitPrice: 10 }],
    total: 10,
    currency: 'EUR',
    payment: 'Carte bancaire',
    seller: { name: 'Vendeur', id: 'A1', professional: true },
    fulfilledByAmazon: true,
    promisedDelivery: '2026-10-05',
    delivered: '2026-10-06',
    carrier: 'Transporteur',
    tracking: 'TBA000000000000',
  },
  dispute: { type: 'non-delivery', facts: 'Faits.', noticed: '2026-10-06', demand: 'refund', amount: 10 },
  contacts: [
    { date: '2026-10-07', channel: 'phone', with: 'Service client', agent: 'Agent', reference: 'R1', summary: 'Résumé', promise: 'Promesse' },
  ],
  decision: { date: '2026-10-10', by: 'Service client', reference: 'D1', summary: 'Refus' },
  evidence: [{ id: 'facture', file: 'facture.pdf', title: 'Facture', date: '2026-10-01', note: 'Note' }],
  letter: { place: 'Lyon', date: '2026-11-25', sending: 'lrar', registeredNumber: '1A00000000000', responseDays: 8 },
};
