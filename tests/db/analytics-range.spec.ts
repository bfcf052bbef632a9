// The manager's analytics report for a date range and product (public.analytics_report), through
// supabase-js as the page calls it. Every figure is checked against a small history written
// here, in April 2024 — a month no seed or other spec touches — so the expected numbers are
// worked out by hand below: medians and 90th percentiles per stage in the stage's own unit,
// weekly breach rates, throughput and WIP, the 2 h intake share, CAD rounds and QC first-pass
// yield. Managers only.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientFor, dbTargets, serviceClient, staffId } from './support/clients';
import { createCustomer } from './support/factories';
import { demoLogins } from '../../scripts/demo-logins';

type Stage = 'intake' | 'awaiting_payment' | 'cad' | 'production' | 'qc' | 'shipping' | 'delivered';
type Product = 'bespoke_ring' | 'earscape';

type Turnaround = {
  stage: string;
  unit: string;
  target_low: number;
  target_high: number;
  stays: number;
  median: number | null;
  p90: number | null;
  breached: number;
};
type Report = {
  turnaround: Turnaround[];
  end_to_end: { orders: number; median_days: number | null; p90_days: number | null };
  weekly_breaches: Array<{
    week: string;
    stage: string;
    exits: number;
    breached: number;
    rate: number | null;
  }>;
  weekly_flow: Array<{ week: string; delivered: number; wip: number }>;
  cumulative_flow: Array<{ day: string; stage: string; orders: number }>;
  intake: {
    requests: number;
    due: number;
    within_2h: number;
    within_2h_share: number | null;
    median_minutes: number | null;
    by_stylist: Array<{
      stylist: string;
      requests: number;
      due: number;
      within_2h: number;
      within_2h_share: number | null;
      median_minutes: number | null;
    }>;
  };
  cad: {
    approved_orders: number;
    rounds: Array<{ rounds: number; orders: number }>;
    major_changes: number;
    orders_with_major_change: number;
  };
  qc: {
    runs: number;
    first_runs: number;
    first_pass: number;
    first_pass_yield: number | null;
    rework: number;
    top_failures: Array<{ label: string; failures: number }>;
  };
  ageing: Array<{ code: string; stage: string; status: string; elapsed: number; unit: string }>;
  ageing_counts: Array<{ stage: string; late: number; at_risk: number }>;
};

// Times are written "DDTHH:MM" in April 2024 in New York (the house's time zone): EDT, UTC−4,
// no DST change, no holidays.
const at = (local: string) => new Date(`2024-04-${local}:00-04:00`).toISOString();

function ok<T>(result: { data: T | null; error: unknown }): T {
  expect(result.error).toBeNull();
  return result.data as T;
}

/**
 * An order whose history is `path` (stage, local time), created in intake at the first time.
 * Paid when it enters CAD; the row ends in the last stage of the path.
 */
async function orderWithHistory(
  svc: SupabaseClient,
  product: Product,
  path: Array<[Stage, string]>,
): Promise<{ id: string; code: string }> {
  const customerId = await createCustomer(svc);
  const [first, ...rest] = path;
  const order = ok(
    await svc
      .from('orders')
      .insert({
        customer_id: customerId,
        product,
        product_name: 'Range fixture',
        metal: 'platinum',
        quote_amount: 3000,
        stage: first![0],
        created_at: at(first![1]),
      })
      .select('id, code')
      .single(),
  ) as { id: string; code: string };
  let from = first![0];
  for (const [to, when] of rest) {
    if (to === 'cad' && from === 'awaiting_payment') {
      // The payment trigger logs payment_recorded at the payment time.
      ok(
        await svc
          .from('orders')
          .update({ paid_at: at(when), payment_method: 'card' })
          .eq('id', order.id)
          .select('id'),
      );
    }
    ok(
      await svc
        .from('order_events')
        .insert({
          order_id: order.id,
          kind: 'stage_changed',
          at: at(when),
          from_stage: from,
          to_stage: to,
        })
        .select('id'),
    );
    from = to;
  }
  const last = path.at(-1)!;
  ok(
    await svc
      .from('orders')
      .update({ stage: last[0], stage_entered_at: at(last[1]) })
      .eq('id', order.id)
      .select('id'),
  );
  return order;
}

