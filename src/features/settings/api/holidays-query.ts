// The days the workshop is closed (public.holidays), soonest first; business days skip them.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type Holiday = Tables<'holidays'>;

export async function fetchHolidays(): Promise<Holiday[]> {
  const { data, error } = await supabase.from('holidays').select('day, name').order('day');
  if (error) throw toAppError(error);
  return data;
}
