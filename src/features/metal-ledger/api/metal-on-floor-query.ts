// Day's end: metal issued and not yet returned, per alloy and person (public.metal_on_floor).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type FloorHolding = Tables<'metal_on_floor'>;

export async function fetchMetalOnFloor(): Promise<FloorHolding[]> {
  const { data, error } = await supabase.from('metal_on_floor').select('*');
  if (error) throw toAppError(error);
  return data;
}
