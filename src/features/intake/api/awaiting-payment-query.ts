// Orders whose quote is out and whose payment the stylist records next: stage awaiting
// payment, longest waiting first.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export async function fetchAwaitingPayment() {
  const { data, error } = await supabase
    .from('orders')
    .select(
      'id, code, version, stage, product_name, quote_amount, quote_currency, paid_at, stage_entered_at, customer:customers(display_name)',
    )
    .eq('stage', 'awaiting_payment')
    .order('stage_entered_at', { ascending: true })
    .limit(200);
  if (error) throw toAppError(error);
  return data;
}

export type AwaitingPaymentOrder = Awaited<ReturnType<typeof fetchAwaitingPayment>>[number];
