// Generates SPEC-shaped journals for the benchmark: seeded, so every run measures the same data.
// Shapes follow SPEC §2 and the sample journal: cadence tiers by tag, group meetings, events,
// give/ask items with notes, promises mostly kept (some late, some open).

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const FIRST = ('Ada Alex Amara Ana Arjun Ben Bea Carla Chen Chloe Dana Dev Diego Elena Eli Emma Farah Felix Gabe Grace Hana Hugo Ines Ivan ' +
  'Jade Jonas Kai Kenji Lara Leo Lena Liam Maya Marco Mei Mila Nadia Noah Nora Omar Olga Oscar Paula Priya Quinn Rafa Rosa Sam ' +
  'Sara Sofia Tariq Tessa Tomás Uma Victor Wen Xavier Yara Yusuf Zoe Amir Bianca Caleb Dmitri Esther Fatima Gustavo Helga Isaac ' +
  'Jasmine Kofi Lucia Mateo Nikhil Olivia Pedro Rania Stefan Tanvi Ugo Valeria Wanjiru Yosef Zainab Björn Chiara Dolores Émile ' +
  'Femi Giulia Hiro Ingrid Joaquín Kamala Lars Mónica Naveen Oren Pia').split(' ');
const LAST = ('Lee Okafor Reyes Natarajan Cole Duarte Hoffmann Stahl Nguyen Garcia Smith Kowalski Müller Rossi Tanaka Silva Khan ' +
  'Johansson Dubois Novak Park Costa Ibrahim Fischer Moreau Sato Haddad Mensah Petrov Larsen Walsh Kaur Bauer Romano Ito Cruz ' +
  'Adeyemi Lindqvist Fontaine Horvat Kim Ortiz Aziz Becker Conti Mori Santos Farouk Nilsson Laurent Varga Choi Medina Rahman ' +
  'Wagner Greco Suzuki Pereira Osei Berg Lambert Kovac Yoon Herrera Malik Richter Marino Kato Rocha Boateng Holm Girard Toth Jung ' +
  'Vargas Siddiqui Schulz Ricci Abe Alves Danso Strand Bernard Szabo Han Molina Qureshi Vogel Ferrari Ueda Lima Owusu Dahl Roux ' +
  'Kiss Shin Rojas Hussain Koch Bruno').split(' ');
const COMPANIES = ['Larchmont Ventures', 'Brightwater Logistics', 'Kestrel Health', 'Fenwick & Sons Bakery', 'Quillfeather', 'Harbor City Chamber',
  'Northwind Analytics', 'Blue Heron Design', 'Cobalt Legal', 'Maple Street Dental', 'Orbit Robotics', 'Saltmarsh Studio', 'Tidewater Bank',
  'Juniper Schools', 'Ironbridge Capital', 'Lumen Energy', 'Pinecrest Realty', 'Redwood Accounting', 'Silverline Media', 'Willow Clinic'];
const ROLES = ['Partner', 'COO', 'CEO', 'Head of Finance', 'Operations Director', 'Founder', 'Designer', 'Engineer', 'Recruiter', 'Consultant',
  'Product Manager', 'Sales Lead', 'Attorney', 'Accountant', 'Marketing Director', 'CTO'];
const SOURCES = ['Former colleague', 'Website contact form', 'Chamber breakfast', 'Conference', 'LinkedIn', 'Referral from a client',
  'Alumni network', 'Meetup', 'Cold email', 'Neighbour'];
const KINDS = ['meeting', 'coffee', 'meal', 'call', 'video', 'email', 'message', 'event', 'other'];
const KIND_WEIGHTS = [14, 18, 8, 20, 12, 14, 10, 3, 1];
const TYPES = ['intro', 'referral', 'advice', 'info', 'help', 'business', 'gift', 'other'];
const TYPE_WEIGHTS = [18, 6, 24, 22, 14, 3, 4, 2];
const NOTE_WORDS = ('hiring a designer pricing for the retainer quarterly planning the new warehouse site fundraising round board ' +
  'seat introductions to investors case study for the ops audit moving to Lisbon in spring kids started school product launch ' +
  'slipped two weeks looking for a bookkeeper wants feedback on the deck coffee at the corner place conference talk next month ' +
  'the merger fell through asked about our onboarding process shared a good article on pricing').split(' ');
