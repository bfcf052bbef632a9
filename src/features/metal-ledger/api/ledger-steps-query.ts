// One order's ledger per production step (public.metal_ledger_steps): issued, returned,
// recovered, loss, loss %, the norm and the flag, all as the database computed them.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { stepOrder } from '../lib/grams';

export type LedgerStep = Tables<'metal_ledger_steps'>;

export async function fetchOrderLedgerSteps(orderId: string): Promise<LedgerStep[]> {
  const { data, error } = await supabase
    .from('metal_ledger_steps')
    .select('*')
    .eq('order_id', orderId);
  if (error) throw toAppError(error);
  return [...data].sort(
    (a, b) => stepOrder.indexOf(a.step ?? 'casting') - stepOrder.indexOf(b.step ?? 'casting'),
  );
}
