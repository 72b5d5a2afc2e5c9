import { daysBetween, monthName, weekdayName, type Day } from '../core/dates.js';
import { visibleWidth } from './width.js';

// Dates as people read them: "yesterday", "in 2 days", "3 weeks ago", "Fri 27 Nov".

function ago(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function span(days: number): string {
  if (days < 14) return ago(days, 'day');
  if (days < 60) return ago(Math.round(days / 7), 'week');
  if (days < 548) return ago(Math.round(days / 30.44), 'month');
  return ago(Math.round(days / 365.25), 'year');
}

/** How far `day` is from `today`, in words. */
export function relativeDay(day: Day, today: Day): string {
  const n = daysBetween(today, day);
  if (n === 0) return 'today';
  if (n === -1) return 'yesterday';
  if (n === 1) return 'tomorrow';
  return n > 0 ? `in ${span(n)}` : `${span(-n)} ago`;
}

const shortDates = new Map<string, string>();

/** "Fri 27 Nov", with the year when it is not today's year. */
export function shortDate(day: Day, today: Day): string {
  // A long history has many rows a day: each day is formatted once.
  const key = `${day}${today}`;
  let text = shortDates.get(key);
  if (text === undefined) {
    // The weekday's and month's names from core/dates.ts, their one home.
    const weekday = weekdayName(day);
    text = `${weekday.charAt(0).toUpperCase()}${weekday.slice(1, 3)} ${Number(day.slice(8, 10))} ${monthName(day, true)}`;
    if (day.slice(0, 4) !== today.slice(0, 4)) text += ` ${day.slice(0, 4)}`;
    shortDates.set(key, text);
  }
  return text;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/**
 * Word-wraps text to `width` columns (colour codes take no room); each line starts with
 * `indent`, and the lines after the first with `hang` more.
 */
export function wrapText(text: string, width: number, indent = '', hang = ''): string {
  // A pipe has no width: nothing to measure.
  if (width === Infinity) return text.trim() ? indent + text.trim() : '';
  const lines: string[] = [];
  let line = '';
  let lead = indent;
  // Words with the spaces before them, so spacing inside a line (two spaces between fields) stays.
  for (const [, space, word] of text.trim().matchAll(/(\s*)(\S+)/g)) {
    const gap = line ? space! : '';
    if (line && visibleWidth(lead + line + gap + word!) > width) {
      lines.push(lead + line);
      lead = indent + hang;
      line = word!;
    } else line += gap + word!;
  }
  if (line) lines.push(lead + line);
  return lines.join('\n');
}
