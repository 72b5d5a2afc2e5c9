import { Argument, Option, type Command } from 'commander';
import type { Io } from '../context.js';
import { action, collect, examples } from './shared.js';

/** import, export, completion: data in and out, and fitting into the shell. */
export function registerIo(program: Command, io: Io): void {
  program
    .command('import')
    .description('bring contacts in from a vCard file, LinkedIn, Google Contacts or any CSV')
    .argument('<file>', 'the file to read (.vcf, or .csv with a header row)')
    .addOption(new Option('--format <format>', 'what the file is (default: worked out from its content)').choices(['vcf', 'csv', 'linkedin', 'google']))
    .option('-t, --tag <tag>', 'tag every imported contact (repeatable)', collect)
    .option('--every <cadence>', 'cadence for the contacts it adds whose file gives none, e.g. never or yearly (existing ones keep theirs)')
    .option('--dry-run', 'show what would change, and write nothing')
    .addHelpText(
      'after',
      examples(
        'netlog import contacts.vcf                 # from a phone or a mail program',
        'netlog import Connections.csv --tag linkedin --every never  # LinkedIn: Settings > Data privacy > Get a copy',
        'netlog import google.csv --dry-run          # see what would change first',
      ) +
        '\nAn import only adds and fills gaps: a field you set (cadence included) is never overwritten.\n' +
        "netlog's own csv and vcf exports read back with cadence, tags, source and archived.\n",
    )
    .action(
      action(io, async (ctx, file: string, opts) => {
        const { importCommand } = await import('../commands/import.js');
        await importCommand(ctx, file, opts as Parameters<typeof importCommand>[2]);
      }),
    );

  program
    .command('export')
    .description('take data out: the journal (json), contacts (csv, vcf), or the due list for a calendar (ics)')
    .addOption(new Option('-f, --format <format>', 'json, csv, ics or vcf (default: from --out\'s extension, else json)').choices(['json', 'csv', 'ics', 'vcf']))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--force', 'replace the --out file when it exists')
    .option('--within <days>', 'ics: include what falls due in the next N days (default: 30)')
    .option('--active', 'csv, vcf: leave archived contacts out')
    .addHelpText(
      'after',
      examples(
        'netlog export --format ics --out ~/netlog.ics    # then import it in your calendar',
        'netlog export --format csv > contacts.csv',
        'netlog export --out backup.json --force',
        'netlog export --format vcf --out contacts.vcf',
        'netlog export --format vcf --active > phone.vcf  # without archived contacts',
      ) +
        '\nContacts (csv, vcf) include archived ones, marked (CSV column Archived, vCard\n' +
        'X-NETLOG-ARCHIVED), so `netlog import` of an export brings everyone back. The CSV\n' +
        'Cadence column shows the cadence that applies; an inherited one says where it comes\n' +
        'from, e.g. "monthly (default)", and an import leaves it inherited.\n',
    )
    .action(
      action(io, async (ctx, opts) => {
        const { exportCommand } = await import('../commands/export.js');
        await exportCommand(ctx, opts as Parameters<typeof exportCommand>[1]);
      }),
    );

  program
    .command('completion')
    .description('print a shell completion script (commands, options, contact names)')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples(
        'netlog completion bash > ~/.local/share/bash-completion/completions/netlog',
        'netlog completion zsh > "${fpath[1]}/_netlog"',
        'netlog completion fish > ~/.config/fish/completions/netlog.fish',
        'eval "$(netlog completion bash)"            # just for this shell',
      ),
    )
    .action(
      action(io, async (ctx, shell: 'bash' | 'zsh' | 'fish') => {
        const [{ completionCommand }, { describeProgram }] = await Promise.all([import('../commands/completion.js'), import('./describe.js')]);
        completionCommand(ctx, shell, describeProgram(program));
      }),
    );

  program
    .command('__names', { hidden: true })
    .description('contact names, one a line, for shell completion')
    .action(
      action(io, async (ctx) => {
        const { namesCommand } = await import('../commands/completion.js');
        await namesCommand(ctx);
      }),
    );
}
