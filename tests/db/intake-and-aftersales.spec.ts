// The rules around an order's beginning and end, through supabase-js: risk flags the data
// shows for itself, turning a confirmed request into an order, the 10 reference images cap,
// lab report numbers in each lab's format, and the one free resize within 30 days.
import { describe, expect, it } from 'vitest';
import { clientFor, dbTargets, serviceClient } from './support/clients';
import { createCustomer, createOrder } from './support/factories';

describe.each(dbTargets())('intake and after-sales on $engine', (t) => {
  const svc = serviceClient(t);
  const concierge = clientFor(t, 'concierge');

  async function request(fields: Record<string, unknown> = {}) {
    const { data, error } = await concierge
      .from('intake_requests')
      .insert({
        customer_id: await createCustomer(svc),
        source: 'concierge_form',
        base: 'bespoke_ring',
        metal: 'gold_18k_yellow',
        ...fields,
      })
      .select('id, risk_flags, status, confirmed_at')
      .single();
    expect(error).toBeNull();
    return data as {
      id: string;
      risk_flags: string[];
      status: string;
      confirmed_at: string | null;
    };
  }

  it('flags unusual sizes and tight gift deadlines on its own, keeping the stylist’s flags', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const r = await request({
      ring_size: 13.25,
      is_gift: true,
      needed_by: soon,
      risk_flags: ['special_request'],
    });
    expect(r.risk_flags).toEqual(['special_request', 'unusual_sizing', 'gift_deadline']);
    const plain = await request({ ring_size: 6.5 });
    expect(plain.risk_flags).toEqual([]);
    const odd = await concierge.from('intake_requests').insert({
      customer_id: await createCustomer(svc),
      source: 'concierge_form',
      base: 'bespoke_ring',
      metal: 'platinum',
      ring_size: 6.3,
    });
    expect(odd.error?.code).toBe('23514');
  });

  it('turns only a confirmed request into an order, once', async () => {
    const r = await request({ stone_preferences: 'Oval lab diamond, 1.5 ct' });
    const early = await concierge.rpc('convert_intake', { p_intake_request_id: r.id });
    expect(early.error?.code).toBe('LP080');
    const confirmed = await concierge
      .from('intake_requests')
      .update({ status: 'confirmed' })
      .eq('id', r.id)
      .select('confirmed_at')
      .single();
    expect((confirmed.data as { confirmed_at: string | null }).confirmed_at).not.toBeNull();
    const byWorkshop = await clientFor(t, 'workshop').rpc('convert_intake', {
      p_intake_request_id: r.id,
    });
    expect(byWorkshop.error?.code).toBe('PT403');

    const { data, error } = await concierge.rpc('convert_intake', {
      p_intake_request_id: r.id,
      p_product_name: 'Oval solitaire',
    });
    expect(error).toBeNull();
    const order = data as {
      code: string;
      stage: string;
      product_name: string;
      has_stones: boolean;
    };
    expect(order).toMatchObject({
      stage: 'intake',
      product_name: 'Oval solitaire',
      has_stones: true,
    });
    expect(order.code).toMatch(/^LP-\d{4}-\d{4,}$/);
    const again = await concierge.rpc('convert_intake', { p_intake_request_id: r.id });
    expect(again.error?.code).toBe('LP080');
  });

  it('keeps at most 10 reference images on a request (LP063)', async () => {
    const r = await request();
    const image = (n: number) => ({
      intake_request_id: r.id,
      kind: 'reference_image',
      bucket: 'intake-references',
      storage_path: `${r.id}/ref-${n}.jpg`,
      mime_type: 'image/jpeg',
      size_bytes: 50_000,
    });
    for (let n = 1; n <= 10; n++) {
      expect((await concierge.from('attachments').insert(image(n))).error).toBeNull();
    }
    const eleventh = await concierge.from('attachments').insert(image(11));
    expect(eleventh.error?.code).toBe('LP063');
    const tooBig = await concierge
      .from('attachments')
      .insert({ ...image(12), size_bytes: 16 * 1024 * 1024 });
    expect(tooBig.error?.code).toBe('LP062');
  });

  it('checks GIA and IGI report numbers (LP050) and takes each report once', async () => {
    const order = await createOrder(svc, 'qc', { certified: true });
    const qc = clientFor(t, 'qc');
    const cert = (lab: string, report_number: string) =>
      qc.from('certificates').insert({
        order_id: order.id,
        lab,
        report_number,
        carat: 1.05,
        colour: 'F',
        clarity: 'VS1',
        cut_shape: 'Oval',
      });
    const gia = String(2_000_000_000 + Math.floor(Math.random() * 999_999_999));
    expect((await cert('GIA', gia)).error).toBeNull();
    const bad = await cert('GIA', '12345');
    expect(bad.error?.code).toBe('LP050');
    expect(bad.error?.message).toMatch(/GIA numbers have 10 digits/);
    expect((await cert('IGI', 'LG' + gia.slice(1))).error).toBeNull();
    expect((await cert('IGI', 'XX12345')).error?.code).toBe('LP050');
    expect((await cert('GIA', gia)).error?.code).toBe('23505');
  });

  it('makes the first resize within 30 days of delivery free, and only that one', async () => {
    const order = await createOrder(svc, 'delivered');
    // Delivered now, as move_order would have logged it.
    const { error: logError } = await svc.from('order_events').insert({
      order_id: order.id,
      kind: 'stage_changed',
      from_stage: 'shipping',
      to_stage: 'delivered',
    });
    expect(logError).toBeNull();
    const resize = (from: number, to: number) =>
      concierge
        .from('service_requests')
        .insert({ order_id: order.id, kind: 'resize', from_size: from, to_size: to, is_free: true })
        .select('is_free')
        .single();
    expect((await resize(6.5, 7)).data).toEqual({ is_free: true });
    expect((await resize(7, 7.5)).data).toEqual({ is_free: false });
    const notDelivered = await createOrder(svc, 'production');
    const early = await concierge
      .from('service_requests')
      .insert({ order_id: notDelivered.id, kind: 'cleaning' });
    expect(early.error?.code).toBe('LP070');
  });
});
