// Logging what came back from a step (public.record_metal_return): the piece's weight and the
// scrap/sprue recovered. Refused above what was issued plus the step's tolerance.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { ProductionStepKind } from '../lib/grams';
import { applyStepDelta, refreshAfterEntry, rollbackSteps } from './ledger-cache';

export type ReturnVariables = {
  orderId: string;
  step: ProductionStepKind;
  returnedGrams: number;
  recoveredGrams: number;
};

export async function recordMetalReturn({
  orderId,
  step,
  returnedGrams,
  recoveredGrams,
}: ReturnVariables) {
  const { data, error } = await supabase.rpc('record_metal_return', {
    p_order_id: orderId,
    p_step: step,
    p_returned_grams: returnedGrams,
    p_recovered_grams: recoveredGrams,
  });
  if (error) throw toAppError(error);
  return data;
}

/** The caller shows the refusal (inline, beside the scale reading). */
export function useRecordMetalReturn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordMetalReturn,
    meta: { errorShownInline: true },
    onMutate: ({ orderId, step, returnedGrams, recoveredGrams }) =>
      applyStepDelta(queryClient, orderId, step, {
        returned: returnedGrams,
        recovered: recoveredGrams,
      }),
    onError: (_e, { orderId }, context) => rollbackSteps(queryClient, orderId, context?.previous),
    onSettled: (_d, _e, { orderId }) => refreshAfterEntry(queryClient, orderId),
  });
}
