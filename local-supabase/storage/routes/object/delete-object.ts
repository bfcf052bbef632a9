// DELETE /object/:bucket/*key — remove one object as the caller; "not found" when RLS hides
// it or it does not exist.
import { asIdentity } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { reply, type RouteHandler } from '../../route';

export const deleteObject: RouteHandler = async ({ s, res, params, identity }) => {
  const { bucket, key } = splitBucketAndKey(params.path ?? '');
  const row = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query<{ version: string | null }>(
      `delete from storage.objects where bucket_id = $1 and name = $2 returning version`,
      [bucket, key],
    );
    return r.rows[0];
  });
  if (!row) throw ERRORS.NoSuchKey();
  if (row.version) await s.store.removeVersion(bucket, key, row.version).catch(() => undefined);
  reply(res, { message: 'Successfully deleted' });
};
