// Logging metal issued to the bench for one step (public.record_metal_issue). The database
// stamps who and when and refuses a weight that is not positive or finer than 0.01 g.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { ProductionStepKind } from '../lib/grams';
import { applyStepDelta, refreshAfterEntry, rollbackSteps } from './ledger-cache';

export type IssueVariables = { orderId: string; step: ProductionStepKind; grams: number };

export async function recordMetalIssue({ orderId, step, grams }: IssueVariables) {
  const { data, error } = await supabase.rpc('record_metal_issue', {
    p_order_id: orderId,
    p_step: step,
    p_grams: grams,
  });
  if (error) throw toAppError(error);
  return data;
}

/** The caller shows the refusal (inline, beside the scale reading). */
export function useRecordMetalIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordMetalIssue,
    meta: { errorShownInline: true },
    onMutate: ({ orderId, step, grams }) =>
      applyStepDelta(queryClient, orderId, step, { issued: grams }),
    onError: (_e, { orderId }, context) => rollbackSteps(queryClient, orderId, context?.previous),
    onSettled: (_d, _e, { orderId }) => refreshAfterEntry(queryClient, orderId),
  });
}
