// Certified stones with where each stands (public.stone_inventory), searched and filtered as the
// URL says. Search spans the report number, the order holding it, shape, colour and clarity.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { searchPattern, type StoneFilters } from '../lib/stone-filters';

export type InventoryStone = Tables<'stone_inventory'>;

export async function fetchStoneInventory(
  filters: Pick<StoneFilters, 'q' | 'state' | 'lab'>,
): Promise<InventoryStone[]> {
  let query = supabase
    .from('stone_inventory')
    .select('*')
    .order('state')
    .order('received_at', { ascending: false })
    .limit(500);
  if (filters.state) query = query.eq('state', filters.state);
  if (filters.lab) query = query.eq('lab', filters.lab);
  const pattern = searchPattern(filters.q);
  if (pattern) {
    query = query.or(
      ['report_number', 'order_code', 'shape', 'colour', 'clarity']
        .map((c) => `${c}.ilike.${pattern}`)
        .join(','),
    );
  }
  const { data, error } = await query;
  if (error) throw toAppError(error);
  return data;
}
