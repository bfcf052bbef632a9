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

/** One parameterised statement of a pipeline. */
export type Step = { sql: string; params?: unknown[] };

/** A handle valid only inside one transaction. Values are always bound parameters. */
export interface Tx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /**
   * Several statements in one round trip (extended protocol, one Sync), results in order. The
   * first failing statement's error is thrown; the transaction is then aborted, as with query().
   */
  pipeline(steps: Step[]): Promise<QueryResult[]>;
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
  /**
   * BEGIN [READ ONLY], the steps and COMMIT pipelined in ONE round trip — for work where nothing
   * has to be decided between the statements and the commit (PostgREST's reads). Any error rolls
   * the whole transaction back and is thrown. Results of the steps only, in order.
   */
  pipeline(steps: Step[], options?: { readOnly?: boolean }): Promise<QueryResult[]>;
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

/**
 * A parameter as Postgres text input. Pipelines bind untyped text parameters (the server infers
 * each one's type from the statement, as for a plain `$n`), so values are rendered here.
 */
export function textParam(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return '\\x' + Buffer.from(value).toString('hex');
  if (Array.isArray(value)) {
    const items = value.map((item) => {
      const text = textParam(item);
      if (Array.isArray(item)) return text; // a sub-array is written bare: {{1,2},{3,4}}
      return text === null
        ? 'NULL'
        : '"' + text.replaceAll('\\', '\\\\').replaceAll('"', '\\"') + '"';
    });
    return '{' + items.join(',') + '}';
  }
  return JSON.stringify(value);
}

/** Rows touched, from a CommandComplete tag such as `INSERT 0 3`, `UPDATE 2`, `SELECT 5`. */
export function affectedFromTag(tag: string | undefined): number | undefined {
  const count = tag?.match(/ (\d+)$/)?.[1];
  return count === undefined ? undefined : Number(count);
}

/**
 * Named prepared statements for one connection, as PostgREST prepares its statements
 * (db-prepared-statements): a text seen before on this connection is bound straight to its
 * parsed form, and after a few runs Postgres reuses a generic plan — parse and plan were most
 * of the database's time on a one-row read. Values are never part of the text, so the shapes
 * are few; past the cap, statements go unnamed. Plans stay correct across roles, search_path
 * and schema changes: Postgres revalidates its cached plans itself.
 */
export class PreparedNames {
  private static counter = 0;
  private readonly names = new Map<string, string>();

  constructor(private readonly max = 500) {}

  /** The statement name to bind ('' = unnamed), and whether it must be parsed first. */
  lookup(sql: string): { name: string; parse: boolean } {
    const known = this.names.get(sql);
    if (known !== undefined) return { name: known, parse: false };
    if (this.names.size >= this.max) return { name: '', parse: true };
    const name = `loupe_${++PreparedNames.counter}`;
    this.names.set(sql, name);
    return { name, parse: true };
  }

  /**
   * After a failed pipeline it is unknown which of its new statements the server parsed before
   * the error: forget them (a later use parses again under a fresh name, so names never
   * collide). "cached plan must not change result type" (0A000: a schema change under a
   * prepared statement) or "prepared statement … does not exist" (26000: a script ran
   * DEALLOCATE/DISCARD ALL on this connection): forget everything.
   */
  forget(sqls: string[], error: unknown): void {
    const code = (error as { code?: string } | null)?.code;
    if (code === '0A000' || code === '26000') this.names.clear();
    for (const sql of sqls) this.names.delete(sql);
  }
}
