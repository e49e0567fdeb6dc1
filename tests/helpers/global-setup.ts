/**
 * Builds the site from the real `content/` once for the whole run; build and
 * browser tests read it from `REAL_SITE_DIST`, a folder of this run's own (the
 * run id set here is inherited by the test workers), removed when the run ends.
 * Several vitest projects list this set-up: the first one to start builds, the
 * others find the run id already set by this process and reuse the build.
 */
import { mkdir, rm } from 'node:fs/promises';
import { buildSite } from './astro-build.ts';
import { TEST_TMP, realSiteDistOf } from './paths.ts';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const runId = String(process.pid);
  if (process.env['PBC_TEST_RUN'] === runId) return undefined;
  process.env['PBC_TEST_RUN'] = runId;
  const outDir = realSiteDistOf(runId);
  await mkdir(TEST_TMP, { recursive: true });
  const result = await buildSite({ outDir });
  if (result.exitCode !== 0) throw new Error(`astro build of content/ failed:\n${result.output}`);
  return () => rm(outDir, { recursive: true, force: true });
}
