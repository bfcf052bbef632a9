// Confirm a request's specs: the database stamps confirmed-at, which stops the 2 hour clock.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { useTriageMutation, type TriageTarget } from './triage-mutation';

export async function confirmIntake({ id, version }: TriageTarget) {
  const { data, error } = await supabase.rpc('confirm_intake', {
    p_intake_request_id: id,
    p_expected_version: version,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useConfirmIntakeMutation() {
  return useTriageMutation({
    mutationFn: confirmIntake,
    // The time shown until the database's own arrives a moment later.
    optimistic: () => ({ status: 'confirmed', confirmed_at: new Date().toISOString() }),
  });
}