async function cadActs(svc: SupabaseClient, orderId: string, tweaks: string[], approvedAt: string) {
  for (const when of tweaks) {
    ok(
      await svc
        .from('cad_revisions')
        .insert({ order_id: orderId, kind: 'tweak', note: 'Thinner band', created_at: at(when) })
        .select('id'),
    );
  }
  ok(
    await svc
      .from('order_events')
      .insert({
        order_id: orderId,
        kind: 'cad_approved',
        at: at(approvedAt),
        from_stage: 'cad',
        to_stage: 'cad',
      })
      .select('id'),
  );
}

async function qcRun(
  svc: SupabaseClient,
  orderId: string,
  attempt: number,
  run: { startedAt: string; finishedAt?: string; failing?: string[] },
) {
  const failed = (run.failing ?? []).length > 0;
  const { id } = ok(
    await svc
      .from('qc_runs')
      .insert({
        order_id: orderId,
        attempt,
        started_by: staffId('qc'),
        started_at: at(run.startedAt),
        status: run.finishedAt ? (failed ? 'failed' : 'passed') : 'in_progress',
        finished_at: run.finishedAt ? at(run.finishedAt) : null,
        fail_reason: failed ? 'Did not pass the checklist' : null,
      })
      .select('id')
      .single(),
  ) as { id: string };
  for (const label of run.failing ?? []) {
    ok(
      await svc
        .from('qc_run_items')
        .update({ result: 'fail', checked_by: staffId('qc'), checked_at: at(run.finishedAt!) })
        .eq('run_id', id)
        .eq('label', label)
        .select('id'),
    );
  }
}

async function intakeRequest(
  svc: SupabaseClient,
  request: { receivedAt: string; confirmedAt?: string; stylist?: string; status?: string },
) {
  ok(
    await svc
      .from('intake_requests')
      .insert({
        customer_id: await createCustomer(svc),
        received_at: request.receivedAt,
        created_at: request.receivedAt,
        source: 'concierge_form',
        base: 'bespoke_ring',
        metal: 'platinum',
        assigned_stylist_id: request.stylist ?? null,
        status: request.status ?? (request.confirmedAt ? 'confirmed' : 'new'),
        confirmed_at: request.confirmedAt ?? null,
      })
      .select('id'),
  );
}

const jonah = demoLogins.find((l) => l.email === 'concierge2@loupe.test')!;
const amara = demoLogins.find((l) => l.email === 'concierge@loupe.test')!;

