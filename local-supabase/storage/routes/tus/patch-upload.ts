// PATCH /upload/resumable/:id — TUS chunk: application/offset+octet-stream bytes appended at
// Upload-Offset (409 on a mismatch or while another PATCH of the upload runs). Bytes are kept
// as they arrive, so after a dropped connection HEAD reports how far it got and the client
// resumes from there. When the last byte arrives the part file becomes the object: renamed
// into the bucket folder and recorded as the caller, exactly like a single-request upload.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ERRORS } from '../../errors';
import type { RouteHandler } from '../../route';
import { completeUpload, prepareUpload, requestBody } from '../../upload';
import { checkTusResumable, headerInt, TusProtocolError, tusHeaders } from './tus-protocol';

async function md5(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `"${hash.digest('hex')}"`;
}

export const patchUpload: RouteHandler = async ({ s, req, res, params, identity }) => {
  checkTusResumable(req);
  if ((req.headers['content-type'] ?? '').toLowerCase() !== 'application/offset+octet-stream') {
    throw new TusProtocolError(415, 'Unsupported Media Type');
  }
  const id = params.id ?? '';
  const upload = await s.tus.get(id);
  if (!upload) throw new TusProtocolError(404, 'Not Found');
  const clientOffset = headerInt(req, 'upload-offset');
  if (clientOffset === undefined)
    throw new TusProtocolError(400, 'Missing or invalid Upload-Offset');
  if (!s.tus.tryLock(id)) throw ERRORS.UploadInProgress();
  try {
    const offset = await s.tus.offset(id);
    if (clientOffset !== offset) throw new TusProtocolError(409, 'Upload-Offset conflict');
    const who = identity();
    const target = {
      bucketId: upload.bucket,
      key: upload.key,
      upsert: upload.upsert,
      identity: who,
      owner: who.owner,
    };
    // Every PATCH is authorised again with the token it carries (it may have been refreshed).
    await prepareUpload(s.ctx, target, {
      mimeType: upload.contentType,
      contentLength: upload.length,
      userMetadata: upload.userMetadata,
    });
    await s.tus.touch(upload);

    const room = upload.length - offset;
    let received = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        if (received > room) done(ERRORS.EntityTooLarge());
        else done(null, chunk);
      },
    });
    try {
      await pipeline(
        requestBody(req),
        meter,
        createWriteStream(s.tus.partPath(id), { flags: 'a' }),
      );
    } catch (error) {
      // What arrived before the drop is on disk; HEAD reports it and the client resumes.
      if (!req.complete) req.resume();
      throw error;
    }
    const newOffset = await s.tus.offset(id);
    if (newOffset < upload.length) {
      res.writeHead(204, { ...tusHeaders, 'Upload-Offset': String(newOffset) }).end();
      return;
    }
    try {
      const partPath = s.tus.partPath(id);
      await completeUpload(
        s.ctx,
        s.store,
        target,
        {
          tmpPath: partPath,
          size: newOffset,
          eTag: await md5(partPath),
          mimeType: upload.contentType,
          cacheControl: upload.cacheControl,
        },
        upload.userMetadata,
      );
    } finally {
      // Finished or refused at the last step, the upload is over either way.
      await s.tus.remove(id);
    }
    res
      .writeHead(204, { ...tusHeaders, 'Upload-Offset': String(newOffset), 'Tus-Complete': '1' })
      .end();
  } finally {
    s.tus.unlock(id);
  }
};
