// Preloaded (node -r) only when /usr/bin/time is missing: prints this process's peak RSS (KB)
// to stderr at exit, for the memory column.
process.on('exit', () => process.stderr.write(`\nNETLOG_BENCH_MAXRSS=${process.resourceUsage().maxRSS}\n`));
