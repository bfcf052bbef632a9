// The order workspace in a real browser against the real stack: a stylist sends the design,
// logs the customer's two tweak rounds (the third is disabled with the reason), and records the
// approval; the workshop is refused a move to QC with the database's reason, moves the order to
// production and ticks the five steps. The order is this file's own, made with the service role.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Browser, BrowserContext } from 'playwright-core';
import { allowPageProblems, artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins, type DemoLogin } from '../../scripts/demo-logins';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');

function login(role: DemoLogin['role']): DemoLogin {
  const found = demoLogins.find((l) => l.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found;
}

// A 1×1 PNG: a real image the browser can decode, for the reference gallery and the CAD render.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function must<T>(result: { data: T | null; error: unknown }): T {
  if (result.error) throw new Error(JSON.stringify(result.error));
  if (result.data === null) throw new Error('no data');
  return result.data;
}

/** An order in CAD (paid, design drafting) with an intake request, a reference image and a render. */
async function createCadOrder(svc: SupabaseClient): Promise<{ id: string; code: string }> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customer = must(
    await svc.from('customers').insert({ display_name: 'Workspace W.' }).select('id').single(),
  ) as { id: string };
  must(
    await svc
      .from('customer_contacts')
      .insert({
        customer_id: customer.id,
        full_name: `Wren Workspace ${tag}`,
        email: `wren.${tag}@example.com`,
      })
      .select('customer_id')
      .single(),
  );
  const intake = must(
    await svc
      .from('intake_requests')
      .insert({
        customer_id: customer.id,
        source: 'concierge_form',
        base: 'bespoke_ring',
        metal: 'platinum',
        stone_preferences: 'Oval sapphire, 1 ct',
        ring_size: 6.5,
        budget_amount: 5000,
        is_gift: true,
        needed_by: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        status: 'converted',
      })
      .select('id')
      .single(),
  ) as { id: string };
  const refPath = `${intake.id}/reference-${tag}.png`;
  must(
    await svc.storage.from('intake-references').upload(refPath, PNG, { contentType: 'image/png' }),
  );
  must(
    await svc
      .from('attachments')
      .insert({
        intake_request_id: intake.id,
        kind: 'reference_image',
        bucket: 'intake-references',
        storage_path: refPath,
        file_name: 'inspiration.png',
        mime_type: 'image/png',
        size_bytes: PNG.length,
      })
      .select('id')
      .single(),
  );
  const order = must(
    await svc
      .from('orders')
      .insert({
        customer_id: customer.id,
        intake_request_id: intake.id,
        product: 'bespoke_ring',
        product_name: 'Workspace solitaire',
        metal: 'platinum',
        has_stones: true,
        ring_size: 6.5,
        quote_amount: 4800,
        paid_at: new Date(Date.now() - 3_600_000).toISOString(),
        payment_method: 'card',
        stage: 'cad',
        cad_state: 'drafting',
      })
      .select('id, code')
      .single(),
  ) as { id: string; code: string };
  const renderPath = `${order.id}/render-${tag}.png`;
  must(await svc.storage.from('cad').upload(renderPath, PNG, { contentType: 'image/png' }));
  must(
    await svc
      .from('attachments')
      .insert({
        order_id: order.id,
        kind: 'cad_render',
        bucket: 'cad',
        storage_path: renderPath,
        file_name: 'first-design.png',
        mime_type: 'image/png',
        size_bytes: PNG.length,
      })
      .select('id')
      .single(),
  );
  return order;
}

/** An order packed and ready to ship (QC passed), without a shipment yet. */
async function createShippingOrder(svc: SupabaseClient): Promise<{ id: string; code: string }> {
  const customer = must(
    await svc.from('customers').insert({ display_name: 'Shipping S.' }).select('id').single(),
  ) as { id: string };
  return must(
    await svc
      .from('orders')
      .insert({
        customer_id: customer.id,
        product: 'stacking_rings',
        product_name: 'Workspace stack',
        metal: 'gold_18k_rose',
        has_stones: false,
        ring_size: 6.5,
        quote_amount: 1400,
        paid_at: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        payment_method: 'card',
        stage: 'shipping',
        cad_state: 'approved',
      })
      .select('id, code')
      .single(),
  ) as { id: string; code: string };
}

async function openAs(
  browser: Browser,
  role: DemoLogin['role'],
  code: string,
  viewport = { width: 1280, height: 900 },
) {
  const context = await browser.newContext({ viewport, hasTouch: viewport.width < 1024 });
  const page = await context.newPage();
  const who = login(role);
  await page.goto(`${appUrl}/orders/${code}`);
  await page.waitForURL(/\/sign-in\?redirectTo=/);
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: code, level: 1 }).waitFor();
  return { context, page };
}

