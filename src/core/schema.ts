import { Type, FormatRegistry, type Static, type TLiteral } from '@sinclair/typebox';

// The journal's file format (SPEC §2) as one schema: the TypeScript types and the validator
// come from the same definition, so they cannot drift apart.

export const JOURNAL_VERSION = 1;

export const KINDS = ['meeting', 'coffee', 'meal', 'call', 'video', 'email', 'message', 'event', 'other'] as const;
export const ITEM_TYPES = ['intro', 'referral', 'advice', 'info', 'help', 'business', 'gift', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export type ItemType = (typeof ITEM_TYPES)[number];

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

FormatRegistry.Set('day', isDay);
FormatRegistry.Set('timestamp', (v) => !Number.isNaN(Date.parse(v)));

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

const Day = Type.String({ format: 'day' });
const Timestamp = Type.String({ format: 'timestamp' });
const Id = Type.String({ minLength: 1 });
const Text = Type.String();

export const ItemSchema = Type.Object({
  type: literals(ITEM_TYPES),
  note: Type.Optional(Text),
});

export const ContactSchema = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  aliases: Type.Array(Text),
  emails: Type.Array(Text),
  phones: Type.Array(Text),
  company: Type.Optional(Text),
  role: Type.Optional(Text),
  tags: Type.Array(Text),
  cadenceDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  source: Type.Optional(Text),
  notes: Type.Optional(Text),
  snoozedUntil: Type.Optional(Day),
  createdAt: Timestamp,
  archived: Type.Boolean(),
});

export const InteractionSchema = Type.Object({
  id: Id,
  date: Day,
  contactIds: Type.Array(Id, { minItems: 1 }),
  kind: literals(KINDS),
  note: Type.Optional(Text),
  gave: Type.Array(ItemSchema),
  asked: Type.Array(ItemSchema),
  received: Type.Array(ItemSchema),
  eventId: Type.Optional(Id),
  createdAt: Timestamp,
});

export const PromiseSchema = Type.Object({
  id: Id,
  contactId: Id,
  text: Type.String({ minLength: 1 }),
  due: Day,
  createdAt: Timestamp,
  doneOn: Type.Union([Day, Type.Null()]),
  interactionId: Type.Optional(Id),
});

export const EventSchema = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  date: Day,
  location: Type.Optional(Text),
  notes: Type.Optional(Text),
});

export const SettingsSchema = Type.Object({
  defaultCadenceDays: Type.Optional(Type.Integer({ minimum: 1 })),
  followUpDays: Type.Optional(Type.Integer({ minimum: 0 })),
  tagCadences: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]))),
});

export const JournalSchema = Type.Object({
  version: Type.Literal(JOURNAL_VERSION),
  settings: SettingsSchema,
  contacts: Type.Array(ContactSchema),
  interactions: Type.Array(InteractionSchema),
  promises: Type.Array(PromiseSchema),
  events: Type.Array(EventSchema),
});

export type Item = Static<typeof ItemSchema>;
export type Contact = Static<typeof ContactSchema>;
export type Interaction = Static<typeof InteractionSchema>;
export type NetPromise = Static<typeof PromiseSchema>;
export type NetEvent = Static<typeof EventSchema>;
export type Settings = Static<typeof SettingsSchema>;
export type Journal = Static<typeof JournalSchema>;

/** Settings with every default filled in. */
export interface ResolvedSettings {
  defaultCadenceDays: number;
  followUpDays: number;
  tagCadences: Record<string, number | null>;
}

export function resolveSettings(s: Settings): ResolvedSettings {
  return {
    defaultCadenceDays: s.defaultCadenceDays ?? 90,
    followUpDays: s.followUpDays ?? 2,
    tagCadences: s.tagCadences ?? {},
  };
}

/** A journal with nothing in it: what a missing file means. */
export function emptyJournal(): Journal {
  return { version: JOURNAL_VERSION, settings: {}, contacts: [], interactions: [], promises: [], events: [] };
}
