import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);
import {
  error,
  getState,
  group,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-MWOD43PT.js";

// src/publish/io.ts
var coreIO = {
  info: (m) => info(m),
  warning: (m, l) => warning(m, l),
  error: (m, l) => error(m, l),
  group: (name, fn) => group(name, fn),
  setOutput: (n, v) => setOutput(n, v),
  saveState: (n, v) => saveState(n, v),
  getState: (n) => getState(n),
  setSecret: (v) => setSecret(v),
  appendSummary: async (markdown) => {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await summary.addRaw(markdown, true).write();
  },
  setFailed: (m) => setFailed(m)
};

export {
  coreIO
};
