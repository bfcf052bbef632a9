// DELETE /object/:bucket with `{ prefixes: [...] }` — bulk remove as the caller (RLS delete
// decides which go); answers the deleted objects, and removes their files after commit.
import { asIdentity, OBJECT_COLUMNS, type ObjectRow } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { jsonBody, reply, type RouteHandler } from '../../route';

/** Supabase caps one bulk delete at 1000 keys. */
const MAX_KEYS = 1000;

export const deleteObjects: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket } = splitBucketAndKey(params.bucket ?? '');
  const body = await jsonBody(req);
  const prefixes = body.prefixes;
  if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string')) {
    throw ERRORS.MissingParameter('prefixes');
  }
  if (prefixes.length < 1 || prefixes.length > MAX_KEYS) {
    throw ERRORS.InvalidParameter('prefixes', `body/prefixes must have 1 to ${MAX_KEYS} items`);
  }
  const deleted = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query<ObjectRow>(
      `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
       returning ${OBJECT_COLUMNS}`,
      [bucket, prefixes],
    );
    return r.rows;
  });
  for (const row of deleted) {
    if (row.version)
      await s.store.removeVersion(bucket, row.name, row.version).catch(() => undefined);
  }
  reply(res, deleted);
};
