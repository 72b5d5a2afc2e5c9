import type { Contact, Item } from '../../core/schema.js';
import { localDayOfTimestamp, type Day } from '../../core/dates.js';
import { describeCadence } from '../../core/cadence.js';
import { RELATIONSHIP_MEETINGS } from '../../core/stage.js';
import type { Footprint, MergeResult } from '../../core/contacts.js';
import type { CadenceInfo, ContactPage, ContactRow } from '../../reports/contacts.js';
import type { Theme } from '../theme.js';
import { renderTable } from '../table.js';
import { plural, relativeDay, shortDate, wrapText } from '../format.js';
import { safe, safeLines } from '../sanitize.js';
import { fitLines } from '../wrap.js';

// People as people read them: the contacts table, one person's page, one-line confirmations.

/**
 * "advice for Sam Ortiz (pricing)", "intro for Dana Lee (to Priya)": whom an item was for, when it
 * says. What you asked or received came from that person: `by` 'from' ("received intro from Dana").
 */
export function itemsText(list: Item[], names: Readonly<Record<string, string>> = {}, by: 'for' | 'from' = 'for'): string {
  // Loops rather than map/filter/join: a long history makes this text for every row.
  const who = (id: string) => safe(names[id] ?? '(removed)');
  let out = '';
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    let text: string = i.type;
    if (i.for) text += ` ${by} ${who(i.for)}`;
    const link = i.link ? `to ${who(i.link)}` : '';
    const note = i.note ? safe(i.note) : '';
    const extra = link && note ? `${link}: ${note}` : link || note;
    if (extra) text += ` (${extra})`;
    out += k ? `, ${text}` : text;
  }
  return out;
}

/** "gave intro (to Sam); asked advice", or '' when nothing passed between you. */
export function tradedText(i: { gave: Item[]; asked: Item[]; received: Item[]; itemNames?: Record<string, string> }): string {
  const names = i.itemNames ?? {};
  let out = i.gave.length ? `gave ${itemsText(i.gave, names)}` : '';
  if (i.asked.length) out += `${out ? '; ' : ''}asked ${itemsText(i.asked, names, 'from')}`;
  if (i.received.length) out += `${out ? '; ' : ''}received ${itemsText(i.received, names, 'from')}`;
  return out;
}

/** Joins phrases into sentences without doubling a full stop the text already has. */
export function sentences(parts: string[]): string {
  let out = '';
  let prev: string | undefined;
  for (const p of parts) {
    if (!p) continue;
    if (prev !== undefined) out += endsSentence(prev) ? `${prev} ` : `${prev}. `;
    prev = p;
  }
  return prev === undefined ? '' : out + prev;
}

