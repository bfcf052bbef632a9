// `npm run seed:scale -- --orders 10000`: adds thousands of generated orders (the demo seed's
// own generator, supabase/seeds/10_workshop_orders.sql, run with a bigger count and a longer
// history) to the local database or a real Postgres, then times the board read paths — the
// benchmark data set for "fast with a realistic year of data". Stop `npm start` first when
// targeting the embedded database: PGlite's folder has one owner at a time.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Database } from '../local-supabase/db/database';
import { openPglite } from '../local-supabase/db/pglite';
import { openPostgres } from '../local-supabase/db/postgres';
import { applyScope } from '../local-supabase/db/scope';
import { expandSeedPaths, migrate } from '../local-supabase/db/migrate';
import { loadConfig } from '../local-supabase/config';

/** Adds `orders` generated orders spread over `weeks` of history to a migrated, seeded
 * database (the demo seed's generator at scale), then analyzes. Also used by `npm run bench`. */
export async function seedScale(
  db: Database,
  {
    orders,
    weeks,
    projectDir = 'supabase',
  }: { orders: number; weeks: number; projectDir?: string },
): Promise<{ orders: number; events: number }> {
  const generator = await readFile(
    join(resolve(projectDir), 'seeds', '10_workshop_orders.sql'),
    'utf8',
  );
  await db.transaction(async (tx) => {
    // The generator reads its size from these transaction-local settings.
    await tx.query(
      `select set_config('loupe.seed_orders', $1, true), set_config('loupe.seed_weeks', $2, true)`,
      [String(orders), String(weeks)],
    );
    await tx.exec(generator);
  });
  await db.exec('analyze');
  const counts = await db.query<{ orders: number; events: number }>(
    `select (select count(*)::int from public.orders) as orders,
            (select count(*)::int from public.order_events) as events`,
  );
  return counts.rows[0]!;
}

function cliOptions() {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '10000' },
      weeks: { type: 'string', default: '52' },
      data: { type: 'string', default: '.loupe/data' },
      'database-url': { type: 'string' },
      project: { type: 'string', default: 'supabase' },
      help: { type: 'boolean', default: false },
    },
  });

  if (values.help) {
    console.log(`Adds generated orders for benchmarks, then times the board reads.

  --orders <n>            how many orders to add (default 10000)
  --weeks <n>             history they are spread over (default 52)
  --data <dir|memory>     embedded database folder (default .loupe/data; memory: throwaway)
  --database-url <url>    a real Postgres instead
  --project <dir>         Supabase project folder (default supabase)`);
    process.exit(0);
  }

  const orders = Number(values.orders);
  const weeks = Number(values.weeks);
  if (!Number.isInteger(orders) || orders < 1 || orders > 1_000_000) {
    throw new Error('--orders must be a whole number between 1 and 1,000,000');
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    throw new Error('--weeks must be a whole number between 1 and 520');
  }
  return { values, orders, weeks };
}

async function open(values: ReturnType<typeof cliOptions>['values']): Promise<Database> {
  if (values['database-url']) return openPostgres(values['database-url']);
  if (values.data === 'memory') return openPglite('memory');
  const dir = join(resolve(values.data), 'pgdata');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
}

async function main() {
  const { values, orders, weeks } = cliOptions();
  const projectDir = resolve(values.project);
  const config = loadConfig(join(projectDir, 'config.toml'));
  const db = await open(values);
  try {
    // The schema and demo staff first (a no-op on a database that already has them).
    await migrate(db, {
      migrationsDir: join(projectDir, 'migrations'),
      seedFiles: await expandSeedPaths(projectDir, config.db.seedPaths),
    });
    const counts = await timed(`generated ${orders} orders over ${weeks} weeks`, () =>
      seedScale(db, { orders, weeks, projectDir }),
    );
    console.log(`now ${counts.orders} orders, ${counts.events} events`);

    // The board as a manager reads it: every active card, SLA computed, in one query.
    const manager = '0a5e1000-0000-4000-8000-000000000004';
    for (let run = 1; run <= 3; run++) {
      await timed(`board read ${run} (active cards, as a manager)`, () =>
        db
          .transaction(async (tx) => {
            await applyScope(tx, {
              role: 'authenticated',
              claims: { sub: manager, role: 'authenticated' },
            });
            // The whole JSON body a board request returns, built by Postgres as PostgREST does.
            const r = await tx.query<{ n: number }>(
              `select count(*)::int as n, count(*) filter (where sla_status = 'red')::int as red,
                      coalesce(length(json_agg(b)::text), 0)::int as bytes
               from (select * from public.order_board
                     where stage not in ('delivered', 'cancelled')) b`,
            );
            return r.rows[0];
          })
          .then((row) => console.log(`  ${JSON.stringify(row)}`)),
      );
    }
    const reports: Array<[string, string]> = [
      [
        'stage_turnaround, a year',
        `select count(*) from public.stage_turnaround(now() - interval '52 weeks')`,
      ],
      ['weekly_flow, 52 weeks', `select count(*) from public.weekly_flow(52)`],
      ['cumulative_flow, 365 days', `select count(*) from public.cumulative_flow(365)`],
    ];
    for (const [label, sql] of reports) {
      await timed(label, () =>
        db.transaction(async (tx) => {
          await applyScope(tx, {
            role: 'authenticated',
            claims: { sub: manager, role: 'authenticated' },
          });
          await tx.query(sql);
        }),
      );
    }
  } finally {
    await db.close();
  }
}

// The CLI only when run as a script (the bench imports seedScale).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
