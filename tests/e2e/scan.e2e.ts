// The workshop floor in real browsers against the real stack: a manager prints an order's job
// ticket from the order page (the PDF carries none of the customer's distinctive contact
// details); its QR, drawn from the PDF's own rectangles, becomes a .y4m video (Debian's ffmpeg)
// that a SECOND Chromium plays as its camera; the workshop person opens /scan, the camera reads
// the ticket, the bench card of that order opens and "Forming done" is recorded in the
// database. Then the keyboard-wedge path, a foreign link and an unknown code.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { demoLogins, type DemoLogin } from '../../scripts/demo-logins';
import { pdfPageRects, pdfPageTexts } from '../../src/features/tickets/testing/pdf-inspect';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');

function login(role: DemoLogin['role']): DemoLogin {
  const found = demoLogins.find((l) => l.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found;
}

function must<T>(result: { data: T | null; error: unknown }): T {
  if (result.error) throw new Error(JSON.stringify(result.error));
  if (result.data === null) throw new Error('no data');
  return result.data;
}

const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// Distinctive contact values: none may appear on a ticket.
const contact = {
  full_name: `Ottoline Brackenridge ${tag}`,
  email: `ottoline.${tag}@contact-example.test`,
  phone: '+1 (555) 014-2299',
  address_line1: `${tag} Quillon Terrace`,
  city: 'Frostburg',
  postal_code: '21532',
};
const customerName = `Ottoline ${tag}`;

type Order = { id: string; code: string; customer_id: string };

/** An order in production, casting already done, so the bench's next act is "Forming done". */
async function productionOrder(svc: SupabaseClient, customerId?: string): Promise<Order> {
  const customer = customerId
    ? { id: customerId }
    : (must(
        await svc.from('customers').insert({ display_name: customerName }).select('id').single(),
      ) as { id: string });
  if (!customerId) {
    must(
      await svc
        .from('customer_contacts')
        .insert({ customer_id: customer.id, ...contact })
        .select('customer_id')
        .single(),
    );
  }
  const order = must(
    await svc
      .from('orders')
      .insert({
        customer_id: customer.id,
        product: 'bespoke_ring',
        product_name: 'Knife-edge solitaire',
        metal: 'gold_18k_yellow',
        has_stones: false,
        ring_size: 7,
        quote_amount: 3100,
        paid_at: new Date(Date.now() - 10 * 86_400_000).toISOString(),
        payment_method: 'card',
        stage: 'production',
        cad_state: 'approved',
        promised_date: '2026-12-18',
        specs: { engraving: 'Ever, M' },
      })
      .select('id, code, customer_id')
      .single(),
  ) as Order;
  must(
    await svc
      .from('production_steps')
      .update({ done_at: new Date().toISOString() })
      .eq('order_id', order.id)
      .eq('step', 'casting')
      .select('id')
      .single(),
  );
  return order;
}

async function signIn(page: Page, role: DemoLogin['role'], path: string) {
  const person = login(role);
  await page.goto(`${appUrl}${path}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
  await page.getByLabel(/^Password/).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * The QR of a ticket PDF as camera frames: its filled rectangles (the only `re` operators the
 * ticket draws) painted black on white, centred in a 640×480 grey frame, written as a .y4m.
 */
function qrVideo(pdf: Uint8Array, rects: Awaited<ReturnType<typeof pdfPageRects>>['rects']) {
  const width = 640;
  const height = 480;
  const minX = Math.min(...rects.map((r) => r.x));
  const maxX = Math.max(...rects.map((r) => r.x + r.width));
  const minY = Math.min(...rects.map((r) => r.y));
  const maxY = Math.max(...rects.map((r) => r.y + r.height));
  const scale = 320 / (maxX - minX);
  const offX = Math.round((width - (maxX - minX) * scale) / 2);
  const offY = Math.round((height - (maxY - minY) * scale) / 2);
  const frame = Buffer.alloc(width * height, 255);
  for (const r of rects) {
    const x0 = offX + Math.round((r.x - minX) * scale);
    const x1 = offX + Math.round((r.x + r.width - minX) * scale);
    const y0 = offY + Math.round((maxY - (r.y + r.height)) * scale);
    const y1 = offY + Math.round((maxY - r.y) * scale);
    for (let y = y0; y < y1; y += 1) frame.fill(0, y * width + x0, y * width + x1);
  }
  const dir = resolve(artifactsDir, 'scan');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'ticket.pdf'), pdf);
  const raw = resolve(dir, 'qr.gray');
  writeFileSync(raw, Buffer.concat(Array.from({ length: 10 }, () => frame)));
  const input = ['-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${width}x${height}`, '-r', '10'];
  const y4m = resolve(dir, 'ticket-qr.y4m');
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    ...input,
    '-i',
    raw,
    '-pix_fmt',
    'yuv420p',
    y4m,
  ]);
  execFileSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    ...input,
    '-i',
    raw,
    '-frames:v',
    '1',
    resolve(dir, 'ticket-qr.png'),
  ]);
  return y4m;
}

