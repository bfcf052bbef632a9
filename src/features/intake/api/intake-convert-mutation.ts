// Turn a confirmed request into an order with its quote, waiting for payment (one database
// transaction). Not optimistic: the order code comes from the database, and the stylist waits a
// moment for it rather than seeing a card that might not exist.
import { useMutation, useQueryClient } from '@tanstack/react-query';
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

export function useConvertIntakeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertIntake,
    onSuccess: (_order, { id }) => {
      queryClient.setQueryData(intakeQueries.queue().queryKey, (rows) =>
        rows?.filter((row) => row.id !== id),
      );
    },
    // The request left the queue and an order joined those awaiting payment.
    onSettled: () => queryClient.invalidateQueries({ queryKey: intakeQueries.all() }),
  });
}
