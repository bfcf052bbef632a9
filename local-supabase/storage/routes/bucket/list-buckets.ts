// GET /bucket — the buckets the caller may see, with storage-js's limit/offset/search/
// sortColumn/sortOrder query options. The sort column is picked from a fixed list, never
// taken from the request as SQL.
import { asIdentity, BUCKET_COLUMNS, type Bucket } from '../../db';
import { ERRORS } from '../../errors';
import { reply, type RouteHandler } from '../../route';

const SORT_COLUMNS: Record<string, string> = {
  id: 'id',
  name: 'name',
  created_at: 'created_at',
  updated_at: 'updated_at',
};

function nonNegativeInt(value: string | null, name: string): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw ERRORS.InvalidParameter(name);
  return n;
}

export const listBuckets: RouteHandler = async ({ s, res, url, identity }) => {
  const q = url.searchParams;
  const limit = nonNegativeInt(q.get('limit'), 'limit');
  const offset = nonNegativeInt(q.get('offset'), 'offset') ?? 0;
  const search = q.get('search') ?? '';
  const column = SORT_COLUMNS[q.get('sortColumn') ?? 'name'];
  if (!column) throw ERRORS.InvalidParameter('sortColumn');
  const order = (q.get('sortOrder') ?? 'asc').toLowerCase() === 'desc' ? 'desc' : 'asc';
  const rows = await asIdentity(s.ctx, identity(), async (tx) => {
    const r = await tx.query<Bucket>(
      `select ${BUCKET_COLUMNS} from storage.buckets
       where $1 = '' or strpos(lower(name), lower($1)) > 0
       order by ${column} ${order}, id
       limit $2 offset $3`,
      [search, limit, offset],
    );
    return r.rows;
  });
  reply(res, rows);
};
