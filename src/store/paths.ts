import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the journal lives (SPEC §2): --file, else $NETLOG_FILE, else the XDG data folder. */
export function journalPath(fileOption: string | undefined, env: NodeJS.ProcessEnv): string {
  if (fileOption) return resolve(fileOption);
  if (env.NETLOG_FILE) return resolve(env.NETLOG_FILE);
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'netlog', 'journal.json');
}
