// The four CAD acts are four database functions with the same shape (order, expected version,
// note) and the same answer (the new orders row); this runs one of them.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type CadActName =
  'send_cad_to_customer' | 'request_cad_tweak' | 'approve_cad' | 'record_major_change';

export type CadActVariables = { orderId: string; expectedVersion: number; note?: string };

export async function runCadAct(
  act: CadActName,
  { orderId, expectedVersion, note }: CadActVariables,
): Promise<Tables<'orders'>> {
  const { data, error } = await supabase.rpc(act, {
    p_order_id: orderId,
    p_expected_version: expectedVersion,
    p_note: note ?? '',
  });
  if (error) throw toAppError(error);
  return data as Tables<'orders'>;
}
