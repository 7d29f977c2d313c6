import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/action/output-files.ts
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
var BASE_WORKTREE_DIR = "base-worktree";
function filesUnder(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) out.push(path);
    else if (entry.name !== BASE_WORKTREE_DIR) filesUnder(path, out);
  }
  return out;
}

export {
  BASE_WORKTREE_DIR,
  filesUnder
};
