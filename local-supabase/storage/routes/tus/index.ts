// The TUS endpoints under /upload/resumable, and their error rendering (status + text body).
import type { Route, RouteHandler } from '../../route';
import { StorageError, toStorageError } from '../../errors';
import { createUpload } from './create-upload';
import { deleteUpload } from './delete-upload';
import { headUpload } from './head-upload';
import { patchUpload } from './patch-upload';
import { sendTusError, TusProtocolError } from './tus-protocol';

function tus(handler: RouteHandler): RouteHandler {
  return async (r) => {
    try {
      await handler(r);
    } catch (error) {
      // A dropped PATCH: its bytes so far are kept for the resume; nobody to answer.
      if (r.req.destroyed && !r.req.complete) {
        r.res.destroy();
        return;
      }
      if (error instanceof TusProtocolError || error instanceof StorageError) {
        sendTusError(r.res, error);
      } else {
        sendTusError(r.res, toStorageError(error, r.s.ctx.log));
      }
      if (!r.req.complete) r.req.resume();
    }
  };
}

export const tusRoutes: Route[] = [
  { methods: ['POST'], pattern: /^\/upload\/resumable\/?$/, handler: tus(createUpload) },
  { methods: ['HEAD'], pattern: /^\/upload\/resumable\/(?<id>[^/]+)$/, handler: tus(headUpload) },
  { methods: ['PATCH'], pattern: /^\/upload\/resumable\/(?<id>[^/]+)$/, handler: tus(patchUpload) },
  {
    methods: ['DELETE'],
    pattern: /^\/upload\/resumable\/(?<id>[^/]+)$/,
    handler: tus(deleteUpload),
  },
];
