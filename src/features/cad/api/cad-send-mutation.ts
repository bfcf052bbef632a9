// Sending the CAD design to the customer (public.send_cad_to_customer); the first send records round 0.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { runCadAct, type CadActVariables } from './cad-act';
import { cadQueries } from './cad-queries';

export function useSendCadMutation(onOrderChange: (row: Tables<'orders'>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CadActVariables) => runCadAct('send_cad_to_customer', variables),
    onSuccess: (row) => onOrderChange(row),
    onSettled: (_data, _error, variables) =>
      queryClient.invalidateQueries({ queryKey: cadQueries.rounds(variables.orderId).queryKey }),
  });
}
