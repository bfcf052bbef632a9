// A private file's short-lived link (buckets are private; files are only served signed).
import { signedFileUrl } from '../../../lib/file-upload';

/** Links live an hour; the cache keeps them 50 minutes so a shown link never expired. */
export const SIGNED_URL_SECONDS = 3600;

export function fetchSignedUrl(bucket: string, path: string): Promise<string> {
  return signedFileUrl(bucket, path, SIGNED_URL_SECONDS);
}
