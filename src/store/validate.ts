import { TypeCompiler } from '@sinclair/typebox/compiler';
import { parse as parseLoose, type ParseError } from 'jsonc-parser';
import { JournalSchema, type Journal } from '../core/schema.js';
import { JOURNAL_VERSION } from '../core/journal.js';
import { duplicateIds, journalProblems, type Problem } from '../core/check.js';
import { JournalError } from '../errors.js';
import { canMigrate, migrate } from './migrate.js';
import { MAX_DEPTH, scanJson, type JsonIssue } from './json-scan.js';

// Reading a journal: parse, refuse what JSON.parse lets through (duplicate keys, nesting
// deeper than MAX_DEPTH, numbers out of range: json-scan.ts), check the version (newer refused,
// older migrated), validate the whole file, refuse duplicate ids, and say exactly where a
// problem is (line/column for bad JSON, the JSON path for a bad field).

let compiled: ReturnType<typeof TypeCompiler.Compile<typeof JournalSchema>> | undefined;
const checker = () => (compiled ??= TypeCompiler.Compile(JournalSchema));

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** "/interactions/3/date" → "interactions[3].date" */
export function jsonPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out || '(top level)';
}

function describe(value: unknown): string {
  const s = JSON.stringify(value);
  if (s === undefined) return 'nothing';
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function recordId(doc: unknown, pointer: string): string | undefined {
  const m = /^\/(contacts|interactions|promises|events)\/(\d+)/.exec(pointer);
  if (!m) return undefined;
  const rec = (doc as Record<string, unknown[]>)[m[1]!]?.[Number(m[2])] as { id?: unknown } | undefined;
  return typeof rec?.id === 'string' ? rec.id : undefined;
}

// jsonc-parser's error codes (ParseErrorCode), in words.
const SYNTAX: Record<number, string> = {
  1: 'unexpected character',
  2: 'bad number',
  3: 'expected a property name in double quotes',
  4: 'expected a value',
  5: 'expected a colon',
  6: 'expected a comma',
  7: 'expected , or }',
  8: 'expected , or ]',
  9: 'unexpected text after the end',
  10: 'comments are not allowed',
  11: 'unterminated comment',
  12: 'unterminated string',
  13: 'unterminated number',
  14: 'bad \\u escape',
  15: 'bad escape character',
  16: 'a control character inside a string',
};

/** Where JSON.parse failed: JSON.parse itself does not always give the position, jsonc-parser does. */
function syntaxError(text: string): { offset: number; reason: string } {
  const errors: ParseError[] = [];
  try {
    parseLoose(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses; past the first error a deep document can exhaust the stack. The
    // errors found before that are kept.
  }
  const first = errors[0];
  return first ? { offset: first.offset, reason: SYNTAX[first.error] ?? 'not JSON' } : { offset: 0, reason: 'not JSON' };
}

/** A problem json-scan found, placed by line and column and by path. */
function scanned(text: string, issue: JsonIssue, place = (offset: number) => lineColumn(text, offset)): Located {
  const { line, column } = place(issue.offset);
  let reason = issue.reason;
  if (issue.firstOffset !== undefined) {
    const first = place(issue.firstOffset);
    reason += ` (first at line ${first.line}, column ${first.column}); JSON.parse would keep only the last`;
  }
  return { where: `:${line}:${column}`, reason: `${issue.path}: ${reason}` };
}

const SCAN_HINT: Record<string, string> = {
  duplicate: 'remove one of them by hand (a merge or an edit left both); netlog will not overwrite the file',
  nested: `netlog keeps fields it does not know only up to ${MAX_DEPTH} levels deep; flatten that value by hand; netlog will not overwrite the file`,
  number: 'write that value as a string by hand (or as a number a double can hold); netlog will not overwrite the file',
};
const scanHint = (reason: string) => SCAN_HINT[/duplicate key/.test(reason) ? 'duplicate' : /nested deeper/.test(reason) ? 'nested' : 'number'];

interface Located {
  /** ":line:column" or ": json.path (id x)". */
  where: string;
  reason: string;
}

type Stage =
  | { ok: false; problem: Located; hint?: string }
  | { ok: true; doc: Record<string, unknown>; version: number };

const withoutBom = (b: Buffer) => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);

/**
 * json-scan over a journal file's bytes (faster than over the decoded string), as the error a
 * read gives: the file, line and column, the path and the reason. Undefined when it finds nothing.
 */
export function scanError(input: Uint8Array | string, file: string): JournalError | undefined {
  let issue: JsonIssue | undefined;
  let place: (offset: number) => { line: number; column: number };
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    issue = scanJson(text);
    place = (offset) => lineColumn(text, offset);
  } else {
    const b = withoutBom(Buffer.from(input.buffer, input.byteOffset, input.byteLength));
    issue = scanJson(b);
    place = (offset) => {
      const before = b.toString('utf8', 0, offset);
      return lineColumn(before, before.length);
    };
  }
  if (!issue) return undefined;
  const { where, reason } = scanned('', issue, place);
  return new JournalError(`${file}${where}: ${reason}`, scanHint(reason));
}

