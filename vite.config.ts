import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web app (index.html at the root, code in web/): relative base, so dist/ works from any
  // web server path and offline.
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    // Model tests run ensembles; give them room on a 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
