// The workshop server goes away and comes back while someone is mid-task: the app says it is
// reconnecting, keeps what they typed, refuses their save plainly rather than losing it, and
// catches up without a reload — the change made while it was away is read again, and live
// updates flow once more (Realtime rejoined). Its own stack, on a persisted data folder and a
// fixed port, so it can be stopped and started again without touching the shared one.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { startStack, type Stack } from '../../local-supabase/server';
import { allowPageProblems, artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { startAppServer, type AppServer } from './support/app-server';
import { demoLogins } from '../../scripts/demo-logins';

/** A port nobody listens on now, kept for both lives of the stack. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function stackOn(dataDir: string, port: number): Promise<Stack> {
  return startStack({ projectDir: 'supabase', data: dataDir, port, log: () => undefined });
}

type Order = { id: string; code: string };

async function createOrder(
  svc: SupabaseClient,
  stage: 'production' | 'shipping',
  customerName: string,
  productName: string,
): Promise<Order> {
  const customer = await svc
    .from('customers')
    .insert({ display_name: customerName })
    .select('id')
    .single();
  if (customer.error) throw new Error(customer.error.message);
  const order = await svc
    .from('orders')
    .insert({
      customer_id: customer.data.id,
      product: 'stacking_rings',
      product_name: productName,
      metal: 'gold_18k_rose',
      has_stones: false,
      ring_size: 6.5,
      quote_amount: 1400,
      paid_at: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      payment_method: 'card',
      stage,
      cad_state: 'approved',
    })
    .select('id, code')
    .single();
  if (order.error) throw new Error(order.error.message);
  return order.data as Order;
}

async function rename(svc: SupabaseClient, order: Order, productName: string) {
  const { error } = await svc
    .from('orders')
    .update({ product_name: productName })
    .eq('id', order.id);
  if (error) throw new Error(error.message);
}

describe.skipIf(!hasChromium)('when the workshop server goes away and comes back', () => {
  let dataDir: string;
  let port: number;
  let stack: Stack | undefined;
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  let svc: (url: string) => SupabaseClient;
  const tag = Date.now().toString(36);
  let shipping: Order;
  let renamedWhileAway: Order;
  let renamedAfter: Order;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'loupe-resilience-'));
    port = await freePort();
    stack = await stackOn(dataDir, port);
    const { serviceRoleKey } = stack;
    // The spec writes through REST only; supabase-js still wants a WebSocket class in Node.
    svc = (url) =>
      createClient(url, serviceRoleKey, {
        auth: { persistSession: false },
        realtime: { transport: ws as unknown as typeof WebSocket },
      });
    const admin = svc(stack.url);
    // One customer name for the three, so the board's search shows just them (its columns
    // only draw the cards in view).
    const customer = `Resilience ${tag}`;
    shipping = await createOrder(admin, 'shipping', customer, `Resilience ship ${tag}`);
    renamedWhileAway = await createOrder(admin, 'production', customer, `Resilience away ${tag}`);
    renamedAfter = await createOrder(admin, 'production', customer, `Resilience live ${tag}`);
    app = await startAppServer(stack);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await stack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says it is reconnecting, keeps the typed tracking number, and catches up without a reload', async () => {
    // While the stack is down, the browser logs each request and socket it could not open.
    allowPageProblems(
      /Failed to load resource: net::ERR_CONNECTION_REFUSED/,
      /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/realtime\/v1\/websocket.*' failed/,
    );
    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
    const page: Page = await context.newPage();
    const manager = demoLogins.find((l) => l.role === 'manager')!;

    await page.goto(`${app!.url}/board?q=${tag}&order=${shipping.code}`);
    await page.getByRole('textbox', { name: 'Email' }).fill(manager.email);
    await page.getByLabel(/^Password/).fill(manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const card = (order: Order) => page.getByRole('article', { name: `Order ${order.code}` });
    await card(renamedWhileAway).getByText(`Resilience away ${tag}`).waitFor();
    // Live: the board's own Realtime channel has joined.
    await page.getByRole('status', { name: /^Live\./ }).waitFor();

    // In the order's drawer: a shipment, carrier chosen and tracking number typed, not saved.
    const drawer = page.getByRole('dialog', { name: new RegExp(`^Order ${shipping.code}`) });
    await drawer.getByRole('button', { name: 'Add shipment' }).click();
    await drawer.getByRole('combobox', { name: 'Carrier' }).click();
    await page.getByRole('option', { name: 'UPS' }).click();
    const tracking = drawer.getByRole('textbox', { name: /Tracking number/ });
    await tracking.fill('1Z 999 AA1 0123456784');

    const reconnecting = page
      .getByRole('status')
      .filter({ hasText: 'Reconnecting to the workshop server…' });
    const caughtUp = page.getByRole('status').filter({ hasText: 'Back online — catching up' });

    // Every text the page's polite status regions show from now on, in order: the "catching
    // up" note lasts only seconds, and a busy machine must not make the test miss it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusLog: string[] }).statusLog = seen;
      const record = () => {
        for (const region of document.querySelectorAll('[role="status"][aria-live="polite"]')) {
          const text = region.textContent?.trim() ?? '';
          if (text && seen.at(-1) !== text) seen.push(text);
        }
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const statusLog = () =>
      page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);

    // The server stops.
    const stoppedAt = Date.now();
    await stack!.close();
    stack = undefined;
    await reconnecting.waitFor({ timeout: 10_000 });
    const bannerAfterMs = Date.now() - stoppedAt;
    await page.screenshot({ path: `${artifactsDir}/resilience-reconnecting.png` });

    // A save tried now fails plainly, and nothing typed is lost.
    await drawer.getByRole('button', { name: 'Add shipment' }).click();
    await drawer
      .getByRole('alert')
      .filter({ hasText: "Can't reach the server. Check your connection and try again." })
      .waitFor();
    expect(await tracking.inputValue()).toBe('1Z 999 AA1 0123456784');
    // Still the board as it was: the last read stays on screen.
    expect(await card(renamedWhileAway).getByText(`Resilience away ${tag}`).isVisible()).toBe(true);

    // Back on the same port, with the same data; someone changes an order before this page
    // has reconnected (Realtime cannot deliver that one: the page must read it again).
    stack = await stackOn(dataDir, port);
    const restartedAt = Date.now();
    const admin = svc(stack.url);
    await rename(admin, renamedWhileAway, `Resilience caught up ${tag}`);

    await expect.poll(statusLog, { timeout: 20_000 }).toContain('Back online — catching up');
    const recoveredAfterMs = Date.now() - restartedAt;
    await page.screenshot({ path: `${artifactsDir}/resilience-back-online.png` });
    expect(await reconnecting.count()).toBe(0);
    // The polite region said one thing, then the other (the board's own region may speak too).
    const said = (await statusLog()).filter((text) => /workshop server|Back online/.test(text));
    expect(said).toEqual(['Reconnecting to the workshop server…', 'Back online — catching up']);
    await card(renamedWhileAway).getByText(`Resilience caught up ${tag}`).waitFor();
    expect(await tracking.inputValue()).toBe('1Z 999 AA1 0123456784');
    await page.getByRole('status', { name: /^Live\./ }).waitFor();
    // The "catching up" note goes away by itself.
    await expect.poll(() => caughtUp.count(), { timeout: 10_000 }).toBe(0);

    // Live again: a change now arrives through the rejoined channel, no reload, no refetch.
    const changedAt = Date.now();
    await rename(admin, renamedAfter, `Resilience live again ${tag}`);
    await card(renamedAfter).getByText(`Resilience live again ${tag}`).waitFor({ timeout: 5_000 });
    const liveAfterMs = Date.now() - changedAt;

    // And the kept input saves now.
    await drawer.getByRole('button', { name: 'Add shipment' }).click();
    await drawer
      .getByRole('table', { name: 'Shipments' })
      .getByText('1Z999AA10123456784')
      .waitFor();
    const { data: shipments } = await admin
      .from('shipments')
      .select('tracking_number')
      .eq('order_id', shipping.id);
    expect(shipments).toEqual([{ tracking_number: '1Z999AA10123456784' }]);

    console.info(
      `resilience: banner ${bannerAfterMs} ms after stop, recovered ${recoveredAfterMs} ms after restart, live event ${liveAfterMs} ms (machine shared; inflated)`,
    );
    await context.close();
  });
});
