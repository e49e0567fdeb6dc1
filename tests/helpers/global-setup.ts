/**
 * Builds the site from the real `content/` once for the whole run; build and
 * browser tests read it from `REAL_SITE_DIST`, a folder of this run's own,
 * removed when the run ends. Started with the run's other services
 * (`run-services.ts`); several vitest projects list this set-up and share the
 * one build, and list `SITE_BUILD_READY` (`vitest-settings.ts`) to wait for it.
 */
import type { TestProject } from 'vitest/node';
import { setUpService } from './run-services.ts';

export default function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  return setUpService('global-setup.ts', project);
}
