import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { completionScript, type CompletionSpec } from '../../src/ui/completion.js';

const spec: CompletionSpec = {
  globals: [{ flags: ['--file'], description: 'the journal file', values: { kind: 'file' } }, { flags: ['-q', '--quiet'], description: "say nothing: it's quiet" }],
  commands: [
    { path: 'add', description: 'log an interaction', options: [{ flags: ['-k', '--kind'], description: 'kind', values: { kind: 'words', words: ['coffee', 'call'] } }], args: { kind: 'names' }, subcommands: [] },
    { path: 'contact', description: 'manage contacts', options: [], args: { kind: 'none' }, subcommands: ['show', 'rm'] },
    { path: 'contact show', description: 'profile: timeline', options: [], args: { kind: 'names' }, subcommands: [] },
    { path: 'contact rm', description: 'remove', options: [{ flags: ['--yes'], description: 'do not ask' }], args: { kind: 'names' }, subcommands: [] },
  ],
};

describe('completion scripts', () => {
  it.each(['bash', 'zsh', 'fish'] as const)('%s names every command, option and the names helper', (shell) => {
    const s = completionScript(shell, spec);
    const kind = shell === 'fish' ? '-l kind' : '--kind';
    for (const word of ['add', 'contact', 'show', kind, 'coffee', 'file', 'quiet', '__names']) expect(s).toContain(word);
  });

  it('bash: the script is valid shell', () => {
    const r = spawnSync('bash', ['-n'], { input: completionScript('bash', spec), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('zsh and fish quote descriptions with apostrophes and colons safely', () => {
    expect(completionScript('zsh', spec)).toContain(String.raw`'-q:say nothing\: it'\''s quiet'`);
    expect(completionScript('fish', spec)).toContain("-d 'say nothing: it\\'s quiet'");
  });

  it('zsh registers itself whether autoloaded or sourced', () => {
    const s = completionScript('zsh', spec);
    expect(s.startsWith('#compdef netlog\n')).toBe(true);
    expect(s).toContain('compdef _netlog netlog');
  });
});
