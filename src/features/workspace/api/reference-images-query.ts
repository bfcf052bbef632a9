// The intake request's reference images, each with a short-lived signed URL (the bucket is
// private: files are only ever served through signed URLs).
import { supabase } from '../../../lib/supabase';
import { toAppError } from '../../../lib/errors';

export type ReferenceImage = { id: string; fileName: string; url: string | null };

/** Long enough to look through a gallery, short enough that a leaked link soon dies. */
const SIGNED_URL_SECONDS = 60 * 60;

export async function fetchReferenceImages(intakeRequestId: string): Promise<ReferenceImage[]> {
  const { data, error } = await supabase
    .from('attachments')
    .select('id, bucket, storage_path, file_name')
    .eq('intake_request_id', intakeRequestId)
    .eq('kind', 'reference_image')
    .order('uploaded_at');
  if (error) throw toAppError(error);
  return Promise.all(
    data.map(async (a) => {
      const signed = await supabase.storage
        .from(a.bucket)
        .createSignedUrl(a.storage_path, SIGNED_URL_SECONDS);
      return {
        id: a.id,
        fileName: a.file_name ?? a.storage_path.split('/').pop() ?? 'image',
        // A missing file shows as such in the gallery rather than failing the whole section.
        url: signed.error ? null : signed.data.signedUrl,
      };
    }),
  );
}
