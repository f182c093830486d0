/**
 * Dates and amounts as orders, e-mails and invoices write them, in French and in English: « lundi 14 septembre
 * 2026 », « 14.09.2026 », « 14/09/2026 », « September 14, 2026 », « 2026-09-14T18:22:05Z »; « 1 299,00 € »,
 * « EUR 1.299,00 », « 1299.00 », « '-0.68 ». Pure: the UI and the readers of core/node share these rules.
 */
import { isRealIsoDate } from '../format/dates.js';

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1, january: 1,
  fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  avril: 4, avr: 4, apr: 4, april: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, aug: 8, august: 8,
  septembre: 9, sept: 9, sep: 9, september: 9,
  octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11,
  decembre: 12, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | null {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return isRealIsoDate(date) ? date : null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The calendar day of an instant in a time zone (« 2026-09-14T23:30:00Z » is the 15th in Paris). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function dayInTimeZone(instant: Date, timeZone: string): string {
  // Building an Intl formatter costs far more than using one: one per zone, for 5 000-row exports.
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const TIMESTAMP = /\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})/i;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:er)?\\.?\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})\\b`);
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`);
// Without a year (« Arrivée prévue : lundi 14 septembre », « Arriving Monday, September 14 »): the year is given.
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:er)?\\.?\\s+(${MONTH_NAMES})\\b`);
const MONTH_DAY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`);

/**
 * The first date written in `text`, as YYYY-MM-DD, or null. Numeric dates are read day first (French and British
 * order); a time stamp with a zone is taken as the day in `timeZone` (the consumer's, Europe/Paris by default).
 */
export function parseDate(text: string, timeZone = 'Europe/Paris', defaultYear?: number): string | null {
  // The export's time stamps first, without folding: the common case of a 5 000-row file.
  const ts = TIMESTAMP.exec(text);
  const folded = ts ? '' : fold(text);
  if (ts) {
    const instant = new Date(ts[0].toUpperCase());
    if (!Number.isNaN(instant.getTime())) return dayInTimeZone(instant, timeZone);
    return parseDate(text.replace(TIMESTAMP, ''), timeZone, defaultYear);
  }
  const candidates: { index: number; date: string | null }[] = [];
  const isoDay = ISO_DAY.exec(folded);
  if (isoDay) candidates.push({ index: isoDay.index, date: iso(Number(isoDay[1]), Number(isoDay[2]), Number(isoDay[3])) });
  const numeric = NUMERIC.exec(folded);
  if (numeric) candidates.push({ index: numeric.index, date: iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) });
  const dmy = DAY_MONTH_YEAR.exec(folded);
  if (dmy) candidates.push({ index: dmy.index, date: iso(Number(dmy[3]), MONTHS[dmy[2] as string] ?? 0, Number(dmy[1])) });
  const mdy = MONTH_DAY_YEAR.exec(folded);
  if (mdy) candidates.push({ index: mdy.index, date: iso(Number(mdy[3]), MONTHS[mdy[1] as string] ?? 0, Number(mdy[2])) });
  if (defaultYear !== undefined && candidates.every((c) => c.date === null)) {
    const dm = DAY_MONTH.exec(folded);
    if (dm) candidates.push({ index: dm.index, date: iso(defaultYear, MONTHS[dm[2] as string] ?? 0, Number(dm[1])) });
    const md = MONTH_DAY.exec(folded);
    if (md) candidates.push({ index: md.index, date: iso(defaultYear, MONTHS[md[1] as string] ?? 0, Number(md[2])) });
  }
  const found = candidates.filter((c) => c.date !== null).sort((a, b) => a.index - b.index)[0];
  return found?.date ?? null;
}

const CURRENCY_SIGNS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };

export interface ParsedAmount {
  value: number;
  currency: string | null;
}

/** The number of an amount, whatever its separators: the last « , » or « . » followed by 1–2 digits is the decimal mark. */
function parseNumber(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  const negative = /^[-−]/.test(s);
  s = s.replace(/^[-−+]/, '');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(s);
  let units = decimal ? s.slice(0, decimal.index) : s;
  // « 1.299 » or « 1,299 » alone is a thousands group, as in « EUR 1.299 »; a mark elsewhere is a grouping one.
  units = units.replace(/[.,]/g, '');
  if (units === '') return null;
  const value = Number(`${units}.${decimal?.[1] ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

const AMOUNT = /(?:(EUR|USD|GBP|CHF|€|\$|£)\s*)?([-−]?\s?'?[-−]?(?:\d{1,3}(?:[\s\u00a0\u202f.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?!\d))(?:\s*(EUR|USD|GBP|CHF|€|\$|£|euros?))?/i;

/** The first amount written in `text` (« 1 299,00 € », « EUR 1.299,00 », « 1299.00 », « '-0.68 »), or null. */
export function parseAmount(text: string): ParsedAmount | null {
  const m = AMOUNT.exec(text);
  if (!m) return null;
  const value = parseNumber((m[2] as string).replace(/'/g, ''));
  if (value === null) return null;
  const sign = (m[1] ?? m[3] ?? '').toUpperCase();
  const currency = CURRENCY_SIGNS[sign] ?? (/^EUROS?$/.test(sign) ? 'EUR' : sign || null);
  return { value: Math.round(value * 100) / 100, currency };
}

/** Every amount of `text`; the one a label introduces is the first with a currency, else the last (« Total (2 articles) : 50 € »). */
export function parseLabelledAmount(text: string): ParsedAmount | null {
  const found: ParsedAmount[] = [];
  const re = new RegExp(AMOUNT.source, 'gi');
  for (const m of text.matchAll(re)) {
    if (found.length > 20) break;
    const a = parseAmount(m[0]);
    if (a) found.push(a);
  }
  return found.find((a) => a.currency !== null) ?? found.at(-1) ?? null;
}

/** Amazon's order numbers, 3-7-7 digits, wherever they appear (« orderID=402-… », « Commande n° 402-… »). */
export const ORDER_NUMBER_IN_TEXT = /\b(\d{3}-\d{7}-\d{7})\b/;
