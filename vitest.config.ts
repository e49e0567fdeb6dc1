import { defineConfig } from 'vitest/config';

/**
 * One run for every test. Files run one after another: build and browser tests
 * each run `astro build`, which shares the `.astro/` folder of the project.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/helpers/global-setup.ts'],
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
