/** What the freeze and rebuild commands print about the files they wrote (stderr: stdout stays free for data). */
import { relative } from 'node:path';
import type { Profile } from '../formats/profile.js';
import type { StageTruth } from '../formats/stage-truth.js';

/** `wrote:` and the files, then a table of the profile's stages and totals when there is one. */
export function profileSummary(files: readonly string[], output: string, profile: Profile | undefined): string[] {
  const show = (path: string): string => relative(process.cwd(), path) || path;
  const lines = ['wrote:'];
  for (const file of files) lines.push(`  ${show(file)}`);
  if (profile) {
    lines.push(`stages (${output}):`);
    for (const [name, stage] of Object.entries(profile.stages)) {
      lines.push(`  ${name.padEnd(22)} ${`${stage.wall_time_s} s`.padStart(11)} ${`${stage.peak_rss_mb} MiB`.padStart(12)} ${`${stage.avg_cpu_pct} %`.padStart(10)}`);
    }
    const t = profile.totals;
    lines.push(`  ${'total'.padEnd(22)} ${`${t.wall_time_s} s`.padStart(11)} ${`${t.peak_rss_mb} MiB`.padStart(12)}   (${t.memory_metric ?? 'memory'})`);
  }
  return lines;
}

/** The located warnings a stage_truth carries, one line each. */
export function truthWarnings(truth: StageTruth): string[] {
  const warnings: unknown = truth.warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === 'string') : [];
}
