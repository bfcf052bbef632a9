// Stage 4, as PostgREST's Query.hs runs it: one transaction per request — the role, claims and
// request settings (local-supabase/db/scope.ts), then the one statement, pipelined as PostgREST
// pipelines them. A read is ONE round trip (BEGIN READ ONLY, scope, statement, COMMIT); a write
// needs the statement's result before it may commit (single-row, max-affected, tx=rollback), so
// it is three: BEGIN, scope + statement, then COMMIT or ROLLBACK.
import type { Database, QueryResult } from '../db/database';
import { scopeStep, type RequestScope } from '../db/scope';
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

type StatementRow = {
  total: number | null;
  page_total: number;
  body: string | null;
  inserted?: number | null;
};

function toResult(r: QueryResult | undefined): StatementResult {
  const row = r?.rows[0] as StatementRow | undefined;
  return {
    total: row?.total ?? null,
    pageTotal: row?.page_total ?? 0,
    body: row?.body ?? null,
    inserted: row?.inserted ?? null,
  };
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
  const steps = [scopeStep(scope), { sql: statement.sql, params: statement.params }];
  const check = (result: StatementResult) => {
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
  };

  if (options.readOnly) {
    // Reads run read-only as in PostgREST, so a GET on a function that writes fails (405).
    // Nothing a read did can stay, so the checks may come after the commit.
    const [, r] = await db.pipeline(steps, { readOnly: true });
    const result = toResult(r);
    check(result);
    return result;
  }

  try {
    return await db.transaction(async (tx) => {
      const [, r] = await tx.pipeline(steps);
      const result = toResult(r);
      check(result);
      if (options.rollback) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
