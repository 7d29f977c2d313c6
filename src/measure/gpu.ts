/**
 * Parsing `nvidia-smi --format=csv` output (pure). The CSV has a header (`pid, used_gpu_memory
 * [MiB]`), fields joined by `, `, values with units (`1542 MiB`, `98 %`) or bracketed markers
 * (`[N/A]`, `[Not Supported]`, e.g. per-process memory under Windows WDDM). Columns are read by
 * header name, so extra columns and any order are fine. Real samples: test/fixtures/nvidia-smi/.
 */

export interface GpuDevice {
  index: number | undefined;
  uuid: string | undefined;
  name: string | undefined;
  /** `utilization.gpu`: percent of the sample period a kernel ran (the driver's own average). */
  utilPct: number | null;
  memUsedMb: number | null;
  memTotalMb: number | null;
}

export interface GpuProcess {
  gpuUuid: string | undefined;
  pid: number;
  /** MiB; null where the driver cannot tell (`[N/A]`: WDDM, some containers). */
  usedMemMb: number | null;
}

/** One reading of the GPUs as seen by the measured process tree. */
export interface GpuReading {
  /** Sum of the tree's processes' GPU memory (MiB); null when none of them has a readable value. */
  memMb: number | null;
  /** Mean utilisation of the GPUs the tree has a process on; null when it has none. */
  utilPct: number | null;
  /** GPU memory used on every device (MiB), whoever uses it. */
  deviceMemMb: number | null;
}

/** Header name without its unit: `used_gpu_memory [MiB]` → `used_gpu_memory`. */
function columnName(header: string): string {
  return header.replace(/\s*\[[^\]]*\]\s*$/, '').trim();
}

/** Rows of a `--format=csv` output as maps of column → raw text; a trailing free-text column absorbs extra commas. */
export function parseNvidiaCsv(text: string): Array<Map<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (header === undefined) return [];
  const columns = header.split(',').map(columnName);
  // Process names are the one free-text field (and may hold commas): extra fields are joined back into it.
  const free = columns.indexOf('process_name');
  return rows.map((line) => {
    let fields = line.split(', ');
    if (fields.length > columns.length && free !== -1) {
      const extra = fields.length - columns.length;
      fields = [...fields.slice(0, free), fields.slice(free, free + extra + 1).join(', '), ...fields.slice(free + extra + 1)];
    }
    return new Map(columns.map((name, i) => [name, (fields[i] ?? '').trim()]));
  });
}

/** `1542 MiB` / `98 %` / `1542` → number; `[N/A]`, `[Not Supported]`, `N/A`, empty → null. */
export function nvidiaNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const match = /^(-?\d+(?:\.\d+)?)(?:\s*(?:MiB|%|W|MHz|C))?$/.exec(raw.trim());
  return match ? Number(match[1]) : null;
}

function text(raw: string | undefined): string | undefined {
  return raw === undefined || raw === '' || /^\[.*\]$/.test(raw) || raw === 'N/A' ? undefined : raw;
}

export function parseGpus(csv: string): GpuDevice[] {
  return parseNvidiaCsv(csv).map((row) => ({
    index: nvidiaNumber(row.get('index')) ?? undefined,
    uuid: text(row.get('uuid')),
    name: text(row.get('name')),
    utilPct: nvidiaNumber(row.get('utilization.gpu')),
    memUsedMb: nvidiaNumber(row.get('memory.used')),
    memTotalMb: nvidiaNumber(row.get('memory.total')),
  }));
}

export function parseComputeApps(csv: string): GpuProcess[] {
  return parseNvidiaCsv(csv).flatMap((row) => {
    const pid = nvidiaNumber(row.get('pid'));
    if (pid === null || !Number.isInteger(pid)) return [];
    // `used_memory` is the query name; the header prints it as `used_gpu_memory`.
    return [{ gpuUuid: text(row.get('gpu_uuid')), pid, usedMemMb: nvidiaNumber(row.get('used_gpu_memory') ?? row.get('used_memory')) }];
  });
}

/** What the tree (its pids) uses of the GPUs: its processes' memory, and the utilisation of the devices they are on. */
export function treeGpuReading(devices: readonly GpuDevice[], processes: readonly GpuProcess[], pids: ReadonlySet<number>): GpuReading {
  const mine = processes.filter((p) => pids.has(p.pid));
  const known = mine.filter((p) => p.usedMemMb !== null);
  const onDevices = new Set(mine.map((p) => p.gpuUuid));
  // Without a gpu_uuid column every device counts (one GPU is the common case).
  const used = devices.filter((d) => onDevices.has(d.uuid) || (onDevices.has(undefined) && mine.length > 0));
  const utils = used.map((d) => d.utilPct).filter((u): u is number => u !== null);
  const deviceMem = devices.map((d) => d.memUsedMb).filter((m): m is number => m !== null);
  return {
    memMb: mine.length === 0 ? 0 : known.length > 0 ? known.reduce((sum, p) => sum + (p.usedMemMb as number), 0) : null,
    utilPct: utils.length > 0 ? utils.reduce((a, b) => a + b, 0) / utils.length : null,
    deviceMemMb: deviceMem.length > 0 ? deviceMem.reduce((a, b) => a + b, 0) : null,
  };
}
