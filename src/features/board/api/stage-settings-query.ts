// The stages' SLA targets and WIP limits (public.stage_settings), shown in the column headers.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type StageSetting = Pick<
  Tables<'stage_settings'>,
  'stage' | 'sla_amber_after' | 'sla_red_after' | 'sla_unit' | 'wip_limit'
>;

export async function fetchStageSettings(): Promise<StageSetting[]> {
  const { data, error } = await supabase
    .from('stage_settings')
    .select('stage, sla_amber_after, sla_red_after, sla_unit, wip_limit');
  if (error) throw toAppError(error);
  return data;
}
