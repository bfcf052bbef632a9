// Decline a request, with the reason; it leaves the queue.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { useTriageMutation, type TriageTarget } from './triage-mutation';

export type DeclineVariables = TriageTarget & { reason: string };

export async function declineIntake({ id, version, reason }: DeclineVariables) {
  const { data, error } = await supabase.rpc('decline_intake', {
    p_intake_request_id: id,
    p_expected_version: version,
    p_reason: reason,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useDeclineIntakeMutation() {
  return useTriageMutation({
    mutationFn: declineIntake,
    optimistic: () => ({ status: 'declined' }),
  });
}
