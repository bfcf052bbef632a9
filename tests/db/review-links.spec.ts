// Customer review links through supabase-js: a stylist creates a link (the token comes back once
// and is stored nowhere), the customer — the anon key and nothing else — opens the page, decides
// once (approve, a minor tweak counted against the two-round cap, or a request for a bigger
// change), and every token that does not open a live link gets the same answer; failed tries are
// limited per client address, and the count survives because nothing is rolled back. Each test
// speaks from its own made-up client address (x-forwarded-for), so the limit of one test never
// touches another.
import { randomBytes } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../local-supabase/db/pglite';
import { migrate } from '../../local-supabase/db/migrate';
import { accessToken, clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createOrder, eventsOf, readOrder, type OrderRow } from './support/factories';
import type { DbTarget } from './global-setup';

type Page = Record<string, unknown> & {
  status: string;
  cad?: {
    round: number;
    tweaks_used: number;
    tweaks_allowed: number;
    can_decide: boolean;
    decision: string | null;
    files: Array<{ bucket: string; path: string; name: string; kind: string }>;
  } | null;
};
type Link = {
  id: string;
  token: string;
  expires_at: string;
  kind: string;
  cad_round: number | null;
};

const options = {
  auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  realtime: { transport: ws as unknown as typeof WebSocket },
} as const;

let ipCounter = 0;
/** A client address no other test uses (the limit counts per address). */
const freshIp = () =>
  `10.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}.${Math.floor(Math.random() * 250) + 1}`;

/** The customer's browser: the anon key, no session, their own address, maybe the token header. */
function customer(t: DbTarget, ip = freshIp(), token?: string): SupabaseClient {
  return createClient(t.url, t.anonKey, {
    ...options,
    global: {
      headers: { 'x-forwarded-for': ip, ...(token ? { 'x-review-token': token } : {}) },
    },
  });
}

