import { spawn } from 'node:child_process';
import { JournalError } from '../errors.js';

// The one place netlog runs the git executable: argument arrays (no shell), no prompts for
// credentials (GIT_TERMINAL_PROMPT=0: a sync in a script fails instead of hanging).

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

export class Git {
  constructor(
    readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Runs git; resolves with its exit code and output (a missing git is a JournalError). */
  run(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<GitRun> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', args, {
        cwd: this.cwd,
        env: { ...this.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e: NodeJS.ErrnoException) => {
        reject(
          e.code === 'ENOENT'
            ? new JournalError('git is not installed (or not on PATH); `netlog sync` uses it to carry the journal between devices', 'install git (https://git-scm.com), or sync the folder with a file-sync tool instead')
            : new JournalError(`cannot run git: ${e.message}`),
        );
      });
      child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
      child.stdin.on('error', () => {});
      child.stdin.end(opts.input ?? '');
    });
  }

  /** Runs git and returns its stdout; a failure is a JournalError saying what was being done. */
  async ok(args: string[], doing: string, opts: { input?: string; env?: Record<string, string> } = {}): Promise<string> {
    const r = await this.run(args, opts);
    if (r.code !== 0) throw new JournalError(`${doing} failed: ${gitMessage(r)}`);
    return r.stdout;
  }

  /** stdout when git succeeds, else undefined (for questions: is this a repository, does this ref exist). */
  async ask(args: string[]): Promise<string | undefined> {
    const r = await this.run(args);
    return r.code === 0 ? r.stdout.trim() : undefined;
  }
}

/** git's own words, shortened to the lines that say what went wrong. */
export function gitMessage(r: GitRun): string {
  const lines = `${r.stderr}\n${r.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^hint:/.test(l));
  const key = lines.filter((l) => /^(fatal|error|remote|!|CONFLICT)/i.test(l));
  return (key.length ? key : lines).slice(0, 4).join('; ') || `git exited with ${r.code}`;
}
