import type { Day } from '../../core/dates.js';
import type { IdeasReport } from '../../reports/ideas.js';
import { SCORING } from '../../reports/ideas.js';
import { introsByDirection, type Afterwards, type Intro, type IntrosReport } from '../../reports/intros.js';
import type { Brief } from '../../reports/brief.js';
import type { Theme } from '../theme.js';
import { plural, relativeDay, shortDate } from '../format.js';
import { safe } from '../sanitize.js';
import { fitLines } from '../wrap.js';
import { wrapText } from '../format.js';
import { tradedText } from './contacts.js';

// ideas, intros and brief as people read them: short lines, a small tree for who connected whom.

export function renderIdeas(r: IdeasReport, theme: Theme, width: number, explain: boolean): string {
  if (r.ideas.length === 0 && r.owed.length === 0) {
    return fitLines(theme.dim('No open wants yet. Record what people are looking for: netlog add NAME --wants "a designer"'), width);
  }
  const out: string[] = [];
  if (r.ideas.length) {
    out.push(theme.heading(`Who could help whom (${plural(r.ideas.length, 'open want')})`));
    for (const idea of r.ideas) {
      const owe = idea.balance < 0 ? theme.warn(` — you owe them (${idea.balance})`) : '';
      out.push('', `${theme.name(safe(idea.name))} wants ${safe(idea.want)}${owe} ${theme.dim(`[${idea.wantId}]`)}`);
      if (idea.candidates.length === 0) out.push(theme.dim('  nobody in your journal fits yet'));
      idea.candidates.forEach((c, n) => {
        const last = n === idea.candidates.length - 1;
        out.push(wrapText(`${last ? '└─' : '├─'} ${safe(c.name)}: ${safe(c.why)}${explain ? theme.dim(` (${c.score} points)`) : ''}`, width, '  ', '   '));
      });
    }
  }
  if (r.owed.length) {
    out.push('', theme.heading('People you owe: something to give'));
    for (const o of r.owed) out.push(wrapText(`${theme.name(safe(o.name))} (${theme.balance(o.balance)}): ${safe(o.give)}`, width, '  ', '  '));
  }
  if (explain) out.push('', theme.dim(`Ranking: ${SCORING}; people you owe first, then wants someone fits, newest first.`));
  return fitLines(out.join('\n'), width);
}

/** How to close a want once the intro is made: printed as a footer (on stderr when piped). */
export function ideasHint(theme: Theme, width: number): string {
  return fitLines(theme.dim('Made the intro? netlog add NAME --gave intro:"to …" --meets WANT_ID'), width);
}

function afterText(a: Afterwards): string {
  const bits = [a.interactions ? plural(a.interactions, 'interaction') : '', a.referrals ? plural(a.referrals, 'referral') : '', a.business ? `${a.business} business` : ''].filter(Boolean);
  return bits.length ? `since: ${bits.join(', ')}` : 'nothing since yet';
}

/** Intros as a small tree: per person, whom they were connected with. */
export function introTree(made: Intro[], received: Intro[], today: Day, theme: Theme): string[] {
  const out: string[] = [];
  const group = (list: Intro[]) => {
    const by = new Map<string, Intro[]>();
    for (const i of list) by.set(i.from.contactId, [...(by.get(i.from.contactId) ?? []), i]);
    return [...by.values()];
  };
  const branch = (list: Intro[], head: (i: Intro) => string) => {
    for (const g of group(list)) {
      out.push(`  ${head(g[0]!)}`);
      g.forEach((i, n) => {
        const when = i.date ? shortDate(i.date, today) : 'undated';
        out.push(`  ${n === g.length - 1 ? '└─' : '├─'} ${theme.name(safe(i.to.name))} ${theme.dim(`(${when}; ${afterText(i.afterwards)})`)}`);
      });
    }
  };
  if (made.length) {
    out.push(theme.heading('Intros you made'));
    branch(made, (i) => `you introduced ${theme.name(safe(i.from.name))} to`);
  }
  if (received.length) {
    out.push(theme.heading('Intros made for you'));
    branch(received, (i) => `${theme.name(safe(i.from.name))} introduced you to`);
  }
  return out;
}

export function renderIntros(r: IntrosReport, theme: Theme, width: number): string {
  if (r.made.length === 0 && r.received.length === 0) {
    return fitLines(theme.dim('No introductions recorded yet. Record one: netlog add Dana --gave intro:"to Sam" (or --via NAME for who introduced you)'), width);
  }
  return fitLines(introTree(r.made, r.received, r.today, theme).join('\n'), width);
}

