// Each stage's SLA target and WIP limit (public.stage_settings), in lifecycle order.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type StageTarget = Pick<
  Tables<'stage_settings'>,
  'stage' | 'sla_amber_after' | 'sla_red_after' | 'sla_unit' | 'wip_limit' | 'updated_at'
>;

export async function fetchStageTargets(): Promise<StageTarget[]> {
  const { data, error } = await supabase
    .from('stage_settings')
    .select('stage, sla_amber_after, sla_red_after, sla_unit, wip_limit, updated_at')
    // The enum's order is the lifecycle's.
    .order('stage');
  if (error) throw toAppError(error);
  return data;
}
