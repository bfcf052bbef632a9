// Starts the local stack once per test run (not per file) with the conformance fixture schema,
// on PGlite in memory — and, when TEST_DATABASE_URL is set, a second one on that real Postgres,
// so every stack spec runs against both engines. Specs read the targets with inject().
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../../local-supabase/server';
import { resetPostgresDatabase } from './support/postgres';

export type StackTarget = {
  engine: 'pglite' | 'postgres';
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    stackTargets: StackTarget[];
  }
}

const fixtures = new URL('./fixtures/', import.meta.url).pathname;

export default async function setup(project: TestProject) {
  const stacks: Stack[] = [];
  const common = {
    port: 0,
    projectDir: fixtures,
    migrationsDir: fixtures + 'migrations',
    seedFile: fixtures + 'seed.sql',
    log: () => undefined,
    // Small limits so the rate-limit specs run in milliseconds.
    configOverrides: (config: Stack['config']) => {
      config.auth.rateLimit = { tokenRefresh: 30, signInSignUps: 20 };
      // A short refresh-token reuse interval, so the rotation specs can step past it.
      config.auth.refreshTokenReuseInterval = 2;
    },
  };
  stacks.push(await startStack({ ...common, data: 'memory' }));
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    // data: 'memory' keeps this stack's storage files in a temporary folder, not in .loupe/data.
    stacks.push(
      await startStack({
        ...common,
        data: 'memory',
        databaseUrl: await resetPostgresDatabase(pgUrl),
      }),
    );
  }
  project.provide(
    'stackTargets',
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
