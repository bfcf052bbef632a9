// Small fixture factories for the rules specs: a customer, an order already standing in a given
// stage with the preconditions of its next move met (or deliberately not), written with the
// service_role client as a data repair script would — the rules under test are the ones staff
// meet through RLS and the rule functions.
import type { SupabaseClient } from '@supabase/supabase-js';
import { expect } from 'vitest';
import { staffId } from './clients';

export type Stage =
  | 'intake'
  | 'awaiting_payment'
  | 'cad'
  | 'production'
  | 'qc'
  | 'shipping'
  | 'delivered'
  | 'on_hold'
  | 'cancelled';

export type OrderRow = {
  id: string;
  code: string;
  stage: Stage;
  version: number;
  cad_state: string | null;
  paid_at: string | null;
  resume_stage: Stage | null;
  on_hold_reason: string | null;
  stage_entered_at: string;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

function must<T>(result: { data: T | null; error: unknown }): T {
  expect(result.error).toBeNull();
  if (result.data === null) throw new Error('no data');
  return result.data;
}

export async function createCustomer(svc: SupabaseClient): Promise<string> {
  const tag = unique();
  const customer = must(
    await svc.from('customers').insert({ display_name: `Test C.` }).select('id').single(),
  ) as { id: string };
  must(
    await svc
      .from('customer_contacts')
      .insert({
        customer_id: customer.id,
        full_name: `Test Customer ${tag}`,
        email: `test.${tag}@example.com`,
        phone: '+1 212 555 0100',
      })
      .select('customer_id')
      .single(),
  );
  return customer.id;
}

export type OrderSetup = {
  /** Meet the preconditions of the move out of `stage` (default true). */
  ready?: boolean;
  certified?: boolean;
  /** For on_hold: the stage it came from. */
  resumeStage?: Stage;
};

/** An order standing in `stage`; with `ready`, everything its next forward move needs. */
export async function createOrder(
  svc: SupabaseClient,
  stage: Stage,
  setup: OrderSetup = {},
): Promise<OrderRow> {
  const ready = setup.ready ?? true;
  const customerId = await createCustomer(svc);
  const past = (s: Stage) => {
    const chain: Stage[] = [
      'intake',
      'awaiting_payment',
      'cad',
      'production',
      'qc',
      'shipping',
      'delivered',
    ];
    const at = stage === 'on_hold' ? (setup.resumeStage ?? 'production') : stage;
    return chain.indexOf(at) >= chain.indexOf(s);
  };
  const paid = past('cad') || (stage === 'awaiting_payment' && ready);
  const row = {
    customer_id: customerId,
    product: 'bespoke_ring',
    product_name: 'Spec solitaire',
    metal: 'platinum',
    has_stones: true,
    has_certified_stones: setup.certified ?? false,
    ring_size: 6.5,
    quote_amount: 4200,
    paid_at: paid ? new Date(Date.now() - 86_400_000).toISOString() : null,
    payment_method: paid ? 'card' : null,
    stage,
    cad_state:
      stage === 'cad' ? (ready ? 'approved' : 'drafting') : past('production') ? 'approved' : null,
    on_hold_reason: stage === 'on_hold' ? 'Waiting for the customer' : null,
    resume_stage: stage === 'on_hold' ? (setup.resumeStage ?? 'production') : null,
    cancel_reason: stage === 'cancelled' ? 'Customer withdrew' : null,
  };
  const order = must(
    await svc.from('orders').insert(row).select(orderColumns).single(),
  ) as unknown as OrderRow;

  const steps = svc.from('production_steps');
  if (past('qc') || (stage === 'production' && ready)) {
    must(
      await steps
        .update({ done_at: new Date().toISOString(), done_by: staffId('workshop') })
        .eq('order_id', order.id)
        .eq('applicable', true)
        .select('id'),
    );
  }
  if (stage === 'qc' || (stage === 'on_hold' && setup.resumeStage === 'qc')) {
    const run = must(
      await svc
        .from('qc_runs')
        .insert({ order_id: order.id, started_by: staffId('qc') })
        .select('id')
        .single(),
    ) as { id: string };
    if (ready) await passQcItems(svc, run.id);
    if (ready && setup.certified) await attachCertification(svc, order.id);
  }
  if (stage === 'shipping' && ready) {
    must(
      await svc
        .from('shipments')
        .insert({
          order_id: order.id,
          carrier: 'UPS',
          tracking_number: `1Z${unique().toUpperCase().padEnd(16, '0')}`,
          shipped_at: new Date().toISOString(),
        })
        .select('id'),
    );
  }
  return order;
}

export const orderColumns =
  'id, code, stage, version, cad_state, paid_at, resume_stage, on_hold_reason, stage_entered_at';

export async function passQcItems(svc: SupabaseClient, runId: string, except: string[] = []) {
  const items = must(
    await svc.from('qc_run_items').select('id, label, needs_photo').eq('run_id', runId),
  ) as Array<{ id: string; label: string; needs_photo: boolean }>;
  for (const item of items) {
    if (except.includes(item.label)) continue;
    must(
      await svc
        .from('qc_run_items')
        .update({ result: 'pass', checked_by: staffId('qc'), checked_at: new Date().toISOString() })
        .eq('id', item.id)
        .select('id'),
    );
  }
}

let reportNumber = 1_000_000_000 + Math.floor(Math.random() * 8_000_000_000);

export async function attachCertification(svc: SupabaseClient, orderId: string) {
  must(
    await svc
      .from('certificates')
      .insert({
        order_id: orderId,
        lab: 'GIA',
        report_number: String(reportNumber++),
        carat: 1.01,
        colour: 'F',
        clarity: 'VS1',
        cut_shape: 'Oval',
      })
      .select('id'),
  );
  for (const [kind, mime, bucket] of [
    ['qc_photo', 'image/jpeg', 'qc-photos'],
    ['unboxing_video', 'video/mp4', 'qc-videos'],
  ] as const) {
    must(
      await svc
        .from('attachments')
        .insert({
          order_id: orderId,
          kind,
          bucket,
          storage_path: `${orderId}/${kind}-${unique()}`,
          mime_type: mime,
          size_bytes: 1024,
          uploaded_by: staffId('qc'),
        })
        .select('id'),
    );
  }
}

export async function readOrder(svc: SupabaseClient, id: string): Promise<OrderRow> {
  return must(
    await svc.from('orders').select(orderColumns).eq('id', id).single(),
  ) as unknown as OrderRow;
}

export async function eventsOf(svc: SupabaseClient, orderId: string) {
  return must(
    await svc
      .from('order_events')
      .select('kind, from_stage, to_stage, note, actor_id, data')
      .eq('order_id', orderId)
      .order('id'),
  ) as Array<{
    kind: string;
    from_stage: Stage | null;
    to_stage: Stage | null;
    note: string | null;
    actor_id: string | null;
    data: Record<string, unknown>;
  }>;
}
