import { describe, expect, it } from 'vitest';
import { shortDate } from '../../src/ui/format.js';

// Dates in tables: weekday, day of the month and month, and the year when it is not today's.
describe('shortDate', () => {
  it.each([
    ['2026-11-19', '2026-11-20', 'Thu 19 Nov'],
    ['2026-11-20', '2026-11-20', 'Fri 20 Nov'],
    ['2026-01-01', '2026-11-20', 'Thu 1 Jan'],
    ['2025-12-31', '2026-11-20', 'Wed 31 Dec 2025'],
    ['2024-02-29', '2026-11-20', 'Thu 29 Feb 2024'],
    ['2027-03-07', '2026-11-20', 'Sun 7 Mar 2027'],
    ['1900-01-01', '2026-11-20', 'Mon 1 Jan 1900'],
    ['2199-12-31', '2199-06-01', 'Tue 31 Dec'],
    ['2000-06-10', '2026-11-20', 'Sat 10 Jun 2000'],
  ])('%s (today %s) → %s', (day, today, text) => {
    expect(shortDate(day, today)).toBe(text);
    expect(shortDate(day, today)).toBe(text); // and again, from its cache
  });
});
