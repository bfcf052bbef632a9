// PUT /object/upload/sign/:bucket/*key?token= — upload through a signed upload URL. The token
// stands in for the signer's rights (checked when it was issued), so the row is written by
// the stack with the signer as owner, as Supabase's uploadSignedObject does.
import { superUser } from '../../auth';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';
import { SCOPE_UPLOAD, verifyUrlToken } from '../../signing';
import { uploadFromRequest } from '../../upload';

export const uploadSignedObject: RouteHandler = async ({ s, req, res, url, params }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  const claims = verifyUrlToken(
    s.ctx.config.auth.jwtSecret,
    url.searchParams.get('token'),
    `${bucket}/${key}`,
    SCOPE_UPLOAD,
  );
  const done = await uploadFromRequest(s.ctx, s.store, req, {
    bucketId: bucket,
    key,
    upsert: claims.upsert === true,
    identity: superUser(s.ctx),
    owner: typeof claims.owner === 'string' ? claims.owner : undefined,
  });
  reply(res, { Key: done.key });
};
