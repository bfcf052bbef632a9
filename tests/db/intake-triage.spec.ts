// Intake triage through supabase-js, signed in as each role: assigning a request starts its
// review, the path needs a reason, confirmation is stamped by the database and never moved,
// declining needs a reason, two stylists at once are told apart by the version, every act is in
// the triage log with who and when, and a confirmed request becomes a quoted order waiting for
// payment in one step.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createCustomer } from './support/factories';

type Request = {
  id: string;
  status: string;
  version: number;
  path: string | null;
  path_reason: string | null;
  risk_flags: string[];
  assigned_stylist_id: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  review_started_at: string | null;
  decline_reason: string | null;
  declined_at: string | null;
  received_at: string;
};

describe.each(dbTargets())('intake triage on $engine', (t) => {
  const svc = serviceClient(t);
  const concierge = clientFor(t, 'concierge');
  const manager = clientFor(t, 'manager');

  async function request(fields: Record<string, unknown> = {}): Promise<Request> {
    const { data, error } = await svc
      .from('intake_requests')
      .insert({
        customer_id: await createCustomer(svc),
        source: 'customizer_look',
        base: 'bespoke_ring',
        metal: 'platinum',
        ring_size: 6.5,
        ...fields,
      })
      .select('*')
      .single();
    expect(error).toBeNull();
    return data as Request;
  }

  async function call(client: SupabaseClient, fn: string, args: Record<string, unknown>) {
    const { data, error } = await client.rpc(fn, args);
    return { data: data as Request | null, error };
  }

  async function events(id: string) {
    const { data, error } = await concierge
      .from('intake_events')
      .select('kind, actor_id, from_status, to_status, note, data, at')
      .eq('intake_request_id', id)
      .order('id');
    expect(error).toBeNull();
    return data as Array<{
      kind: string;
      actor_id: string | null;
      from_status: string | null;
      to_status: string | null;
      note: string | null;
      data: Record<string, unknown>;
    }>;
  }

  it('assigning a new request to me starts its review, logged with who and when', async () => {
    const r = await request();
    const { data, error } = await call(concierge, 'assign_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_stylist_id: staffId('concierge'),
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({
      status: 'in_review',
      assigned_stylist_id: staffId('concierge'),
      version: r.version + 1,
    });
    expect(data?.review_started_at).not.toBeNull();
    const log = await events(r.id);
    expect(log.map((e) => [e.kind, e.actor_id, e.to_status])).toEqual([
      ['assigned', staffId('concierge'), 'in_review'],
      ['review_started', staffId('concierge'), 'in_review'],
    ]);
  });

  it('assigns only to stylists and managers, and only stylists and managers triage', async () => {
    const r = await request();
    const toWorkshop = await call(concierge, 'assign_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_stylist_id: staffId('workshop'),
    });
    expect(toWorkshop.error?.code).toBe('LP085');
    for (const role of ['workshop', 'qc'] as const) {
      const refused = await call(clientFor(t, role), 'confirm_intake', {
        p_intake_request_id: r.id,
        p_expected_version: r.version,
      });
      expect(refused.error?.code).toBe('PT403');
      expect(refused.error?.message).toBe(
        'Only a stylist or a manager can triage intake requests.',
      );
    }
    const anon = await call(clientFor(t, 'anon'), 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
    });
    expect(anon.error).not.toBeNull();
    const unchanged = await svc.from('intake_requests').select('status, version').eq('id', r.id);
    expect(unchanged.data).toEqual([{ status: 'new', version: r.version }]);
  });

  it('tells the second of two stylists that the request changed (PT409) and keeps the first', async () => {
    const r = await request();
    const first = await call(concierge, 'assign_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_stylist_id: staffId('concierge'),
    });
    expect(first.error).toBeNull();
    const second = await call(clientFor(t, 'manager'), 'assign_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_stylist_id: staffId('manager'),
    });
    expect(second.error?.code).toBe('PT409');
    expect(second.error?.message).toMatch(/Someone else changed this request/);
    const now = await svc.from('intake_requests').select('assigned_stylist_id').eq('id', r.id);
    expect(now.data).toEqual([{ assigned_stylist_id: staffId('concierge') }]);
  });

  it('needs a reason for the path and logs it', async () => {
    const r = await request();
    const bare = await call(concierge, 'set_intake_path', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_path: 'concierge_assisted',
      p_reason: '  ',
    });
    expect(bare.error?.code).toBe('LP084');
    expect(bare.error?.message).toBe('Say why this request goes concierge-assisted.');
    // The same rule for a direct update, whoever writes it.
    const direct = await concierge
      .from('intake_requests')
      .update({ path: 'self_serve' })
      .eq('id', r.id);
    expect(direct.error?.code).toBe('LP084');

    const { data, error } = await call(concierge, 'set_intake_path', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_path: 'concierge_assisted',
      p_reason: 'Heirloom stone to reset ',
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({
      path: 'concierge_assisted',
      path_reason: 'Heirloom stone to reset',
      status: 'in_review',
    });
    const log = await events(r.id);
    expect(log.find((e) => e.kind === 'path_chosen')).toMatchObject({
      note: 'Heirloom stone to reset',
      data: { from: null, to: 'concierge_assisted' },
    });
  });

  it('sets risk flags, keeps the ones the data implies, and logs what changed', async () => {
    const r = await request({ ring_size: 2.5 });
    expect(r.risk_flags).toEqual(['unusual_sizing']);
    const { data, error } = await call(concierge, 'set_intake_risk_flags', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_flags: ['feasibility_review', 'special_request', 'special_request'],
    });
    expect(error).toBeNull();
    // Size 2.5 is still unusual: that flag comes back even though the stylist left it out.
    expect([...(data?.risk_flags ?? [])].sort()).toEqual([
      'feasibility_review',
      'special_request',
      'unusual_sizing',
    ]);
    const log = await events(r.id);
    const changed = log.find((e) => e.kind === 'risk_flags_changed');
    expect((changed?.data.added as string[]).sort()).toEqual([
      'feasibility_review',
      'special_request',
    ]);
    expect(changed?.data.removed).toEqual([]);
  });

  it('confirms with the database’s clock, assigns the confirmer, and never moves the time', async () => {
    const received = new Date(Date.now() - 90 * 60_000).toISOString();
    const r = await request({ received_at: received });
    const before = Date.now();
    const { data, error } = await call(concierge, 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
    });
    expect(error).toBeNull();
    expect(data?.status).toBe('confirmed');
    expect(data?.assigned_stylist_id).toBe(staffId('concierge'));
    expect(data?.confirmed_by).toBe(staffId('concierge'));
    const confirmedAt = Date.parse(data!.confirmed_at!);
    expect(confirmedAt).toBeGreaterThanOrEqual(before - 5_000);
    expect(confirmedAt).toBeLessThanOrEqual(Date.now() + 5_000);

    const log = await events(r.id);
    const confirmed = log.find((e) => e.kind === 'confirmed');
    expect(confirmed).toMatchObject({ actor_id: staffId('concierge'), to_status: 'confirmed' });
    expect(confirmed?.data.within_promise).toBe(true);
    expect(Number(confirmed?.data.minutes_to_confirm)).toBeGreaterThanOrEqual(89);

    // Back-dating the confirmation (or the request) to flatter the 2 h promise is refused.
    const backdate = await concierge
      .from('intake_requests')
      .update({ confirmed_at: received })
      .eq('id', r.id);
    expect(backdate.error?.code).toBe('LP083');
    const moveReceived = await manager
      .from('intake_requests')
      .update({ received_at: new Date().toISOString() })
      .eq('id', r.id);
    expect(moveReceived.error?.code).toBe('LP083');
    const again = await call(concierge, 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: data!.version,
    });
    expect(again.error?.code).toBe('LP081');
  });

  it('records a breached promise as such', async () => {
    const r = await request({ received_at: new Date(Date.now() - 3 * 3_600_000).toISOString() });
    const { error } = await call(concierge, 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
    });
    expect(error).toBeNull();
    const confirmed = (await events(r.id)).find((e) => e.kind === 'confirmed');
    expect(confirmed?.data.within_promise).toBe(false);
  });

  it('declines only with a reason, and a declined request stays declined', async () => {
    const r = await request();
    const bare = await call(concierge, 'decline_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_reason: '',
    });
    expect(bare.error?.code).toBe('LP082');
    const { data, error } = await call(concierge, 'decline_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_reason: 'Budget far below the cost of platinum',
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({
      status: 'declined',
      decline_reason: 'Budget far below the cost of platinum',
    });
    expect(data?.declined_at).not.toBeNull();
    const log = await events(r.id);
    expect(log.at(-1)).toMatchObject({
      kind: 'declined',
      note: 'Budget far below the cost of platinum',
    });
    const confirm = await call(concierge, 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: data!.version,
    });
    expect(confirm.error?.code).toBe('LP081');
    expect(confirm.error?.message).toBe('This request was declined; it cannot change any more.');
  });

  it('turns a confirmed request into a quoted order waiting for payment, in one step', async () => {
    const r = await request({ stone_preferences: 'Oval lab diamond, 1.5 ct' });
    const unconfirmed = await concierge.rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_quote_amount: 4800,
    });
    expect(unconfirmed.error?.code).toBe('LP080');

    let v = r.version;
    const path = await call(concierge, 'set_intake_path', {
      p_intake_request_id: r.id,
      p_expected_version: v,
      p_path: 'self_serve',
      p_reason: 'Saved look is complete',
    });
    v = path.data!.version;
    const confirmed = await call(concierge, 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: v,
    });
    v = confirmed.data!.version;

    const noQuote = await concierge.rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: v,
      p_quote_amount: 0,
    });
    expect(noQuote.error?.code).toBe('LP086');
    const badCurrency = await concierge.rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: v,
      p_quote_amount: 4800,
      p_quote_currency: 'dollars',
    });
    expect(badCurrency.error?.code).toBe('LP086');
    const byQc = await clientFor(t, 'qc').rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: v,
      p_quote_amount: 4800,
    });
    expect(byQc.error?.code).toBe('PT403');
    // Nothing half-done by the refusals: no order, the request still confirmed.
    const none = await svc.from('orders').select('id').eq('intake_request_id', r.id);
    expect(none.data).toEqual([]);

    const { data, error } = await concierge.rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: v,
      p_quote_amount: 4800.5,
      p_quote_currency: 'eur',
      p_product_name: 'Oval solitaire',
    });
    expect(error).toBeNull();
    const order = data as {
      id: string;
      code: string;
      stage: string;
      quote_amount: number;
      quote_currency: string;
      assignee_id: string;
      product_name: string;
      specs: Record<string, unknown>;
    };
    expect(order).toMatchObject({
      stage: 'awaiting_payment',
      quote_amount: 4800.5,
      quote_currency: 'EUR',
      assignee_id: staffId('concierge'),
      product_name: 'Oval solitaire',
    });
    expect(order.specs).toMatchObject({ path: 'self_serve', stones: 'Oval lab diamond, 1.5 ct' });

    const history = await concierge
      .from('order_events')
      .select('kind, from_stage, to_stage, note, actor_id')
      .eq('order_id', order.id)
      .order('id');
    expect(history.data).toEqual([
      {
        kind: 'created',
        from_stage: null,
        to_stage: 'intake',
        note: null,
        actor_id: staffId('concierge'),
      },
      {
        kind: 'stage_changed',
        from_stage: 'intake',
        to_stage: 'awaiting_payment',
        note: 'Quote sent: 4,800.50 EUR.',
        actor_id: staffId('concierge'),
      },
    ]);
    const log = await events(r.id);
    expect(log.at(-1)).toMatchObject({
      kind: 'converted',
      to_status: 'converted',
      data: { order_id: order.id, order_code: order.code },
    });
    const after = await svc.from('intake_requests').select('status').eq('id', r.id).single();
    expect(after.data).toEqual({ status: 'converted' });

    const twice = await concierge.rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: (await svc.from('intake_requests').select('version').eq('id', r.id))
        .data![0]!.version,
      p_quote_amount: 4800,
    });
    expect(twice.error?.code).toBe('LP080');
  });

  it('needs a path before the quote goes out', async () => {
    const r = await request();
    const confirmed = await call(manager, 'confirm_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
    });
    expect(confirmed.data?.assigned_stylist_id).toBe(staffId('manager'));
    const refused = await concierge.rpc('convert_intake_with_quote', {
      p_intake_request_id: r.id,
      p_expected_version: confirmed.data!.version,
      p_quote_amount: 2500,
    });
    expect(refused.error?.code).toBe('LP084');
  });

  it('keeps the triage log append-only and out of clients’ hands', async () => {
    const r = await request();
    await call(concierge, 'assign_intake', {
      p_intake_request_id: r.id,
      p_expected_version: r.version,
      p_stylist_id: staffId('concierge'),
    });
    const forged = await manager
      .from('intake_events')
      .insert({ intake_request_id: r.id, kind: 'confirmed' });
    expect(forged.error).not.toBeNull();
    const rewritten = await svc
      .from('intake_events')
      .update({ note: 'edited' })
      .eq('intake_request_id', r.id);
    // Even service_role: it lacks the privilege (42501), and the trigger refuses anyone else.
    expect(['42501', 'LP090']).toContain(rewritten.error?.code);
    const notes = await svc.from('intake_events').select('note').eq('intake_request_id', r.id);
    expect(notes.data?.every((e) => e.note !== 'edited')).toBe(true);
    for (const role of ['workshop', 'qc'] as const) {
      const seen = await clientFor(t, role)
        .from('intake_events')
        .select('kind')
        .eq('intake_request_id', r.id);
      expect(seen.data?.length).toBe(2);
    }
    const anon = await clientFor(t, 'anon').from('intake_events').select('kind');
    expect(anon.data ?? []).toEqual([]);
  });
});
