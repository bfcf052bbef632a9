// "Send to QC" / "Start production" from the bench: public.move_order, the same function and
// refusals as the board (a step not done, a WIP limit, the wrong role), with the version the
// card was read at, so a move made meanwhile by someone else is refused rather than repeated.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { stageLabels, type OrderStage } from '../../../lib/order-vocabulary';
import type { BenchOrder } from './bench-order-query';
import { scanQueries } from './scan-queries';

export type BenchMoveVariables = {
  order: Pick<BenchOrder, 'id' | 'code' | 'version' | 'stage'>;
  toStage: OrderStage;
};

export async function moveFromBench({ order, toStage }: BenchMoveVariables) {
  const { data, error } = await supabase.rpc('move_order', {
    p_order_id: order.id,
    p_to_stage: toStage,
    p_expected_version: order.version,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useBenchMoveMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveFromBench,
    onMutate: async ({ order, toStage }) => {
      const key = scanQueries.benchOrder(order.code).queryKey;
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<BenchOrder>(key);
      queryClient.setQueryData<BenchOrder>(key, (o) => o && { ...o, stage: toStage });
      return { previous };
    },
    onError: (error, { order }, context) => {
      queryClient.setQueryData(scanQueries.benchOrder(order.code).queryKey, context?.previous);
      const appError = toAppError(error);
      notifications.show({
        color: appError.code === 'PT409' ? 'yellow' : 'red',
        title: `${order.code} stays in ${stageLabels[order.stage]}`,
        message:
          appError.code === 'PT409'
            ? `Someone else changed ${order.code} just before you. The card now shows where it is.`
            : appError.message,
      });
    },
    onSuccess: (_row, { order, toStage }) => {
      notifications.show({
        color: 'teal',
        title: order.code,
        message: `Moved to ${stageLabels[toStage]}.`,
      });
    },
    onSettled: (_data, _error, { order }) =>
      queryClient.invalidateQueries({ queryKey: scanQueries.benchOrder(order.code).queryKey }),
  });
}
