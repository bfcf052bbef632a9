// POST /object/:bucket/*key (upload; `x-upsert: true` replaces) and PUT (update, always an
// upsert, as Supabase's updateObject) — multipart or raw body — answering `{ Id, Key }`.
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';
import { uploadFromRequest } from '../../upload';

export const uploadObject: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  if (!key) throw ERRORS.InvalidKey('');
  const who = identity();
  const upsert = req.method === 'PUT' || req.headers['x-upsert'] === 'true';
  const done = await uploadFromRequest(s.ctx, s.store, req, {
    bucketId: bucket,
    key,
    upsert,
    identity: who,
    owner: who.owner,
  });
  reply(res, { Id: done.id, Key: done.key });
};
