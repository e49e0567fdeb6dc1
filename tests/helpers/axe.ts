/** axe-core in a loaded page, as the browser tests run it. */
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 levels A and AA, the level RGAA 4.1 follows, and axe's best practices (issue 14). */
export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Run every axe rule of `tags` on `page` as it is now.
 * Violations list every node; passing, incomplete and inapplicable rules are
 * all listed, with one node each (axe-core's `resultTypes`): the rules and
 * what they check are the same, but axe skips building a selector for every
 * passing node, the slow part of a run on a long page.
 * A page without frames runs in `axe.run` directly (the builder's legacy
 * mode): by default the builder runs axe per frame (`runPartial`) and merges
 * the results in a new blank page with axe injected again (`finishRun`), which
 * took more than half of each check's time (4.9 s against 2.1 s a template,
 * same rules passed, failed and inapplicable on all 21 templates). Legacy mode
 * skips cross-origin frames, so a page with frames keeps the default.
 * @param tags axe tags of the rules to run (default `AXE_TAGS`)
 */
export function analyzeWithAxe(page: Page, tags: readonly string[] = AXE_TAGS): Promise<AxeResults> {
  return new AxeBuilder({ page })
    .withTags([...tags])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode(page.frames().length === 1)
    .analyze();
}
