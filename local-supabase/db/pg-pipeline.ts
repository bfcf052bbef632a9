// Several statements to a real Postgres in one round trip. node-postgres sends Sync after every
// query; its "submittable" interface (the one pg-cursor and pg-query-stream use) lets a query
// object write its own protocol messages, so this one writes every step's Parse/Bind/Describe/
// Execute and a single Sync — one implicit or explicit transaction, one network round trip —
// and collects a result per step. Values are bound as untyped text, as in a plain `$n`.
import pg from 'pg';
import type { Field, QueryResult, Step } from './database';
import { PreparedNames, affectedFromTag, textParam } from './database';

type Connection = {
  stream: { cork?: () => void; uncork?: () => void };
  parse(config: { text: string; name?: string; types?: number[] }): void;
  bind(config: { statement?: string; values: (string | null)[] }): void;
  describe(config: { type: 'P' | 'S'; name?: string }): void;
  execute(config: { rows?: number }): void;
  sync(): void;
};

const preparedByConnection = new WeakMap<Connection, PreparedNames>();

type RowDescription = { fields: { name: string; dataTypeID: number }[] };

class Pipeline {
  private readonly results: QueryResult[] = [];
  private fields: Field[] = [];
  private parsers: ((text: string) => unknown)[] = [];
  private rows: Record<string, unknown>[] = [];
  readonly done: Promise<QueryResult[]>;
  private settle!: { resolve: (r: QueryResult[]) => void; reject: (e: unknown) => void };
  // pg's Client.query(submittable) sets a callback on submittables that lack one; ours is unused.
  callback?: unknown;

  private prepared: PreparedNames | undefined;
  /** Statements first parsed by this pipeline: forgotten again if it fails. */
  private readonly parsedHere: string[] = [];

  constructor(private readonly steps: Step[]) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: Connection): Error | void {
    // Refuse what the protocol cannot carry before writing a byte, so the connection never
    // holds half a pipeline; node-postgres reports a returned error through handleError.
    const tooMany = this.steps.find((step) => (step.params?.length ?? 0) > 65_535);
    if (tooMany) return new Error('A statement may bind at most 65535 parameters');
    // node-postgres writes each protocol message with its own socket write; corked, the whole
    // pipeline leaves in one writev (a read's 17 messages were 17 syscalls and most of the
    // stack's CPU time under load). pg's own Query corks the same way.
    // Named statements per connection (PreparedNames says why).
    let prepared = preparedByConnection.get(connection);
    if (!prepared) preparedByConnection.set(connection, (prepared = new PreparedNames()));
    this.prepared = prepared;
    connection.stream.cork?.();
    try {
      for (const step of this.steps) {
        const { name, parse } = prepared.lookup(step.sql);
        if (parse) {
          if (name) this.parsedHere.push(step.sql);
          connection.parse({ text: step.sql, name, types: [] });
        }
        connection.bind({ statement: name, values: (step.params ?? []).map(textParam) });
        connection.describe({ type: 'P' });
        connection.execute({ rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
  }

  handleRowDescription(message: RowDescription): void {
    this.fields = message.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
    this.parsers = message.fields.map((f) => pg.types.getTypeParser(f.dataTypeID, 'text'));
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < this.fields.length; i++) {
      const text = message.fields[i];
      row[this.fields[i]!.name] =
        text === null || text === undefined ? null : this.parsers[i]!(text);
    }
    this.rows.push(row);
  }

  handleCommandComplete(message: { text: string }): void {
    this.results.push({
      rows: this.rows,
      fields: this.fields,
      affectedRows: affectedFromTag(message.text),
    });
    this.fields = [];
    this.parsers = [];
    this.rows = [];
  }

  handleEmptyQuery(): void {
    this.results.push({ rows: [], fields: [], affectedRows: 0 });
  }

  handlePortalSuspended(): void {}

  handleError(error: unknown): void {
    // node-postgres drops the active query on an ErrorResponse (ReadyForQuery then goes to the
    // client, which queues the next query behind it), so the pipeline settles here. The server
    // has skipped the rest of our messages up to the Sync.
    this.prepared?.forget(this.parsedHere, error);
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle.resolve(this.results);
  }

  handleCopyInResponse(): void {
    this.settle.reject(new Error('COPY is not supported in a pipeline'));
  }

  handleCopyData(): void {}
}

/** Runs the steps on one client in one round trip; results in order, or the first error. */
export function runPipeline(
  client: pg.PoolClient | pg.Client,
  steps: Step[],
): Promise<QueryResult[]> {
  const pipeline = new Pipeline(steps);
  client.query(pipeline as unknown as pg.QueryConfig);
  return pipeline.done;
}
