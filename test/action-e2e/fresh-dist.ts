/**
 * Global setup of the e2e project: these tests run dist/, so a dist/ that is not a build of the
 * current src/ would be tested silently. Refuse it, saying how to fix it (`npm run test:e2e` and
 * `npm test` build first).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const check = spawnSync(process.execPath, ['scripts/build.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`e2e tests refused: ${check.stderr.trim() || check.stdout.trim() || `build check exited ${check.status}`}`);
}
