import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Used when run with --coverage (as `npm test` does; scripts/check-coverage.mjs holds the floor).
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      reporter: ['json-summary'],
      reportsDirectory: '.tmp/coverage',
    },
  },
});
