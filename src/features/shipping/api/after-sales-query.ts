// After-sales for one order: its service requests (resizes and care) and when it was delivered
// (the stage change the database prices free resizes from).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type ServiceRequest = Tables<'service_requests'>;
export type AfterSales = { requests: ServiceRequest[]; deliveredAt: string | null };

export async function fetchAfterSales(orderId: string): Promise<AfterSales> {
  const [requests, delivered] = await Promise.all([
    supabase
      .from('service_requests')
      .select('*')
      .eq('order_id', orderId)
      .order('requested_at', { ascending: false }),
    supabase
      .from('order_events')
      .select('at')
      .eq('order_id', orderId)
      .eq('kind', 'stage_changed')
      .eq('to_stage', 'delivered')
      .order('at', { ascending: false })
      .limit(1)
      .maybeSingle(),
  ]);
  if (requests.error) throw toAppError(requests.error);
  if (delivered.error) throw toAppError(delivered.error);
  return { requests: requests.data, deliveredAt: delivered.data?.at ?? null };
}
