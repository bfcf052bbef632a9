// Allocating part of a melee lot to an order (public.allocate_melee): the lot's count and carats
// left go down in the same transaction, and never below zero (LP113).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { refreshStones, showRefusal } from './stone-cache';

export type AllocateMeleeVariables = {
  orderId: string;
  lotId: string;
  count: number;
  /** Omitted: the lot's average weight per stone times the count. */
  carat?: number | null;
};

export async function allocateMelee({ orderId, lotId, count, carat }: AllocateMeleeVariables) {
  const { data, error } = await supabase.rpc('allocate_melee', {
    p_order_id: orderId,
    p_lot_id: lotId,
    p_count: count,
    ...(carat ? { p_carat: carat } : {}),
  });
  if (error) throw toAppError(error);
  return data;
}

/** Not optimistic: what is left of the lot is the database's arithmetic, shown once it answers. */
export function useAllocateMeleeMutation(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: allocateMelee,
    onError: showRefusal,
    onSuccess: () => options.onSuccess?.(),
    onSettled: (_d, _e, { orderId }) => refreshStones(queryClient, orderId),
  });
}
