// PATCH /upload/resumable/:id — TUS chunk: application/offset+octet-stream bytes appended at
// Upload-Offset (409 on a mismatch or while another PATCH of the upload runs), authorised
// again with the token the request carries; completes the object with the last byte.
import { ERRORS } from '../../errors';
import type { RouteHandler } from '../../route';
import { prepareUpload } from '../../upload';
import { receiveChunk, uploadTarget } from './receive-chunk';
import { checkTusResumable, headerInt, TusProtocolError, tusHeaders } from './tus-protocol';

export const patchUpload: RouteHandler = async ({ s, req, res, params, identity }) => {
  checkTusResumable(req);
  if ((req.headers['content-type'] ?? '').toLowerCase() !== 'application/offset+octet-stream') {
    throw new TusProtocolError(415, 'Unsupported Media Type');
  }
  const id = params.id ?? '';
  const upload = await s.tus.get(id);
  if (!upload) throw new TusProtocolError(404, 'Not Found');
  const clientOffset = headerInt(req, 'upload-offset');
  if (clientOffset === undefined) {
    throw new TusProtocolError(400, 'Missing or invalid Upload-Offset');
  }
  if (!s.tus.tryLock(id)) throw ERRORS.UploadInProgress();
  try {
    const offset = await s.tus.offset(id);
    if (clientOffset !== offset) throw new TusProtocolError(409, 'Upload-Offset conflict');
    const who = identity();
    // Every PATCH is authorised again with the token it carries (it may have been refreshed).
    await prepareUpload(s.ctx, uploadTarget(upload, who), {
      mimeType: upload.contentType,
      contentLength: upload.length,
      userMetadata: upload.userMetadata,
    });
    await s.tus.touch(upload);
    const result = await receiveChunk(s, req, upload, offset, who);
    res
      .writeHead(204, {
        ...tusHeaders,
        'Upload-Offset': String(result.offset),
        ...(result.complete ? { 'Tus-Complete': '1' } : {}),
      })
      .end();
  } finally {
    s.tus.unlock(id);
  }
};
