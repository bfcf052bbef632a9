// An order's production steps with who did each and when.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { sortSteps } from '../lib/steps';

export type ProductionStep = Tables<'production_steps'> & { doer: { display_name: string } | null };

export async function fetchProductionSteps(orderId: string): Promise<ProductionStep[]> {
  const { data, error } = await supabase
    .from('production_steps')
    .select('*, doer:staff(display_name)')
    .eq('order_id', orderId);
  if (error) throw toAppError(error);
  return sortSteps(
    data.map((s) => ({ ...s, doer: Array.isArray(s.doer) ? (s.doer[0] ?? null) : s.doer })),
  );
}
