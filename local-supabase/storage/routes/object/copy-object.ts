// POST /object/copy — a new object with the source's bytes and metadata: the source must be
// readable (RLS select) and the destination insertable (RLS insert; upsert with x-upsert) by
// the caller. Answers `{ Id, Key }` like Supabase.
import { randomUUID } from 'node:crypto';
import {
  asIdentity,
  findBucketAsSuperUser,
  findObject,
  lockCurrentVersion,
  writeObjectRow,
} from '../../db';
import { ERRORS } from '../../errors';
import { mustBeValidKey } from '../../keys';
import { jsonBody, optionalString, reply, requiredString, type RouteHandler } from '../../route';
import { uploadLimit, validateMimeType } from '../../upload';

export const copyObject: RouteHandler = async ({ s, req, res, identity }) => {
  const body = await jsonBody(req);
  const bucketId = requiredString(body, 'bucketId');
  const sourceKey = requiredString(body, 'sourceKey');
  const destinationKey = requiredString(body, 'destinationKey');
  const destinationBucket = optionalString(body, 'destinationBucket') ?? bucketId;
  const upsert = req.headers['x-upsert'] === 'true';
  mustBeValidKey(destinationKey);
  await findBucketAsSuperUser(s.ctx, bucketId);
  const target = await findBucketAsSuperUser(s.ctx, destinationBucket);
  const who = identity();
  const source = await asIdentity(s.ctx, who, (tx) => findObject(tx, bucketId, sourceKey));
  if (!source.version) throw ERRORS.NoSuchKey();
  const meta = source.metadata ?? {};
  // The destination bucket's rules apply to the copy.
  if (typeof meta.size === 'number' && meta.size > uploadLimit(s.ctx, target)) {
    throw ERRORS.EntityTooLarge();
  }
  if (typeof meta.mimetype === 'string') validateMimeType(meta.mimetype, target.allowed_mime_types);

  const tmp = await s.store.copyToTemp(bucketId, sourceKey, source.version);
  const version = randomUUID();
  await s.store.commit(tmp, destinationBucket, destinationKey, version);
  let replaced: string | undefined;
  let id: string;
  try {
    id = await asIdentity(
      s.ctx,
      who,
      (tx) =>
        writeObjectRow(
          tx,
          {
            bucketId: destinationBucket,
            name: destinationKey,
            owner: who.owner,
            version,
            metadata: { ...meta, lastModified: new Date().toISOString() },
            userMetadata: source.user_metadata ?? undefined,
          },
          upsert,
        ),
      async (tx) => {
        replaced = await lockCurrentVersion(tx, destinationBucket, destinationKey);
      },
    );
  } catch (error) {
    await s.store.removeVersion(destinationBucket, destinationKey, version).catch(() => undefined);
    throw error;
  }
  if (replaced && replaced !== version) {
    await s.store.removeVersion(destinationBucket, destinationKey, replaced).catch(() => undefined);
  }
  reply(res, { Id: id, Key: `${destinationBucket}/${destinationKey}` });
};