describe.each(dbTargets())('customer review links on $engine', (t) => {
  const svc = serviceClient(t);
  const workshop = clientFor(t, 'workshop');
  const concierge = clientFor(t, 'concierge');

  async function sendDesign(order: OrderRow, note?: string): Promise<OrderRow> {
    const current = await readOrder(svc, order.id);
    const r = await workshop.rpc('send_cad_to_customer', {
      p_order_id: current.id,
      p_expected_version: current.version,
      ...(note ? { p_note: note } : {}),
    });
    expect(r.error).toBeNull();
    return readOrder(svc, order.id);
  }

  /** An order whose first design is with the customer, with one render in the CAD bucket. */
  async function designWithCustomer(): Promise<OrderRow & { render: string }> {
    const order = await createOrder(svc, 'cad', { ready: false });
    const render = await upload(order.id, 'round-0-render.png');
    return { ...(await sendDesign(order, 'Internal: stone sourced from Antwerp batch 7')), render };
  }

  async function upload(orderId: string, name: string): Promise<string> {
    const path = `${orderId}/${Date.now()}-${name}`;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const up = await svc.storage.from('cad').upload(path, png, { contentType: 'image/png' });
    expect(up.error).toBeNull();
    const row = await svc.from('attachments').insert({
      order_id: orderId,
      kind: 'cad_render',
      bucket: 'cad',
      storage_path: path,
      file_name: name,
      mime_type: 'image/png',
      size_bytes: png.length,
      uploaded_by: staffId('workshop'),
    });
    expect(row.error).toBeNull();
    return path;
  }

  async function createLink(orderId: string, kind = 'cad_review', showQuote = false) {
    const r = await concierge.rpc('create_review_link', {
      p_order_id: orderId,
      p_kind: kind,
      p_show_quote: showQuote,
    });
    expect(r.error).toBeNull();
    return r.data as Link;
  }

  async function page(token: string, ip?: string) {
    const r = await customer(t, ip).rpc('review_page', { p_token: token });
    expect(r.error).toBeNull();
    return r.data as Page;
  }

  async function listed(linkId: string) {
    const { data, error } = await concierge
      .from('review_link_list')
      .select('state, opened_at, decided_at, decision, round_open')
      .eq('id', linkId)
      .single();
    expect(error).toBeNull();
    return data as {
      state: string;
      opened_at: string | null;
      decided_at: string | null;
      decision: string | null;
      round_open: boolean;
    };
  }

  it('hands the token back once and stores only what cannot rebuild it', async () => {
    const order = await designWithCustomer();
    const link = await createLink(order.id);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(link.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(link.cad_round).toBe(0);
    const { data: row } = await svc.from('review_links').select('*').eq('id', link.id).single();
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(await listed(link.id)).toMatchObject({
      state: 'sent',
      opened_at: null,
      round_open: true,
    });
    // Two links never share a token.
    const other = await createLink(order.id, 'status');
    expect(other.token).not.toBe(link.token);
  });

  it('lets only a stylist or a manager create and revoke links', async () => {
    const order = await designWithCustomer();
    for (const who of ['workshop', 'qc'] as const) {
      const r = await clientFor(t, who).rpc('create_review_link', {
        p_order_id: order.id,
        p_kind: 'status',
      });
      expect(r.error?.code).toBe('PT403');
    }
    const anon = await customer(t).rpc('create_review_link', {
      p_order_id: order.id,
      p_kind: 'status',
    });
    expect(anon.error).not.toBeNull();
    const link = await createLink(order.id);
    const refused = await clientFor(t, 'workshop').rpc('revoke_review_link', { p_id: link.id });
    expect(refused.error?.code).toBe('PT403');
    expect((await listed(link.id)).state).toBe('sent');
    const manager = await clientFor(t, 'manager').rpc('create_review_link', {
      p_order_id: order.id,
      p_kind: 'status',
    });
    expect(manager.error).toBeNull();
  });

  it('refuses a CAD link before the design is with the customer, and any link on a cancelled order', async () => {
    const drafting = await createOrder(svc, 'cad', { ready: false });
    const early = await concierge.rpc('create_review_link', {
      p_order_id: drafting.id,
      p_kind: 'cad_review',
    });
    expect(early.error?.code).toBe('LP121');
    expect(early.error?.message).toBe(
      `The design for ${drafting.code} is not with the customer: send it to them first, then create the review link.`,
    );
    const cancelled = await createOrder(svc, 'cancelled');
    const r = await concierge.rpc('create_review_link', {
      p_order_id: cancelled.id,
      p_kind: 'status',
    });
    expect(r.error?.code).toBe('LP120');
    const unknown = await concierge.rpc('create_review_link', {
      p_order_id: drafting.id,
      p_kind: 'invoice',
    });
    expect(unknown.error?.code).toBe('LP122');
    const missing = await concierge.rpc('create_review_link', {
      p_order_id: crypto.randomUUID(),
      p_kind: 'status',
    });
    expect(missing.error?.code).toBe('PT404');
    const { data: links } = await svc
      .from('review_links')
      .select('id')
      .in('order_id', [drafting.id, cancelled.id]);
    expect(links).toEqual([]);
  });

  it('shows the customer their order and round, and marks the link opened once', async () => {
    const order = await designWithCustomer();
    const link = await createLink(order.id);
    const first = await page(link.token);
    expect(first).toMatchObject({
      status: 'ok',
      link: { kind: 'cad_review' },
      house: { name: 'Loupe Fine Jewelry' },
      order: { code: order.code, product: 'bespoke_ring', product_name: 'Spec solitaire' },
      phase: 'cad',
      paused: false,
      quote: null,
      cad: { round: 0, tweaks_used: 0, tweaks_allowed: 2, can_decide: true, decision: null },
    });
    expect(first.cad?.files).toEqual([
      { bucket: 'cad', path: order.render, name: 'round-0-render.png', kind: 'cad_render' },
    ]);
    expect((first.phases as Array<{ key: string; state: string }>).map((p) => p.state)).toEqual([
      'done',
      'done',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    // The design waits on the customer: no house date for CAD; production counted from today.
    expect(first.current).toMatchObject({ phase: 'cad', waiting_on_customer: true });
    expect(first.next_step).toMatchObject({
      phase: 'production',
      usually: 'usually 10–14 business days',
    });
    const opened = await listed(link.id);
    expect(opened.state).toBe('opened');
    await page(link.token);
    expect((await listed(link.id)).opened_at).toBe(opened.opened_at);
  });

  it('never shows contact details, staff names, notes, prices (unless switched on) or other orders', async () => {
    const order = await designWithCustomer();
    const other = await designWithCustomer();
    const { data: contact } = await svc
      .from('orders')
      .select('customer_contacts:customers(customer_contacts(full_name, email, phone))')
      .eq('id', order.id)
      .single();
    const { data: staff } = await svc.from('staff').select('display_name');
    const forbidden = [
      ...JSON.stringify(contact)
        .match(/"(full_name|email|phone)":"([^"]+)"/g)!
        .map((m) => m.split('":"')[1]!.replace(/"$/, '')),
      ...(staff as Array<{ display_name: string }>).map((s) => s.display_name),
      'Antwerp',
      '4200',
      other.code,
      other.id,
    ];
    expect(forbidden.length).toBeGreaterThan(5);
    const plain = JSON.stringify(await page((await createLink(order.id)).token));
    for (const text of forbidden) expect(plain).not.toContain(text);
    // The quote only on a link the stylist switched it on for.
    const quoted = await page((await createLink(order.id, 'status', true)).token);
    expect(quoted.quote).toEqual({ amount: '4200.00', currency: 'USD' });
    expect(quoted.cad).toBeNull();
    const quotedText = JSON.stringify(quoted);
    for (const text of forbidden.filter((f) => f !== '4200'))
      expect(quotedText).not.toContain(text);
  });

  it('records the customer’s approval as the customer, once, and restarts the house’s clock', async () => {
    const order = await designWithCustomer();
    const link = await createLink(order.id);
    const r = await customer(t).rpc('review_decide', {
      p_token: link.token,
      p_decision: 'approve',
      p_note: `Love it! (sent from ${link.token})`,
    });
    expect(r.error).toBeNull();
    expect((r.data as Page).cad).toMatchObject({ decision: 'approve', can_decide: false });
    const after = await readOrder(svc, order.id);
    expect(after.cad_state).toBe('approved');
    expect(after.version).toBe(order.version + 1);
    const { data: clock } = await svc
      .from('orders')
      .select('stage_clock_paused_at')
      .eq('id', order.id)
      .single();
    expect(clock).toEqual({ stage_clock_paused_at: null });
    const events = await eventsOf(svc, order.id);
    expect(events.at(-1)).toMatchObject({
      kind: 'cad_approved',
      actor_id: null,
      note: 'Love it! (sent from [link])',
      data: { actor: 'customer', review_link_id: link.id, round: 0 },
    });
    expect(JSON.stringify(events)).not.toContain(link.token);
    expect(await listed(link.id)).toMatchObject({ state: 'decided', decision: 'approve' });

    // Once: the link is read-only now, and a second answer changes nothing.
    const again = await customer(t).rpc('review_decide', {
      p_token: link.token,
      p_decision: 'tweak',
      p_note: 'Actually, thinner band',
    });
    expect(again.error?.code).toBe('LP124');
    expect(again.error?.message).not.toContain(link.token);
    expect(await readOrder(svc, order.id)).toEqual(after);
    expect((await page(link.token)).cad).toMatchObject({ decision: 'approve', can_decide: false });
  });

  it('counts the customer’s tweaks against the two rounds and refuses the third in plain words', async () => {
    let order: OrderRow = await designWithCustomer();
    const noNote = await customer(t).rpc('review_decide', {
      p_token: (await createLink(order.id)).token,
      p_decision: 'tweak',
      p_note: '  ',
    });
    expect(noNote.error?.code).toBe('LP125');
    for (const round of [1, 2]) {
      const link = await createLink(order.id);
      expect(link.cad_round).toBe(round - 1);
      const r = await customer(t).rpc('review_decide', {
        p_token: link.token,
        p_decision: 'tweak',
        p_note: `Tweak ${round}: thinner band`,
      });
      expect(r.error).toBeNull();
      expect((r.data as Page).cad).toMatchObject({ tweaks_used: round, can_decide: false });
      expect((await readOrder(svc, order.id)).cad_state).toBe('tweak_requested');
      const events = await eventsOf(svc, order.id);
      expect(events.at(-1)).toMatchObject({
        kind: 'cad_tweak_requested',
        actor_id: null,
        data: { actor: 'customer', review_link_id: link.id, round },
      });
      order = await sendDesign(order);
    }
    const third = await createLink(order.id);
    expect((await page(third.token)).cad).toMatchObject({
      round: 2,
      tweaks_used: 2,
      can_decide: true,
    });
    const before = await readOrder(svc, order.id);
    const r = await customer(t).rpc('review_decide', {
      p_token: third.token,
      p_decision: 'tweak',
      p_note: 'One more tweak please',
    });
    expect(r.error?.code).toBe('LP123');
    expect(r.error?.message).toBe(
      'Both minor tweak rounds for this design are used. Please contact your stylist to talk about a bigger change.',
    );
    expect(await readOrder(svc, order.id)).toEqual(before);
    expect(await listed(third.id)).toMatchObject({ state: 'opened', decision: null });
    const { data: revisions } = await svc
      .from('cad_revisions')
      .select('kind, round, requested_by')
      .eq('order_id', order.id)
      .order('created_at');
    expect(revisions).toEqual([
      { kind: 'initial', round: 0, requested_by: staffId('workshop') },
      { kind: 'tweak', round: 1, requested_by: null },
      { kind: 'tweak', round: 2, requested_by: null },
    ]);
  });

  it('records a bigger change as a request that moves nothing, cleared when the stylist acts', async () => {
    const order = await designWithCustomer();
    const link = await createLink(order.id);
    const r = await customer(t).rpc('review_decide', {
      p_token: link.token,
      p_decision: 'major_change',
      p_note: 'Could it be a trilogy instead?',
    });
    expect(r.error).toBeNull();
    const after = await readOrder(svc, order.id);
    expect(after).toMatchObject({ stage: 'cad', cad_state: 'with_customer' });
    const flag = async () =>
      (await svc.from('orders').select('customer_change_requested_at').eq('id', order.id).single())
        .data as { customer_change_requested_at: string | null };
    expect((await flag()).customer_change_requested_at).not.toBeNull();
    // The stylist sees it on the board's card (order_board, read as the stylist).
    const card = await concierge
      .from('order_board')
      .select('customer_change_requested_at')
      .eq('id', order.id)
      .single();
    expect(card.data?.customer_change_requested_at).toBe(
      (await flag()).customer_change_requested_at,
    );
    expect((await eventsOf(svc, order.id)).at(-1)).toMatchObject({
      kind: 'major_change_requested',
      actor_id: null,
      from_stage: 'cad',
      to_stage: 'cad',
      note: 'Could it be a trilogy instead?',
      data: { actor: 'customer', review_link_id: link.id },
    });
    const recorded = await concierge.rpc('record_major_change', {
      p_order_id: order.id,
      p_expected_version: after.version,
      p_note: 'Trilogy, re-quoted',
    });
    expect(recorded.error).toBeNull();
    expect((await flag()).customer_change_requested_at).toBeNull();
    expect((await readOrder(svc, order.id)).stage).toBe('awaiting_payment');
  });

  it('gives wrong, expired, revoked, malformed and replaced tokens the same answer', async () => {
    const order = await designWithCustomer();
    const revoked = await createLink(order.id);
    const expired = await createLink(order.id, 'status');
    const replaced = await createLink(order.id);
    const live = await createLink(order.id); // replaces `replaced` (and `revoked`)
    expect((await listed(replaced.id)).state).toBe('revoked');
    const r = await concierge.rpc('revoke_review_link', { p_id: revoked.id });
    expect(r.error).toBeNull();
    const again = await concierge.rpc('revoke_review_link', { p_id: revoked.id });
    expect(again.error).toBeNull();
    expect((await listed(revoked.id)).state).toBe('revoked');
    await svc
      .from('review_links')
      .update({ expires_at: new Date(Date.now() - 1000).toISOString(), created_at: '2026-01-01' })
      .eq('id', expired.id);
    expect((await listed(expired.id)).state).toBe('expired');

    const tokens = [
      randomBytes(32).toString('base64url'),
      revoked.token,
      expired.token,
      replaced.token,
      '',
      'not-a-token',
      live.token.slice(0, 42),
      `${live.token} `,
      'x'.repeat(20_000),
    ];
    const ip = freshIp();
    for (const token of tokens) {
      for (const fn of ['review_page', 'review_decide'] as const) {
        const res = await customer(t, ip).rpc(fn, {
          p_token: token,
          ...(fn === 'review_decide' ? { p_decision: 'approve' } : {}),
        });
        expect(res.error).toBeNull();
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ status: 'invalid' });
      }
    }
    // A GET runs read-only in PostgREST: refused the same way for a live and a made-up token,
    // before either is looked at (the error text must not tell them apart).
    const viaGet = async (token: string) => {
      const res = await fetch(
        `${t.url}/rest/v1/rpc/review_page?p_token=${encodeURIComponent(token)}`,
        {
          headers: { apikey: t.anonKey, 'x-forwarded-for': ip },
        },
      );
      return { status: res.status, body: await res.text() };
    };
    const getLive = await viaGet(live.token);
    expect(getLive.status).toBe(405);
    expect(getLive).toEqual(await viaGet(randomBytes(32).toString('base64url')));
    expect(getLive.body).toContain('Open review links with POST.');
    expect((await listed(live.id)).opened_at).toBeNull();
    // The live one still works, from another address, and nothing was decided meanwhile.
    expect((await page(live.token)).status).toBe('ok');
    expect((await readOrder(svc, order.id)).cad_state).toBe('with_customer');
    // A status link opens but cannot decide.
    const status = await createLink(order.id, 'status');
    const decide = await customer(t).rpc('review_decide', {
      p_token: status.token,
      p_decision: 'approve',
    });
    expect(decide.error?.code).toBe('LP127');
  });

  it('limits failed tries per client, keeps the count, and then refuses even a valid token', async () => {
    const order = await designWithCustomer();
    const link = await createLink(order.id);
    const ip = freshIp();
    const { data: settings } = await svc
      .from('workshop_settings')
      .select('review_link_max_failures')
      .single();
    const limit = (settings as { review_link_max_failures: number }).review_link_max_failures;
    expect(limit).toBe(20);
    for (let i = 0; i < limit; i++) {
      const res = await customer(t, ip).rpc('review_page', {
        p_token: randomBytes(32).toString('base64url'),
      });
      expect(res.data).toEqual({ status: 'invalid' });
    }
    // Each failure was its own request and transaction: the count survived them all.
    const blocked = await customer(t, ip).rpc('review_page', { p_token: link.token });
    expect(blocked.status).toBe(429);
    expect(blocked.error?.code).toBe('PT429');
    expect(blocked.error?.message).toBe(
      'Too many tries with links that do not work. Wait a few minutes, then open the link again or ask your stylist for a new one.',
    );
    const decide = await customer(t, ip).rpc('review_decide', {
      p_token: link.token,
      p_decision: 'approve',
    });
    expect(decide.error?.code).toBe('PT429');
    expect((await readOrder(svc, order.id)).cad_state).toBe('with_customer');
    expect((await listed(link.id)).opened_at).toBeNull();
    // Another address is not held back.
    expect((await page(link.token)).status).toBe('ok');
  });

  it('dates the next step on the house’s business days and shows tracking once shipped', async () => {
    const production = await createOrder(svc, 'production', { ready: false });
    const p = await page((await createLink(production.id, 'status')).token);
    const current = p.current as {
      usually: string;
      expected_from: string;
      expected_to: string;
    };
    expect(current).toMatchObject({ phase: 'production', usually: 'usually 10–14 business days' });
    const { data: zone } = await svc.from('workshop_settings').select('timezone').single();
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: (zone as { timezone: string }).timezone,
    }).format(new Date());
    const businessDays = async (from: string, to: string) =>
      (await svc.rpc('business_days_between', { p_from: from, p_to: to })).data as number;
    const dayBefore = (d: string) =>
      new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // The 10th and 14th business days after today, each itself a business day.
    expect(await businessDays(today, current.expected_from)).toBe(10);
    expect(await businessDays(dayBefore(current.expected_from), current.expected_from)).toBe(1);
    expect(await businessDays(today, current.expected_to)).toBe(14);
    expect(await businessDays(dayBefore(current.expected_to), current.expected_to)).toBe(1);
    expect(p.next_step).toMatchObject({ phase: 'quality_check', usually: 'usually 1–3 days' });
    expect(p.tracking).toBeNull();

    const shipping = await createOrder(svc, 'shipping');
    const s = await page((await createLink(shipping.id, 'status')).token);
    expect(s.phase).toBe('delivery');
    expect(s.tracking).toMatchObject({
      carrier: 'UPS',
      tracking_number: expect.stringMatching(/^1Z/),
    });
    expect(s.next_step).toBeNull();
  });

  it('shows the customer’s decision live to staff, and nothing of it to an anon listener', async () => {
    const order = await designWithCustomer();
    const link = await createLink(order.id);
    type Change = { table: string; row: Record<string, unknown> };
    const listen = async (client: SupabaseClient) => {
      const changes: Change[] = [];
      const channel = client
        .channel(`review-${crypto.randomUUID()}`)
        .on('postgres_changes', { event: '*', schema: 'public' }, (payload) =>
          changes.push({ table: payload.table, row: payload.new as Record<string, unknown> }),
        );
      await new Promise<void>((resolve, reject) => {
        channel.subscribe((status, error) => {
          if (status === 'SUBSCRIBED') resolve();
          if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
            reject(error ?? new Error(status));
        });
      });
      return { changes, stop: () => client.removeChannel(channel) };
    };
    const staffClient = clientFor(t, 'concierge');
    staffClient.realtime.setAuth(accessToken(t, staffId('concierge')));
    const staffSide = await listen(staffClient);
    const anonSide = await listen(customer(t));
    const r = await customer(t).rpc('review_decide', {
      p_token: link.token,
      p_decision: 'approve',
    });
    expect(r.error).toBeNull();
    const seen = () =>
      staffSide.changes.some(
        (c) => c.table === 'orders' && c.row.id === order.id && c.row.cad_state === 'approved',
      ) &&
      staffSide.changes.some(
        (c) => c.table === 'review_links' && c.row.id === link.id && c.row.decision === 'approve',
      );
    const start = Date.now();
    while (!seen() && Date.now() - start < 5000) await new Promise((res) => setTimeout(res, 50));
    expect(seen()).toBe(true);
    expect(JSON.stringify(staffSide.changes)).not.toContain(link.token);
    // Like Supabase Realtime (walrus), a subscriber without SELECT on the table may be told that
    // something changed (error 401) but gets no column of it.
    expect(anonSide.changes.every((c) => Object.keys(c.row).length === 0)).toBe(true);
    expect(JSON.stringify(anonSide.changes)).not.toContain(order.id);
    await staffSide.stop();
    await anonSide.stop();
  });

  it('lets a browser send the token header (CORS preflight allows it, as Supabase’s gateway does)', async () => {
    for (const path of ['/storage/v1/object/sign/cad/x.png', '/rest/v1/rpc/review_page']) {
      const res = await fetch(`${t.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers':
            'apikey,authorization,content-type,x-client-info,x-review-token',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-headers')?.split(',')).toContain(
        'x-review-token',
      );
    }
  });

  it('lets the token open exactly its round’s files through Storage, nothing else', async () => {
    const order = await designWithCustomer();
    const other = await designWithCustomer();
    const link = await createLink(order.id);
    const withToken = customer(t, freshIp(), link.token);
    const signed = await withToken.storage.from('cad').createSignedUrl(order.render, 300);
    expect(signed.error).toBeNull();
    const file = await fetch(signed.data!.signedUrl);
    expect(file.status).toBe(200);
    // Another order's render, the same file without the token, with a made-up token.
    expect(
      (await withToken.storage.from('cad').createSignedUrl(other.render, 300)).error,
    ).not.toBeNull();
    expect(
      (await customer(t).storage.from('cad').createSignedUrl(order.render, 300)).error,
    ).not.toBeNull();
    const guessed = customer(t, freshIp(), randomBytes(32).toString('base64url'));
    expect(
      (await guessed.storage.from('cad').createSignedUrl(order.render, 300)).error,
    ).not.toBeNull();
    const { data: listing } = await withToken.storage.from('cad').list(order.id);
    expect((listing ?? []).map((f) => `${order.id}/${f.name}`)).toEqual([order.render]);
    // A status link's token opens no files; a revoked CAD link's token no longer does.
    const status = await createLink(order.id, 'status');
    const statusClient = customer(t, freshIp(), status.token);
    expect(
      (await statusClient.storage.from('cad').createSignedUrl(order.render, 300)).error,
    ).not.toBeNull();
    await concierge.rpc('revoke_review_link', { p_id: link.id });
    expect(
      (await withToken.storage.from('cad').createSignedUrl(order.render, 300)).error,
    ).not.toBeNull();
  });
});

describe('anon and the catalog', () => {
  let db: Awaited<ReturnType<typeof openPglite>> | undefined;
  afterAll(async () => db?.close());

  // Migrating a fresh PGlite takes ~20 s alone, more on a busy machine.
  it(
    'gives anon no privilege on any public table or view, and reaches the definer code only through the wrappers',
    { timeout: 180_000 },
    async () => {
      db = await openPglite('memory');
      await migrate(db, {
        migrationsDir: new URL('../../supabase/migrations/', import.meta.url).pathname,
      });
      const tables = await db.query<{ name: string }>(
        `select table_name || ' ' || privilege_type as name from information_schema.role_table_grants
       where grantee = 'anon' and table_schema = 'public'
       union all
       select table_name || '.' || column_name || ' ' || privilege_type from information_schema.column_privileges
       where grantee = 'anon' and table_schema = 'public'`,
      );
      expect(tables.rows).toEqual([]);
      // The control: the same question finds a grant when there is one.
      await db.exec(
        `create table public.lint_anon_probe (id int); grant select on public.lint_anon_probe to anon;`,
      );
      const probe = await db.query<{ n: number }>(
        `select count(*)::int as n from information_schema.role_table_grants
       where grantee = 'anon' and table_schema = 'public' and table_name = 'lint_anon_probe'`,
      );
      expect(probe.rows[0]?.n).toBe(1);
      await db.exec(`drop table public.lint_anon_probe`);

      const reachable = await db.query<{ fn: string; definer: boolean; config: string[] | null }>(
        `select p.oid::regprocedure::text as fn, p.prosecdef as definer, p.proconfig as config
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'review_access' order by 1`,
      );
      expect(reachable.rows.map((r) => r.fn)).toEqual([
        'review_access.review_decide(text,text,text)',
        'review_access.review_page(text)',
        'review_access.review_token_files()',
      ]);
      for (const r of reachable.rows) {
        expect(r.definer).toBe(true);
        expect(r.config).toContain('search_path=""');
      }
      const privateUsage = await db.query<{ ok: boolean }>(
        `select has_schema_privilege('anon', 'private', 'usage') as ok`,
      );
      expect(privateUsage.rows[0]?.ok).toBe(false);
    },
  );
});
