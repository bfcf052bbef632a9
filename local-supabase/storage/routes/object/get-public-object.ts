// GET/HEAD /object/public/:bucket/*key — anyone may read objects of a public bucket; for a
// private bucket the answer is "Bucket not found", as on Supabase.
import { ERRORS } from '../../errors';
import { superUser } from '../../auth';
import { asIdentity, findBucketAsSuperUser, findObject } from '../../db';
import { splitBucketAndKey } from '../../keys';
import type { RouteHandler } from '../../route';
import { sendObject } from './send-object';

export const getPublicObject: RouteHandler = async ({ s, req, res, url, params }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  const found = await findBucketAsSuperUser(s.ctx, bucket);
  if (!found.public) throw ERRORS.NoSuchBucket();
  const row = await asIdentity(s.ctx, superUser(s.ctx), (tx) => findObject(tx, bucket, key));
  await sendObject(s.store, req, res, row, { download: url.searchParams.get('download') });
};
