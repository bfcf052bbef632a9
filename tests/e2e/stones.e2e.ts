// Stones in a real browser against the real stack: the workshop finds a stone in /stones,
// allocates it to an order by the code on its ticket and sees it on that order's "Allocated
// stones"; a stone another bench took while the page was open is refused in the database's
// words and the list corrects itself; QC sees the certificate against the stone under
// "Certificate matches stone" and cannot pass a mismatch. Orders and stones are this file's own,
// made with the service role.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Browser, Page } from 'playwright-core';
import { allowPageProblems, artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { seriousA11yViolations } from './support/page-health';
import { demoLogins, type DemoLogin } from '../../scripts/demo-logins';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');

function must<T>(result: { data: T | null; error: unknown }): T {
  if (result.error) throw new Error(JSON.stringify(result.error));
  if (result.data === null) throw new Error('no data');
  return result.data;
}

let serial = Math.floor(Math.random() * 80_000_000);
const giaNumber = () => String(5_100_000_000 + serial++);

async function createOrder(svc: SupabaseClient, stage: 'production' | 'qc') {
  const customer = must(
    await svc.from('customers').insert({ display_name: 'Sasha S.' }).select('id').single(),
  ) as { id: string };
  return must(
    await svc
      .from('orders')
      .insert({
        customer_id: customer.id,
        product: 'bespoke_ring',
        product_name: 'Oval solitaire',
        metal: 'platinum',
        has_stones: true,
        has_certified_stones: true,
        ring_size: 6,
        quote_amount: 5200,
        paid_at: new Date(Date.now() - 12 * 86_400_000).toISOString(),
        payment_method: 'card',
        stage,
        cad_state: 'approved',
      })
      .select('id, code')
      .single(),
  ) as { id: string; code: string };
}

async function createStone(svc: SupabaseClient) {
  return must(
    await svc
      .from('stones')
      .insert({
        lab: 'GIA',
        report_number: giaNumber(),
        carat: 1.21,
        colour: 'E',
        clarity: 'VVS2',
        shape: 'Oval',
      })
      .select('id, report_number')
      .single(),
  ) as { id: string; report_number: string };
}

async function signIn(browser: Browser, role: DemoLogin['role'], path: string): Promise<Page> {
  const who = demoLogins.find((l) => l.role === role);
  if (!who) throw new Error(`no demo login for ${role}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  await page.waitForURL(/\/sign-in\?redirectTo=/);
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

describe.skipIf(!hasChromium)('stones in the browser', () => {
  let browser: Browser;
  let svc: SupabaseClient;

  beforeAll(async () => {
    svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.removeAllChannels();
  });

  it('the workshop allocates a stone by order code, and a stone taken meanwhile is refused', async () => {
    // The refusal under test: allocating a stone another bench took while the page was open.
    allowPageProblems(/status of 400 .*\/rest\/v1\/rpc\/allocate_stone$/);
    const order = await createOrder(svc, 'production');
    const other = await createOrder(svc, 'production');
    const [stone, taken] = [await createStone(svc), await createStone(svc)];
    const page = await signIn(browser, 'workshop', '/stones?q=51&lab=GIA&state=available');
    const table = page.getByRole('table', { name: 'Certified stones' });
    const row = (n: string) => table.getByRole('row').filter({ hasText: `GIA ${n}` });
    await row(stone.report_number).waitFor();
    await row(taken.report_number).waitFor();
    // The inventory as the workshop sees it: no serious or critical axe findings.
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Allocate GIA ${stone.report_number}` }).click();
    const dialog = page.getByRole('dialog', { name: `Allocate GIA ${stone.report_number}` });
    await dialog.getByRole('textbox', { name: 'Order code' }).fill(order.code.toLowerCase());
    await dialog.getByRole('button', { name: 'Allocate' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Filtered to available stones, the allocated one leaves the list once re-read.
    await row(stone.report_number).waitFor({ state: 'detached' });

    // Another bench takes the second stone while this page still shows it available (written
    // as a data script would; the race itself is the rules spec's).
    must(
      await svc
        .from('stone_allocations')
        .insert({ order_id: other.id, stone_id: taken.id })
        .select('id'),
    );
    await page.getByRole('button', { name: `Allocate GIA ${taken.report_number}` }).click();
    const second = page.getByRole('dialog', { name: `Allocate GIA ${taken.report_number}` });
    await second.getByRole('textbox', { name: 'Order code' }).fill(order.code);
    await second.getByRole('button', { name: 'Allocate' }).click();
    await page
      .getByText(`Stone GIA ${taken.report_number} is already allocated to ${other.code}.`)
      .waitFor();
    await row(taken.report_number).waitFor({ state: 'detached' });
    await page.screenshot({ path: `${artifactsDir}/stones-refused-taken.png`, fullPage: true });

    // The order's workspace lists the stone it got, and not the one it was refused.
    await page.goto(`${appUrl}/orders/${order.code}`);
    const panel = page.getByRole('region', { name: 'Allocated stones' });
    const onOrder = panel.getByRole('table', { name: 'Stones on this order' });
    await onOrder.getByText(`GIA ${stone.report_number}`).waitFor();
    expect(await onOrder.getByText(`GIA ${taken.report_number}`).count()).toBe(0);
    expect(await onOrder.getByRole('row').filter({ hasText: 'Allocated' }).count()).toBe(1);

    // Hand-setting recorded done at the bench: the stone turns Set here without a reload.
    const workshopId = demoLogins.find((l) => l.role === 'workshop')?.id;
    must(
      await svc
        .from('production_steps')
        .update({ done_at: new Date().toISOString(), done_by: workshopId })
        .eq('order_id', order.id)
        .eq('step', 'hand_setting')
        .select('id'),
    );
    await onOrder
      .getByRole('row')
      .filter({ hasText: `GIA ${stone.report_number}` })
      .filter({ hasText: 'Set' })
      .waitFor();
    await page.context().close();
  });

  it('QC sees the certificate against the stone and cannot pass a mismatch', async () => {
    // The refusal under test: passing "Certificate matches stone" while they disagree.
    allowPageProblems(/status of 400 .*\/rest\/v1\/qc_run_items/);
    const order = await createOrder(svc, 'qc');
    const stone = await createStone(svc);
    must(
      await svc
        .from('stone_allocations')
        .insert({ order_id: order.id, stone_id: stone.id })
        .select('id'),
    );
    const wrong = giaNumber();
    must(
      await svc
        .from('certificates')
        .insert({
          order_id: order.id,
          lab: 'GIA',
          report_number: wrong,
          carat: 1.21,
          colour: 'E',
          clarity: 'VVS2',
          cut_shape: 'Oval',
        })
        .select('id'),
    );
    must(await svc.from('qc_runs').insert({ order_id: order.id }).select('id'));

    const page = await signIn(browser, 'qc', `/orders/${order.code}`);
    const item = page
      .getByRole('list', { name: 'QC checklist' })
      .getByRole('listitem', { name: 'Certificate matches stone' });
    const comparison = item.getByRole('listitem', {
      name: `Stone GIA ${stone.report_number}, certificate GIA ${wrong}: Mismatch`,
    });
    await comparison.waitFor();
    await item.getByRole('button', { name: 'Pass: Certificate matches stone' }).click();
    await page
      .getByText(
        `Certificate GIA ${wrong} does not match the allocated stone GIA ${stone.report_number}.`,
      )
      .waitFor();
    await page.screenshot({ path: `${artifactsDir}/stones-qc-mismatch.png`, fullPage: true });
    const { data } = await svc
      .from('qc_run_items')
      .select('result, qc_runs!inner(order_id)')
      .eq('qc_runs.order_id', order.id)
      .eq('label', 'Certificate matches stone')
      .single();
    expect((data as { result: string }).result).toBe('pending');
    await page.context().close();
  });
});
