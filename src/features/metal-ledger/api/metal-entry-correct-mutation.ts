// Correcting a ledger entry (public.correct_metal_entry): a new entry that names the original
// and says why; the latest correction replaces the original in every total. Not optimistic:
// which totals move depends on the entry corrected, and the database answers in one round trip.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { refreshAfterEntry } from './ledger-cache';

export type CorrectVariables = {
  orderId: string;
  entryId: string;
  grams: number;
  recoveredGrams: number;
  reason: string;
};

export async function correctMetalEntry({
  entryId,
  grams,
  recoveredGrams,
  reason,
}: CorrectVariables) {
  const { data, error } = await supabase.rpc('correct_metal_entry', {
    p_entry_id: entryId,
    p_grams: grams,
    p_recovered_grams: recoveredGrams,
    p_reason: reason,
  });
  if (error) throw toAppError(error);
  return data;
}

/** The caller shows the refusal in the correction form. */
export function useCorrectMetalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: correctMetalEntry,
    meta: { errorShownInline: true },
    onSettled: (_d, _e, { orderId }) => refreshAfterEntry(queryClient, orderId),
  });
}
