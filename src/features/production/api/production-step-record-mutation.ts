// Ticking or unticking a production step (public.record_production_step). Optimistic: the box
// is ticked at once and unticked again if the database refuses (wrong role, order not in
// production), with its sentence; the database stamps who and when.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { productionQueries } from './production-queries';
import type { ProductionStep } from './production-steps-query';

export type RecordStepVariables = { orderId: string; stepId: string; done: boolean };

export async function recordProductionStep({ stepId, done }: RecordStepVariables) {
  const { data, error } = await supabase.rpc('record_production_step', {
    p_step_id: stepId,
    p_done: done,
  });
  if (error) throw toAppError(error);
  return data as Tables<'production_steps'>;
}

export const recordStepMutationKey = (orderId: string) =>
  [...productionQueries.all(), 'record-step', orderId] as const;

/**
 * Refetch the steps unless a tick is still on its way: a refetch answered before that tick
 * commits would briefly untick the box the person just ticked (TkDodo's "concurrent optimistic
 * updates"). The last tick to settle refetches.
 */
export function refreshProductionSteps(queryClient: QueryClient, orderId: string) {
  if (queryClient.isMutating({ mutationKey: recordStepMutationKey(orderId) }) > 0) return;
  void queryClient.invalidateQueries({ queryKey: productionQueries.steps(orderId).queryKey });
}

export function useRecordProductionStepMutation(orderId: string, onRecorded?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: recordStepMutationKey(orderId),
    mutationFn: recordProductionStep,
    onMutate: async ({ orderId, stepId, done }) => {
      const key = productionQueries.steps(orderId).queryKey;
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ProductionStep[]>(key);
      queryClient.setQueryData<ProductionStep[]>(key, (steps) =>
        steps?.map((s) =>
          s.id === stepId
            ? { ...s, done_at: done ? (s.done_at ?? new Date().toISOString()) : null }
            : s,
        ),
      );
      return { previous };
    },
    onError: (error, { orderId }, context) => {
      queryClient.setQueryData(productionQueries.steps(orderId).queryKey, context?.previous);
      notifications.show({
        color: 'red',
        title: 'Step not recorded',
        message: toAppError(error).message,
      });
    },
    onSuccess: () => onRecorded?.(),
    onSettled: () => {
      // isMutating still counts this mutation while onSettled runs.
      if (queryClient.isMutating({ mutationKey: recordStepMutationKey(orderId) }) > 1) return;
      void queryClient.invalidateQueries({ queryKey: productionQueries.steps(orderId).queryKey });
    },
  });
}
