// Who may read and write each table, through supabase-js signed in as each role (and as a
// visitor with only the anon key): allowed writes land, refused ones fail or touch no row and
// leave the data as it was. The matrix below is the documented access model.
import { describe, expect, it } from 'vitest';
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
};

let serial = 0;
const next = () => ++serial + Math.floor(Math.random() * 1_000_000) * 1000;
/** A date no other case uses: one per day from 2031 on, from a random start per run. */
let dayOffset = Math.floor(Math.random() * 20_000);
const nextDay = () =>
  new Date(Date.UTC(2031, 0, 1) + dayOffset++ * 86_400_000).toISOString().slice(0, 10);

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
  ];

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
      if (c.allowed.insert.includes(who)) expect(insert.error).toBeNull();
      else expect(insert.error?.code).toBe('42501');

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
      const del = await client.from(c.table).delete().eq(c.key, deleteKey).select(c.key);
      if (c.allowed.delete.includes(who)) {
        expect(del.error).toBeNull();
        expect(del.data).toHaveLength(1);
        expect(await snapshot(c, deleteKey)).toBeNull();
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
