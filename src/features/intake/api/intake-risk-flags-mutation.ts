// Set a request's risk flags; the database keeps the ones its data implies.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Enums } from '../../../types/database';
import { useTriageMutation, type TriageTarget } from './triage-mutation';

export type RiskFlagsVariables = TriageTarget & { flags: Enums<'intake_risk'>[] };

export async function setIntakeRiskFlags({ id, version, flags }: RiskFlagsVariables) {
  const { data, error } = await supabase.rpc('set_intake_risk_flags', {
    p_intake_request_id: id,
    p_expected_version: version,
    p_flags: flags,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useSetIntakeRiskFlagsMutation() {
  return useTriageMutation({
    mutationFn: setIntakeRiskFlags,
    optimistic: ({ flags }) => ({ risk_flags: flags }),
  });
}
