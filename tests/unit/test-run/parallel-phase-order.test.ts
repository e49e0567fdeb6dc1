import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_PHASE_ORDER, phaseRank } from '../../helpers/parallel-phase-order.ts';
import { PROJECT_ROOT } from '../../helpers/paths.ts';

/** The test files of a folder of `tests/`, as paths from `tests/`. */
const testFilesOf = (folder: string) =>
  readdirSync(join(PROJECT_ROOT, 'tests', folder))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `${folder}/${name}`);

describe('the order of the browser and build files', () => {
  it('lists every browser and build file once, and only those: a new one gets its place by the Astro lock it takes', () => {
    expect([...PARALLEL_PHASE_ORDER].sort()).toEqual([...testFilesOf('build'), ...testFilesOf('e2e')].sort());
  });

  it('starts with dev-server, which holds the lock throughout, beside reflow-and-layout, which takes none, then the build files', () => {
    expect(PARALLEL_PHASE_ORDER.slice(0, 3)).toEqual(['e2e/dev-server.test.ts', 'e2e/reflow-and-layout.test.ts', 'build/build-site.test.ts']);
  });

  it('ranks a listed file by its place and any other file after all of them', () => {
    expect(phaseRank('e2e/dev-server.test.ts')).toBe(0);
    expect(phaseRank('e2e/french-search.test.ts')).toBe(15);
    expect(phaseRank('functions/form-fuzz.test.ts')).toBe(16);
  });
});
