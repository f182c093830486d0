/** The French calendar behind the deadlines: Easter and the movable holidays, working days. */
import { describe, expect, it } from 'vitest';
import {
  easterSunday, extendToWorkingDay, isWorkingDay, nextWorkingDay, publicHolidays,
} from '../../core/common/deadlines/index.js';

describe('Easter and the public holidays of metropolitan France', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the eleven holidays of 2026, with Easter Monday, Ascension and Whit Monday', () => {
    expect(publicHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Jour de l’an',
      '2026-04-06 Lundi de Pâques',
      '2026-05-01 Fête du Travail',
      '2026-05-08 Victoire 1945',
      '2026-05-14 Ascension',
      '2026-05-25 Lundi de Pentecôte',
      '2026-07-14 Fête nationale',
      '2026-08-15 Assomption',
      '2026-11-01 Toussaint',
      '2026-11-11 Armistice 1918',
      '2026-12-25 Noël',
    ]);
  });

  it('puts Ascension on 1 May when Easter is early (2008) without losing a holiday', () => {
    const dates = publicHolidays(2008).map((h) => h.date);
    expect(dates).toContain('2008-05-01');
    expect(publicHolidays(2008).filter((h) => h.date === '2008-05-01').map((h) => h.name).sort()).toEqual(['Ascension', 'Fête du Travail']);
  });
});

describe('working days', () => {
  it('are Monday to Friday, holidays excluded', () => {
    expect(isWorkingDay('2026-11-25')).toBe(true); // Wednesday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-11')).toBe(false); // Armistice, a Wednesday
    expect(isWorkingDay('2026-05-25')).toBe(false); // Whit Monday
  });
  it('extends a date that falls on a closed day to the next working day', () => {
    expect(extendToWorkingDay('2026-11-25')).toBe('2026-11-25');
    expect(extendToWorkingDay('2026-05-24')).toBe('2026-05-26'); // Sunday, then Whit Monday
    expect(extendToWorkingDay('2026-12-25')).toBe('2026-12-28'); // Christmas on a Friday, then a weekend
    expect(extendToWorkingDay('2027-01-01')).toBe('2027-01-04');
  });
  it('finds the first working day after a date', () => {
    expect(nextWorkingDay('2026-11-06')).toBe('2026-11-09'); // Friday → Monday
    expect(nextWorkingDay('2026-11-10')).toBe('2026-11-12'); // 11 November in between
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });
});
