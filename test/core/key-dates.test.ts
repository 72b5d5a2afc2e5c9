import { describe, expect, it } from 'vitest';
import { occurrences, occurrenceIn, parseKeyDate, setDates, upcomingDates } from '../../src/core/key-dates.js';
import { contact } from '../helpers/journal.js';

const TODAY = '2026-11-20';

describe('parseKeyDate', () => {
  it.each([
    ['1985-03-14', '1985-03-14'],
    ['03-14', '--03-14'],
    ['--03-14', '--03-14'],
    ['02-29', '--02-29'], // year unknown: Feb 29 exists in some year
    ['1988-02-29', '1988-02-29'],
    ['today', '--11-20'], // a relative word keeps month and day only
    ['3d ago', '--11-17'],
  ])('%s → %s', (text, stored) => {
    expect(parseKeyDate(text, TODAY)).toBe(stored);
  });

  it.each(['02-30', '13-01', '1987-02-29', '2026-02-30', 'march', '', '1899-12-31', '3-14', 'soon'])('refuses %j', (text) => {
    expect(parseKeyDate(text, TODAY)).toBeUndefined();
  });
});

describe('recurrence', () => {
  it.each([
    ['1985-03-14', 2026, '2026-03-14'],
    ['--02-29', 2028, '2028-02-29'],
    ['--02-29', 2026, '2026-02-28'], // non-leap year: Feb 28
    ['1988-02-29', 2100, '2100-02-28'], // 2100 is not a leap year
    ['1988-02-29', 2000, '2000-02-29'], // 2000 is
  ])('%s falls in %i on %s', (date, year, on) => {
    expect(occurrenceIn(date, year)).toBe(on);
  });

  it('counts the years when the year is known, not when it is not', () => {
    expect(occurrences({ label: 'birthday', date: '1985-11-22' }, TODAY, '2026-11-30')).toEqual([{ label: 'birthday', date: '1985-11-22', on: '2026-11-22', years: 41 }]);
    expect(occurrences({ label: 'birthday', date: '--11-22' }, TODAY, '2026-11-30')).toEqual([{ label: 'birthday', date: '--11-22', on: '2026-11-22', years: null }]);
  });

  it('finds dates across the new year, and none outside the range', () => {
    expect(occurrences({ label: 'birthday', date: '--01-02' }, '2026-12-30', '2027-01-05').map((o) => o.on)).toEqual(['2027-01-02']);
    expect(occurrences({ label: 'birthday', date: '--01-02' }, '2026-01-03', '2026-12-31')).toEqual([]);
    // a range of more than a year sees it twice
    expect(occurrences({ label: 'x', date: '--06-01' }, '2026-01-01', '2027-12-31').map((o) => o.on)).toEqual(['2026-06-01', '2027-06-01']);
  });

  it('a leap-day birthday on Feb 28 of a non-leap year counts the year', () => {
    expect(occurrences({ label: 'birthday', date: '2000-02-29' }, '2026-02-28', '2026-02-28')).toEqual([{ label: 'birthday', date: '2000-02-29', on: '2026-02-28', years: 26 }]);
  });

  it('nothing before the year it happened', () => {
    expect(occurrences({ label: 'wedding', date: '2027-06-01' }, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('upcoming dates are the soonest first', () => {
    const c = contact('c', 'Cy', { dates: [{ label: 'birthday', date: '--12-25' }, { label: 'anniversary', date: '2019-11-25' }] });
    expect(upcomingDates(c, TODAY, 60).map((o) => `${o.label} ${o.on}`)).toEqual(['anniversary 2026-11-25', 'birthday 2026-12-25']);
    expect(upcomingDates(c, TODAY, 10).map((o) => o.label)).toEqual(['anniversary']);
  });
});

describe('setDates', () => {
  it('replaces by label (any case), adds new ones, removes, and reports what it could not remove', () => {
    const r = setDates([{ label: 'Birthday', date: '--03-14' }], [{ label: 'birthday', date: '1985-03-14' }, { label: 'started', date: '2020-01-06' }], ['nope']);
    expect(r.dates).toEqual([{ label: 'Birthday', date: '1985-03-14' }, { label: 'started', date: '2020-01-06' }]);
    expect(r.missing).toEqual(['nope']);
    expect(setDates(r.dates, [], ['BIRTHDAY']).dates).toEqual([{ label: 'started', date: '2020-01-06' }]);
    expect(setDates(r.dates, [{ label: 'started', date: '2020-01-06' }], []).changes).toEqual([]);
  });
});
