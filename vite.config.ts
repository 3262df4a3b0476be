import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Model tests run ensembles; give them room on a 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
