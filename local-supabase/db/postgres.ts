// A real Postgres given by URL: a pool of connections, one client per transaction, plus one
// dedicated client for LISTEN.
import pg from 'pg';
import type { Database, QueryResult } from './database';
import { runPipeline } from './pg-pipeline';

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail fast on a wrong URL, before the stack prints a ready line.
  await pool.query('select 1');
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  const toResult = <R>(r: pg.QueryResult): QueryResult<R> => ({
    rows: r.rows as R[],
    fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    affectedRows: r.rowCount ?? undefined,
  });

  return {
    engine: 'postgres',
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (sql, params) => toResult(await client.query(sql, params as unknown[])),
          pipeline: (steps) => runPipeline(client, steps),
          exec: async (script) => void (await client.query(script)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async pipeline(steps, options) {
      const client = await pool.connect();
      try {
        const begin = { sql: options?.readOnly ? 'BEGIN READ ONLY' : 'BEGIN' };
        const results = await runPipeline(client, [begin, ...steps, { sql: 'COMMIT' }]);
        return results.slice(1, 1 + steps.length);
      } catch (error) {
        // An error inside the pipeline leaves its explicit transaction aborted.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    query: async (sql, params) => toResult(await pool.query(sql, params as unknown[])),
    exec: async (script) => void (await pool.query(script)),
    async listen(channel, onPayload) {
      if (!listener) {
        listener = new pg.Client({ connectionString: url });
        await listener.connect();
        listener.on('notification', (msg) => {
          for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
        });
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
