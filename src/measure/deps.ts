/** The real side effects: /proc (or pidusage off Linux), cgroups, the system clock, child processes, host facts. */
import { CgroupTreeProbe } from './cgroup-probe.js';
import { systemClock } from './clock.js';
import { processCommandRunner } from './containment.js';
import { hostEnvironment } from './environment.js';
import { LinuxProcReader, procPssAvailable } from './linux-proc.js';
import { LinuxTreeProbe } from './linux-tree.js';
import type { MeasureDeps, TreeProbeFactory } from './ports.js';
import { PortableTreeProbe } from './portable-tree.js';
import { nvidiaSmi } from './gpu-sampler.js';

/**
 * The best probe for the tree: the kernel's own accounting when the tree's cgroup has the memory
 * and CPU controllers; else PSS from /proc (members and CPU from the cgroup when there is one);
 * else RSS through pidusage (not Linux).
 */
export function defaultProbeFactory(): TreeProbeFactory {
  const pss = procPssAvailable();
  return (rootPid, settings) => {
    const group = settings.group;
    if (group?.memory !== undefined && group.cpu !== undefined) return new CgroupTreeProbe(group);
    // One reader per probe: it holds the members' stat files open, and the probe closes it.
    if (pss) return new LinuxTreeProbe(new LinuxProcReader(), rootPid, { pssBudgetPct: settings.pssBudgetPct, ...(group ? { group } : {}) });
    return new PortableTreeProbe(rootPid);
  };
}

export function defaultMeasureDeps(): MeasureDeps {
  return {
    clock: systemClock,
    commands: processCommandRunner,
    probeFactory: defaultProbeFactory(),
    environment: hostEnvironment,
    gpu: nvidiaSmi,
  };
}
