// A manager sets one cell of the loss norms grid. Optimistic: the cell shows the new value at
// once and goes back (with the database's sentence) if it is refused; every ledger view re-reads,
// since the norm decides which steps are flagged.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { metalLedgerQueries } from './metal-ledger-queries';
import type { LossNorm } from './loss-norms-query';

export type NormUpdate = { id: string; maxLossPct: number };

export async function updateLossNorm({ id, maxLossPct }: NormUpdate) {
  const { data, error } = await supabase
    .from('metal_loss_norms')
    .update({ max_loss_pct: maxLossPct, updated_at: new Date().toISOString() })
    .eq('id', id)
    .select('*')
    .single();
  if (error) throw toAppError(error);
  return data;
}

export function useUpdateLossNorm() {
  const queryClient = useQueryClient();
  const key = metalLedgerQueries.norms().queryKey;
  return useMutation({
    mutationFn: updateLossNorm,
    onMutate: async ({ id, maxLossPct }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<LossNorm[]>(key);
      queryClient.setQueryData<LossNorm[]>(key, (rows) =>
        rows?.map((r) => (r.id === id ? { ...r, max_loss_pct: maxLossPct } : r)),
      );
      return { previous };
    },
    onError: (error, _v, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      notifications.show({
        color: 'red',
        title: 'Norm not saved',
        message: toAppError(error).message,
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: metalLedgerQueries.all() }),
  });
}