describe.each(dbTargets())('analytics for a date range on $engine', (t) => {
  const manager = clientFor(t, 'manager');
  const svc = serviceClient(t);
  let bespoke: Report;
  let earscape: Report;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    const start: Array<[Stage, string]> = [
      ['intake', '01T09:00'],
      ['awaiting_payment', '01T12:00'],
    ];
    // A: CAD 24 h, production 10 business days, QC 1 day, shipping 3 days; delivered 19 days
    // after payment.
    const a = await orderWithHistory(svc, 'bespoke_ring', [
      ...start,
      ['cad', '02T10:00'],
      ['production', '03T10:00'],
      ['qc', '17T10:00'],
      ['shipping', '18T10:00'],
      ['delivered', '21T10:00'],
    ]);
    // B: CAD 36 h, production 12 business days, QC 2 days, shipping 4 days; 23 days end to end.
    const b = await orderWithHistory(svc, 'bespoke_ring', [
      ...start,
      ['cad', '02T10:00'],
      ['production', '03T22:00'],
      ['qc', '19T10:00'],
      ['shipping', '21T10:00'],
      ['delivered', '25T10:00'],
    ]);
    // C: CAD 60 h (late), production 16 business days (late), still in QC.
    const c = await orderWithHistory(svc, 'bespoke_ring', [
      ...start,
      ['cad', '02T10:00'],
      ['production', '04T22:00'],
      ['qc', '26T10:00'],
    ]);
    // D: CAD 24 h, production 4 business days, fails its first QC (1 day), 2 more business
    // days of rework, QC again for 4 days (late), then shipping.
    const d = await orderWithHistory(svc, 'bespoke_ring', [
      ...start,
      ['cad', '08T10:00'],
      ['production', '09T10:00'],
      ['qc', '15T10:00'],
      ['production', '16T10:00'],
      ['qc', '18T10:00'],
      ['shipping', '22T10:00'],
    ]);
    Object.assign(codes, { a: a.code, b: b.code, c: c.code, d: d.code });

    // CAD rounds: A none, B one, C two, D none; all approved in April.
    await cadActs(svc, a.id, [], '03T08:00');
    await cadActs(svc, b.id, ['02T20:00'], '03T20:00');
    await cadActs(svc, c.id, ['02T20:00', '03T20:00'], '04T20:00');
    await cadActs(svc, d.id, [], '09T08:00');

    // QC: A and B pass first time, D fails (two items) then passes; C's run is still open.
    await qcRun(svc, a.id, 1, { startedAt: '17T11:00', finishedAt: '18T10:00' });
    await qcRun(svc, b.id, 1, { startedAt: '19T11:00', finishedAt: '21T10:00' });
    await qcRun(svc, d.id, 1, {
      startedAt: '15T11:00',
      finishedAt: '16T10:00',
      failing: ['Stones secure', 'Final polish'],
    });
    await qcRun(svc, d.id, 2, { startedAt: '18T11:00', finishedAt: '22T10:00' });
    await qcRun(svc, c.id, 1, { startedAt: '26T11:00' });

    // Earscapes: E's CAD took 72 h; F's 36 h ended in a major change (back to awaiting payment).
    await orderWithHistory(svc, 'earscape', [
      ...start,
      ['cad', '02T10:00'],
      ['production', '05T10:00'],
    ]);
    const f = await orderWithHistory(svc, 'earscape', [...start, ['cad', '02T10:00']]);
    ok(
      await svc
        .from('order_events')
        .insert({
          order_id: f.id,
          kind: 'major_change',
          at: at('03T22:00'),
          from_stage: 'cad',
          to_stage: 'awaiting_payment',
          note: 'Wants a different stone',
        })
        .select('id'),
    );
    // …and the row stands where that history leaves it, as record_major_change would leave it
    // (other specs check that the event log and the orders agree).
    ok(
      await svc
        .from('orders')
        .update({
          stage: 'awaiting_payment',
          stage_entered_at: at('03T22:00'),
          cad_state: null,
          paid_at: null,
          payment_method: null,
        })
        .eq('id', f.id)
        .select('id'),
    );

    // Intake: Amara confirms in 30 min and in 150 min, Jonah in 60 min; one unassigned request
    // was never confirmed (counts against the promise), one was declined unconfirmed (does not).
    await intakeRequest(svc, {
      receivedAt: at('01T09:00'),
      confirmedAt: at('01T09:30'),
      stylist: amara.id,
    });
    await intakeRequest(svc, {
      receivedAt: at('02T09:00'),
      confirmedAt: at('02T11:30'),
      stylist: amara.id,
    });
    await intakeRequest(svc, {
      receivedAt: at('03T09:00'),
      confirmedAt: at('03T10:00'),
      stylist: jonah.id,
    });
    await intakeRequest(svc, { receivedAt: at('04T09:00') });
    await intakeRequest(svc, { receivedAt: at('05T09:00'), status: 'declined' });

    const range = { p_from: '2024-04-01', p_to: '2024-04-28' };
    bespoke = ok(
      await manager.rpc('analytics_report', { ...range, p_product: 'bespoke_ring' }),
    ) as Report;
    earscape = ok(
      await manager.rpc('analytics_report', { ...range, p_product: 'earscape' }),
    ) as Report;
  });

  const stage = (r: Report, s: string) => r.turnaround.find((x) => x.stage === s);

  it('gives median and 90th percentile per stage in its own unit, against the target band', () => {
    expect(bespoke.turnaround.map((x) => x.stage)).toEqual(['cad', 'production', 'qc', 'shipping']);
    // CAD hours 24, 24, 36, 60: median 30, p90 36 + 0.7 × 24.
    expect(stage(bespoke, 'cad')).toMatchObject({
      unit: 'hours',
      target_low: 24,
      target_high: 48,
      stays: 4,
      median: 30,
      p90: 52.8,
      breached: 1,
    });
    // Production business days 2, 4, 10, 12, 16 (weekends skipped): median 10, p90 12 + 0.6 × 4.
    expect(stage(bespoke, 'production')).toMatchObject({
      unit: 'business_days',
      target_low: 10,
      target_high: 14,
      stays: 5,
      median: 10,
      p90: 14.4,
      breached: 1,
    });
    // QC days 1, 1, 2, 4 (C's stay has not ended): median 1.5, p90 2 + 0.7 × 2.
    expect(stage(bespoke, 'qc')).toMatchObject({
      unit: 'days',
      stays: 4,
      median: 1.5,
      p90: 3.4,
      breached: 1,
    });
    expect(stage(bespoke, 'shipping')).toMatchObject({
      target_low: 3,
      target_high: 5,
      stays: 2,
      median: 3.5,
      p90: 3.9,
      breached: 0,
    });
    // Paid → delivered: 19 and 23 days.
    expect(bespoke.end_to_end).toEqual({ orders: 2, median_days: 21, p90_days: 22.6 });
  });

  it('filters by product', () => {
    // E 72 h and F 36 h (its stay ended with the major change).
    expect(stage(earscape, 'cad')).toMatchObject({ stays: 2, median: 54, p90: 68.4, breached: 1 });
    expect(stage(earscape, 'qc')).toMatchObject({ stays: 0, median: null, p90: null });
    expect(earscape.end_to_end.orders).toBe(0);
    expect(earscape.cad).toMatchObject({ major_changes: 1, orders_with_major_change: 1 });
    expect(bespoke.cad).toMatchObject({ major_changes: 0, orders_with_major_change: 0 });
  });

  it('gives the weekly SLA breach rate per stage', () => {
    const week = (w: string, s: string) =>
      bespoke.weekly_breaches.find((x) => x.week === w && x.stage === s);
    expect(new Set(bespoke.weekly_breaches.map((x) => x.week))).toEqual(
      new Set(['2024-04-01', '2024-04-08', '2024-04-15', '2024-04-22']),
    );
    expect(week('2024-04-01', 'cad')).toEqual({
      week: '2024-04-01',
      stage: 'cad',
      exits: 3,
      breached: 1,
      rate: 0.333,
    });
    expect(week('2024-04-08', 'cad')).toMatchObject({ exits: 1, breached: 0, rate: 0 });
    expect(week('2024-04-15', 'production')).toMatchObject({ exits: 4, breached: 0, rate: 0 });
    expect(week('2024-04-22', 'production')).toMatchObject({ exits: 1, breached: 1, rate: 1 });
    expect(week('2024-04-22', 'qc')).toMatchObject({ exits: 1, breached: 1, rate: 1 });
    expect(week('2024-04-01', 'shipping')).toMatchObject({ exits: 0, breached: 0, rate: null });
  });

  it('gives weekly throughput, work in progress and the cumulative flow', () => {
    expect(bespoke.weekly_flow).toEqual([
      { week: '2024-04-01', delivered: 0, wip: 3 },
      { week: '2024-04-08', delivered: 0, wip: 4 },
      { week: '2024-04-15', delivered: 1, wip: 3 },
      { week: '2024-04-22', delivered: 1, wip: 2 },
    ]);
    const on = (day: string) =>
      Object.fromEntries(
        bespoke.cumulative_flow.filter((x) => x.day === day).map((x) => [x.stage, x.orders]),
      );
    expect(bespoke.cumulative_flow).toHaveLength(28 * 8);
    expect(on('2024-04-01')).toMatchObject({
      intake: 0,
      awaiting_payment: 4,
      cad: 0,
      delivered: 0,
    });
    expect(on('2024-04-10')).toMatchObject({ awaiting_payment: 0, cad: 0, production: 4 });
    expect(on('2024-04-28')).toMatchObject({ production: 0, qc: 1, shipping: 1, delivered: 2 });
  });

  it('measures intake confirmation against the 2 h promise, by stylist', () => {
    expect(bespoke.intake).toMatchObject({
      requests: 5,
      due: 4,
      within_2h: 2,
      within_2h_share: 0.5,
      median_minutes: 60,
    });
    expect(bespoke.intake.by_stylist).toEqual([
      {
        stylist_id: amara.id,
        stylist: amara.displayName,
        requests: 2,
        due: 2,
        within_2h: 1,
        within_2h_share: 0.5,
        median_minutes: 90,
      },
      {
        stylist_id: jonah.id,
        stylist: jonah.displayName,
        requests: 1,
        due: 1,
        within_2h: 1,
        within_2h_share: 1,
        median_minutes: 60,
      },
      {
        stylist_id: null,
        stylist: 'Unassigned',
        requests: 2,
        due: 1,
        within_2h: 0,
        within_2h_share: 0,
        median_minutes: null,
      },
    ]);
  });

  it('counts CAD tweak rounds and QC first-pass yield, failing items and rework', () => {
    expect(bespoke.cad.approved_orders).toBe(4);
    expect(bespoke.cad.rounds).toEqual([
      { rounds: 0, orders: 2 },
      { rounds: 1, orders: 1 },
      { rounds: 2, orders: 1 },
    ]);
    expect(bespoke.qc).toEqual({
      runs: 4,
      first_runs: 3,
      first_pass: 2,
      first_pass_yield: 0.667,
      rework: 1,
      top_failures: [
        { label: 'Final polish', failures: 1 },
        { label: 'Stones secure', failures: 1 },
      ],
    });
  });

  it('lists open orders that are late or at risk, by stage', async () => {
    const now = Date.now();
    const customerId = await createCustomer(svc);
    const open = async (s: Stage, enteredAgoHours: number) =>
      ok(
        await svc
          .from('orders')
          .insert({
            customer_id: customerId,
            product: 'bespoke_ring',
            product_name: 'Ageing fixture',
            metal: 'platinum',
            stage: s,
            stage_entered_at: new Date(now - enteredAgoHours * 3_600_000).toISOString(),
          })
          .select('code')
          .single(),
      ) as { code: string };
    const late = await open('production', 24 * 40);
    const atRisk = await open('qc', 48);
    const fine = await open('cad', 2);
    const today = new Date().toISOString().slice(0, 10);
    const report = ok(
      await manager.rpc('analytics_report', {
        p_from: today,
        p_to: today,
        p_product: 'bespoke_ring',
      }),
    ) as Report;
    const byCode = new Map(report.ageing.map((x) => [x.code, x]));
    expect(byCode.get(late.code)).toMatchObject({
      stage: 'production',
      status: 'late',
      unit: 'business_days',
    });
    expect(byCode.get(late.code)!.elapsed).toBeGreaterThanOrEqual(20);
    expect(byCode.get(atRisk.code)).toMatchObject({
      stage: 'qc',
      status: 'at_risk',
      unit: 'days',
      elapsed: 2,
    });
    expect(byCode.has(fine.code)).toBe(false);
    // The counts cover every listed order (the list is capped at 200, the counts are not).
    const counted = report.ageing_counts.reduce((n, c) => n + c.late + c.at_risk, 0);
    expect(counted).toBeGreaterThanOrEqual(report.ageing.length);
    expect(report.ageing.length).toBeLessThanOrEqual(200);
    for (const stage of ['production', 'qc']) {
      const listed = report.ageing.filter((x) => x.stage === stage);
      const c = report.ageing_counts.find((x) => x.stage === stage)!;
      if (report.ageing.length < 200) {
        expect(c.late).toBe(listed.filter((x) => x.status === 'late').length);
        expect(c.at_risk).toBe(listed.filter((x) => x.status === 'at_risk').length);
      }
    }
    // April's C (in QC since then) is late too; the earscape report does not list bespoke rings.
    expect(byCode.get(codes.c!)).toMatchObject({ stage: 'qc', status: 'late' });
    const other = ok(
      await manager.rpc('analytics_report', { p_from: today, p_to: today, p_product: 'earscape' }),
    ) as Report;
    expect(other.ageing.some((x) => x.code === late.code)).toBe(false);
  });

  it('is for managers only, and refuses a reversed range', async () => {
    const args = { p_from: '2024-04-01', p_to: '2024-04-28' };
    for (const caller of ['concierge', 'workshop', 'qc'] as const) {
      const r = await clientFor(t, caller).rpc('analytics_report', args);
      expect(r.data).toBeNull();
      expect(r.error).toMatchObject({ code: 'PT403', message: 'Only managers can see analytics.' });
    }
    const anon = await clientFor(t, 'anon').rpc('analytics_report', args);
    expect(anon.error?.code).toBe('42501');
    const reversed = await manager.rpc('analytics_report', {
      p_from: '2024-04-28',
      p_to: '2024-04-01',
    });
    expect(reversed.error).toMatchObject({ code: 'LP064' });
  });
});
