// The customer review link in real browsers against the real stack. A stylist creates a link in
// the order workspace; a second browser context with no session (a phone, 390×844) opens it and
// approves; the stylist's board shows "CAD approved" and the workspace shows the decision, live.
// A third minor tweak is refused in plain words; expired, revoked and guessed links get the same
// page. Every response the customer's page receives is checked for contact details, the price,
// staff names and other orders' codes. Orders are this file's own, made with the service role
// and moved through CAD by a stylist's supabase-js client (the same database functions the app calls).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, hasChromium, launchBrowser } from './support/browser';
import { seriousA11yViolations } from './support/page-health';
import { demoLogins } from '../../scripts/demo-logins';
import { LOCAL_SUPABASE_ANON_KEY } from '../../src/config/env';

const { appUrl, stackUrl, serviceRoleKey } = inject('e2e');
const concierge = demoLogins.find((l) => l.role === 'concierge')!;
const PHONE = { width: 390, height: 844 };

// A 1×1 PNG: a real image the browser decodes, as the round's render.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function must<T>(result: { data: T | null; error: unknown }): T {
  if (result.error) throw new Error(JSON.stringify(result.error));
  if (result.data === null) throw new Error('no data');
  return result.data;
}

type Order = { id: string; code: string; version: number };

/** What must never reach the customer's page: this customer's contact details and the price. */
type Secrets = { fullName: string; email: string; phone: string; quote: string[] };

const realtime = { transport: ws as unknown as typeof WebSocket };

/** A paid bespoke ring in CAD with a render, its design drafted (not yet sent). */
async function createCadOrder(svc: SupabaseClient, tag: string, secrets: Secrets): Promise<Order> {
  const customer = must(
    await svc.from('customers').insert({ display_name: 'Review R.' }).select('id').single(),
  ) as { id: string };
  must(
    await svc
      .from('customer_contacts')
      .insert({
        customer_id: customer.id,
        full_name: secrets.fullName,
        email: secrets.email,
        phone: secrets.phone,
      })
      .select('customer_id')
      .single(),
  );
  const order = must(
    await svc
      .from('orders')
      .insert({
        customer_id: customer.id,
        product: 'bespoke_ring',
        product_name: `Review solitaire ${tag}`,
        metal: 'platinum',
        has_stones: true,
        ring_size: 6.5,
        quote_amount: 4817.35,
        paid_at: new Date(Date.now() - 3_600_000).toISOString(),
        payment_method: 'card',
        stage: 'cad',
        cad_state: 'drafting',
      })
      .select('id, code, version')
      .single(),
  ) as Order;
  const path = `${order.id}/render-${tag}.png`;
  must(await svc.storage.from('cad').upload(path, PNG, { contentType: 'image/png' }));
  must(
    await svc
      .from('attachments')
      .insert({
        order_id: order.id,
        kind: 'cad_render',
        bucket: 'cad',
        storage_path: path,
        file_name: 'first-design.png',
        mime_type: 'image/png',
        size_bytes: PNG.length,
      })
      .select('id')
      .single(),
  );
  return order;
}

/** The stylist's acts, through the same database functions the workspace calls. */
function stylistActs(stylist: SupabaseClient) {
  const act = async (name: string, order: Order) => {
    const row = must(
      await stylist.rpc(name, {
        p_order_id: order.id,
        p_expected_version: order.version,
        p_note: '',
      }),
    ) as { version: number };
    order.version = row.version;
  };
  return {
    sendDesign: (order: Order) => act('send_cad_to_customer', order),
    createLink: async (order: Order) =>
      (
        must(
          await stylist.rpc('create_review_link', { p_order_id: order.id, p_kind: 'cad_review' }),
        ) as { token: string }
      ).token,
  };
}

/** A phone with no session that records every response body (text) it receives. */
async function customerPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const bodies: { url: string; text: string }[] = [];
  const referers: { url: string; referer: string | undefined }[] = [];
  const pending: Promise<void>[] = [];
  page.on('request', (request) =>
    referers.push({ url: request.url(), referer: request.headers()['referer'] }),
  );
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((buffer) => void bodies.push({ url: response.url(), text: buffer.toString('utf8') }))
        // Redirects and aborted loads have no body to read.
        .catch(() => undefined),
    );
  });
  const settled = async () => {
    await Promise.all(pending);
    return bodies;
  };
  return { context, page, settled, referers };
}

