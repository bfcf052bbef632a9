// "Forming done" from the bench: public.record_production_step, the same function the order's
// production checklist uses. Optimistic (the card moves on to the next step at once); a refusal
// puts the card back and shows the database's sentence.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { benchStepLabels, type StepKind } from '../lib/bench-actions';
import type { BenchOrder } from './bench-order-query';
import { scanQueries } from './scan-queries';

export type BenchStepDoneVariables = { code: string; stepId: string; step: StepKind };

export async function recordBenchStepDone({ stepId }: BenchStepDoneVariables) {
  const { data, error } = await supabase.rpc('record_production_step', {
    p_step_id: stepId,
    p_done: true,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useBenchStepDoneMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordBenchStepDone,
    onMutate: async ({ code, stepId }) => {
      const key = scanQueries.benchOrder(code).queryKey;
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<BenchOrder>(key);
      queryClient.setQueryData<BenchOrder>(
        key,
        (order) =>
          order && {
            ...order,
            steps: order.steps.map((s) =>
              s.id === stepId ? { ...s, done_at: new Date().toISOString() } : s,
            ),
          },
      );
      return { previous };
    },
    onError: (error, { code, step }, context) => {
      queryClient.setQueryData(scanQueries.benchOrder(code).queryKey, context?.previous);
      notifications.show({
        color: 'red',
        title: `${benchStepLabels[step]} not recorded`,
        message: toAppError(error).message,
      });
    },
    onSuccess: (_data, { code, step }) => {
      notifications.show({
        color: 'teal',
        title: code,
        message: `${benchStepLabels[step]} recorded.`,
      });
    },
    onSettled: (_data, _error, { code }) =>
      queryClient.invalidateQueries({ queryKey: scanQueries.benchOrder(code).queryKey }),
  });
}
