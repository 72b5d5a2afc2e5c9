import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, expectRefused, sandbox, sandboxes, type Sandbox } from '../helpers/cli.js';
import { KEY, runInPty } from '../helpers/pty.js';
import { journal, person } from '../helpers/journal.js';

// `netlog import FILE.ics` (SPEC §6.5) on real exports from Google Calendar, Outlook/Exchange,
// Apple Calendar and Zimbra (origins in fixtures/import/README), through the CLI.

const fx = (name: string) => join(ROOT, 'fixtures', 'import', name);
const box = sandboxes();

async function withContacts(...people: [string, string?][]): Promise<Sandbox> {
  const s = box();
  for (const [name, email] of people) {
    const r = await s.run(['contact', 'add', name, ...(email ? ['--email', email] : [])]);
    expect(r.code, r.stderr).toBe(0);
  }
  return s;
}

const importJson = async (s: Sandbox, ...args: string[]) => {
  const r = await s.run(['import', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const nameOf = (s: Sandbox) => {
  const contacts = s.json().contacts as { id: string; name: string }[];
  return (id: string) => contacts.find((c) => c.id === id)!.name;
};

describe('netlog import FILE.ics', () => {
  it('Google Calendar: an attendee who is a contact, a Meet link → video; the title is the note, the UID the source', async () => {
    const s = await withContacts(['Android Tester', 'android@protonqa.xyz']);
    const out = await importJson(s, fx('google-calendar-meet.ics'), '--yes');
    expect(out).toMatchObject({ format: 'ics', producer: 'Google Calendar', dryRun: false, already: 0 });
    expect(out.added).toEqual([
      expect.objectContaining({ date: '2022-04-03', kind: 'video', note: 'Pacific / Niue (3)', names: ['Android Tester'], source: '0928j897bqah35i424dnvjdu3v12346465465@google.com', matchedBy: ['email'] }),
    ]);
    const [i] = s.json().interactions;
    expect(i).toMatchObject({ date: '2022-04-03', kind: 'video', note: 'Pacific / Niue (3)', source: '0928j897bqah35i424dnvjdu3v12346465465@google.com', gave: [], asked: [], received: [] });
    // The other guests are listed, not added.
    expect(out.unknown.map((u: any) => u.email)).toContain('pro@lysenko.proton.black');
    expect(s.json().contacts).toHaveLength(1);
  });

  it('--since narrows the people listed as unknown too: a guest of a 2022 meeting is not news for the last 3 months', async () => {
    const s = await withContacts(['Dana Lee', 'dana@example.com']);
    const all = await importJson(s, fx('google-calendar-meet.ics'), '--dry-run');
    expect(all.unknown.map((u: any) => u.email)).toContain('pro@lysenko.proton.black');
    const recent = await importJson(s, fx('google-calendar-meet.ics'), '--since', '3m', '--dry-run');
    expect(recent).toMatchObject({ added: [], unknown: [] });
    const r = await s.run(['import', fx('google-calendar-meet.ics'), '--since', '3m', '--dry-run']);
    expect(r.stderr + r.stdout).not.toMatch(/not in netlog/);
  });

  it('Outlook (Exchange): the organiser by email, and a contact named in the title; two contacts → event', async () => {
    const s = await withContacts(['Adele Vance', 'adelev@contoso.com'], ['Megan']);
    const out = await importJson(s, fx('outlook-graph-docs.ics'), '--yes');
    expect(out.producer).toBe('Outlook');
    expect(out.added).toEqual([expect.objectContaining({ date: '2019-04-09', kind: 'event', note: "Review Megan's docs", names: ['Adele Vance', 'Megan'], matchedBy: ['email', 'title'], source: '040000008200' })]);
    expect(out.unknown).toEqual([]);
  });

  it('Zimbra: a monthly series expanded up to today, once per occurrence; a second import adds nothing', async () => {
    const s = await withContacts(['James Lal', 'jlal@mozilla.com']);
    const out = await importJson(s, fx('zimbra-recur-instances.ics'), '--since', '2026-01-01', '--yes');
    // FREQ=MONTHLY;BYDAY=1TU from 2012: the first Tuesday of each month of 2026 up to 2026-11-20.
    expect(out.added.map((a: any) => a.date)).toEqual(['2026-01-06', '2026-02-03', '2026-03-03', '2026-04-07', '2026-05-05', '2026-06-02', '2026-07-07', '2026-08-04', '2026-09-01', '2026-10-06', '2026-11-03']);
    expect(new Set(out.added.map((a: any) => a.source)).size).toBe(11);
    expect(out.added[0]).toMatchObject({ kind: 'meeting', note: 'Crazy Event Thingy!', source: '623c13c0-6c2b-45d6-a12b-c33ad61c4868#20260106T100000' });
    expect(out.unknown).toEqual([
      { email: 'calmozilla1@gmail.com', name: 'Sahaja Lal', events: 1 },
      { email: 'iam.revelation@gmail.com', events: 1 },
      { email: 'james@lightsofapollo.com', events: 1 },
    ]);
    const before = s.text();
    const again = await importJson(s, fx('zimbra-recur-instances.ics'), '--since', '2026-01-01', '--yes');
    expect(again).toMatchObject({ added: [], already: 11 });
    expect(s.text()).toBe(before);
    // A wider --since brings in the earlier occurrences, and only those.
    const wider = await importJson(s, fx('zimbra-recur-instances.ics'), '--since', '2025-10-01', '--yes');
    expect(wider.added.map((a: any) => a.date)).toEqual(['2025-10-07', '2025-11-04', '2025-12-02']);
    expect(wider.already).toBe(11);
  });

  it('Zimbra: exceptions move an occurrence (RECURRENCE-ID), EXDATEs and RDATEs count', async () => {
    const s = await withContacts(['James Lal', 'jlal@mozilla.com']);
    const out = await importJson(s, fx('zimbra-recur-instances.ics'), '--yes');
    const dates = out.added.map((a: any) => a.date);
    // 2012-10-02 10:00 was moved to 15:00 the same day; 2012-11-06's occurrence 20:00 PST is 2012-11-07 in UTC.
    expect(dates.slice(0, 6)).toEqual(['2012-10-02', '2012-11-06', '2012-11-07', '2012-11-10', '2012-11-30', '2013-01-01']);
    expect(dates).not.toContain('2012-12-04'); // EXDATE
    expect(dates).not.toContain('2013-02-05'); // EXDATE
    expect(dates).toContain('2023-11-23'); // RDATE
    expect(dates).toContain('2023-11-25'); // RDATE (a period)
    expect(dates.every((d: string) => d <= '2026-11-20')).toBe(true);
  });

  it('Apple Calendar: declined and delegated attendees are not met; several contacts → event', async () => {
    const s = await withContacts(['Homer Simpson', 'homer@example.com'], ['Carl Carlson', 'carl@example.com'], ['Larry Burns', 'larry@example.com'], ['Lenny Leonard', 'lenny@example.com']);
    const out = await importJson(s, fx('apple-macos-10.9.ics'), '--since', '2026-11-01', '--yes');
    expect(out.producer).toBe('Apple Calendar');
    // BYDAY=+2MO,TU,-3SU,+1MO,-2TH,-1SA in November 2026, up to the 20th.
    expect(out.added.map((a: any) => a.date)).toEqual(['2026-11-02', '2026-11-03', '2026-11-09', '2026-11-10', '2026-11-15', '2026-11-17', '2026-11-19']);
    const name = nameOf(s);
    for (const a of out.added) expect(a.contactIds.map(name)).toEqual(['Homer Simpson', 'Carl Carlson']);
    expect(out.added[0]).toMatchObject({ kind: 'event', note: 'Yep' });
    // The organiser is not a contact: listed. Larry declined, Lenny delegated: neither listed nor counted.
    expect(out.unknown).toEqual([{ email: 'smithers@example.com', name: 'Monty Burns', events: 1 }]);
  });

  it('attendees only in a reminder (VALARM) are nobody; a calendar with no one known adds nothing and asks nothing', async () => {
    const s = await withContacts(['Sahaja Lal', 'calmozilla1@gmail.com']);
    const before = s.text();
    const r = await s.run(['import', fx('google-calendar-daily.ics')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Imported .*google-calendar-daily\.ics \(Google Calendar\): 0 interactions added/);
    expect(s.text()).toBe(before);
  });

  it('--dry-run previews what would be added, and writes nothing', async () => {
    const s = await withContacts(['James Lal', 'jlal@mozilla.com']);
    const before = s.text();
    const r = await s.run(['import', fx('zimbra-recur-instances.ics'), '--since', '2026-09-01', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Dry run, nothing written: .*zimbra-recur-instances\.ics \(iCalendar\): would add 3 interactions\n/);
    expect(r.stdout).toMatch(/2026-09-01\s+meeting\s+James Lal\s+Crazy Event Thingy!/);
    expect(r.stdout).toMatch(/3 people in the calendar are not in netlog \(not added\):\n\s+Sahaja Lal <calmozilla1@gmail\.com>/);
    expect(r.stdout).toMatch(/netlog contact add "Sahaja Lal" --email calmozilla1@gmail\.com/);
    expect(s.text()).toBe(before);
  });

  it('without a terminal, adding needs --yes (exit 2, nothing written)', async () => {
    const s = await withContacts(['James Lal', 'jlal@mozilla.com']);
    await expectRefused(s, ['import', fx('zimbra-recur-instances.ics'), '--since', '2026-09-01'], 2, /would add 3 interactions from .*; add --yes to write them\nhint: see them first: netlog import .* --dry-run/);
  });

  it('refuses what makes no sense, writing nothing', async () => {
    const s = await withContacts(['James Lal', 'jlal@mozilla.com']);
    const junk = join(s.dir, 'junk.ics');
    writeFileSync(junk, 'BEGIN:VCALENDAR\nthis is not a calendar\n');
    await expectRefused(s, ['import', junk, '--yes'], 1, /cannot import .*junk\.ics: not a readable calendar/);
    await expectRefused(s, ['import', fx('kde-kcontacts.vcf'), '--format', 'ics', '--yes'], 1, /cannot import .*kde-kcontacts\.vcf: no calendar in it/);
    await expectRefused(s, ['import', fx('zimbra-recur-instances.ics'), '--since', 'someday', '--yes'], 2, /--since/);
    await expectRefused(s, ['import', fx('zimbra-recur-instances.ics'), '--tag', 'x'], 2, /--tag and --every are for contact files/);
    await expectRefused(s, ['import', fx('kde-kcontacts.vcf'), '--since', '3m'], 2, /--since and --yes are for calendar files/);
  });

  it("a yearly event (a birthday) is a date, not a meeting: left out with a word, the one-off meeting beside it comes in", async () => {
    const s = await withContacts(['Dana Lee', 'dana@example.com']);
    const ics = join(s.dir, 'birthdays.ics');
    writeFileSync(
      ics,
      [
        'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
        'BEGIN:VEVENT', 'UID:bday-1@example.com', 'DTSTART;VALUE=DATE:19850314', 'RRULE:FREQ=YEARLY', 'SUMMARY:Dana Lee birthday', 'END:VEVENT',
        'BEGIN:VEVENT', 'UID:coffee-1@example.com', 'DTSTART:20261102T090000Z', 'SUMMARY:Coffee with Dana Lee', 'END:VEVENT',
        'END:VCALENDAR', '',
      ].join('\r\n'),
    );
    const r = await s.run(['import', ics, '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).added.map((a: any) => [a.date, a.note])).toEqual([['2026-11-02', 'Coffee with Dana Lee']]);
    expect(r.stderr).toMatch(/1 yearly event \(birthdays, anniversaries\) left out: they are dates, not meetings/);
    expect(s.json().interactions).toHaveLength(1);
  });

  it("netlog's own calendar export is refused (its due items would become meetings), exit 2, nothing written", async () => {
    const s = box({ fixture: SAMPLE });
    const out = join(s.dir, 'netlog.ics');
    expect((await s.run(['export', '--format', 'ics', '--out', out])).code).toBe(0);
    await expectRefused(s, ['import', out, '--yes'], 2, /netlog\.ics is netlog's own calendar export .*: it holds no meetings to import/);
    await expectRefused(s, ['import', out, '--dry-run'], 2, /netlog's own calendar export/);
  });

  it('-q silences the report of a written import; --json is only JSON', async () => {
    const s = await withContacts(['James Lal', 'jlal@mozilla.com']);
    const r = await s.run(['import', fx('zimbra-recur-instances.ics'), '--since', '2026-09-01', '--yes', '-q']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(s.json().interactions).toHaveLength(3);
  });
});

describe('netlog import FILE.ics in a terminal', () => {
  it('asks before adding: no writes nothing (exit 130), yes adds them', () => {
    const s = sandbox({ data: journal({ contacts: [person('James Lal', { id: 'jameslal', emails: ['jlal@mozilla.com'] })] }) }, '2026-11-20');
    try {
      const env = { NETLOG_FILE: s.file, NETLOG_TODAY: '2026-11-20' };
      const before = s.text();
      const args = ['import', fx('zimbra-recur-instances.ics'), '--since', '2026-09-01'];
      const no = runInPty(args, { env, steps: [{ expect: 'Add 3 interactions from' }, { expect: '(Y/n)', send: 'n' }, { send: KEY.enter }] });
      expect(no.timedOut, no.output).toBe(false);
      expect(no.code, no.output).toBe(130);
      expect(s.text()).toBe(before);
      const yes = runInPty(args, { env, steps: [{ expect: 'Add 3 interactions from' }, { expect: '(Y/n)', send: 'y' }, { send: KEY.enter }, { expect: '3 interactions added' }] });
      expect(yes.timedOut, yes.output).toBe(false);
      expect(yes.code, yes.output).toBe(0);
      expect(s.json().interactions.map((i: { date: string }) => i.date)).toEqual(['2026-09-01', '2026-10-06', '2026-11-03']);
    } finally {
      s.cleanup();
    }
  });
});
