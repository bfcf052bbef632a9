// The order workspace's acts through supabase-js: changing the assignee, priority and promised
// date checks the version and the role and is logged; ticking production steps stamps who and
// when and refuses plainly; shipments and after-sales requests appear in the history.
import { describe, expect, it } from 'vitest';
import { clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createOrder, readOrder } from './support/factories';

describe.each(dbTargets())('order workspace acts on $engine', (t) => {
  const svc = serviceClient(t);
  const concierge = clientFor(t, 'concierge');
  const workshop = clientFor(t, 'workshop');
  const qc = clientFor(t, 'qc');

  it('a stylist reassigns and reprioritises an order; the history says who changed what', async () => {
    const order = await createOrder(svc, 'cad', { ready: false });
    const r = await concierge.rpc('update_order_details', {
      p_order_id: order.id,
      p_expected_version: order.version,
      p_changes: { assignee_id: staffId('workshop'), priority: 2 },
    });
    expect(r.error).toBeNull();
    expect(r.data).toMatchObject({
      assignee_id: staffId('workshop'),
      priority: 2,
      version: order.version + 1,
    });
    const { data: events } = await svc
      .from('order_events')
      .select('kind, actor_id, data')
      .eq('order_id', order.id)
      .eq('kind', 'details_changed');
    expect(events).toEqual([
      {
        kind: 'details_changed',
        actor_id: staffId('concierge'),
        data: { assignee: { from: null, to: 'Tomás Reyes' }, priority: { from: 0, to: 2 } },
      },
    ]);
  });

  it('refuses a stale version with PT409 and changes nothing', async () => {
    const order = await createOrder(svc, 'cad', { ready: false });
    const r = await concierge.rpc('update_order_details', {
      p_order_id: order.id,
      p_expected_version: order.version - 1,
      p_changes: { priority: 1 },
    });
    expect(r.error?.code).toBe('PT409');
    expect(r.status).toBe(409);
    expect(await readOrder(svc, order.id)).toEqual(order);
  });

  it('lets the workshop take a CAD order but not change its promised date or a QC order', async () => {
    const order = await createOrder(svc, 'cad', { ready: false });
    const take = await workshop.rpc('update_order_details', {
      p_order_id: order.id,
      p_expected_version: order.version,
      p_changes: { assignee_id: staffId('workshop') },
    });
    expect(take.error).toBeNull();
    const date = await workshop.rpc('update_order_details', {
      p_order_id: order.id,
      p_expected_version: order.version + 1,
      p_changes: { promised_date: '2030-01-01' },
    });
    expect(date.error?.code).toBe('PT403');
    expect(date.error?.message).toBe(
      'Only a stylist or a manager can change the priority or the promised date.',
    );
    const inQc = await createOrder(svc, 'qc', { ready: false });
    const r = await workshop.rpc('update_order_details', {
      p_order_id: inQc.id,
      p_expected_version: inQc.version,
      p_changes: { assignee_id: staffId('workshop') },
    });
    expect(r.error?.code).toBe('PT403');
  });

  it('refuses an unknown priority with a plain sentence', async () => {
    const order = await createOrder(svc, 'cad', { ready: false });
    const r = await concierge.rpc('update_order_details', {
      p_order_id: order.id,
      p_expected_version: order.version,
      p_changes: { priority: 7 },
    });
    expect(r.error?.code).toBe('LP004');
    expect(r.error?.message).toBe('Priority is normal, rush or top priority.');
  });

  it('the workshop ticks a production step in its own name; QC may not', async () => {
    const order = await createOrder(svc, 'production', { ready: false });
    const { data: steps } = await svc
      .from('production_steps')
      .select('id, step')
      .eq('order_id', order.id)
      .eq('step', 'casting')
      .single();
    const refused = await qc.rpc('record_production_step', { p_step_id: steps!.id, p_done: true });
    expect(refused.error?.code).toBe('PT403');
    expect(refused.error?.message).toBe(
      'Only the workshop or a manager can record production steps.',
    );
    const done = await workshop.rpc('record_production_step', {
      p_step_id: steps!.id,
      p_done: true,
    });
    expect(done.error).toBeNull();
    expect(done.data).toMatchObject({ done_by: staffId('workshop') });
    expect(done.data.done_at).not.toBeNull();
    // Ticking again keeps the first stamp.
    const again = await workshop.rpc('record_production_step', {
      p_step_id: steps!.id,
      p_done: true,
    });
    expect(again.data.done_at).toBe(done.data.done_at);
    const undone = await workshop.rpc('record_production_step', {
      p_step_id: steps!.id,
      p_done: false,
    });
    expect(undone.data).toMatchObject({ done_at: null, done_by: null });
  });

  it('refuses hand-setting on a piece without stones', async () => {
    const order = await createOrder(svc, 'production', { ready: false });
    await svc.from('orders').update({ has_stones: false }).eq('id', order.id);
    const { data: step } = await svc
      .from('production_steps')
      .select('id, applicable')
      .eq('order_id', order.id)
      .eq('step', 'hand_setting')
      .single();
    expect(step!.applicable).toBe(false);
    const r = await workshop.rpc('record_production_step', { p_step_id: step!.id, p_done: true });
    expect(r.error?.code).toBe('LP044');
    expect(r.error?.message).toBe('Hand-setting does not apply to this piece: it has no stones.');
  });

  it('logs a shipment and a resize request in the history', async () => {
    const order = await createOrder(svc, 'delivered');
    const shipped = await concierge
      .from('shipments')
      .insert({
        order_id: order.id,
        carrier: 'UPS',
        tracking_number: `1Z${Date.now()}`,
        shipped_at: new Date(Date.now() - 3_600_000).toISOString(),
      })
      .select('id')
      .single();
    expect(shipped.error).toBeNull();
    const resize = await concierge
      .from('service_requests')
      .insert({ order_id: order.id, kind: 'resize', from_size: 6.5, to_size: 7 })
      .select('is_free')
      .single();
    expect(resize.error).toBeNull();
    const { data: events } = await svc
      .from('order_events')
      .select('kind, actor_id, data')
      .eq('order_id', order.id)
      .in('kind', ['shipped', 'service_requested'])
      .order('id');
    expect(events?.map((e) => [e.kind, e.actor_id])).toEqual([
      ['shipped', staffId('concierge')],
      ['service_requested', staffId('concierge')],
    ]);
    expect(events?.[1]?.data).toMatchObject({ kind: 'resize', is_free: resize.data!.is_free });
  });
});
