/** The real side effects: /proc (or pidusage off Linux), the system clock, child processes, host facts. */
import { systemClock } from './clock.js';
import { processCommandRunner } from './command.js';
import { hostEnvironment } from './environment.js';
import { LinuxProcReader, procPssAvailable } from './linux-proc.js';
import { LinuxTreeProbe } from './linux-tree.js';
import type { MeasureDeps, TreeProbeFactory } from './ports.js';
import { PortableTreeProbe } from './portable-tree.js';
import { nvidiaSmi } from './gpu-sampler.js';

export function defaultProbeFactory(): TreeProbeFactory {
  if (procPssAvailable()) {
    // One reader per probe: it holds the members' stat files open, and the probe closes it.
    return (rootPid, settings) => new LinuxTreeProbe(new LinuxProcReader(), rootPid, { pssBudgetPct: settings.pssBudgetPct });
  }
  return (rootPid) => new PortableTreeProbe(rootPid);
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
