import { describe, expect, it } from 'vitest';
import { introsReport } from '../../src/reports/intros.js';
import { contact, journal, meeting } from '../helpers/journal.js';

const TODAY = '2026-11-20';

describe('introsReport', () => {
  const j = journal({
    contacts: [
      contact('dana', 'Dana Lee'),
      contact('sam', 'Sam Ortiz'),
      contact('lena', 'Lena Hoffmann'),
      contact('felix', 'Felix Brandt', { introducedBy: 'lena' }),
      contact('priya', 'Priya Natarajan', { introducedBy: 'lena' }),
    ],
    interactions: [
      // you introduced Dana to Sam, recorded on both (as add --intro does): one intro
      meeting('i1', '2026-10-01', ['dana', 'sam'], { gave: [{ type: 'intro', for: 'dana', link: 'sam' }, { type: 'intro', for: 'sam', link: 'dana' }] }),
      meeting('i2', '2026-10-05', ['sam'], { received: [{ type: 'referral' }] }),
      meeting('i3', '2026-10-06', ['dana', 'sam'], { gave: [{ type: 'business', for: 'dana' }] }),
      meeting('i0', '2026-09-01', ['sam']), // before the intro: not counted
      // Lena introduced you to Felix (a received intro with a link) and Priya (introducedBy only)
      meeting('i4', '2026-11-01', ['lena'], { received: [{ type: 'intro', note: 'Felix', link: 'felix' }] }),
      meeting('i5', '2026-11-03', ['felix']),
      meeting('i6', '2026-08-01', ['priya']),
      meeting('i7', '2026-08-15', ['priya'], { received: [{ type: 'business' }] }),
      // an intro item without a link is not an intro between people in the journal
      meeting('i8', '2026-11-10', ['dana'], { gave: [{ type: 'intro', note: 'to someone' }] }),
    ],
  });
  const r = introsReport(j, TODAY);

  it('made: once per pair and day, with what came afterwards', () => {
    expect(r.made).toEqual([
      { direction: 'made', date: '2026-10-01', from: { contactId: 'dana', name: 'Dana Lee' }, to: { contactId: 'sam', name: 'Sam Ortiz' }, afterwards: { interactions: 2, referrals: 1, business: 1 } },
    ]);
  });

  it('received: a received intro with a link, and introducedBy, each once, newest first', () => {
    expect(r.received.map((i) => [i.from.name, i.to.name, i.date, i.afterwards])).toEqual([
      ['Lena Hoffmann', 'Felix Brandt', '2026-11-01', { interactions: 1, referrals: 0, business: 0 }],
      // introducedBy: dated by the first meeting, which counts (it is what the intro led to)
      ['Lena Hoffmann', 'Priya Natarajan', '2026-08-01', { interactions: 2, referrals: 0, business: 1 }],
    ]);
  });

  it('keeps those involving one person', () => {
    const felix = introsReport(j, TODAY, 'felix');
    expect([felix.made.length, felix.received.map((i) => i.to.name)]).toEqual([0, ['Felix Brandt']]);
    expect(introsReport(j, TODAY, 'lena').received).toHaveLength(2);
  });
});
