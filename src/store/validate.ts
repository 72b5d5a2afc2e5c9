import { createHash } from 'node:crypto';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { JOURNAL_VERSION, JournalSchema, type Journal } from '../core/schema.js';
import { JournalError } from '../errors.js';

// Reading a journal: parse, check the version, validate the whole file, and say exactly where
// a problem is (line/column for bad JSON, the JSON path for a bad field).

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

function recordId(doc: unknown, pointer: string): string {
  const m = /^\/(contacts|interactions|promises|events)\/(\d+)/.exec(pointer);
  if (!m) return '';
  const rec = (doc as Record<string, unknown[]>)[m[1]!]?.[Number(m[2])] as { id?: unknown } | undefined;
  return typeof rec?.id === 'string' ? ` (id ${rec.id})` : '';
}

let schemaName: string | undefined;

/** Names the schema the validator checks (a hash of it): see ValidatedFiles. */
export function schemaKey(): string {
  return (schemaName ??= createHash('sha256').update(`${JOURNAL_VERSION}:${JSON.stringify(JournalSchema)}`).digest('base64url').slice(0, 16));
}

/**
 * Parses and validates journal text; throws JournalError naming the file and the place.
 * `validated`: this exact file passed the schema check before (see ValidatedFiles), so only the
 * JSON and the version are checked.
 */
export function parseJournal(text: string, file: string, opts: { validated?: boolean } = {}): Journal {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new JournalError(`${file} is empty, not a journal`, 'restore it from a backup, or delete it to start a new journal');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? lineColumn(text, Number(pos[1])) : undefined;
    const reason = msg.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    throw new JournalError(
      `${file}${where ? `:${where.line}:${where.column}` : ''}: not valid JSON (${reason})`,
      'fix the file by hand, or restore it from a backup; netlog will not overwrite it',
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new JournalError(`${file}: expected a JSON object at the top level, found ${Array.isArray(doc) ? 'an array' : describe(doc)}`);
  }
  const version = (doc as { version?: unknown }).version;
  if (typeof version === 'number' && version > JOURNAL_VERSION) {
    throw new JournalError(
      `${file} is journal version ${version}, newer than this netlog understands (version ${JOURNAL_VERSION})`,
      'upgrade netlog to read it',
    );
  }
  if (opts.validated) return doc as Journal;
  const c = checker();
  if (!c.Check(doc)) {
    const first = c.Errors(doc).First();
    if (first) {
      throw new JournalError(
        `${file}: ${jsonPath(first.path)}${recordId(doc, first.path)}: ${first.message.toLowerCase()} (found ${describe(first.value)})`,
        'fix that field by hand; netlog will not overwrite an invalid journal',
      );
    }
  }
  return doc as Journal;
}
