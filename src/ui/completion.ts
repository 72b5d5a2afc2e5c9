// Shell completion scripts for bash, zsh and fish, generated from a plain description of the
// commands (built from the commander program), so a new command or option completes without
// touching this file. Contact names come from the hidden `netlog __names` command at the moment
// of completion, honouring a --file given on the command line.

/** What may follow an option or fill a positional argument. */
export type Values = { kind: 'none' } | { kind: 'names' } | { kind: 'file' } | { kind: 'words'; words: string[] };

export interface OptionSpec {
  /** "-k", "--kind" */
  flags: string[];
  description: string;
  /** Undefined for a flag that takes no value. */
  values?: Values;
}

export interface CommandSpec {
  /** "add", or "contact add" for a subcommand. */
  path: string;
  description: string;
  options: OptionSpec[];
  /** What the positional arguments are. */
  args: Values;
  subcommands: string[];
}

export interface CompletionSpec {
  globals: OptionSpec[];
  commands: CommandSpec[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** Quoted for fish. */
const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const top = (spec: CompletionSpec) => spec.commands.filter((c) => !c.path.includes(' '));
const valueOptions = (opts: OptionSpec[]) => opts.filter((o) => o.values !== undefined);
const globalsWithValues = (spec: CompletionSpec) => valueOptions(spec.globals).flatMap((o) => o.flags);

/** How each shell offers a kind of value after an option or as an argument. */
const VALUES: Record<Shell, Record<Exclude<Values['kind'], 'words'>, string> & { words: (words: string[]) => string }> = {
  bash: {
    names: '_netlog_names',
    file: 'COMPREPLY=($(compgen -f -- "$cur"))',
    words: (words) => `COMPREPLY=($(compgen -W ${sq(words.join(' '))} -- "$cur"))`,
    none: ':',
  },
  zsh: { names: '_netlog_names', file: '_files', words: (words) => `compadd -- ${words.map(sq).join(' ')}`, none: ':' },
  fish: { names: "-x -a '(__netlog_names)'", file: '-r -F', words: (words) => `-x -a ${fq(words.join(' '))}`, none: '-x' },
};

const valuesIn = (shell: Shell) => (v: Values): string => (v.kind === 'words' ? VALUES[shell].words(v.words) : VALUES[shell][v.kind]);
const bashValues = valuesIn('bash');
const zshValues = valuesIn('zsh');
const fishValues = valuesIn('fish');

/**
 * What the bash and zsh scripts share: walk the words typed so far to find the command (and a
 * group's subcommand), stepping over option values; then, after an option that takes a value,
 * offer its values.
 */
function walk(spec: CompletionSpec, loop: { first: number; end: string; word: string }, values: (v: Values) => string): string {
  const withSubs = spec.commands.filter((c) => c.subcommands.length).map((c) => c.path);
  const skipValue = [...globalsWithValues(spec), ...new Set(spec.commands.flatMap((c) => valueOptions(c.options).flatMap((o) => o.flags)))];
  const valueCases = valueOptions(spec.globals).map((o) => `    *:${o.flags.join('|*:')}) ${values(o.values!)}; return ;;`);
  for (const c of spec.commands) {
    for (const o of valueOptions(c.options)) valueCases.push(`    ${o.flags.map((f) => sq(`${c.path}:${f}`)).join('|')}) ${values(o.values!)}; return ;;`);
  }
  return `  for ((i = ${loop.first}; i < ${loop.end}; i++)); do
    w=${loop.word}
    case $w in
      ${skipValue.map(sq).join('|') || "''"}) ((i++)) ;;
      -*) ;;
      *)
        if [[ -z $cmd ]]; then cmd=$w
        else case $cmd in ${withSubs.map(sq).join('|') || "''"}) [[ $cmd == *' '* ]] || cmd="$cmd $w" ;; esac
        fi ;;
    esac
  done

  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac`;
}

function bash(spec: CompletionSpec): string {
  const optionCases = spec.commands.map((c) => `    ${sq(c.path)}) opts=${sq(c.options.flatMap((o) => o.flags).join(' '))} ;;`);
  const argCases = spec.commands.map((c) =>
    c.subcommands.length
      ? `    ${sq(c.path)}) COMPREPLY=($(compgen -W ${sq(c.subcommands.join(' '))} -- "$cur")) ;;`
      : `    ${sq(c.path)}) ${bashValues(c.args)} ;;`,
  );
  return `# bash completion for netlog
# Install: netlog completion bash > ~/.local/share/bash-completion/completions/netlog
# or add to ~/.bashrc:  eval "$(netlog completion bash)"

_netlog_names() {
  local cur=\${COMP_WORDS[COMP_CWORD]} file= i name quoted=
  # After an opening quote the shell keeps spaces itself: offer names as they are.
  case $cur in \\"*|\\'*) quoted=1; cur=\${cur:1} ;; esac
  for ((i = 1; i < COMP_CWORD; i++)); do
    [[ \${COMP_WORDS[i]} == --file ]] && file=\${COMP_WORDS[i+1]}
  done
  while IFS= read -r name; do
    if [[ -n $name && $name == "$cur"* ]]; then
      if [[ -n $quoted ]]; then COMPREPLY+=("$name"); else COMPREPLY+=("$(printf '%q' "$name")"); fi
    fi
  done < <(netlog \${file:+--file "$file"} __names 2>/dev/null)
}

_netlog() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmd= i w opts
  COMPREPLY=()
${walk(spec, { first: 1, end: 'COMP_CWORD', word: '${COMP_WORDS[i]}' }, bashValues)}

  if [[ $cur == -* ]]; then
    opts=
    case $cmd in
${optionCases.join('\n')}
    esac
    COMPREPLY=($(compgen -W "$opts ${spec.globals.flatMap((o) => o.flags).join(' ')}" -- "$cur"))
    return
  fi

  case $cmd in
    '') COMPREPLY=($(compgen -W ${sq(top(spec).map((c) => c.path).join(' '))} -- "$cur")) ;;
${argCases.join('\n')}
  esac
}

complete -F _netlog netlog
`;
}


const zshDescribe = (name: string, pairs: [string, string][]) =>
  `local -a ${name}=(${pairs.map(([k, d]) => sq(`${k.replace(/:/g, '\\:')}:${d}`)).join(' ')})`;

function zsh(spec: CompletionSpec): string {
  const optionCases = spec.commands.map(
    (c) => `    ${sq(c.path)}) opts+=(${c.options.flatMap((o) => o.flags.map((f) => sq(`${f}:${o.description.replace(/:/g, '\\:')}`))).join(' ')}) ;;`,
  );
  const argCases = spec.commands.map((c) => {
    if (c.subcommands.length === 0) return `    ${sq(c.path)}) ${zshValues(c.args)} ;;`;
    const subs = spec.commands.filter((s) => s.path.startsWith(`${c.path} `)).map((s) => [s.path.slice(c.path.length + 1), s.description] as [string, string]);
    return `    ${sq(c.path)}) ${zshDescribe('subs', subs)}; _describe -t commands 'subcommand' subs ;;`;
  });
  return `#compdef netlog
# zsh completion for netlog
# Install: netlog completion zsh > "\${fpath[1]}/_netlog"   (or: source <(netlog completion zsh))

_netlog_names() {
  local file= i
  for ((i = 2; i < CURRENT; i++)); do
    [[ $words[i] == --file ]] && file=$words[i+1]
  done
  local -a names
  names=(\${(f)"$(netlog \${file:+--file "$file"} __names 2>/dev/null)"})
  compadd -a names
}

_netlog() {
  local cur=$words[CURRENT] prev=$words[CURRENT-1] cmd= i w
${walk(spec, { first: 2, end: 'CURRENT', word: '$words[i]' }, zshValues)}

  if [[ $cur == -* ]]; then
    local -a opts=(${spec.globals.flatMap((o) => o.flags.map((f) => sq(`${f}:${o.description.replace(/:/g, '\\:')}`))).join(' ')})
    case $cmd in
${optionCases.join('\n')}
    esac
    _describe -t options 'option' opts
    return
  fi

  case $cmd in
    '') ${zshDescribe('cmds', top(spec).map((c) => [c.path, c.description]))}; _describe -t commands 'netlog command' cmds ;;
${argCases.join('\n')}
  esac
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _netlog "$@"
else
  compdef _netlog netlog
fi
`;
}

function fishFlags(o: OptionSpec): string {
  return o.flags.map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(' ');
}

function fish(spec: CompletionSpec): string {
  const tops = top(spec).map((c) => c.path);
  const cond = (path: string) => {
    const [first, sub] = path.split(' ');
    return sub ? `__fish_seen_subcommand_from ${first}; and __fish_seen_subcommand_from ${sub}` : `__fish_seen_subcommand_from ${first}`;
  };
  const lines = [
    '# fish completion for netlog',
    '# Install: netlog completion fish > ~/.config/fish/completions/netlog.fish',
    '',
    'function __netlog_names',
    '    set -l tokens (commandline -opc)',
    '    set -l i (contains -i -- --file $tokens)',
    '    if test -n "$i"; and test (count $tokens) -gt $i',
    '        netlog --file $tokens[(math $i + 1)] __names 2>/dev/null',
    '    else',
    '        netlog __names 2>/dev/null',
    '    end',
    'end',
    '',
    'complete -c netlog -f',
  ];
  for (const o of spec.globals) lines.push(`complete -c netlog ${fishFlags(o)} ${o.values ? `${fishValues(o.values)} ` : ''}-d ${fq(o.description)}`);
  for (const c of spec.commands) {
    if (!c.path.includes(' ')) {
      lines.push(`complete -c netlog -n ${fq(`not __fish_seen_subcommand_from ${tops.join(' ')}`)} -a ${c.path} -d ${fq(c.description)}`);
    } else {
      const [parent, sub] = c.path.split(' ');
      const siblings = spec.commands.filter((s) => s.path.startsWith(`${parent} `)).map((s) => s.path.split(' ')[1]);
      lines.push(
        `complete -c netlog -n ${fq(`__fish_seen_subcommand_from ${parent}; and not __fish_seen_subcommand_from ${siblings.join(' ')}`)} -a ${sub} -d ${fq(c.description)}`,
      );
    }
    for (const o of c.options) lines.push(`complete -c netlog -n ${fq(cond(c.path))} ${fishFlags(o)} ${o.values ? `${fishValues(o.values)} ` : ''}-d ${fq(o.description)}`);
    if (c.subcommands.length === 0 && c.args.kind !== 'none') lines.push(`complete -c netlog -n ${fq(cond(c.path))} ${fishValues(c.args)}`);
  }
  return lines.join('\n') + '\n';
}

/** The completion script for a shell. */
export function completionScript(shell: Shell, spec: CompletionSpec): string {
  return shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
}
