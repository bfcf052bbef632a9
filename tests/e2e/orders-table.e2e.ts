// The orders table with a year's worth of orders: 10,000 generated orders (inserted in bulk
// through the service role, ~15 s), then a manager sorts, filters, pages, exports CSV and opens
// an order from the keyboard — in a real browser against the real stack. The generated pieces
// share a product name ("Tableau piece …") so every assertion can narrow to them with the
// table's own search and stay true whatever other specs add to the shared stack. 99 % are
// delivered or cancelled; the rest wait in intake, a stage nothing moves into and that has no
// WIP limit, so no other spec's move is refused for a crowded stage and the board stays small.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins } from '../../scripts/demo-logins';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');
const TOTAL = 10_000;
const TAG = `Tableau ${Date.now().toString(36)}`;
type Stage = 'delivered' | 'cancelled' | 'intake';

/** Stage of the i-th generated order: 99 % finished, 1 % waiting in intake. */
function stageOf(i: number): Stage {
  if (i % 100 !== 7) return i % 5 === 0 ? 'cancelled' : 'delivered';
  return 'intake';
}

const day = 86_400_000;
const hour = 3_600_000;
/** Intake pieces entered k/4 days + 1 h ago (k = ⌊i / 100⌋ mod 30): an hour clear of intake's
 * 12 h / 24 h thresholds, so the test's own minutes never flip a colour. */
const enteredAgo = (i: number) => ((Math.floor(i / 100) % 30) * day) / 4 + hour;

async function generateOrders(svc: SupabaseClient): Promise<void> {
  const now = Date.now();
  const customers = Array.from({ length: TOTAL }, (_, i) => ({
    id: crypto.randomUUID(),
    display_name: `Bulk ${String(i).padStart(5, '0')}`,
  }));
  const chunk = 2500;
  for (let i = 0; i < TOTAL; i += chunk) {
    const { error } = await svc.from('customers').insert(customers.slice(i, i + chunk));
    if (error) throw new Error(error.message);
  }
  const workshop = demoLogins.find((l) => l.role === 'workshop')!.id;
  const orders = customers.map((c, i) => {
    const stage = stageOf(i);
    const created = now - (TOTAL - i) * 50 * 60_000; // one every 50 minutes, oldest first
    const paid = stage === 'delivered';
    return {
      customer_id: c.id,
      product: (['bespoke_ring', 'stacking_rings', 'layering_trio', 'earscape'] as const)[i % 4],
      product_name: `${TAG} piece ${i}`,
      metal: 'platinum',
      stage,
      stage_entered_at: new Date(
        stage === 'delivered' || stage === 'cancelled' ? created + 20 * day : now - enteredAgo(i),
      ).toISOString(),
      created_at: new Date(created).toISOString(),
      paid_at: paid ? new Date(created + day).toISOString() : null,
      payment_method: paid ? 'card' : null,
      cancel_reason: stage === 'cancelled' ? 'Generated for the orders table test' : null,
      cad_state: paid ? 'approved' : null,
      promised_date: new Date(created + 30 * day).toISOString().slice(0, 10),
      assignee_id: paid ? workshop : null,
    };
  });
  for (let i = 0; i < TOTAL; i += chunk) {
    const { error } = await svc.from('orders').insert(orders.slice(i, i + chunk));
    if (error) throw new Error(error.message);
  }
}

const manager = demoLogins.find((l) => l.role === 'manager')!;

