// GET/HEAD /object/info/[authenticated/|public/]:bucket/*key — an object's details in
// Supabase's info shape (storage-js camel-cases it): size, content type, eTag, user metadata.
import type { Identity } from '../../auth';
import { superUser } from '../../auth';
import { asIdentity, findBucketAsSuperUser, findObject } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';

export const getObjectInfo: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  let who: Identity;
  if (params.access === 'public/') {
    const found = await findBucketAsSuperUser(s.ctx, bucket);
    if (!found.public) throw ERRORS.NoSuchBucket();
    who = superUser(s.ctx);
  } else {
    who = identity();
  }
  const row = await asIdentity(s.ctx, who, (tx) => findObject(tx, bucket, key));
  const meta = row.metadata ?? {};
  const headers: Record<string, string> = {};
  if (typeof meta.eTag === 'string') headers.ETag = meta.eTag;
  if (typeof meta.cacheControl === 'string') headers['Cache-Control'] = meta.cacheControl;
  if (req.method === 'HEAD') {
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end();
    return;
  }
  if (headers.ETag) res.setHeader('ETag', headers.ETag);
  reply(res, {
    id: row.id,
    name: row.name,
    version: row.version,
    bucket_id: row.bucket_id,
    size: meta.size ?? null,
    content_type: meta.mimetype ?? null,
    cache_control: meta.cacheControl ?? null,
    etag: meta.eTag ?? null,
    metadata: row.user_metadata,
    last_modified: row.updated_at,
    created_at: row.created_at,
  });
};
