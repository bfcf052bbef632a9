// Records a stored file as an attachment of the order; if the record is refused, the stored
// file is removed again so no orphan is left in the bucket.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';
import { removeStoredFile, type StoredFile } from '../../../lib/file-upload';
import type { Enums } from '../../../types/database';
import { attachmentColumns, type AttachmentFile } from './attachment';

export async function recordAttachment(
  orderId: string,
  kind: Enums<'attachment_kind'>,
  stored: StoredFile,
): Promise<AttachmentFile> {
  const { data, error } = await supabase
    .from('attachments')
    .insert({
      order_id: orderId,
      kind,
      bucket: stored.bucket,
      storage_path: stored.path,
      file_name: stored.fileName,
      mime_type: stored.contentType,
      size_bytes: stored.size,
    })
    .select(attachmentColumns)
    .single();
  if (error) {
    await removeStoredFile(stored).catch(() => undefined);
    throw toAppError(error);
  }
  return data;
}
