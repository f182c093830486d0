/** How an imported fact reads for the user who confirms it: the field's label and the value in French form. */
import { fieldLabel } from '../case/labels.js';
import { formatLongDate, isRealIsoDate } from '../format/dates.js';
import { formatAmount } from '../format/money.js';
import type { ImportedFact, ImportProposal } from './proposal.js';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function factLabel(path: string): string {
  return capitalised(fieldLabel(path.split('.')) ?? path);
}

export function describeValue(path: string, value: unknown, currency = 'EUR'): string {
  if (typeof value === 'string' && isRealIsoDate(value)) return formatLongDate(value);
  if (typeof value === 'number' && /total|amount|price/i.test(path)) return formatAmount(value, currency);
  if (path === 'order.items' && Array.isArray(value)) {
    return value
      .map((i: { description?: unknown; quantity?: unknown; unitPrice?: unknown }) =>
        `${String(i.quantity ?? 1)} × ${String(i.description ?? '')}${typeof i.unitPrice === 'number' ? ` à ${formatAmount(i.unitPrice, currency)}` : ''}`)
      .join(' ; ');
  }
  if (typeof value === 'object' && value !== null && 'lines' in value) {
    const a = value as { lines: string[]; postalCode?: string; city?: string; country?: string };
    return [...a.lines, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');
  }
  return String(value);
}

/** The currency the proposal states (for amounts), EUR otherwise. */
export function proposalCurrency(p: ImportProposal): string {
  const c = p.facts.find((f: ImportedFact) => f.path === 'order.currency')?.value;
  return typeof c === 'string' ? c : 'EUR';
}

/** The exhibit's title in the case, by what the file is. */
export function exhibitTitle(p: ImportProposal): string {
  const number = p.orderNumber ? ` — commande n° ${p.orderNumber}` : '';
  if (p.kind === 'amazon-export') return `Export des données Amazon (historique des commandes)${number}`;
  if (p.kind === 'invoice') return `Facture ou récapitulatif de commande${number}`;
  return `Message d’Amazon${number}`;
}
