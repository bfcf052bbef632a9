// `npm run stack -- [options]`: runs the local Supabase-compatible stack on its own.
import { parseArgs } from 'node:util';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStack } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '54321' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.loupe/data' },
    migrations: { type: 'string' },
    seed: { type: 'string' },
    'no-seed': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    project: { type: 'string', default: 'supabase' },
    reset: { type: 'boolean', default: false },
    'reset-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Local Supabase-compatible stack (REST, Auth, Storage, Realtime) on embedded Postgres.

  --port <n>              listen port (default 54321, the Supabase CLI's)
  --host <addr>           listen address (default 127.0.0.1)
  --data <dir|memory>     embedded database + files folder (default .loupe/data)
  --database-url <url>    use a real Postgres instead of the embedded one
  --project <dir>         Supabase project folder (default supabase)
  --migrations <dir>      migrations folder (default <project>/migrations)
  --seed <file>           one seed file instead of config.toml's [db.seed] sql_paths
  --no-seed               do not seed
  --reset                 delete the data folder first (rebuild from migrations + seed)
  --reset-only            rebuild, then exit (npm run db:reset)`);
  process.exit(0);
}

async function main() {
  const reset = values.reset || values['reset-only'];
  if (reset) {
    if (values['database-url']) {
      throw new Error(
        '--reset works on the embedded database; for a real Postgres, drop and recreate it.',
      );
    }
    if (values.data !== 'memory') rmSync(resolve(values.data), { recursive: true, force: true });
  }
  const stack = await startStack({
    port: Number(values.port),
    host: values.host,
    data: values.data,
    databaseUrl: values['database-url'],
    projectDir: values.project,
    migrationsDir: values.migrations,
    seedFile: values['no-seed'] ? null : values.seed,
  });
  if (values['reset-only']) {
    await stack.close();
    console.log(
      `Database rebuilt in ${values.data}: ${stack.migrations.applied.length} migrations, seed ${stack.migrations.seeded ? 'applied' : 'skipped'}.`,
    );
    return;
  }
  console.log(
    `Local Supabase ready: API URL ${stack.url}  anon key ${stack.anonKey}  service_role key ${stack.serviceRoleKey}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down…`);
    stack.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`The stack could not start: ${error.message}`);
  process.exit(1);
});
