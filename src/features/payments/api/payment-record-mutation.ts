// Record full payment: public.record_payment checks the role, the version, the stage and the
// quote, logs the payment and moves the order on to CAD by move_order's rules — or keeps it,
// paid, in awaiting payment when CAD is at its WIP limit.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import type { PaymentMethod } from '../lib/payment-methods';
import { paymentQueries } from './payment-queries';

export type RecordPaymentVariables = {
  orderId: string;
  version: number;
  method: PaymentMethod;
  paidAt: string;
};

export async function recordPayment({ orderId, version, method, paidAt }: RecordPaymentVariables) {
  const { data, error } = await supabase.rpc('record_payment', {
    p_order_id: orderId,
    p_expected_version: version,
    p_method: method,
    p_paid_at: paidAt,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useRecordPaymentMutation(onRecorded?: (order: Tables<'orders'>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordPayment,
    // The modal shows a refusal beside the form, where the stylist is looking.
    meta: { errorShownInline: true },
    onSuccess: (order) => {
      queryClient.setQueryData(paymentQueries.order(order.id).queryKey, (old) =>
        old ? { ...old, ...order } : old,
      );
      onRecorded?.(order);
    },
    onSettled: (_order, _error, { orderId }) =>
      queryClient.invalidateQueries({ queryKey: paymentQueries.order(orderId).queryKey }),
  });
}
