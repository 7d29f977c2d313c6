import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Workflow commands (::error:: …) from code under test must not reach a real runner's log.
    env: { GITHUB_ACTIONS: '', RUNNER_DEBUG: '' },
    pool: 'forks',
  },
});
