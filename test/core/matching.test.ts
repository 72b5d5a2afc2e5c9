import { describe, expect, it } from 'vitest';
import { candidatesFor, introducedPairs, MatchIndex, stem, words } from '../../src/core/matching.js';
import { contact, journal, meeting } from '../helpers/journal.js';
import type { Contact } from '../../src/core/schema.js';

describe('stem and words', () => {
  it.each([
    ['designers', 'designer'],
    ['agencies', 'agency'],
    ['boxes', 'box'],
    ['churches', 'church'],
    ['addresses', 'address'],
    ['business', 'business'],
    ['analysis', 'analysis'],
    ['status', 'status'],
    ['design', 'design'],
    ['CFOs'.toLowerCase(), 'cfo'],
  ])('%s → %s', (w, s) => expect(stem(w)).toBe(s));

  it('folds case and accents, drops filler words', () => {
    expect(words('Looking for a Designer in Lisboa, São Paulo or Zürich')).toEqual(['designer', 'lisboa', 'sao', 'paulo', 'zurich']);
    expect(words('an intro to someone')).toEqual([]);
  });
});

const who = (c: Contact[]) => c.map((x) => x.name);

describe('fits: wants × profiles', () => {
  const people = [
    contact('sam', 'Sam Ortiz', { tags: ['designer'], role: 'Freelance brand designer' }),
    contact('ana', 'Ana Lima', { tags: ['Designers'] }),
    contact('dev', 'Dev Patel', { role: 'Design lead', company: 'Northwind' }),
    contact('rui', 'Rui Costa', { notes: 'Moved to Lisbon last year; knows the flat market there.' }),
    contact('eve', 'Eve Ng', { role: 'CTO', company: 'Lisburn Labs' }),
    contact('kim', 'Kim Roe', { role: 'CFO', company: 'Kestrel Health' }),
    contact('ada', 'Ada Fox', { tags: ['agency'], company: 'Fox Marketing Agency' }),
    contact('old', 'Old Pal', { tags: ['designer'], archived: true }),
    contact('jon', 'Jon Market', { role: 'Developer' }),
  ];
  const index = new MatchIndex(journal({ contacts: people }));

  it.each<[string, string[]]>([
    ['a designer', ['Sam Ortiz', 'Ana Lima']], // the tag and role beat the tag alone; the "Design lead" is a near miss
    ['Designers for a rebrand', ['Sam Ortiz', 'Ana Lima']],
    ['a flat in Lisbon', ['Rui Costa']], // "Lisburn" is not Lisbon
    ['an intro to a CFO', ['Kim Roe']], // not the CTO
    ['marketing agencies', ['Ada Fox']],
    ['someone in development', []], // "Developer" and "Design" are other words
    ['a market analysis', ['Rui Costa']], // notes say "market"; Jon Market's name is not his profile
    ['', []],
  ])('%j → %j', (want, expected) => {
    expect(who(index.fits(want).map((f) => f.contact))).toEqual(expected);
  });

  it('says why, in the words of the profile', () => {
    const [sam, ana] = index.fits('a designer');
    expect(sam!.why).toBe('tagged designer; role Freelance brand designer');
    expect(sam!.score).toBeGreaterThan(ana!.score);
    expect(ana!.why).toBe('tagged Designers');
    expect(index.fits('a flat in Lisbon')[0]!.why).toBe('notes mention "flat", "lisbon"');
    expect(index.fits('the CFO')[0]!.why).toBe('role CFO');
  });

  it('a brand designer ranks the brand designer first', () => {
    const fits = index.fits('a brand designer');
    expect(fits[0]!.contact.name).toBe('Sam Ortiz');
    expect(fits[0]!.why).toBe('role Freelance brand designer; tagged designer');
  });
});

describe('candidatesFor', () => {
  it('leaves out the person themself and anyone already introduced to them', () => {
    const dana = contact('dana', 'Dana Lee', { tags: ['designer'] });
    const sam = contact('sam', 'Sam Ortiz', { tags: ['designer'] });
    const ana = contact('ana', 'Ana Lima', { tags: ['designer'] });
    const bea = contact('bea', 'Bea Cruz', { tags: ['designer'], introducedBy: 'dana' });
    const j = journal({
      contacts: [dana, sam, ana, bea],
      interactions: [meeting('i1', '2026-10-01', ['dana'], { gave: [{ type: 'intro', note: 'to Sam', link: 'sam' }] })],
    });
    const want = { id: 'w1', text: 'a designer', since: '2026-09-01', metOn: null };
    expect(candidatesFor(new MatchIndex(j), dana, want, introducedPairs(j)).map((f) => f.contact.name)).toEqual(['Ana Lima']);
  });
});
