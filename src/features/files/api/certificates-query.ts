// The lab certificates of an order, each with its report file.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import type { Tables } from '../../../types/database';
import { attachmentColumns, type AttachmentFile } from '../../../lib/file-upload';

export type Certificate = Pick<
  Tables<'certificates'>,
  'id' | 'lab' | 'report_number' | 'carat' | 'colour' | 'clarity' | 'cut_shape' | 'created_at'
> & { attachment: AttachmentFile | null };

export async function fetchCertificates(orderId: string): Promise<Certificate[]> {
  const { data, error } = await supabase
    .from('certificates')
    .select(
      `id, lab, report_number, carat, colour, clarity, cut_shape, created_at,
       attachment:attachments (${attachmentColumns})`,
    )
    .eq('order_id', orderId)
    .order('created_at', { ascending: true });
  if (error) throw toAppError(error);
  return data as unknown as Certificate[];
}
