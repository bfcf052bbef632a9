// POST /bucket — create a bucket as the caller (RLS on storage.buckets decides; service_role
// bypasses it), answering `{ name }` like Supabase's createBucket route.
import { ownerColumns, asIdentity } from '../../db';
import { mustBeValidBucketName } from '../../keys';
import { jsonBody, optionalString, reply, type RouteHandler } from '../../route';
import { readAllowedMimeTypes, readFileSizeLimit, readPublic } from './bucket-input';
import { ERRORS } from '../../errors';

export const createBucket: RouteHandler = async ({ s, req, res, identity }) => {
  const body = await jsonBody(req);
  const name = optionalString(body, 'name');
  if (name === undefined) throw ERRORS.MissingParameter('name');
  mustBeValidBucketName(name);
  const id = optionalString(body, 'id') ?? name;
  mustBeValidBucketName(id);
  const isPublic = readPublic(body.public) ?? false;
  const limit = readFileSizeLimit(body.file_size_limit) ?? null;
  const mimeTypes = readAllowedMimeTypes(body.allowed_mime_types) ?? null;
  const who = identity();
  const [owner, ownerId] = ownerColumns(who.owner);
  await asIdentity(s.ctx, who, async (tx) => {
    await tx.query(
      `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
       values ($1, $2, $3::uuid, $4, $5, $6::bigint, $7::text[])`,
      [id, name, owner, ownerId, isPublic, limit, mimeTypes],
    );
  });
  reply(res, { name });
};
