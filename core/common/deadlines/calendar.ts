/**
 * The French calendar for legal periods: public holidays (computed, Easter included) and working days.
 *
 * Public holidays are the eleven « fêtes légales » of metropolitan France (C. trav., art. L3133-1; list on
 * https://www.service-public.fr/particuliers/vosdroits/F2405): 1 January, Easter Monday, 1 May, 8 May, Ascension,
 * Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December. Whit Monday stays a public holiday even
 * where it is the « journée de solidarité ». The local holidays of Alsace-Moselle (Good Friday, 26 December) and of
 * the overseas departments are not included.
 *
 * Weekends and holidays only move a deadline where a text says so: see each rule in compute.ts.
 */
import { addDays } from '../format/dates.js';

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus / Jones / Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface PublicHoliday {
  date: string;
  name: string;
}

const holidayCache = new Map<number, PublicHoliday[]>();

/** The public holidays of a year in metropolitan France, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (md: string, name: string) => ({ date: `${year}-${md}`, name });
  const list: PublicHoliday[] = [
    fixed('01-01', 'Jour de l’an'),
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    fixed('05-01', 'Fête du Travail'),
    fixed('05-08', 'Victoire 1945'),
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    fixed('07-14', 'Fête nationale'),
    fixed('08-15', 'Assomption'),
    fixed('11-01', 'Toussaint'),
    fixed('11-11', 'Armistice 1918'),
    fixed('12-25', 'Noël'),
  ].sort((x, y) => x.date.localeCompare(y.date));
  holidayCache.set(year, list);
  return list;
}

/** The holiday's name, or undefined when the day is not a public holiday. */
export function publicHolidayName(date: string): string | undefined {
  return publicHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.name;
}

/** 0 = Sunday … 6 = Saturday (UTC, like every date of the application). */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && publicHolidayName(date) === undefined;
}

/** The date itself when it is a working day, else the next working day (a period that ends on a closed day is extended). */
export function extendToWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  return extendToWorkingDay(addDays(date, 1));
}

/** Why a day is closed, in French (« dimanche », « samedi », « jour férié (Ascension) »), or undefined. */
export function closedDayReason(date: string): string | undefined {
  const holiday = publicHolidayName(date);
  if (holiday) return `jour férié (${holiday})`;
  const dow = dayOfWeek(date);
  if (dow === 0) return 'dimanche';
  if (dow === 6) return 'samedi';
  return undefined;
}
