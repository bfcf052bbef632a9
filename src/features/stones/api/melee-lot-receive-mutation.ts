// Receiving a melee lot (insert into public.melee_lots): the database starts it full (what is
// left = what came in) and stamps who received it; a lot code already used is refused (23505).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { TablesInsert } from '../../../types/database';
import { refreshStones } from './stone-cache';

export type ReceiveLotVariables = Pick<
  TablesInsert<'melee_lots'>,
  'lot_code' | 'shape' | 'size_mm' | 'colour' | 'clarity' | 'count_received' | 'carat_received'
>;

export async function receiveMeleeLot(lot: ReceiveLotVariables) {
  // count_left and carat_left are NOT NULL without a column default, so the generated Insert
  // type asks for them; the database's insert trigger sets them (a lot starts full) and clients
  // have no insert grant on them, so they are left out on purpose.
  const row = lot as TablesInsert<'melee_lots'>;
  const { data, error } = await supabase.from('melee_lots').insert(row).select('id').single();
  if (error) throw toAppError(error);
  return data;
}

/** The form shows the refusal beside its fields. */
export function useReceiveMeleeLotMutation(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: receiveMeleeLot,
    meta: { errorShownInline: true },
    onSuccess: () => options.onSuccess?.(),
    onSettled: () => refreshStones(queryClient),
  });
}
