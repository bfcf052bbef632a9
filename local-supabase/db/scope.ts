// Runs a request's statements as its role with its JWT claims, the way PostgREST and Supabase
// Storage (src/internal/database/postgres/scope.ts) do: transaction-local settings, so RLS,
// auth.uid() and auth.jwt() see exactly this request and nothing leaks to the next one.
import type { Database, Step, Tx } from './database';

export type RequestScope = {
  /** A database role; the JWT's `role` claim (anon when there is no JWT). */
  role: string;
  claims: Record<string, unknown>;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** search_path for the request, e.g. `"public", "extensions"`, already quoted. */
  searchPath?: string;
};

/**
 * The scope as one statement. set_config('role', …) is `SET LOCAL ROLE` in function form, so the
 * role can be a bound parameter; Postgres itself checks that the session may assume it.
 */
export function scopeStep(scope: RequestScope): Step {
  return {
    sql: `select set_config('role', $1, true),
            set_config('request.jwt.claims', $2, true),
            set_config('request.method', $3, true),
            set_config('request.path', $4, true),
            set_config('request.headers', $5, true),
            set_config('search_path', $6, true)`,
    params: [
      scope.role,
      JSON.stringify(scope.claims),
      scope.method ?? '',
      scope.path ?? '',
      JSON.stringify(scope.headers ?? {}),
      scope.searchPath ?? '"public", "extensions"',
    ],
  };
}

/** One round trip inside an open transaction. */
export async function applyScope(tx: Tx, scope: RequestScope): Promise<void> {
  const step = scopeStep(scope);
  await tx.query(step.sql, step.params);
}

export type RoleSets = {
  /** Roles PostgREST's `authenticator` may switch to: the only ones a JWT may name. */
  assumable: Set<string>;
  /** Roles that exist but the authenticator may not become (refused with 42501). */
  other: Set<string>;
};

/**
 * The stack connects as a superuser, which could become any role; Supabase's services connect
 * as `authenticator` and Postgres refuses the rest. Every service that switches to a JWT's role
 * checks it against these sets first.
 */
export async function loadRoleSets(db: Database): Promise<RoleSets> {
  const { rows } = await db.query<{ name: string; allowed: boolean }>(
    `select r.rolname as name, pg_has_role('authenticator', r.oid, 'member') as allowed
     from pg_roles r where r.rolname <> 'authenticator'`,
  );
  return {
    assumable: new Set(rows.filter((r) => r.allowed).map((r) => r.name)),
    other: new Set(rows.filter((r) => !r.allowed).map((r) => r.name)),
  };
}
