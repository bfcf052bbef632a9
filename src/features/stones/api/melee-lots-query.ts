// Melee lots with what is left of each (public.melee_lots), searched by code, shape or colour.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { searchPattern } from '../lib/stone-filters';

export type MeleeLot = Tables<'melee_lots'>;

export async function fetchMeleeLots(q = ''): Promise<MeleeLot[]> {
  let query = supabase.from('melee_lots').select('*').order('lot_code');
  const pattern = searchPattern(q);
  if (pattern) {
    query = query.or(
      ['lot_code', 'shape', 'colour', 'clarity'].map((c) => `${c}.ilike.${pattern}`).join(','),
    );
  }
  const { data, error } = await query;
  if (error) throw toAppError(error);
  return data;
}
