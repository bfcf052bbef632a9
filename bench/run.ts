// `npm run bench`: every figure with a reference measured in the same run, as a ratio.
// Writes bench/results.json. A real Postgres is used when BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) is set; its `<name>_bench` sibling database is recreated for the run.
import { writeFileSync } from 'node:fs';
import { benchRest, type RestCase } from './rest';
import { resetPostgresDatabase } from '../tests/stack/support/postgres';

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');

async function main() {
  const results: { rest: RestCase[] } = { rest: [] };
  results.rest.push(...(await benchRest('pglite')));
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (pgUrl)
    results.rest.push(
      ...(await benchRest('postgres', await resetPostgresDatabase(pgUrl, 'bench'))),
    );
  else
    console.log(
      '(set BENCH_DATABASE_URL to a Postgres superuser URL to bench a real Postgres too)',
    );

  console.log(
    '\nREST through supabase-js over HTTP vs the same SQL transaction replayed directly (ms)',
  );
  console.table(
    results.rest.map((r) => ({
      engine: r.engine,
      case: r.name,
      'http p50': fmt(r.http.p50),
      'http p95': fmt(r.http.p95),
      'direct p50': fmt(r.direct.p50),
      'direct p95': fmt(r.direct.p95),
      'ratio p50': fmt(r.ratio),
      'req/s @10': Math.round(r.rps10),
      'req/s @50': Math.round(r.rps50),
    })),
  );
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
