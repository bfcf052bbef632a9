// The page-health watch every spec relies on (support/browser.ts) catches what it must: an
// unhandled promise rejection, an uncaught error, a console error, a failed request naming its
// URL; and lets through only what a spec declared as expected.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { allowPageProblems, hasChromium, launchBrowser, takePageProblems } from './support/browser';

const { stackUrl } = inject('e2e');

/** Waits until the watch has seen `count` problems, and hands them over (so the hook sees none). */
async function problemsSeen(count: number): Promise<string[]> {
  const seen: string[] = [];
  await expect
    .poll(() => {
      seen.push(...takePageProblems());
      return seen.length;
    })
    .toBeGreaterThanOrEqual(count);
  return seen;
}

describe.skipIf(!hasChromium)('page health watch', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The stack's JSON page has no icon; the browser's request for one is not under test here.
    allowPageProblems(/status of 404 .*\/favicon\.ico$/);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${stackUrl}/health`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reports an unhandled promise rejection and an uncaught error', async () => {
    await page.evaluate(() => {
      void Promise.reject(new Error('nobody handled this rejection'));
      setTimeout(() => {
        throw new Error('nobody caught this error');
      });
    });
    const problems = await problemsSeen(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^uncaught: .*nobody handled this rejection/),
        expect.stringMatching(/^uncaught: .*nobody caught this error/),
      ]),
    );
  });

  it('reports a console error, and a refused request with its URL', async () => {
    await page.evaluate(async (url) => {
      console.error('a React warning, say');
      await fetch(`${url}/rest/v1/orders`); // no API key: the gateway answers 401
    }, stackUrl);
    const problems = await problemsSeen(2);
    expect(problems).toEqual(
      expect.arrayContaining([
        'console error: a React warning, say',
        expect.stringMatching(/status of 401 .*\/rest\/v1\/orders$/),
      ]),
    );
  });

  it('lets through only what the spec declared as expected', async () => {
    allowPageProblems(/status of 401 .*\/rest\/v1\/orders$/);
    await page.evaluate(async (url) => {
      await fetch(`${url}/rest/v1/orders`);
      await fetch(`${url}/rest/v1/shipments`);
    }, stackUrl);
    const problems = await problemsSeen(1);
    // Give a stray second line time to arrive before saying there was only one.
    await page.waitForTimeout(300);
    problems.push(...takePageProblems());
    expect(problems).toEqual([expect.stringMatching(/status of 401 .*\/rest\/v1\/shipments$/)]);
  });

  it('a pattern allowed inside a test ends with that test', async () => {
    await page.evaluate(async (url) => {
      await fetch(`${url}/rest/v1/orders`);
    }, stackUrl);
    expect(await problemsSeen(1)).toEqual([
      expect.stringMatching(/status of 401 .*\/rest\/v1\/orders$/),
    ]);
  });
});
