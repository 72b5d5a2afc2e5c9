import type { ContactStats } from './stats.js';

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
