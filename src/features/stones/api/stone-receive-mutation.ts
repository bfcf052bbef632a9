// Receiving a certified stone into the inventory (insert into public.stones). The database
// normalises and checks the report number against the lab's format (LP050) and refuses a
// report already in the inventory (23505).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { TablesInsert } from '../../../types/database';
import { refreshStones } from './stone-cache';

export type ReceiveStoneVariables = Pick<
  TablesInsert<'stones'>,
  'lab' | 'report_number' | 'carat' | 'colour' | 'clarity' | 'shape' | 'note'
>;

export async function receiveStone(stone: ReceiveStoneVariables) {
  const { data, error } = await supabase.from('stones').insert(stone).select('id').single();
  if (error) throw toAppError(error);
  return data;
}

/** The form shows the refusal beside its fields. */
export function useReceiveStoneMutation(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: receiveStone,
    meta: { errorShownInline: true },
    onSuccess: () => options.onSuccess?.(),
    onSettled: () => refreshStones(queryClient),
  });
}
