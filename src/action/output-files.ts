/** Listing an output directory for the artifact (light: the post step decides with it whether it has work). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the base ref is checked out for `baseline: ref:…`: the user's code, not measurements. */
export const BASE_WORKTREE_DIR = 'base-worktree';

/** Every file under `dir` (none when it does not exist), leaving out a base-ref worktree. */
export function filesUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Appending in place: a folder of many files is never spread into a call.
    if (!entry.isDirectory()) out.push(path);
    else if (entry.name !== BASE_WORKTREE_DIR) filesUnder(path, out);
  }
  return out;
}
