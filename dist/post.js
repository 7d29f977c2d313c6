import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  SAMPLES_SUFFIX,
  State,
  coreIO,
  createArtifactStore,
  filesUnder,
  rebuildFromSamples
} from "./chunks/chunk-FEZ6TS7F.js";
import {
  errorMessage,
  parseProcStat
} from "./chunks/chunk-UXRKXO3V.js";

// src/action/post.ts
import { existsSync as existsSync2, readFileSync as readFileSync2, writeFileSync } from "node:fs";
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

// src/action/post.ts
function rootOf(samplesPath) {
  const first = readFileSync2(samplesPath, "utf8").split("\n", 1)[0] ?? "";
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
async function runPost(overrides = {}) {
  const { io, artifacts } = { io: coreIO, artifacts: createArtifactStore, ...overrides };
  try {
    const outDir = io.getState(State.OutputDir);
    const completed = io.getState(State.Completed) === "true";
    if (completed && io.getState(State.ArtifactUploaded) === "true") return;
    if (!outDir || !existsSync2(outDir) || filesUnder(outDir).length === 0) {
      io.info("optimization-gate post: the main step measured nothing; nothing to keep");
      return;
    }
    if (completed) {
      await upload(io, artifacts, outDir);
      return;
    }
    io.warning("optimization-gate post: the main step did not complete; keeping what was measured");
    const rebuilt = [];
    for (const samples of filesUnder(outDir).filter((f) => f.endsWith(SAMPLES_SUFFIX))) {
      try {
        if (rebuildFromSamples(samples, { write: false }).finished) continue;
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
  } catch (error) {
    io.setFailed(`optimization-gate post: ${errorMessage(error)}`);
  }
}

// src/post.ts
await runPost();