async function signIn(page: Page, to: string) {
  await page.goto(`${appUrl}${to}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(manager.email);
  await page.getByLabel(/^Password/).fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText(manager.displayName).waitFor();
}

const countText = (page: Page) => page.getByTestId('orders-count').textContent();

async function waitForCount(page: Page, total: number) {
  const formatted = new Intl.NumberFormat('en-US').format(total);
  await poll(() => countText(page)).toMatch(new RegExp(`of ${formatted} orders$`));
}

/** The codes in the table body, top to bottom. */
async function visibleCodes(page: Page): Promise<string[]> {
  const rows = page.getByRole('table', { name: 'Orders' }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
}

/** The table shows the rows of its current request (not the previous page kept meanwhile). */
async function settled(page: Page) {
  const table = page.getByRole('table', { name: 'Orders' });
  await poll(() => table.getAttribute('aria-busy')).toBe('false');
}

/** Picks an option of a filter with the keyboard: focus, ArrowDown opens the list. */
async function pick(page: Page, field: string, option: string) {
  await page.getByRole('combobox', { name: field, exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** The texts of the n-th column (1-based) of the rows on screen. */
function columnTexts(page: Page, n: number): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Orders' })
    .locator(`tbody tr td:nth-child(${n})`)
    .allTextContents();
}

/** expect.poll with room for a machine shared by many test runs (the default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });

const codeNumber = (code: string) => Number(code.split('-')[2]);

describe.skipIf(!hasChromium)('the orders table with 10,000 orders', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    const started = performance.now();
    await generateOrders(svc);
    console.log(`generated ${TOTAL} orders in ${Math.round(performance.now() - started)} ms`);
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await signIn(page, `/orders?q=${encodeURIComponent(TAG)}`);
    // The dev server bundles the table's libraries when the lazy route first asks for them;
    // with HMR off the page that triggered it keeps the old bundle (vite.config.ts does not
    // list them in optimizeDeps.include), so the first load is a warm-up and is reloaded.
    await page.waitForLoadState('networkidle');
    await page.reload();
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  it('lists all 10,000 with an exact count, 50 a page, newest first', async () => {
    await waitForCount(page, TOTAL);
    expect(await countText(page)).toBe(`Showing 1–50 of 10,000 orders`);
    const codes = await visibleCodes(page);
    expect(codes).toHaveLength(50);
    // Newest first by default: codes were given in creation order.
    expect(codeNumber(codes[0]!)).toBeGreaterThan(codeNumber(codes[49]!));
    await page.screenshot({ path: `${artifactsDir}/orders-table-10k.png` });
  });

  it('sorts by order code both ways on the server (numbers, not text)', async () => {
    const header = page.getByRole('columnheader', { name: /^Order/ });
    // Keyboard: the header's sort button takes Enter.
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await settled(page);
    const numbers = (await visibleCodes(page)).map(codeNumber);
    expect(numbers).toHaveLength(50);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('code.asc');

    // The last page holds the highest codes: paging goes through PostgREST ranges.
    await page.getByRole('button', { name: 'Last page' }).click();
    await poll(() => countText(page)).toBe('Showing 9,951–10,000 of 10,000 orders');
    await settled(page);
    const lastPage = (await visibleCodes(page)).map(codeNumber);
    expect(Math.min(...lastPage)).toBeGreaterThan(Math.max(...numbers));

    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await poll(() => countText(page)).toBe('Showing 1–50 of 10,000 orders');
    await settled(page);
    expect(codeNumber((await visibleCodes(page))[0]!)).toBe(Math.max(...lastPage));
  });

  it('filters by stage and SLA, keeps the view in the URL, and survives a reload', async () => {
    const expectedIntake = Array.from({ length: TOTAL }, (_, i) => stageOf(i)).filter(
      (s) => s === 'intake',
    ).length;
    await pick(page, 'Stage', 'Intake');
    await waitForCount(page, expectedIntake);
    expect(new URL(page.url()).searchParams.get('stage')).toBe('intake');
    // Every row on screen is in intake (polled: the previous rows stay until the new ones land).
    await poll(() => columnTexts(page, 5).then((t) => [...new Set(t)])).toEqual(['Intake']);

    await page.reload();
    await waitForCount(page, expectedIntake);

    // Cancelled pieces have no SLA clock: filtering on "Late" leaves only active ones.
    await pick(page, 'Stage', 'Cancelled');
    const expectedBoth =
      expectedIntake +
      Array.from({ length: TOTAL }, (_, i) => stageOf(i)).filter((s) => s === 'cancelled').length;
    await waitForCount(page, expectedBoth);
    await pick(page, 'SLA', 'Late');
    expect(new URL(page.url()).searchParams.get('sla')).toBe('red');
    // Cancelled pieces (no clock) drop out; intake turns red after 24 h: k/4 days + 1 h > 24 h
    // from k = 4.
    const lateIntake = Array.from({ length: TOTAL }, (_, i) => i).filter(
      (i) => stageOf(i) === 'intake' && Math.floor(i / 100) % 30 >= 4,
    ).length;
    expect(lateIntake).toBeGreaterThan(0);
    await waitForCount(page, lateIntake);
    await poll(async () => {
      const sla = await columnTexts(page, 7);
      return sla.length > 0 && sla.every((t) => t.startsWith('Late'));
    }).toBe(true);
    await page.screenshot({ path: `${artifactsDir}/orders-table-filtered.png` });
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    // Filters (the search too) go; the sort stays.
    await poll(() => [...new URL(page.url()).searchParams.keys()]).toEqual(['sort']);
  });

  it('exports the whole filtered set as CSV, all pages', async () => {
    await page.goto(`${appUrl}/orders?q=${encodeURIComponent(TAG)}&sort=code.asc&hide=metal`);
    await waitForCount(page, TOTAL);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'Order,Customer,Product,Stage,Time in stage,SLA,Promised,Assignee,Paid,CAD rounds,Created',
    );
    expect(lines).toHaveLength(TOTAL + 1);
    const codes = lines.slice(1).map((l) => l.split(',')[0]!);
    expect(new Set(codes).size).toBe(TOTAL);
    const numbers = codes.map(codeNumber);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(lines[1]).toMatch(/^LP-\d{4}-\d{4,},Bulk 00000,/);
  });

  it('opens an order from the keyboard: Tab to a row, Enter', async () => {
    const firstRow = page.getByRole('table', { name: 'Orders' }).locator('tbody tr').first();
    const code = (await firstRow.locator('td').first().textContent())!;
    await firstRow.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/orders/${code}$`));
  });
});
