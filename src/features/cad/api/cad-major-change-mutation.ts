// Recording a major change (public.record_major_change)
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { runCadAct, type CadActVariables } from './cad-act';
import { cadQueries } from './cad-queries';

export function useRecordMajorChangeMutation(onOrderChange: (row: Tables<'orders'>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CadActVariables) => runCadAct('record_major_change', variables),
    onSuccess: (row) => onOrderChange(row),
    onSettled: (_data, _error, variables) =>
      queryClient.invalidateQueries({ queryKey: cadQueries.rounds(variables.orderId).queryKey }),
  });
}
