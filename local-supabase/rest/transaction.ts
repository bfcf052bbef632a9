// Stage 4, as PostgREST's Query.hs runs it: one transaction per request — the role, claims and
// request settings (local-supabase/db/scope.ts), then the one statement. Two round trips.
import type { Database } from '../db/database';
import { applyScope, type RequestScope } from '../db/scope';
import { ApiError } from './errors';
import type { Statement } from './query';

export type StatementResult = {
  total: number | null;
  pageTotal: number;
  body: string | null;
  /** Rows an upsert inserted (rather than updated). */
  inserted: number | null;
};

/** Thrown inside the transaction to roll it back while keeping the result (Prefer: tx=rollback). */
class Rollback extends Error {
  constructor(readonly result: StatementResult) {
    super('rollback');
  }
}

export async function runInTransaction(
  db: Database,
  scope: RequestScope,
  statement: Statement,
  options: {
    rollback: boolean;
    readOnly: boolean;
    exactlyOne: boolean;
    /** Prefer: handling=strict, max-affected=n on PATCH/DELETE. */
    maxAffected?: number;
  },
): Promise<StatementResult> {
  try {
    return await db.transaction(async (tx) => {
      await applyScope(tx, scope);
      // Reads run read-only as in PostgREST, so a GET on a function that writes fails (405).
      if (options.readOnly) await tx.query('SET TRANSACTION READ ONLY');
      const r = await tx.query<{
        total: number | null;
        page_total: number;
        body: string | null;
        inserted?: number | null;
      }>(statement.sql, statement.params);
      const row = r.rows[0];
      const result: StatementResult = {
        total: row?.total ?? null,
        pageTotal: row?.page_total ?? 0,
        body: row?.body ?? null,
        inserted: row?.inserted ?? null,
      };
      // A singular response must be exactly one row; otherwise nothing it did may stay.
      if (options.exactlyOne && result.pageTotal !== 1) {
        throw new ApiError(
          406,
          'PGRST116',
          'Cannot coerce the result to a single JSON object',
          `The result contains ${result.pageTotal} rows`,
        );
      }
      if (options.maxAffected !== undefined && result.pageTotal > options.maxAffected) {
        throw new ApiError(
          400,
          'PGRST124',
          'Query result exceeds max-affected preference constraint',
          `The query affects ${result.pageTotal} rows`,
        );
      }
      if (options.rollback) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
