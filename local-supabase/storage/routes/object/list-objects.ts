// POST /object/list/:bucket — storage-js's list(): one folder level under `prefix`, with
// limit/offset/sortBy/search, through storage.search as the caller, so RLS decides what is
// listed. Folders come back as entries with a null id, as on Supabase.
import { asIdentity, findBucketAsSuperUser } from '../../db';
import { ERRORS } from '../../errors';
import { splitBucketAndKey } from '../../keys';
import { jsonBody, optionalString, reply, type RouteHandler } from '../../route';

const SORT_COLUMNS = new Set(['name', 'updated_at', 'created_at', 'last_accessed_at']);

function intOption(value: unknown, name: string, min: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw ERRORS.InvalidParameter(name, `body/${name} must be >= ${min}`);
  }
  return value;
}

export const listObjects: RouteHandler = async ({ s, req, res, params, identity }) => {
  const { bucket } = splitBucketAndKey(params.bucket ?? '');
  const body = await jsonBody(req);
  let prefix = optionalString(body, 'prefix');
  if (prefix === undefined) throw ERRORS.MissingParameter('prefix');
  // Supabase treats the prefix as a folder.
  if (prefix.length > 0 && !prefix.endsWith('/')) prefix += '/';
  const limit = intOption(body.limit, 'limit', 1, 100);
  const offset = intOption(body.offset, 'offset', 0, 0);
  const search = optionalString(body, 'search') ?? '';
  const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
  const column = typeof sortBy.column === 'string' ? sortBy.column : 'name';
  if (!SORT_COLUMNS.has(column)) throw ERRORS.InvalidParameter('sortBy.column');
  const order =
    typeof sortBy.order === 'string' && sortBy.order.toLowerCase() === 'desc' ? 'desc' : 'asc';
  await findBucketAsSuperUser(s.ctx, bucket);
  const rows = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query(
      `select name, id::text as id, to_json(updated_at) #>> '{}' as updated_at,
              to_json(created_at) #>> '{}' as created_at,
              to_json(last_accessed_at) #>> '{}' as last_accessed_at, metadata
       from storage.search($1, $2, $3, $4, $5, $6, $7, $8)`,
      [prefix, bucket, limit, prefix.split('/').length, offset, search, column, order],
    );
    return r.rows;
  });
  reply(res, rows);
};
