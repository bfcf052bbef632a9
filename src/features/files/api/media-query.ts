// The QC evidence of an order: photos and unboxing videos, oldest first.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { attachmentColumns, type AttachmentFile } from '../../../lib/file-upload';

export async function fetchMedia(orderId: string): Promise<AttachmentFile[]> {
  const { data, error } = await supabase
    .from('attachments')
    .select(attachmentColumns)
    .eq('order_id', orderId)
    .in('kind', ['qc_photo', 'unboxing_video'])
    .order('uploaded_at', { ascending: true });
  if (error) throw toAppError(error);
  return data;
}
