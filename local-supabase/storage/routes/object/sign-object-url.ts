// POST /object/sign/:bucket/*key — a download URL valid for `expiresIn` seconds, given only to
// a caller who can read the object (RLS select), answering `{ signedURL }` (a path storage-js
// prefixes with the storage URL).
import { asIdentity, findObject } from '../../db';
import { splitBucketAndKey } from '../../keys';
import { jsonBody, reply, type RouteHandler } from '../../route';
import { mustBeValidExpiry, SCOPE_DOWNLOAD, signUrlToken } from '../../signing';

export const signObjectUrl: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  const body = await jsonBody(req);
  const expiresIn = mustBeValidExpiry(body.expiresIn);
  await asIdentity(s.ctx, identity(), (tx) => findObject(tx, bucket, key));
  const url = `${bucket}/${key}`;
  const token = signUrlToken(
    s.ctx.config.auth.jwtSecret,
    { url, scope: SCOPE_DOWNLOAD },
    expiresIn,
  );
  reply(res, { signedURL: `/object/sign/${url}?token=${token}` });
};
