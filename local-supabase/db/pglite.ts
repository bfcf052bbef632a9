// Embedded Postgres (PGlite, Postgres compiled to WASM) persisted to a data folder, or in
// memory. PGlite is a single connection: the Mutex serializes transactions and standalone
// statements alike.
//
// Pipelines: PGlite's own query() makes six calls into WASM per statement (parse, describe,
// bind, describe, execute, sync). A pipeline writes every step's Parse/Bind/Describe/Execute and
// one Sync into a single buffer and makes one call — the same bytes a network client pipelines
// to a real Postgres — then reads the results with PGlite's own type parsers.
import { PGlite, protocol } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, Field, QueryResult, Step, Tx } from './database';
import { Mutex, PreparedNames, affectedFromTag, textParam } from './database';

const { serialize } = protocol;
const BEGIN: Step = { sql: 'BEGIN' };
const BEGIN_READ_ONLY: Step = { sql: 'BEGIN READ ONLY' };
const COMMIT: Step = { sql: 'COMMIT' };

function encode(steps: Step[], prepared: PreparedNames, parsedHere: string[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const step of steps) {
    const { name, parse } = prepared.lookup(step.sql);
    if (parse) {
      if (name) parsedHere.push(step.sql);
      parts.push(serialize.parse({ text: step.sql, name }));
    }
    parts.push(
      serialize.bind({ statement: name, values: (step.params ?? []).map(textParam) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
    );
  }
  parts.push(serialize.sync());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

type Message = { name: string } & Record<string, unknown>;

export async function openPglite(dataDir: string | 'memory'): Promise<Database> {
  const db = await PGlite.create({
    dataDir: dataDir === 'memory' ? undefined : dataDir,
    extensions: { pgcrypto, uuid_ossp, pg_trgm, btree_gist },
  });
  const mutex = new Mutex();
  // PGlite is one connection: one set of named statements (PreparedNames says why).
  const prepared = new PreparedNames();

  /** One call into WASM for all the steps; one result per step. Throws the first error. */
  const pipeline = async (steps: Step[]): Promise<QueryResult[]> => {
    const parsedHere: string[] = [];
    let messages: Message[];
    try {
      messages = (await db.execProtocolStream(encode(steps, prepared, parsedHere), {
        syncToFs: false,
      })) as unknown as Message[];
    } catch (error) {
      prepared.forget(parsedHere, error);
      throw error;
    }
    const results: QueryResult[] = [];
    let fields: Field[] = [];
    let parsers: ((text: string) => unknown)[] = [];
    let rows: Record<string, unknown>[] = [];
    for (const message of messages) {
      switch (message.name) {
        case 'rowDescription': {
          const described = message.fields as { name: string; dataTypeID: number }[];
          fields = described.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
          parsers = described.map((f) => {
            const parse = db.parsers[f.dataTypeID];
            return parse ? (text: string) => parse(text, f.dataTypeID) : (text: string) => text;
          });
          break;
        }
        case 'dataRow': {
          const values = message.fields as (string | null)[];
          const row: Record<string, unknown> = {};
          for (let i = 0; i < fields.length; i++) {
            const text = values[i];
            row[fields[i]!.name] = text === null || text === undefined ? null : parsers[i]!(text);
          }
          rows.push(row);
          break;
        }
        case 'commandComplete':
        case 'emptyQuery': {
          const tag = message.text as string | undefined;
          const isSelect = tag?.startsWith('SELECT') ?? false;
          results.push({ rows, fields, affectedRows: isSelect ? 0 : (affectedFromTag(tag) ?? 0) });
          fields = [];
          parsers = [];
          rows = [];
          break;
        }
      }
    }
    return results;
  };

  const run = async <R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> => {
    const r = await db.query<R>(sql, params ?? []);
    return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
  };
  const tx: Tx = {
    query: run,
    pipeline,
    exec: async (script) => void (await db.exec(script)),
  };
  /** After a failed pipeline inside BEGIN the transaction is aborted; end it. */
  const rollback = () => pipeline([{ sql: 'ROLLBACK' }]).catch(() => undefined);
  /** Pipelines skip PGlite's per-query flush; a data folder is flushed once per commit. */
  const flush = dataDir === 'memory' ? async () => undefined : () => db.syncToFs();

  return {
    engine: 'pglite',
    transaction: (fn) =>
      mutex.run(async () => {
        await pipeline([BEGIN]);
        try {
          const result = await fn(tx);
          await pipeline([COMMIT]);
          await flush();
          return result;
        } catch (error) {
          // A failed COMMIT/ROLLBACK must not wedge the connection for the next request.
          await rollback();
          throw error;
        }
      }),
    pipeline: (steps, options) =>
      mutex.run(async () => {
        try {
          const results = await pipeline([
            options?.readOnly ? BEGIN_READ_ONLY : BEGIN,
            ...steps,
            COMMIT,
          ]);
          await flush();
          return results.slice(1, 1 + steps.length);
        } catch (error) {
          if (db.isInTransaction()) await rollback();
          throw error;
        }
      }),
    query: (sql, params) => mutex.run(() => run(sql, params)),
    exec: (script) => mutex.run(async () => void (await db.exec(script))),
    listen: async (channel, onPayload) => {
      const unsubscribe = await mutex.run(() => db.listen(channel, onPayload));
      return () => mutex.run(() => unsubscribe());
    },
    // close() waits for queued work, then closes cleanly so the data folder is never torn.
    close: () => mutex.run(() => db.close()),
  };
}
