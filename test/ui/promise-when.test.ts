import { describe, expect, it } from 'vitest';
import { promiseWhen } from '../../src/ui/render/promises.js';
import { listPromises } from '../../src/reports/promises.js';
import { makeTheme } from '../../src/ui/theme.js';
import { contact, journal, promise } from '../helpers/journal.js';

const TODAY = '2026-11-20';
const theme = makeTheme();

function oneRow(due: string, doneOn: string | null) {
  const j = journal({ contacts: [contact('a', 'Ann')], promises: [promise('a', due, doneOn)] });
  return listPromises(j, TODAY, { all: true }).promises[0]!;
}

describe('promiseWhen', () => {
  it.each([
    // [due, doneOn, daysLate, daysLeft, words]
    ['2026-11-13', null, 7, null, '7 days overdue'],
    ['2026-11-19', null, 1, null, '1 day overdue'],
    ['2026-11-20', null, null, 0, 'due today'],
    ['2026-11-21', null, null, 1, 'due tomorrow'],
    ['2026-11-27', null, null, 7, 'due'],
    ['2026-11-10', '2026-11-12', 2, null, '2 days late'],
    ['2026-11-10', '2026-11-09', 0, null, 'on time'],
  ] as const)('due %s, kept %s → daysLate %s, daysLeft %s, "%s"', (due, doneOn, daysLate, daysLeft, words) => {
    const row = oneRow(due, doneOn);
    expect([row.daysLate, row.daysLeft]).toEqual([daysLate, daysLeft]);
    expect(promiseWhen(row, TODAY, theme)).toContain(words);
  });
});
