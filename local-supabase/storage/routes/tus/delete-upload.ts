// DELETE /upload/resumable/:id — TUS termination: the caller (who must still be allowed to
// upload to the path) abandons the upload and its bytes are removed.
import type { RouteHandler } from '../../route';
import { prepareUpload } from '../../upload';
import { checkTusResumable, TusProtocolError, tusHeaders } from './tus-protocol';
import { ERRORS } from '../../errors';

export const deleteUpload: RouteHandler = async ({ s, req, res, params, identity }) => {
  checkTusResumable(req);
  const id = params.id ?? '';
  const upload = await s.tus.get(id);
  if (!upload) throw new TusProtocolError(404, 'Not Found');
  const who = identity();
  await prepareUpload(
    s.ctx,
    {
      bucketId: upload.bucket,
      key: upload.key,
      upsert: upload.upsert,
      identity: who,
      owner: who.owner,
    },
    { mimeType: upload.contentType, contentLength: upload.length },
  );
  if (!s.tus.tryLock(id)) throw ERRORS.UploadInProgress();
  try {
    await s.tus.remove(id);
  } finally {
    s.tus.unlock(id);
  }
  res.writeHead(204, tusHeaders).end();
};
