import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  filesUnder
} from "./chunks/chunk-BKGLLHN5.js";
import {
  State
} from "./chunks/chunk-SCLIXMJC.js";
import {
  errorMessage
} from "./chunks/chunk-LDP73T3D.js";
import "./chunks/chunk-Y2US2WXL.js";

// src/action/post.ts
import { existsSync } from "node:fs";
import { EOL } from "node:os";
var runnerState = (name) => process.env[`STATE_${name}`] ?? "";
var logLine = (message) => void process.stdout.write(`${message}${EOL}`);
async function runPost(overrides = {}) {
  const getState = overrides.io ? (name) => overrides.io?.getState(name) ?? "" : runnerState;
  try {
    const outDir = getState(State.OutputDir);
    const completed = getState(State.Completed) === "true";
    if (completed && getState(State.ArtifactUploaded) === "true") return;
    if (!outDir || !existsSync(outDir) || filesUnder(outDir).length === 0) {
      (overrides.io ? overrides.io.info.bind(overrides.io) : logLine)("optimization-gate post: the main step measured nothing; nothing to keep");
      return;
    }
    const { defaultPostDeps, keepWhatWasMeasured } = await import("./chunks/post-keep-BUTKLITA.js");
    await keepWhatWasMeasured(outDir, completed, { ...defaultPostDeps, ...overrides });
  } catch (error) {
    const io = overrides.io ?? (await import("./chunks/io-VGKSDZWB.js")).coreIO;
    io.setFailed(`optimization-gate post: ${errorMessage(error)}`);
  }
}

// src/post.ts
await runPost();
