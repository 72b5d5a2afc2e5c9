import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDay, isTimestamp } from '../../src/core/journal.js';

// isDay and isTimestamp read characters instead of using a regex and Date (they run 200k times
// on a big journal): they must accept exactly what the Date-based definitions accept.

/** The definition they replace. */
function referenceIsDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo, 0); // setUTCFullYear, unlike Date.UTC, does not map 0–99 to 19xx
  return d <= probe.getUTCDate();
}

describe('isDay', () => {
  it.each([
    ['2026-11-20', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-01 ', false],
    [' 2026-01-01', false],
    ['2026/01/01', false],
    ['2026-0a-01', false],
    ['２026-01-01', false],
    ['', false],
  ])('%j → %s', (text, ok) => {
    expect(isDay(text)).toBe(ok);
    expect(referenceIsDay(text)).toBe(ok);
  });

  it('agrees with the Date-based definition on any YYYY-MM-DD-like text', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 0, max: 9999 }), two, two).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${d}`);
    fc.assert(fc.property(text, (t) => isDay(t) === referenceIsDay(t)), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (t) => isDay(t) === referenceIsDay(t)));
  });
});

describe('isTimestamp', () => {
  it.each([
    ['2026-11-20T09:14:00.000Z', true],
    ['2026-11-20T23:59:59.999Z', true],
    ['2026-11-20T09:14:00Z', true], // not the usual form: Date.parse decides
    ['2026-11-20T09:14:00.000+01:00', true],
    ['2026-11-20', true],
    ['garbage', false],
    ['', false],
    ['2026-11-20T09:14:00.00xZ', false],
  ])('%j → %s', (text, ok) => {
    expect(isTimestamp(text)).toBe(ok);
  });

  it('accepts exactly what Date.parse accepts', () => {
    const iso = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(fc.property(iso, (t) => isTimestamp(t)));
    // Mutating one character of a real timestamp: whatever Date.parse says, isTimestamp says.
    const mutated = fc.tuple(iso, fc.nat(23), fc.constantFrom('0', '9', 'x', ':', '-', 'T', 'Z', '.', ' ')).map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    fc.assert(fc.property(mutated, (t) => isTimestamp(t) === !Number.isNaN(Date.parse(t))), { numRuns: 3000 });
  });
});
