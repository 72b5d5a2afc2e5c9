import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeIcsText, icsStamp, writeIcs } from '../../src/formats/ics.js';
import { foldLine } from '../../src/formats/text.js';
import type { DueItem } from '../../src/reports/due.js';

const items: DueItem[] = [
  { type: 'promise', contactId: 'c1', name: 'Dana Lee', dueOn: '2026-11-18', overdueDays: 2, why: '', context: { wants: [], theyOwe: [] }, promiseId: 'p1', text: 'send the case study, the long one; with notes\\appendix' },
  { type: 'follow-up', contactId: 'c2', name: 'Sam Ortiz', dueOn: '2026-11-20', overdueDays: 0, why: '', context: { wants: [], theyOwe: [] }, lastTouch: '2026-11-18' },
  {
    type: 'touch', contactId: 'c3', name: 'Zoë Ærøskøbing-Łukasiewicz Üñíçødé Name That Goes On', dueOn: '2026-12-01', overdueDays: -11, why: '', context: { wants: [], theyOwe: [] },
    lastTouch: '2026-09-01', cadenceDays: 91, cadenceFrom: 'default', daysSince: 80, score: 0.88, balance: 1, suggestion: 'ask how you can help',
  },
];

describe('foldLine', () => {
  it.each([
    ['a'.repeat(75), 1],
    ['a'.repeat(76), 2],
    ['é'.repeat(100), 3],
    ['😀'.repeat(40), 3],
  ])('folds at 75 octets without splitting a character', (line, count) => {
    const folded = foldLine(line).split('\r\n');
    expect(folded).toHaveLength(count);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });
});

describe('ICS', () => {
  const text = writeIcs(items, { today: '2026-11-20', stamp: '20261120T000000Z' });

  it('follows the byte rules: CRLF everywhere, no line over 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('reads back with ical.js: one all-day event per item, overdue ones on today', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.endDate.toString(), e.uid])).toEqual([
      ['Promised Dana Lee: send the case study, the long one; with notes\\appendix', '2026-11-20', '2026-11-21', 'promise-p1@netlog'],
      ['Follow up with Sam Ortiz', '2026-11-20', '2026-11-21', 'follow-up-c2@netlog'],
      ['Coffee with Zoë Ærøskøbing-Łukasiewicz Üñíçødé Name That Goes On?', '2026-12-01', '2026-12-02', 'touch-c3@netlog'],
    ]);
    expect(events[0]!.description).toMatch(/^Due since 2026-11-18\. /);
    for (const v of cal.getAllSubcomponents('vevent')) expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-20T00:00:00Z');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('key dates are yearly events: year known, year unknown, and Feb 29 on the last day of February', () => {
    const yearly = [
      { contactId: 'c1', name: 'Dana Lee', label: 'birthday', date: '1985-03-14' },
      { contactId: 'c2', name: 'Sam Ortiz', label: 'work anniversary', date: '--06-01' },
      { contactId: 'c3', name: 'Leap Person', label: 'birthday', date: '--02-29' },
    ];
    const cal = new ICAL.Component(ICAL.parse(writeIcs([], { today: '2026-11-20', stamp: '20261120T000000Z', yearly })));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.uid, e.isRecurring()])).toEqual([
      ['Dana Lee: birthday', '1985-03-14', 'date-c1-birthday@netlog', true],
      ['Sam Ortiz: work anniversary', '2000-06-01', 'date-c2-work-anniversary@netlog', true],
      ['Leap Person: birthday', '2000-02-29', 'date-c3-birthday@netlog', true],
    ]);
    const next = (e: ICAL.Event, after: string) => {
      const it = e.iterator();
      for (let t = it.next(); t; t = it.next()) if (t.toString() >= after) return t.toString();
      return undefined;
    };
    expect(next(events[0]!, '2026-01-01')).toBe('2026-03-14');
    expect(next(events[2]!, '2026-01-01')).toBe('2026-02-28');
    expect(next(events[2]!, '2028-01-01')).toBe('2028-02-29');
  });

  it('an empty list is still a valid calendar', () => {
    const cal = new ICAL.Component(ICAL.parse(writeIcs([], { today: '2026-11-20', stamp: '20261120T000000Z' })));
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it.each([
    ['a,b;c\\d\ne', 'a\\,b\\;c\\\\d\\ne'],
    ['bell\u0007 ok', 'bell ok'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeIcsText(raw)).toBe(escaped);
  });

  it('stamps in UTC basic format', () => {
    expect(icsStamp('2026-11-20T09:08:07.123Z')).toBe('20261120T090807Z');
  });
});
