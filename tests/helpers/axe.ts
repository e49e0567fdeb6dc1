/** axe-core in a loaded page, as the browser tests run it. */
import axe, { type AxeResults, type RunOptions } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * WCAG 2.1 levels A and AA, the level RGAA 4.1 follows, and axe's best practices (issue 14).
 * With axe-core 4.14 these tags select 90 rules, the same 90 as axe's default run (checked on every template).
 */
export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The page's `window`, once axe-core is in it. */
type WindowWithAxe = Window & { axe?: typeof axe };

/**
 * Put axe-core in every page and frame of `context`, before the page's own
 * scripts (Playwright's init script): for a context whose every page load is
 * checked. Chromium then evaluates the 0.55 MB source in the page itself
 * (0.28 CPU-s a load), instead of receiving it over the DevTools protocol at
 * each check (0.4 CPU-s each time, twice a check with `@axe-core/playwright`).
 * A page's own scripts never read `window.axe`; nothing is requested over the
 * network and no cookie is set.
 */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axe.source });
}

/**
 * Run every axe rule of `tags` on `page` as it is now, in the page (the main
 * frame and, as axe does, its same-origin frames, which need axe too:
 * `installAxe`). axe-core is evaluated in the page first unless `installAxe`
 * put it there.
 * Violations list every node; passing, incomplete and inapplicable rules are
 * all listed, with one node each (axe-core's `resultTypes`): the rules and
 * what they check are the same, but axe skips building a selector for every
 * passing node, the slow part of a run on a long page.
 * @param tags axe tags of the rules to run (default `AXE_TAGS`)
 * @returns axe-core's results
 * @throws Error when axe-core fails in the page (its message)
 */
export async function analyzeWithAxe(page: Page, tags: readonly string[] = AXE_TAGS): Promise<AxeResults> {
  if (!(await page.evaluate(() => (window as WindowWithAxe).axe !== undefined))) await page.evaluate(axe.source);
  const options: RunOptions = { runOnly: { type: 'tag', values: [...tags] }, resultTypes: ['violations'] };
  return page.evaluate((runOptions) => (window as WindowWithAxe).axe!.run(document, runOptions), options);
}
