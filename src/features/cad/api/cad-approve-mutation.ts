// Recording the customer's approval of the design (public.approve_cad), which lets the workshop move the order to production.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { runCadAct, type CadActVariables } from './cad-act';
import { cadQueries } from './cad-queries';

export function useApproveCadMutation(onOrderChange: (row: Tables<'orders'>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CadActVariables) => runCadAct('approve_cad', variables),
    onSuccess: (row) => onOrderChange(row),
    onSettled: (_data, _error, variables) =>
      queryClient.invalidateQueries({ queryKey: cadQueries.rounds(variables.orderId).queryKey }),
  });
}
