import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env['ROSTER_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with no calls home (the network is closed here). Playwright gives every
 * launch a fresh temporary profile of its own.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, close: () => browser.close() };
}
