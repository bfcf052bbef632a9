// Embedded Postgres (PGlite, Postgres compiled to WASM) persisted to a data folder, or in
// memory. PGlite is a single connection: the Mutex serializes transactions and standalone
// statements alike.
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Database, QueryResult, Tx } from './database';
import { Mutex } from './database';

export async function openPglite(dataDir: string | 'memory'): Promise<Database> {
  const db = await PGlite.create({
    dataDir: dataDir === 'memory' ? undefined : dataDir,
    extensions: { pgcrypto, uuid_ossp, pg_trgm, btree_gist },
  });
  const mutex = new Mutex();

  const run = async <R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> => {
    const r = await db.query<R>(sql, params ?? []);
    return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
  };
  const tx: Tx = { query: run, exec: async (script) => void (await db.exec(script)) };

  return {
    engine: 'pglite',
    transaction: (fn) =>
      mutex.run(async () => {
        await db.exec('BEGIN');
        try {
          const result = await fn(tx);
          await db.exec('COMMIT');
          return result;
        } catch (error) {
          // A failed COMMIT/ROLLBACK must not wedge the connection for the next request.
          await db.exec('ROLLBACK').catch(() => undefined);
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
