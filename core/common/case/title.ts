/**
 * A case's title, the same in the list of cases and in its own header: « Colis non livré — commande n° 402-… »,
 * else « … — Amazon EU S.à r.l. » (the respondent), else the dispute alone.
 */
import { DISPUTE_LABELS } from './labels.js';
import type { DisputeType } from './schema.js';

export interface CaseTitleFacts {
  disputeType: unknown;
  orderNumber: unknown;
  respondentName: unknown;
}

const filled = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The parts, so that a screen can keep the order number on one line. */
export function caseTitleParts(facts: CaseTitleFacts): { label: string; orderNumber: string | null; respondent: string | null } {
  const type = facts.disputeType;
  const label = typeof type === 'string' && type in DISPUTE_LABELS ? DISPUTE_LABELS[type as DisputeType] : 'litige à préciser';
  return { label: label.charAt(0).toUpperCase() + label.slice(1), orderNumber: filled(facts.orderNumber), respondent: filled(facts.respondentName) };
}

export function caseTitle(facts: CaseTitleFacts): string {
  const { label, orderNumber, respondent } = caseTitleParts(facts);
  if (orderNumber) return `${label} — commande n°\u00A0${orderNumber}`;
  return respondent ? `${label} — ${respondent}` : label;
}
