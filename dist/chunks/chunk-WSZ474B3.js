import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/cli/profile-summary.ts
import { relative } from "node:path";
function profileSummary(files, output, profile) {
  const show = (path) => relative(process.cwd(), path) || path;
  const lines = ["wrote:"];
  for (const file of files) lines.push(`  ${show(file)}`);
  if (profile) {
    lines.push(`stages (${output}):`);
    for (const [name, stage] of Object.entries(profile.stages)) {
      lines.push(`  ${name.padEnd(22)} ${`${stage.wall_time_s} s`.padStart(11)} ${`${stage.peak_rss_mb} MiB`.padStart(12)} ${`${stage.avg_cpu_pct} %`.padStart(10)}`);
    }
    const t = profile.totals;
    lines.push(`  ${"total".padEnd(22)} ${`${t.wall_time_s} s`.padStart(11)} ${`${t.peak_rss_mb} MiB`.padStart(12)}   (${t.memory_metric ?? "memory"})`);
  }
  return lines;
}
function truthWarnings(truth) {
  const warnings = truth.warnings;
  return Array.isArray(warnings) ? warnings.filter((w) => typeof w === "string") : [];
}

export {
  profileSummary,
  truthWarnings
};
