// An order looked up by its code (what is printed on the job ticket), for allocating a stone
// from the inventory page: id and code only, nothing about the customer.
import { supabase } from '../../../lib/supabase';
import { AppError, toAppError } from '../../../lib/errors';

export type OrderRef = { id: string; code: string };

export async function fetchOrderByCode(code: string): Promise<OrderRef> {
  const wanted = code.trim().toUpperCase();
  const { data, error } = await supabase
    .from('orders')
    .select('id, code')
    .eq('code', wanted)
    .maybeSingle();
  if (error) throw toAppError(error);
  if (!data) throw new AppError('PT404', `There is no order ${wanted}.`);
  return data;
}
