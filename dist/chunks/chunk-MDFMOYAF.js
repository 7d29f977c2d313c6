import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  loadMeasuredRun
} from "./chunk-PJM3LI46.js";
import {
  UserError
} from "./chunk-LTK4X4J5.js";

// src/cli/sides.ts
function pairEvalDirs(flag, dirs, count, profilesFlag) {
  if (dirs.length === 0) return Array.from({ length: count }, () => void 0);
  if (dirs.length === 1) return Array.from({ length: count }, () => dirs[0]);
  if (dirs.length === count) return [...dirs];
  throw new UserError(
    `--${flag} got ${dirs.length} directories for ${count} ${profilesFlag} run${count === 1 ? "" : "s"}`,
    ["give one directory (used for every run) or exactly one per run, in the same order"]
  );
}
function loadSide(name, profiles, evalDirs, flags) {
  if (profiles.length === 0) throw new UserError(`no ${name} profile given (${flags.profiles})`);
  const dirs = pairEvalDirs(flags.evalDirs, evalDirs, profiles.length, flags.profiles);
  return {
    name,
    runs: profiles.map((profile, i) => {
      const evalDir = dirs[i];
      return loadMeasuredRun(profile, evalDir !== void 0 ? { evalDir } : {});
    })
  };
}

export {
  loadSide
};
