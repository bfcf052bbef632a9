// Steps whose loss is above the norm for their metal, most recently closed first.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { LedgerStep } from './ledger-steps-query';

export async function fetchFlaggedSteps(limit = 100): Promise<LedgerStep[]> {
  const { data, error } = await supabase
    .from('metal_ledger_steps')
    .select('*')
    .eq('flagged', true)
    .order('closed_at', { ascending: false })
    .limit(limit);
  if (error) throw toAppError(error);
  return data;
}
