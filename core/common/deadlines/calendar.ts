/**
 * The French calendar for legal periods: public holidays (computed, Easter included) and working days.
 *
 * Public holidays are the eleven « fêtes légales » of metropolitan France (C. trav., art. L3133-1; list on
 * https://www.service-public.fr/particuliers/vosdroits/F2405): 1 January, Easter Monday, 1 May, 8 May, Ascension,
 * Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December. Whit Monday stays a public holiday even
 * where it is the « journée de solidarité ». In Alsace-Moselle (Moselle, Bas-Rhin, Haut-Rhin: postal codes 57, 67,
 * 68), Good Friday and 26 December are public holidays too (C. trav., art. L3134-13; fact sheet §8.2). The overseas
 * departments' own holidays are not included.
 *
 * Weekends and holidays only move a deadline where a text says so: see each rule in compute.ts.
 */
import { addDays, compareIsoDates } from '../format/dates.js';

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

/** Which list of public holidays applies: metropolitan France, or Alsace-Moselle with its two extra days. */
export type HolidayRegion = 'metropole' | 'alsace-moselle';

/**
 * The region of a French postal code. Callers pass the claimant's postal code: the periods Recours moves past
 * closed days are counted where the consumer acts and receives answers (withdrawal, bank refund, GDPR answer).
 */
export function holidayRegion(postalCode: string | undefined): HolidayRegion {
  return /^\s*(57|67|68)\d{3}\s*$/.test(postalCode ?? '') ? 'alsace-moselle' : 'metropole';
}

const holidayCache = new Map<string, PublicHoliday[]>();

/** The public holidays of a year in metropolitan France (or Alsace-Moselle), in date order. */
export function publicHolidays(year: number, region: HolidayRegion = 'metropole'): PublicHoliday[] {
  const key = `${region}:${year}`;
  const cached = holidayCache.get(key);
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
    ...(region === 'alsace-moselle' ? [{ date: addDays(easter, -2), name: 'Vendredi saint' }, fixed('12-26', 'Saint-Étienne')] : []),
  ].sort((x, y) => compareIsoDates(x.date, y.date));
  holidayCache.set(key, list);
  return list;
}

/** The holiday's name, or undefined when the day is not a public holiday. */
export function publicHolidayName(date: string, region: HolidayRegion = 'metropole'): string | undefined {
  return publicHolidays(Number(date.slice(0, 4)), region).find((h) => h.date === date)?.name;
}

/** 0 = Sunday … 6 = Saturday (UTC, like every date of the application). */
export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string, region: HolidayRegion = 'metropole'): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && publicHolidayName(date, region) === undefined;
}

/** The date itself when it is a working day, else the next working day (a period that ends on a closed day is extended). */
export function extendToWorkingDay(date: string, region: HolidayRegion = 'metropole'): string {
  let d = date;
  while (!isWorkingDay(d, region)) d = addDays(d, 1);
  return d;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, region: HolidayRegion = 'metropole'): string {
  return extendToWorkingDay(addDays(date, 1), region);
}

/** Why a day is closed, in French (« dimanche », « samedi », « jour férié (Ascension) »), or undefined. */
export function closedDayReason(date: string, region: HolidayRegion = 'metropole'): string | undefined {
  const holiday = publicHolidayName(date, region);
  if (holiday) return `jour férié (${holiday})`;
  const dow = dayOfWeek(date);
  if (dow === 0) return 'dimanche';
  if (dow === 6) return 'samedi';
  return undefined;
}