/**
 * Parse and version: everything before the schema. `scan`: look for what JSON.parse lets
 * through (skipped for netlog's own output, and when a read has already looked: scanError).
 */
function parseDoc(text: string, file: string, scan: boolean): Stage {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { ok: false, problem: { where: '', reason: 'the file is empty, not a journal' }, hint: 'restore it from a backup, or delete it to start a new journal' };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Nesting too deep before the syntax error is the clearer message (and jsonc-parser recurses).
    const deep = scanJson(text);
    if (deep) return { ok: false, problem: scanned(text, deep), hint: scanHint(deep.reason) };
    const { offset, reason } = syntaxError(text);
    const { line, column } = lineColumn(text, offset);
    return {
      ok: false,
      problem: { where: `:${line}:${column}`, reason: `not valid JSON (${reason})` },
      hint: 'fix the file by hand, or restore it from a backup; netlog will not overwrite it',
    };
  }
  if (scan) {
    const issue = scanJson(text);
    if (issue) return { ok: false, problem: scanned(text, issue), hint: scanHint(issue.reason) };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, problem: { where: '', reason: `expected a JSON object at the top level, found ${Array.isArray(doc) ? 'an array' : describe(doc)}` } };
  }
  const version = (doc as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: { where: ': version', reason: `expected a journal version number, found ${describe(version)}` } };
  }
  if (version > JOURNAL_VERSION) {
    return {
      ok: false,
      problem: { where: '', reason: `journal version ${version} is newer than this netlog understands (version ${JOURNAL_VERSION})` },
      hint: 'upgrade netlog to read it; netlog will not overwrite it',
    };
  }
  if (!canMigrate(version)) {
    return { ok: false, problem: { where: ': version', reason: `journal version ${version} is not one netlog can read` } };
  }
  return { ok: true, doc: version < JOURNAL_VERSION ? migrate(doc as Record<string, unknown>, version) : (doc as Record<string, unknown>), version };
}

/** TypeBox's message, in the words a person editing the file needs. */
function expected(message: string, schema: { format?: unknown; anyOf?: { const?: unknown }[] }): string {
  if (schema.format === 'day') return 'expected a date written YYYY-MM-DD';
  if (schema.format === 'timestamp') return 'expected a timestamp like 2026-11-20T09:30:00.000Z';
  const choices = schema.anyOf?.map((b) => b.const);
  if (choices?.length && choices.every((c) => typeof c === 'string')) return `expected one of ${choices.join(', ')}`;
  return message.replace(/^Expected/, 'expected');
}

function schemaProblems(doc: unknown, max: number): Problem[] {
  // TypeBox's compiled check. It runs only when a read cannot trust the file (store/trust.ts)
  // and on what an edit made before netlog writes it.
  const c = checker();
  if (c.Check(doc)) return [];
  const out: Problem[] = [];
  for (const e of c.Errors(doc)) {
    // A union reports every branch; one line per place is enough.
    const path = jsonPath(e.path);
    if (out.some((p) => p.path === path)) continue;
    const id = recordId(doc, e.path);
    out.push({ path, ...(id ? { id } : {}), message: `${expected(e.message, e.schema as { format?: unknown; anyOf?: { const?: unknown }[] })} (found ${describe(e.value)})` });
    if (out.length >= max) break;
  }
  return out;
}

const at = (p: Problem) => `${p.path}${p.id ? ` (id ${p.id})` : ''}`;

export interface ParsedJournal {
  journal: Journal;
  /** The version the file was written in (older ones are migrated in memory). */
  version: number;
}

