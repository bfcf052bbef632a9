// POST /object/upload/sign/:bucket/*key — an upload URL valid two hours, only for a caller who
// may create the object (its insert — or, with x-upsert, upsert — is tested against RLS now).
// The token carries the signer as owner and the upsert choice.
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';
import { SCOPE_UPLOAD, signUrlToken, UPLOAD_URL_EXPIRY_SECONDS } from '../../signing';
import { prepareUpload } from '../../upload';

export const signUploadUrl: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  if (!key) throw ERRORS.InvalidKey('');
  const who = identity();
  const upsert = req.headers['x-upsert'] === 'true';
  await prepareUpload(
    s.ctx,
    { bucketId: bucket, key, upsert, identity: who, owner: who.owner },
    { mimeType: undefined, contentLength: undefined },
  );
  const url = `${bucket}/${key}`;
  const token = signUrlToken(
    s.ctx.config.auth.jwtSecret,
    { url, scope: SCOPE_UPLOAD, owner: who.owner, upsert },
    UPLOAD_URL_EXPIRY_SECONDS,
  );
  reply(res, { url: `/object/upload/sign/${url}?token=${token}`, token });
};
