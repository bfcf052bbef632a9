// Resumable uploads to Supabase Storage over TUS, set up as Supabase's docs recommend
// ("Resumable Uploads": endpoint /storage/v1/upload/resumable, the user's token, 6 MB chunks,
// retry delays). A dropped connection is retried from the offset the server reports (HEAD), and
// an upload cut short by a closed tab resumes from its fingerprint kept in localStorage.
import { Upload, type DetailedError } from 'tus-js-client';
import { AppError } from './errors';

/** Supabase Storage's TUS chunk size: it must be exactly 6 MB (the last chunk may be smaller). */
export const RESUMABLE_CHUNK_BYTES = 6 * 1024 * 1024;

/** Waits between retries after a failed request, in ms; one entry per retry. */
export const DEFAULT_RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];

export type ResumableUploadOptions = {
  /** The project URL, e.g. https://xyz.supabase.co (no trailing slash). */
  supabaseUrl: string;
  accessToken: string;
  apiKey: string;
  bucket: string;
  path: string;
  file: Blob;
  contentType: string;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
  retryDelays?: number[];
};

function statusSentence(status: number, body: string): string {
  if (status === 413) return 'The file is too large for this kind of upload.';
  if (status === 401 || status === 403) return "You don't have permission to do that.";
  if (status === 409) return 'A file with that name already exists, or is being uploaded.';
  if (status === 415 || /mime type/i.test(body)) return 'This kind of file is not accepted here.';
  return 'The upload did not finish. Try again, and tell a manager if it keeps happening.';
}

/** tus-js-client's error → the app's error: the HTTP status when the server answered. */
export function toUploadError(error: Error | DetailedError): AppError {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) {
    return new AppError(
      'network',
      'The connection dropped and the upload could not resume. Check your connection and try again; it continues where it stopped.',
      0,
      { cause: error },
    );
  }
  const status = response.getStatus();
  return new AppError(
    `storage_${status}`,
    statusSentence(status, response.getBody() ?? ''),
    status,
    {
      cause: error,
    },
  );
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * Uploads `file` to `bucket/path` over TUS; resolves with the path Storage has the whole file
 * at. When the same file was cut short on its way into the same folder (the tab closed, the
 * laptop slept), that upload continues instead, at its own path.
 */
export function uploadResumable(options: ResumableUploadOptions): Promise<{ path: string }> {
  const { file, signal } = options;
  let path = options.path;
  return new Promise<{ path: string }>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new AppError('aborted', 'The upload was cancelled.'));
      return;
    }
    const upload = new Upload(file, {
      endpoint: `${options.supabaseUrl}/storage/v1/upload/resumable`,
      retryDelays: options.retryDelays ?? DEFAULT_RETRY_DELAYS,
      headers: {
        authorization: `Bearer ${options.accessToken}`,
        apikey: options.apiKey,
        // Evidence is never overwritten in place (the bucket policies refuse it to non-managers).
        'x-upsert': 'false',
      },
      // The fingerprint lets a reopened page find this upload again; drop it once done.
      removeFingerprintOnSuccess: true,
      metadata: {
        bucketName: options.bucket,
        objectName: options.path,
        contentType: options.contentType,
        cacheControl: '3600',
      },
      chunkSize: RESUMABLE_CHUNK_BYTES,
      onProgress: (sent, total) => options.onProgress?.(sent, total),
      onError: (error) => reject(toUploadError(error)),
      onSuccess: () => resolve({ path }),
    });
    signal?.addEventListener(
      'abort',
      () => {
        void upload.abort();
        reject(new AppError('aborted', 'The upload was cancelled.'));
      },
      { once: true },
    );
    // Same file to the same place as an upload that was cut short: carry on from its offset.
    void upload
      .findPreviousUploads()
      .then((previous) => {
        const same = previous.find(
          (p) =>
            p.metadata.bucketName === options.bucket &&
            !!p.metadata.objectName &&
            folderOf(p.metadata.objectName) === folderOf(options.path),
        );
        if (same) {
          path = same.metadata.objectName!;
          // Should the server have dropped that upload (expired), tus creates a new one: at
          // the same path, so the path reported back is where the file really is.
          upload.options.metadata = { ...upload.options.metadata, objectName: path };
          upload.resumeFromPreviousUpload(same);
        }
        upload.start();
      })
      .catch(() => upload.start());
  });
}
