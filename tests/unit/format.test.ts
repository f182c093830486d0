import { describe, expect, it } from 'vitest';
import { addDays, addMonths, compareIsoDates, daysBetween, formatLongDate, formatShortDate, isRealIsoDate, todayIso } from '../../core/common/format/dates.js';
import { formatAmount, formatDuration } from '../../core/common/format/money.js';
import { frenchTypography } from '../../core/common/format/typography.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('French long dates', () => {
  it('writes the first of the month as « 1er »', () => {
    expect(formatLongDate('2026-11-01')).toBe(`1er${NBSP}novembre${NBSP}2026`);
  });
  it('writes other days as numbers, months in lower case with accents', () => {
    expect(formatLongDate('2026-11-25')).toBe(`25${NBSP}novembre${NBSP}2026`);
    expect(formatLongDate('2027-02-03')).toBe(`3${NBSP}février${NBSP}2027`);
    expect(formatLongDate('2026-08-15')).toBe(`15${NBSP}août${NBSP}2026`);
    expect(formatLongDate('2026-12-31')).toBe(`31${NBSP}décembre${NBSP}2026`);
  });
  it('writes short dates as dd/mm/yyyy', () => {
    expect(formatShortDate('2026-10-03')).toBe('03/10/2026');
  });
  it('refuses dates that do not exist', () => {
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-04-31')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
    expect(isRealIsoDate('25/11/2026')).toBe(false);
    expect(() => formatLongDate('2026-02-30')).toThrow(/Date invalide/);
  });
  it('gives today on the local clock', () => {
    expect(todayIso(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
  });
});

describe('date arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-10-28', 8)).toBe('2026-11-05');
    expect(addDays('2026-12-28', 14)).toBe('2027-01-11');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-09-28', 30)).toBe('2026-10-28');
  });
  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-25', 13)).toBe('2027-12-25');
    expect(addMonths('2026-03-17', 24)).toBe('2028-03-17');
  });
  it('counts days between dates, whatever daylight saving does', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-01')).toBe(-24);
  });
});

describe('order of dates', () => {
  it('sorts dates and timestamps as the calendar does, as localeCompare did', () => {
    const dates = ['2026-11-02', '2025-12-31', '2026-11-01T09:30:00.000Z', '2026-11-01', '2026-02-28', '2026-11-01T08:00:00.000Z'];
    const expected = ['2025-12-31', '2026-02-28', '2026-11-01', '2026-11-01T08:00:00.000Z', '2026-11-01T09:30:00.000Z', '2026-11-02'];
    expect([...dates].sort(compareIsoDates)).toEqual(expected);
    expect([...dates].sort((a, b) => a.localeCompare(b))).toEqual(expected);
    expect(compareIsoDates('2026-11-01', '2026-11-01')).toBe(0);
  });
});

describe('amounts', () => {
  it('groups thousands with a narrow no-break space and puts a no-break space before €', () => {
    expect(formatAmount(1299)).toBe(`1${NNBSP}299,00${NBSP}€`);
    expect(formatAmount(1234.56)).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatAmount(849.99)).toBe(`849,99${NBSP}€`);
    expect(formatAmount(1234567.5)).toBe(`1${NNBSP}234${NNBSP}567,50${NBSP}€`);
    expect(formatAmount(0.1 + 0.2)).toBe(`0,30${NBSP}€`);
  });
  it('names other currencies', () => {
    expect(formatAmount(10, 'USD')).toBe(`10,00${NBSP}$`);
  });
  it('writes durations with their unit, never split', () => {
    expect(formatDuration(14)).toBe(`14${NBSP}jours`);
    expect(formatDuration(1)).toBe(`1${NBSP}jour`);
    expect(formatDuration(2, 'mois')).toBe(`2${NBSP}mois`);
  });
});

describe('French typography', () => {
  it('puts no-break spaces before ; : ! ? and inside guillemets', () => {
    expect(frenchTypography('Attention: réponse? oui; non!')).toBe(`Attention${NBSP}: réponse${NNBSP}? oui${NNBSP}; non${NNBSP}!`);
    expect(frenchTypography('il a dit « livré »')).toBe(`il a dit «${NNBSP}livré${NNBSP}»`);
    expect(frenchTypography('il a dit "livré"')).toBe(`il a dit «${NNBSP}livré${NNBSP}»`);
  });
  it('uses the typographic apostrophe', () => {
    expect(frenchTypography("l'été d'aujourd'hui")).toBe('l’été d’aujourd’hui');
  });
  it('leaves URLs, e-mail addresses and clock times alone', () => {
    const text = 'voir https://www.example.fr/a?b=1 ou écrire à a.b@example.fr à 14:30';
    expect(frenchTypography(text)).toBe(text);
  });
  it('keeps percentages and « n° » with their numbers', () => {
    expect(frenchTypography('majorée de 10 % et commande n° 402')).toBe(`majorée de 10${NNBSP}% et commande n°${NBSP}402`);
  });
  it('is idempotent', () => {
    const once = frenchTypography('« oui » : non ? 10 %');
    expect(frenchTypography(once)).toBe(once);
  });
});

describe('French typography on hostile text', () => {
  it('handles a pasted blob of 100 000 characters in linear time, with addresses still protected', () => {
    const blob = 'abcdefghij'.repeat(10_000);
    const spaces = `a${' '.repeat(100_000)}»`;
    const started = performance.now();
    const out = frenchTypography(`Voir ${blob} puis écrire à service.client@exemple.fr: merci`);
    frenchTypography(spaces);
    // Scanning the blob once per character took 16 s here; once in all, a few milliseconds.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(out).toBe(`Voir ${blob} puis écrire à service.client@exemple.fr: merci`);
  });
});
