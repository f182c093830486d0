/** Amounts as a French reader expects them: « 1 234,56 € » (narrow no-break space between thousands, no-break space before the symbol). */

const NNBSP = '\u202F';
const NBSP = '\u00A0';

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', CHF: 'CHF' };

export function formatAmount(amount: number, currency = 'EUR'): string {
  if (!Number.isFinite(amount)) throw new RangeError(`Montant invalide : ${amount}`);
  const negative = amount < 0;
  const cents = Math.round(Math.abs(amount) * 100);
  const units = Math.floor(cents / 100).toString();
  const fraction = String(cents % 100).padStart(2, '0');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const symbol = SYMBOLS[currency] ?? currency;
  return `${negative ? '−' : ''}${grouped},${fraction}${NBSP}${symbol}`;
}

/** « 14 jours », « 1 jour », « 2 mois »: a number and its unit, never split across lines. */
export function formatDuration(count: number, unit: 'jour' | 'mois' | 'an' = 'jour'): string {
  const plural = unit === 'mois' ? 'mois' : unit === 'an' ? (count > 1 ? 'ans' : 'an') : count > 1 ? 'jours' : 'jour';
  return `${count}${NBSP}${plural}`;
}
