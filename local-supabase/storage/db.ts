// Database access for storage: every statement runs inside a transaction scoped to the
// request's role and JWT claims (db/scope.ts, as Supabase Storage's scope.ts does), so the
// project's RLS policies on storage.objects and storage.buckets decide. Values are always
// bound parameters.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/database';
import { applyScope } from '../db/scope';
import type { StackContext } from '../context';
import type { Identity } from './auth';
import { ERRORS } from './errors';

export type Bucket = {
  id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  public: boolean;
  type: string;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
  created_at: string;
  updated_at: string;
};

/** Columns of storage.buckets as JSON-safe values (bigint and timestamps as JSON, not driver
 * objects), so both engines answer identically. */
export const BUCKET_COLUMNS = `id, name, owner::text as owner, owner_id, coalesce(public, false) as public,
  type, file_size_limit::float8 as file_size_limit, allowed_mime_types,
  to_json(created_at) #>> '{}' as created_at, to_json(updated_at) #>> '{}' as updated_at`;

export type ObjectRow = {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string;
};

export const OBJECT_COLUMNS = `id::text as id, bucket_id, name, owner::text as owner, owner_id, version,
  metadata, user_metadata, to_json(created_at) #>> '{}' as created_at,
  to_json(updated_at) #>> '{}' as updated_at, to_json(last_accessed_at) #>> '{}' as last_accessed_at`;

/** Runs `fn` in one transaction as the identity's role with its claims. */
export function asIdentity<T>(
  ctx: StackContext,
  identity: Identity,
  fn: (tx: Tx) => Promise<T>,
  before?: (tx: Tx) => Promise<void>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    // `before` runs as the stack's own role (locks, reading an old version for cleanup).
    await before?.(tx);
    await applyScope(tx, {
      role: identity.role,
      claims: identity.claims,
      headers: identity.request?.headers,
      method: identity.request?.method,
      path: identity.request?.path,
      searchPath: '"storage", "public", "extensions"',
    });
    return fn(tx);
  });
}

class Rollback {
  constructor(readonly value: unknown) {}
}

/**
 * Supabase Storage's testPermission: perform the statement as the caller, see whether RLS
 * lets it through, and roll it back. Uploads use it before streaming a single byte.
 */
export async function testPermission(
  ctx: StackContext,
  identity: Identity,
  fn: (tx: Tx) => Promise<unknown>,
): Promise<void> {
  try {
    await asIdentity(ctx, identity, async (tx) => {
      throw new Rollback(await fn(tx));
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

/** A bucket read by the stack itself (upload limits, public reads), as Supabase's
 * `asSuperUser().findBucket` does. */
export async function findBucketAsSuperUser(ctx: StackContext, id: string): Promise<Bucket> {
  const r = await ctx.db.query<Bucket>(
    `select ${BUCKET_COLUMNS} from storage.buckets where id = $1`,
    [id],
  );
  const bucket = r.rows[0];
  if (!bucket) throw ERRORS.NoSuchBucket();
  return bucket;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** owner (uuid, deprecated) is filled only when the subject is a uuid; owner_id always. */
export function ownerColumns(owner: string | undefined): [string | null, string | null] {
  return [owner && UUID.test(owner) ? owner : null, owner ?? null];
}

export type NewObject = {
  bucketId: string;
  name: string;
  owner: string | undefined;
  version: string;
  metadata: Record<string, unknown>;
  userMetadata: Record<string, unknown> | undefined;
};

/**
 * A plain INSERT (only the insert policy applies: the id is chosen here, so nothing needs
 * RETURNING, which would also demand a select policy), or INSERT … ON CONFLICT DO UPDATE …
 * RETURNING for upserts — which, under RLS, needs the insert, select and update policies,
 * exactly as Supabase's createObject/upsertObject. Returns the object's id.
 */
export async function writeObjectRow(tx: Tx, o: NewObject, upsert: boolean): Promise<string> {
  const [owner, ownerId] = ownerColumns(o.owner);
  const id = randomUUID();
  const values = [
    id,
    o.bucketId,
    o.name,
    owner,
    ownerId,
    o.version,
    JSON.stringify(o.metadata),
    o.userMetadata === undefined ? null : JSON.stringify(o.userMetadata),
  ];
  const insert = `insert into storage.objects as o
      (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata)
    values ($1::uuid, $2, $3, $4::uuid, $5, $6, $7::jsonb, $8::jsonb)`;
  if (!upsert) {
    await tx.query(insert, values);
    return id;
  }
  const r = await tx.query<{ id: string }>(
    `${insert}
     on conflict (bucket_id, name) do update set owner = excluded.owner,
       owner_id = excluded.owner_id, version = excluded.version, metadata = excluded.metadata,
       user_metadata = excluded.user_metadata, last_accessed_at = now()
     returning o.id::text as id`,
    values,
  );
  const row = r.rows[0];
  if (!row) throw ERRORS.AccessDenied('new row violates row-level security policy');
  return row.id;
}

/**
 * Serialises writers of one path (Supabase's waitObjectLock) with a transaction-scoped
 * advisory lock, then reads the current version as the stack, so the file it replaces can be
 * removed once the new row commits — even when two upserts of a new path race.
 */
export async function lockCurrentVersion(
  tx: Tx,
  bucketId: string,
  name: string,
): Promise<string | undefined> {
  await tx.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `storage.objects:${bucketId}/${name}`,
  ]);
  const r = await tx.query<{ version: string | null }>(
    `select version from storage.objects where bucket_id = $1 and name = $2 for update`,
    [bucketId, name],
  );
  return r.rows[0]?.version ?? undefined;
}

/** One object as the caller sees it (RLS select), or NoSuchKey. */
export async function findObject(tx: Tx, bucketId: string, name: string): Promise<ObjectRow> {
  const r = await tx.query<ObjectRow>(
    `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
    [bucketId, name],
  );
  const row = r.rows[0];
  if (!row) throw ERRORS.NoSuchKey();
  return row;
}
