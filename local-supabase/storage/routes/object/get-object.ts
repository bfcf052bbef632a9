// GET/HEAD /object/:bucket/*key and /object/authenticated/:bucket/*key — download as the
// caller (RLS select on storage.objects decides; a hidden object is "not found").
import { asIdentity, findObject } from '../../db';
import { splitBucketAndKey } from '../../keys';
import type { RouteHandler } from '../../route';
import { sendObject } from './send-object';

export const getObject: RouteHandler = async ({ s, req, res, url, params, identity }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  const row = await asIdentity(s.ctx, identity(), (tx) => findObject(tx, bucket, key));
  await sendObject(s.store, req, res, row, { download: url.searchParams.get('download') });
};
