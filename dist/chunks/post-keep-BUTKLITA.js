import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  createArtifactStore
} from "./chunk-2RKWIXPF.js";
import {
  endStaleTreeGroups,
  parseProcStat
} from "./chunk-4LG32OBI.js";
import {
  rebuildFromSamples
} from "./chunk-R4NJP5UA.js";
import {
  samplesFileEnded
} from "./chunk-JHBIKGU6.js";
import "./chunk-DIO3Y34K.js";
import {
  SAMPLES_SUFFIX
} from "./chunk-D7UG36OI.js";
import {
  readLines
} from "./chunk-UHNHABYH.js";
import "./chunk-T4TF7QUX.js";
import "./chunk-LM6Q56WD.js";
import {
  filesUnder
} from "./chunk-BKGLLHN5.js";
import {
  State
} from "./chunk-SCLIXMJC.js";
import {
  errorMessage
} from "./chunk-LDP73T3D.js";
import {
  coreIO
} from "./chunk-JPYQQPIU.js";
import "./chunk-MWOD43PT.js";
import "./chunk-ZVFLWEG4.js";
import "./chunk-Y2US2WXL.js";

// src/action/post-keep.ts
import { existsSync as existsSync2, writeFileSync } from "node:fs";
import { join } from "node:path";

// src/action/process-identity.ts
import { existsSync, readFileSync } from "node:fs";
var USER_HZ = 100;
var TOLERANCE_S = 2;
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
function rootState(pid, startedAt, procRoot = "/proc") {
  if (!existsSync(`${procRoot}/stat`)) return "unknown";
  const btime = Number(/^btime (\d+)$/m.exec(readFileSync(`${procRoot}/stat`, "utf8"))?.[1]);
  let statText;
  try {
    statText = readFileSync(`${procRoot}/${pid}/stat`, "utf8");
  } catch {
    return groupAlive(pid) ? "ours" : "gone";
  }
  const stat = parseProcStat(statText);
  if (!stat || !Number.isFinite(btime)) return "unknown";
  const started = btime + stat.starttime / USER_HZ;
  return started <= startedAt + TOLERANCE_S ? "ours" : "reused";
}

// src/action/post-keep.ts
var defaultPostDeps = { io: coreIO, artifacts: createArtifactStore };
function rootOf(samplesPath) {
  const first = readLines(samplesPath, 64 * 1024).next().value ?? "";
  try {
    const header = JSON.parse(first);
    const pid = header.root_pid;
    const startedAt = header.started_at;
    return typeof pid === "number" && pid > 1 && typeof startedAt === "number" ? { pid, startedAt } : void 0;
  } catch {
    return void 0;
  }
}
async function stopGroup(pid, io) {
  if (!groupAlive(pid)) return;
  io.warning(`stopping the measured process group ${pid} left running by the main step`);
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  for (let waited = 0; waited < 5e3 && groupAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
    }
  }
}
async function stopRoot(samples, io) {
  const root = rootOf(samples);
  if (!root) return;
  const state = rootState(root.pid, root.startedAt);
  if (state === "ours") await stopGroup(root.pid, io);
  else if (state === "reused") io.info(`optimization-gate post: pid ${root.pid} now belongs to another process (started after the run); not signalled`);
  else if (state === "unknown") io.warning(`optimization-gate post: cannot tell whether pid ${root.pid} is still the measured run (no /proc); not signalled`);
}
async function upload(io, artifacts, outDir) {
  const name = io.getState(State.ArtifactName) || "optimization-gate";
  const retention = Number(io.getState(State.RetentionDays) || "0");
  const uploaded = await artifacts().upload(name, filesUnder(outDir), outDir, Number.isFinite(retention) ? retention : 0);
  io.info(`optimization-gate post: uploaded ${name} (id ${uploaded.id}) with what was measured`);
}
async function keepWhatWasMeasured(outDir, completed, { io, artifacts }) {
  if (completed) {
    await upload(io, artifacts, outDir);
    return;
  }
  io.warning("optimization-gate post: the main step did not complete; keeping what was measured");
  const stale = await endStaleTreeGroups();
  if (stale.processes > 0) io.warning(`ended ${stale.processes} measured process(es) the main step left in ${stale.groups} cgroup(s)`);
  const rebuilt = [];
  for (const samples of filesUnder(outDir).filter((f) => f.endsWith(SAMPLES_SUFFIX))) {
    try {
      if (samplesFileEnded(samples)) continue;
      await stopRoot(samples, io);
      const result = rebuildFromSamples(samples, { statusIfUnfinished: "cancelled" });
      rebuilt.push(`${result.profilePath} (status ${result.profile.status ?? "cancelled"}, ${result.profile.totals.wall_time_s} s measured)`);
    } catch (error) {
      io.warning(`cannot rebuild a profile from ${samples}: ${errorMessage(error)}`);
    }
  }
  const reportPath = join(outDir, "report.md");
  if (!existsSync2(reportPath)) {
    const lines = [
      "### \u274C optimization-gate: no verdict \u2014 the job was cancelled or failed before the gate",
      "",
      rebuilt.length > 0 ? "Partial profiles rebuilt from the samples on disk:" : "No run was interrupted mid-measurement.",
      ...rebuilt.map((r) => `- ${r}`),
      "",
      "Everything measured is in the artifact."
    ];
    writeFileSync(reportPath, `${lines.join("\n")}
`);
    await io.appendSummary(`${lines.join("\n")}
`).catch(() => void 0);
  }
  if (io.getState(State.ArtifactUploaded) === "true") return;
  await upload(io, artifacts, outDir);
}
export {
  defaultPostDeps,
  keepWhatWasMeasured
};
