import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { command, contactOption, examples, withContext } from './define.js';

/** `netlog search TEXT`: every word, in everything people wrote (SPEC §6.2). */
export const searchCommand = (parent: CommandUnknownOpts) =>
  command(
    parent,
    'search',
    'find any word you wrote: notes, what passed, promises, wants, names, companies, roles, tags, events (every word must match; case and accents do not matter)',
    examples('netlog search bookkeeper', 'netlog search "case study" --contact Dana', 'netlog search cafe --since 3m     # finds café too', "netlog search designer --json | jq -r '.hits[].id'"),
  )
    .alias('find')
    .argument('<text...>', 'the words to find')
    .addOption(contactOption('only what has to do with this person'))
    .option('--since <when|span>', 'only from this date, or 7d, 4w, 3m back from today')
    .action(
      withContext(async (ctx, text, opts) => {
        const [{ search }, { sinceOption }, { contactFilter }, { renderSearch, searchCount }, { toJson }] = await Promise.all([
          import('../core/search.js'),
          import('./options.js'),
          import('./resolve.js'),
          import('../ui/render/search.js'),
          import('../ui/json.js'),
        ]);
        const query = text.join(' ').trim();
        if (!query) throw new UsageError('search for what? give a word', 'e.g. netlog search bookkeeper');
        const since = opts.since !== undefined ? sinceOption('--since', opts.since, ctx.today) : undefined;
        const journal = await ctx.store.read();
        const contact = await contactFilter(ctx, journal, opts.contact);
        const r = search(journal, { query, today: ctx.today, ...(contact ? { contactId: contact.id } : {}), ...(since ? { since } : {}) });
        if (ctx.json) ctx.out(toJson(r));
        else {
          // Nothing found is words for a person: on stderr when piped, where stdout is only hits.
          (r.hits.length > 0 ? ctx.out : ctx.footer)(renderSearch(r, journal, ctx.today, ctx.theme, ctx.width));
          if (r.hits.length > 0) ctx.footer(searchCount(r, ctx.theme));
        }
      }),
    );
