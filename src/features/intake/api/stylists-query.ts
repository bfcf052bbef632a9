// Who a request can be assigned to: stylists and managers (the database refuses anyone else).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export async function fetchStylists() {
  const { data, error } = await supabase
    .from('staff')
    .select('id, display_name, role')
    .in('role', ['concierge', 'manager'])
    .order('display_name');
  if (error) throw toAppError(error);
  return data;
}

export type Stylist = Awaited<ReturnType<typeof fetchStylists>>[number];
