// Database lint in the spirit of Supabase's splinter, read from the catalog of a database
// built from supabase/migrations (support/lints.ts lists the rules). Each failure names what
// to fix; a control schema that breaks every rule proves each check can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../local-supabase/db/pglite';
import { openPostgres } from '../../local-supabase/db/postgres';
import { migrate } from '../../local-supabase/db/migrate';
import type { Database } from '../../local-supabase/db/database';
import { resetPostgresDatabase } from '../stack/support/postgres';
import { brokenSchema, lints } from './support/lints';

const migrationsDir = new URL('../../supabase/migrations/', import.meta.url).pathname;

const engines: Array<[string, (suffix: string) => Promise<Database>]> = [
  ['pglite', () => openPglite('memory')],
];
const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  engines.push([
    'postgres',
    async (suffix) => openPostgres(await resetPostgresDatabase(pgUrl, `rules_${suffix}`)),
  ]);
}

describe.each(engines)('database lint on %s', (_engine, open) => {
  let project: Database;
  let broken: Database;

  beforeAll(async () => {
    [project, broken] = await Promise.all([open('lint'), open('lint_control')]);
    await migrate(project, { migrationsDir });
    await migrate(broken, { migrationsDir });
    await broken.exec(brokenSchema);
  });
  afterAll(async () => {
    await project?.close();
    await broken?.close();
  });

  it.each(lints.map((l) => [l.rule, l] as const))('%s', async (_rule, lint) => {
    expect(await lint.offenders(project)).toEqual([]);
    // The control: the same check finds the planted mistake.
    expect((await lint.offenders(broken)).some((o) => o.includes('lint_'))).toBe(true);
  });

  it('reaches nothing in the private schema as anon', async () => {
    const { rows } = await project.query<{ ok: boolean }>(
      `select has_schema_privilege('anon', 'private', 'usage') as ok`,
    );
    expect(rows[0]?.ok).toBe(false);
  });

  it('lets no API role rewrite the order history, and a trigger stops everyone else', async () => {
    const grants = await project.query<{ grantee: string }>(
      `select grantee || ' ' || privilege_type as grantee from information_schema.role_table_grants
       where table_schema = 'public' and table_name = 'order_events'
         and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')
         and grantee in ('anon', 'authenticated', 'service_role', 'PUBLIC')`,
    );
    expect(grants.rows).toEqual([]);
    const triggers = await project.query<{ name: string }>(
      `select t.tgname as name from pg_trigger t
       where t.tgrelid = 'public.order_events'::regclass and not t.tgisinternal order by 1`,
    );
    // (Realtime's capture trigger sits beside them; it only reads.)
    expect(triggers.rows.map((t) => t.name)).toEqual(
      expect.arrayContaining(['order_events_append_only', 'order_events_no_truncate']),
    );
  });
});
