// POST /object/move — rename an object (optionally into another bucket) as the caller: an
// UPDATE of its bucket_id/name, so RLS update (using the old row, checking the new) decides.
// The bytes get a second name first and lose the old one only after the row commits.
import { asIdentity, findBucketAsSuperUser, ownerColumns } from '../../db';
import { ERRORS } from '../../errors';
import { mustBeValidKey } from '../../keys';
import { jsonBody, optionalString, reply, requiredString, type RouteHandler } from '../../route';

export const moveObject: RouteHandler = async ({ s, req, res, identity }) => {
  const body = await jsonBody(req);
  const bucketId = requiredString(body, 'bucketId');
  const sourceKey = requiredString(body, 'sourceKey');
  const destinationKey = requiredString(body, 'destinationKey');
  const destinationBucket = optionalString(body, 'destinationBucket') ?? bucketId;
  mustBeValidKey(destinationKey);
  await findBucketAsSuperUser(s.ctx, bucketId);
  if (destinationBucket !== bucketId) await findBucketAsSuperUser(s.ctx, destinationBucket);
  if (destinationBucket === bucketId && destinationKey === sourceKey) {
    reply(res, { message: 'Successfully moved' });
    return;
  }
  let linked: { version: string } | undefined;
  try {
    const who = identity();
    // As on Supabase, the mover becomes the owner.
    const version = await asIdentity(s.ctx, who, async (tx) => {
      const r = await tx.query<{ version: string | null }>(
        `update storage.objects set bucket_id = $3, name = $4, owner = $5::uuid, owner_id = $6,
           last_accessed_at = now()
         where bucket_id = $1 and name = $2
         returning version`,
        [bucketId, sourceKey, destinationBucket, destinationKey, ...ownerColumns(who.owner)],
      );
      const row = r.rows[0];
      if (!row) throw ERRORS.NoSuchKey();
      if (row.version) {
        await s.store.linkVersion(
          { bucket: bucketId, key: sourceKey, version: row.version },
          { bucket: destinationBucket, key: destinationKey, version: row.version },
        );
        linked = { version: row.version };
      }
      return row.version;
    });
    if (version) await s.store.removeVersion(bucketId, sourceKey, version).catch(() => undefined);
  } catch (error) {
    if (linked) {
      await s.store
        .removeVersion(destinationBucket, destinationKey, linked.version)
        .catch(() => undefined);
    }
    throw error;
  }
  reply(res, { message: 'Successfully moved' });
};
