// Headless Chromium for the e2e specs: Debian's package (playwright's own download does not
// work here). Missing browser: a loud skip on a laptop, a clear failure in CI.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const artifactsDir = 'test-artifacts';

if (!hasChromium) {
  const message = `Chromium not found at ${chromiumPath}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`;
  if (process.env.CI)
    throw new Error(`${message} The end-to-end tests cannot run in CI without it.`);
  console.warn(`\n⚠ ${message} Skipping the end-to-end tests.\n`);
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
