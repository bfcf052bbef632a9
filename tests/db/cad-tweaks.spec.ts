// The CAD rounds through supabase-js: the first design and two minor tweak rounds are the
// customer's; a third tweak round is refused (LP030) and leaves the order as it was; a major
// change is its own act that sends the order back to awaiting payment and never gives the
// tweak rounds back.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientFor, dbTargets, serviceClient } from './support/clients';
import { createOrder, eventsOf, readOrder, type OrderRow } from './support/factories';

type Act = 'send_cad_to_customer' | 'request_cad_tweak' | 'approve_cad' | 'record_major_change';

async function act(client: SupabaseClient, fn: Act, order: OrderRow, note?: string) {
  return client.rpc(fn, {
    p_order_id: order.id,
    p_expected_version: order.version,
    ...(note === undefined ? {} : { p_note: note }),
  });
}

describe.each(dbTargets())('CAD rounds on $engine', (t) => {
  const svc = serviceClient(t);
  const workshop = clientFor(t, 'workshop');
  const concierge = clientFor(t, 'concierge');

  /** Sends the design, logs `rounds` tweak requests with a re-send after each. */
  async function throughRounds(rounds: number): Promise<OrderRow> {
    let order = await createOrder(svc, 'cad', { ready: false });
    expect((await act(workshop, 'send_cad_to_customer', order)).error).toBeNull();
    for (let round = 1; round <= rounds; round++) {
      order = await readOrder(svc, order.id);
      expect((await act(concierge, 'request_cad_tweak', order, `Tweak ${round}`)).error).toBeNull();
      order = await readOrder(svc, order.id);
      expect((await act(workshop, 'send_cad_to_customer', order)).error).toBeNull();
    }
    return readOrder(svc, order.id);
  }

  async function rounds(orderId: string) {
    const { data } = await svc
      .from('cad_revisions')
      .select('kind, round')
      .eq('order_id', orderId)
      .order('created_at');
    return data;
  }

  it('numbers the first design 0 and the two tweak rounds 1 and 2', async () => {
    const order = await throughRounds(2);
    expect(order.cad_state).toBe('with_customer');
    expect(await rounds(order.id)).toEqual([
      { kind: 'initial', round: 0 },
      { kind: 'tweak', round: 1 },
      { kind: 'tweak', round: 2 },
    ]);
    const { data: card } = await clientFor(t, 'qc')
      .from('order_board')
      .select('cad_rounds_used, cad_rounds_max')
      .eq('id', order.id)
      .single();
    expect(card).toEqual({ cad_rounds_used: 2, cad_rounds_max: 2 });
  });

  it('refuses a third tweak round with LP030 and leaves the order unchanged', async () => {
    const order = await throughRounds(2);
    const r = await act(concierge, 'request_cad_tweak', order, 'Could the band be wider?');
    expect(r.error?.code).toBe('LP030');
    expect(r.error?.message).toBe(
      'This order has used both tweak rounds. Any further change is a major change: re-quote it with the customer first.',
    );
    expect(r.status).toBe(400);
    expect(await readOrder(svc, order.id)).toEqual(order);
    expect(await rounds(order.id)).toHaveLength(3);
  });

  it('lets only a stylist or a manager log the customer’s tweak (PT403)', async () => {
    const order = await throughRounds(0);
    for (const caller of ['workshop', 'qc'] as const) {
      const r = await act(clientFor(t, caller), 'request_cad_tweak', order, 'Thinner band');
      expect(r.error?.code).toBe('PT403');
    }
    const anon = await act(clientFor(t, 'anon'), 'request_cad_tweak', order, 'Thinner band');
    expect(anon.error?.code).toBe('42501');
    expect(await readOrder(svc, order.id)).toEqual(order);
  });

  it('records a major change as its own act: back to awaiting payment, rounds kept', async () => {
    const order = await throughRounds(2);
    const r = await act(
      concierge,
      'record_major_change',
      order,
      'Switch to a pear-shaped 2 ct stone',
    );
    expect(r.error).toBeNull();
    const after = await readOrder(svc, order.id);
    expect(after).toMatchObject({ stage: 'awaiting_payment', paid_at: null, cad_state: null });
    expect((await rounds(order.id))?.at(-1)).toEqual({ kind: 'major_change', round: 2 });
    expect((await eventsOf(svc, order.id)).at(-1)).toMatchObject({
      kind: 'major_change',
      from_stage: 'cad',
      to_stage: 'awaiting_payment',
      data: expect.objectContaining({ tweak_rounds_used: 2 }),
    });

    // New quote paid, back in CAD: the counter was not reset, so a tweak is still refused.
    const { error: payError } = await concierge
      .from('orders')
      .update({ paid_at: new Date().toISOString(), payment_method: 'card', quote_amount: 6100 })
      .eq('id', order.id)
      .select('id')
      .single();
    expect(payError).toBeNull();
    const paid = await readOrder(svc, order.id);
    expect(
      (
        await concierge.rpc('move_order', {
          p_order_id: order.id,
          p_to_stage: 'cad',
          p_expected_version: paid.version,
        })
      ).error,
    ).toBeNull();
    let inCad = await readOrder(svc, order.id);
    expect((await act(workshop, 'send_cad_to_customer', inCad)).error).toBeNull();
    inCad = await readOrder(svc, order.id);
    const again = await act(concierge, 'request_cad_tweak', inCad, 'One more change');
    expect(again.error?.code).toBe('LP030');
  });

  it('asks what the customer wants changed (LP003) and the design to be with them (LP031)', async () => {
    const order = await throughRounds(0);
    const blank = await act(concierge, 'request_cad_tweak', order, '  ');
    expect(blank.error?.code).toBe('LP003');
    const drafting = await createOrder(svc, 'cad', { ready: false });
    const early = await act(concierge, 'approve_cad', drafting);
    expect(early.error?.code).toBe('LP031');
    expect(early.error?.message).toMatch(/not with the customer/);
  });

  it('cannot be written around: clients may not insert rounds or set the CAD state', async () => {
    const order = await throughRounds(2);
    const insert = await concierge
      .from('cad_revisions')
      .insert({ order_id: order.id, kind: 'tweak', round: 1 });
    expect(insert.error?.code).toBe('42501');
    const update = await concierge
      .from('orders')
      .update({ cad_state: 'tweak_requested' })
      .eq('id', order.id);
    expect(update.error?.code).toBe('42501');
    expect(await readOrder(svc, order.id)).toEqual(order);
  });
});
