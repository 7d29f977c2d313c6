// Loaded with `node --import` into a process under measurement: when it exits, writes its own CPU
// time and peak RSS (module loading included) to the file named by $BENCH_USAGE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE, JSON.stringify({ cpu_ms: (usage.userCPUTime + usage.systemCPUTime) / 1000, max_rss_mb: usage.maxRSS / 1024 }));
});
