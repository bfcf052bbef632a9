// Wraps a Database so a benchmark can capture the exact database work one HTTP request did
// (role/claims scope + query, in the same round trips) and replay it directly on the same
// driver: the reference every REST figure is a ratio against.
import type { Database, Step, Tx } from '../local-supabase/db/database';

/** One request's database work: a one-round-trip pipeline, or a transaction's calls in order. */
export type Recorded =
  | { kind: 'pipeline'; steps: Step[]; readOnly: boolean }
  | { kind: 'transaction'; calls: ({ query: Step } | { pipeline: Step[] })[] };

export function recordingDatabase(inner: Database) {
  let capture: Recorded[] | undefined;
  const db: Database = {
    engine: inner.engine,
    transaction: (fn) =>
      inner.transaction((tx) => {
        if (!capture) return fn(tx);
        const calls: ({ query: Step } | { pipeline: Step[] })[] = [];
        capture.push({ kind: 'transaction', calls });
        const recording: Tx = {
          query: (sql, params) => {
            calls.push({ query: { sql, params } });
            return tx.query(sql, params);
          },
          pipeline: (steps) => {
            calls.push({ pipeline: steps });
            return tx.pipeline(steps);
          },
          exec: (script) => tx.exec(script),
        };
        return fn(recording);
      }),
    pipeline: (steps, options) => {
      capture?.push({ kind: 'pipeline', steps, readOnly: options?.readOnly ?? false });
      return inner.pipeline(steps, options);
    },
    query: (sql, params) => inner.query(sql, params),
    exec: (script) => inner.exec(script),
    listen: (channel, cb) => inner.listen(channel, cb),
    close: () => inner.close(),
  };
  return {
    db,
    /** Runs `fn` and returns the database work it caused, one entry per transaction. */
    async capture(fn: () => Promise<unknown>): Promise<Recorded[]> {
      capture = [];
      try {
        await fn();
        return capture;
      } finally {
        capture = undefined;
      }
    },
    /** Replays one captured unit of work directly on the database driver. */
    async replay(recorded: Recorded): Promise<void> {
      if (recorded.kind === 'pipeline') {
        await inner.pipeline(recorded.steps, { readOnly: recorded.readOnly });
        return;
      }
      await inner.transaction(async (tx) => {
        for (const call of recorded.calls) {
          if ('query' in call) await tx.query(call.query.sql, call.query.params);
          else await tx.pipeline(call.pipeline);
        }
      });
    },
  };
}