export function renderBrief(b: Brief, theme: Theme, width: number): string {
  const w = Math.min(width, 80);
  const out: string[] = [];
  const label = (s: string) => theme.dim(s.padEnd(10));
  const line = (l: string, text: string) => out.push(wrapText(`${label(l)}${text}`, w, '', ' '.repeat(10)));
  const sub = [b.role, b.company].filter((x): x is string => !!x).map(safe).join(' at ');
  out.push(`${theme.heading(safe(b.name))}${sub ? `  ${sub}` : ''}${b.tags.length ? theme.dim(`  [${b.tags.map(safe).join(', ')}]`) : ''}`);
  const met = [
    b.howMet.first ? `first ${b.howMet.first.kind} ${shortDate(b.howMet.first.date, b.today)}${b.howMet.first.event ? ` at ${safe(b.howMet.first.event)}` : ''}` : 'not met yet',
    b.howMet.source ? `source: ${safe(b.howMet.source)}` : '',
    b.howMet.introducedBy ? `introduced by ${theme.name(safe(b.howMet.introducedBy.name))}` : '',
  ].filter(Boolean);
  if (b.notes) line('notes', safe(b.notes).replace(/\\n/g, ' '));
  line('met', met.join('; '));
  line('stage', `${b.stage.stage}: ${b.stage.plan ?? b.stage.progress}`);
  line('balance', `${theme.balance(b.balance.balance)} (gave ${b.balance.gave}, asked ${b.balance.asked}, received ${b.balance.received}); ${b.cadence.description}${b.nextTouch ? `, next touch ${relativeDay(b.nextTouch, b.today)}` : ''}`);
  if (b.last.length) {
    out.push(theme.heading('Last time'));
    for (const i of b.last) {
      const text = [i.note ? safe(i.note) : '', tradedText(i)].filter(Boolean).join(' — ');
      out.push(wrapText(`${shortDate(i.date, b.today)} ${i.kind}${i.event ? ` at ${safe(i.event)}` : ''}${text ? `: ${text}` : ''}`, w, '  ', '    '));
    }
  }
  const prom = (p: Brief['promises']['mine'][number]) => `${safe(p.text)} (${p.overdueDays > 0 ? theme.bad(`${p.overdueDays} days late`) : `due ${shortDate(p.due, b.today)}`})`;
  if (b.promises.mine.length || b.promises.theirs.length) {
    out.push(theme.heading('Promises'));
    for (const p of b.promises.mine) out.push(wrapText(`you: ${prom(p)}`, w, '  ', '    '));
    for (const p of b.promises.theirs) out.push(wrapText(`they: ${prom(p)}`, w, '  ', '    '));
  }
  if (b.wants.length) {
    out.push(theme.heading('Looking for'));
    for (const x of b.wants) out.push(wrapText(`${safe(x.text)} ${theme.dim(`(since ${shortDate(x.since, b.today)}) [${x.id}]`)}`, w, '  ', '    '));
  }
  if (b.dates.length) {
    out.push(theme.heading('Coming up'));
    for (const d of b.dates) {
      const n = d.age !== undefined ? `, turns ${d.age}` : d.years !== undefined ? `, ${d.years} years` : '';
      out.push(`  ${safe(d.label)} ${shortDate(d.on, b.today)} (${relativeDay(d.on, b.today)}${n})`);
    }
  }
  const { made, received } = introsByDirection(b.intros);
  if (made.length || received.length) out.push(...introTree(made, received, b.today, theme));
  out.push('', wrapText(`${theme.heading('Suggestion:')} ${safe(b.suggestion)}`, w, '', '  '));
  return fitLines(out.join('\n'), w);
}

/** The lines `contact show` adds from the brief: wants, key dates, intros. */
export function contactExtras(b: Brief, intros: { made: Intro[]; received: Intro[] }, theme: Theme, width: number): string[] {
  const out: string[] = [];
  const field = (l: string, v: string) => wrapText(`${theme.dim(l.padEnd(12))}${v}`, width, '', ' '.repeat(12));
  if (b.wants.length) out.push(field('wants', b.wants.map((w) => `${safe(w.text)} ${theme.dim(`[${w.id}]`)}`).join('; ')));
  const dates = b.dates.map((d) => `${safe(d.label)} ${shortDate(d.on, b.today)}${d.age !== undefined ? ` (turns ${d.age})` : ''}`);
  if (dates.length) out.push(field('coming up', dates.join('; ')));
  const tree = introTree(intros.made, intros.received, b.today, theme);
  if (tree.length) out.push('', ...tree);
  return out;
}