const PROMISES = ['Send the case study', 'Intro to a designer', 'Share the pricing sheet', 'Get back with dates', 'Review the deck',
  'Send the article on onboarding', 'Book a follow-up lunch', 'Forward the job description', 'Check with the team about the pilot',
  'Send a one-page summary'];
const EVENTS = ['Chamber breakfast', 'Founders meetup', 'Ops summit', 'Design week mixer', 'Alumni dinner', 'Fintech forum', 'Health tech day'];

/** A small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

const FILLER = 'Talked about the market, hiring, a designer for the new site, and the next meetup. ';

/**
 * A journal with `interactions` interactions and `contacts` contacts, ending at `today`.
 * `noteLength` makes every interaction's note at least that long (many bytes in few records, for
 * the crash test's large file); the rest of the journal is the same without it.
 * Returns the journal object (keys already in the file's canonical order).
 */
export function generateJournal({ interactions: nInteractions, contacts: nContacts, today = '2026-11-20', seed = 42, noteLength = 0 }) {
  const r = rng(seed ^ nInteractions);
  const pick = (arr) => arr[Math.floor(r() * arr.length)];
  const weighted = (arr, weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = r() * total;
    for (let i = 0; i < arr.length; i++) if ((x -= weights[i]) < 0) return arr[i];
    return arr[arr.length - 1];
  };
  const usedIds = new Set();
  const newId = () => {
    for (;;) {
      let id = '';
      for (let i = 0; i < 8; i++) id += ALPHABET[Math.floor(r() * 32)];
      if (!usedIds.has(id)) return usedIds.add(id), id;
    }
  };
  const sentence = (min, max) => {
    const n = min + Math.floor(r() * (max - min + 1));
    const words = [];
    for (let i = 0; i < n; i++) words.push(pick(NOTE_WORDS));
    const s = words.join(' ');
    return s[0].toUpperCase() + s.slice(1);
  };
  const stamp = (day) => `${day}T${String(8 + Math.floor(r() * 12)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00.000Z`;

  // A journal grows over years: ~10k interactions a year at most, at least two years.
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const years = Math.min(12, Math.max(2, Math.round(nInteractions / 10_000) + 1));
  const startMs = todayMs - years * 365 * DAY_MS;

  // Contacts: unique names, a cadence tier each (by tag, own cadence, or the default).
  const names = new Set();
  const contacts = [];
  const weights = [];
  for (let n = 0; n < nContacts; n++) {
    let name;
    do name = `${pick(FIRST)} ${pick(LAST)}${names.size > FIRST.length * LAST.length * 0.6 ? ` ${pick(LAST)}` : ''}`;
    while (names.has(name));
    names.add(name);
    const tier = r();
    const tags = [];
    let cadenceDays;
    let weight;
    if (tier < 0.04) (tags.push('breakfast-club'), (weight = 30));
    else if (tier < 0.12) (tags.push(r() < 0.5 ? 'investor' : 'client'), (weight = 12));
    else if (tier < 0.55) weight = 4;
    else if (tier < 0.85) ((cadenceDays = 365), (weight = 1));
    else if (tier < 0.9) ((cadenceDays = null), (weight = 0.5));
    else ((cadenceDays = pick([7, 14, 42, 60, 180])), (weight = 700 / cadenceDays));
    if (r() < 0.2) tags.push(pick(['design', 'finance', 'health', 'logistics', 'alumni', 'friend']));
    // Early contacts are the old friends; the network grows over the years.
    const created = startMs + Math.floor(Math.pow(r(), 0.8) * (todayMs - startMs - 3 * DAY_MS));
    const c = { id: newId(), name, aliases: r() < 0.1 ? [name.split(' ')[0].slice(0, 3)] : [] };
    c.emails = r() < 0.8 ? [`${name.split(' ')[0].toLowerCase()}@example.com`] : [];
    c.phones = r() < 0.5 ? [`+1 503 555 ${String(Math.floor(r() * 10000)).padStart(4, '0')}`] : [];
    if (r() < 0.7) c.company = pick(COMPANIES);
    if (r() < 0.6) c.role = pick(ROLES);
    c.tags = tags;
    if (cadenceDays !== undefined) c.cadenceDays = cadenceDays;
    if (r() < 0.6) c.source = pick(SOURCES);
    if (r() < 0.3) c.notes = sentence(6, 20);
    if (r() < 0.02) c.snoozedUntil = dayOf(todayMs + Math.floor(r() * 60) * DAY_MS);
    c.createdAt = stamp(dayOf(created));
    c.archived = r() < 0.03;
    contacts.push(c);
    weights.push(weight);
    c._created = created;
  }
  // Cumulative weights for picking who an interaction is with.
  const cumulative = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w));
  const who = () => {
    const x = r() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return contacts[lo];
  };

  const events = [];
  const nEvents = Math.max(3, Math.round(nInteractions / 250));
  for (let n = 0; n < nEvents; n++) {
    const e = { id: newId(), name: `${pick(EVENTS)} ${n + 1}`, date: dayOf(startMs + Math.floor(r() * (todayMs - startMs))) };
    if (r() < 0.7) e.location = pick(['Pier 9 Hall', 'The Commons', 'Hotel Marlow', 'Online', 'City Library']);
    if (r() < 0.4) e.notes = sentence(5, 15);
    events.push(e);
  }

  const interactions = [];
  const promises = [];
  const items = (p, max) => {
    const out = [];
    while (out.length < max && r() < p) {
      const it = { type: weighted(TYPES, TYPE_WEIGHTS) };
      if (r() < 0.6) it.note = sentence(2, 6);
      out.push(it);
    }
    return out;
  };
  for (let n = 0; n < nInteractions; n++) {
    const first = who();
    const ids = [first.id];
    if (r() < 0.1) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      const other = who();
      if (!ids.includes(other.id)) ids.push(other.id);
    }
    // Skewed towards recent dates: people log more as the habit sets in.
    const from = first._created;
    const ms = from + Math.floor(Math.pow(r(), 0.7) * (todayMs - from));
    const date = dayOf(ms);
    const event = r() < 0.04 ? pick(events) : undefined;
    const i = { id: newId(), date, contactIds: ids, kind: event ? 'event' : weighted(KINDS, KIND_WEIGHTS) };
    if (r() < 0.45) i.note = sentence(4, 18);
    if (noteLength > 0 && (i.note ?? '').length < noteLength) {
      i.note = `${i.note ? `${i.note}. ` : ''}${FILLER.repeat(Math.ceil(noteLength / FILLER.length))}`.trim();
    }
    i.gave = items(0.45, 3);
    i.asked = items(0.25, 2);
    i.received = items(0.3, 2);
    if (event) i.eventId = event.id;
    i.createdAt = stamp(date);
    interactions.push(i);
    if (r() < 0.15) {
      const dueMs = ms + (1 + Math.floor(r() * 14)) * DAY_MS;
      const due = dayOf(dueMs);
      // Most promises get kept; the open ones are recent (an old one would have been closed or dropped).
      const age = (todayMs - dueMs) / DAY_MS;
      const done = age < 0 ? r() < 0.2 : age < 30 ? r() < 0.7 : r() < 0.997;
      promises.push({
        id: newId(),
        contactId: first.id,
        text: pick(PROMISES),
        due,
        createdAt: i.createdAt,
        doneOn: done ? dayOf(Math.min(todayMs, dueMs + (Math.floor(r() * 6) - 3) * DAY_MS)) : null,
        interactionId: i.id,
      });
    }
  }
  // The file keeps interactions in the order they were logged, roughly by date.
  interactions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const c of contacts) delete c._created;
  return {
    version: 1,
    settings: { defaultCadenceDays: 90, followUpDays: 2, tagCadences: { investor: 30, client: 30, 'breakfast-club': 14 } },
    contacts,
    interactions,
    promises,
    events,
  };
}

/** The text netlog itself would write for this journal. */
export function journalText(journal) {
  return JSON.stringify(journal, null, 2) + '\n';
}
