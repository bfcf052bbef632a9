// Builds the `data` of a postgres_changes message the way walrus (realtime.apply_rls) does, from
// a captured change, the table's metadata and the columns the subscriber's role may select:
// `columns` [{name, type}], `record` for INSERT/UPDATE, `old_record` for UPDATE/DELETE trimmed to
// what the replica identity puts in the WAL, and `errors` (400 no primary key, 401 primary key
// not selectable, 413 payload too large with every value over 64 bytes dropped).
import type { TableMeta } from './catalog';

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

/** One change as the capture trigger notifies it. */
export type CapturedChange = {
  seq: number;
  schema: string;
  table: string;
  type: ChangeType;
  commit_timestamp: string;
  record: Record<string, unknown> | null;
  old_record: Record<string, unknown> | null;
};

export type ChangeData = {
  schema: string;
  table: string;
  type: ChangeType;
  commit_timestamp?: string;
  columns?: { name: string; type: string }[];
  record?: Record<string, unknown>;
  old_record?: Record<string, unknown>;
  errors: string[] | null;
};

/** Realtime's default max_record_bytes (1 MB). */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/** walrus keeps a value of an oversized record only if its JSON text is at most 64 bytes. */
const SMALL_VALUE_BYTES = 64;

function pick(
  source: Record<string, unknown> | null,
  keep: (name: string) => boolean,
  small: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!source) return out;
  for (const [name, value] of Object.entries(source)) {
    if (!keep(name)) continue;
    if (small && Buffer.byteLength(JSON.stringify(value ?? null)) > SMALL_VALUE_BYTES) continue;
    out[name] = value;
  }
  return out;
}

/**
 * `selectable` is the set of columns the subscriber's role may select; `payloadBytes` is the
 * size of the captured change (walrus compares the whole WAL record with max_record_bytes).
 */
export function buildChangeData(
  change: CapturedChange,
  meta: TableMeta,
  selectable: Set<string>,
  payloadBytes: number,
  maxRecordBytes = DEFAULT_MAX_RECORD_BYTES,
): ChangeData {
  const base = { schema: change.schema, table: change.table, type: change.type };
  if (change.type !== 'DELETE') {
    if (meta.pk.length === 0)
      return { ...base, errors: ['Error 400: Bad Request, no primary key'] };
    if (!meta.pk.every((c) => selectable.has(c))) {
      return { ...base, errors: ['Error 401: Unauthorized'] };
    }
  }
  const tooLarge = payloadBytes > maxRecordBytes;
  const isPk = (name: string) => meta.pk.includes(name);
  const data: ChangeData = {
    ...base,
    commit_timestamp: change.commit_timestamp,
    columns: meta.columns
      .filter((c) => selectable.has(c.name))
      .map((c) => ({ name: c.name, type: c.type })),
    errors: tooLarge ? ['Error 413: Payload Too Large'] : null,
  };
  if (change.type !== 'DELETE') {
    data.record = pick(change.record, (n) => selectable.has(n), tooLarge);
  }
  if (change.type === 'UPDATE') {
    // Default replica identity logs only the key; FULL logs the whole old row.
    data.old_record = pick(
      change.old_record,
      (n) => selectable.has(n) && (meta.replicaFull || isPk(n)),
      tooLarge,
    );
  } else if (change.type === 'DELETE') {
    // With RLS on, a deleted row cannot be checked against policies any more, so walrus sends
    // only its primary key even when the replica identity is FULL.
    data.old_record = pick(
      change.old_record,
      (n) => selectable.has(n) && ((meta.replicaFull && !meta.rlsEnabled) || isPk(n)),
      tooLarge,
    );
  }
  return data;
}
