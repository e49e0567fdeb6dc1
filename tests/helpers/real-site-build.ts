/**
 * The run's build of the real `content/` (into `REAL_SITE_DIST`), which the
 * run's first set-up starts and does not wait for (`run-services.ts`): vitest
 * awaits every global set-up before the first test file, so a build awaited
 * there kept the unit and component phase from starting for the build's
 * ~10 s. The build's outcome goes to a file beside the output folder; the
 * test files that read the site wait for it (`wait-for-real-site.ts`, a setup
 * file of the projects that list the build), and all of them fail with the
 * build's log when it failed.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSite, type BuildResult } from './astro-build.ts';

/** How often a waiting test file looks for the outcome (ms). */
const POLL_INTERVAL_MS = 100;

/** The file holding the outcome (a `BuildResult` as JSON) of the build into `outDir`. */
const outcomeFileOf = (outDir: string) => `${outDir}.outcome.json`;

/**
 * Start building the real site into `outDir`; the outcome file is written when
 * the build ends, whether it passed, failed or could not start.
 * @returns resolves once the outcome is written (never rejects)
 */
export async function startRealSiteBuild(outDir: string): Promise<void> {
  await rm(outcomeFileOf(outDir), { force: true });
  const outcome: BuildResult = await buildSite({ outDir }).catch((error: unknown) => ({ exitCode: -1, output: String(error) }));
  await writeFile(outcomeFileOf(outDir), JSON.stringify(outcome));
}

/** Remove the built site and its outcome file. */
export async function removeRealSite(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await rm(outcomeFileOf(outDir), { force: true });
}

/**
 * Wait until the build into `outDir` has ended (no time limit of its own: the
 * run's set-up started it, and a build ends or fails).
 * @throws when the build failed, with its log
 */
export async function waitForRealSite(outDir: string): Promise<void> {
  for (;;) {
    const text = await readFile(outcomeFileOf(outDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text !== undefined) {
      const outcome = JSON.parse(text) as BuildResult;
      if (outcome.exitCode !== 0) throw new Error(`astro build of content/ failed:\n${outcome.output}`);
      return;
    }
    await sleep(POLL_INTERVAL_MS);
  }
}
