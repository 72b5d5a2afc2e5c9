import type { Interaction, Item } from './schema.js';

// The one counting rule for every report (SPEC §6.1): an item counts once in totals, and once for
// each person it is for — its `for` when it has one, else everyone present. So a piece of advice
// given to a table of three counts once in the totals and once on each of the three people's rows,
// while `advice@Sam` counts once in the totals and only on Sam's row. An item may be for someone
// who was not there (the person an intro connected them with): it counts on that person's row,
// without an interaction.

/** Whether `item` counts for this person, in an interaction with these people present. */
export function countsFor(item: Item, contactId: string, present: readonly string[]): boolean {
  return item.for === undefined ? present.includes(contactId) : item.for === contactId;
}

/** How many of the items count for this person. */
export function countFor(items: readonly Item[], contactId: string, present: readonly string[]): number {
  let n = 0;
  for (let k = 0; k < items.length; k++) if (countsFor(items[k]!, contactId, present)) n++;
  return n;
}

/** How many of the items count for at least one of `people` (each item once: the totals' count). */
export function countForAny(items: readonly Item[], people: ReadonlySet<string>, present: readonly string[]): number {
  let n = 0;
  for (let k = 0; k < items.length; k++) {
    const f = items[k]!.for;
    if (f === undefined ? present.some((id) => people.has(id)) : people.has(f)) n++;
  }
  return n;
}

/** True when some item names whom it is for (the slow path of a tally is needed). */
export function hasTargets(i: Interaction): boolean {
  return anyFor(i.gave) || anyFor(i.asked) || anyFor(i.received);
}

function anyFor(items: readonly Item[]): boolean {
  for (let k = 0; k < items.length; k++) if (items[k]!.for !== undefined) return true;
  return false;
}

/** People items are for who were not in the interaction. */
export function absentTargets(i: Interaction): string[] {
  const out: string[] = [];
  for (const list of [i.gave, i.asked, i.received]) {
    for (const item of list) if (item.for !== undefined && !i.contactIds.includes(item.for) && !out.includes(item.for)) out.push(item.for);
  }
  return out;
}

/** The names of the people an interaction's items are for or link to, by id (for showing them). */
export function itemNames(i: Interaction, nameOf: (id: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const list of [i.gave, i.asked, i.received]) {
    for (const item of list) {
      for (const id of [item.for, item.link]) {
        if (id === undefined || id in out) continue;
        const name = nameOf(id);
        if (name !== undefined) out[id] = name;
      }
    }
  }
  return out;
}
