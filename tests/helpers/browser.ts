/**
 * Headless Chromium from Debian's package, driven by playwright-core.
 * Flags keep it off the network: this machine has none but loopback.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Launch a headless browser; close it in `afterAll`.
 * @param extraArgs more Chromium flags (e.g. `--host-resolver-rules=…` to reach 127.0.0.1 under another name)
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
