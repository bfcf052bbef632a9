// The live board in a real browser against the real stack: a workshop person drags a paid,
// approved order from CAD to production with the mouse; QC's refused move (checklist not done)
// shows the database's reason and the card goes back; a move in one browser appears in another
// within two seconds. Each test makes its own orders with the service role, so specs running in
// parallel never fight over a seeded card.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { allowPageProblems, artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins, type DemoLogin } from '../../scripts/demo-logins';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

function login(role: DemoLogin['role']): DemoLogin {
  const found = demoLogins.find((l) => l.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found;
}

let svc: SupabaseClient;

async function must<T>(query: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await query;
  if (error) throw new Error(JSON.stringify(error));
  if (data === null || data === undefined) throw new Error('no data');
  return data;
}

type Order = { id: string; code: string };

/** An order standing in CAD, paid and with the design approved: ready for production. */
async function approvedCadOrder(customer: string): Promise<Order> {
  const { id: customerId } = await must(
    svc.from('customers').insert({ display_name: customer }).select('id').single(),
  );
  return must(
    svc
      .from('orders')
      .insert({
        customer_id: customerId,
        product: 'bespoke_ring',
        product_name: 'Oval solitaire',
        metal: 'platinum',
        ring_size: 6.5,
        quote_amount: 4200,
        paid_at: new Date(Date.now() - 86_400_000).toISOString(),
        payment_method: 'card',
        stage: 'cad',
        cad_state: 'approved',
      })
      .select('id, code')
      .single(),
  );
}

/** An order in QC whose checklist run has started but nothing is checked yet. */
async function uncheckedQcOrder(customer: string): Promise<Order> {
  const { id: customerId } = await must(
    svc.from('customers').insert({ display_name: customer }).select('id').single(),
  );
  const order = await must(
    svc
      .from('orders')
      .insert({
        customer_id: customerId,
        product: 'stacking_rings',
        product_name: 'Contour band trio',
        metal: 'gold_18k_yellow',
        has_stones: false,
        quote_amount: 1900,
        paid_at: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        payment_method: 'card',
        stage: 'qc',
        cad_state: 'approved',
      })
      .select('id, code')
      .single(),
  );
  await must(
    svc
      .from('qc_runs')
      .insert({ order_id: order.id, started_by: login('qc').id })
      .select('id')
      .single(),
  );
  return order;
}

async function stageOf(order: Order): Promise<string> {
  const row = await must(svc.from('orders').select('stage').eq('id', order.id).single());
  return row.stage;
}

async function signedInPage(
  browser: Browser,
  role: DemoLogin['role'],
  path: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const person = login(role);
  await page.goto(`${appUrl}${path}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
  await page.getByLabel(/^Password/).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Board', level: 1 }).waitFor();
  return { context, page };
}

function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

function cardIn(page: Page, columnName: string, order: Order): Locator {
  return column(page, columnName).getByRole('article', { name: `Order ${order.code}` });
}

/** A real pointer drag: press on the card's body, move in steps to the column, release. */
async function drag(page: Page, card: Locator, target: Locator) {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  // The customer line: below the code button and the menu.
  const startX = from.x + from.width / 3;
  const startY = from.y + 60;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 8, startY + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(240, to.height / 2), { steps: 20 });
  await page.mouse.up();
}

describe.skipIf(!hasChromium)('the live board', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  it('a workshop person drags a paid, approved order from CAD to production', async () => {
    const order = await approvedCadOrder('Drag Test');
    const { context, page } = await signedInPage(
      browser,
      'workshop',
      `/board?q=${encodeURIComponent(order.code)}`,
    );
    contexts.push(context);

    const card = cardIn(page, 'CAD', order);
    await card.waitFor();
    expect(await card.getByText('Drag Test').isVisible()).toBe(true);
    // Only the board scrolls sideways, never the page around it (nor the shell's main area).
    expect(
      await page.evaluate(() =>
        [document.documentElement, document.querySelector('main')!].map(
          (el) => el.scrollWidth - el.clientWidth,
        ),
      ),
    ).toEqual([0, 0]);
    await page.screenshot({ path: `${artifactsDir}/board-workshop.png` });

    await drag(page, card, column(page, 'Production'));

    await cardIn(page, 'Production', order).waitFor({ timeout: 5_000 });
    expect(await cardIn(page, 'CAD', order).count()).toBe(0);
    await expect.poll(() => stageOf(order)).toBe('production');
    // After the database answered, the card shows production's own clock.
    await expect
      .poll(() =>
        cardIn(page, 'Production', order)
          .getByText(/On track/)
          .count(),
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: `${artifactsDir}/board-after-drag.png` });
  });

  it('a refused move (QC incomplete) shows the reason and the card returns', async () => {
    // The refusal under test: move_order answers 400 with the reason the card then shows.
    allowPageProblems(/status of 400 .*\/rest\/v1\/rpc\/move_order$/);
    const order = await uncheckedQcOrder('Refusal Test');
    const { context, page } = await signedInPage(
      browser,
      'qc',
      `/board?q=${encodeURIComponent(order.code)}`,
    );
    contexts.push(context);

    const card = cardIn(page, 'QC', order);
    await card.waitFor();
    expect(await card.getByText(/^QC 0\/\d+$/).isVisible()).toBe(true);

    await drag(page, card, column(page, 'Shipping'));

    const reason = page.getByText(/^QC checklist incomplete: .+ not checked/);
    await reason.waitFor({ timeout: 5_000 });
    await cardIn(page, 'QC', order).waitFor();
    expect(await cardIn(page, 'Shipping', order).count()).toBe(0);
    expect(await stageOf(order)).toBe('qc');
    await page.screenshot({ path: `${artifactsDir}/board-refused-move.png` });
  });

  it('a move in one browser appears in another within 2 s, and each sees the other', async () => {
    const order = await approvedCadOrder('Live Test');
    const path = `/board?q=${encodeURIComponent(order.code)}`;
    const workshop = await signedInPage(browser, 'workshop', path);
    const manager = await signedInPage(browser, 'manager', path);
    contexts.push(workshop.context, manager.context);

    await cardIn(manager.page, 'CAD', order).waitFor();
    // Presence: the manager's board names the workshop person, and the other way round.
    const managerSees = manager.page.getByRole('status', {
      name: new RegExp(`Also on the board: .*${login('workshop').displayName}`),
    });
    await managerSees.waitFor({ timeout: 5_000 });
    await workshop.page
      .getByRole('status', {
        name: new RegExp(`Also on the board: .*${login('manager').displayName}`),
      })
      .waitFor({ timeout: 5_000 });

    // The accessible path this time: the card's menu.
    await cardIn(workshop.page, 'CAD', order)
      .getByRole('button', { name: `Move ${order.code}…` })
      .click();
    const moved = Date.now();
    await workshop.page.getByRole('menuitem', { name: 'Move to Production' }).click();

    await cardIn(manager.page, 'Production', order).waitFor({ timeout: 2_000 });
    expect(Date.now() - moved).toBeLessThan(2_000);
    expect(await cardIn(manager.page, 'CAD', order).count()).toBe(0);
    await manager.page.screenshot({ path: `${artifactsDir}/board-live-other-browser.png` });
  });

  it('a card opens its order in a drawer; the keyboard puts it on hold with a reason and back', async () => {
    const order = await approvedCadOrder('Keyboard Test');
    const { context, page } = await signedInPage(
      browser,
      'manager',
      `/board?q=${encodeURIComponent(order.code)}`,
    );
    contexts.push(context);
    const code = cardIn(page, 'CAD', order).getByRole('button', { name: order.code, exact: true });
    await code.waitFor();

    // The board has no serious or critical accessibility problems.
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (c: unknown) => Promise<{
              violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document.querySelector('main'));
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);

    // Opening the order: a drawer over the board, with the way to the full page.
    await code.click();
    const drawer = page.getByRole('dialog', { name: `Order ${order.code}` });
    await drawer.waitFor();
    await drawer.getByLabel('Loading the order').waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('order')).toBe(order.code);
    expect(await drawer.getByRole('link', { name: 'Open full page' }).getAttribute('href')).toBe(
      `/orders/${order.code}`,
    );
    // Let the drawer finish sliding in before the picture.
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${artifactsDir}/board-order-drawer.png` });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // M opens the card's menu; on hold asks why before anything moves.
    await code.focus();
    await page.keyboard.press('m');
    await page.getByRole('menuitem', { name: 'Put on hold…' }).click();
    const modal = page.getByRole('dialog', { name: `Put ${order.code} on hold` });
    await modal.getByRole('button', { name: 'Put on hold' }).click();
    await modal.getByText('Write the reason; it goes into the order history.').waitFor();
    expect(await stageOf(order)).toBe('cad');
    await modal
      .getByRole('textbox', { name: /Why is it going on hold/ })
      .fill('Customer travelling');
    await modal.getByRole('button', { name: 'Put on hold' }).click();

    const held = cardIn(page, 'On hold', order);
    await held.getByText('On hold: Customer travelling').waitFor();
    await expect.poll(() => stageOf(order)).toBe('on_hold');

    // Shift+Left brings it back to where it was.
    // Focus followed the card into its new column, so the keyboard can carry on from there.
    const focusedCode = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return `${el?.closest('section')?.getAttribute('aria-labelledby')} ${el?.textContent}`;
      });
    await expect.poll(focusedCode).toBe(`board-column-on_hold ${order.code}`);
    await page.keyboard.press('Shift+ArrowLeft');
    await cardIn(page, 'CAD', order).waitFor();
    await expect.poll(focusedCode).toBe(`board-column-cad ${order.code}`);
    await expect.poll(() => stageOf(order)).toBe('cad');
  });
});
