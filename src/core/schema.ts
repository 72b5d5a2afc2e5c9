import { Type, FormatRegistry, type Static, type TLiteral } from '@sinclair/typebox';
import { ITEM_TYPES, isDay, isKeyDay, isTimestamp, JOURNAL_VERSION, KINDS, MAX_DAYS, OWNERS } from './journal.js';

// The journal's file format (SPEC §2) as one schema: the TypeScript types and the validator
// come from the same definition, so they cannot drift apart.

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