/** Ends in . ! ? or … */
function endsSentence(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function cadenceText(c: CadenceInfo): string {
  const from = c.from === 'contact' ? 'their own' : c.from === 'tag' ? `from tag ${safe(c.tag ?? '')}` : 'the default';
  return `${c.description} (${from})`;
}

function profileSummary(c: Contact): string {
  const bits = [c.company, c.role].filter((x): x is string => !!x).map(safe);
  if (c.tags.length) bits.push(`tags ${c.tags.map(safe).join(', ')}`);
  if (c.cadenceDays !== undefined) bits.push(describeCadence(c.cadenceDays));
  return bits.length ? ` (${bits.join('; ')})` : '';
}

export function renderContactAdded(c: Contact, theme: Theme): string {
  return `Added ${theme.name(safe(c.name))}${profileSummary(c)}.`;
}

export function renderContactEdited(c: Contact, changes: string[], theme: Theme): string {
  if (changes.length === 0) return `Nothing changed: ${theme.name(safe(c.name))} already had all of that.`;
  return `Updated ${theme.name(safe(c.name))}: ${changes.map(safe).join(', ')}.`;
}

export function renderMerged(r: MergeResult, otherName: string, theme: Theme): string {
  const parts = [
    `Merged ${safe(otherName)} into ${theme.name(safe(r.contact.name))}`,
    `moved ${plural(r.interactions, 'interaction')}${r.shared ? ` (${r.shared} already with both)` : ''} and ${plural(r.promises, 'promise')}`,
    `"${safe(otherName)}" is now an alias`,
  ];
  for (const k of r.kept) parts.push(`kept ${k.field} "${safe(k.kept)}" (${safe(otherName)} had "${safe(k.dropped)}")`);
  return `${parts.join('; ')}.`;
}

export function renderArchived(c: Contact, changed: boolean, theme: Theme): string {
  const who = theme.name(safe(c.name));
  if (!changed) return `${who} is already ${c.archived ? 'archived' : 'active'}; nothing changed.`;
  return c.archived
    ? `Archived ${who}: hidden from due and contacts, history kept (undo: netlog contact unarchive "${safe(c.name)}").`
    : `${who} is active again.`;
}

export function footprintText(f: Footprint): string {
  const parts = [`${plural(f.alone, 'interaction')} with them alone`, plural(f.promises, 'promise')];
  const base = `deletes ${parts.join(' and ')}`;
  return f.shared ? `${base}, and takes them out of ${plural(f.shared, 'group interaction')} (kept for the others)` : base;
}

export function renderRemoved(c: Contact, f: Footprint, theme: Theme): string {
  return `Removed ${theme.name(safe(c.name))}: ${footprintText(f).replace(/^deletes/, 'deleted').replace('takes them out', 'took them out')}.`;
}

function stageText(r: { stage: string; interactions: number }): string {
  if (r.stage !== 'visibility') return r.stage;
  // Six or more meetings yet still visibility: an overdue promise holds them back.
  return r.interactions < RELATIONSHIP_MEETINGS ? `visibility ${r.interactions}/${RELATIONSHIP_MEETINGS}` : 'visibility, promise late';
}

function lastTouchText(day: Day | null, today: Day): string {
  return day ? relativeDay(day, today) : 'never';
}

/** `netlog contacts`: one row per person (contactCount goes under it). */
export function renderContactList(rows: ContactRow[], today: Day, theme: Theme, width: number, filtered: boolean): string {
  if (rows.length === 0) return filtered ? 'No contacts match.' : 'No contacts yet. Add one: netlog contact add "Dana Lee" (or log a meeting: netlog add "Dana Lee")';
  // Tags give way first on a narrow terminal: they can be filtered on with --tag.
  const withTags = width >= 100;
  const table = renderTable(
    [
      { header: 'Name', wrap: true },
      { header: 'Company', wrap: true },
      { header: 'Stage', wrap: true },
      { header: 'Balance', align: 'right' },
      // The header says "every": "3 months" reads as "every 3 months".
      { header: 'Cadence' },
      { header: 'Last touch' },
      ...(withTags ? [{ header: 'Tags', wrap: true }] : []),
    ],
    rows.map((r) => [
      theme.name(safe(r.name)) + (r.archived ? theme.dim(' (archived)') : ''),
      safe(r.company ?? ''),
      stageText(r),
      theme.balance(r.balance),
      describeCadence(r.cadenceDays).replace(/^every /, ''),
      lastTouchText(r.lastTouch, today),
      ...(withTags ? [r.tags.map(safe).join(', ')] : []),
    ]),
    width,
    theme,
  );
  return table;
}

/** The count under `netlog contacts`' table ("24 contacts"). */
export function contactCount(rows: readonly ContactRow[], theme: Theme): string {
  return theme.dim(plural(rows.length, 'contact'));
}

/** `netlog contact show`: a person's page. */
export function renderContactPage(p: ContactPage, today: Day, theme: Theme, width: number, extra: string[] = []): string {
  const c = p.contact;
  const out: string[] = [];
  const head = theme.heading(safe(c.name)) + (c.aliases.length ? theme.dim(`  aka ${c.aliases.map(safe).join(', ')}`) : '') + (c.archived ? theme.warn('  [archived]') : '');
  out.push(head);
  const sub = [c.role, c.company].filter((x): x is string => !!x).map(safe).join(' at ');
  if (sub) out.push(sub);

  // Each field wraps to the terminal under its own value, as contactExtras' fields do.
  const field = (label: string, value: string) => wrapText(`${theme.dim(label.padEnd(12))}${value}`, width, '', ' '.repeat(12));
  const profile: string[] = [];
  if (c.emails.length) profile.push(field('email', c.emails.map(safe).join(', ')));
  if (c.phones.length) profile.push(field('phone', c.phones.map(safe).join(', ')));
  if (c.tags.length) profile.push(field('tags', c.tags.map(safe).join(', ')));
  if (c.source) profile.push(field('source', safe(c.source)));
  profile.push(field('added', shortDate(localDayOfTimestamp(c.createdAt), today)));
  if (c.notes) profile.push(safeLines(c.notes).split('\n').map((l, n) => (n === 0 ? field('notes', l) : wrapText(l, width, ' '.repeat(12)))).join('\n'));
  out.push('', ...profile);

  const what = p.balance.interactions === 1 ? 'follow-up' : 'touch';
  const next =
    p.nextTouch === null
      ? 'never due'
      : p.nextTouch < today
        ? theme.bad(`${what} due since ${shortDate(p.nextTouch, today)} (${relativeDay(p.nextTouch, today)})`)
        : `next ${what} ${shortDate(p.nextTouch, today)} (${relativeDay(p.nextTouch, today)})`;
  const snooze = c.snoozedUntil && c.snoozedUntil >= today ? `; snoozed until ${shortDate(c.snoozedUntil, today)}` : '';
  const b = p.balance;
  out.push(
    '',
    field('cadence', `${cadenceText(p.cadence)}; ${next}${snooze}`),
    field('stage', `${p.stage.stage}: ${p.stage.plan ?? p.stage.progress}`),
    field('balance', `${theme.balance(b.balance)} all time: gave ${b.gave}, asked ${b.asked}, received ${b.received} in ${plural(b.interactions, 'interaction')}`),
    field('last touch', p.lastTouch ? `${shortDate(p.lastTouch, today)} (${relativeDay(p.lastTouch, today)})` : 'never'),
  );
  const pr = p.promises;
  if (pr.made > 0) {
    out.push(field('promises', `${pr.made} made, ${pr.kept} kept (${pr.keptOnTime} on time), ${pr.open.length} open${pr.overdue ? `, ${theme.bad(`${pr.overdue} overdue`)}` : ''}`));
    for (const o of pr.open) {
      const when = o.overdueDays > 0 ? theme.bad(`${plural(o.overdueDays, 'day')} late`) : `due ${shortDate(o.due, today)} (${relativeDay(o.due, today)})`;
      out.push(wrapText(`• ${safe(o.text)}: ${when} ${theme.dim(`[${o.promiseId}]`)}`, width, ' '.repeat(12), '  '));
    }
  }
  if (extra.length) out.push(...extra);

  if (p.theirPromises.length) {
    out.push(field('they owe', plural(p.theirPromises.length, 'promise')));
    for (const o of p.theirPromises) {
      const when = o.overdueDays > 0 ? theme.warn(`${plural(o.overdueDays, 'day')} late`) : `due ${shortDate(o.due, today)}`;
      out.push(wrapText(`• ${safe(o.text)}: ${when} ${theme.dim(`[${o.promiseId}]`)}`, width, ' '.repeat(12), '  '));
    }
  }

  out.push('');
  if (p.timelineTotal === 0) {
    out.push(theme.dim(`No interactions yet. Log one: netlog add "${safe(c.name)}"`));
    return fitLines(out.join('\n'), width);
  }
  const shown = p.timeline.length;
  out.push(theme.heading(`Timeline, newest first${shown < p.timelineTotal ? ` (${shown} of ${p.timelineTotal})` : ''}`));
  out.push(
    renderTable(
      [{ header: 'ID' }, { header: 'Date' }, { header: 'Kind' }, { header: 'What', wrap: true }],
      p.timeline.map((t) => [
        theme.dim(t.shortId),
        shortDate(t.date, today),
        t.kind,
        sentences([
          t.with.length ? `with ${t.with.map((w) => safe(w.name)).join(', ')}` : '',
          t.event ? `at ${safe(t.event)}` : '',
          t.note ? safeLines(t.note) : '',
          tradedText(t),
        ]),
      ]),
      width,
      theme,
    ),
  );
  if (shown < p.timelineTotal) out.push(theme.dim(`${p.timelineTotal - shown} older: netlog contact show "${safe(c.name)}" --all, or netlog history --contact "${safe(c.name)}"`));
  // The last line of defence: a name or an over-long word wider than the terminal.
  return fitLines(out.join('\n'), width);
}
