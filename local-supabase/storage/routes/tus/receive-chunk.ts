// Appending bytes to a resumable upload, shared by PATCH and by creation-with-upload (the
// POST that already carries the first chunk, as Supabase's tus-js-client example sends with
// uploadDataDuringCreation). Bytes are kept as they arrive, so after a dropped connection HEAD
// reports how far it got; when the last byte arrives the part file becomes the object:
// renamed into the bucket folder and recorded as the caller, like a single-request upload.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Identity } from '../../auth';
import { ERRORS } from '../../errors';
import { WRITE_BUFFER } from '../../files';
import type { StorageContext } from '../../route';
import { completeUpload, requestBody, type UploadTarget } from '../../upload';
import type { TusUpload } from './uploads';

async function md5(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `"${hash.digest('hex')}"`;
}

export function uploadTarget(upload: TusUpload, who: Identity): UploadTarget {
  return {
    bucketId: upload.bucket,
    key: upload.key,
    upsert: upload.upsert,
    identity: who,
    owner: who.owner,
  };
}

/**
 * Streams the request body onto the end of the upload's part file (never past
 * Upload-Length: 413), and completes the object when it is whole. The caller holds the
 * upload's lock and has checked the offset and the caller's rights. Returns the new offset.
 */
export async function receiveChunk(
  s: StorageContext,
  req: IncomingMessage,
  upload: TusUpload,
  offset: number,
  who: Identity,
): Promise<{ offset: number; complete: boolean }> {
  const room = upload.length - offset;
  let received = 0;
  let running = s.tus.hashes.get(upload.id);
  if (offset === 0) running = { hash: createHash('md5'), offset: 0 };
  else if (running?.offset !== offset) running = undefined;
  s.tus.hashes.delete(upload.id);
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      if (received > room) {
        done(ERRORS.EntityTooLarge());
        return;
      }
      running?.hash.update(chunk);
      done(null, chunk);
    },
  });
  const partPath = s.tus.partPath(upload.id);
  await pipeline(
    requestBody(req),
    meter,
    createWriteStream(partPath, { flags: 'a', highWaterMark: WRITE_BUFFER }),
  );
  const newOffset = await s.tus.offset(upload.id);
  // Kept only after a clean chunk: a failed one may have hashed bytes that never hit the disk.
  if (running && newOffset === offset + received) {
    running.offset = newOffset;
    s.tus.hashes.set(upload.id, running);
  } else {
    running = undefined;
  }
  if (newOffset < upload.length) return { offset: newOffset, complete: false };
  try {
    await completeUpload(
      s.ctx,
      s.store,
      uploadTarget(upload, who),
      {
        tmpPath: partPath,
        size: newOffset,
        eTag: running ? `"${running.hash.digest('hex')}"` : await md5(partPath),
        mimeType: upload.contentType,
        cacheControl: upload.cacheControl,
      },
      upload.userMetadata,
    );
  } finally {
    // Finished or refused at the last step, the upload is over either way.
    await s.tus.remove(upload.id);
  }
  return { offset: newOffset, complete: true };
}
