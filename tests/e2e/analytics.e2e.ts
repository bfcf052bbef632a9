// The manager's analytics page in a real browser against the real stack and the demo seed: the
// charts with their titles and text summaries, a data table, a range change through the date
// picker's presets (kept in the URL), a CSV download of the data behind a chart, links from the
// ageing list to orders — and a concierge is refused. Only reads: other specs may add orders to
// the shared stack meanwhile, so nothing here depends on exact counts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins, type DemoLogin } from '../../scripts/demo-logins';

const { appUrl } = inject('e2e');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations on the page as it stands (rule id and a target). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`));
  });
}

function login(role: DemoLogin['role']): DemoLogin {
  return demoLogins.find((l) => l.role === role)!;
}

async function signIn(page: Page, who: DemoLogin, to: string) {
  await page.goto(`${appUrl}${to}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText(who.displayName).waitFor();
}

const charts = [
  'Turnaround per stage',
  'Weekly SLA breach rate',
  'Throughput and work in progress',
  'Cumulative flow',
  'Intake confirmation',
  'CAD tweak rounds',
  'QC first pass and failures',
  'Late and at-risk orders',
];

describe.skipIf(!hasChromium)('manager analytics', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`error: ${message.text()}`);
    });
  });
  afterEach(async () => {
    await context?.close();
    expect(problems.splice(0)).toEqual([]);
  });

  it('a manager sees every chart with its summary, changes the range and downloads a CSV', async () => {
    await signIn(page, login('manager'), '/analytics');
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();

    // Every chart is a titled region with a sentence describing it.
    const turnaround = page.getByRole('region', { name: 'Turnaround per stage' });
    await turnaround
      .getByText(/CAD: median [\d.]+ h, 90th percentile [\d.]+ h against a 24–48 hours target/)
      .waitFor();
    for (const title of charts) {
      const region = page.getByRole('region', { name: title });
      expect(
        await region.getByRole('button', { name: `Download CSV of ${title}` }).isVisible(),
      ).toBe(true);
    }
    expect(
      await page
        .getByRole('region', { name: 'Intake confirmation' })
        .getByText(/% of \d+ requests due were confirmed within 2 hours/)
        .isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByRole('region', { name: 'QC first pass and failures' })
        .getByText(/^First-pass yield \d+%/)
        .isVisible(),
    ).toBe(true);
    // The seed's 16 weeks draw real charts (recharts' SVG inside the figure), not empty states.
    expect(await turnaround.locator('figure .recharts-wrapper').count()).toBeGreaterThanOrEqual(4);
    expect(
      await page
        .getByRole('region', { name: 'Cumulative flow' })
        .locator('figure .recharts-wrapper')
        .count(),
    ).toBe(1);

    // The ageing list links each late or at-risk order to its workspace.
    const ageing = page.getByRole('region', { name: 'Late and at-risk orders' });
    const firstOrder = ageing.getByRole('link', { name: /^LP-\d{4}-\d{4,}$/ }).first();
    const code = await firstOrder.textContent();
    expect(await firstOrder.getAttribute('href')).toBe(`/orders/${code}`);

    // The data behind a chart, as a table.
    const breaches = page.getByRole('region', { name: 'Weekly SLA breach rate' });
    await breaches.getByRole('button', { name: 'Show data table' }).click();
    const table = breaches.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Week starting',
      'Stage',
      'Stays ended',
      'Over target',
      'Breach rate (%)',
    ]);
    await page.screenshot({ path: `${artifactsDir}/analytics-manager.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // A shorter range through the picker's presets: the URL and the charts follow.
    const before = new URL(page.url()).searchParams;
    const flowSummary = page
      .getByRole('region', { name: 'Throughput and work in progress' })
      .getByText(/delivered over \d+ weeks/);
    expect(await flowSummary.textContent()).toMatch(/over 16 weeks/);
    await page.getByRole('button', { name: /^Date range/ }).click();
    await page.getByRole('button', { name: 'Last 4 weeks' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('from'))
      .not.toBe(before.get('from') ?? null);
    await expect.poll(() => flowSummary.textContent()).toMatch(/over 4 weeks/);
    const from = new URL(page.url()).searchParams.get('from')!;
    const to = new URL(page.url()).searchParams.get('to')!;
    expect(Date.parse(to) - Date.parse(from)).toBeLessThan(28 * 86_400_000);

    // The product filter too, then the CSV of what is on screen.
    await page.getByRole('combobox', { name: 'Product' }).click();
    await page.getByRole('option', { name: 'Bespoke rings' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('product')).toBe('bespoke_ring');
    await page.getByText(/· Bespoke rings$/).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      turnaround.getByRole('button', { name: 'Download CSV of Turnaround per stage' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `analytics-turnaround-per-stage-${from}-to-${to}-bespoke_ring.csv`,
    );
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'Stage,Unit,Target from,Target to,Stays,Median,90th percentile,Over target',
    );
    expect(csv.slice(1, 5).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      'CAD,hours,24,48',
      'Production,business days,10,14',
      'QC,days,1,3',
      'Shipping,days,3,5',
    ]);
    await page.screenshot({ path: `${artifactsDir}/analytics-filtered.png`, fullPage: true });
  });

  it('a concierge is told analytics are for managers', async () => {
    await signIn(page, login('concierge'), '/analytics');
    await page.getByText('Only managers can open analytics.').waitFor();
    expect(await page.getByRole('heading', { name: 'Not for your role' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Turnaround per stage' }).count()).toBe(0);
    await page.screenshot({ path: `${artifactsDir}/analytics-refused.png` });
  });
});
