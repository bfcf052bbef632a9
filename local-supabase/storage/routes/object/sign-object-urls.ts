// POST /object/sign/:bucket with `{ expiresIn, paths }` — many download URLs at once; a path
// the caller cannot read gets an error entry instead of a URL, as on Supabase.
import { asIdentity } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { jsonBody, reply, type RouteHandler } from '../../route';
import { mustBeValidExpiry, SCOPE_DOWNLOAD, signUrlToken } from '../../signing';

export const signObjectUrls: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket } = splitBucketAndKey(params.bucket ?? '');
  const body = await jsonBody(req);
  const expiresIn = mustBeValidExpiry(body.expiresIn);
  const paths = body.paths;
  if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) {
    throw ERRORS.MissingParameter('paths');
  }
  const visible = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query<{ name: string }>(
      `select name from storage.objects where bucket_id = $1 and name = any($2::text[])`,
      [bucket, paths],
    );
    return new Set(r.rows.map((row) => row.name));
  });
  reply(
    res,
    (paths as string[]).map((path) => {
      if (!visible.has(path)) {
        return {
          error: 'Either the object does not exist or you do not have access to it',
          path,
          signedURL: null,
        };
      }
      const url = `${bucket}/${path}`;
      const token = signUrlToken(
        s.ctx.config.auth.jwtSecret,
        { url, scope: SCOPE_DOWNLOAD },
        expiresIn,
      );
      return { error: null, path, signedURL: `/object/sign/${url}?token=${token}` };
    }),
  );
};
