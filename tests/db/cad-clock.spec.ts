// The CAD clock is the house's: "CAD 24–48 h after full payment" measures the workshop's
// time, so while the design is with the customer the stage clock stops, and it runs on from
// where it stopped when they answer — through a hold too. Time in stage is
// coalesce(stage_clock_paused_at, now()) − stage_entered_at.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { clientFor, dbTargets, serviceClient } from './support/clients';
import { createOrder } from './support/factories';

const HOUR = 3_600_000;

type Clock = {
  id: string;
  version: number;
  stage: string;
  cad_state: string | null;
  stage_entered_at: string;
  stage_clock_paused_at: string | null;
};

describe.each(dbTargets())('CAD clock on $engine', (t) => {
  const svc = serviceClient(t);
  const workshop = clientFor(t, 'workshop');
  const concierge = clientFor(t, 'concierge');
  const manager = clientFor(t, 'manager');

  const read = async (id: string): Promise<Clock> => {
    const { data, error } = await svc
      .from('orders')
      .select('id, version, stage, cad_state, stage_entered_at, stage_clock_paused_at')
      .eq('id', id)
      .single();
    expect(error).toBeNull();
    return data as Clock;
  };
  /** Hours on the house's clock, as a reader of time in stage computes them. */
  const houseHours = (o: Clock) =>
    ((o.stage_clock_paused_at ? Date.parse(o.stage_clock_paused_at) : Date.now()) -
      Date.parse(o.stage_entered_at)) /
    HOUR;
  const act = async (client: SupabaseClient, fn: string, o: Clock, note?: string) => {
    const { error } = await client.rpc(fn, {
      p_order_id: o.id,
      p_expected_version: o.version,
      ...(note ? { p_note: note } : {}),
    });
    expect(error).toBeNull();
    return read(o.id);
  };
  /** Winds the clock back as if the order entered CAD `workedHours` before it was sent and
   * the design then sat with the customer for `waitHours` (a data repair, as service_role). */
  const backdate = async (o: Clock, workedHours: number, waitHours: number) => {
    const sentAt = Date.now() - waitHours * HOUR;
    const { error } = await svc
      .from('orders')
      .update({
        stage_entered_at: new Date(sentAt - workedHours * HOUR).toISOString(),
        stage_clock_paused_at: new Date(sentAt).toISOString(),
      })
      .eq('id', o.id);
    expect(error).toBeNull();
    return read(o.id);
  };

  it('stops while the customer has the design and runs on when they ask for a tweak', async () => {
    let o = await read((await createOrder(svc, 'cad', { ready: false })).id);
    expect(o.stage_clock_paused_at).toBeNull();
    o = await act(workshop, 'send_cad_to_customer', o);
    expect(o.cad_state).toBe('with_customer');
    expect(o.stage_clock_paused_at).not.toBeNull();

    // 10 h of work, then 30 h waiting for the customer: the house's clock reads 10 h.
    o = await backdate(o, 10, 30);
    expect(houseHours(o)).toBeCloseTo(10, 1);
    o = await act(concierge, 'request_cad_tweak', o, 'Thinner band, please.');
    expect(o.stage_clock_paused_at).toBeNull();
    // The 30 h with the customer are off the clock: 10 h, not 40 h, and it runs again.
    expect(houseHours(o)).toBeCloseTo(10, 1);
    expect(houseHours(o)).toBeLessThan(24);
  });

  it('counts no customer time on approval either, and a major change starts afresh', async () => {
    let o = await read((await createOrder(svc, 'cad', { ready: false })).id);
    o = await act(workshop, 'send_cad_to_customer', o);
    o = await backdate(o, 20, 100);
    o = await act(concierge, 'approve_cad', o);
    expect(o.cad_state).toBe('approved');
    expect(o.stage_clock_paused_at).toBeNull();
    expect(houseHours(o)).toBeCloseTo(20, 1);

    let m = await read((await createOrder(svc, 'cad', { ready: false })).id);
    m = await act(workshop, 'send_cad_to_customer', m);
    m = await act(concierge, 'record_major_change', m, 'Wants a three-stone design now.');
    expect(m).toMatchObject({ stage: 'awaiting_payment', stage_clock_paused_at: null });
  });

  it('keeps the stopped clock through a hold and stops it again on return', async () => {
    let o = await read((await createOrder(svc, 'cad', { ready: false })).id);
    o = await act(workshop, 'send_cad_to_customer', o);
    o = await backdate(o, 6, 50);
    const { error: holdError } = await manager.rpc('move_order', {
      p_order_id: o.id,
      p_to_stage: 'on_hold',
      p_expected_version: o.version,
      p_note: 'Customer travelling',
    });
    expect(holdError).toBeNull();
    o = await read(o.id);
    expect(o).toMatchObject({ stage: 'on_hold', stage_clock_paused_at: null });
    const { error: backError } = await manager.rpc('move_order', {
      p_order_id: o.id,
      p_to_stage: 'cad',
      p_expected_version: o.version,
    });
    expect(backError).toBeNull();
    o = await read(o.id);
    // Still with the customer: stopped again, at the 6 h the house had spent.
    expect(o).toMatchObject({ stage: 'cad', cad_state: 'with_customer' });
    expect(o.stage_clock_paused_at).not.toBeNull();
    expect(houseHours(o)).toBeCloseTo(6, 1);
  });

  it('is what the board, the orders table and the ageing list read while it is stopped', async () => {
    let o = await read((await createOrder(svc, 'cad', { ready: false })).id);
    o = await act(workshop, 'send_cad_to_customer', o);
    // 10 h of house time, then 40 h with the customer: 50 h of wall clock would be red (> 48 h).
    o = await backdate(o, 10, 40);
    const board = await workshop
      .from('order_board')
      .select('time_in_stage, sla_status')
      .eq('id', o.id)
      .single();
    expect(board.error).toBeNull();
    expect(Number(board.data!.time_in_stage)).toBeCloseTo(10, 1);
    expect(board.data!.sla_status).toBe('green');
    const list = await manager
      .from('order_list')
      .select('time_in_stage, sla_status')
      .eq('id', o.id)
      .single();
    expect(list.error).toBeNull();
    expect(Number(list.data!.time_in_stage)).toBeCloseTo(10, 1);
    expect(list.data!.sla_status).toBe('green');
    const { data: report, error } = await manager.rpc('analytics_report', {
      p_from: new Date(Date.now() - 7 * 24 * HOUR).toISOString().slice(0, 10),
      p_to: new Date().toISOString().slice(0, 10),
    });
    expect(error).toBeNull();
    const ageing = JSON.stringify(report);
    // The ageing list names late and at-risk orders only: 10 h of CAD is neither.
    const { data: codeRow } = await svc.from('orders').select('code').eq('id', o.id).single();
    expect(ageing).not.toContain(`"${codeRow!.code}"`);
  });

  it('lets no client set the clock itself', async () => {
    const o = await read((await createOrder(svc, 'cad', { ready: false })).id);
    const { error } = await manager
      .from('orders')
      .update({ stage_clock_paused_at: new Date().toISOString() })
      .eq('id', o.id);
    expect(error?.code).toBe('42501');
    expect(await read(o.id)).toEqual(o);
  });
});
