import type { ContactStats } from './stats.js';
import { addDays, monthName } from './dates.js';

// Visibility → credibility → profitability (SPEC §4): six meetings make a relationship, a broken
// promise holds it back, and a referral or business passing between you makes it profitable.

export const STAGES = ['visibility', 'credibility', 'profitability'] as const;
export type Stage = (typeof STAGES)[number];
export const RELATIONSHIP_MEETINGS = 6;

export function stageOf(stats: Pick<ContactStats, 'interactions' | 'valueExchanged'>, overduePromises: number): Stage {
  if (stats.interactions < RELATIONSHIP_MEETINGS || overduePromises > 0) return 'visibility';
  return stats.valueExchanged ? 'profitability' : 'credibility';
}

export function isStage(text: string): text is Stage {
  return (STAGES as readonly string[]).includes(text);
}

/**
 * When a contact in visibility would reach credibility at their rhythm: the meetings still needed,
 * one per cadence from when the next is due (never before today). Undefined from six meetings on
 * (held back only by an overdue promise, if at all); "no rhythm set" when their cadence is never.
 */
export function stagePlan(
  interactions: number,
  overduePromises: number,
  cadence: { days: number | null; description: string },
  nextDue: string | null,
  today: string,
): string | undefined {
  const left = RELATIONSHIP_MEETINGS - interactions;
  // Past six meetings, what holds them back is an overdue promise, which `progress` already says.
  if (left <= 0) return undefined;
  const progress = `${interactions}/${RELATIONSHIP_MEETINGS} meetings`;
  if (cadence.days === null || nextDue === null) return `${progress}; ${left} more to reach credibility (no rhythm set)`;
  const first = nextDue > today ? nextDue : today;
  const by = addDays(first, cadence.days * (left - 1));
  const month = monthName(by);
  const when = by.slice(0, 4) === today.slice(0, 4) ? month : `${month} ${by.slice(0, 4)}`;
  const rhythm = cadence.description.startsWith('every ') ? `at one meeting ${cadence.description}` : `at your ${cadence.description} rhythm`;
  return `${progress}; ${rhythm}, credibility by ${when}`;
}
