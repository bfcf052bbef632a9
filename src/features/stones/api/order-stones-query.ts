// The stones on one order now (public.order_stone_allocations; released ones left out).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type OrderStone = Tables<'order_stone_allocations'>;

export async function fetchOrderStones(orderId: string): Promise<OrderStone[]> {
  const { data, error } = await supabase
    .from('order_stone_allocations')
    .select('*')
    .eq('order_id', orderId)
    .order('kind')
    .order('allocated_at');
  if (error) throw toAppError(error);
  return data;
}
