// Route a request to self-serve or concierge-assisted design, with the reason.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Enums } from '../../../types/database';
import { useTriageMutation, type TriageTarget } from './triage-mutation';

export type PathVariables = TriageTarget & { path: Enums<'intake_path'>; reason: string };

export async function setIntakePath({ id, version, path, reason }: PathVariables) {
  const { data, error } = await supabase.rpc('set_intake_path', {
    p_intake_request_id: id,
    p_expected_version: version,
    p_path: path,
    p_reason: reason,
  });
  if (error) throw toAppError(error);
  return data;
}

export function useSetIntakePathMutation() {
  return useTriageMutation({
    mutationFn: setIntakePath,
    optimistic: ({ path, reason }) => ({ path, path_reason: reason.trim() }),
  });
}
