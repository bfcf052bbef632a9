// Stone allocation's rules through supabase-js, signed in as each role: of N simultaneous
// allocations of one certified stone exactly one lands (the others read a plain sentence); a
// cancelled order gives its stones back; recording hand-setting done marks them set; a melee lot
// never goes below zero, even under simultaneous takes; QC's "Certificate matches stone" sees
// match / mismatch / missing and cannot pass a mismatch; refused actions leave data as it was.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientFor, dbTargets, serviceClient } from './support/clients';
import { createOrder, readOrder, type Stage } from './support/factories';

type Allocation = {
  id: string;
  order_id: string;
  stone_id: string | null;
  melee_lot_id: string | null;
  stone_count: number;
  carat: number;
  set_at: string | null;
  released_at: string | null;
  release_reason: string | null;
};

let serial = Math.floor(Math.random() * 800_000_000);
const nextGia = () => String(1_100_000_000 + serial++);

describe.each(dbTargets())('stone allocation on $engine', (t) => {
  const svc = serviceClient(t);
  const workshop = clientFor(t, 'workshop');
  const manager = clientFor(t, 'manager');
  const qc = clientFor(t, 'qc');
  const concierge = clientFor(t, 'concierge');

  const newStone = async (reportNumber = nextGia()) => {
    const { data, error } = await svc
      .from('stones')
      .insert({
        lab: 'GIA',
        report_number: reportNumber,
        carat: 1.02,
        colour: 'F',
        clarity: 'VS1',
        shape: 'Oval',
      })
      .select('id, report_number')
      .single();
    expect(error).toBeNull();
    return data as { id: string; report_number: string };
  };
  const newLot = async (count: number, carat: number) => {
    const { data, error } = await svc
      .from('melee_lots')
      .insert({
        lot_code: `ML-${(serial++).toString(36).toUpperCase()}`,
        count_received: count,
        carat_received: carat,
        size_mm: 1.3,
      })
      .select('id, lot_code')
      .single();
    expect(error).toBeNull();
    return data as { id: string; lot_code: string };
  };
  const lotLeft = async (id: string) => {
    const { data } = await svc
      .from('melee_lots')
      .select('count_left, carat_left')
      .eq('id', id)
      .single();
    return data as { count_left: number; carat_left: number };
  };
  const allocationsOf = async (orderId: string) => {
    const { data, error } = await svc
      .from('stone_allocations')
      .select('*')
      .eq('order_id', orderId)
      .order('allocated_at');
    expect(error).toBeNull();
    return (data ?? []) as Allocation[];
  };
  const stoneState = async (stoneId: string) => {
    const { data } = await svc
      .from('stone_inventory')
      .select('state, order_code')
      .eq('id', stoneId)
      .single();
    return data as { state: string; order_code: string | null };
  };
  const allocate = (c: SupabaseClient, orderId: string, stoneId: string) =>
    c.rpc('allocate_stone', { p_order_id: orderId, p_stone_id: stoneId });
  const order = (stage: Stage = 'production') => createOrder(svc, stage, { ready: false });

  it('seeds a stone for every demo certificate, linked to it, on its order, and matching', async () => {
    const { data: certs } = await svc
      .from('certificates')
      .select('id, order_id, lab, report_number, stone_id, stones(lab, report_number)')
      .like('report_number', '%00000%');
    const seeded = (certs ?? []) as unknown as Array<{
      order_id: string;
      lab: string;
      report_number: string;
      stone_id: string | null;
      stones: { lab: string; report_number: string } | null;
    }>;
    expect(seeded.length).toBeGreaterThanOrEqual(19);
    for (const c of seeded) {
      expect(c.stones).toEqual({ lab: c.lab, report_number: c.report_number });
    }
    const { data: checks } = await svc
      .from('stone_certificate_checks')
      .select('status')
      .in(
        'order_id',
        seeded.map((c) => c.order_id),
      );
    expect(checks?.length).toBeGreaterThanOrEqual(seeded.length);
    expect(new Set(checks?.map((c) => c.status))).toEqual(new Set(['match']));
    const { data: lots } = await svc
      .from('melee_lots')
      .select('lot_code, count_left, count_received');
    expect(lots?.some((l) => l.count_left < l.count_received)).toBe(true);
    const { count } = await svc
      .from('stone_inventory')
      .select('id', { count: 'exact', head: true })
      .eq('state', 'available');
    expect(count).toBeGreaterThanOrEqual(12);
  });

  it('lets exactly one of eight simultaneous allocations of one stone win; the others are told', async () => {
    const stone = await newStone();
    const orders = await Promise.all(Array.from({ length: 8 }, () => order()));
    const results = await Promise.all(
      orders.map((o, i) => allocate(i % 2 ? manager : workshop, o.id, stone.id)),
    );
    const winners = results.filter((r) => r.error === null);
    expect(winners).toHaveLength(1);
    for (const r of results.filter((x) => x.error !== null)) {
      expect(r.error?.code).toBe('LP112');
      expect(r.error?.message).toMatch(
        new RegExp(
          `^Stone GIA ${stone.report_number} (is already allocated to LP-\\d{4}-\\d{4,}|was just allocated to another order)\\.$`,
        ),
      );
    }
    const { data: active } = await svc
      .from('stone_allocations')
      .select('order_id')
      .eq('stone_id', stone.id)
      .is('released_at', null);
    expect(active).toHaveLength(1);
    const winner = (winners[0]?.data as Allocation).order_id;
    expect(active?.[0]?.order_id).toBe(winner);
    const won = orders.find((o) => o.id === winner);
    expect(await stoneState(stone.id)).toEqual({ state: 'allocated', order_code: won?.code });
  });

  it('names the order holding a stone, and frees it for another order once released', async () => {
    const stone = await newStone();
    const [first, second] = [await order(), await order('cad')];
    expect((await allocate(workshop, first.id, stone.id)).error).toBeNull();
    const refused = await allocate(workshop, second.id, stone.id);
    expect(refused.error?.code).toBe('LP112');
    expect(refused.error?.message).toBe(
      `Stone GIA ${stone.report_number} is already allocated to ${first.code}.`,
    );
    expect(await allocationsOf(second.id)).toEqual([]);

    const [held] = await allocationsOf(first.id);
    const released = await workshop.rpc('release_stone_allocation', {
      p_allocation_id: held?.id,
      p_reason: 'Wrong colour for the design',
    });
    expect(released.error).toBeNull();
    expect(await stoneState(stone.id)).toEqual({ state: 'available', order_code: null });
    const again = await workshop.rpc('release_stone_allocation', { p_allocation_id: held?.id });
    expect(again.error?.code).toBe('LP118');
    expect((await allocate(workshop, second.id, stone.id)).error).toBeNull();
  });

  it('releases an order’s stones when the concierge cancels it', async () => {
    const stone = await newStone();
    const lot = await newLot(100, 1.5);
    const o = await order('cad');
    expect((await allocate(workshop, o.id, stone.id)).error).toBeNull();
    const melee = await workshop.rpc('allocate_melee', {
      p_order_id: o.id,
      p_lot_id: lot.id,
      p_count: 20,
    });
    expect(melee.error).toBeNull();
    expect((melee.data as Allocation).carat).toBe(0.3);
    expect(await lotLeft(lot.id)).toEqual({ count_left: 80, carat_left: 1.2 });

    const current = await readOrder(svc, o.id);
    const cancel = await concierge.rpc('move_order', {
      p_order_id: o.id,
      p_to_stage: 'cancelled',
      p_expected_version: current.version,
      p_note: 'Customer withdrew',
      p_override_reason: null,
    });
    expect(cancel.error).toBeNull();
    const after = await allocationsOf(o.id);
    expect(after).toHaveLength(2);
    for (const a of after) {
      expect(a.released_at).not.toBeNull();
      expect(a.release_reason).toBe('Order cancelled');
    }
    expect(await stoneState(stone.id)).toEqual({ state: 'available', order_code: null });
    expect(await lotLeft(lot.id)).toEqual({ count_left: 100, carat_left: 1.5 });
    // And a cancelled order takes no new stones.
    const late = await allocate(workshop, o.id, stone.id);
    expect(late.error?.code).toBe('LP110');
    expect(late.error?.message).toBe(
      `Stones can be allocated only to an order still being made; ${o.code} is cancelled.`,
    );
  });

  it('marks the stones set when hand-setting is recorded done, and only a manager releases a set stone', async () => {
    const stone = await newStone();
    const o = await order();
    expect((await allocate(workshop, o.id, stone.id)).error).toBeNull();
    const { data: step } = await svc
      .from('production_steps')
      .select('id')
      .eq('order_id', o.id)
      .eq('step', 'hand_setting')
      .single();
    const done = await workshop.rpc('record_production_step', {
      p_step_id: (step as { id: string }).id,
      p_done: true,
    });
    expect(done.error).toBeNull();
    const [set] = await allocationsOf(o.id);
    expect(set?.set_at).not.toBeNull();
    expect(await stoneState(stone.id)).toMatchObject({ state: 'set', order_code: o.code });

    const byWorkshop = await workshop.rpc('release_stone_allocation', { p_allocation_id: set?.id });
    expect(byWorkshop.error?.code).toBe('LP115');
    expect(byWorkshop.error?.message).toBe(
      'This stone is already set in the piece; only a manager can release it.',
    );
    expect(await allocationsOf(o.id)).toEqual([set]);

    // Unticking the step (a slip of the finger) puts the stone back to allocated.
    const undone = await workshop.rpc('record_production_step', {
      p_step_id: (step as { id: string }).id,
      p_done: false,
    });
    expect(undone.error).toBeNull();
    expect(await stoneState(stone.id)).toMatchObject({ state: 'allocated' });
  });

  it('never takes a melee lot below zero, even with simultaneous takes', async () => {
    const lot = await newLot(30, 0.6);
    const o = await order();
    const over = await workshop.rpc('allocate_melee', {
      p_order_id: o.id,
      p_lot_id: lot.id,
      p_count: 31,
    });
    expect(over.error?.code).toBe('LP113');
    expect(over.error?.message).toBe(
      `Lot ${lot.lot_code} has 30 stones (0.600 ct) left; 31 stones (0.600 ct) were asked for.`,
    );
    expect(await lotLeft(lot.id)).toEqual({ count_left: 30, carat_left: 0.6 });
    expect(
      (await workshop.rpc('allocate_melee', { p_order_id: o.id, p_lot_id: lot.id, p_count: 0 }))
        .error?.code,
    ).toBe('LP114');

    // Five benches ask for 8 stones each from a lot of 30: three get them, two are told.
    const orders = await Promise.all(Array.from({ length: 5 }, () => order()));
    const takes = await Promise.all(
      orders.map((x) =>
        workshop.rpc('allocate_melee', {
          p_order_id: x.id,
          p_lot_id: lot.id,
          p_count: 8,
          p_carat: 0.16,
        }),
      ),
    );
    expect(takes.filter((r) => r.error === null)).toHaveLength(3);
    expect(takes.filter((r) => r.error?.code === 'LP113')).toHaveLength(2);
    const left = await lotLeft(lot.id);
    expect(left.count_left).toBe(6);
    expect(left.carat_left).toBeCloseTo(0.12, 3);

    // Nobody edits what is left by hand, not even a manager.
    const edit = await manager.from('melee_lots').update({ count_left: 999 }).eq('id', lot.id);
    expect(edit.error).not.toBeNull();
    expect(await lotLeft(lot.id)).toEqual(left);
  });

  it('compares the allocated stone with the certificate: match, mismatch, missing, and QC cannot pass a mismatch', async () => {
    const stone = await newStone();
    const o = await order();
    expect((await allocate(workshop, o.id, stone.id)).error).toBeNull();
    const checks = async () => {
      const { data, error } = await qc
        .from('stone_certificate_checks')
        .select('stone_report_number, certificate_report_number, status')
        .eq('order_id', o.id);
      expect(error).toBeNull();
      return data;
    };
    expect(await checks()).toEqual([
      {
        stone_report_number: stone.report_number,
        certificate_report_number: null,
        status: 'missing',
      },
    ]);

    // QC attaches a report with a different number: a mismatch.
    const wrongNumber = nextGia();
    const { data: cert, error: certError } = await svc
      .from('certificates')
      .insert({
        order_id: o.id,
        lab: 'GIA',
        report_number: wrongNumber,
        carat: 1.02,
        colour: 'F',
        clarity: 'VS1',
        cut_shape: 'Oval',
      })
      .select('id, stone_id')
      .single();
    expect(certError).toBeNull();
    expect((cert as { stone_id: string | null }).stone_id).toBeNull();
    expect(await checks()).toEqual([
      {
        stone_report_number: stone.report_number,
        certificate_report_number: wrongNumber,
        status: 'mismatch',
      },
    ]);

    // In QC, the checklist item cannot pass while they disagree; the item stays pending.
    // Moved as the workshop would (steps done, then move_order), so the order's history agrees
    // with its stage: the analytics specs compare the two across every order in the database.
    await svc
      .from('production_steps')
      .update({ done_at: new Date().toISOString() })
      .eq('order_id', o.id)
      .eq('applicable', true);
    const toQc = await manager.rpc('move_order', {
      p_order_id: o.id,
      p_to_stage: 'qc',
      p_expected_version: (await readOrder(svc, o.id)).version,
      p_note: null,
      p_override_reason: null,
    });
    expect(toQc.error).toBeNull();
    const { data: run } = await svc
      .from('qc_runs')
      .insert({ order_id: o.id })
      .select('id')
      .single();
    const { data: item } = await svc
      .from('qc_run_items')
      .select('id')
      .eq('run_id', (run as { id: string }).id)
      .eq('label', 'Certificate matches stone')
      .single();
    const itemId = (item as { id: string }).id;
    const pass = () => qc.from('qc_run_items').update({ result: 'pass' }).eq('id', itemId);
    const refused = await pass();
    expect(refused.error?.code).toBe('LP116');
    expect(refused.error?.message).toBe(
      `Certificate GIA ${wrongNumber} does not match the allocated stone GIA ${stone.report_number}.`,
    );
    const { data: still } = await svc
      .from('qc_run_items')
      .select('result')
      .eq('id', itemId)
      .single();
    expect(still).toEqual({ result: 'pending' });

    // QC corrects the report number to the stone's: it links to the stone and matches.
    const fixed = await qc
      .from('certificates')
      .update({ report_number: stone.report_number })
      .eq('id', (cert as { id: string }).id)
      .select('stone_id')
      .single();
    expect(fixed.error).toBeNull();
    expect(fixed.data).toEqual({ stone_id: stone.id });
    expect(await checks()).toEqual([
      {
        stone_report_number: stone.report_number,
        certificate_report_number: stone.report_number,
        status: 'match',
      },
    ]);
    expect((await pass()).error).toBeNull();
  });

  it('links a certificate attached before its stone was received', async () => {
    const number = nextGia();
    const o = await order();
    const { data: cert } = await svc
      .from('certificates')
      .insert({
        order_id: o.id,
        lab: 'GIA',
        report_number: number,
        carat: 0.9,
        colour: 'G',
        clarity: 'VS2',
        cut_shape: 'Round',
      })
      .select('id')
      .single();
    const stone = await newStone(number);
    const { data } = await svc
      .from('certificates')
      .select('stone_id')
      .eq('id', (cert as { id: string }).id)
      .single();
    expect(data).toEqual({ stone_id: stone.id });
  });

  it('refuses allocations from QC and concierge, to pieces without stones, and leaves nothing behind', async () => {
    const stone = await newStone();
    const o = await order();
    for (const who of [qc, concierge]) {
      const r = await allocate(who, o.id, stone.id);
      expect(r.error?.code).toBe('LP117');
      expect(r.error?.message).toBe('Only the workshop or a manager allocates stones.');
      const direct = await who
        .from('stone_allocations')
        .insert({ order_id: o.id, stone_id: stone.id });
      expect(direct.error).not.toBeNull();
    }
    const plain = await order();
    await svc.from('orders').update({ has_stones: false }).eq('id', plain.id);
    const r = await allocate(workshop, plain.id, stone.id);
    expect(r.error?.code).toBe('LP111');
    expect(r.error?.message).toBe(`${plain.code} is a piece without stones.`);
    expect(await allocationsOf(o.id)).toEqual([]);
    expect(await allocationsOf(plain.id)).toEqual([]);
    expect(await stoneState(stone.id)).toEqual({ state: 'available', order_code: null });

    // A stone's report number follows the lab's format, as on certificates.
    const bad = await workshop.from('stones').insert({
      lab: 'IGI',
      report_number: '12345',
      carat: 1,
      colour: 'E',
      clarity: 'VS1',
      shape: 'Round',
    });
    expect(bad.error?.code).toBe('LP050');
    // Allocations are never deleted, only released: not even a manager's delete removes one.
    expect((await allocate(workshop, o.id, stone.id)).error).toBeNull();
    const held = await allocationsOf(o.id);
    const del = await manager.from('stone_allocations').delete().eq('order_id', o.id).select('id');
    expect(del.data ?? []).toEqual([]);
    expect(await allocationsOf(o.id)).toEqual(held);
  });
});
