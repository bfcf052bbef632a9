// An order's shipments: carrier, tracking number, shipped and delivered times.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type Shipment = Tables<'shipments'>;

export async function fetchShipments(orderId: string): Promise<Shipment[]> {
  const { data, error } = await supabase
    .from('shipments')
    .select('*')
    .eq('order_id', orderId)
    .order('created_at');
  if (error) throw toAppError(error);
  return data;
}
