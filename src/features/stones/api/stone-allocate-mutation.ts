// Allocating a certified stone to an order (public.allocate_stone). The database refuses a stone
// already on another order — also when two benches ask at the same instant (LP112).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { patchInventory, refreshStones, restore, showRefusal } from './stone-cache';

export type AllocateStoneVariables = { orderId: string; orderCode: string; stoneId: string };

export async function allocateStone({ orderId, stoneId }: AllocateStoneVariables) {
  const { data, error } = await supabase.rpc('allocate_stone', {
    p_order_id: orderId,
    p_stone_id: stoneId,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useAllocateStoneMutation(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: allocateStone,
    onMutate: async ({ stoneId, orderId, orderCode }) => ({
      previous: await patchInventory(queryClient, stoneId, {
        state: 'allocated',
        order_id: orderId,
        order_code: orderCode,
      }),
    }),
    onError: (error, _v, context) => {
      restore(queryClient, context?.previous);
      showRefusal(error);
    },
    onSuccess: () => options.onSuccess?.(),
    onSettled: (_d, _e, { orderId }) => refreshStones(queryClient, orderId),
  });
}
