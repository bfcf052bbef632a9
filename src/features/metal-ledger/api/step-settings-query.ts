// Per production step: must metal be weighed out and back before it is done, and the return
// tolerance.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { stepOrder } from '../lib/grams';

export type StepSetting = Tables<'production_step_settings'>;

export async function fetchStepSettings(): Promise<StepSetting[]> {
  const { data, error } = await supabase.from('production_step_settings').select('*');
  if (error) throw toAppError(error);
  return [...data].sort((a, b) => stepOrder.indexOf(a.step) - stepOrder.indexOf(b.step));
}
