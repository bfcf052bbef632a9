// The steps with metal out now, one row per order and step, longest out first: what the
// day's-end count walks the benches with.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { LedgerStep } from './ledger-steps-query';

export async function fetchOpenSteps(): Promise<LedgerStep[]> {
  const { data, error } = await supabase
    .from('metal_ledger_steps')
    .select('*')
    .eq('status', 'open')
    .order('last_entry_at', { ascending: true })
    .limit(500);
  if (error) throw toAppError(error);
  return data;
}
