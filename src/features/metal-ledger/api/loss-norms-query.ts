// The loss norms grid: max loss % per metal and production step (managers edit it).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type LossNorm = Tables<'metal_loss_norms'>;

export async function fetchLossNorms(): Promise<LossNorm[]> {
  const { data, error } = await supabase
    .from('metal_loss_norms')
    .select('*')
    .order('metal')
    .order('step');
  if (error) throw toAppError(error);
  return data;
}
