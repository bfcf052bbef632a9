// One interface over the two engines the stack runs on: embedded PGlite (one connection, so
// every transaction is serialized through a queue) and a real Postgres (a pool, one client per
// transaction). Everything above this file is engine-agnostic.
//
// Row values: both drivers parse text, bool, int2/int4, float and json(b) the same way; they
// differ for int8, numeric and timestamps. Code above this layer casts in SQL where it cares
// (`::text`, `::int`, `to_json(...)`), and REST bodies are JSON text built by Postgres itself.

export type Field = { name: string; dataTypeID: number };

export type QueryResult<R = Record<string, unknown>> = {
  rows: R[];
  fields: Field[];
  /** Rows touched by INSERT/UPDATE/DELETE, when the engine reports it. */
  affectedRows?: number;
};

/** A handle valid only inside one transaction. Values are always bound parameters. */
export interface Tx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** A multi-statement script (simple protocol), no parameters. */
  exec(script: string): Promise<void>;
}

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction (BEGIN … COMMIT, ROLLBACK on throw). On PGlite, transactions
   * are queued so two requests' statements never interleave on the single connection.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A parameterised statement outside any explicit transaction, as the superuser. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** A multi-statement script (migrations, seed, bootstrap); no parameters. */
  exec(script: string): Promise<void>;
  /** Subscribe to NOTIFY on a channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A FIFO mutex: PGlite has exactly one connection, so work on it must take turns. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // Keep the chain alive whether fn resolves or rejects.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
