import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fromEpochDay, isDay, parseWhen, toEpochDay, weekday, weekdayName, type Day } from '../../src/core/dates.js';

// Properties of the date parser and calendar arithmetic, over any date from 1900 to 2199.

// Days well inside the range parseWhen accepts (1900–2199), so shifts of up to 5000 days stay in it.
const day = fc.integer({ min: Date.UTC(1920, 0, 1) / 86_400_000, max: Date.UTC(2180, 11, 31) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const n = fc.integer({ min: 0, max: 5000 });
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const lastOfMonth = (d: Day) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate();
const monthIndex = (d: Day) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

describe('date properties', () => {
  it('a written date parses to itself, whatever today is', () => {
    fc.assert(fc.property(day, day, (d, today) => parseWhen(d, today) === d && parseWhen(` ${d} `, today, 'future') === d));
  });

  it('Nd ago / in Nd / Nw ago are exact day shifts, and daysBetween measures them', () => {
    fc.assert(
      fc.property(day, n, (today, k) => {
        expect(parseWhen(`${k}d ago`, today)).toBe(addDays(today, -k));
        expect(parseWhen(`in ${k}d`, today)).toBe(addDays(today, k));
        const w = Math.floor(k / 10); // up to 500 weeks, inside the accepted range
        expect(parseWhen(`${w}w ago`, today)).toBe(addDays(today, -7 * w));
        expect(daysBetween(today, addDays(today, k))).toBe(k);
        expect(daysBetween(addDays(today, k), today)).toBe(0 - k || 0);
        expect(isDay(addDays(today, k))).toBe(true);
      }),
    );
  });

  it('today, yesterday and tomorrow are one day apart', () => {
    fc.assert(fc.property(day, (today) => daysBetween(parseWhen('yesterday', today)!, parseWhen('tomorrow', today)!) === 2 && parseWhen('TODAY', today) === today));
  });

  it('a weekday is the most recent one (today included) in the past, the next one (after today) for due dates', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 6 }), (today, w) => {
        const name = WEEKDAYS[w]!;
        const past = parseWhen(name, today, 'past')!;
        const future = parseWhen(name, today, 'future')!;
        const last = parseWhen(`last ${name}`, today)!;
        expect([weekday(past), weekday(future), weekday(last)]).toEqual([w, w, w]);
        expect(daysBetween(past, today)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(past, today)).toBeLessThanOrEqual(6);
        expect(daysBetween(today, future)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(today, future)).toBeLessThanOrEqual(7);
        expect(daysBetween(last, today)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(last, today)).toBeLessThanOrEqual(7);
        expect(parseWhen(name.slice(0, 3), today, 'past')).toBe(past);
        expect(weekdayName(past)).toBe(name);
      }),
    );
  });

  it('addMonths moves the month exactly and clamps the day to the month end', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -600, max: 600 }), (d, k) => {
        const r = addMonths(d, k);
        expect(isDay(r)).toBe(true);
        expect(monthIndex(r) - monthIndex(d)).toBe(k);
        expect(Number(r.slice(8))).toBe(Math.min(Number(d.slice(8)), lastOfMonth(r)));
      }),
    );
  });

  it('addMonths then back is the same day when the day exists in both months', () => {
    fc.assert(fc.property(day, fc.integer({ min: -600, max: 600 }), (d, k) => Number(d.slice(8)) > 28 || addMonths(addMonths(d, k), -k) === d));
  });

  it('text that is not a date is refused, never guessed', () => {
    fc.assert(
      fc.property(day, fc.string(), (today, s) => {
        const r = parseWhen(s, today);
        return r === undefined || isDay(r);
      }),
    );
    for (const bad of ['2026-02-30', '2026-13-01', 'someday', '3x ago', 'in', 'last', 'fr', '']) expect(parseWhen(bad, '2026-11-20')).toBeUndefined();
  });

  it('day numbers, worked out without Date, are the ones Date gives, in both directions (years 0–9999 and beyond)', () => {
    const MS = 86_400_000;
    const viaDate = (n: number) => new Date(n * MS).toISOString().slice(0, 10);
    const toViaDate = (d: Day) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS;
    // From 0000-01-01 to 9999-12-31, and a little past each end (ISO's extended years).
    const any = fc.integer({ min: -719_528 - 400, max: 2_932_896 + 400 });
    const edges = [-719_528, -354_286, -354_285, 0, 11_016, 2_932_896, 2_932_897];
    for (const k of edges) expect(fromEpochDay(k)).toBe(viaDate(k));
    fc.assert(
      fc.property(any, (k) => {
        const d = viaDate(k);
        expect(fromEpochDay(k)).toBe(d);
        if (/^\d{4}-/.test(d)) expect(toEpochDay(d)).toBe(toViaDate(d));
      }),
      { numRuns: 5000 },
    );
    // Years 0–99 read as Date.UTC reads them (1900–1999), as before.
    expect(toEpochDay('0050-06-01')).toBe(toViaDate('0050-06-01'));
  });
});