async function signInStylist(browser: Browser, path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl });
  const page = await context.newPage();
  await page.goto(`${appUrl}${path}`);
  await page.getByRole('textbox', { name: 'Email' }).fill(concierge.email);
  await page.getByLabel(/^Password/).fill(concierge.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return { context, page };
}

/** The text a customer sees on a page that does not work, for comparison between causes. */
async function notWorkingPage(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'This link is not working', level: 1 }).waitFor();
  return (await page.getByRole('main').innerText()).trim();
}

describe.skipIf(!hasChromium)('the customer review link', () => {
  let browser: Browser;
  let svc: SupabaseClient;
  let stylist: SupabaseClient;
  let anon: SupabaseClient;
  let order: Order;
  let other: Order;
  let secrets: Secrets;
  let staffNames: string[];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    secrets = {
      fullName: `Rosalind Reviewer ${tag}`,
      email: `rosalind.${tag}@example.com`,
      phone: '+1 (415) 555-0142',
      quote: ['4817.35', '4,817.35', '4817.3'],
    };
    svc = createClient(stackUrl, serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime,
    });
    stylist = createClient(stackUrl, LOCAL_SUPABASE_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime,
    });
    const signedIn = await stylist.auth.signInWithPassword({
      email: concierge.email,
      password: concierge.password,
    });
    if (signedIn.error) throw signedIn.error;
    anon = createClient(stackUrl, LOCAL_SUPABASE_ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime,
    });
    order = await createCadOrder(svc, tag, secrets);
    other = await createCadOrder(svc, `${tag}b`, {
      ...secrets,
      fullName: `Other Person ${tag}`,
      email: `other.${tag}@example.com`,
    });
    await stylistActs(stylist).sendDesign(order);
    staffNames = (
      must(await svc.from('staff').select('display_name')) as { display_name: string }[]
    ).map((s) => s.display_name);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('a stylist shares a link, the customer approves on a phone, and the board shows it live', async () => {
    const staff = await signInStylist(browser, `/orders/${order.code}`);
    contexts.push(staff.context);
    const workspace = staff.page;
    await workspace.getByRole('heading', { name: order.code, level: 1 }).waitFor();

    const panel = workspace.getByRole('region', { name: 'Customer links' });
    await panel.getByRole('button', { name: 'Create review link' }).click();
    const linkBox = panel.getByRole('textbox', { name: 'Link for the customer' });
    await linkBox.waitFor();
    const url = await linkBox.inputValue();
    expect(url).toMatch(new RegExp(`^${appUrl}/r/[A-Za-z0-9_-]{43}$`));
    const token = url.split('/r/')[1]!;

    await panel.getByRole('button', { name: 'Copy link' }).click();
    await panel.getByText('Link copied.').waitFor();
    expect(await workspace.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const mailto = await panel
      .getByRole('link', { name: 'Email the customer' })
      .getAttribute('href');
    expect(mailto).toMatch(/^mailto:\?subject=/);
    expect(decodeURIComponent(mailto!)).toContain(url);
    await panel.getByRole('listitem', { name: /Design review · first design: Sent/ }).waitFor();

    // The stylist's board, in a second tab of the same session.
    const board = await staff.context.newPage();
    await board.goto(`${appUrl}/board?q=${encodeURIComponent(order.code)}`);
    const card = board.getByRole('article', { name: `Order ${order.code}` });
    await card.waitFor();
    expect(await card.getByText('CAD approved').count()).toBe(0);

    // The customer's phone: no session, nothing of the staff app.
    const phone = await customerPhone(browser);
    contexts.push(phone.context);
    const customer = phone.page;
    await customer.goto(url);
    await customer.getByRole('heading', { name: /^Review solitaire /, level: 1 }).waitFor();
    await customer.getByText('Loupe Fine Jewelry').waitFor();
    await customer.getByText(`Order ${order.code}`, { exact: false }).waitFor();
    await customer.getByText('0 of 2 minor tweaks used').waitFor();
    await customer.getByRole('img', { name: 'Design render: first-design.png' }).waitFor();
    expect(
      await customer
        .getByRole('img', { name: 'Design render: first-design.png' })
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(await customer.locator('li[aria-current="step"]').innerText()).toMatch(/Design \(CAD\)/);

    // The token stays out of the tab title and of every request that leaves this origin.
    expect(await customer.title()).not.toContain(token);
    expect(
      await customer.evaluate(
        () => document.querySelector('meta[name="referrer"]')?.getAttribute('content') ?? null,
      ),
    ).toBe('no-referrer');
    const leaked = phone.referers.filter(
      (r) => !r.url.startsWith(appUrl) && (r.referer ?? '').includes(token),
    );
    expect(leaked).toEqual([]);
    // Only the page's own functions and its signed files were asked for: no staff data.
    const toStack = phone.referers
      .map((r) => new URL(r.url))
      .filter((u) => u.origin === new URL(stackUrl).origin)
      .map((u) => u.pathname);
    expect(toStack.length).toBeGreaterThan(0);
    expect(
      toStack.filter(
        (path) =>
          path !== '/rest/v1/rpc/review_page' && !path.startsWith('/storage/v1/object/sign/cad/'),
      ),
    ).toEqual([]);

    // Accessible on the phone: zero serious or critical findings.
    expect(await seriousA11yViolations(customer)).toEqual([]);
    await customer.screenshot({ path: `${artifactsDir}/review-link-phone.png`, fullPage: true });

    // Approve: a confirming step, then the page turns read-only with what was decided.
    await customer.getByRole('button', { name: 'Approve the design' }).click();
    await customer.getByRole('button', { name: 'Yes, approve the design' }).click();
    await customer.getByText('You approved this design').waitFor();
    expect(await customer.getByRole('button', { name: /approve/i }).count()).toBe(0);

    // Live on the stylist's side: the board card and the workspace's link list.
    await card.getByText('CAD approved').waitFor({ timeout: 10_000 });
    await panel
      .getByRole('listitem', { name: /Design review · first design: Decided/ })
      .getByText('Approved the design')
      .waitFor({ timeout: 10_000 });
    await board.screenshot({ path: `${artifactsDir}/review-link-board-approved.png` });

    // Opened in the stylist's own signed-in browser, the page still asks as the anon customer:
    // the staff session is never sent with the token.
    const sameBrowser = await staff.context.newPage();
    const asked = sameBrowser.waitForRequest((r) => r.url().endsWith('/rest/v1/rpc/review_page'));
    await sameBrowser.goto(url);
    expect((await asked).headers()['authorization']).toBe(`Bearer ${LOCAL_SUPABASE_ANON_KEY}`);
    await sameBrowser.getByText('You approved this design').waitFor();
    await sameBrowser.close();

    // The decision is the database's: recorded with the customer as actor, never the token.
    const { data: orderRow } = await svc
      .from('orders')
      .select('cad_state')
      .eq('id', order.id)
      .single();
    expect(orderRow?.cad_state).toBe('approved');
    const { data: events } = await svc
      .from('order_events')
      .select('kind, actor_id, data')
      .eq('order_id', order.id)
      .eq('kind', 'cad_approved');
    expect(events).toHaveLength(1);
    expect(events![0]!.actor_id).toBeNull();
    expect((events![0]!.data as { actor?: string }).actor).toBe('customer');
    expect(JSON.stringify(events)).not.toContain(token);

    // What the page received: the HTML and every response, read after the last one arrived.
    const html = await customer.content();
    const bodies = [{ url: 'page HTML', text: html }, ...(await phone.settled())];
    const forbidden = [
      secrets.fullName,
      secrets.email,
      secrets.phone,
      ...secrets.quote,
      other.code,
      ...staffNames,
    ];
    const found = bodies.flatMap(({ url: where, text }) =>
      forbidden
        .filter((s) => text.includes(s))
        .map((s) => {
          const at = text.indexOf(s);
          return `${s} in ${where}: …${text.slice(Math.max(0, at - 60), at + s.length + 20)}…`;
        }),
    );
    expect(found).toEqual([]);
    // And it did receive the page: this check reads real bodies.
    expect(
      bodies.some((b) => b.url.endsWith('/rpc/review_page') && b.text.includes(order.code)),
    ).toBe(true);
  });

  it('refuses a third minor tweak in plain words, pointing to the stylist', async () => {
    const acts = stylistActs(stylist);
    await acts.sendDesign(other);
    // Two rounds asked for through links, as a customer would, each after a new design was sent.
    for (const round of [1, 2]) {
      const token = await acts.createLink(other);
      const answer = must(
        await anon.rpc('review_decide', {
          p_token: token,
          p_decision: 'tweak',
          p_note: `Round ${round}: a thinner band`,
        }),
      ) as { cad: { tweaks_used: number } };
      expect(answer.cad.tweaks_used).toBe(round);
      const { data } = await svc.from('orders').select('version').eq('id', other.id).single();
      other.version = data!.version;
      await acts.sendDesign(other);
    }
    const token = await acts.createLink(other);

    const phone = await customerPhone(browser);
    contexts.push(phone.context);
    const customer = phone.page;
    await customer.goto(`${appUrl}/r/${token}`);
    await customer.getByText('2 of 2 minor tweaks used').waitFor();
    await customer.getByRole('button', { name: 'Request a minor tweak' }).click();
    const refusal = customer.getByRole('alert');
    await refusal.getByText('Both minor tweaks are used').waitFor();
    expect(await refusal.innerText()).toMatch(/contact your stylist/);
    expect(await customer.getByRole('textbox').count()).toBe(0);

    // The database itself refuses it too, and the round stays open for the other two choices.
    const refused = await anon.rpc('review_decide', {
      p_token: token,
      p_decision: 'tweak',
      p_note: 'One more tweak please',
    });
    expect(refused.error?.code).toBe('LP123');
    expect(refused.error?.message).toMatch(/stylist/i);
    const still = must(await anon.rpc('review_page', { p_token: token })) as {
      cad: { can_decide: boolean; tweaks_used: number };
    };
    expect(still.cad).toMatchObject({ can_decide: true, tweaks_used: 2 });
  });

  it('gives expired, revoked and guessed links the same calm page', async () => {
    // No allowPageProblems here: a link that does not work is a normal 200 answer
    // ({"status":"invalid"}), so the phone logs nothing at all.
    const acts = stylistActs(stylist);
    const revoked = await acts.createLink(other); // replaces the live link above…
    const replaced = await acts.createLink(other); // …and is itself revoked by this one
    const { data: links } = await svc
      .from('review_links')
      .select('id, created_at')
      .eq('order_id', other.id)
      .order('created_at', { ascending: false })
      .limit(1);
    const day = 86_400_000;
    must(
      await svc
        .from('review_links')
        .update({
          created_at: new Date(Date.now() - 8 * day).toISOString(),
          expires_at: new Date(Date.now() - day).toISOString(),
        })
        .eq('id', links![0]!.id)
        .select('id'),
    );
    const expired = replaced;
    const guessed = revoked.slice(0, -4) + (revoked.endsWith('AAAA') ? 'BBBB' : 'AAAA');

    const phone = await customerPhone(browser);
    contexts.push(phone.context);
    const texts = [
      await notWorkingPage(phone.page, `${appUrl}/r/${expired}`),
      await notWorkingPage(phone.page, `${appUrl}/r/${revoked}`),
      await notWorkingPage(phone.page, `${appUrl}/r/${guessed}`),
      await notWorkingPage(phone.page, `${appUrl}/r/not-a-token`),
    ];
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/ask your stylist for a fresh link/);
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    const answers = (await phone.settled())
      .filter((b) => b.url.endsWith('/rpc/review_page'))
      .map((b) => b.text);
    expect(answers).toHaveLength(4);
    expect(answers.map((a) => JSON.parse(a) as unknown)).toEqual(
      Array(4).fill({ status: 'invalid' }),
    );
    await phone.page.screenshot({ path: `${artifactsDir}/review-link-not-working.png` });
  });
});
