// Logging the customer's tweak request (public.request_cad_tweak). The cap of two rounds is the database's (LP030); the form shows its sentence.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Tables } from '../../../types/database';
import { runCadAct, type CadActVariables } from './cad-act';
import { cadQueries } from './cad-queries';

export function useRequestCadTweakMutation(onOrderChange: (row: Tables<'orders'>) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CadActVariables) => runCadAct('request_cad_tweak', variables),
    // The dialog shows the refusal beside the note, so nothing typed is lost.
    meta: { errorShownInline: true },
    onSuccess: (row) => onOrderChange(row),
    onSettled: (_data, _error, variables) =>
      queryClient.invalidateQueries({ queryKey: cadQueries.rounds(variables.orderId).queryKey }),
  });
}
