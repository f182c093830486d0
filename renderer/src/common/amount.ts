/** Amounts as typed by a French user, and back: « 1 249,50 » ⇄ 1249.5. */

/** « 849,99 », « 849.99 » or « 1 249,50 € » → a number; anything else is kept as typed so that core names the mistake. */
export function parseAmount(text: string): number | string | undefined {
  const compact = text.replace(/[\s\u00A0\u202F€]/g, '');
  if (compact === '') return undefined;
  if (/^\d+(?:[.,]\d*)?$/.test(compact)) return Number(compact.replace(',', '.'));
  return text;
}

export function amountText(value: unknown): string {
  if (typeof value === 'number') return String(value).replace('.', ',');
  return typeof value === 'string' ? value : '';
}
