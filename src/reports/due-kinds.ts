import type { DueItem } from './due.js';

// The kinds of item a due list holds, in the order it lists them. A module of its own, with no
// code to load: a kept answer (due-answer.ts) checks its items against it before the list's
// modules are loaded.

export const DUE_KINDS = ['promise', 'check-in', 'date', 'follow-up', 'touch'] as const satisfies readonly DueItem['type'][];

export type DueKind = (typeof DUE_KINDS)[number];

// Every kind a DueItem can be is listed (a compile-time check).
const everyKind: Exclude<DueItem['type'], DueKind> extends never ? true : never = true;
void everyKind;
