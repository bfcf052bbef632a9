// Named prepared statements (PreparedNames): reused per connection, never a collision after a
// failed pipeline, and plans follow schema changes — on PGlite, and on a real Postgres when
// TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { resetPostgresDatabase } from '../../tests/stack/support/postgres';

const engines: [string, () => Promise<Database>][] = [['pglite', () => openPglite('memory')]];
if (process.env.TEST_DATABASE_URL) {
  engines.push([
    'postgres',
    async () =>
      openPostgres(await resetPostgresDatabase(process.env.TEST_DATABASE_URL!, 'prepared')),
  ]);
}

describe.each(engines)('prepared pipeline statements on %s', (_engine, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await db.exec(`create table t (id int primary key, label text);
                   insert into t values (1, 'one'), (2, 'two')`);
  }, 60_000);
  afterAll(() => db?.close());

  // Inside one transaction, so Postgres's pool hands every step the same connection.
  const preparedCount = () =>
    db.transaction(async (tx) => {
      const [r] = await tx.pipeline([
        { sql: `select count(*)::int as n from pg_prepared_statements where name like 'loupe_%'` },
      ]);
      return (r!.rows[0] as { n: number }).n;
    });

  it('parses a statement once per connection and binds it again with new values', async () => {
    const sql = `select label from t where id = $1`;
    const labels = await db.transaction(async (tx) => {
      const before = await tx.pipeline([
        { sql: `select count(*)::int as n from pg_prepared_statements` },
      ]);
      const out: unknown[] = [];
      for (const id of [1, 2, 1]) {
        const [r] = await tx.pipeline([{ sql, params: [id] }]);
        out.push(r!.rows[0]);
      }
      const after = await tx.pipeline([
        { sql: `select count(*)::int as n from pg_prepared_statements` },
      ]);
      // The count statement itself was new in `before`; only `sql` is new since.
      const grew = (after[0]!.rows[0] as { n: number }).n - (before[0]!.rows[0] as { n: number }).n;
      return { out, grew };
    });
    expect(labels.out).toEqual([{ label: 'one' }, { label: 'two' }, { label: 'one' }]);
    expect(labels.grew).toBe(1);
  });

  it('reuses nothing half-made after a failed pipeline: the same text works next time', async () => {
    const sql = `select 10 / $1::int as q`;
    await expect(db.pipeline([{ sql, params: [0] }])).rejects.toMatchObject({ code: '22012' });
    const [r] = await db.pipeline([{ sql, params: [5] }]);
    expect(r!.rows).toEqual([{ q: 2 }]);
    // The server skips everything after the error, so `later` was never parsed: it must not be
    // remembered as prepared.
    const later = `select 2 as two`;
    await expect(db.pipeline([{ sql, params: [0] }, { sql: later }])).rejects.toMatchObject({
      code: '22012',
    });
    const [again] = await db.pipeline([{ sql: later }]);
    expect(again!.rows).toEqual([{ two: 2 }]);
    expect(await preparedCount()).toBeGreaterThan(0);
  });

  it('follows a schema change under a prepared statement', async () => {
    const sql = `select coalesce(json_agg(t order by id)::text, '[]') as body from t`;
    const [before] = await db.pipeline([{ sql }]);
    expect(JSON.parse((before!.rows[0] as { body: string }).body)[0]).toEqual({
      id: 1,
      label: 'one',
    });
    await db.exec(`alter table t add column carat numeric default 1.5`);
    const [after] = await db.pipeline([{ sql }]);
    expect(JSON.parse((after!.rows[0] as { body: string }).body)[0]).toEqual({
      id: 1,
      label: 'one',
      carat: 1.5,
    });
  });
});
