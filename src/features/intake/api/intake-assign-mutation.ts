// Assign a request to a stylist (me or a colleague); a new request goes into review.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { useTriageMutation, type TriageTarget } from './triage-mutation';

export type AssignVariables = TriageTarget & { stylistId: string | null };

export async function assignIntake({ id, version, stylistId }: AssignVariables) {
  const { data, error } = await supabase.rpc('assign_intake', {
    p_intake_request_id: id,
    p_expected_version: version,
    // The generated type has no null for arguments; the function takes null as "nobody".
    p_stylist_id: stylistId as string,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useAssignIntakeMutation() {
  return useTriageMutation({
    mutationFn: assignIntake,
    optimistic: ({ stylistId }) => ({ assigned_stylist_id: stylistId }),
  });
}
