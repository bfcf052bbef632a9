// Moving an order through supabase-js, signed in as each role: the allowed moves succeed and
// are logged in the same transaction, the refused ones fail with their documented code and
// leave the order exactly as it was, and two people moving one card at once cannot both win.
import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  callers,
  clientFor,
  dbTargets,
  serviceClient,
  staffId,
  type Caller,
} from './support/clients';
import {
  attachCertification,
  createOrder,
  eventsOf,
  passQcItems,
  readOrder,
  type OrderRow,
  type OrderSetup,
  type Stage,
} from './support/factories';

type Move = {
  from: Stage;
  to: Stage;
  allowed: Caller[];
  setup?: OrderSetup;
  note?: string;
};

// The table of who moves what, for every transition the workshop allows (managers
// may make every one): forward to the next stage, QC back to production as rework, any active
// stage to on hold or cancelled with a reason, on hold back where it was (or cancelled).
const chain: Stage[] = ['intake', 'awaiting_payment', 'cad', 'production', 'qc', 'shipping'];
const allStages: Stage[] = [...chain, 'delivered', 'on_hold', 'cancelled'];
const owners: Record<string, Caller[]> = {
  intake: ['concierge'],
  awaiting_payment: ['concierge'],
  cad: ['workshop'],
  production: ['workshop'],
  qc: ['qc'],
  shipping: ['concierge', 'workshop'],
};
const by = (...who: Caller[]): Caller[] => [...who, 'manager'];
const moves: Move[] = [
  ...chain.map((from, i) => ({
    from,
    to: i + 1 < chain.length ? (chain[i + 1] as Stage) : 'delivered',
    allowed: by(...(owners[from] ?? [])),
  })),
  {
    from: 'qc',
    to: 'production',
    allowed: by('qc'),
    note: 'Prong lifted on the centre stone',
  },
  ...chain.map((from) => ({
    from,
    to: 'on_hold' as Stage,
    allowed: by(...(owners[from] ?? [])),
    note: 'Stone on back-order',
  })),
  ...chain.map((from) => ({
    from,
    to: 'cancelled' as Stage,
    allowed: by('concierge'),
    note: 'Customer withdrew',
  })),
  ...chain.map((resume) => ({
    from: 'on_hold' as Stage,
    to: resume,
    allowed: by(...(owners[resume] ?? [])),
    setup: { resumeStage: resume },
  })),
  {
    from: 'on_hold',
    to: 'cancelled',
    allowed: by('concierge'),
    setup: { resumeStage: 'cad' },
    note: 'Customer withdrew',
  },
];
// Every other pair of stages is no transition at all (LP001), even for a manager.
const refusedPairs = allStages.flatMap((from) =>
  allStages
    .filter(
      (to) =>
        !moves.some(
          (m) => m.from === from && m.to === to && (from !== 'on_hold' || to === 'cancelled'),
        ) && !(from === 'on_hold' && to === 'production'),
    )
    .map((to) => ({ from, to })),
);

type RpcError = { code: string; message: string } | null;

async function move(
  client: SupabaseClient,
  order: Pick<OrderRow, 'id' | 'version'>,
  to: Stage,
  note?: string | null,
  override?: string,
) {
  return client.rpc('move_order', {
    p_order_id: order.id,
    p_to_stage: to,
    p_expected_version: order.version,
    p_note: note ?? null,
    p_override_reason: override ?? null,
  });
}

/** Refused, with this code, and nothing about the order changed. */
async function expectRefused(
  svc: SupabaseClient,
  before: OrderRow,
  result: { error: RpcError; status: number },
  code: string,
  message?: RegExp,
) {
  expect(result.error?.code).toBe(code);
  if (message) expect(result.error?.message).toMatch(message);
  expect(await readOrder(svc, before.id)).toEqual(before);
}