// The camera test turns the ticket into a video with Debian's ffmpeg (`apt-get install ffmpeg`;
// .ci/run installs it). Without it that one test is skipped with a warning, except under CI.
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) {
  const message = 'ffmpeg not found: install it with `apt-get install ffmpeg`.';
  if (process.env.CI)
    throw new Error(`${message} The camera scan test cannot run in CI without it.`);
  console.warn(`\n⚠ ${message} Skipping the camera scan test.\n`);
}

describe.skipIf(!hasChromium)('the workshop floor: tickets and /scan', () => {
  let svc: SupabaseClient;
  let browser: Browser;
  let cameraBrowser: Browser | undefined;
  let order: Order;

  beforeAll(async () => {
    svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: ws as unknown as typeof WebSocket },
    });
    [browser, order] = await Promise.all([launchBrowser(), productionOrder(svc)]);
  });
  afterAll(async () => {
    await cameraBrowser?.close();
    await browser?.close();
  });

  it.skipIf(!hasFfmpeg)(
    'a printed ticket scanned by the tablet camera opens the bench card and records the step',
    async () => {
      // 1. The manager (who may read contact details) prints the ticket from the order page.
      const desk = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await desk.newPage();
      await signIn(page, 'manager', `/orders/${order.code}`);
      await page.getByRole('button', { name: 'Print ticket' }).click();
      const [tab] = await Promise.all([
        desk.waitForEvent('page'),
        page.getByRole('menuitem', { name: 'A6 (105 × 148 mm)' }).click(),
      ]);
      const pdfUrl = tab.url();
      expect(pdfUrl).toMatch(/^blob:/);
      const bytes = Uint8Array.from(
        await page.evaluate(async (url) => {
          const response = await fetch(url);
          return Array.from(new Uint8Array(await response.arrayBuffer()));
        }, pdfUrl),
      );
      await desk.close();

      const text = (await pdfPageTexts(bytes)).join('\n');
      expect(text).toContain(order.code);
      expect(text).toContain('Knife-edge solitaire');
      expect(text).toContain(`${appUrl}/o/${order.code}`);
      const raw = new TextDecoder('latin1').decode(bytes);
      for (const value of [...Object.values(contact), customerName]) {
        expect(text).not.toContain(value);
        expect(raw).not.toContain(value);
      }

      // 2. Its QR becomes the second browser's camera.
      const { rects } = await pdfPageRects(bytes);
      expect(rects.length).toBeGreaterThan(20);
      const video = qrVideo(bytes, rects);
      cameraBrowser = await launchBrowser({
        extraArgs: [
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      const tablet = await cameraBrowser.newContext({
        viewport: { width: 800, height: 1280 },
        permissions: ['camera'],
      });
      const bench = await tablet.newPage();
      await signIn(bench, 'workshop', '/scan');
      await bench.getByRole('heading', { name: 'Scan a ticket', level: 1 }).waitFor();

      // 3. The camera reads the ticket: the bench card of that order opens.
      const card = bench.getByRole('region', { name: order.code });
      await card.waitFor({ timeout: 20_000 });
      expect(new URL(bench.url()).searchParams.get('order')).toBe(order.code);
      await card.getByText('Forming', { exact: true }).waitFor();
      await bench.screenshot({ path: `${artifactsDir}/scan/bench-card.png` });

      // 4. A big, gloved-hand button; the step is done in the database, by this person.
      const done = card.getByRole('button', { name: 'Forming done' });
      const box = await done.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(48);
      await done.click();
      await expect
        .poll(async () => {
          const step = must(
            await svc
              .from('production_steps')
              .select('done_at, done_by')
              .eq('order_id', order.id)
              .eq('step', 'forming')
              .single(),
          ) as { done_at: string | null; done_by: string | null };
          return step.done_by;
        })
        .toBe(login('workshop').id);
      // The card moves on to the next step.
      await card.getByRole('button', { name: 'Polishing done' }).waitFor();
      await tablet.close();
    },
  );

  it('several orders picked on the board print as one PDF, a ticket per page', async () => {
    const second = await productionOrder(svc, order.customer_id);
    const desk = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await desk.newPage();
    await signIn(page, 'workshop', `/board?q=${encodeURIComponent(customerName)}`);
    await page.getByRole('heading', { name: 'Board', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Select for tickets' }).click();
    await page.getByRole('checkbox', { name: `Select ${order.code}` }).check();
    await page.getByRole('checkbox', { name: `Select ${second.code}` }).check();
    await page.getByRole('button', { name: 'Print 2 tickets' }).click();
    const [tab] = await Promise.all([
      desk.waitForEvent('page'),
      page.getByRole('menuitem', { name: 'US half-letter (5.5 × 8.5 in)' }).click(),
    ]);
    const bytes = Uint8Array.from(
      await page.evaluate(async (url) => {
        const response = await fetch(url);
        return Array.from(new Uint8Array(await response.arrayBuffer()));
      }, tab.url()),
    );
    const pages = await pdfPageTexts(bytes);
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => [order.code, second.code].find((c) => p.includes(c)))).toEqual([
      order.code,
      second.code,
    ]);
    const { width, height } = await pdfPageRects(bytes, 1);
    expect([Math.round(width), Math.round(height)]).toEqual([396, 612]);
    for (const value of [...Object.values(contact), customerName]) {
      expect(pages.join('\n')).not.toContain(value);
    }
    await desk.close();
  });

  it('a wedge scanner types the code; a foreign link and an unknown code open nothing', async () => {
    const tablet = await browser.newContext({ viewport: { width: 800, height: 1280 } });
    const page = await tablet.newPage();
    await signIn(page, 'workshop', '/scan');
    await page.getByRole('heading', { name: 'Scan a ticket', level: 1 }).waitFor();
    const field = page.getByRole('textbox', { name: 'Order code or ticket link' });

    // Another site's link, even with an order's path: refused, nothing opens.
    await field.fill(`https://tickets.example.net/o/${order.code}`);
    await field.press('Enter');
    const alert = page.getByRole('alert');
    await alert.getByText(/points to another site \(tickets\.example\.net\)/).waitFor();
    // A well-formed code of no order: refused, nothing opens.
    await field.fill('LP-2099-99999');
    await field.press('Enter');
    await alert
      .getByText('There is no order LP-2099-99999 in Loupe, or you cannot see it.')
      .waitFor();
    expect(new URL(page.url()).searchParams.get('order')).toBeNull();
    expect(await page.getByRole('region', { name: /^LP-/ }).count()).toBe(0);

    // The wedge scanner types the full link and Enter, as a keyboard does, with the focus
    // elsewhere on the page: the keystrokes land in the scan field.
    await page.getByRole('button', { name: 'Turn camera off' }).focus();
    await page.keyboard.type(`${appUrl}/o/${order.code}`, { delay: 5 });
    await page.keyboard.press('Enter');
    const card = page.getByRole('region', { name: order.code });
    await card.waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await card.getByText('Knife-edge solitaire', { exact: false }).waitFor();
    await page.screenshot({ path: `${artifactsDir}/scan/wedge.png` });

    // At a desk, the ticket's link itself (a phone camera, a scanner app) opens the order page.
    await page.goto(`${appUrl}/o/${order.code.toLowerCase()}`);
    await page.waitForURL(`${appUrl}/orders/${order.code}`);
    await page.getByText('Knife-edge solitaire').first().waitFor();
    await tablet.close();
  });
});
