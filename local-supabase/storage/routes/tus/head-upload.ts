// HEAD /upload/resumable/:id — how many bytes of the upload the stack holds, so a client can
// resume where the connection dropped. Like Supabase, HEAD needs no authorization.
import type { RouteHandler } from '../../route';
import { checkTusResumable, TusProtocolError, tusHeaders } from './tus-protocol';

export const headUpload: RouteHandler = async ({ s, req, res, params }) => {
  checkTusResumable(req);
  const id = params.id ?? '';
  const upload = await s.tus.get(id);
  if (!upload) throw new TusProtocolError(404, 'Not Found');
  res.writeHead(200, {
    ...tusHeaders,
    'Upload-Offset': String(await s.tus.offset(id)),
    'Upload-Length': String(upload.length),
    'Upload-Expires': new Date(upload.expiresAt).toUTCString(),
    'Cache-Control': 'no-store',
  });
  res.end();
};
