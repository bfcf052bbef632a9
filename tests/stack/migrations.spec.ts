// The stack prepares a database the way `supabase start` does: bootstrap, migrations in order
// (recorded, never re-applied), seed only on a fresh database, clean shutdown.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack } from '../../local-supabase/server';
import { applyScope } from '../../local-supabase/db/scope';

const dirs: string[] = [];
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-migrations-'));
  dirs.push(dir);
  const migrations = join(dir, 'migrations');
  mkdirSync(migrations);
  return { dir, migrations, data: join(dir, 'data'), seed: join(dir, 'seed.sql') };
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const quiet = { port: 0, log: () => undefined };

describe('migrations and seed on the embedded database', () => {
  it('applies in filename order, records each once, seeds only a fresh database', async () => {
    const p = project();
    writeFileSync(
      join(p.migrations, '20240101000000_create_gems.sql'),
      'create table public.gems (id int primary key, name text);',
    );
    writeFileSync(
      join(p.migrations, '20240102000000_add_carat.sql'),
      'alter table public.gems add column carat numeric;',
    );
    writeFileSync(p.seed, `insert into public.gems values (1, 'ruby', 1.5);`);

    let stack = await startStack({ ...quiet, data: p.data, projectDir: p.dir, seedFile: p.seed });
    expect(stack.migrations).toMatchObject({ fresh: true, seeded: true });
    const versions = await stack.db.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by version',
    );
    expect(versions.rows.map((r) => r.version)).toEqual(['20240101000000', '20240102000000']);
    await stack.close();

    // Restart on the same data folder with one more migration: only that one runs, no re-seed.
    writeFileSync(
      join(p.migrations, '20240103000000_add_cut.sql'),
      'alter table public.gems add column cut text;',
    );
    stack = await startStack({ ...quiet, data: p.data, projectDir: p.dir, seedFile: p.seed });
    expect(stack.migrations).toMatchObject({
      fresh: false,
      seeded: false,
      applied: ['20240103000000_add_cut.sql'],
    });
    const gems = await stack.db.query<{ n: number }>('select count(*)::int as n from public.gems');
    expect(gems.rows[0]?.n).toBe(1);
    await stack.close();
  });

  it('a failing migration names its file, is not recorded, and leaves the database usable', async () => {
    const p = project();
    writeFileSync(join(p.migrations, '20240101000000_ok.sql'), 'create table public.ok (id int);');
    writeFileSync(
      join(p.migrations, '20240102000000_broken.sql'),
      'create table public.half (id int); select no_such_function();',
    );
    await expect(startStack({ ...quiet, data: p.data, projectDir: p.dir })).rejects.toThrow(
      /20240102000000_broken\.sql/,
    );
    // Fix the file; the next start applies it from scratch (the failed attempt left nothing).
    writeFileSync(
      join(p.migrations, '20240102000000_broken.sql'),
      'create table public.half (id int);',
    );
    const stack = await startStack({ ...quiet, data: p.data, projectDir: p.dir });
    expect(stack.migrations.applied).toEqual(['20240102000000_broken.sql']);
    await stack.close();
  });

  it("runs every seed file of config.toml's [db.seed] sql_paths in order, globs included", async () => {
    const p = project();
    mkdirSync(join(p.dir, 'seeds'));
    writeFileSync(
      join(p.dir, 'config.toml'),
      `[db.seed]\nsql_paths = ["./seed.sql", "./seeds/*.sql"]\n`,
    );
    writeFileSync(
      join(p.migrations, '20240101000000_log.sql'),
      'create table public.seed_log (n serial, file text);',
    );
    writeFileSync(p.seed, `insert into public.seed_log (file) values ('seed.sql');`);
    writeFileSync(
      join(p.dir, 'seeds', '02_b.sql'),
      `insert into public.seed_log (file) values ('02_b');`,
    );
    writeFileSync(
      join(p.dir, 'seeds', '01_a.sql'),
      `insert into public.seed_log (file) values ('01_a');`,
    );
    writeFileSync(join(p.dir, 'seeds', 'notes.txt'), 'not sql');
    const stack = await startStack({ ...quiet, data: 'memory', projectDir: p.dir });
    const log = await stack.db.query<{ file: string }>(
      'select file from public.seed_log order by n',
    );
    expect(log.rows.map((r) => r.file)).toEqual(['seed.sql', '01_a', '02_b']);
    await stack.close();
  });

  it("auth.uid(), auth.role(), auth.email() and auth.jwt() read the request's claims as on Supabase", async () => {
    const p = project();
    const stack = await startStack({ ...quiet, data: 'memory', projectDir: p.dir });
    const row = await stack.db.transaction(async (tx) => {
      await applyScope(tx, {
        role: 'authenticated',
        claims: {
          sub: '6f1c2a52-8a47-4a9e-9a7e-2b1f4f3f0c11',
          role: 'authenticated',
          email: 'qc@loupe.test',
        },
      });
      const r = await tx.query<Record<string, string>>(
        `select auth.uid()::text as uid, auth.role() as role, auth.email() as email,
                auth.jwt() ->> 'email' as jwt_email, current_user::text as db_role`,
      );
      return r.rows[0];
    });
    expect(row).toEqual({
      uid: '6f1c2a52-8a47-4a9e-9a7e-2b1f4f3f0c11',
      role: 'authenticated',
      email: 'qc@loupe.test',
      jwt_email: 'qc@loupe.test',
      db_role: 'authenticated',
    });
    // Transaction-local: the next transaction is the superuser again with no claims.
    const after = await stack.db.query<{ uid: string | null }>('select auth.uid()::text as uid');
    expect(after.rows[0]?.uid).toBeNull();
    await stack.close();
  });
});
