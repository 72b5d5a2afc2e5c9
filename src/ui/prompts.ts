import { input, select, confirm } from '@inquirer/prompts';
import { CancelledError } from '../errors.js';

// The only module that talks to inquirer. It is imported lazily, only when a prompt is needed,
// so scripted runs never pay for it. Ctrl-C at any prompt becomes a clean exit 130.

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  }
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export function ask(message: string, opts: { default?: string; validate?: (v: string) => true | string } = {}): Promise<string> {
  return guard(input({ message, ...(opts.default !== undefined ? { default: opts.default } : {}), ...(opts.validate ? { validate: opts.validate } : {}) }));
}

export function choose<T>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T> {
  return guard(select<T>({ message, choices, ...(defaultValue !== undefined ? { default: defaultValue } : {}), pageSize: 12 }));
}

export function yesNo(message: string, defaultValue = false): Promise<boolean> {
  return guard(confirm({ message, default: defaultValue }));
}

export type Prompts = { ask: typeof ask; choose: typeof choose; yesNo: typeof yesNo };
