import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  SAMPLES_SUFFIX,
  coreIO,
  createArtifactStore,
  filesUnder,
  rebuildFromSamples
} from "./chunks/chunk-2VZAWSOQ.js";
import {
  State,
  errorMessage
} from "./chunks/chunk-NGYKGLHF.js";

// src/action/post.ts
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
function rootPid(samplesPath) {
  const first = readFileSync(samplesPath, "utf8").split("\n", 1)[0] ?? "";
  try {
    const header = JSON.parse(first);
    return typeof header.root_pid === "number" && header.root_pid > 1 ? header.root_pid : void 0;
  } catch {
    return void 0;
  }
}
function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
async function stopGroup(pid, io) {
  if (!alive(pid)) return;
  io.warning(`stopping the measured process group ${pid} left running by the main step`);
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return;
  }
  for (let waited = 0; waited < 5e3 && alive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
    }
  }
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
    if (!outDir || !existsSync(outDir) || filesUnder(outDir).length === 0) {
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
      const pid = rootPid(samples);
      if (pid !== void 0) await stopGroup(pid, io);
      try {
        if (rebuildFromSamples(samples, { write: false }).finished) continue;
        const result = rebuildFromSamples(samples, { statusIfUnfinished: "cancelled" });
        rebuilt.push(`${result.profilePath} (status ${result.profile.status ?? "cancelled"}, ${result.profile.totals.wall_time_s} s measured)`);
      } catch (error) {
        io.warning(`cannot rebuild a profile from ${samples}: ${errorMessage(error)}`);
      }
    }
    const reportPath = join(outDir, "report.md");
    if (!existsSync(reportPath)) {
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
