import { describe, expect, it } from 'vitest';
import { effectiveCadence } from '../../src/core/cadence.js';
import { setDefaults, setSnooze, setTagCadence } from '../../src/core/cadence-edits.js';
import type { Contact } from '../../src/core/schema.js';
import { resolveSettings } from '../../src/core/journal.js';
import { tagCadenceList, tagCadenceRow } from '../../src/reports/tags.js';
import { contact, journal } from '../helpers/journal.js';

const NOW = '2026-11-20T12:00:00.000Z';

describe('effectiveCadence: contact > shortest tag > default', () => {
  const settings = resolveSettings({ defaultCadenceDays: 90, tagCadences: { investor: 30, 'breakfast-club': 14, dormant: null, Press: 60 } });
  it.each<[string, Partial<Contact>, number | null, string, string?]>([
    ['no tags: the default', {}, 90, 'default'],
    ['a tag without a cadence: the default', { tags: ['friend'] }, 90, 'default'],
    ['one tag', { tags: ['investor'] }, 30, 'tag', 'investor'],
    ['the shortest of several tags', { tags: ['investor', 'breakfast-club'] }, 14, 'tag', 'breakfast-club'],
    ['order of tags does not matter', { tags: ['breakfast-club', 'investor'] }, 14, 'tag', 'breakfast-club'],
    ['a never tier loses to a real one', { tags: ['dormant', 'investor'] }, 30, 'tag', 'investor'],
    ['a never tier alone: never', { tags: ['dormant'] }, null, 'tag', 'dormant'],
    // the tag is reported as the contact spells it
    ['tags match whatever their capitals', { tags: ['INVESTOR'] }, 30, 'tag', 'INVESTOR'],
    ['settings capitals too', { tags: ['press'] }, 60, 'tag', 'press'],
    ["the contact's own cadence beats its tags", { tags: ['breakfast-club'], cadenceDays: 60 }, 60, 'contact'],
    ["the contact's never beats its tags", { tags: ['investor'], cadenceDays: null }, null, 'contact'],
    ["the contact's own cadence beats the default", { cadenceDays: 7 }, 7, 'contact'],
  ])('%s', (_, extra, days, from, tag) => {
    const e = effectiveCadence(contact('c', 'C', extra), settings);
    expect(e.days).toBe(days);
    expect(e.from).toBe(from);
    expect(e.tag).toBe(tag);
  });

  it('uses the journal default when settings leave it out', () => {
    expect(effectiveCadence(contact('c', 'C'), resolveSettings({})).days).toBe(90);
  });
});

describe('cadence edits', () => {
  it('setSnooze sets and clears snoozedUntil', () => {
    const j = journal({ contacts: [contact('a', 'Ann')] });
    const on = setSnooze(j, 'a', '2026-12-01', NOW);
    expect(on.journal.contacts[0]!.snoozedUntil).toBe('2026-12-01');
    expect(j.contacts[0]!.snoozedUntil).toBeUndefined();
    const off = setSnooze(on.journal, 'a', null, NOW);
    expect(off.changed).toBe(true);
    expect('snoozedUntil' in off.journal.contacts[0]!).toBe(false);
    expect(setSnooze(off.journal, 'a', null, NOW)).toMatchObject({ changed: false, journal: off.journal });
  });

  it.each<[string, Record<string, number | null> | undefined, string, number | null | undefined, Record<string, number | null> | undefined, boolean]>([
    ['adds a tier', undefined, 'investor', 30, { investor: 30 }, true],
    ['sets never', { investor: 30 }, 'alumni', null, { investor: 30, alumni: null }, true],
    ['updates in place whatever the capitals', { Investor: 30 }, 'investor', 14, { Investor: 14 }, true],
    ['the same value changes nothing', { investor: 30 }, 'investor', 30, { investor: 30 }, false],
    ['clears one', { investor: 30, client: 30 }, 'INVESTOR', undefined, { client: 30 }, true],
    ['clearing the last drops the setting', { investor: 30 }, 'investor', undefined, undefined, true],
    ['clearing an unknown one changes nothing', { investor: 30 }, 'nope', undefined, { investor: 30 }, false],
  ])('setTagCadence %s', (_, before, tag, days, after, changed) => {
    const j = journal({ settings: before ? { tagCadences: before } : {} });
    const r = setTagCadence(j, tag, days);
    expect(r.changed).toBe(changed);
    expect(r.journal.settings.tagCadences).toEqual(after);
  });

  it('setDefaults sets only what is given', () => {
    const j = journal({ settings: { followUpDays: 2, tagCadences: { a: 7 } } });
    const r = setDefaults(j, { defaultCadenceDays: 60 });
    expect(r.journal.settings).toEqual({ followUpDays: 2, tagCadences: { a: 7 }, defaultCadenceDays: 60 });
    expect(setDefaults(r.journal, { followUpDays: 2 }).changed).toBe(false);
  });
});

describe('tag cadence rows', () => {
  const j = journal({
    settings: { defaultCadenceDays: 90, tagCadences: { investor: 30, ghost: null } },
    contacts: [contact('a', 'A', { tags: ['Investor', 'peer'] }), contact('b', 'B', { tags: ['peer'] }), contact('c', 'C', { tags: ['peer'], archived: true })],
  });
  it('lists set tiers first, then tags in use, counting active contacts', () => {
    expect(tagCadenceList(j)).toEqual([
      { tag: 'ghost', cadenceDays: null, set: true, contacts: 0 },
      { tag: 'investor', cadenceDays: 30, set: true, contacts: 1 },
      { tag: 'peer', cadenceDays: 90, set: false, contacts: 2 },
    ]);
  });
  it('shows one tag', () => {
    expect(tagCadenceRow(j, 'INVESTOR')).toEqual({ tag: 'investor', cadenceDays: 30, set: true, contacts: 1 });
  });
});
