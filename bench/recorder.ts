// Wraps a Database so a benchmark can capture the exact statements one HTTP request ran
// (role/claims scope + query) and replay them directly on the same driver: the reference
// every REST figure is a ratio against.
import type { Database, Tx } from '../local-supabase/db/database';

export type Statement = { sql: string; params: unknown[] | undefined };

export function recordingDatabase(inner: Database) {
  let capture: Statement[][] | undefined;
  const db: Database = {
    engine: inner.engine,
    transaction: (fn) =>
      inner.transaction((tx) => {
        if (!capture) return fn(tx);
        const statements: Statement[] = [];
        capture.push(statements);
        const recording: Tx = {
          query: (sql, params) => {
            statements.push({ sql, params });
            return tx.query(sql, params);
          },
          exec: (script) => tx.exec(script),
        };
        return fn(recording);
      }),
    query: (sql, params) => inner.query(sql, params),
    exec: (script) => inner.exec(script),
    listen: (channel, cb) => inner.listen(channel, cb),
    close: () => inner.close(),
  };
  return {
    db,
    /** Runs `fn` and returns the transactions it caused, each as its list of statements. */
    async capture(fn: () => Promise<unknown>): Promise<Statement[][]> {
      capture = [];
      try {
        await fn();
        return capture;
      } finally {
        capture = undefined;
      }
    },
    /** Replays one captured transaction directly on the database driver. */
    replay(statements: Statement[]): Promise<void> {
      return inner.transaction(async (tx) => {
        for (const s of statements) await tx.query(s.sql, s.params);
      });
    },
  };
}