/**
 * Parses and validates journal text; throws JournalError naming the file and the place.
 * `scan: false` skips json-scan's pass, for text netlog itself wrote (see JournalDb);
 * `checked`: the text is a file netlog already found valid (store/trust.ts), so it is only
 * parsed (and its version read).
 */
export function parseJournalText(text: string, file: string, opts: { scan?: boolean; checked?: boolean } = {}): ParsedJournal {
  const stage = parseDoc(text, file, opts.scan !== false && opts.checked !== true);
  if (!stage.ok) {
    const { where, reason } = stage.problem;
    throw new JournalError(`${file}${where || ':'}${where ? ':' : ''} ${reason}`, stage.hint ?? 'fix it by hand; netlog will not overwrite an invalid journal');
  }
  if (opts.checked) return { journal: stage.doc as unknown as Journal, version: stage.version };
  const [bad] = schemaProblems(stage.doc, 1);
  if (bad) throw new JournalError(`${file}: ${at(bad)}: ${bad.message}`, 'fix that field by hand; netlog will not overwrite an invalid journal');
  const journal = stage.doc as unknown as Journal;
  const [dup] = duplicateIds(journal);
  if (dup) throw new JournalError(`${file}: ${at(dup)}: ${dup.message}`, 'give one of them a new id by hand; netlog will not overwrite an invalid journal');
  return { journal, version: stage.version };
}

/** A hash of the schema (store/checker.ts): any change to the schema changes it. */
export function schemaFingerprint(): string {
  // FNV-1a over the schema's JSON: no crypto needed.
  const text = JSON.stringify(JournalSchema);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `schema ${h.toString(16)} ${text.length}`;
}

/** Validates a journal netlog is about to write (no parsing: it is already an object). */
export function checkJournal(journal: Journal, file: string): void {
  const [bad] = schemaProblems(journal, 1);
  const [dup] = bad ? [] : duplicateIds(journal);
  const problem = bad ?? dup;
  if (problem) throw new JournalError(`netlog made an invalid change to ${file} (${at(problem)}: ${problem.message}); nothing was written`, 'please report this');
}

type Collection = 'contacts' | 'interactions' | 'promises' | 'events';

/**
 * Validates a journal an edit made from a valid one (`before`, as read), checking only what the
 * edit touched: edits are pure and keep the records they do not change, so a record that is
 * still the same object was checked when the file was read. The settings are always checked, and
 * ids across every record. The same verdict as checkJournal at a fraction of the work on a
 * long history.
 */
export function checkEdit(before: Journal, after: Journal, file: string): void {
  const touched = <K extends Collection>(key: K): Journal[K] => {
    const kept = new Set<object>(before[key]);
    return after[key].filter((r) => !kept.has(r)) as Journal[K];
  };
  const edited = { version: after.version, settings: after.settings, contacts: touched('contacts'), interactions: touched('interactions'), promises: touched('promises'), events: touched('events') };
  const [bad] = schemaProblems(edited, 1);
  const [dup] = bad ? [] : duplicateIds(after);
  const problem = bad ?? dup;
  if (problem) {
    const where = bad ? `an edited record${problem.id ? ` (id ${problem.id})` : ''}: ${problem.path.replace(/\[\d+\]/, '')}` : at(problem);
    throw new JournalError(`netlog made an invalid change to ${file} (${where}: ${problem.message}); nothing was written`, 'please report this');
  }
}

/** Parses and validates journal text; throws JournalError naming the file and the place. */
export function parseJournal(text: string, file: string): Journal {
  return parseJournalText(text, file).journal;
}

export interface Inspection {
  /** The version written in the file, when it could be read. */
  version?: number;
  journal?: Journal;
  problems: Problem[];
}

/** Everything wrong with a journal's text, for `netlog check` (never throws on a bad file). */
export function inspectJournalText(text: string, file: string, max = 50): Inspection {
  const stage = parseDoc(text, file, true);
  if (!stage.ok) {
    const where = stage.problem.where;
    return { problems: [{ path: where.startsWith(':') && /\d/.test(where) ? `line ${where.slice(1).replace(':', ', column ')}` : where.replace(/^: /, '') || '(file)', message: stage.problem.reason }] };
  }
  const schema = schemaProblems(stage.doc, max);
  if (schema.length) return { version: stage.version, problems: schema };
  const journal = stage.doc as unknown as Journal;
  return { version: stage.version, journal, problems: journalProblems(journal).slice(0, max) };
}
