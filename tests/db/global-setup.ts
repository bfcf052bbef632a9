// Starts the local stack once per `db` test run with the real Supabase project (supabase/:
// config.toml, migrations, seed) on PGlite in memory — and, when TEST_DATABASE_URL is set, a
// second one on that real Postgres — so every rules spec runs against both engines.
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../../local-supabase/server';
import { resetPostgresDatabase } from '../stack/support/postgres';

export type DbTarget = {
  engine: 'pglite' | 'postgres';
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    dbTargets: DbTarget[];
  }
}

const projectDir = new URL('../../supabase/', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  const stacks: Stack[] = [];
  const common = { port: 0, projectDir, log: () => undefined };
  stacks.push(await startStack({ ...common, data: 'memory' }));
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    stacks.push(
      await startStack({ ...common, databaseUrl: await resetPostgresDatabase(pgUrl, 'rules') }),
    );
  }
  // Specs run without WIP limits, so the orders they create never crowd each other out of a
  // stage; the WIP spec sets the one limit it tests and clears it again.
  for (const s of stacks) await s.db.query(`update public.stage_settings set wip_limit = null`);
  project.provide(
    'dbTargets',
    stacks.map((s) => ({
      engine: s.db.engine,
      url: s.url,
      anonKey: s.anonKey,
      serviceRoleKey: s.serviceRoleKey,
      jwtSecret: s.jwtSecret,
    })),
  );
  return async () => {
    for (const s of stacks) await s.close();
  };
}
