/**
 * Statutory increases of a refund paid late. Two scales, from two articles of the consumer code:
 *   L241-4 (refund after a résolution for non-delivery, L216-7): +10 % if paid at most 14 days late, +20 % up to
 *     30 days, +50 % beyond (ordonnance n° 2021-1247; the former 30 / 60-day thresholds no longer apply);
 *   L242-4 (refund after a withdrawal, L221-24): legal interest up to 10 days late, then 5 % (10–20 days),
 *     10 % (20–30), 20 % (30–60), 50 % (60–90), then 5 more points for each further month, up to the price.
 */
import { daysBetween } from '../format/dates.js';

export interface LateRefund {
  /** Whole days past the due date (0 when not late). */
  daysLate: number;
  /** The increase reached, in French (« majoration de 10 % »), or null when not late. */
  increase: string | null;
  basis: 'C. conso, art. L241-4' | 'C. conso, art. L242-4';
}

export function lateRefund(scale: 'resolution' | 'withdrawal', due: string, on: string): LateRefund {
  const daysLate = Math.max(0, daysBetween(due, on));
  if (scale === 'resolution') {
    const increase = daysLate === 0 ? null : daysLate <= 14 ? 'majoration de 10 %' : daysLate <= 30 ? 'majoration de 20 %' : 'majoration de 50 %';
    return { daysLate, increase, basis: 'C. conso, art. L241-4' };
  }
  let increase: string | null;
  if (daysLate === 0) increase = null;
  else if (daysLate <= 10) increase = 'intérêts au taux légal';
  else if (daysLate <= 20) increase = 'majoration de 5 %';
  else if (daysLate <= 30) increase = 'majoration de 10 %';
  else if (daysLate <= 60) increase = 'majoration de 20 %';
  else if (daysLate <= 90) increase = 'majoration de 50 %';
  else increase = 'majoration d’au moins 50 %, augmentée de 5 points par nouveau mois de retard';
  return { daysLate, increase, basis: 'C. conso, art. L242-4' };
}
