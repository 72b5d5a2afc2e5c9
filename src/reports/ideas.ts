import type { Journal } from '../core/schema.js';
import type { Day } from '../core/dates.js';
import { compareDays, compareNames, firstName } from '../core/names.js';
import { openWants } from '../core/wants.js';
import { contactStats, statsFor } from '../core/stats.js';
import { candidatesFor, FIELD_WEIGHT, introducedPairs, MatchIndex } from '../core/matching.js';

// `netlog ideas` (SPEC §6.3): for each open want, the people who fit it, best first, with why;
// and for each person you owe, something concrete to give, drawn from what they want.

/** Candidates listed per want. */
export const CANDIDATES = 5;

export interface Candidate {
  contactId: string;
  name: string;
  why: string;
  /** For --explain: the points it scored (tag or role 3, company 2, notes 1, +1 per other field). */
  score: number;
}

export interface Idea {
  wantId: string;
  contactId: string;
  name: string;
  want: string;
  since: Day;
  /** Your balance with them: below zero, you owe them, and their wants come first. */
  balance: number;
  candidates: Candidate[];
}

export interface Owed {
  contactId: string;
  name: string;
  balance: number;
  /** Something concrete to give them. */
  give: string;
}

export interface IdeasReport {
  today: Day;
  ideas: Idea[];
  owed: Owed[];
}

export const SCORING = `points per word of the want: tag or role ${FIELD_WEIGHT.tag}, company ${FIELD_WEIGHT.company}, notes ${FIELD_WEIGHT.notes}, +1 for each other field with the word; plurals, case and accents folded; people already introduced to them are left out`;

export function ideasReport(journal: Journal, today: Day): IdeasReport {
  const index = new MatchIndex(journal);
  const introduced = introducedPairs(journal);
  const stats = contactStats(journal, { to: today });
  const ideas: Idea[] = [];
  const owed: Owed[] = [];
  for (const c of journal.contacts) {
    if (c.archived) continue;
    const balance = statsFor(stats, c.id).balance;
    const mine: Idea[] = openWants(c, today).map((w) => ({
      wantId: w.id,
      contactId: c.id,
      name: c.name,
      want: w.text,
      since: w.since,
      balance,
      candidates: candidatesFor(index, c, w, introduced)
        .slice(0, CANDIDATES)
        .map((f) => ({ contactId: f.contact.id, name: f.contact.name, why: f.why, score: f.score })),
    }));
    ideas.push(...mine);
    if (balance < 0) {
      const first = firstName(c.name);
      const withFit = mine.find((i) => i.candidates.length > 0);
      const give = withFit
        ? `introduce ${first} to ${withFit.candidates[0]!.name} (${withFit.candidates[0]!.why}) — ${first} wants ${withFit.want}`
        : mine[0]
          ? `help with what ${first} wants: ${mine[0].want}`
          : `ask what they are looking for, and record it: netlog add "${c.name}" --wants …`;
      owed.push({ contactId: c.id, name: c.name, balance, give });
    }
  }
  // People you owe first, then wants someone fits, then the newest.
  ideas.sort(
    (a, b) =>
      Number(b.balance < 0) - Number(a.balance < 0) ||
      (a.balance < 0 && b.balance < 0 ? a.balance - b.balance : 0) ||
      Number(b.candidates.length > 0) - Number(a.candidates.length > 0) ||
      compareDays(b.since, a.since) ||
      compareNames(a.name, b.name),
  );
  owed.sort((a, b) => a.balance - b.balance || compareNames(a.name, b.name));
  return { today, ideas, owed };
}
