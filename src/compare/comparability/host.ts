/**
 * Host comparability: timings and memory from different machines are not comparable, so every
 * run's hostname and CPU model are checked. A difference is flagged prominently but does not fail
 * the gate by itself (a team may knowingly compare against a reference machine).
 */
import type { MeasuredRun, Side } from '../types.js';

export interface RunHost {
  side: Side['name'];
  label: string;
  hostname: string | undefined;
  /** `environment.cpu_model`, else `environment.cpu`. */
  cpu: string | undefined;
}

export interface HostCheck {
  /** True when every run reports the same hostname and CPU model. */
  comparable: boolean;
  runs: RunHost[];
  /** One line per differing attribute, naming the values and the runs that have them. */
  differences: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function runHost(side: Side['name'], run: MeasuredRun): RunHost {
  const env = run.profile.environment;
  return { side, label: run.label, hostname: text(env.hostname), cpu: text(env.cpu_model) ?? text(env.cpu) };
}

/** `baseline issue477.yaml`, `all 5 baseline runs`, `baseline a.yaml, b.yaml`: short names for a group of runs. */
export function whoHas(group: readonly Pick<RunHost, 'side' | 'label'>[], all: readonly Pick<RunHost, 'side'>[]): string {
  const parts: string[] = [];
  for (const sideName of ['baseline', 'candidate'] as const) {
    const mine = group.filter((r) => r.side === sideName);
    const total = all.filter((r) => r.side === sideName).length;
    if (mine.length === 0) continue;
    if (mine.length === total && total > 1) parts.push(`all ${total} ${sideName} runs`);
    else {
      const labels = mine.slice(0, 3).map((r) => r.label);
      parts.push(`${sideName} ${labels.join(', ')}${mine.length > 3 ? ` and ${mine.length - 3} more` : ''}`);
    }
  }
  return parts.join('; ');
}

function difference(attribute: string, runs: readonly RunHost[], pick: (run: RunHost) => string | undefined): string | undefined {
  const groups = new Map<string, RunHost[]>();
  for (const run of runs) {
    const value = pick(run) ?? '(not recorded)';
    groups.set(value, [...(groups.get(value) ?? []), run]);
  }
  if (groups.size <= 1) return undefined;
  const parts = [...groups.entries()].map(([value, who]) => `${value} (${whoHas(who, runs)})`);
  return `${attribute} differs: ${parts.join(' vs ')}`;
}

export function checkHosts(baseline: Side, candidate: Side): HostCheck {
  const runs = [...baseline.runs.map((r) => runHost('baseline', r)), ...candidate.runs.map((r) => runHost('candidate', r))];
  const differences = [difference('hostname', runs, (r) => r.hostname), difference('CPU model', runs, (r) => r.cpu)].filter((d): d is string => d !== undefined);
  return { comparable: differences.length === 0, runs, differences };
}
