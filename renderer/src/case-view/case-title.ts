import { DISPUTE_LABELS } from '../../../core/common/case/labels.js';
import { getAt } from '../draft/paths.js';

/** The title in parts, so that the order number can be kept on one line. */
export function caseTitleParts(draft: Record<string, unknown>): { label: string; orderNumber: string | null; respondent: string | null } {
  const type = getAt(draft, 'dispute.type');
  const label = typeof type === 'string' && type in DISPUTE_LABELS ? DISPUTE_LABELS[type as keyof typeof DISPUTE_LABELS] : 'Litige';
  const number = getAt(draft, 'order.number');
  const respondent = getAt(draft, 'respondent.name');
  return {
    label: label.charAt(0).toUpperCase() + label.slice(1),
    orderNumber: typeof number === 'string' && number.trim() ? number.trim() : null,
    respondent: typeof respondent === 'string' && respondent.trim() ? respondent.trim() : null,
  };
}

/** « Colis non livré — commande n° 402-7719254-3381946 », from what the draft holds so far. */
export function caseTitle(draft: Record<string, unknown>): string {
  const type = getAt(draft, 'dispute.type');
  const label = typeof type === 'string' && type in DISPUTE_LABELS ? DISPUTE_LABELS[type as keyof typeof DISPUTE_LABELS] : 'Litige';
  const capitalised = label.charAt(0).toUpperCase() + label.slice(1);
  const number = getAt(draft, 'order.number');
  if (typeof number === 'string' && number.trim()) return `${capitalised} — commande n°\u00A0${number.trim()}`;
  const respondent = getAt(draft, 'respondent.name');
  if (typeof respondent === 'string' && respondent.trim()) return `${capitalised} — ${respondent.trim()}`;
  return capitalised;
}
