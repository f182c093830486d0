/**
 * The sum a subscriber claims back under L215-1 (fact sheet §1.6, §8.1: the letter shows how it is reached): the
 * charges taken after the termination when there are some, else — the renewal notice missing — the price of the
 * period renewed less the days used up to the termination.
 */
import type { CaseFile } from '../case/schema.js';
import { addMonths, compareIsoDates, daysBetween } from '../format/dates.js';

export type SubscriptionRefund =
  | { kind: 'after-cancellation'; charges: { date: string; amount: number; label: string | null }[]; total: number }
  | { kind: 'prorata'; renewed: string; cancelled: string; price: number; periodDays: number; daysUsed: number; used: number; total: number };

const cents = (x: number) => Math.round(x * 100) / 100;

/** Null when the case lacks the dates or the price the calculation needs. */
export function subscriptionRefund(s: CaseFile['subscription']): SubscriptionRefund | null {
  if (!s?.cancelled) return null;
  const cancelled = s.cancelled;
  const charges = [...(s.charges ?? [])].sort((a, b) => compareIsoDates(a.date, b.date));
  const after = charges.filter((d) => d.date > cancelled);
  if (after.length > 0) {
    return {
      kind: 'after-cancellation',
      charges: after.map((d) => ({ date: d.date, amount: d.amount, label: d.label ?? null })),
      total: cents(after.reduce((sum, d) => sum + d.amount, 0)),
    };
  }
  // The renewal is the last charge on or before the termination; its price is the subscription's, else that charge.
  const renewal = charges.filter((d) => d.date <= cancelled).at(-1);
  const price = s.price ?? renewal?.amount;
  if (s.renewalNotice !== false || !renewal || price === undefined || !s.period) return null;
  const periodDays = daysBetween(renewal.date, addMonths(renewal.date, s.period === 'year' ? 12 : 1));
  const daysUsed = Math.min(daysBetween(renewal.date, cancelled), periodDays);
  const used = cents((price * daysUsed) / periodDays);
  return { kind: 'prorata', renewed: renewal.date, cancelled, price, periodDays, daysUsed, used, total: cents(price - used) };
}
