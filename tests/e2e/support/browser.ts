// Headless Chromium for the e2e specs: Debian's package (playwright's own download does not
// work here). Missing browser: a loud skip on a laptop, a clear failure in CI.
// Every page opened in a browser launched here is watched (support/page-health): a test fails
// when a page threw, left a promise rejection unhandled, or logged an error or warning that the
// spec did not declare as expected with allowPageProblems().
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, afterEach, expect, onTestFinished } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { watchPage } from './page-health';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const artifactsDir = 'test-artifacts';

if (!hasChromium) {
  const message = `Chromium not found at ${chromiumPath}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`;
  if (process.env.CI)
    throw new Error(`${message} The end-to-end tests cannot run in CI without it.`);
  console.warn(`\n⚠ ${message} Skipping the end-to-end tests.\n`);
}

const expected: RegExp[] = [];
const collectors: (() => string[])[] = [];

/**
 * Console lines a spec provokes on purpose (a refusal's 4xx, the browser's own lines while a
 * server is stopped). Called inside a test: for that test only; at the top of a file: for the
 * whole file. Say why beside each pattern.
 */
export function allowPageProblems(...patterns: RegExp[]): void {
  expected.push(...patterns);
  try {
    // Runs after the afterEach check below, so the patterns still apply to it.
    onTestFinished(() => {
      for (const pattern of patterns) expected.splice(expected.indexOf(pattern), 1);
    });
  } catch {
    // Not inside a test: the patterns stay for the rest of the file.
  }
}

/** What the watched pages did wrong since the last call (the hooks below call it). */
export function takePageProblems(): string[] {
  return collectors.flatMap((take) => take());
}

// Registered when a spec imports this module, so each spec gets them without asking.
afterEach(() => {
  expect(takePageProblems(), 'page errors, unhandled rejections or console errors').toEqual([]);
});
afterAll(() => {
  expect(takePageProblems(), 'page errors after the last test').toEqual([]);
});

/** `extraArgs`: e.g. a fake camera playing a .y4m file (tests/e2e/scan.e2e.ts). */
export async function launchBrowser({
  extraArgs = [],
}: { extraArgs?: string[] } = {}): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
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
  // browser.newPage() goes through newContext() too, so every page is covered.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', (page) => collectors.push(watchPage(page, { allow: expected })));
    return context;
  };
  return browser;
}
