// Every ledger entry of one order, oldest first, with who weighed it: the audit trail the
// workspace panel lists (corrections appear beside the entry they replace).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type MetalEntry = Tables<'metal_entries'> & { person: { display_name: string } | null };

export async function fetchOrderEntries(orderId: string): Promise<MetalEntry[]> {
  const { data, error } = await supabase
    .from('metal_entries')
    .select('*, person:staff!metal_entries_recorded_by_fkey(display_name)')
    .eq('order_id', orderId)
    .order('entry_no');
  if (error) throw toAppError(error);
  return data.map((e) => ({
    ...e,
    person: Array.isArray(e.person) ? (e.person[0] ?? null) : e.person,
  })) as MetalEntry[];
}
