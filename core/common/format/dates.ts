/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so that no time zone or
 * daylight-saving change can shift a legal deadline by a day.
 */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** True when the string is YYYY-MM-DD and names a day that exists (no 30 February). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: IsoDate): Date {
  if (!isRealIsoDate(date)) throw new RangeError(`Date invalide : « ${date} » (format attendu AAAA-MM-JJ)`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/**
 * The order of two ISO 8601 dates or timestamps, for sort(). Their code units order them as the calendar does; a
 * localeCompare would give the same order, but its first call loads ICU's collator (about 8 ms of every letter).
 */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Today's date on the user's clock (local calendar day, not UTC). */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/**
 * Adds calendar months. When the target month is shorter, the result is its last day
 * (31 January + 1 month = 28 or 29 February), as French law counts months (C. proc. civ. art. 641).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(day, last));
  return fromUtc(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** « 1er novembre 2026 », « 25 novembre 2026 ». The day and month are joined by no-break spaces. */
export function formatLongDate(date: IsoDate): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const dayText = day === 1 ? '1er' : String(day);
  return `${dayText}\u00A0${MONTHS[d.getUTCMonth()]}\u00A0${d.getUTCFullYear()}`;
}

/** « 03/10/2026 »: for tables where a long date would not fit. */
export function formatShortDate(date: IsoDate): string {
  const d = toUtc(date);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
