/**
 * Builds the site from the real `content/` once for the whole run; build and
 * browser tests read it from `REAL_SITE_DIST`.
 */
import { mkdir, rm } from 'node:fs/promises';
import { buildSite } from './astro-build.ts';
import { REAL_SITE_DIST, TEST_TMP } from './paths.ts';

export default async function setup(): Promise<void> {
  await rm(REAL_SITE_DIST, { recursive: true, force: true });
  await mkdir(TEST_TMP, { recursive: true });
  const result = await buildSite({ outDir: REAL_SITE_DIST });
  if (result.exitCode !== 0) throw new Error(`astro build of content/ failed:\n${result.output}`);
}
