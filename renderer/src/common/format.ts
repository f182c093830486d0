/** Dates, times and sizes as a French reader expects them on screen. */
import { formatLongDate, isRealIsoDate, todayIso } from '../../../core/common/format/dates.js';
import { formatSize } from '../../../core/common/format/size.js';

export { todayIso };

/** « 2 octobre 2026 », or the text as typed when it is not a real date yet. */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return isRealIsoDate(iso) ? formatLongDate(iso) : iso;
}

/** « 25 novembre 2026 à 14 h 32 », from an ISO timestamp, on the user's clock. */
export function dateTime(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const hours = String(d.getHours());
  const minutes = String(d.getMinutes()).padStart(2, '0');
  return `${longDate(todayIso(d))} à ${hours}\u00A0h\u00A0${minutes}`;
}

/** « 14 h 32 », for the save status. */
export function timeOfDay(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getHours()}\u00A0h\u00A0${String(d.getMinutes()).padStart(2, '0')}`;
}

/** « 820 octets », « 48 Ko », « 1,4 Mo »: core's formatter, as in the dossier. */
export const fileSize = formatSize;

/** Days from today to an ISO date (negative when past). */
export function daysFromToday(iso: string, today = todayIso()): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
