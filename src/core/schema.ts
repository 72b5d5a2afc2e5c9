import { Type, FormatRegistry, type Static, type TLiteral } from '@sinclair/typebox';

// The journal's file format (SPEC §2) as one schema: the TypeScript types and the validator
// come from the same definition, so they cannot drift apart.

export const JOURNAL_VERSION = 1;

/** Cadences and other counts of days stop at a century: beyond that, date arithmetic stops making sense. */
export const MAX_DAYS = 36_500;

export const KINDS = ['meeting', 'coffee', 'meal', 'call', 'video', 'email', 'message', 'event', 'other'] as const;
export const ITEM_TYPES = ['intro', 'referral', 'advice', 'info', 'help', 'business', 'gift', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export type ItemType = (typeof ITEM_TYPES)[number];

const digit = (s: string, i: number) => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** The number made of the digits s[from, to), or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = digit(s, i);
    if (d < 0) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Every date in the journal is checked on every read (100k interactions → 200k checks), so these
// read characters instead of running a regex and building a Date.

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isDay(value: string): boolean {
  return value.length === 10 && isDayAt(value, 0);
}

/** A real YYYY-MM-DD date at s[at, at + 10). */
function isDayAt(s: string, at: number): boolean {
  if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 7) !== 45) return false;
  const y = digits(s, at, at + 4);
  const mo = digits(s, at + 5, at + 7);
  const d = digits(s, at + 8, at + 10);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The form netlog writes (toISOString): YYYY-MM-DDTHH:MM:SS.sssZ, checked without Date.parse. */
function isIsoStamp(v: string): boolean {
  if (v.length !== 24 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(19) !== 46 || v.charCodeAt(23) !== 90) return false;
  const h = digits(v, 11, 13);
  const mi = digits(v, 14, 16);
  const sec = digits(v, 17, 19);
  return isDayAt(v, 0) && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && digits(v, 20, 23) >= 0;
}

/** A key date: YYYY-MM-DD, or --MM-DD when the year is unknown (as vCard writes it; --02-29 allowed). */
export function isKeyDay(value: string): boolean {
  // --MM-DD is 7 characters; it is checked as a day of 2000 (a leap year, so --02-29 passes).
  if (value.length === 7) return value.charCodeAt(0) === 45 && value.charCodeAt(1) === 45 && isDayAt(`2000${value.slice(1)}`, 0);
  return value.length === 10 && isDayAt(value, 0);
}

/** Any timestamp Date.parse accepts; the usual form is checked fast. */
export function isTimestamp(v: string): boolean {
  return isIsoStamp(v) || !Number.isNaN(Date.parse(v));
}

FormatRegistry.Set('day', isDay);
FormatRegistry.Set('timestamp', isTimestamp);
FormatRegistry.Set('keyday', isKeyDay);

const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

const Day = Type.String({ format: 'day' });
const Timestamp = Type.String({ format: 'timestamp' });
const Id = Type.String({ minLength: 1 });
const Text = Type.String();
const KeyDay = Type.String({ format: 'keyday' });
/** SPEC §6.1: the time of a record's last change; absent on old records means createdAt. */
const UpdatedAt = Type.Optional(Timestamp);

export const OWNERS = ['me', 'them'] as const;
export type Owner = (typeof OWNERS)[number];

export const ItemSchema = Type.Object({
  type: literals(ITEM_TYPES),
  note: Type.Optional(Text),
  /** In a group, the one person the item was for (absent: everyone in the interaction). */
  for: Type.Optional(Id),
  /** An intro or referral: the person it connected them with. */
  link: Type.Optional(Id),
});

export const KeyDateSchema = Type.Object({
  label: Type.String({ minLength: 1 }),
  date: KeyDay,
});

export const WantSchema = Type.Object({
  id: Id,
  text: Type.String({ minLength: 1 }),
  since: Day,
  metOn: Type.Union([Day, Type.Null()]),
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
  cadenceDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: MAX_DAYS }), Type.Null()])),
  source: Type.Optional(Text),
  notes: Type.Optional(Text),
  snoozedUntil: Type.Optional(Day),
  dates: Type.Optional(Type.Array(KeyDateSchema)),
  introducedBy: Type.Optional(Id),
  wants: Type.Optional(Type.Array(WantSchema)),
  createdAt: Timestamp,
  updatedAt: UpdatedAt,
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
  /** Where it came from when imported (a calendar event's UID), so a second import adds nothing. */
  source: Type.Optional(Text),
  createdAt: Timestamp,
  updatedAt: UpdatedAt,
});

export const PromiseSchema = Type.Object({
  id: Id,
  contactId: Id,
  text: Type.String({ minLength: 1 }),
  due: Day,
  createdAt: Timestamp,
  updatedAt: UpdatedAt,
  doneOn: Type.Union([Day, Type.Null()]),
  /** No longer needed: neither kept nor broken, never due. */
  droppedOn: Type.Optional(Type.Union([Day, Type.Null()])),
  /** Absent or "me": you promised them; "them": they promised you. */
  owner: Type.Optional(literals(OWNERS)),
  interactionId: Type.Optional(Id),
});

export const EventSchema = Type.Object({
  id: Id,
  name: Type.String({ minLength: 1 }),
  date: Day,
  location: Type.Optional(Text),
  notes: Type.Optional(Text),
  createdAt: Type.Optional(Timestamp),
  updatedAt: UpdatedAt,
});

export const SettingsSchema = Type.Object({
  defaultCadenceDays: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DAYS })),
  followUpDays: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DAYS })),
  tagCadences: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Integer({ minimum: 1, maximum: MAX_DAYS }), Type.Null()]))),
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
export type KeyDate = Static<typeof KeyDateSchema>;
export type Want = Static<typeof WantSchema>;
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
