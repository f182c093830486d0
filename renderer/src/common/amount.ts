/** Amounts as typed by a French user, and back: « 1 249,50 » ⇄ 1249.5. */
import { formatAmount } from '../../../core/common/format/money.js';

/** « 849,99 », « 849.99 », « 1 249,50 € » or « 1249.50 » → a number; anything else is kept as typed so that core names the mistake. */
export function parseAmount(text: string): number | string | undefined {
  const compact = text.replace(/[\s\u00A0\u202F€]/g, '');
  if (compact === '') return undefined;
  if (/^\d+(?:[.,]\d*)?$/.test(compact)) return Number(compact.replace(',', '.'));
  return text;
}

/** 1299.9 → « 1 299,90 » (core's French form, without the symbol the field shows beside it). */
export function amountText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return formatAmount(value).replace(/\u00A0€$/, '');
  if (typeof value === 'number') return String(value).replace('.', ',');
  return typeof value === 'string' ? value : '';
}
