/**
 * Headless Chromium from Debian's packages, driven by playwright-core.
 * Flags keep it off the network: this machine has none but loopback.
 *
 * Tests run Chromium's headless shell (`chromium-headless-shell`: the same
 * Blink and V8 as the browser, without the browser's user interface layer; what
 * Playwright runs for headless tests when it downloads its browsers). It takes
 * about half the CPU of the full browser in headless mode (issue 13:
 * tests/e2e/reflow-and-layout.test.ts, run alone, took 35.5 s and 24 CPU-s
 * against 63.1 s and 46 CPU-s). The full browser stays for the one flag the
 * shell ignores, `--unsafely-treat-insecure-origin-as-secure`
 * ({@link launchBrowserTrustingOrigin}).
 */
import { chromium, type Browser } from 'playwright-core';

/** Debian's `chromium-headless-shell`, unless `CHROMIUM_HEADLESS_SHELL_PATH` names another. */
const CHROMIUM_HEADLESS_SHELL_PATH = process.env['CHROMIUM_HEADLESS_SHELL_PATH'] ?? '/usr/bin/chromium-headless-shell';

/** Debian's `chromium` (the full browser), unless `CHROMIUM_PATH` names another. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function launch(executablePath: string, extraArgs: readonly string[]): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Launch Chromium's headless shell; close it in `afterAll`.
 * @param extraArgs more Chromium flags (e.g. `--host-resolver-rules=…` to reach 127.0.0.1 under another name)
 * @returns the launched browser
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return launch(CHROMIUM_HEADLESS_SHELL_PATH, extraArgs);
}

/**
 * Launch the full headless browser with `origin` treated as a secure context,
 * as an HTTPS site is in production (the CMS needs `crypto.randomUUID`, which
 * only a secure context has); close it in `afterAll`. Needed only for origins
 * other than localhost and 127.0.0.1, which are secure contexts anyway. It runs
 * the full browser because the headless shell ignores the flag
 * (`isSecureContext` stays false there).
 * @param origin e.g. `http://cms.test:4321`
 * @param extraArgs more Chromium flags (e.g. `--host-resolver-rules=…` mapping the origin's name to 127.0.0.1)
 * @returns the launched browser
 */
export function launchBrowserTrustingOrigin(origin: string, extraArgs: readonly string[] = []): Promise<Browser> {
  return launch(CHROMIUM_PATH, [...extraArgs, `--unsafely-treat-insecure-origin-as-secure=${origin}`]);
}
