import type { Contact, Interaction, Journal } from '../core/schema.js';
import type { Day } from '../core/dates.js';
import { localDayOfTimestamp } from '../core/dates.js';
import { compareDays, compareNames, REMOVED_NAME } from '../core/names.js';

// Introductions both ways (SPEC §6.3): the ones you made (a gave intro or referral with `link`)
// and the ones made for you (a contact's `introducedBy`, or a received intro with `link`), each
// with what came of it afterwards.

export interface Afterwards {
  /** Interactions with the person introduced, after the intro. */
  interactions: number;
  /** Referral and business items between you and either of them, after the intro. */
  referrals: number;
  business: number;
}

export interface Intro {
  /** "made": you introduced `from` to `to`; "received": `from` introduced you to `to`. */
  direction: 'made' | 'received';
  date: Day | null;
  from: { contactId: string; name: string };
  to: { contactId: string; name: string };
  note?: string;
  afterwards: Afterwards;
}

export interface IntrosReport {
  today: Day;
  made: Intro[];
  received: Intro[];
}

const ref = (c: Contact | undefined, id: string) => ({ contactId: id, name: c?.name ?? REMOVED_NAME });

/** Intros split into the ones you made and the ones made for you. */
export function introsByDirection(intros: readonly Intro[]): { made: Intro[]; received: Intro[] } {
  return { made: intros.filter((i) => i.direction === 'made'), received: intros.filter((i) => i.direction === 'received') };
}

/** What happened after `date` with `to` (interactions) and with either person (referrals, business). */
function afterwards(byContact: Map<string, Interaction[]>, date: Day | null, to: string, from: string): Afterwards {
  const out: Afterwards = { interactions: 0, referrals: 0, business: 0 };
  const seen = new Set<Interaction>();
  for (const id of [to, from]) {
    for (const i of byContact.get(id) ?? []) {
      if ((date !== null && i.date <= date) || seen.has(i)) continue;
      seen.add(i);
      if (i.contactIds.includes(to)) out.interactions += 1;
      for (const item of [...i.gave, ...i.received]) {
        if (item.for !== undefined && item.for !== to && item.for !== from) continue;
        if (item.type === 'referral') out.referrals += 1;
        else if (item.type === 'business') out.business += 1;
      }
    }
  }
  return out;
}

/** Every introduction in the journal, both ways; `only` keeps those involving one person. */
export function introsReport(journal: Journal, today: Day, only?: string): IntrosReport {
  const contacts = new Map(journal.contacts.map((c) => [c.id, c]));
  const byContact = new Map<string, Interaction[]>();
  const firstTouch = new Map<string, Day>();
  for (const i of journal.interactions) {
    for (const id of i.contactIds) {
      let list = byContact.get(id);
      if (!list) byContact.set(id, (list = []));
      list.push(i);
      const f = firstTouch.get(id);
      if (f === undefined || i.date < f) firstTouch.set(id, i.date);
    }
  }
  const made: Intro[] = [];
  const received: Intro[] = [];
  // Who is involved is known before what came of it, which is the costly part: a brief asks for one person's.
  const involves = (from: string, to: string) => only === undefined || from === only || to === only;
  const receivedPairs = new Set<string>();
  const madePairs = new Set<string>();
  for (const i of journal.interactions) {
    for (const [list, direction] of [[i.gave, 'made'], [i.received, 'received']] as const) {
      for (const item of list) {
        if (item.link === undefined || (item.type !== 'intro' && item.type !== 'referral')) continue;
        const people = item.for !== undefined ? [item.for] : i.contactIds;
        for (const from of people) {
          if (from === item.link) continue;
          if (direction === 'received') {
            if (receivedPairs.has(`${from} ${item.link}`)) continue;
            receivedPairs.add(`${from} ${item.link}`);
          } else {
            // One intro may be recorded on both people (`add --intro`): count the pair once a day.
            const pair = from < item.link ? `${i.date} ${from} ${item.link}` : `${i.date} ${item.link} ${from}`;
            if (madePairs.has(pair)) continue;
            madePairs.add(pair);
          }
          if (!involves(from, item.link)) continue;
          const intro: Intro = {
            direction,
            date: i.date,
            from: ref(contacts.get(from), from),
            to: ref(contacts.get(item.link), item.link),
            ...(item.note ? { note: item.note } : {}),
            afterwards: afterwards(byContact, i.date, item.link, from),
          };
          (direction === 'made' ? made : received).push(intro);
        }
      }
    }
  }
  for (const c of journal.contacts) {
    if (!c.introducedBy || receivedPairs.has(`${c.introducedBy} ${c.id}`) || !involves(c.introducedBy, c.id)) continue;
    const date = firstTouch.get(c.id) ?? localDayOfTimestamp(c.createdAt);
    // Counted from the first meeting on: that meeting is what the intro led to.
    received.push({
      direction: 'received',
      date,
      from: ref(contacts.get(c.introducedBy), c.introducedBy),
      to: ref(c, c.id),
      afterwards: afterwards(byContact, null, c.id, c.introducedBy),
    });
  }
  const order = (a: Intro, b: Intro) => compareDays(b.date ?? '', a.date ?? '') || compareNames(a.to.name, b.to.name);
  return { today, made: made.sort(order), received: received.sort(order) };
}