describe.each(dbTargets())('move_order on $engine', (t) => {
  const svc = serviceClient(t);

  describe.each(moves)('$from → $to', (m) => {
    it.each(callers.map((c) => [c] as const))('as %s', async (caller) => {
      const order = await createOrder(svc, m.from, m.setup);
      const result = await move(clientFor(t, caller), order, m.to, m.note);
      if (m.allowed.includes(caller)) {
        expect(result.error).toBeNull();
        const after = await readOrder(svc, order.id);
        expect(after).toMatchObject({ stage: m.to, version: order.version + 1 });
        expect(result.data).toMatchObject({ id: order.id, stage: m.to, version: after.version });
        const events = await eventsOf(svc, order.id);
        expect(events.at(-1)).toMatchObject({
          kind: 'stage_changed',
          from_stage: m.from,
          to_stage: m.to,
          actor_id: staffId(caller as Exclude<Caller, 'anon'>),
          note: m.note ?? null,
        });
      } else if (caller === 'anon') {
        // A visitor cannot call the function at all (401 permission denied, 42501).
        await expectRefused(svc, order, result, '42501');
        expect(result.status).toBe(401);
      } else {
        await expectRefused(svc, order, result, 'PT403', /^Only .* or a manager can move/);
        expect(result.status).toBe(403);
      }
    });
  });

  describe('no other move exists, even for a manager (LP001)', () => {
    it.each(refusedPairs)('$from → $to', async ({ from, to }) => {
      // On hold from production: only back to production (a pair above) or cancelled.
      const order = await createOrder(svc, from, { resumeStage: 'production' });
      const r = await move(clientFor(t, 'manager'), order, to, 'A reason for the record');
      await expectRefused(svc, order, r, 'LP001');
      expect(r.status).toBe(400);
    });
  });

  describe('preconditions, each with its own code and sentence', () => {
    it('refuses CAD before full payment (LP010)', async () => {
      const order = await createOrder(svc, 'awaiting_payment', { ready: false });
      const r = await move(clientFor(t, 'concierge'), order, 'cad');
      await expectRefused(svc, order, r, 'LP010', /not paid in full yet/);
      expect(r.status).toBe(400);
    });

    it('refuses production before the customer approves the CAD (LP011)', async () => {
      const order = await createOrder(svc, 'cad', { ready: false });
      const r = await move(clientFor(t, 'workshop'), order, 'production');
      await expectRefused(svc, order, r, 'LP011', /not approved the CAD design/);
    });

    it('refuses QC while production steps are open, naming them (LP012)', async () => {
      const order = await createOrder(svc, 'production', { ready: false });
      const r = await move(clientFor(t, 'workshop'), order, 'qc');
      await expectRefused(
        svc,
        order,
        r,
        'LP012',
        /^Production not finished: casting, forming, polishing, hand-setting, reinforcement not done\.$/,
      );
    });

    it('refuses shipping with a QC item unchecked, in words QC uses (LP013)', async () => {
      const order = await createOrder(svc, 'qc', { ready: false });
      const { data: run } = await svc
        .from('qc_runs')
        .select('id')
        .eq('order_id', order.id)
        .single();
      await passQcItems(svc, (run as { id: string }).id, ['Stones secure']);
      const r = await move(clientFor(t, 'qc'), order, 'shipping');
      await expectRefused(svc, order, r, 'LP013');
      expect(r.error?.message).toBe('QC checklist incomplete: stones secure not checked');
    });

    it('refuses shipping certified stones without certificate, photos and video (LP014)', async () => {
      const order = await createOrder(svc, 'qc', { certified: true, ready: false });
      const { data: run } = await svc
        .from('qc_runs')
        .select('id')
        .eq('order_id', order.id)
        .single();
      await passQcItems(svc, (run as { id: string }).id);
      const r = await move(clientFor(t, 'qc'), order, 'shipping');
      await expectRefused(svc, order, r, 'LP014', /certificate, QC photos, unboxing video missing/);
      await attachCertification(svc, order.id);
      const ok = await move(clientFor(t, 'qc'), order, 'shipping');
      expect(ok.error).toBeNull();
    });

    it('refuses delivered without a tracking number (LP015)', async () => {
      const order = await createOrder(svc, 'shipping', { ready: false });
      const r = await move(clientFor(t, 'workshop'), order, 'delivered');
      await expectRefused(svc, order, r, 'LP015', /tracking number/);
    });

    it('refuses a skipped stage (LP001) and a hold without a reason (LP003)', async () => {
      const order = await createOrder(svc, 'cad');
      await expectRefused(
        svc,
        order,
        await move(clientFor(t, 'manager'), order, 'shipping'),
        'LP001',
        /cannot go from CAD to shipping/,
      );
      await expectRefused(
        svc,
        order,
        await move(clientFor(t, 'manager'), order, 'on_hold', '   '),
        'LP003',
        /on hold/,
      );
    });

    it('brings an order on hold back only to the stage it left (LP001)', async () => {
      const order = await createOrder(svc, 'on_hold', { resumeStage: 'production' });
      await expectRefused(
        svc,
        order,
        await move(clientFor(t, 'manager'), order, 'qc'),
        'LP001',
        /on hold from production; it can only go back to production/,
      );
    });

    it('keeps a failed QC run and starts the next one fresh after rework', async () => {
      const order = await createOrder(svc, 'qc');
      const failed = await move(
        clientFor(t, 'qc'),
        order,
        'production',
        'Polish marks inside the band',
      );
      expect(failed.error).toBeNull();
      const { data: runs } = await svc
        .from('qc_runs')
        .select('attempt, status, fail_reason')
        .eq('order_id', order.id);
      expect(runs).toEqual([
        { attempt: 1, status: 'failed', fail_reason: 'Polish marks inside the band' },
      ]);
      const back = await move(clientFor(t, 'workshop'), await readOrder(svc, order.id), 'qc');
      expect(back.error).toBeNull();
      const { data: second, error } = await clientFor(t, 'qc')
        .from('qc_runs')
        .insert({ order_id: order.id })
        .select('id, attempt, status')
        .single();
      expect(error).toBeNull();
      expect(second).toMatchObject({ attempt: 2, status: 'in_progress' });
      // Read separately: like PostgREST, an insert's embed cannot see rows its triggers add.
      const { data: items } = await clientFor(t, 'qc')
        .from('qc_run_items')
        .select('result')
        .eq('run_id', (second as { id: string }).id);
      expect(items?.length).toBe(7);
      expect(items?.every((i: { result: string }) => i.result === 'pending')).toBe(true);
    });
  });

  describe('work-in-progress limits', () => {
    it('refuses a move into a full stage (LP020) unless a manager overrides with a reason', async () => {
      // Shipping is the stage no other spec moves orders into; its limit is restored after.
      const { count } = await svc
        .from('orders')
        .select('id', { count: 'exact', head: true })
        .eq('stage', 'shipping');
      const { error: setError } = await clientFor(t, 'manager')
        .from('stage_settings')
        .update({ wip_limit: Math.max(count ?? 0, 1) })
        .eq('stage', 'shipping')
        .select('stage')
        .single();
      expect(setError).toBeNull();
      try {
        if ((count ?? 0) === 0) await createOrder(svc, 'shipping');
        const order = await createOrder(svc, 'qc');
        await expectRefused(
          svc,
          order,
          await move(clientFor(t, 'qc'), order, 'shipping'),
          'LP020',
          /^Shipping is at its WIP limit/,
        );
        await expectRefused(
          svc,
          order,
          await move(clientFor(t, 'manager'), order, 'shipping'),
          'LP020',
        );
        const ok = await move(
          clientFor(t, 'manager'),
          order,
          'shipping',
          null,
          'Courier pickup at 4pm',
        );
        expect(ok.error).toBeNull();
        expect((await eventsOf(svc, order.id)).at(-1)?.data).toMatchObject({
          wip_override: 'Courier pickup at 4pm',
        });
      } finally {
        await clientFor(t, 'manager')
          .from('stage_settings')
          .update({ wip_limit: null })
          .eq('stage', 'shipping');
      }
    });
  });

  describe('optimistic concurrency', () => {
    it('answers a stale version with PT409 (HTTP 409) and changes nothing', async () => {
      const order = await createOrder(svc, 'intake');
      const r = await move(
        clientFor(t, 'concierge'),
        { ...order, version: order.version - 1 },
        'awaiting_payment',
      );
      expect(r.status).toBe(409);
      await expectRefused(svc, order, r, 'PT409', /changed order LP-\d{4}-\d{4,} a moment ago/);
    });

    it('lets exactly one of two simultaneous moves of the same card win', async () => {
      const order = await createOrder(svc, 'cad');
      const [a, b] = await Promise.all([
        move(clientFor(t, 'concierge'), order, 'cancelled', 'Customer withdrew'),
        move(clientFor(t, 'manager'), order, 'on_hold', 'Customer travelling'),
      ]);
      const outcomes = [a, b].map((r) => r.error?.code ?? 'ok').sort();
      expect(outcomes).toEqual(['PT409', 'ok']);
      const after = await readOrder(svc, order.id);
      expect(after.version).toBe(order.version + 1);
      const changes = (await eventsOf(svc, order.id)).filter((e) => e.kind === 'stage_changed');
      expect(changes).toHaveLength(1);
      expect(changes[0]?.to_stage).toBe(after.stage);
    });

    it('answers an unknown order with PT404', async () => {
      const r = await move(clientFor(t, 'manager'), { id: crypto.randomUUID(), version: 1 }, 'qc');
      expect(r.error?.code).toBe('PT404');
      expect(r.status).toBe(404);
    });
  });
});
