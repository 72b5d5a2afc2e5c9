import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES, readCalendar } from '../../src/formats/calendar.js';
import { calendarKind, eventContacts, importCalendar } from '../../src/core/calendar-import.js';
import type { Contact } from '../../src/core/schema.js';
import { emptyJournal } from '../../src/core/journal.js';
import { ROOT } from '../helpers/cli.js';

const fx = (name: string) => readFileSync(join(ROOT, 'fixtures', 'import', name), 'utf8');
const contact = (c: Partial<Contact>): Contact => ({ id: 'c1', name: 'X', aliases: [], emails: [], phones: [], tags: [], createdAt: '2026-01-01T00:00:00.000Z', archived: false, ...c });
let n = 0;
const env = { newId: () => `i${++n}`, now: '2026-11-20T12:00:00.000Z' };

describe('reading calendars', () => {
  it("Outlook's all-day series: an EXDATE written as midnight date-time still excludes its day", async () => {
    const { series } = await readCalendar(fx('outlook-exchange-2010.ics'));
    const s = series.find((x) => x.uid === '111')!;
    // Every other Monday from 2024-07-01 until 2024-07-28, but not 2024-07-15.
    expect(s.occurrences(undefined, '2026-11-20').items.map((o) => o.date)).toEqual(['2024-07-01']);
  });

  it('a daily series since 2012 is read up to a bound, and says it stopped', async () => {
    const { series, owner } = await readCalendar(fx('google-calendar-daily.ics'));
    expect(owner).toBe('calmozilla1@gmail.com');
    const { items, truncated } = series[0]!.occurrences(undefined, '2026-11-20');
    // The latest ones are kept.
    expect([items.length, truncated, items.at(-1)!.date]).toEqual([MAX_OCCURRENCES, true, '2026-11-20']);
    // With --since, the stretch that is read is the recent one.
    const recent = series[0]!.occurrences('2026-11-01', '2026-11-20');
    expect([recent.items.length, recent.truncated, recent.items[0]!.date]).toEqual([20, false, '2026-11-01']);
    // A reminder's ATTENDEE (who gets the alarm email) is not a guest.
    expect(series[0]!.people).toEqual([]);
  });

  it('a file that is not a calendar is an error that says so', async () => {
    await expect(readCalendar('BEGIN:VCALENDAR\nnonsense\n')).rejects.toThrow(/not a readable calendar/);
  });
});

describe('calendar kinds', () => {
  const e = (summary: string, more: { location?: string; description?: string; links?: string[] } = {}) => ({ summary, links: [], ...more });
  it.each([
    [e('Sync', { links: ['https://meet.google.com/abc-defg-hij'] }), 1, 'video'],
    [e('Sync', { location: 'https://acme.zoom.us/j/123' }), 3, 'video'],
    [e('Sync', { description: 'Join Microsoft Teams Meeting https://teams.microsoft.com/l/meetup-join/1' }), 1, 'video'],
    [e('Call with Dana'), 1, 'call'],
    [e('Catch-up', { location: '+1 555 0100' }), 1, 'call'],
    [e('Lunch with Dana'), 1, 'meal'],
    [e('Team dinner'), 4, 'meal'],
    [e('Breakfast'), 1, 'meal'],
    [e('Recall the budget'), 1, 'meeting'],
    [e('Review'), 1, 'meeting'],
    [e('Review'), 2, 'event'],
  ] as const)('%j with %i contacts → %s', (event, contacts, kind) => {
    expect(calendarKind(event, contacts)).toBe(kind);
  });
});

describe('who an event is with', () => {
  const dana = contact({ id: 'd', name: 'Dana Lee', emails: ['Dana@Example.com'] });
  const sam = contact({ id: 's', name: 'Sam' });
  const old = contact({ id: 'o', name: 'Old Dana', emails: ['dana@example.com'], archived: true });
  it.each([
    ['email (any case), an active contact before an archived one', { summary: 'Sync', people: [{ email: 'dana@example.com', role: 'attendee' as const }] }, [['d', 'email']]],
    ['an exact name in the title, as words', { summary: 'Lunch w/ Dana Lee!', people: [] }, [['d', 'title']]],
    ['not part of a word', { summary: 'Samuel and Danalee', people: [] }, []],
    ['a single-word name as a word', { summary: 'Coffee: Sam', people: [] }, [['s', 'title']]],
    ['not someone who declined', { summary: 'Sync', people: [{ email: 'dana@example.com', role: 'attendee' as const, declined: true }] }, []],
    ['not the calendar owner', { summary: 'Sync', people: [{ email: 'dana@example.com', role: 'organizer' as const }] }, [], 'dana@example.com'],
  ])('%s', (_what, event, expected, owner?: string) => {
    expect(eventContacts([old, dana, sam], event, owner).map((m) => [m.contact.id, m.by])).toEqual(expected);
  });

  it('importCalendar returns the same journal when nothing is added', async () => {
    const { series } = await readCalendar(fx('outlook-graph-docs.ics'));
    const j = emptyJournal();
    const r = importCalendar(j, series, { today: '2026-11-20' }, env);
    expect(r.journal).toBe(j);
    expect(r.unknown).toEqual([{ email: 'adelev@contoso.com', name: 'Adele Vance', events: 1 }]);
  });
});
