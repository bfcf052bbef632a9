// GET /bucket/:id — one bucket, as far as the caller's RLS on storage.buckets lets them see it.
import { asIdentity, BUCKET_COLUMNS, type Bucket } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';

export const getBucket: RouteHandler = async ({ s, res, params, identity }) => {
  const { bucket: id } = splitBucketAndKey(params.bucket ?? '');
  const row = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query<Bucket>(
      `select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
      [id],
    );
    return r.rows[0];
  });
  if (!row) throw ERRORS.NoSuchBucket();
  reply(res, row);
};
