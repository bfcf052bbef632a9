// Certificate against stone for one order (public.stone_certificate_checks): each allocated
// certified stone with the certificate attached, and match / mismatch / missing / unallocated as
// the database decides it.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';

export type StoneCertificateCheck = Tables<'stone_certificate_checks'>;

export async function fetchStoneCertificateChecks(
  orderId: string,
): Promise<StoneCertificateCheck[]> {
  const { data, error } = await supabase
    .from('stone_certificate_checks')
    .select('*')
    .eq('order_id', orderId)
    .order('stone_report_number');
  if (error) throw toAppError(error);
  return data;
}
