// PUT /bucket/:id — change public, file_size_limit and allowed_mime_types; only the settings
// present in the body change. Runs as the caller (RLS update on storage.buckets).
import { asIdentity } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { jsonBody, reply, type RouteHandler } from '../../route';
import { readAllowedMimeTypes, readFileSizeLimit, readPublic } from './bucket-input';

export const updateBucket: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket: id } = splitBucketAndKey(params.bucket ?? '');
  const body = await jsonBody(req);
  const isPublic = readPublic(body.public);
  const limit = readFileSizeLimit(body.file_size_limit);
  const mimeTypes = readAllowedMimeTypes(body.allowed_mime_types);
  const updated = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query(
      `update storage.buckets set
         public = case when $2 then $3::boolean else public end,
         file_size_limit = case when $4 then $5::bigint else file_size_limit end,
         allowed_mime_types = case when $6 then $7::text[] else allowed_mime_types end,
         updated_at = now()
       where id = $1
       returning id`,
      [
        id,
        isPublic !== undefined,
        isPublic ?? null,
        limit !== undefined,
        limit ?? null,
        mimeTypes !== undefined,
        mimeTypes ?? null,
      ],
    );
    return r.rows.length;
  });
  if (updated === 0) throw ERRORS.NoSuchBucket();
  reply(res, { message: 'Successfully updated' });
};
