// `npm run bench`: every figure with a reference measured in the same run, as a ratio.
// Writes bench/results.json. A real Postgres is used when BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) is set; `<name>_bench*` sibling databases are recreated for the run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchRest, type RestCase } from './rest';
import { runRealtimeBench, type RealtimeBenchResult } from './realtime';
import { benchStorage, type StorageBench } from './storage';
import { benchApp, type AppBench } from './app';
import { benchBoardBrowser, printBoardBrowser, type BoardBrowserBench } from './board-browser';
import { benchScanBrowser, printScanBrowser, type ScanBrowserBench } from './scan-browser';
import { benchBundle, printBundle, type RouteBundle } from './bundle';
import { benchLighthouse, printLighthouse, type LighthouseBench } from './lighthouse';
import { benchReviewLink, printReviewLink, type ReviewLinkBench } from './review-link';
import { resetPostgresDatabase } from '../tests/stack/support/postgres';

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');

async function main() {
  const results: {
    rest: RestCase[];
    realtime: RealtimeBenchResult[];
    storage?: StorageBench;
    app?: AppBench;
    boardBrowser?: BoardBrowserBench;
    scanBrowser?: ScanBrowserBench;
    bundle?: RouteBundle[];
    reviewLink?: ReviewLinkBench;
    lighthouse?: LighthouseBench;
  } = {
    rest: [],
    realtime: [],
  };
  // Sizes for a quick check of the harness: BENCH_APP_ORDERS=500 BENCH_APP_N=5 npm run bench.
  const appOrders = Number(process.env.BENCH_APP_ORDERS ?? 10_000);
  const appN = Number(process.env.BENCH_APP_N ?? 20);
  // BENCH_ONLY=app,browser runs some sections and merges them into the existing results.json.
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const want = (section: string) => !only || only.includes(section);
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!pgUrl)
    console.log(
      '(set BENCH_DATABASE_URL to a Postgres superuser URL to bench a real Postgres too)',
    );

  if (want('rest')) {
    results.rest.push(...(await benchRest('pglite')));
    if (pgUrl)
      results.rest.push(
        ...(await benchRest('postgres', await resetPostgresDatabase(pgUrl, 'bench'))),
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
  }

  if (want('realtime')) {
    console.log('\nRealtime: REST write → postgres_changes event at subscribed clients (RLS on)');
    results.realtime.push(await runRealtimeBench());
    if (pgUrl) {
      results.realtime.push(
        await runRealtimeBench({ databaseUrl: await resetPostgresDatabase(pgUrl, 'bench_rt') }),
      );
    }
  }

  if (want('storage')) {
    console.log('\nStorage: 200 MB through the stack vs copying the same file on disk');
    results.storage = await benchStorage(200);
    console.table({
      upload: results.storage.upload,
      'upload (TUS)': results.storage.tusUpload,
      download: results.storage.download,
    });
    console.log(`disk copy: ${fmt(results.storage.diskCopyMBs)} MB/s`);
  }

  if (want('app')) {
    console.log(
      `\nThe app (supabase/ project + seed:scale, ${appOrders} orders) as a signed-in manager (ms)`,
    );
    results.app = await benchApp({ orders: appOrders, n: appN });
    console.log(`${results.app.orders} orders, ${results.app.events} events`);
    console.table(
      results.app.cases.map((c) => ({
        case: c.name,
        p50: fmt(c.measured.p50),
        p95: fmt(c.measured.p95),
        'ref p50': fmt(c.ref.p50),
        'ref p95': fmt(c.ref.p95),
        'ratio p50': fmt(c.ratioP50),
        'ratio p95': fmt(c.ratioP95),
        target: c.target === null ? '-' : `≤ ${c.target}×`,
        meets: c.target === null ? '-' : c.ratioP50 <= c.target ? 'yes' : 'NO',
        reference: c.reference,
      })),
    );
  }

  if (want('browser')) {
    console.log('\nBoard in headless Chromium (production build against the app stack)');
    results.boardBrowser = await benchBoardBrowser();
    printBoardBrowser(results.boardBrowser);
  }

  if (want('scan')) {
    console.log(
      '\n/scan in headless Chromium: scan → bench card, and the decode loop idle (production build)',
    );
    results.scanBrowser = await benchScanBrowser();
    printScanBrowser(results.scanBrowser);
  }

  if (want('bundle')) {
    console.log('\nFirst-screen JavaScript and CSS per route, gzip (production build)');
    results.bundle = await benchBundle();
    printBundle(results.bundle);
  }

  if (want('review')) {
    console.log('\nReview links: a made-up token vs a revoked one (anon, over HTTP)');
    results.reviewLink = await benchReviewLink();
    printReviewLink(results.reviewLink);
  }

  if (want('lighthouse')) {
    console.log('\nLighthouse (desktop preset) on a production build: sign-in and the board');
    results.lighthouse = await benchLighthouse();
    printLighthouse(results.lighthouse);
  }

  const file = new URL('./results.json', import.meta.url);
  const previous = only && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // Sections not run keep their previous figures (rest and realtime start as empty lists).
  const ran = Object.fromEntries(
    Object.entries(results).filter(
      ([key, value]) =>
        value !== undefined && (want(key) || !Array.isArray(value) || value.length > 0),
    ),
  );
  writeFileSync(file, JSON.stringify({ ...previous, ...ran }, null, 2));
  console.log('\nwrote bench/results.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
