// GET/HEAD /object/sign/:bucket/*key?token= — serves the object a signed URL names, after
// checking the token's signature, scope, path and expiry (expired → 400 "jwt expired").
import { superUser } from '../../auth';
import { asIdentity, findObject } from '../../db';
import { splitBucketAndKey } from '../../keys';
import type { RouteHandler } from '../../route';
import { SCOPE_DOWNLOAD, verifyUrlToken } from '../../signing';
import { sendObject } from './send-object';

export const getSignedObject: RouteHandler = async ({ s, req, res, url, params }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  const claims = verifyUrlToken(
    s.ctx.config.auth.jwtSecret,
    url.searchParams.get('token'),
    `${bucket}/${key}`,
    SCOPE_DOWNLOAD,
  );
  const row = await asIdentity(s.ctx, superUser(s.ctx), (tx) => findObject(tx, bucket, key));
  await sendObject(s.store, req, res, row, {
    download: url.searchParams.get('download'),
    expires: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toUTCString() : undefined,
  });
};
