/**
 * The closing lines of `npm test` (`tests/helpers/summary-reporter.ts`) agree
 * with vitest's own counts: a file whose set-up failed is one failed file and
 * its tests are skipped, not counted as failed tests (issue 13).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import SummaryReporter from '../helpers/summary-reporter.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

it('counts tests and files as vitest does', async () => {
  let printed = '';
  const vitest = await startVitest('test', [], {
    root: join(PROJECT_ROOT, 'tests', 'fixtures', 'summary-reporter'),
    config: false,
    include: ['*.fixture.ts'],
    watch: false,
    reporters: [new SummaryReporter({ write: (text) => (printed += text) })],
  });
  await vitest.close();
  expect(printed).toBe('\nTests: 3 passed, 1 failed, 3 skipped\nTest files: 1 passed, 2 failed\n');
});
