import { describe, expect, it } from 'vitest';
import { cleanName, contactNamer, didYouMean, editDistance, hasInvisible, nameKey, REMOVED_NAME, resolveName, typoOf, type Resolution } from '../../src/core/names.js';
import { person } from '../helpers/journal.js';

// How typed names find people (SPEC §4 `add`), for every command that takes a name.

const contacts = [
  person('Inês Carvalho', { id: 'ines', aliases: ['Ines C'] }),
  person('Miriam Okafor', { id: 'miriam', aliases: ['Mim'] }),
  person('Sam Lee', { id: 'samlee' }),
  person('Sam Ortiz', { id: 'samortiz' }),
  person('Tomás Reyes', { id: 'tomas' }),
  person('Jasper Quinn', { id: 'jasper', archived: true }),
  person('Jasper Doyle', { id: 'jasperd' }),
  person('Owen Gallagher', { id: 'owen' }),
  person('Owen Marsh', { id: 'owenm', archived: true }),
  person('Kenji Mori', { id: 'kenji', archived: true }),
  person('Al Bo', { id: 'albo' }),
  person('Zoë Ng', { id: 'zoe1' }),
  person('Zoe Ng', { id: 'zoe2' }),
];

/** A resolution in one short string: "exact:ines", "ambiguous:samlee,samortiz", "none". */
function show(r: Resolution): string {
  switch (r.kind) {
    case 'exact':
    case 'first':
      return `${r.kind}:${r.contact.id}`;
    case 'ambiguous':
    case 'near':
      return `${r.kind}:${r.candidates.map((c) => c.id).join(',')}`;
    case 'none':
      return 'none';
  }
}

describe('resolveName', () => {
  it.each([
    // exact name, any case, spacing
    ['Miriam Okafor', 'exact:miriam'],
    ['miriam okafor', 'exact:miriam'],
    ['  MIRIAM   Okafor ', 'exact:miriam'],
    // alias
    ['Mim', 'exact:miriam'],
    ['mim', 'exact:miriam'],
    ['ines c', 'exact:ines'],
    // accents either way
    ['Ines Carvalho', 'exact:ines'],
    ['Inês Carvalho', 'exact:ines'],
    ['INÊS', 'first:ines'],
    ['Ines', 'first:ines'],
    ['Tomas Reyes', 'exact:tomas'],
    ['tomas', 'first:tomas'],
    // decomposed accents (NFD) as some keyboards send them
    ['Ine\u0302s', 'first:ines'],
    // unique first name
    ['Miriam', 'first:miriam'],
    ['owen', 'first:owen'], // the archived Owen does not make it ambiguous
    ['Jasper', 'first:jasperd'], // nor the archived Jasper
    // ambiguous
    ['Sam', 'ambiguous:samlee,samortiz'],
    ['sam', 'ambiguous:samlee,samortiz'],
    ['Zoe Ng', 'ambiguous:zoe1,zoe2'], // two people whose names differ only by an accent
    // archived contacts are still found by name
    ['Jasper Quinn', 'exact:jasper'],
    ['Kenji', 'first:kenji'],
    ['kenji mori', 'exact:kenji'],
    // likely typos
    ['Miriam Okafr', 'near:miriam'],
    ['Mirian', 'near:miriam'],
    ['Tomas Reye', 'near:tomas'],
    ['Sam Le', 'near:samlee'],
    ['Kenjii', 'near:kenji'],
    // short names: a letter left out, or two letters swapped
    ['Kenj', 'near:kenji'],
    ['Owne', 'near:owen'],
    // too short to call a typo; unrelated names
    ['Sal', 'none'],
    ['Al', 'first:albo'],
    ['Alf', 'none'], // three letters: an extra letter or another letter is not a typo
    ['Mrm', 'none'],
    ['Al Bo', 'exact:albo'],
    ['Priya', 'none'],
    ['Dana Lee', 'none'],
    ['', 'none'],
    ['   ', 'none'],
  ])('%j → %s', (input, expected) => {
    expect(show(resolveName(contacts, input))).toBe(expected);
  });

  it('prefers an active contact over an archived one with the same name', () => {
    const list = [person('Pat Kim', { id: 'old', archived: true }), person('Pat Kim', { id: 'new' })];
    expect(show(resolveName(list, 'pat kim'))).toBe('exact:new');
    expect(show(resolveName([list[0]!], 'pat kim'))).toBe('exact:old');
  });
});

