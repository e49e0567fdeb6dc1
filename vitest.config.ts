import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

/** Tests of `.astro` components, rendered with Astro's container API. */
const COMPONENT_TESTS = 'tests/components/**/*.test.ts';

/**
 * One run for every test. Files run one after another: build and browser tests
 * each run `astro build`, which shares the `.astro/` folder of the project.
 * Component tests are a project of their own: Astro's Vite plugins compile
 * `.astro` files there (Astro's `container-with-vitest` example), from an
 * inline configuration without `astro.config.mjs`, whose Netlify plugin would
 * emulate the platform inside the test process; without the dev toolbar, which
 * would annotate every element with its source file.
 */
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'site', include: ['tests/**/*.test.ts'], exclude: [COMPONENT_TESTS], globalSetup: ['tests/helpers/postgres-global-setup.ts', 'tests/helpers/global-setup.ts'] } },
      getViteConfig({ test: { name: 'components', include: [COMPONENT_TESTS] } }, { configFile: false, logLevel: 'error', devToolbar: { enabled: false } }),
    ],
  },
});
