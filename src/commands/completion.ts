import { stripUnsafe } from '../ui/sanitize.js';
import type { Ctx } from '../context.js';
import type { Journal } from '../core/schema.js';
import { completionScript, type CompletionSpec, type Shell } from '../ui/completion.js';

/** `netlog completion SHELL`: prints the completion script. */
export function completionCommand(ctx: Ctx, shell: Shell, spec: CompletionSpec): void {
  ctx.out(completionScript(shell, spec));
}

/** Contact names for completion: active contacts, one a line, nothing that could break a shell line. */
export function completionNames(journal: Journal): string[] {
  const names = journal.contacts
    .filter((c) => !c.archived)
    .map((c) => stripUnsafe(c.name).trim())
    .filter(Boolean);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** `netlog __names` (hidden): what the completion scripts offer where a name goes. */
export async function namesCommand(ctx: Ctx): Promise<void> {
  const names = completionNames(await ctx.store.read());
  if (names.length) ctx.out(names.join('\n'));
}
