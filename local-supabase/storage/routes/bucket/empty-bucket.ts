// POST /bucket/:id/empty — deletes every object the caller may delete (RLS delete on
// storage.objects), then their files once the rows are gone.
import { asIdentity } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';

export const emptyBucket: RouteHandler = async ({ s, res, params, identity }) => {
  const { bucket: id } = splitBucketAndKey(params.bucket ?? '');
  const deleted = await asIdentity(s.ctx, identity(), async (tx) => {
    const found = await tx.query(`select 1 from storage.buckets where id = $1`, [id]);
    if (found.rows.length === 0) throw ERRORS.NoSuchBucket();
    const r = await tx.query<{ name: string; version: string | null }>(
      `delete from storage.objects where bucket_id = $1 returning name, version`,
      [id],
    );
    return r.rows;
  });
  for (const row of deleted) {
    if (row.version) await s.store.removeVersion(id, row.name, row.version).catch(() => undefined);
  }
  reply(res, { message: 'Successfully emptied' });
};
