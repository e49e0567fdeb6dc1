/**
 * The run's file order: vitest's own (`BaseSequencer`: phases by
 * `sequence.groupOrder`, then projects, then longest first), with the files
 * of `PARALLEL_PHASE_ORDER` first in their phase, in that order
 * (`parallel-phase-order.ts`). The sort is stable: files of equal rank keep
 * vitest's order.
 */
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { phaseRank } from './parallel-phase-order.ts';
import { PROJECT_ROOT } from './paths.ts';

const TESTS = join(PROJECT_ROOT, 'tests');
const rankOf = (spec: TestSpecification) => phaseRank(relative(TESTS, spec.moduleId).split('\\').join('/'));

export class ParallelPhaseSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const groupOf = (spec: TestSpecification) => spec.project.config.sequence.groupOrder;
    return sorted.sort((a, b) => groupOf(a) - groupOf(b) || rankOf(a) - rankOf(b));
  }
}
