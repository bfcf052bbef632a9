// Releasing an allocation back to the inventory (public.release_stone_allocation). A set stone
// is released only by a manager (LP115); melee goes back into its lot.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { dropOrderStone, refreshStones, restore, showRefusal } from './stone-cache';

export type ReleaseVariables = { allocationId: string; orderId: string; reason?: string };

export async function releaseStoneAllocation({ allocationId, reason }: ReleaseVariables) {
  const { data, error } = await supabase.rpc('release_stone_allocation', {
    p_allocation_id: allocationId,
    ...(reason ? { p_reason: reason } : {}),
  });
  if (error) throw toAppError(error);
  return data;
}

export function useReleaseStoneMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseStoneAllocation,
    onMutate: async ({ orderId, allocationId }) => ({
      previous: await dropOrderStone(queryClient, orderId, allocationId),
    }),
    onError: (error, _v, context) => {
      restore(queryClient, context?.previous);
      showRefusal(error);
    },
    onSettled: (_d, _e, { orderId }) => refreshStones(queryClient, orderId),
  });
}
