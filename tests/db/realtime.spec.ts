// Live board updates through supabase-js realtime, signed in as staff: order changes reach
// every member of staff as they happen, and a customer's contact details never travel to the
// workshop or QC (contacts are not in the publication, and RLS filters every change).
import { afterEach, describe, expect, it } from 'vitest';
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { accessToken, clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createOrder, readOrder } from './support/factories';

type Change = { table: string; eventType: string; new: Record<string, unknown> };

describe.each(dbTargets())('realtime on $engine', (t) => {
  const svc = serviceClient(t);
  const open: Array<{ client: SupabaseClient; channel: RealtimeChannel }> = [];
  afterEach(async () => {
    for (const { client, channel } of open.splice(0)) await client.removeChannel(channel);
  });

  /** Subscribes as a staff role to every change in public; resolves once joined. */
  async function listen(role: 'workshop' | 'qc' | 'concierge') {
    const client = clientFor(t, role);
    client.realtime.setAuth(accessToken(t, staffId(role)));
    const changes: Change[] = [];
    const channel = client
      .channel(`board-${role}-${crypto.randomUUID()}`)
      .on('postgres_changes', { event: '*', schema: 'public' }, (payload) =>
        changes.push({
          table: payload.table,
          eventType: payload.eventType,
          new: payload.new as Record<string, unknown>,
        }),
      );
    await new Promise<void>((resolve, reject) => {
      channel.subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve();
        if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
          reject(error ?? new Error(status));
      });
    });
    open.push({ client, channel });
    return changes;
  }

  const until = async (check: () => boolean, ms = 5000) => {
    const start = Date.now();
    while (!check() && Date.now() - start < ms) await new Promise((r) => setTimeout(r, 50));
  };

  it('delivers a card’s move to the workshop and QC as it happens', async () => {
    const order = await createOrder(svc, 'intake');
    const [workshop, qc] = await Promise.all([listen('workshop'), listen('qc')]);
    const moved = await clientFor(t, 'concierge').rpc('move_order', {
      p_order_id: order.id,
      p_to_stage: 'awaiting_payment',
      p_expected_version: order.version,
    });
    expect(moved.error).toBeNull();
    const seen = (changes: Change[]) =>
      changes.some(
        (c) => c.table === 'orders' && c.new.id === order.id && c.new.stage === 'awaiting_payment',
      );
    // The event log row written in the same transaction arrives too.
    const logged = (changes: Change[]) =>
      changes.some((c) => c.table === 'order_events' && c.new.order_id === order.id);
    await until(() => seen(workshop) && seen(qc) && logged(workshop));
    expect(seen(workshop)).toBe(true);
    expect(seen(qc)).toBe(true);
    expect(logged(workshop)).toBe(true);
  });

  it('never sends a customer’s contact details to the workshop or QC', async () => {
    const order = await createOrder(svc, 'production');
    const [workshop, qc, concierge] = await Promise.all([
      listen('workshop'),
      listen('qc'),
      listen('concierge'),
    ]);
    const { data: row } = await svc
      .from('orders')
      .select('customer_id')
      .eq('id', order.id)
      .single();
    const customerId = (row as { customer_id: string }).customer_id;
    const email = `changed.${Date.now()}@example.com`;
    const contact = await clientFor(t, 'concierge')
      .from('customer_contacts')
      .update({ email, phone: '+1 917 555 0142' })
      .eq('customer_id', customerId)
      .select('customer_id');
    expect(contact.data).toHaveLength(1);
    // A later order change is the marker that everything before it has been delivered.
    const current = await readOrder(svc, order.id);
    const { error } = await clientFor(t, 'manager')
      .from('orders')
      .update({ priority: 2 })
      .eq('id', order.id)
      .eq('version', current.version);
    expect(error).toBeNull();
    const marker = (changes: Change[]) =>
      changes.some((c) => c.table === 'orders' && c.new.id === order.id && c.new.priority === 2);
    await until(() => marker(workshop) && marker(qc) && marker(concierge));
    for (const changes of [workshop, qc]) {
      expect(marker(changes)).toBe(true);
      expect(changes.some((c) => c.table === 'customer_contacts')).toBe(false);
      expect(JSON.stringify(changes)).not.toContain(email);
    }
  });
});
