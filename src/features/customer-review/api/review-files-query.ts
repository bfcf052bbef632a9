// Short-lived signed URLs for the round's renders and files. Asked for only once the page
// answered "ok" (the token checked out); Storage signs a path only if the header's link is live
// and the file belongs to its round (a storage policy keyed to the token), the bucket stays private.
import { toAppError } from '../../../lib/errors';
import type { ReviewClient } from './review-client';
import type { ReviewFile } from './review-page';

/** Five minutes: enough to look and download; the query re-signs before they lapse. */
export const SIGNED_URL_SECONDS = 300;

export type SignedReviewFile = ReviewFile & { url: string | null };

export async function fetchReviewFiles(
  client: ReviewClient,
  files: ReviewFile[],
): Promise<SignedReviewFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const { data, error } = await client.storage
        .from(file.bucket)
        .createSignedUrl(file.path, SIGNED_URL_SECONDS);
      if (error) {
        // One missing file must not hide the others; the page says which one is unavailable.
        if (toAppError(error).code === 'network') throw toAppError(error);
        return { ...file, url: null };
      }
      return { ...file, url: data.signedUrl };
    }),
  );
}
