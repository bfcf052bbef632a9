// The board's live SLA badges repeat public.order_board's arithmetic in the browser between
// reads (src/lib/business-days.ts). Here both meet: orders whose stage clocks are set to many
// spans — across weekends, the house's holidays, the autumn clock change, late evenings that are
// already tomorrow in UTC, rounding boundaries, stopped clocks — are read from order_board and
// recomputed by the client functions from the same row, the house's holidays and time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  elapsedInStage,
  isPastPromise,
  slaStatus,
  type IsoDate,
} from '../../src/lib/business-days';
import type { SlaUnit } from '../../src/lib/sla-display';
import { dbTargets, serviceClient } from './support/clients';
import { createOrder, type Stage } from './support/factories';

type BoardRow = {
  id: string;
  stage: Stage;
  stage_entered_at: string;
  stage_clock_paused_at: string | null;
  time_in_stage: number | null;
  sla_unit: SlaUnit | null;
  sla_amber_after: number | null;
  sla_red_after: number | null;
  sla_status: string | null;
  promised_date: string | null;
  is_late: boolean;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

// Far in the past, so no other spec's orders span them: a Wednesday closure and a Saturday one
// (a weekend holiday must not be taken off twice). Removed again after the file.
const addedHolidays = [
  { day: '1990-07-04', name: 'Parity check (Wednesday)' },
  { day: '1990-07-07', name: 'Parity check (Saturday)' },
];

/** A fixed sequence of pseudo-random numbers in [0, 1), so a failure can be replayed. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(dbTargets())('SLA maths parity with order_board on $engine', (t) => {
  const svc = serviceClient(t);
  let holidays: IsoDate[] = [];
  let tz = '';
  /** One order per timed stage, re-timed for each case. */
  const orders = new Map<Stage, string>();

  beforeAll(async () => {
    const { error } = await svc.from('holidays').upsert(addedHolidays);
    expect(error).toBeNull();
    for (const stage of ['intake', 'cad', 'production', 'qc', 'shipping'] as const) {
      orders.set(stage, (await createOrder(svc, stage, { ready: false })).id);
    }
    const settings = await svc.from('workshop_settings').select('timezone').single();
    expect(settings.error).toBeNull();
    tz = settings.data!.timezone as string;
    const days = await svc.from('holidays').select('day');
    expect(days.error).toBeNull();
    holidays = (days.data as { day: string }[]).map((h) => h.day);
  });

  afterAll(async () => {
    await svc
      .from('holidays')
      .delete()
      .in(
        'day',
        addedHolidays.map((h) => h.day),
      );
  });

  /** Sets the stage clock of the stage's order, reads the card, and the instants around it. */
  async function readCard(
    stage: Stage,
    enteredAt: string,
    pausedAt: string | null,
    promisedDate: string | null = null,
  ) {
    const id = orders.get(stage)!;
    const update = await svc
      .from('orders')
      .update({
        stage_entered_at: enteredAt,
        stage_clock_paused_at: pausedAt,
        promised_date: promisedDate,
      })
      .eq('id', id);
    expect(update.error).toBeNull();
    const before = Date.now();
    const { data, error } = await svc
      .from('order_board')
      .select(
        'id, stage, stage_entered_at, stage_clock_paused_at, time_in_stage, sla_unit, sla_amber_after, sla_red_after, sla_status, promised_date, is_late',
      )
      .eq('id', id)
      .single();
    const after = Date.now();
    expect(error).toBeNull();
    return { row: data as BoardRow, before, after };
  }

  const clientElapsed = (row: BoardRow, now: number) =>
    elapsedInStage(
      row.sla_unit!,
      row.stage_entered_at,
      row.stage_clock_paused_at,
      now,
      holidays,
      tz,
    );

  /** A stopped clock reads the same whenever it is read: the client must agree exactly. */
  async function expectExactParity(stage: Stage, enteredAt: string, pausedAt: string) {
    const { row } = await readCard(stage, enteredAt, pausedAt);
    const context = `${stage} ${enteredAt} → ${pausedAt}`;
    expect(row.stage_clock_paused_at, context).not.toBeNull();
    const elapsed = clientElapsed(row, Date.now());
    expect(elapsed, context).toBe(Number(row.time_in_stage));
    expect(slaStatus(elapsed, row.sla_amber_after, row.sla_red_after), context).toBe(
      row.sla_status,
    );
    return row;
  }

  it('agrees on business days across weekends, the house holidays, DST and late evenings', async () => {
    const next = sequence(20261123);
    const start = Date.parse('2025-12-01T00:00:00Z');
    const end = Date.parse('2026-11-20T00:00:00Z');
    for (let i = 0; i < 30; i += 1) {
      // Any minute of the year (evenings in New York are already tomorrow in UTC), for up to
      // six weeks: most spans hold a weekend, many a holiday, some the clock changes.
      const entered = start + Math.floor((next() * (end - start)) / 60_000) * 60_000;
      const paused = entered + Math.floor((next() * 42 * DAY) / 60_000) * 60_000;
      await expectExactParity('production', iso(entered), iso(paused));
    }
  });

  it('agrees on the named cases: Labor Day, the autumn clock change, a weekend holiday', async () => {
    // Friday 4 Sep 21:30 EDT (Saturday in UTC) → Wednesday 9 Sep 23:30 EDT: Labor Day off.
    let row = await expectExactParity('production', '2026-09-05T01:30:00Z', '2026-09-10T03:30:00Z');
    expect(Number(row.time_in_stage)).toBe(2);
    // Friday 30 Oct noon EDT → Monday 2 Nov 23:30 EST.
    await expectExactParity('production', '2026-10-30T16:00:00Z', '2026-11-03T04:30:00Z');
    // Monday 2 Jul 1990 → Tuesday 10 Jul 1990: seven weekdays less Wednesday the 4th; the
    // Saturday closure changes nothing.
    row = await expectExactParity('production', '1990-07-02T15:00:00Z', '1990-07-10T15:00:00Z');
    expect(Number(row.time_in_stage)).toBe(5);
  });

  it('agrees on hours and days to the hundredth, microseconds and rounding halves included', async () => {
    const base = Date.parse('2026-11-10T09:00:00Z');
    const at = (ms: number, micros = '000') => iso(ms).replace('Z', `${micros}Z`);
    // CAD: 24 h is green; 18 s more is 24.005 → 24.01 h, amber; a microsecond less stays green.
    let row = await expectExactParity('cad', at(base), at(base + 24 * HOUR));
    expect(row.sla_status).toBe('green');
    row = await expectExactParity('cad', at(base), at(base + 24 * HOUR + 18_000));
    expect([Number(row.time_in_stage), row.sla_status]).toEqual([24.01, 'amber']);
    row = await expectExactParity('cad', at(base, '001'), at(base + 24 * HOUR + 18_000));
    expect([Number(row.time_in_stage), row.sla_status]).toEqual([24, 'green']);
    // 48 h is still amber; beyond it red. QC and shipping count days, intake hours.
    row = await expectExactParity('cad', at(base), at(base + 48 * HOUR + 36_000));
    expect(row.sla_status).toBe('red');
    const next = sequence(7);
    for (const stage of ['intake', 'cad', 'qc', 'shipping'] as const) {
      for (let i = 0; i < 6; i += 1) {
        const micros = String(Math.floor(next() * 1000)).padStart(3, '0');
        const span = Math.floor(next() * 8 * DAY);
        await expectExactParity(stage, at(base, micros), at(base + span, '500'));
      }
    }
  });

  it('agrees on a running clock read now, within the instants around the read', async () => {
    const now = Date.now();
    const cases: [Stage, number, string | null][] = [
      ['cad', now - 30 * HOUR - 17_000, null],
      ['intake', now - 11.99 * HOUR, null],
      ['qc', now - 2.5 * DAY, '2026-09-01'],
      ['shipping', now - 3.2 * DAY, '2999-12-31'],
      ['production', now - 16 * DAY, null],
    ];
    for (const [stage, entered, promised] of cases) {
      const { row, before, after } = await readCard(stage, iso(entered), null, promised);
      const context = `${stage} entered ${iso(entered)}`;
      // Time only runs forward: the database's figure lies between the client's at the start
      // and at the end of the request (a second either side for clock granularity).
      const low = clientElapsed(row, before - 1000);
      const high = clientElapsed(row, after + 1000);
      expect(Number(row.time_in_stage), context).toBeGreaterThanOrEqual(low);
      expect(Number(row.time_in_stage), context).toBeLessThanOrEqual(high);
      expect(
        slaStatus(Number(row.time_in_stage), row.sla_amber_after, row.sla_red_after),
        context,
      ).toBe(row.sla_status);
      expect(
        [
          isPastPromise(row.promised_date, row.stage, before, tz),
          isPastPromise(row.promised_date, row.stage, after, tz),
        ],
        context,
      ).toContain(row.is_late);
    }
  });
});
