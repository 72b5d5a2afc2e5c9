import { FormatRegistry, type TSchema } from '@sinclair/typebox';

// A yes/no check of the journal against its TypeBox schema, compiled into one plain function.
// TypeBox's own compiled check is correct but, run once on a large journal, it allocates a
// closure and an iterator for every array it visits, and on 100k interactions that starts a
// garbage collection. This one uses indexed loops and no closures (README: Performance).
// It handles the subset of JSON Schema netlog's schema uses and refuses any other at compile
// time. TypeBox stays the authority: a journal this check refuses is checked again by TypeBox
// for the message, and test/store/schema-check.test.ts compares the two on random journals.

type Check = (value: unknown) => boolean;

interface Schema {
  type?: string;
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
}

const KNOWN = new Set(['type', 'const', 'anyOf', 'properties', 'required', 'patternProperties', 'items', 'minItems', 'minLength', 'minimum', 'maximum', 'format']);

class Compiler {
  private lines: string[] = [];
  /** Values the generated code refers to: format functions, patterns, sets of literals. */
  readonly refs: unknown[] = [];
  private n = 0;

  private fresh(): string {
    return `v${this.n++}`;
  }

  private ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }

  private unsupported(s: Schema): never {
    throw new Error(`schema-check: unsupported schema ${JSON.stringify(s)}`);
  }

  /** A boolean expression for schemas that need no loop, or undefined. */
  private expr(s: Schema, v: string): string | undefined {
    for (const key of Object.keys(s)) if (!KNOWN.has(key)) this.unsupported(s);
    if (s.anyOf) {
      if (s.anyOf.every((b) => 'const' in b && typeof b.const === 'string')) return `${this.ref(new Set(s.anyOf.map((b) => b.const)))}.has(${v})`;
      const parts = s.anyOf.map((b) => this.expr(b, v));
      return parts.every((p) => p !== undefined) ? `(${parts.join(' || ')})` : undefined;
    }
    if ('const' in s) return `${v} === ${JSON.stringify(s.const)}`;
    switch (s.type) {
      case 'null':
        return `${v} === null`;
      case 'boolean':
        return `typeof ${v} === 'boolean'`;
      case 'integer': {
        const parts = [`Number.isInteger(${v})`];
        if (s.minimum !== undefined) parts.push(`${v} >= ${s.minimum}`);
        if (s.maximum !== undefined) parts.push(`${v} <= ${s.maximum}`);
        return `(${parts.join(' && ')})`;
      }
      case 'string': {
        const parts = [`typeof ${v} === 'string'`];
        if (s.minLength !== undefined) parts.push(`${v}.length >= ${s.minLength}`);
        if (s.format !== undefined) {
          const f = FormatRegistry.Get(s.format);
          if (!f) this.unsupported(s);
          parts.push(`${this.ref(f)}(${v})`);
        }
        return `(${parts.join(' && ')})`;
      }
      default:
        return undefined;
    }
  }

  /** Statements that `return false` when `v` does not match. */
  emit(s: Schema, v: string): void {
    const e = this.expr(s, v);
    if (e !== undefined) {
      this.lines.push(`if (!(${e})) return false;`);
      return;
    }
    if (s.type === 'array' && s.items) {
      this.lines.push(`if (!Array.isArray(${v}) || ${v}.length < ${s.minItems ?? 0}) return false;`);
      const i = this.fresh();
      const item = this.fresh();
      this.lines.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `const ${item} = ${v}[${i}];`);
      this.emit(s.items, item);
      this.lines.push('}');
      return;
    }
    if (s.type === 'object') {
      this.lines.push(`if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return false;`);
      const required = new Set(s.required ?? []);
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        const p = this.fresh();
        this.lines.push(`const ${p} = ${v}[${JSON.stringify(key)}];`);
        if (required.has(key)) this.emit(prop, p);
        else {
          this.lines.push(`if (${p} !== undefined) {`);
          this.emit(prop, p);
          this.lines.push('}');
        }
      }
      for (const [pattern, prop] of Object.entries(s.patternProperties ?? {})) {
        const k = this.fresh();
        const p = this.fresh();
        // As TypeBox does: a key the pattern does not match is not checked.
        this.lines.push(`for (const ${k} of Object.keys(${v})) {`, `if (${this.ref(new RegExp(pattern))}.test(${k})) {`, `const ${p} = ${v}[${k}];`);
        this.emit(prop, p);
        this.lines.push('}', '}');
      }
      return;
    }
    this.unsupported(s);
  }

  body(): string {
    return `${this.lines.join('\n')}\nreturn true;`;
  }
}

/** Compiles the schema into a function that says whether a value matches it. */
export function compileCheck(schema: TSchema): Check {
  const c = new Compiler();
  c.emit(schema as Schema, 'value');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('r', `return function check(value) {\n${c.body()}\n};`)(c.refs) as Check;
}
