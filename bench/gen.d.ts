// Types for gen.js, so the test that checks the benchmark's journals can import it.
import type { Journal } from '../src/core/schema.js';

export function generateJournal(opts: { interactions: number; contacts: number; today?: string; seed?: number; noteLength?: number }): Journal;
export function journalText(journal: Journal): string;
