// One order as the bench card shows it, found by the scanned code: what is being made, its
// stage and production steps, and its SLA clock from public.order_board (which lists active
// orders only; a delivered or cancelled order still shows, without a clock). No customer
// columns: the card is read at a bench, often by someone who never meets the customer.
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import type { BenchStep } from '../lib/bench-actions';

export type BenchOrder = Pick<
  Tables<'orders'>,
  | 'id'
  | 'code'
  | 'stage'
  | 'cad_state'
  | 'version'
  | 'product'
  | 'product_name'
  | 'metal'
  | 'has_stones'
> & {
  clock: Pick<
    Tables<'order_board'>,
    'time_in_stage' | 'sla_unit' | 'sla_status' | 'is_late' | 'promised_date'
  > | null;
  steps: BenchStep[];
};

export async function fetchBenchOrder(code: string): Promise<BenchOrder> {
  const [order, clock] = await Promise.all([
    supabase
      .from('orders')
      .select('id, code, stage, cad_state, version, product, product_name, metal, has_stones')
      .eq('code', code)
      .maybeSingle(),
    supabase
      .from('order_board')
      .select('time_in_stage, sla_unit, sla_status, is_late, promised_date')
      .eq('code', code)
      .maybeSingle(),
  ]);
  if (order.error) throw toAppError(order.error);
  if (clock.error) throw toAppError(clock.error);
  if (!order.data) {
    throw new AppError('PT404', `There is no order ${code}, or you cannot see it.`, 404);
  }
  const [steps, settings] = await Promise.all([
    supabase
      .from('production_steps')
      .select('id, step, applicable, done_at')
      .eq('order_id', order.data.id),
    // Which steps the manager set to need their metal weights before they are done.
    supabase.from('production_step_settings').select('step, needs_weights'),
  ]);
  if (steps.error) throw toAppError(steps.error);
  if (settings.error) throw toAppError(settings.error);
  return {
    ...order.data,
    clock: clock.data,
    steps: steps.data.map((s) => ({
      ...s,
      needs_weights: settings.data.some((x) => x.step === s.step && x.needs_weights),
    })),
  };
}
