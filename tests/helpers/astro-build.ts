/**
 * Runs the site's build in a child process, on a chosen content folder and
 * output folder, with a chosen time zone: the same command a deploy runs
 * (`npm run build`, `scripts/build.ts`: `astro build` with the build's Node
 * flags). Builds of test files running side by side take turns (`build-lock.ts`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { withAstroLock } from './build-lock.ts';
import { PROJECT_ROOT } from './paths.ts';

export interface BuildOptions {
  /** Content folder to build from (absolute); default the real `content/`. */
  readonly contentDir?: string;
  /** Output folder (absolute). */
  readonly outDir: string;
  /** IANA time zone of the build process (default UTC). */
  readonly timeZone?: string;
  /** Netlify's build context (`CONTEXT`: `production`, `deploy-preview`…); unset by default, as locally and in CI. */
  readonly context?: string;
}

export interface BuildResult {
  readonly exitCode: number;
  /** stdout and stderr together, without colour codes. */
  readonly output: string;
}

/** `npm run build`, as Netlify runs it (netlify.toml). */
const BUILD_SCRIPT = join(PROJECT_ROOT, 'scripts', 'build.ts');

/**
 * Build the site once no other test process of the run is building; resolves
 * with the exit code and the log (never rejects on a failed build).
 */
export function buildSite(options: BuildOptions): Promise<BuildResult> {
  return withAstroLock(() => runAstroBuild(options));
}

/**
 * Build the site at once: only for a caller that already holds the Astro lock
 * (`build-lock.ts`), such as one that must check and build under one turn.
 * Resolves with the exit code and the log (never rejects on a failed build).
 */
export function runAstroBuild(options: BuildOptions): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILD_SCRIPT, '--outDir', options.outDir], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        // Vitest sets NODE_ENV=test, which would bundle development React into /admin.
        NODE_ENV: 'production',
        TZ: options.timeZone ?? 'UTC',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}),
        ...(options.context ? { CONTEXT: options.context } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // Some loggers colour their output even with NO_COLOR; strip the codes.
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: output.replace(/\u001b\[[0-9;]*m/g, '') }));
  });
}
