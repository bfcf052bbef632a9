// DELETE /bucket/:id — only an empty bucket (409 otherwise, as Supabase), as the caller.
import { asIdentity } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';

export const deleteBucket: RouteHandler = async ({ s, res, params, identity }) => {
  const { bucket: id } = splitBucketAndKey(params.bucket ?? '');
  const deleted = await asIdentity(
    s.ctx,
    identity(),
    async (tx) => {
      const r = await tx.query(`delete from storage.buckets where id = $1 returning id`, [id]);
      return r.rows.length;
    },
    // As the stack: lock the bucket and count every object, visible to the caller or not.
    async (tx) => {
      const bucket = await tx.query(`select id from storage.buckets where id = $1 for update`, [
        id,
      ]);
      if (bucket.rows.length === 0) throw ERRORS.NoSuchBucket();
      const objects = await tx.query(`select 1 from storage.objects where bucket_id = $1 limit 1`, [
        id,
      ]);
      if (objects.rows.length > 0) throw ERRORS.BucketNotEmpty();
    },
  );
  if (deleted === 0) throw ERRORS.NoSuchBucket();
  await s.store.removeBucket(id).catch(() => undefined);
  reply(res, { message: 'Successfully deleted' });
};