describe('nameKey and editDistance', () => {
  it.each([
    ['Inês', 'ines'],
    ['  Dana   LEE ', 'dana lee'],
    ['Zoë', 'zoe'],
    ['Ine\u0302s', 'ines'],
  ])('nameKey(%j) = %j', (input, key) => expect(nameKey(input)).toBe(key));

  it.each([
    ['kitten', 'sitting', 3],
    ['mirian', 'miriam', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
    ['sma', 'sam', 1], // a swap of neighbours is one edit
    ['dna', 'dana', 1],
  ])('editDistance(%j, %j) = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('stops early past the budget', () => expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3));
});

describe('nameKey ignores what nobody can see', () => {
  it.each([
    ['Dana\u200bLee', 'dana lee'],
    ['Dana\u200c Lee', 'dana lee'],
    ['Dana Lee\u{e0020}\u{e007f}', 'dana lee'],
    ['D\u00adana Lee', 'dana lee'],
    ['Dana\u2060 Lee\u180e', 'dana lee'],
    ['Zoë\ufe0f', 'zoe'],
  ])('%j → %s', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });
});

describe('hasInvisible', () => {
  it.each([
    ['Dana\u200bLee', true],
    ['Dana Lee\u{e0041}', true],
    ['Dana Lee', false],
    ['Dana 👩\u200d💻', false],
    ['Dana ❤\ufe0f', false],
    ['Dana\u200d Lee', true],
  ])('%j → %s', (name, yes) => {
    expect(hasInvisible(name)).toBe(yes);
  });
});

describe('cleanName', () => {
  it.each([
    ['  Dana   Lee ', 'Dana Lee'],
    ['Dana\tLee', 'Dana Lee'],
    ['Tomás Reyes', 'Tomás Reyes'],
    ['dana lee', 'dana lee'],
    ['', ''],
  ])('%j → %j (the one cleaning for add, contact add, import and typed names)', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
  });
});

describe('didYouMean: the one suggestion for a mistyped command, option or subcommand', () => {
  const commands = ['add', 'due', 'done', 'report', 'contact', 'contacts', 'history', 'log', 'help'];
  const options = ['--date', '--kind', '--note', '--json', '--tag', '--limit', '--help'];
  it.each([
    ['dux', commands, 'did you mean due?'],
    ['histroy', commands, 'did you mean history?'],
    ['contcat', commands, 'did you mean contact?'],
    ['bogus', commands, undefined],
    ['--dat', options, 'did you mean --date?'],
    ['--tga', options, 'did you mean --tag?'],
    ['--jsn', options, 'did you mean --json?'],
    ['--nothing-like-it', options, undefined],
    ['shwo', ['add', 'show', 'edit', 'merge', 'rm'], 'did you mean show?'],
    ['frob', ['add', 'show', 'edit', 'merge', 'rm'], undefined],
    ['dne', ['due', 'done'], 'did you mean one of done, due?'],
  ])('%s → %s', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('shwo', 'show')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'ca')).toBe(3);
  });
});

describe('contactNamer', () => {
  it("names an id by its contact, and an id no contact has as removed (every list says the same)", () => {
    const name = contactNamer([person('Ann Archer', { id: 'a' })]);
    expect(name('a')).toBe('Ann Archer');
    expect(name('gone')).toBe(REMOVED_NAME);
    expect(REMOVED_NAME).toBe('(removed)');
  });
});

describe('typoOf (event names)', () => {
  const events = ['Demo Night', 'Chamber Breakfast', 'Demo Night', 'Book Club'];
  it.each([
    ['demo nite', ['Demo Night']],
    ['Chamber Brekfast', ['Chamber Breakfast']],
    ['DEMO  night', []],
    ['Démo Night', []],
    ['Chess Evening', []],
    ['Tech Club', []],
    ['Demo Day', []],
    ['Demo Nihgt', ['Demo Night']],
    ['demonight', ['Demo Night']],
    ['', []],
  ] as const)('%j → %j', (input, near) => {
    expect(typoOf(input, events)).toEqual(near);
  });
});
