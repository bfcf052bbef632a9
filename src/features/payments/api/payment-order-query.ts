// What the record-payment form shows about the order: its code, the quote to be paid, and when
// it was opened (the earliest day a payment can be dated).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export async function fetchPaymentOrder(orderId: string) {
  const { data, error } = await supabase
    .from('orders')
    .select(
      'id, code, version, stage, quote_amount, quote_currency, created_at, paid_at, payment_method',
    )
    .eq('id', orderId)
    .single();
  if (error) throw toAppError(error);
  return data;
}

export type PaymentOrder = Awaited<ReturnType<typeof fetchPaymentOrder>>;