describe.skipIf(!hasChromium)('the order workspace', () => {
  let browser: Browser;
  let svc: SupabaseClient;
  let order: { id: string; code: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    order = await createCadOrder(svc);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('a stylist sends the design, logs two tweak rounds, is stopped at 2/2 and records the approval', async () => {
    const { context, page } = await openAs(browser, 'concierge', order.code);
    contexts.push(context);

    // Header and specs: the stylist sees the contact details and what was asked for.
    expect(await page.getByLabel('Customer contact').textContent()).toMatch(/Wren Workspace/);
    await page.getByRole('img', { name: 'Reference: inspiration.png' }).waitFor();
    await page.getByRole('img', { name: 'CAD render first-design.png' }).waitFor();
    expect(await page.getByText('Oval sapphire, 1 ct').isVisible()).toBe(true);

    const cad = page.getByRole('region', { name: 'CAD' });
    const tweakButton = cad.getByRole('button', { name: 'Log tweak request' });
    const send = cad.getByRole('button', { name: 'Send to customer' });

    // A second view of the first design, through the same checked upload as every file.
    await cad.locator('input[type="file"]').setInputFiles({
      name: 'second-angle.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByText('second-angle.png added to the design.').waitFor();
    await cad
      .getByRole('group', { name: 'Round 0' })
      .getByRole('img', { name: 'CAD render second-angle.png' })
      .waitFor();

    for (const round of [1, 2]) {
      await send.click();
      await cad.getByText('The design is with the customer.').waitFor();
      await tweakButton.click();
      const dialog = page.getByRole('dialog', { name: /Log tweak request/ });
      if (round === 1) {
        // The note is required: the form says so before anything is sent.
        await dialog.getByRole('button', { name: 'Log tweak request' }).click();
        await dialog.getByText('Say what the customer wants changed.').waitFor();
      }
      await dialog
        .getByLabel(/What does the customer want changed/)
        .fill(`Tweak ${round}: thinner band`);
      await dialog.getByRole('button', { name: 'Log tweak request' }).click();
      await dialog.waitFor({ state: 'detached' });
      await cad.getByText(`Tweak rounds ${round}/2`).waitFor();
      await cad.getByText(`Customer feedback: “Tweak ${round}: thinner band”`).waitFor();
    }

    await send.click();
    await cad.getByText('The design is with the customer.').waitFor();
    // At 2/2 the button stays visible, disabled, with the reason written under it.
    expect(await tweakButton.isDisabled()).toBe(true);
    const reason = cad.getByText(
      /Both tweak rounds are used \(2\/2\)\. Any further change is a major change/,
    );
    expect(await reason.isVisible()).toBe(true);
    expect(await tweakButton.getAttribute('aria-describedby')).toBe(
      await reason.getAttribute('id'),
    );

    await cad.getByRole('button', { name: 'Mark approved' }).click();
    await cad.getByText('The customer approved the design.').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Customer approved the CAD design').waitFor();
    await timeline.getByText('Customer asked for tweak round 2/2').waitFor();
    await page.screenshot({ path: `${artifactsDir}/workspace-cad-approved.png`, fullPage: true });

    const { data } = await svc.from('orders').select('cad_state').eq('id', order.id).single();
    expect(data?.cad_state).toBe('approved');
  });

  it('the workshop is told why QC must wait, moves the order to production and ticks the five steps', async () => {
    // The refusal under test: QC before the production steps are done.
    allowPageProblems(/status of 400 .*\/rest\/v1\/rpc\/move_order$/);
    const { context, page } = await openAs(browser, 'workshop', order.code);
    contexts.push(context);
    // Contact details are the stylists' and managers' only.
    expect(await page.getByLabel('Customer contact').count()).toBe(0);

    // Someone else's change appears without a reload, and carries the new version: the moves
    // below would be refused as a conflict (PT409) if the page kept the old one.
    must(await svc.from('orders').update({ priority: 1 }).eq('id', order.id).select('id'));
    await page
      .getByRole('group', { name: 'Status' })
      .getByText('Rush', { exact: true })
      .waitFor({ timeout: 3000 });

    // Take the card.
    await page.getByRole('combobox', { name: 'Assignee' }).click();
    await page.getByRole('option', { name: /Tomás Reyes/ }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Assigned to Tomás Reyes').waitFor();

    await page.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'Production' }).click();
    const dialog = page.getByRole('dialog', { name: `Move ${order.code} to Production` });
    await dialog.getByRole('button', { name: 'Move to production' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('group', { name: 'Status' })
      .getByText('Production', { exact: true })
      .waitFor();

    // A move the database refuses: QC before the steps are done. The reason is its own sentence.
    await page.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'QC' }).click();
    const qcDialog = page.getByRole('dialog', { name: `Move ${order.code} to QC` });
    await qcDialog.getByRole('button', { name: 'Move to qc' }).click();
    const refusal = qcDialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      'Production not finished: casting, forming, polishing, hand-setting, reinforcement not done.',
    );
    await qcDialog.getByRole('button', { name: 'Keep it here' }).click();

    const production = page.getByRole('region', { name: 'Production' });
    for (const step of ['Casting', 'Forming', 'Polishing', 'Hand-setting', 'Reinforcement']) {
      const box = production.getByRole('checkbox', { name: step });
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await production.getByText('5/5 done').waitFor();
    await expect
      .poll(() => production.getByText(/^Tomás Reyes · /).count(), { timeout: 5000 })
      .toBe(5);
    await timeline.getByText('Moved from CAD to production').waitFor();
    await page.screenshot({ path: `${artifactsDir}/workspace-production.png`, fullPage: true });

    const { data } = await svc
      .from('production_steps')
      .select('step, done_by')
      .eq('order_id', order.id);
    expect(data?.every((s) => s.done_by === login('workshop').id)).toBe(true);
  });

  it('on a tablet, a stylist books the shipment, marks it delivered and logs a free resize', async () => {
    // The refusal under test: delivered before any shipment was booked.
    allowPageProblems(/status of 400 .*\/rest\/v1\/rpc\/move_order$/);
    const shipped = await createShippingOrder(svc);
    // A 10" tablet held upright.
    const { context, page } = await openAs(browser, 'concierge', shipped.code, {
      width: 800,
      height: 1280,
    });
    contexts.push(context);
    const shipping = page.getByRole('region', { name: 'Shipping & after-sales' });

    // Delivered before a tracking number exists: the database says what is missing.
    await page.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'Delivered' }).click();
    const early = page.getByRole('dialog', { name: `Move ${shipped.code} to Delivered` });
    await early.getByRole('button', { name: 'Move to delivered' }).click();
    expect(await early.getByRole('alert').textContent()).toContain(
      `Add the tracking number for ${shipped.code} before marking it delivered.`,
    );
    await early.getByRole('button', { name: 'Keep it here' }).click();

    await shipping.getByRole('button', { name: 'Add shipment' }).click();
    await shipping.getByRole('combobox', { name: 'Carrier' }).click();
    await page.getByRole('option', { name: 'UPS' }).click();
    const tracking = `1Z ${Date.now()}`;
    await shipping.getByRole('textbox', { name: /Tracking number/ }).fill(tracking);
    await shipping.getByRole('button', { name: 'Add shipment' }).click();
    await shipping
      .getByRole('table', { name: 'Shipments' })
      .getByText(tracking.replace(' ', ''))
      .waitFor();

    await page.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'Delivered' }).click();
    const dialog = page.getByRole('dialog', { name: `Move ${shipped.code} to Delivered` });
    await dialog.getByRole('button', { name: 'Move to delivered' }).click();
    await dialog.waitFor({ state: 'detached' });

    // After-sales opens once delivered: the first resize within 30 days is free.
    await shipping.getByRole('textbox', { name: 'New size' }).fill('7');
    await shipping.getByText('Free: first resize, delivered today.').waitFor();
    await shipping.getByRole('button', { name: 'Log resize' }).click();
    await page.getByText('Resize logged: free.').waitFor();
    await shipping.getByText(/Resize 6\.5 → 7/).waitFor();
    // The second is billed, and the form says so before it is logged.
    await shipping.getByText('Billed: the free resize has already been used.').waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Resize requested 6.5 → 7 (free)').waitFor();
    await timeline.getByText(/^Shipped with UPS/).waitFor();
    await page.screenshot({
      path: `${artifactsDir}/workspace-tablet-after-sales.png`,
      fullPage: true,
    });

    const { data } = await svc
      .from('service_requests')
      .select('kind, is_free')
      .eq('order_id', shipped.id);
    expect(data).toEqual([{ kind: 'resize', is_free: true }]);

    // A code that does not exist gets a plain page with the way back, not a crash.
    await page.goto(`${appUrl}/orders/LP-1999-0001`);
    await page.getByRole('heading', { name: 'No order LP-1999-0001' }).waitFor();
    expect(await page.getByRole('link', { name: 'Back to the board' }).isVisible()).toBe(true);
  });
});
