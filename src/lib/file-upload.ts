// Puts a checked file into a Storage bucket: small images in one request, videos and anything
// over 6 MB resumably over TUS (Supabase's advice: standard uploads are for files up to 6 MB).
import { supabase } from './supabase';
import { env } from '../config/env';
import { AppError, toAppError } from './errors';
import { claimedType, type BucketId } from './file-signature';
import type { Enums, Tables } from '../types/database';
import { RESUMABLE_CHUNK_BYTES, uploadResumable } from './resumable-upload';

export type StoredFile = {
  bucket: BucketId;
  path: string;
  fileName: string;
  contentType: string;
  size: number;
};

export type UploadRequest = {
  bucket: BucketId;
  /** The folder inside the bucket; its first segment must be the owning order's id. */
  folder: string;
  file: File;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
};

/** Videos always, other files above Supabase's 6 MB standard-upload advice. */
export function isResumable(file: { size: number }, contentType: string): boolean {
  return contentType.startsWith('video/') || file.size > RESUMABLE_CHUNK_BYTES;
}

/** A storage key from a person's file name: letters, digits, dot, dash and underscore only. */
export function safeObjectName(fileName: string): string {
  const cleaned = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: é → e
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/-\./g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  return (cleaned || 'file').slice(-100);
}

export async function uploadFile({
  bucket,
  folder,
  file,
  onProgress,
  signal,
}: UploadRequest): Promise<StoredFile> {
  const contentType = claimedType(file);
  const proposed = `${folder.replace(/\/+$/, '')}/${crypto.randomUUID()}-${safeObjectName(file.name)}`;
  let path = proposed;
  if (isResumable(file, contentType)) {
    const { data } = await supabase.auth.getSession();
    if (!data.session)
      throw new AppError('session_expired', 'Your session has expired. Sign in again.');
    ({ path } = await uploadResumable({
      supabaseUrl: env.supabaseUrl,
      accessToken: data.session.access_token,
      apiKey: env.supabaseAnonKey,
      bucket,
      path: proposed,
      file,
      contentType,
      onProgress,
      signal,
    }));
  } else {
    onProgress?.(0, file.size);
    const { error } = await supabase.storage
      .from(bucket)
      .upload(path, file, { contentType, upsert: false, cacheControl: '3600' });
    if (error) throw toAppError(error);
    // One request cannot be stopped halfway; a cancel during it takes the file away after.
    if (signal?.aborted) {
      await removeStoredFile({ bucket, path }).catch(() => undefined);
      throw new AppError('aborted', 'The upload was cancelled.');
    }
    onProgress?.(file.size, file.size);
  }
  return { bucket, path, fileName: file.name, contentType, size: file.size };
}

/** Removes a stored file whose record could not be written, so no orphan stays in the bucket. */
export async function removeStoredFile(stored: Pick<StoredFile, 'bucket' | 'path'>): Promise<void> {
  await supabase.storage.from(stored.bucket).remove([stored.path]);
}

/** A short-lived link to a private file (files are never public). */
export async function signedFileUrl(
  bucket: string,
  path: string,
  expiresIn = 3600,
): Promise<string> {
  const { data, error } = await supabase.storage.from(bucket).createSignedUrl(path, expiresIn);
  if (error) throw toAppError(error);
  return data.signedUrl;
}

/** The attachment columns every files view reads (a file's place in storage and what it is). */
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

/**
 * Records a stored file as an attachment of the order (the database checks kind, bucket, type,
 * size and who may file it); if the record is refused, the stored file is removed again so no
 * orphan is left in the bucket.
 */
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
