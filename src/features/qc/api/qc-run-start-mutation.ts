// Starting a QC run: the database numbers the attempt and copies the product's checklist
// (trigger on qc_runs; only in the QC stage, LP041).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { qcQueries } from './qc-queries';

export async function startQcRun(orderId: string) {
  const { error } = await supabase.from('qc_runs').insert({ order_id: orderId });
  if (error) throw toAppError(error);
}

export function useStartQcRunMutation(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => startQcRun(orderId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: qcQueries.order(orderId) }),
  });
}
