import { defineConfig } from 'vitest/config';

// Two projects: `unit` (everything in process, plus the harness and real-process measure tests)
// and `e2e` (the bundled dist/ run as a runner would; refuses a stale dist/). `npm test` runs both.
export default defineConfig({
  test: {
    // Timeouts only catch hangs: on a busy machine a real process tree or a harness start takes
    // minutes, and no assertion depends on how long anything took.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Workflow commands (::error:: …) from code under test must not reach a real runner's log.
    env: { GITHUB_ACTIONS: '', RUNNER_DEBUG: '' },
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/action-e2e/**', 'test/**/*.e2e.test.ts'] } },
      // Every test that runs dist/ is named *.e2e.test.ts (test/security has some too).
      { extends: true, test: { name: 'e2e', include: ['test/**/*.e2e.test.ts'], globalSetup: ['test/action-e2e/fresh-dist.ts'] } },
    ],
  },
});
