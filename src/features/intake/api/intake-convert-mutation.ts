// Turn a confirmed request into an order with its quote, waiting for payment (one database
// transaction). Not optimistic: the order code comes from the database, and the stylist waits a
// moment for it rather than seeing a card that might not exist.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { Tables } from '../../../types/database';
import { formatMoney } from '../lib/labels';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { intakeQueries } from './intake-queries';
import type { TriageTarget } from './triage-mutation';

export type ConvertVariables = TriageTarget & {
  amount: number;
  currency: string;
  productName: string | null;
};

export async function convertIntake({
  id,
  version,
  amount,
  currency,
  productName,
}: ConvertVariables) {
  const { data, error } = await supabase.rpc('convert_intake_with_quote', {
    p_intake_request_id: id,
    p_expected_version: version,
    p_quote_amount: amount,
    p_quote_currency: currency,
    ...(productName ? { p_product_name: productName } : {}),
  });
  if (error) throw toAppError(error);
  return data;
}

export function useConvertIntakeMutation(onConverted?: (order: Tables<'orders'>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertIntake,
    // Told here, not in the form: the request leaves the queue on success, and the form with
    // it, so a per-call callback would never run.
    onSuccess: (order, { id }) => {
      notifications.show({
        color: 'teal',
        title: `Order ${order.code} created`,
        message: `Quote of ${formatMoney(order.quote_amount, order.quote_currency)} sent; the order is awaiting payment.`,
      });
      onConverted?.(order);
      queryClient.setQueryData(intakeQueries.queue().queryKey, (rows) =>
        rows?.filter((row) => row.id !== id),
      );
    },
    // The request left the queue and an order joined those awaiting payment.
    onSettled: () => queryClient.invalidateQueries({ queryKey: intakeQueries.all() }),
  });
}
