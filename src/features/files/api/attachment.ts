// The attachment columns every files view reads (a file's place in storage and what it is).
import type { Tables } from '../../../types/database';

export type AttachmentFile = Pick<
  Tables<'attachments'>,
  | 'id'
  | 'kind'
  | 'bucket'
  | 'storage_path'
  | 'file_name'
  | 'mime_type'
  | 'size_bytes'
  | 'uploaded_at'
>;

export const attachmentColumns =
  'id, kind, bucket, storage_path, file_name, mime_type, size_bytes, uploaded_at' as const;
