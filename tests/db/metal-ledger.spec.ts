// The metal ledger's rules through supabase-js, signed in as each role: an over-return is
// refused and leaves the ledger as it was; a step's loss is flagged above its norm and not at or
// below it; entries are append-only for everyone (corrections are new entries that replace the
// original in the totals); a step that needs weights cannot be ticked done without them; the
// person is the signed-in one; and the day's-end "metal on the floor" adds up per alloy and person.
import { afterAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createOrder } from './support/factories';

type Step = 'casting' | 'forming' | 'polishing' | 'hand_setting' | 'reinforcement';
type Metal = 'platinum' | 'gold_18k_yellow' | 'gold_14k_rose';
type LedgerStep = {
  status: string;
  issued_grams: number;
  returned_grams: number;
  recovered_grams: number;
  balance_grams: number;
  on_floor_grams: number | null;
  loss_grams: number | null;
  loss_pct: number | null;
  norm_pct: number;
  flagged: boolean;
  held_by: string | null;
};

describe.each(dbTargets())('metal ledger on $engine', (t) => {
  const svc = serviceClient(t);
  const workshop = clientFor(t, 'workshop');
  const manager = clientFor(t, 'manager');
  const qc = clientFor(t, 'qc');
  const concierge = clientFor(t, 'concierge');

  const productionOrder = async (metal: Metal = 'platinum') => {
    const order = await createOrder(svc, 'production', { ready: false });
    if (metal !== 'platinum') {
      const { error } = await svc.from('orders').update({ metal }).eq('id', order.id);
      expect(error).toBeNull();
    }
    return order;
  };
  const issue = (c: SupabaseClient, orderId: string, step: Step, grams: number) =>
    c.rpc('record_metal_issue', { p_order_id: orderId, p_step: step, p_grams: grams });
  const giveBack = (
    c: SupabaseClient,
    orderId: string,
    step: Step,
    returned: number,
    recovered = 0,
  ) =>
    c.rpc('record_metal_return', {
      p_order_id: orderId,
      p_step: step,
      p_returned_grams: returned,
      p_recovered_grams: recovered,
    });
  const ledgerStep = async (orderId: string, step: Step) => {
    const { data, error } = await svc
      .from('metal_ledger_steps')
      .select('*')
      .eq('order_id', orderId)
      .eq('step', step)
      .single();
    expect(error).toBeNull();
    return data as LedgerStep;
  };
  const entriesOf = async (orderId: string) => {
    const { data } = await svc
      .from('metal_entries')
      .select('id, kind, grams, recovered_grams, corrects_id, reason, recorded_by')
      .eq('order_id', orderId)
      .order('entry_no');
    return data ?? [];
  };
  const setStepSettings = async (step: Step, patch: Record<string, unknown>) => {
    const { error } = await svc.from('production_step_settings').update(patch).eq('step', step);
    expect(error).toBeNull();
  };

  afterAll(async () => {
    await svc
      .from('production_step_settings')
      .update({ needs_weights: false, return_tolerance_grams: 0.05 })
      .in('step', ['casting', 'forming', 'polishing', 'hand_setting', 'reinforcement']);
  });

  it('refuses a return above what was issued plus the tolerance, and the ledger stays as it was', async () => {
    const order = await productionOrder();
    expect((await issue(workshop, order.id, 'casting', 10)).error).toBeNull();
    const before = await entriesOf(order.id);

    // 9.9 g back + 0.2 g sprue = 10.1 g: 0.1 g over, beyond the 0.05 g tolerance.
    const over = await giveBack(workshop, order.id, 'casting', 9.9, 0.2);
    expect(over.error?.code).toBe('LP141');
    expect(over.error?.message).toMatch(/would give back 10\.10 g but only 10\.00 g was issued/);
    expect(await entriesOf(order.id)).toEqual(before);
    expect(await ledgerStep(order.id, 'casting')).toMatchObject({
      status: 'open',
      issued_grams: 10,
      returned_grams: 0,
    });

    // Within the tolerance (10.04 g) passes: the scale's hundredths are not a refusal.
    const within = await giveBack(workshop, order.id, 'casting', 9.84, 0.2);
    expect(within.error).toBeNull();
    // And the tolerance is the manager's: at 0 the same 0.04 g over is refused.
    await setStepSettings('forming', { return_tolerance_grams: 0 });
    expect((await issue(workshop, order.id, 'forming', 5)).error).toBeNull();
    const strict = await giveBack(workshop, order.id, 'forming', 5.01);
    expect(strict.error?.code).toBe('LP141');
    await setStepSettings('forming', { return_tolerance_grams: 0.05 });
  });

  it('refuses weights that are not positive or finer than 0.01 g, and metal outside production', async () => {
    const order = await productionOrder();
    expect((await issue(workshop, order.id, 'casting', 0)).error?.code).toBe('LP140');
    expect((await issue(workshop, order.id, 'casting', -2)).error?.code).toBe('LP140');
    const fine = await issue(workshop, order.id, 'casting', 1.005);
    expect(fine.error?.code).toBe('LP140');
    expect(fine.error?.message).toBe('Weigh to the hundredth of a gram (two decimals).');
    expect(await entriesOf(order.id)).toEqual([]);

    const inCad = await createOrder(svc, 'cad', { ready: false });
    const early = await issue(workshop, inCad.id, 'casting', 8);
    expect(early.error?.code).toBe('LP142');
    expect(early.error?.message).toContain('is not in production');
  });

  it('flags a step whose loss is above the norm for its metal, and not one at or below it', async () => {
    // Platinum casting: norm 5 %. 20 g out, 18.5 g back + 0.5 g sprue = 1 g lost = 5.00 %.
    const atNorm = await productionOrder('platinum');
    await issue(workshop, atNorm.id, 'casting', 20);
    await giveBack(workshop, atNorm.id, 'casting', 18.5, 0.5);
    expect(await ledgerStep(atNorm.id, 'casting')).toMatchObject({
      status: 'closed',
      loss_grams: 1,
      loss_pct: 5,
      norm_pct: 5,
      flagged: false,
    });

    // 20 g out, 18.49 g + 0.5 g back = 1.01 g lost = 5.05 % > 5 %: flagged.
    const above = await productionOrder('platinum');
    await issue(workshop, above.id, 'casting', 20);
    await giveBack(workshop, above.id, 'casting', 18.49, 0.5);
    expect(await ledgerStep(above.id, 'casting')).toMatchObject({
      loss_grams: 1.01,
      loss_pct: 5.05,
      flagged: true,
    });

    // The norm is per metal: the same 5.05 % on 18K yellow gold (norm 9 %) is not flagged.
    const gold = await productionOrder('gold_18k_yellow');
    await issue(workshop, gold.id, 'casting', 20);
    await giveBack(workshop, gold.id, 'casting', 18.49, 0.5);
    expect(await ledgerStep(gold.id, 'casting')).toMatchObject({
      loss_pct: 5.05,
      norm_pct: 9,
      flagged: false,
    });

    // And per step: 2 % lost at polishing (norm 1 %) is flagged on the same gold order.
    await issue(workshop, gold.id, 'polishing', 10);
    await giveBack(workshop, gold.id, 'polishing', 9.8);
    expect(await ledgerStep(gold.id, 'polishing')).toMatchObject({ loss_pct: 2, flagged: true });

    // Only a manager moves the norm; then the same loss is judged against the new one.
    const refused = await workshop
      .from('metal_loss_norms')
      .update({ max_loss_pct: 50 })
      .eq('metal', 'platinum')
      .eq('step', 'casting')
      .select('max_loss_pct');
    expect(refused.data ?? []).toEqual([]);
    const raised = await manager
      .from('metal_loss_norms')
      .update({ max_loss_pct: 6 })
      .eq('metal', 'platinum')
      .eq('step', 'casting')
      .select('max_loss_pct');
    expect(raised.error).toBeNull();
    expect(raised.data).toEqual([{ max_loss_pct: 6 }]);
    try {
      expect(await ledgerStep(above.id, 'casting')).toMatchObject({ norm_pct: 6, flagged: false });
    } finally {
      await svc
        .from('metal_loss_norms')
        .update({ max_loss_pct: 5 })
        .eq('metal', 'platinum')
        .eq('step', 'casting');
    }
  });

  it('keeps entries append-only for every role, service_role included; a correction replaces the original in the totals', async () => {
    const order = await productionOrder();
    const issued = await issue(workshop, order.id, 'casting', 12);
    const entryId = (issued.data as { id: string }).id;
    await giveBack(workshop, order.id, 'casting', 11);
    const before = await entriesOf(order.id);

    for (const client of [workshop, manager, qc, concierge, svc]) {
      const update = await client
        .from('metal_entries')
        .update({ grams: 13 })
        .eq('id', entryId)
        .select('id');
      expect(update.error?.code).toBe('42501');
      const del = await client.from('metal_entries').delete().eq('id', entryId).select('id');
      expect(del.error?.code).toBe('42501');
    }
    expect(await entriesOf(order.id)).toEqual(before);

    // A correction needs a reason.
    const bare = await manager.rpc('correct_metal_entry', {
      p_entry_id: entryId,
      p_grams: 11.5,
      p_reason: '  ',
    });
    expect(bare.error?.code).toBe('LP144');
    // Lowering what was issued below what came back is the same over-return.
    const tooLow = await manager.rpc('correct_metal_entry', {
      p_entry_id: entryId,
      p_grams: 10,
      p_reason: 'Misread the scale',
    });
    expect(tooLow.error?.code).toBe('LP141');

    const fixed = await manager.rpc('correct_metal_entry', {
      p_entry_id: entryId,
      p_grams: 11.5,
      p_reason: 'Misread the scale',
    });
    expect(fixed.error).toBeNull();
    expect(fixed.data).toMatchObject({
      corrects_id: entryId,
      kind: 'issue',
      grams: 11.5,
      recorded_by: staffId('manager'),
    });
    // Correcting the correction still names the original; the latest one counts.
    const again = await workshop.rpc('correct_metal_entry', {
      p_entry_id: (fixed.data as { id: string }).id,
      p_grams: 11.4,
      p_reason: 'Re-weighed the flask',
    });
    expect(again.error).toBeNull();
    expect(again.data).toMatchObject({ corrects_id: entryId });

    const after = await entriesOf(order.id);
    expect(after).toHaveLength(4);
    expect(after.slice(0, 2)).toEqual(before);
    expect(await ledgerStep(order.id, 'casting')).toMatchObject({
      issued_grams: 11.4,
      returned_grams: 11,
      loss_grams: 0.4,
    });
  });

  it('stamps the signed-in person and the clock, whatever the client sends', async () => {
    const order = await productionOrder();
    const direct = await workshop
      .from('metal_entries')
      .insert({
        order_id: order.id,
        step: 'casting',
        kind: 'issue',
        grams: 7.25,
        metal: 'gold_18k_white',
        recorded_by: staffId('manager'),
        recorded_at: '2020-01-01T00:00:00Z',
      })
      .select('recorded_by, recorded_at, metal');
    // The API role may not even name the person or time: those columns are not writable.
    expect(direct.error?.code).toBe('42501');

    const plain = await workshop
      .from('metal_entries')
      .insert({ order_id: order.id, step: 'casting', kind: 'issue', grams: 7.25 })
      .select('recorded_by, recorded_at, metal, grams')
      .single();
    expect(plain.error).toBeNull();
    expect(plain.data).toMatchObject({
      recorded_by: staffId('workshop'),
      metal: 'platinum',
      grams: 7.25,
    });
    expect(Date.parse(plain.data!.recorded_at)).toBeGreaterThan(Date.now() - 60_000);
    const viaRpc = await manager.rpc('record_metal_return', {
      p_order_id: order.id,
      p_step: 'casting',
      p_returned_grams: 7,
    });
    expect(viaRpc.data).toMatchObject({ recorded_by: staffId('manager') });
  });

  it('lets the workshop and managers log metal; QC and stylists read it and are told they cannot write', async () => {
    const order = await productionOrder();
    for (const reader of [qc, concierge]) {
      const r = await issue(reader, order.id, 'casting', 5);
      expect(r.error?.code).toBe('PT403');
      expect(r.error?.message).toBe('Only the workshop or a manager can log metal weights.');
    }
    expect((await issue(manager, order.id, 'casting', 5)).error).toBeNull();
    for (const reader of [qc, concierge]) {
      const { data } = await reader
        .from('metal_ledger_steps')
        .select('issued_grams')
        .eq('order_id', order.id)
        .eq('step', 'casting');
      expect(data).toEqual([{ issued_grams: 5 }]);
    }
    const { data: anon } = await clientFor(t, 'anon').from('metal_entries').select('id').limit(1);
    expect(anon ?? []).toEqual([]);
  });

  it('refuses to tick a step that needs weights done until metal went out and came back', async () => {
    await setStepSettings('casting', { needs_weights: true });
    try {
      const order = await productionOrder();
      const { data: step } = await svc
        .from('production_steps')
        .select('id')
        .eq('order_id', order.id)
        .eq('step', 'casting')
        .single();
      const tick = () =>
        workshop.rpc('record_production_step', { p_step_id: step!.id, p_done: true });

      const none = await tick();
      expect(none.error?.code).toBe('LP145');
      expect(none.error?.message).toBe(
        'Log the casting weights first: the metal issued and what came back.',
      );
      await issue(workshop, order.id, 'casting', 9);
      expect((await tick()).error?.code).toBe('LP145');
      await giveBack(workshop, order.id, 'casting', 8.5, 0.3);
      // A second issue after the return re-opens the step (metal is out again).
      await issue(workshop, order.id, 'casting', 1);
      expect((await tick()).error?.code).toBe('LP145');
      // A plain column update from the board is held to the same rule.
      const direct = await workshop
        .from('production_steps')
        .update({ done_at: new Date().toISOString() })
        .eq('id', step!.id)
        .select('id');
      expect(direct.error?.code).toBe('LP145');
      const { data: still } = await svc
        .from('production_steps')
        .select('done_at')
        .eq('id', step!.id)
        .single();
      expect(still?.done_at).toBeNull();

      await giveBack(workshop, order.id, 'casting', 1);
      const done = await tick();
      expect(done.error).toBeNull();
      expect(done.data).toMatchObject({ done_by: staffId('workshop') });

      // A step without the setting is ticked as before.
      const { data: forming } = await svc
        .from('production_steps')
        .select('id')
        .eq('order_id', order.id)
        .eq('step', 'forming')
        .single();
      const free = await workshop.rpc('record_production_step', {
        p_step_id: forming!.id,
        p_done: true,
      });
      expect(free.error).toBeNull();
    } finally {
      await setStepSettings('casting', { needs_weights: false });
    }
  });

  it('adds up the metal on the floor per alloy and per person at day’s end', async () => {
    type FloorRow = { metal: string; held_by: string; grams: number; open_steps: number };
    const floor = async () => {
      const { data, error } = await manager.from('metal_on_floor').select('*');
      expect(error).toBeNull();
      return data as FloorRow[];
    };
    const key = (r: { metal: string; held_by: string }) => `${r.metal}|${r.held_by}`;
    const before = new Map((await floor()).map((r) => [key(r), r]));

    const plat = await productionOrder('platinum');
    const rose = await productionOrder('gold_14k_rose');
    // Workshop holds 10 g platinum (casting) + 3 g platinum (polishing, issued after forming
    // closed) and 6 g rose gold; the manager holds 4 g rose gold. Closed steps hold nothing.
    await issue(workshop, plat.id, 'casting', 10);
    await issue(workshop, plat.id, 'forming', 5);
    await giveBack(workshop, plat.id, 'forming', 4.9);
    await issue(workshop, plat.id, 'polishing', 3);
    await issue(workshop, rose.id, 'casting', 6);
    await issue(manager, rose.id, 'forming', 4);
    // A partial return does not close a step while metal issued after it is still out.
    await issue(manager, rose.id, 'reinforcement', 1);
    await giveBack(manager, rose.id, 'reinforcement', 1);

    const after = await floor();
    const delta = (metal: string, who: string) => {
      const now = after.find((r) => key(r) === `${metal}|${who}`);
      const then = before.get(`${metal}|${who}`);
      return {
        grams: Math.round(((now?.grams ?? 0) - (then?.grams ?? 0)) * 100) / 100,
        open_steps: (now?.open_steps ?? 0) - (then?.open_steps ?? 0),
      };
    };
    expect(delta('platinum', staffId('workshop'))).toEqual({ grams: 13, open_steps: 2 });
    expect(delta('gold_14k_rose', staffId('workshop'))).toEqual({ grams: 6, open_steps: 1 });
    expect(delta('gold_14k_rose', staffId('manager'))).toEqual({ grams: 4, open_steps: 1 });
    expect(delta('platinum', staffId('manager'))).toEqual({ grams: 0, open_steps: 0 });

    // The casting comes back: the workshop's platinum on the floor drops by those 10 g.
    await giveBack(workshop, plat.id, 'casting', 9.2, 0.6);
    const later = (await floor()).find((r) => key(r) === `platinum|${staffId('workshop')}`);
    const was = before.get(`platinum|${staffId('workshop')}`);
    expect(Math.round(((later?.grams ?? 0) - (was?.grams ?? 0)) * 100) / 100).toBe(3);
  });

  it('gives managers the loss report by step, metal and person, and refuses everyone else', async () => {
    const order = await productionOrder('gold_18k_yellow');
    await issue(workshop, order.id, 'polishing', 10);
    await giveBack(workshop, order.id, 'polishing', 9.7);
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const args = { p_from: from, p_to: today };
    expect((await workshop.rpc('metal_loss_report', args)).error?.code).toBe('PT403');
    const r = await manager.rpc('metal_loss_report', args);
    expect(r.error).toBeNull();
    type Row = {
      step: string;
      metal: string;
      person_id: string;
      issued_grams: number;
      loss_grams: number;
      flagged_steps: number;
    };
    const rows = (r.data as { rows: Row[] }).rows;
    const mine = rows.filter(
      (x) =>
        x.step === 'polishing' &&
        x.metal === 'gold_18k_yellow' &&
        x.person_id === staffId('workshop'),
    );
    expect(mine.length).toBeGreaterThan(0);
    const sum = (k: 'issued_grams' | 'loss_grams' | 'flagged_steps') =>
      mine.reduce((a, x) => a + Number(x[k]), 0);
    expect(sum('issued_grams')).toBeGreaterThanOrEqual(10);
    expect(sum('loss_grams')).toBeGreaterThanOrEqual(0.3);
    expect(sum('flagged_steps')).toBeGreaterThanOrEqual(1);
    expect(
      (r.data as { flagged: Array<{ order_id: string }> }).flagged.some(
        (f) => f.order_id === order.id,
      ),
    ).toBe(true);
  });
});
