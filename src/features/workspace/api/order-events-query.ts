// The order's history, newest first, with who did each act (the staff directory is readable by
// every member of staff).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type OrderEvent = Tables<'order_events'> & { actor: { display_name: string } | null };

/** Enough for any real order; the analytics read the full log elsewhere. */
const HISTORY_LIMIT = 200;

export async function fetchOrderEvents(orderId: string): Promise<OrderEvent[]> {
  const { data, error } = await supabase
    .from('order_events')
    .select('*, actor:staff(display_name)')
    .eq('order_id', orderId)
    .order('at', { ascending: false })
    .order('id', { ascending: false })
    .limit(HISTORY_LIMIT);
  if (error) throw toAppError(error);
  return data.map((e) => ({
    ...e,
    actor: Array.isArray(e.actor) ? (e.actor[0] ?? null) : e.actor,
  }));
}
