// Signed URLs for reference images (the bucket is private): one request for every path asked,
// valid for an hour; the query is refreshed well before they expire.
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export const REFERENCE_BUCKET = 'intake-references';
export const SIGNED_URL_SECONDS = 60 * 60;

/** storage path → signed URL; a path the server could not sign is left out. */
export async function fetchReferenceImageUrls(paths: readonly string[]) {
  if (paths.length === 0) return {} as Record<string, string>;
  const { data, error } = await supabase.storage
    .from(REFERENCE_BUCKET)
    .createSignedUrls([...paths], SIGNED_URL_SECONDS);
  if (error) throw toAppError(error);
  const urls: Record<string, string> = {};
  for (const item of data) {
    if (item.path && item.signedUrl && !item.error) urls[item.path] = item.signedUrl;
  }
  return urls;
}
