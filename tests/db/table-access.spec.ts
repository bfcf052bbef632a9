// Who may read and write each table, through supabase-js signed in as each role (and as a
// visitor with only the anon key): allowed writes land, refused ones fail or touch no row and
// leave the data as it was. The matrix below is the documented access model.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  callers,
  clientFor,
  dbTargets,
  serviceClient,
  staffId,
  type Caller,
} from './support/clients';
import { createCustomer, createOrder } from './support/factories';

type Action = 'select' | 'insert' | 'update' | 'delete';
const staff: Caller[] = ['concierge', 'workshop', 'qc', 'manager'];

type TableCase = {
  table: string;
  key: string;
  allowed: Record<Action, Caller[]>;
  /** A fresh row (as a data script would write it); returns its key. */
  make(): Promise<string>;
  insertRow(): Promise<Record<string, unknown>>;
  patch(): Record<string, unknown>;
  /** One row per key that already exists (a checklist per product): an allowed insert passes
   * RLS and stops at the unique constraint (23505), a refused one at RLS (42501). */
  insertConflicts?: boolean;
  /** Rows other specs rely on (the house's checklists): an allowed delete runs with
   * `Prefer: tx=rollback`, so it shows RLS let it through and then leaves the row. */
  deleteRolledBack?: boolean;
};

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1_000_000) * 1000;
/** A date no other case uses: one per day from 2031 on, from a random start per run. */
let dayOffset = Math.floor(Math.random() * 20_000);
const nextDay = () =>
  new Date(Date.UTC(2031, 0, 1) + dayOffset++ * 86_400_000).toISOString().slice(0, 10);
/** A certified stone (a GIA number no other case uses) and a melee lot, as received. */
const matrixStone = () => ({
  lab: 'GIA',
  report_number: String(3_000_000_000 + next()),
  carat: 0.75,
  colour: 'G',
  clarity: 'VS2',
  shape: 'Round',
});
const matrixLot = () => ({
  lot_code: `MX-${next().toString(36).toUpperCase()}`,
  count_received: 50,
  carat_received: 0.5,
});

