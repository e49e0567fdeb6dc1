/**
 * Prints two closing lines that CI tooling reads to count what ran:
 * `Tests: N passed, N failed, N skipped` and `Test files: N passed, N failed`.
 * The counts are vitest's own (its summary has another shape): a test is
 * failed only when it ran and failed; the tests of a file whose set-up failed
 * did not run and are skipped, and that file is counted as failed.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** Where the lines go (the test of this reporter collects them). */
type Write = (text: string) => void;

export default class SummaryReporter implements Reporter {
  readonly #write: Write;

  /** Vitest constructs reporters named in the configuration with their options (none here). */
  constructor(options: { readonly write?: Write } = {}) {
    this.#write = options.write ?? ((text) => process.stdout.write(text));
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const tests = { passed: 0, failed: 0, skipped: 0 };
    const files = { passed: 0, failed: 0 };
    for (const module of testModules) {
      if (module.state() === 'failed') files.failed += 1;
      else files.passed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') tests.passed += 1;
        else if (state === 'failed') tests.failed += 1;
        else tests.skipped += 1;
      }
    }
    this.#write(
      `\nTests: ${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped\n` +
        `Test files: ${files.passed} passed, ${files.failed} failed\n`,
    );
  }
}
