import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  resolveEvalDir
} from "./chunk-PXPRD6OG.js";
import {
  loadMeasuredRun
} from "./chunk-DIO3Y34K.js";
import {
  UserError
} from "./chunk-LDP73T3D.js";

// src/cli/sides.ts
import { existsSync, statSync } from "node:fs";
function pairEvalDirs(flag, dirs, count, profilesFlag) {
  if (dirs.length === 0) return Array.from({ length: count }, () => void 0);
  if (dirs.length === 1) return Array.from({ length: count }, () => dirs[0]);
  if (dirs.length === count) return [...dirs];
  throw new UserError(`--${flag} got ${dirs.length} directories for ${count} ${profilesFlag} run${count === 1 ? "" : "s"}`, [
    "give one directory (used for every run) or exactly one per run, in the same order"
  ]);
}
function evalDirOf(flag, given) {
  if (existsSync(given) && statSync(given).isDirectory()) return given;
  try {
    return resolveEvalDir(given, process.cwd(), { insideCheckout: false }).dir;
  } catch (error) {
    throw new UserError(`--${flag}: ${error.message}`);
  }
}
function loadSideFromFlags(name, profiles, evalDirs, flags) {
  if (profiles.length === 0) throw new UserError(`no ${name} profile given (${flags.profiles})`);
  const dirs = pairEvalDirs(flags.evalDirs, evalDirs, profiles.length, flags.profiles).map((d) => d === void 0 ? void 0 : evalDirOf(flags.evalDirs, d));
  return {
    name,
    runs: profiles.map((profile, i) => {
      const evalDir = dirs[i];
      return loadMeasuredRun(profile, evalDir !== void 0 ? { evalDir } : {});
    })
  };
}

export {
  loadSideFromFlags
};
