// Runs a request's statements as its role with its JWT claims, the way PostgREST and Supabase
// Storage (src/internal/database/postgres/scope.ts) do: transaction-local settings, so RLS,
// auth.uid() and auth.jwt() see exactly this request and nothing leaks to the next one.
import type { Tx } from './database';

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
 * One round trip. set_config('role', …) is `SET LOCAL ROLE` in function form, so the role can
 * be a bound parameter; Postgres itself checks that the session may assume it.
 */
export async function applyScope(tx: Tx, scope: RequestScope): Promise<void> {
  await tx.query(
    `select set_config('role', $1, true),
            set_config('request.jwt.claims', $2, true),
            set_config('request.method', $3, true),
            set_config('request.path', $4, true),
            set_config('request.headers', $5, true),
            set_config('search_path', $6, true)`,
    [
      scope.role,
      JSON.stringify(scope.claims),
      scope.method ?? '',
      scope.path ?? '',
      JSON.stringify(scope.headers ?? {}),
      scope.searchPath ?? '"public", "extensions"',
    ],
  );
}