describe.each(dbTargets())('table access on $engine', (t) => {
  const svc = serviceClient(t);
  const one = async <T>(q: PromiseLike<{ data: T | null; error: unknown }>) => {
    const { data, error } = await q;
    expect(error).toBeNull();
    return data as T;
  };
  const newCustomer = async () =>
    (await one(
      svc.from('customers').insert({ display_name: 'Matrix M.' }).select('id').single(),
    )) as {
      id: string;
    };

  // The checklist lines the matrix added leave the house's earscape checklist as it was.
  afterAll(async () => {
    await svc.from('qc_template_items').delete().like('label', 'Matrix line %');
  });

  /** A sign-in with no staff profile yet (the staff table's rows hang off auth users). */
  const newLogin = async () => {
    const { data, error } = await svc.auth.admin.createUser({
      email: `matrix.${next()}@loupe.test`,
      password: 'matrix-password-2026',
      email_confirm: true,
    });
    expect(error).toBeNull();
    return data.user?.id as string;
  };
  const earscapeTemplate = async () =>
    (
      (await one(svc.from('qc_templates').select('id').eq('product', 'earscape').single())) as {
        id: string;
      }
    ).id;
  /** A checklist line far below the house's own (positions 1–7), on the earscape checklist. */
  const checklistItem = async () => ({
    template_id: await earscapeTemplate(),
    position: 1000 + (next() % 30_000),
    label: `Matrix line ${next()}`,
    required: false,
  });
  /** An order standing in QC before anyone has started its checklist (the factory's run is
   * removed; the order itself arrived in QC the logged way, so the analytics still add up). */
  const orderInQcWithoutRun = async () => {
    const order = await createOrder(svc, 'qc', { ready: false });
    await one(svc.from('qc_runs').delete().eq('order_id', order.id).select('id'));
    return order.id;
  };

  const cases: TableCase[] = [
    {
      table: 'customers',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['concierge', 'manager'],
        update: ['concierge', 'manager'],
        delete: ['manager'],
      },
      make: async () => (await newCustomer()).id,
      insertRow: async () => ({ display_name: 'Matrix I.' }),
      patch: () => ({ display_name: 'Matrix U.' }),
    },
    {
      table: 'customer_contacts',
      key: 'customer_id',
      allowed: {
        select: ['concierge', 'manager'],
        insert: ['concierge', 'manager'],
        update: ['concierge', 'manager'],
        delete: ['manager'],
      },
      make: () => createCustomer(svc),
      insertRow: async () => ({
        customer_id: (await newCustomer()).id,
        full_name: 'Matrix Person',
      }),
      patch: () => ({ phone: '+1 212 555 0199' }),
    },
    {
      table: 'intake_requests',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['concierge', 'manager'],
        update: ['concierge', 'manager'],
        delete: ['manager'],
      },
      make: async () =>
        (
          (await one(
            svc
              .from('intake_requests')
              .insert({
                customer_id: (await newCustomer()).id,
                source: 'concierge_form',
                base: 'earscape',
                metal: 'platinum',
              })
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        customer_id: (await newCustomer()).id,
        source: 'customizer_look',
        base: 'layering_trio',
        metal: 'gold_14k_rose',
      }),
      patch: () => ({ status: 'in_review' }),
    },
    {
      table: 'orders',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['concierge', 'manager'],
        update: ['concierge', 'manager'],
        delete: [],
      },
      make: async () => (await createOrder(svc, 'intake')).id,
      insertRow: async () => ({
        customer_id: (await newCustomer()).id,
        product: 'earscape',
        product_name: 'Matrix earscape',
        metal: 'platinum',
      }),
      patch: () => ({ priority: 1 }),
    },
    {
      table: 'order_events',
      key: 'id',
      allowed: { select: staff, insert: [], update: [], delete: [] },
      make: async () => {
        const order = await createOrder(svc, 'intake');
        const row = (await one(
          svc.from('order_events').select('id').eq('order_id', order.id).limit(1).single(),
        )) as { id: number };
        return String(row.id);
      },
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'intake')).id,
        kind: 'stage_changed',
        to_stage: 'qc',
      }),
      patch: () => ({ note: 'Rewritten history' }),
    },
    {
      table: 'production_steps',
      key: 'id',
      allowed: { select: staff, insert: [], update: ['workshop', 'manager'], delete: [] },
      make: async () => {
        const order = await createOrder(svc, 'production', { ready: false });
        const row = (await one(
          svc
            .from('production_steps')
            .select('id')
            .eq('order_id', order.id)
            .eq('step', 'casting')
            .single(),
        )) as { id: string };
        return row.id;
      },
      insertRow: async () => ({ order_id: (await createOrder(svc, 'intake')).id, step: 'casting' }),
      patch: () => ({ note: 'Sprue trimmed flush' }),
    },
    {
      table: 'certificates',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['qc', 'manager'],
        update: ['qc', 'manager'],
        delete: ['manager'],
      },
      make: async () =>
        (
          (await one(
            svc
              .from('certificates')
              .insert({
                order_id: (await createOrder(svc, 'qc')).id,
                lab: 'IGI',
                report_number: `LG${String(next()).padStart(9, '0').slice(-9)}`,
                carat: 1.2,
                colour: 'E',
                clarity: 'VVS2',
                cut_shape: 'Oval',
              })
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'qc')).id,
        lab: 'GIA',
        report_number: String(1_000_000_000 + next())
          .slice(-10)
          .padStart(10, '7'),
        carat: 0.9,
        colour: 'G',
        clarity: 'VS1',
        cut_shape: 'Round brilliant',
      }),
      patch: () => ({ clarity: 'VS2' }),
    },
    {
      table: 'shipments',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['concierge', 'workshop', 'manager'],
        update: ['concierge', 'workshop', 'manager'],
        delete: ['manager'],
      },
      make: async () =>
        (
          (await one(
            svc
              .from('shipments')
              .insert({
                order_id: (await createOrder(svc, 'shipping', { ready: false })).id,
                carrier: 'UPS',
              })
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'shipping', { ready: false })).id,
        carrier: 'USPS',
      }),
      patch: () => ({ tracking_number: `9400${String(next()).padStart(18, '0')}` }),
    },
    {
      table: 'service_requests',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['concierge', 'manager'],
        update: ['concierge', 'workshop', 'manager'],
        delete: ['manager'],
      },
      make: async () =>
        (
          (await one(
            svc
              .from('service_requests')
              .insert({ order_id: (await createOrder(svc, 'delivered')).id, kind: 'cleaning' })
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'delivered')).id,
        kind: 'prong_check',
      }),
      patch: () => ({ status: 'in_progress' }),
    },
    {
      table: 'attachments',
      key: 'id',
      allowed: { select: staff, insert: ['qc', 'manager'], update: [], delete: ['qc', 'manager'] },
      make: async () =>
        (
          (await one(
            svc
              .from('attachments')
              .insert({
                order_id: (await createOrder(svc, 'qc')).id,
                kind: 'qc_photo',
                bucket: 'qc-photos',
                storage_path: `matrix/${next()}.jpg`,
                mime_type: 'image/jpeg',
                size_bytes: 2048,
                uploaded_by: staffId('qc'),
              })
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'qc')).id,
        kind: 'qc_photo',
        bucket: 'qc-photos',
        storage_path: `matrix/${next()}.jpg`,
        mime_type: 'image/jpeg',
        size_bytes: 2048,
      }),
      patch: () => ({ mime_type: 'image/png' }),
    },
    {
      table: 'stage_settings',
      key: 'stage',
      allowed: { select: staff, insert: [], update: ['manager'], delete: [] },
      make: async () => 'awaiting_payment',
      insertRow: async () => ({ stage: 'qc' }),
      patch: () => ({ wip_limit: null }),
    },
    {
      table: 'holidays',
      key: 'day',
      allowed: { select: staff, insert: ['manager'], update: ['manager'], delete: ['manager'] },
      make: async () => {
        const day = nextDay();
        await one(svc.from('holidays').insert({ day, name: 'Matrix day' }).select('day').single());
        return day;
      },
      insertRow: async () => ({
        day: nextDay(),
        name: 'Founders’ day',
      }),
      patch: () => ({ name: 'Workshop closed' }),
    },
    {
      table: 'staff',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['manager'],
        update: ['manager'],
        delete: ['manager'],
      },
      make: async () => {
        const id = await newLogin();
        await one(
          svc
            .from('staff')
            .insert({ id, display_name: 'Matrix W.', role: 'workshop' })
            .select('id'),
        );
        return id;
      },
      insertRow: async () => ({ id: await newLogin(), display_name: 'Matrix Q.', role: 'qc' }),
      patch: () => ({ display_name: 'Matrix R.' }),
    },
    {
      table: 'cad_revisions',
      key: 'id',
      allowed: { select: staff, insert: [], update: [], delete: [] },
      make: async () =>
        (
          (await one(
            svc
              .from('cad_revisions')
              .insert({
                order_id: (await createOrder(svc, 'cad', { ready: false })).id,
                kind: 'initial',
              })
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'cad', { ready: false })).id,
        kind: 'tweak',
        note: 'Written around the CAD functions',
      }),
      patch: () => ({ note: 'Rewritten round' }),
    },
    {
      table: 'qc_templates',
      key: 'id',
      allowed: { select: staff, insert: ['manager'], update: ['manager'], delete: ['manager'] },
      make: async () => earscapeTemplate(),
      insertRow: async () => ({ product: 'earscape', name: 'Second earscape checklist' }),
      insertConflicts: true,
      deleteRolledBack: true,
      patch: () => ({ updated_at: new Date().toISOString() }),
    },
    {
      table: 'qc_template_items',
      key: 'id',
      allowed: { select: staff, insert: ['manager'], update: ['manager'], delete: ['manager'] },
      make: async () =>
        (
          (await one(
            svc
              .from('qc_template_items')
              .insert(await checklistItem())
              .select('id')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: checklistItem,
      // Only rows the matrix made are changed or removed: the house's items stay as they are.
      patch: () => ({ label: `Matrix line ${next()}` }),
    },
    {
      table: 'qc_runs',
      key: 'id',
      allowed: { select: staff, insert: ['qc', 'manager'], update: [], delete: [] },
      make: async () => {
        const order = await createOrder(svc, 'qc', { ready: false });
        const run = (await one(
          svc.from('qc_runs').select('id').eq('order_id', order.id).single(),
        )) as { id: string };
        return run.id;
      },
      insertRow: async () => ({ order_id: await orderInQcWithoutRun() }),
      patch: () => ({ status: 'passed', finished_at: new Date().toISOString() }),
    },
    {
      table: 'qc_run_items',
      key: 'id',
      allowed: { select: staff, insert: [], update: ['qc', 'manager'], delete: [] },
      make: async () => {
        const order = await createOrder(svc, 'qc', { ready: false });
        const run = (await one(
          svc.from('qc_runs').select('id').eq('order_id', order.id).single(),
        )) as { id: string };
        const item = (await one(
          svc.from('qc_run_items').select('id').eq('run_id', run.id).eq('position', 1).single(),
        )) as { id: string };
        return item.id;
      },
      insertRow: async () => {
        const order = await createOrder(svc, 'qc', { ready: false });
        const run = (await one(
          svc.from('qc_runs').select('id').eq('order_id', order.id).single(),
        )) as { id: string };
        return {
          run_id: run.id,
          position: 50,
          label: 'Extra check',
          required: false,
          needs_photo: false,
        };
      },
      patch: () => ({ note: 'Checked under the loupe' }),
    },
    {
      table: 'workshop_settings',
      key: 'id',
      allowed: { select: staff, insert: [], update: ['manager'], delete: [] },
      make: async () => 'true',
      insertRow: async () => ({ id: true, timezone: 'Europe/Paris' }),
      // The house's own zone again: the change is allowed, and nothing moves for other specs.
      patch: () => ({ timezone: 'America/New_York' }),
    },
    {
      table: 'intake_events',
      key: 'id',
      allowed: { select: staff, insert: [], update: [], delete: [] },
      make: async () => {
        const request = (await one(
          svc
            .from('intake_requests')
            .insert({
              customer_id: (await newCustomer()).id,
              source: 'concierge_form',
              base: 'earscape',
              metal: 'platinum',
            })
            .select('id')
            .single(),
        )) as { id: string };
        const event = (await one(
          svc
            .from('intake_events')
            .insert({ intake_request_id: request.id, kind: 'assigned' })
            .select('id')
            .single(),
        )) as { id: number };
        return String(event.id);
      },
      insertRow: async () => {
        const request = (await one(
          svc
            .from('intake_requests')
            .insert({
              customer_id: (await newCustomer()).id,
              source: 'customizer_look',
              base: 'earscape',
              metal: 'platinum',
            })
            .select('id')
            .single(),
        )) as { id: string };
        return { intake_request_id: request.id, kind: 'confirmed' };
      },
      patch: () => ({ note: 'Rewritten triage' }),
    },
    {
      // The metal ledger is append-only: nobody updates or deletes an entry.
      table: 'metal_entries',
      key: 'id',
      allowed: { select: staff, insert: ['workshop', 'manager'], update: [], delete: [] },
      make: async () => {
        const order = await createOrder(svc, 'production', { ready: false });
        const row = (await one(
          svc
            .from('metal_entries')
            .insert({
              order_id: order.id,
              step: 'casting',
              kind: 'issue',
              grams: 8.5,
              recorded_by: staffId('workshop'),
            })
            .select('id')
            .single(),
        )) as { id: string };
        return row.id;
      },
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'production', { ready: false })).id,
        step: 'casting',
        kind: 'issue',
        grams: 9.25,
      }),
      patch: () => ({ grams: 1 }),
    },
    {
      table: 'metal_loss_norms',
      key: 'id',
      allowed: { select: staff, insert: [], update: ['manager'], delete: [] },
      make: async () =>
        (
          (await one(
            svc
              .from('metal_loss_norms')
              .select('id')
              .eq('metal', 'gold_14k_white')
              .eq('step', 'reinforcement')
              .single(),
          )) as { id: string }
        ).id,
      insertRow: async () => ({ metal: 'platinum', step: 'casting', max_loss_pct: 50 }),
      // The seeded default, so an allowed update leaves the house's norm as it was.
      patch: () => ({ max_loss_pct: 1 }),
    },
    {
      table: 'production_step_settings',
      key: 'step',
      allowed: { select: staff, insert: [], update: ['manager'], delete: [] },
      make: async () => 'reinforcement',
      insertRow: async () => ({ step: 'casting' }),
      patch: () => ({ return_tolerance_grams: 0.05 }),
    },
    // Stones: the workshop and managers receive stones and allocate them; managers remove
    // inventory; allocations are released (an update), never deleted.
    {
      table: 'stones',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['workshop', 'manager'],
        update: ['workshop', 'manager'],
        delete: ['manager'],
      },
      make: async () =>
        (
          (await one(svc.from('stones').insert(matrixStone()).select('id').single())) as {
            id: string;
          }
        ).id,
      insertRow: async () => matrixStone(),
      patch: () => ({ note: 'Matrix note' }),
    },
    {
      table: 'melee_lots',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['workshop', 'manager'],
        update: ['workshop', 'manager'],
        delete: ['manager'],
      },
      make: async () =>
        (
          (await one(svc.from('melee_lots').insert(matrixLot()).select('id').single())) as {
            id: string;
          }
        ).id,
      insertRow: async () => matrixLot(),
      patch: () => ({ colour: 'G-H' }),
    },
    {
      table: 'stone_allocations',
      key: 'id',
      allowed: {
        select: staff,
        insert: ['workshop', 'manager'],
        update: ['workshop', 'manager'],
        delete: [],
      },
      make: async () => {
        const order = await createOrder(svc, 'production', { ready: false });
        const stone = (await one(
          svc.from('stones').insert(matrixStone()).select('id').single(),
        )) as { id: string };
        return (
          (await one(
            svc
              .from('stone_allocations')
              .insert({ order_id: order.id, stone_id: stone.id, allocated_by: staffId('workshop') })
              .select('id')
              .single(),
          )) as { id: string }
        ).id;
      },
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'production', { ready: false })).id,
        stone_id: (
          (await one(svc.from('stones').insert(matrixStone()).select('id').single())) as {
            id: string;
          }
        ).id,
      }),
      patch: () => ({ released_at: new Date().toISOString(), release_reason: 'Matrix release' }),
    },
    // Customer review links: staff read them; only create_review_link / revoke_review_link
    // (stylists and managers) write them, so no role writes the table directly.
    {
      table: 'review_links',
      key: 'id',
      allowed: { select: staff, insert: [], update: [], delete: [] },
      make: async () =>
        (
          (await one(
            clientFor(t, 'concierge').rpc('create_review_link', {
              p_order_id: (await createOrder(svc, 'production', { ready: false })).id,
              p_kind: 'status',
            }),
          )) as { id: string }
        ).id,
      insertRow: async () => ({
        order_id: (await createOrder(svc, 'production', { ready: false })).id,
        kind: 'status',
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      patch: () => ({ show_quote: true }),
    },
  ];

  it('gives a visitor with the anon key no privilege on any public table or view', async () => {
    const types = readFileSync(new URL('../../src/types/database.ts', import.meta.url), 'utf8');
    const block = types.slice(types.indexOf('    Tables: {'), types.indexOf('    Functions: {'));
    // Each relation with its first column (something to filter a write on).
    const relations = [...block.matchAll(/^ {6}(\w+): \{\n {8}Row: \{\n {10}(\w+)\??:/gm)].map(
      (m) => [m[1]!, m[2]!] as const,
    );
    expect(relations.map(([r]) => r)).toEqual(
      expect.arrayContaining(['orders', 'review_links', 'order_board', 'review_link_list']),
    );
    const anon = clientFor(t, 'anon');
    for (const [relation, column] of relations) {
      const read = await anon.from(relation).select('*').limit(1);
      expect({ relation, code: read.error?.code }).toEqual({ relation, code: '42501' });
      const write = await anon.from(relation).delete().is(column, null);
      // 55000: a view Postgres cannot write through at all, before privileges are even asked.
      expect({ relation, refused: ['42501', '55000'].includes(write.error?.code ?? '') }).toEqual({
        relation,
        refused: true,
      });
    }
  });

  it('covers every table in public (as the generated database types list them)', () => {
    // src/types/database.ts is generated from the live schema, and a test fails when it is
    // stale: a new table that is not in the matrix above fails here.
    const types = readFileSync(new URL('../../src/types/database.ts', import.meta.url), 'utf8');
    const tablesBlock = types.slice(types.indexOf('    Tables: {'), types.indexOf('    Views: {'));
    const tables = [...tablesBlock.matchAll(/^ {6}(\w+): \{\n {8}Row: \{/gm)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(15);
    expect(cases.map((c) => c.table).sort()).toEqual([...tables].sort());
  });

  const snapshot = async (c: TableCase, key: string) =>
    (await svc.from(c.table).select('*').eq(c.key, key).maybeSingle()).data as Record<
      string,
      unknown
    > | null;

  describe.each(cases)('$table', (c) => {
    it.each(callers.map((who) => [who] as const))('as %s', async (who) => {
      const client = clientFor(t, who);

      // Read.
      const readKey = await c.make();
      const read = await client.from(c.table).select(c.key).eq(c.key, readKey);
      if (c.allowed.select.includes(who)) {
        expect(read.error).toBeNull();
        expect(read.data).toHaveLength(1);
      } else if (who === 'anon') {
        expect(read.error?.code).toBe('42501');
      } else {
        // Hidden rows are filtered, not an error: the table looks empty to this role.
        expect(read.error).toBeNull();
        expect(read.data).toEqual([]);
      }

      // Insert.
      const row = await c.insertRow();
      const insert = await client.from(c.table).insert(row);
      if (!c.allowed.insert.includes(who)) expect(insert.error?.code).toBe('42501');
      else if (c.insertConflicts) expect(insert.error?.code).toBe('23505');
      else expect(insert.error).toBeNull();

      // Update: refused means an error or no row touched, and the row as it was.
      const updateKey = await c.make();
      const before = await snapshot(c, updateKey);
      const update = await client
        .from(c.table)
        .update(c.patch())
        .eq(c.key, updateKey)
        .select(c.key);
      if (c.allowed.update.includes(who)) {
        expect(update.error).toBeNull();
        expect(update.data).toHaveLength(1);
      } else {
        if (update.error) expect(update.error.code).toBe('42501');
        else expect(update.data).toEqual([]);
        expect(await snapshot(c, updateKey)).toEqual(before);
      }

      // Delete.
      const deleteKey = await c.make();
      const deleting = client.from(c.table).delete().eq(c.key, deleteKey).select(c.key);
      const del = await (c.deleteRolledBack ? deleting.rollback() : deleting);
      if (c.allowed.delete.includes(who)) {
        expect(del.error).toBeNull();
        expect(del.data).toHaveLength(1);
        if (c.deleteRolledBack) expect(await snapshot(c, deleteKey)).not.toBeNull();
        else expect(await snapshot(c, deleteKey)).toBeNull();
      } else {
        if (del.error) expect(del.error.code).toBe('42501');
        else expect(del.data).toEqual([]);
        expect(await snapshot(c, deleteKey)).not.toBeNull();
      }
    });
  });

  it('shows workshop and QC the customer’s display name on the board, never contact details', async () => {
    const order = await createOrder(svc, 'production');
    for (const who of ['workshop', 'qc'] as const) {
      const client = clientFor(t, who);
      const { data: card } = await client
        .from('order_board')
        .select('code, customer_display_name')
        .eq('id', order.id)
        .single();
      expect(card).toMatchObject({ code: order.code, customer_display_name: 'Test C.' });
      const { data: contacts } = await client.from('customer_contacts').select('email');
      expect(contacts).toEqual([]);
    }
    const { data: visible } = await clientFor(t, 'concierge')
      .from('customer_contacts')
      .select('email')
      .limit(1);
    expect(visible).toHaveLength(1);
  });

  it('lets a manager remove a checklist line finished runs used; the runs keep their copy', async () => {
    const line = (await one(
      svc
        .from('qc_template_items')
        .insert(await checklistItem())
        .select('id, label')
        .single(),
    )) as { id: string; label: string };
    const order = (await one(
      svc
        .from('orders')
        .insert({
          customer_id: (await newCustomer()).id,
          product: 'earscape',
          product_name: 'Matrix earscape',
          metal: 'platinum',
          stage: 'qc',
        })
        .select('id')
        .single(),
    )) as { id: string };
    const run = (await one(
      svc.from('qc_runs').insert({ order_id: order.id }).select('id').single(),
    )) as { id: string };
    await one(
      svc
        .from('qc_runs')
        .update({ status: 'failed', finished_at: new Date().toISOString(), fail_reason: 'Scratch' })
        .eq('id', run.id)
        .select('id'),
    );
    const removed = await clientFor(t, 'manager')
      .from('qc_template_items')
      .delete()
      .eq('id', line.id)
      .select('id');
    expect(removed.error).toBeNull();
    expect(removed.data).toHaveLength(1);
    const { data: kept } = await svc
      .from('qc_run_items')
      .select('label, template_item_id')
      .eq('run_id', run.id)
      .eq('label', line.label);
    expect(kept).toEqual([{ label: line.label, template_item_id: null }]);
  });

  it('keeps the order history append-only for everyone, service_role included', async () => {
    const order = await createOrder(svc, 'intake');
    for (const client of [clientFor(t, 'manager'), svc]) {
      const update = await client
        .from('order_events')
        .update({ note: 'edited' })
        .eq('order_id', order.id);
      expect(update.error?.code).toBe('42501');
      const del = await client.from('order_events').delete().eq('order_id', order.id);
      expect(del.error?.code).toBe('42501');
    }
    const { data } = await svc.from('order_events').select('kind, note').eq('order_id', order.id);
    expect(data).toEqual([{ kind: 'created', note: null }]);
  });
});
