// Brings a database to the state `supabase start` would: Supabase's own bootstrap (roles,
// auth/storage schemas), then the project's migrations in filename order, each recorded in
// supabase_migrations.schema_migrations, then the seed — only on a fresh database.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const bootstrapDir = fileURLToPath(new URL('./bootstrap/', import.meta.url));

export type MigrateOptions = {
  migrationsDir: string;
  /** Seed files in order; run only on a fresh database, missing files skipped. */
  seedFiles?: string[];
  log?: (line: string) => void;
};

export type MigrateReport = { fresh: boolean; applied: string[]; seeded: boolean };

/** Expands `[db.seed] sql_paths` entries (globs `*`/`?` in the file name) in order. */
export async function expandSeedPaths(projectDir: string, patterns: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const full = join(projectDir, pattern);
    const base = basename(full);
    if (!/[*?]/.test(base)) {
      files.push(full);
      continue;
    }
    const re = new RegExp(
      '^' +
        base
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.') +
        '$',
    );
    const dir = dirname(full);
    if (!existsSync(dir)) continue;
    files.push(
      ...(await readdir(dir))
        .filter((f) => re.test(f))
        .sort()
        .map((f) => join(dir, f)),
    );
  }
  return [...new Set(files)];
}

async function sqlFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
}

export async function migrate(db: Database, options: MigrateOptions): Promise<MigrateReport> {
  const log = options.log ?? (() => undefined);
  // "Fresh" means no project migration was ever recorded here.
  const recorded = await db.query<{ exists: boolean }>(
    `select to_regclass('supabase_migrations.schema_migrations') is not null as exists`,
  );
  const fresh =
    !recorded.rows[0]?.exists ||
    (await db.query(`select 1 from supabase_migrations.schema_migrations limit 1`)).rows.length ===
      0;

  for (const file of await sqlFiles(bootstrapDir)) {
    await db.exec(await readFile(join(bootstrapDir, file), 'utf8'));
  }

  const done = new Set(
    (
      await db.query<{ version: string }>(
        `select version from supabase_migrations.schema_migrations`,
      )
    ).rows.map((r) => r.version),
  );
  const applied: string[] = [];
  for (const file of await sqlFiles(options.migrationsDir)) {
    const match = /^(\d+)_(.*)\.sql$/.exec(file);
    if (!match) {
      log(`skipping ${file}: migration files are named <timestamp>_<name>.sql`);
      continue;
    }
    const [, version, name] = match as unknown as [string, string, string];
    if (done.has(version)) continue;
    const sql = await readFile(join(options.migrationsDir, file), 'utf8');
    await db
      .transaction(async (tx) => {
        // A whole file in one simple-protocol call, like `supabase db push` sends it.
        await tx.exec(sql);
        await tx.query(
          `insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)`,
          [version, name, [sql]],
        );
      })
      .catch((error: Error) => {
        throw new Error(`migration ${file} failed: ${error.message}`, { cause: error });
      });
    applied.push(file);
    log(`applied ${file}`);
  }

  let seeded = false;
  const seedFiles = fresh ? (options.seedFiles ?? []).filter((f) => existsSync(f)) : [];
  if (seedFiles.length > 0) {
    // All seed files in one transaction: a broken seed leaves no half-seeded database.
    await db.transaction(async (tx) => {
      for (const file of seedFiles) {
        try {
          await tx.exec(await readFile(file, 'utf8'));
        } catch (error) {
          throw new Error(`seed ${file} failed: ${(error as Error).message}`, { cause: error });
        }
      }
    });
    seeded = true;
    log(`seeded from ${seedFiles.join(', ')}`);
  }
  return { fresh, applied, seeded };
}
