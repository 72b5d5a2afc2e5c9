/** Every failure netlog reports is a NetlogError: it carries its exit code and an optional hint. */
export class NetlogError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, exitCode: number, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad flag, bad date, unknown kind or type, unknown or ambiguous contact: exit 2. */
export class UsageError extends NetlogError {
  constructor(message: string, hint?: string) {
    super(message, 2, hint);
  }
}

/** The work itself failed (unreadable or invalid journal, lock, I/O): exit 1. */
export class JournalError extends NetlogError {
  constructor(message: string, hint?: string) {
    super(message, 1, hint);
  }
}

/** The user cancelled (Ctrl-C at a prompt, or answered no): exit 130. */
export class CancelledError extends NetlogError {
  constructor(message = 'cancelled') {
    super(message, 130);
  }
}
